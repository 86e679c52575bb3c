/* Mock of the SQLite C API (sqlite3.h, 3.40), for dbrace's tests. The same
 * names, typedefs, opaque handle types and prototypes as the real header,
 * declarations only: the tests are compiled, never linked. */
#ifndef SQLITE3_H
#define SQLITE3_H

#ifdef __cplusplus
extern "C" {
#endif

#ifndef SQLITE_API
#define SQLITE_API
#endif

typedef struct sqlite3 sqlite3;
typedef struct sqlite3_stmt sqlite3_stmt;
typedef long long int sqlite_int64;
typedef unsigned long long int sqlite_uint64;
typedef sqlite_int64 sqlite3_int64;
typedef sqlite_uint64 sqlite3_uint64;
typedef void (*sqlite3_destructor_type)(void *);

#define SQLITE_OK 0
#define SQLITE_ERROR 1
#define SQLITE_BUSY 5
#define SQLITE_ROW 100
#define SQLITE_DONE 101
#define SQLITE_STATIC ((sqlite3_destructor_type)0)
#define SQLITE_TRANSIENT ((sqlite3_destructor_type)-1)
#define SQLITE_OPEN_READWRITE 0x00000002
#define SQLITE_OPEN_CREATE 0x00000004
#define SQLITE_PREPARE_PERSISTENT 0x01

SQLITE_API int sqlite3_open(const char *filename, sqlite3 **ppDb);
SQLITE_API int sqlite3_open_v2(const char *filename, sqlite3 **ppDb,
                               int flags, const char *zVfs);
SQLITE_API int sqlite3_close(sqlite3 *);
SQLITE_API int sqlite3_busy_timeout(sqlite3 *, int ms);
SQLITE_API const char *sqlite3_errmsg(sqlite3 *);
SQLITE_API void sqlite3_free(void *);

SQLITE_API int sqlite3_exec(sqlite3 *, const char *sql,
                            int (*callback)(void *, int, char **, char **),
                            void *, char **errmsg);
SQLITE_API int sqlite3_get_table(sqlite3 *db, const char *zSql,
                                 char ***pazResult, int *pnRow,
                                 int *pnColumn, char **pzErrmsg);
SQLITE_API void sqlite3_free_table(char **result);

SQLITE_API int sqlite3_changes(sqlite3 *);
SQLITE_API sqlite3_int64 sqlite3_changes64(sqlite3 *);
SQLITE_API sqlite3_int64 sqlite3_last_insert_rowid(sqlite3 *);

SQLITE_API int sqlite3_prepare(sqlite3 *db, const char *zSql, int nByte,
                               sqlite3_stmt **ppStmt, const char **pzTail);
SQLITE_API int sqlite3_prepare_v2(sqlite3 *db, const char *zSql, int nByte,
                                  sqlite3_stmt **ppStmt, const char **pzTail);
SQLITE_API int sqlite3_prepare_v3(sqlite3 *db, const char *zSql, int nByte,
                                  unsigned int prepFlags,
                                  sqlite3_stmt **ppStmt, const char **pzTail);

SQLITE_API int sqlite3_bind_int(sqlite3_stmt *, int, int);
SQLITE_API int sqlite3_bind_parameter_index(sqlite3_stmt *, const char *zName);
SQLITE_API int sqlite3_bind_int64(sqlite3_stmt *, int, sqlite3_int64);
SQLITE_API int sqlite3_bind_double(sqlite3_stmt *, int, double);
SQLITE_API int sqlite3_bind_null(sqlite3_stmt *, int);
SQLITE_API int sqlite3_bind_text(sqlite3_stmt *, int, const char *, int,
                                 void (*)(void *));

SQLITE_API int sqlite3_step(sqlite3_stmt *);
SQLITE_API int sqlite3_column_count(sqlite3_stmt *pStmt);
SQLITE_API int sqlite3_column_int(sqlite3_stmt *, int iCol);
SQLITE_API sqlite3_int64 sqlite3_column_int64(sqlite3_stmt *, int iCol);
SQLITE_API double sqlite3_column_double(sqlite3_stmt *, int iCol);
SQLITE_API const unsigned char *sqlite3_column_text(sqlite3_stmt *, int iCol);
SQLITE_API int sqlite3_column_type(sqlite3_stmt *, int iCol);
SQLITE_API int sqlite3_reset(sqlite3_stmt *pStmt);
SQLITE_API int sqlite3_finalize(sqlite3_stmt *pStmt);

#ifdef __cplusplus
}
#endif

#endif /* SQLITE3_H */
