// A transaction guard: rolls back unless committed.
#ifndef TICKETS_DB_TRANSACTION_H
#define TICKETS_DB_TRANSACTION_H

class DBTransaction {
public:
  DBTransaction() = default;
  ~DBTransaction();
  DBTransaction(const DBTransaction &) = delete;
  DBTransaction &operator=(const DBTransaction &) = delete;

  bool begin();
  bool commit();

private:
  bool active = false;
};

#endif
