// The harness shared by the SQLite booking programs: schema, threads, checker.
// Each program defines book_ticket(); everything else is here so that the
// flagged and the safe version differ only where the race is.
//
// usage: book DBFILE [threads] [seats]
// prints: RESULT initial=S bookings=B seats_left=L errors=E

#include <sqlite3.h>

#include <atomic>
#include <condition_variable>
#include <cstdlib>
#include <iostream>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

// Returns 1 when a ticket was booked, 0 when sold out, -1 on a database error.
int book_ticket(sqlite3 *db, int event_id);

namespace harness {

inline sqlite3 *open_db(const char *path) {
  sqlite3 *db = nullptr;
  if (sqlite3_open(path, &db) != SQLITE_OK) {
    std::string msg = db ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close(db);
    throw std::runtime_error("open: " + msg);
  }
  // Concurrent writers wait for the lock instead of failing with SQLITE_BUSY.
  sqlite3_busy_timeout(db, 10000);
  return db;
}

inline int query_int(sqlite3 *db, const char *sql) {
  sqlite3_stmt *stmt = nullptr;
  int value = -1000000;
  if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) == SQLITE_OK &&
      sqlite3_step(stmt) == SQLITE_ROW)
    value = sqlite3_column_int(stmt, 0);
  sqlite3_finalize(stmt);
  return value;
}

// Lets every worker open its connection first, then releases them together.
class StartGate {
public:
  void arrive_and_wait(int expected) {
    std::unique_lock<std::mutex> lock(m_);
    if (++arrived_ == expected) cv_.notify_all();
    cv_.wait(lock, [&] { return arrived_ >= expected; });
  }
private:
  std::mutex m_;
  std::condition_variable cv_;
  int arrived_ = 0;
};

inline int run(int argc, char **argv) {
  if (argc < 2) {
    std::cerr << "usage: " << argv[0] << " DBFILE [threads] [seats]\n";
    return 2;
  }
  const char *path = argv[1];
  const int threads = argc > 2 ? std::atoi(argv[2]) : 40;
  const int seats = argc > 3 ? std::atoi(argv[3]) : 10;

  sqlite3 *admin = open_db(path);
  const std::string schema =
      "PRAGMA journal_mode=WAL;"  // readers do not wait for writers: faster runs
      "DROP TABLE IF EXISTS bookings; DROP TABLE IF EXISTS events;"
      "CREATE TABLE events(id INTEGER PRIMARY KEY, available_seats INTEGER NOT NULL);"
      "CREATE TABLE bookings(id INTEGER PRIMARY KEY, event_id INTEGER NOT NULL);"
      "INSERT INTO events(id, available_seats) VALUES (1, " + std::to_string(seats) + ");";
  char *err = nullptr;
  if (sqlite3_exec(admin, schema.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
    std::cerr << "setup failed: " << err << "\n";
    return 2;
  }

  StartGate gate;
  std::atomic<int> errors{0};
  std::vector<std::thread> workers;
  for (int i = 0; i < threads; ++i) {
    workers.emplace_back([&] {
      sqlite3 *db = nullptr;
      try {
        db = open_db(path);
      } catch (const std::exception &e) {
        ++errors;
        std::cerr << "worker: " << e.what() << "\n";
      }
      gate.arrive_and_wait(threads);
      if (db && book_ticket(db, 1) < 0) {
        ++errors;
        std::cerr << "worker: " << sqlite3_errmsg(db) << "\n";
      }
      sqlite3_close(db);
    });
  }
  for (auto &t : workers) t.join();

  std::cout << "RESULT initial=" << seats
            << " bookings=" << query_int(admin, "SELECT count(*) FROM bookings")
            << " seats_left=" << query_int(admin, "SELECT available_seats FROM events WHERE id = 1")
            << " errors=" << errors << std::endl;
  sqlite3_close(admin);
  return 0;
}

}  // namespace harness
