#include "service/transfer_service.h"

int main() {
  pqxx::connection connection("dbname=transfers");
  transfers::Transaction_Manager tm(connection);
  transfers::Accounts_Repository accounts(tm);
  return transfers::transfer_locked(tm, accounts, 1, 2, 10) ? 0 : 1;
}
