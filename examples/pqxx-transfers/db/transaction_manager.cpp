#include "db/transaction_manager.h"

#include <string>

namespace transfers {

Transaction_Manager::Transaction_Manager(pqxx::connection &connection)
    : session(connection) {}

void Transaction_Manager::begin() { session.exec("BEGIN"); }

void Transaction_Manager::commit() { session.exec("COMMIT"); }

void Transaction_Manager::rollback() { session.exec("ROLLBACK"); }

pqxx::result Transaction_Manager::exec_1(Sql sql, long first) {
  return session.exec_params(std::string(sql.text), first);
}

pqxx::result Transaction_Manager::exec_2(Sql sql, long first, long second) {
  return session.exec_params(std::string(sql.text), first, second);
}

} // namespace transfers
