/* Mock of the PostgreSQL C client library's interface (libpq-fe.h,
 * PostgreSQL 15), for dbrace's tests: the names, typedefs, opaque handles
 * and prototypes of the real header that the tests use, declarations only.
 * The tests are compiled, never linked. */
#ifndef LIBPQ_FE_H
#define LIBPQ_FE_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef unsigned int Oid;

typedef enum {
  CONNECTION_OK,
  CONNECTION_BAD
} ConnStatusType;

typedef enum {
  PGRES_EMPTY_QUERY = 0,
  PGRES_COMMAND_OK,
  PGRES_TUPLES_OK,
  PGRES_COPY_OUT,
  PGRES_COPY_IN,
  PGRES_BAD_RESPONSE,
  PGRES_NONFATAL_ERROR,
  PGRES_FATAL_ERROR,
  PGRES_COPY_BOTH,
  PGRES_SINGLE_TUPLE,
  PGRES_PIPELINE_SYNC,
  PGRES_PIPELINE_ABORTED
} ExecStatusType;

/* Both handles are opaque to the application. */
typedef struct pg_conn PGconn;
typedef struct pg_result PGresult;

extern PGconn *PQconnectdb(const char *conninfo);
extern void PQfinish(PGconn *conn);
extern ConnStatusType PQstatus(const PGconn *conn);
extern char *PQerrorMessage(const PGconn *conn);

extern PGresult *PQexec(PGconn *conn, const char *query);
extern PGresult *PQexecParams(PGconn *conn, const char *command, int nParams,
                              const Oid *paramTypes,
                              const char *const *paramValues,
                              const int *paramLengths,
                              const int *paramFormats, int resultFormat);
extern PGresult *PQprepare(PGconn *conn, const char *stmtName,
                           const char *query, int nParams,
                           const Oid *paramTypes);
extern PGresult *PQexecPrepared(PGconn *conn, const char *stmtName,
                                int nParams, const char *const *paramValues,
                                const int *paramLengths,
                                const int *paramFormats, int resultFormat);

extern ExecStatusType PQresultStatus(const PGresult *res);
extern char *PQresultErrorMessage(const PGresult *res);
extern int PQntuples(const PGresult *res);
extern int PQnfields(const PGresult *res);
extern char *PQcmdTuples(PGresult *res);
extern char *PQgetvalue(const PGresult *res, int tup_num, int field_num);
extern int PQgetlength(const PGresult *res, int tup_num, int field_num);
extern int PQgetisnull(const PGresult *res, int tup_num, int field_num);
extern void PQclear(PGresult *res);
extern void PQfreemem(void *ptr);
extern char *PQescapeLiteral(PGconn *conn, const char *str, size_t len);

#ifdef __cplusplus
}
#endif

#endif /* LIBPQ_FE_H */
