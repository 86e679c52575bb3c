/* Mock of the MySQL/MariaDB C client API (mysql.h of MariaDB Connector/C
 * 3.3, with the prepared-statement part of mariadb_stmt.h), for dbrace's
 * tests: the names, typedefs and prototypes of the real header that the
 * tests use, declarations only. The tests are compiled, never linked. */
#ifndef MYSQL_MOCK_H
#define MYSQL_MOCK_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#define STDCALL

typedef char my_bool;
typedef unsigned long long my_ulonglong;
typedef char **MYSQL_ROW; /* one row: its values as strings */

/* The real structures have many members; the tests only pass pointers. */
typedef struct st_mysql {
  void *net_stub;
  unsigned int server_status;
} MYSQL;

typedef struct st_mysql_res {
  my_ulonglong row_count;
} MYSQL_RES;

typedef struct st_mysql_stmt MYSQL_STMT;

enum enum_field_types {
  MYSQL_TYPE_DECIMAL, MYSQL_TYPE_TINY, MYSQL_TYPE_SHORT, MYSQL_TYPE_LONG,
  MYSQL_TYPE_FLOAT, MYSQL_TYPE_DOUBLE, MYSQL_TYPE_NULL, MYSQL_TYPE_TIMESTAMP,
  MYSQL_TYPE_LONGLONG, MYSQL_TYPE_INT24
};

typedef struct st_mysql_bind {
  unsigned long *length;
  my_bool *is_null;
  void *buffer;
  my_bool *error;
  unsigned long buffer_length;
  enum enum_field_types buffer_type;
  my_bool is_unsigned;
} MYSQL_BIND;

#define MYSQL_NO_DATA 100

MYSQL *STDCALL mysql_init(MYSQL *mysql);
MYSQL *STDCALL mysql_real_connect(MYSQL *mysql, const char *host,
                                  const char *user, const char *passwd,
                                  const char *db, unsigned int port,
                                  const char *unix_socket,
                                  unsigned long clientflag);
void STDCALL mysql_close(MYSQL *sock);
const char *STDCALL mysql_error(MYSQL *mysql);
unsigned int STDCALL mysql_errno(MYSQL *mysql);

int STDCALL mysql_query(MYSQL *mysql, const char *q);
int STDCALL mysql_real_query(MYSQL *mysql, const char *q,
                             unsigned long length);
MYSQL_RES *STDCALL mysql_store_result(MYSQL *mysql);
MYSQL_RES *STDCALL mysql_use_result(MYSQL *mysql);
void STDCALL mysql_free_result(MYSQL_RES *result);
MYSQL_ROW STDCALL mysql_fetch_row(MYSQL_RES *result);
my_ulonglong STDCALL mysql_num_rows(MYSQL_RES *res);
unsigned int STDCALL mysql_num_fields(MYSQL_RES *res);
my_ulonglong STDCALL mysql_affected_rows(MYSQL *mysql);
my_ulonglong STDCALL mysql_insert_id(MYSQL *mysql);
my_bool STDCALL mysql_autocommit(MYSQL *mysql, my_bool mode);
my_bool STDCALL mysql_commit(MYSQL *mysql);
my_bool STDCALL mysql_rollback(MYSQL *mysql);
unsigned long STDCALL mysql_real_escape_string(MYSQL *mysql, char *to,
                                               const char *from,
                                               unsigned long length);

MYSQL_STMT *STDCALL mysql_stmt_init(MYSQL *mysql);
int STDCALL mysql_stmt_prepare(MYSQL_STMT *stmt, const char *query,
                               unsigned long length);
int STDCALL mysql_stmt_execute(MYSQL_STMT *stmt);
int STDCALL mysql_stmt_fetch(MYSQL_STMT *stmt);
int STDCALL mysql_stmt_store_result(MYSQL_STMT *stmt);
my_bool STDCALL mysql_stmt_bind_param(MYSQL_STMT *stmt, MYSQL_BIND *bnd);
my_bool STDCALL mysql_stmt_bind_result(MYSQL_STMT *stmt, MYSQL_BIND *bnd);
my_bool STDCALL mysql_stmt_close(MYSQL_STMT *stmt);
unsigned long long STDCALL mysql_stmt_affected_rows(MYSQL_STMT *stmt);
const char *STDCALL mysql_stmt_error(MYSQL_STMT *stmt);

#ifdef __cplusplus
}
#endif

#endif /* MYSQL_MOCK_H */
