#include "db/transaction.h"
#include "db/database.h"

DBTransaction::~DBTransaction() {
  if (active)
    Database::instance().rollback();
}

bool DBTransaction::begin() {
  active = Database::instance().beginTransaction();
  return active;
}

bool DBTransaction::commit() {
  if (!active)
    return false;
  active = false;
  return Database::instance().commit();
}
