// Ticket booking with libpqxx: the classic read-check-write race.
//
// book_ticket() reads the free seats, decides in C++, then writes. Without a
// row lock two requests can both read "1 seat left" and both book it, so the
// event is oversold. dbrace flags the SELECT (dbrace-unlocked-read-update);
// its fix-it appends " FOR UPDATE", after which the second request waits for
// the first to commit and then sees the seat is gone.
//
// usage: book [conninfo] [threads] [seats]   (conninfo defaults to the PG* env)
// prints: RESULT initial=S bookings=B seats_left=L errors=E

#include <pqxx/pqxx>

#include <atomic>
#include <condition_variable>
#include <cstdlib>
#include <iostream>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

// Returns true when a ticket was booked.
bool book_ticket(pqxx::connection &c, int event_id) {
  pqxx::work w(c);
  pqxx::result r = w.exec("SELECT available_seats FROM events WHERE id = " + w.quote(event_id));
  bool booked = false;
  if (r[0][0].as<int>() > 0) {
    w.exec("UPDATE events SET available_seats = available_seats - 1 WHERE id = " + w.quote(event_id));
    w.exec("INSERT INTO bookings(event_id) VALUES (" + w.quote(event_id) + ")");
    booked = true;
  }
  w.commit();
  return booked;
}

// Lets every worker connect first, then releases them together, so that the
// requests really overlap instead of being spread over connection setup.
class StartGate {
public:
  void wait() {
    std::unique_lock<std::mutex> lock(m_);
    cv_.wait(lock, [this] { return open_; });
  }
  void open() {
    { std::lock_guard<std::mutex> lock(m_); open_ = true; }
    cv_.notify_all();
  }
private:
  std::mutex m_;
  std::condition_variable cv_;
  bool open_ = false;
};

int main(int argc, char **argv) {
  const std::string conninfo = argc > 1 ? argv[1] : "";
  const int threads = argc > 2 ? std::atoi(argv[2]) : 40;
  const int seats = argc > 3 ? std::atoi(argv[3]) : 10;
  const int event_id = 1;

  try {
    pqxx::connection admin(conninfo);
    pqxx::nontransaction setup(admin);
    setup.exec("DROP TABLE IF EXISTS bookings, events");
    setup.exec("CREATE TABLE events(id int PRIMARY KEY, available_seats int NOT NULL)");
    setup.exec("CREATE TABLE bookings(id serial PRIMARY KEY, event_id int NOT NULL)");
    setup.exec("INSERT INTO events(id, available_seats) VALUES (" + setup.quote(event_id) +
               ", " + setup.quote(seats) + ")");
  } catch (const std::exception &e) {
    std::cerr << "setup failed: " << e.what() << "\n";
    return 2;
  }

  StartGate gate;
  std::atomic<int> ready{0}, errors{0};
  std::vector<std::thread> workers;
  for (int i = 0; i < threads; ++i) {
    workers.emplace_back([&] {
      try {
        pqxx::connection c(conninfo);
        ++ready;
        gate.wait();
        book_ticket(c, event_id);
      } catch (const std::exception &e) {
        ++ready;  // never leave the gate waiting for a worker that failed
        ++errors;
        std::cerr << "worker: " << e.what() << "\n";
      }
    });
  }
  while (ready < threads) std::this_thread::yield();
  gate.open();
  for (auto &t : workers) t.join();

  // The checker: what actually got sold.
  try {
    pqxx::connection admin(conninfo);
    pqxx::nontransaction q(admin);
    const int bookings = q.exec("SELECT count(*) FROM bookings")[0][0].as<int>();
    const int left = q.exec("SELECT available_seats FROM events WHERE id = " +
                            q.quote(event_id))[0][0].as<int>();
    std::cout << "RESULT initial=" << seats << " bookings=" << bookings
              << " seats_left=" << left << " errors=" << errors << std::endl;
  } catch (const std::exception &e) {
    std::cerr << "check failed: " << e.what() << "\n";
    return 2;
  }
  return 0;
}
