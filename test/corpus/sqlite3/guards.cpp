// FLAGS: -isystem %inputs/sqlite3
// The code base's own transaction helpers around the SQLite C API: a guard
// class that begins in its constructor and commits or rolls back in its
// destructor, and begin/commit functions. Stock, credits and seats.
#include <sqlite3.h>
#include <stdexcept>

namespace guards {

enum class Mode { Deferred, Immediate };

class Transaction {
public:
  Transaction(sqlite3 *db, Mode mode) : db_(db) {
    if (mode == Mode::Immediate)
      check(sqlite3_exec(db_, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr));
    else
      check(sqlite3_exec(db_, "BEGIN", nullptr, nullptr, nullptr));
  }
  ~Transaction() {
    if (!done_)
      sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
  }
  void commit() {
    check(sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr));
    done_ = true;
  }

private:
  void check(int rc) {
    if (rc != SQLITE_OK)
      throw std::runtime_error(sqlite3_errmsg(db_));
  }
  sqlite3 *db_;
  bool done_ = false;
};

class WriteLock {
public:
  explicit WriteLock(sqlite3 *db) : db_(db) {
    sqlite3_exec(db_, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
  }
  ~WriteLock() { sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr); }

private:
  sqlite3 *db_;
};

static void begin_write(sqlite3 *db) { sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr); }
static void begin_read(sqlite3 *db) { sqlite3_exec(db, "BEGIN DEFERRED", nullptr, nullptr, nullptr); }
static void end(sqlite3 *db) { sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr); }

static int scalar(sqlite3 *db, const char *sql, int key) {
  sqlite3_stmt *st = nullptr;
  sqlite3_prepare_v2(db, sql, -1, &st, nullptr);
  sqlite3_bind_int(st, 1, key);
  int v = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
  sqlite3_finalize(st);
  return v;
}

static void run(sqlite3 *db, const char *sql, int a, int b) {
  sqlite3_stmt *st = nullptr;
  sqlite3_prepare_v2(db, sql, -1, &st, nullptr);
  sqlite3_bind_int(st, 1, a);
  sqlite3_bind_int(st, 2, b);
  sqlite3_step(st);
  sqlite3_finalize(st);
}

// case: safe
// The guard begins IMMEDIATE: the write lock is held from the read on.
bool sell(sqlite3 *db, int item, int qty) {
  Transaction tx(db, Mode::Immediate);
  int stock = scalar(db, "SELECT stock FROM items WHERE id = ?", item);
  if (stock < qty)
    return false;
  run(db, "UPDATE items SET stock = stock - ? WHERE id = ?", qty, item);
  tx.commit();
  return true;
}

// case: unsafe
// The same guard in its deferred mode: no lock until the first write.
bool sell_deferred(sqlite3 *db, int item, int qty) {
  Transaction tx(db, Mode::Deferred);
  int stock = scalar(db, "SELECT stock FROM items WHERE id = ?", item); // expect: dbrace-unlocked-read-update
  if (stock < qty)
    return false;
  run(db, "UPDATE items SET stock = stock - ? WHERE id = ?", qty, item);
  tx.commit();
  return true;
}

// case: safe
// A scoped write lock around the read-modify-write of credits.
void add_credits(sqlite3 *db, int account, int amount) {
  WriteLock lock(db);
  int credits = scalar(db, "SELECT credits FROM accounts WHERE id = ?", account);
  run(db, "UPDATE accounts SET credits = ? WHERE id = ?", credits + amount, account);
}

// case: unsafe
// The read is taken before the guard, so the lock comes too late.
void add_credits_late(sqlite3 *db, int account, int amount) {
  int credits = scalar(db, "SELECT credits FROM accounts WHERE id = ?", account); // expect: dbrace-read-outside-transaction
  WriteLock lock(db);
  run(db, "UPDATE accounts SET credits = ? WHERE id = ?", credits + amount, account);
}

// case: safe
// begin/end functions with an immediate begin.
bool reserve(sqlite3 *db, int event, int user) {
  begin_write(db);
  int seats = scalar(db, "SELECT seats FROM events WHERE id = ?", event);
  if (seats <= 0) {
    end(db);
    return false;
  }
  run(db, "UPDATE events SET seats = seats - 1 WHERE id = ? AND ? > 0", event, user);
  end(db);
  return true;
}

// case: unsafe
// The read-only helper's deferred begin takes no lock for the write after it.
bool reserve_deferred(sqlite3 *db, int event, int user) {
  begin_read(db);
  int seats = scalar(db, "SELECT seats FROM events WHERE id = ?", event); // expect: dbrace-unlocked-read-update
  if (seats <= 0) {
    end(db);
    return false;
  }
  run(db, "UPDATE events SET seats = seats - 1 WHERE id = ? AND ? > 0", event, user);
  end(db);
  return true;
}

} // namespace guards
