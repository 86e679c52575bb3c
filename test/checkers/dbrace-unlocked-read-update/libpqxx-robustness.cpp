// RUN: %check_dbrace %s dbrace-unlocked-read-update %t -- -- -std=c++20 -isystem %inputs/pqxx
// RUN: %check_dbrace %s dbrace-unlocked-read-update %t.real -- -- -std=c++20

// Code the flow engine must not crash on, and where it stays conservative:
// goto, coroutines, lambdas, templates (analysed once per instantiation,
// never uninstantiated).

#include <pqxx/pqxx>
#include <coroutine>

void log_line(const char *);

// goto around the write.
void goto_forward(pqxx::work &w, int id) {
  int seats = w.exec_params1("SELECT seats FROM events WHERE id = $1", id)[0].as<int>();
  if (seats == 0)
    goto done;
  w.exec_params("UPDATE events SET seats = seats - 1 WHERE id = $1", id);
done:
  log_line("done");
}
// CHECK-NOTES: :[[@LINE-7]]:15: warning: 'events' is read without a lock and then written based on the value; the transaction alone does not stop a concurrent request from reading the same value [dbrace-unlocked-read-update]
// CHECK-NOTES: :[[@LINE-7]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-6]]:3: note: 'events' is updated here
// CHECK-FIXES: int seats = w.exec_params1("SELECT seats FROM events WHERE id = $1 FOR UPDATE", id)[0].as<int>();

// A lambda's body is a function of its own.
void lambda_body(pqxx::connection &c, int id) {
  auto book = [&](pqxx::work &w) {
    int seats = w.exec_params1("SELECT seats FROM events WHERE id = $1", id)[0].as<int>();
    if (seats > 0)
      w.exec_params("UPDATE events SET seats = seats - 1 WHERE id = $1", id);
  };
  pqxx::work w(c);
  book(w);
  w.commit();
}
// CHECK-NOTES: :[[@LINE-8]]:17: warning: 'events' is read without a lock and then written based on the value;
// CHECK-NOTES: :[[@LINE-8]]:9: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-8]]:7: note: 'events' is updated here
// CHECK-FIXES: int seats = w.exec_params1("SELECT seats FROM events WHERE id = $1 FOR UPDATE", id)[0].as<int>();

// A coroutine, with a co_await between the read and the check.
struct task {
  struct promise_type {
    task get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};
struct ready {
  bool await_ready() { return true; }
  void await_suspend(std::coroutine_handle<>) {}
  int await_resume() { return 1; }
};
task coroutine(pqxx::work &w, int id) {
  int seats = w.exec_params1("SELECT seats FROM events WHERE id = $1", id)[0].as<int>();
  int wanted = co_await ready{};
  if (seats >= wanted)
    w.exec_params("UPDATE events SET seats = seats - 1 WHERE id = $1", id);
}
// CHECK-NOTES: :[[@LINE-5]]:15: warning: 'events' is read without a lock and then written based on the value;
// CHECK-NOTES: :[[@LINE-4]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-4]]:5: note: 'events' is updated here
// CHECK-FIXES: int seats = w.exec_params1("SELECT seats FROM events WHERE id = $1 FOR UPDATE", id)[0].as<int>();

// Instantiated for a READ COMMITTED and a SERIALIZABLE transaction: the
// first instantiation is racy, the second is not; one warning.
template <typename Tx> void generic(Tx &w, int id) {
  int seats = w.exec_params1("SELECT seats FROM events WHERE id = $1", id)[0].template as<int>();
  if (seats > 0)
    w.exec_params("UPDATE events SET seats = seats - 1 WHERE id = $1", id);
}
// CHECK-NOTES: :[[@LINE-4]]:15: warning: 'events' is read without a lock and then written based on the value;
// CHECK-NOTES: :[[@LINE-4]]:7: note: the value read is checked here
// CHECK-NOTES: :[[@LINE-4]]:5: note: 'events' is updated here
// CHECK-FIXES: int seats = w.exec_params1("SELECT seats FROM events WHERE id = $1 FOR UPDATE", id)[0].template as<int>();
template void generic<pqxx::work>(pqxx::work &, int);
template void generic<pqxx::transaction<pqxx::serializable>>(pqxx::transaction<pqxx::serializable> &, int);

// ---- Not flagged ----

// Only the SERIALIZABLE instantiation exists.
template <typename Tx> void generic_serializable(Tx &w, int id) {
  int seats = w.exec_params1("SELECT seats FROM events WHERE id = $1", id)[0].template as<int>();
  if (seats > 0)
    w.exec_params("UPDATE events SET seats = seats - 1 WHERE id = $1", id);
}
template void generic_serializable<pqxx::transaction<pqxx::serializable>>(pqxx::transaction<pqxx::serializable> &, int);

// Never instantiated.
template <typename Tx> void uninstantiated(Tx &w, int id) {
  int seats = w.exec_params1("SELECT seats FROM events WHERE id = $1", id)[0].template as<int>();
  if (seats > 0)
    w.exec_params("UPDATE events SET seats = seats - 1 WHERE id = $1", id);
}

// A backward goto forms a loop; the read is locked.
void goto_loop(pqxx::work &w, int id) {
  int tries = 0;
again:
  if (tries++ > 3)
    return;
  int seats = w.exec_params1("SELECT seats FROM events WHERE id = $1 FOR UPDATE", id)[0].as<int>();
  if (seats == 0)
    goto again;
  w.exec_params("UPDATE events SET seats = seats - 1 WHERE id = $1", id);
}

// A lambda that is never called and a write after it that nothing decides.
void lambda_not_called(pqxx::work &w, int id) {
  int seats = w.exec_params1("SELECT seats FROM events WHERE id = $1", id)[0].as<int>();
  auto describe = [seats] { return seats > 0 ? "open" : "closed"; };
  (void)describe;
  w.exec_params("UPDATE events SET views = views + 1 WHERE id = $1", id);
}
