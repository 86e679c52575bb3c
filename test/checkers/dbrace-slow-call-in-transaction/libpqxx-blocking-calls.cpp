// RUN: %check_dbrace %s dbrace-slow-call-in-transaction %t -- -- -isystem %inputs/pqxx -isystem %inputs/slow/httplib

// Calls that block until something outside the database answers: another
// process, another thread's result, an HTTP server. Each is slow while a row
// lock is held, whatever library makes it.

#include <cstdio>
#include <cstdlib>
#include <future>
#include <httplib.h>
#include <pqxx/pqxx>

void run_command(pqxx::work &w, int id) {
  w.exec_params("SELECT stock FROM items WHERE id = $1 FOR UPDATE", id);
  std::system("/usr/local/bin/reindex");
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: slow call to 'system' while a lock is held; every request waiting for the lock waits for this call too [dbrace-slow-call-in-transaction]
  // CHECK-NOTES: :[[@LINE-3]]:3: note: the lock is taken here
  w.exec_params("UPDATE items SET stock = stock - 1 WHERE id = $1", id);
}

void read_pipe(pqxx::work &w, int id) {
  w.exec_params("SELECT stock FROM items WHERE id = $1 FOR UPDATE", id);
  FILE *Out = popen("/usr/local/bin/price", "r");
  // CHECK-NOTES: :[[@LINE-1]]:15: warning: slow call to 'popen' while a lock is held; every request waiting for the lock waits for this call too [dbrace-slow-call-in-transaction]
  // CHECK-NOTES: :[[@LINE-3]]:3: note: the lock is taken here
  pclose(Out);
  w.exec_params("UPDATE items SET stock = stock - 1 WHERE id = $1", id);
}

void wait_for_quote(pqxx::work &w, int id, std::future<int> &quote) {
  w.exec_params("SELECT stock FROM items WHERE id = $1 FOR UPDATE", id);
  int price = quote.get();
  // CHECK-NOTES: :[[@LINE-1]]:15: warning: slow call to 'std::future::get' while a lock is held; every request waiting for the lock waits for this call too [dbrace-slow-call-in-transaction]
  // CHECK-NOTES: :[[@LINE-3]]:3: note: the lock is taken here
  w.exec_params("UPDATE items SET price = $1 WHERE id = $2", price, id);
}

void notify_shop(pqxx::work &w, int id, httplib::Client &shop) {
  w.exec_params("SELECT stock FROM items WHERE id = $1 FOR UPDATE", id);
  shop.Post("/stock", "{}", "application/json");
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: slow call to 'httplib::Client::Post' while a lock is held; every request waiting for the lock waits for this call too [dbrace-slow-call-in-transaction]
  // CHECK-NOTES: :[[@LINE-3]]:3: note: the lock is taken here
  w.exec_params("UPDATE items SET stock = stock - 1 WHERE id = $1", id);
}

// ---- Not flagged: the same calls with no lock held ----

void notify_after_commit(pqxx::connection &c, int id, httplib::Client &shop) {
  {
    pqxx::work w(c);
    w.exec_params("UPDATE items SET stock = stock - 1 WHERE id = $1 AND stock > 0", id);
    w.commit();
  }
  shop.Post("/stock", "{}", "application/json");
  std::system("/usr/local/bin/reindex");
}
