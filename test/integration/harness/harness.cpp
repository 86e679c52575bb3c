// The harness's clients, timing and race window (see harness.h, window.h).

#include "harness.h"
#include "window.h"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <mutex>
#include <numeric>
#include <random>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace harness {
namespace {

// Lets every client connect first, then releases them together.
class StartGate {
public:
  void arrive_and_wait(int expected) {
    std::unique_lock<std::mutex> lock(m_);
    if (++arrived_ == expected)
      cv_.notify_all();
    cv_.wait(lock, [&] { return arrived_ >= expected; });
  }

private:
  std::mutex m_;
  std::condition_variable cv_;
  int arrived_ = 0;
};

thread_local std::mt19937 window_random;

// The window's length: DBRACE_RACE_WINDOW_MS (default 40) plus up to a
// quarter of it at random.
int window_base_ms() {
  static const int ms = [] {
    const char *env = std::getenv("DBRACE_RACE_WINDOW_MS");
    return env ? std::max(0, std::atoi(env)) : 40;
  }();
  return ms;
}

} // namespace

Options parse_options(int argc, char **argv) {
  if (argc < 5)
    throw std::runtime_error(
        "usage: prog SCHEMA.sql CHECK.sql CLIENTS SEED [TARGET]");
  Options o;
  o.schema_file = argv[1];
  o.check_file = argv[2];
  o.clients = std::atoi(argv[3]);
  o.seed = static_cast<unsigned>(std::strtoul(argv[4], nullptr, 10));
  o.target = argc > 5 ? argv[5] : "";
  if (o.clients < 1)
    throw std::runtime_error("CLIENTS must be at least 1");
  return o;
}

std::string read_file(const std::string &path) {
  std::ifstream in(path);
  if (!in)
    throw std::runtime_error("cannot read " + path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<std::string> statements_of(const std::string &text) {
  std::vector<std::string> out;
  std::string current;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("--", 0) == 0)
      continue;
    current += line + "\n";
  }
  std::istringstream parts(current);
  for (std::string part; std::getline(parts, part, ';');)
    if (part.find_first_not_of(" \t\n") != std::string::npos)
      out.push_back(part);
  return out;
}

void seed_window(unsigned seed, int client) {
  window_random.seed(seed * 7919u + static_cast<unsigned>(client));
}

Outcome run_clients(int clients, unsigned seed,
                    const std::function<void(int)> &prepare,
                    const std::function<bool(int)> &body) {
  StartGate gate;
  std::mutex m;
  // DBRACE_CLIENTS_ONE_AT_A_TIME=1: the same clients, one request at a time,
  // to show that the program is right when nothing runs concurrently.
  const char *one_at_a_time_env = std::getenv("DBRACE_CLIENTS_ONE_AT_A_TIME");
  const bool one_at_a_time =
      one_at_a_time_env && std::string(one_at_a_time_env) == "1";
  std::mutex turn;
  Outcome outcome;
  std::vector<std::thread> threads;
  for (int client = 0; client < clients; ++client) {
    threads.emplace_back([&, client] {
      bool ready = true;
      try {
        seed_window(seed, client);
        prepare(client);
      } catch (const std::exception &e) {
        ready = false;
        std::lock_guard<std::mutex> lock(m);
        std::cerr << "client " << client << ": connect: " << e.what() << "\n";
      }
      gate.arrive_and_wait(
          clients); // never leave the gate waiting for a failed client
      std::unique_lock<std::mutex> my_turn(turn, std::defer_lock);
      if (one_at_a_time)
        my_turn.lock();
      bool done = false;
      const auto start = std::chrono::steady_clock::now();
      if (ready) {
        try {
          done = body(client);
        } catch (const std::exception &e) {
          std::lock_guard<std::mutex> lock(m);
          std::cerr << "client " << client << ": " << e.what() << "\n";
        }
      }
      const std::chrono::duration<double, std::milli> took =
          std::chrono::steady_clock::now() - start;
      std::lock_guard<std::mutex> lock(m);
      outcome.latencies_ms.push_back(took.count());
      if (!done)
        ++outcome.errors;
    });
  }
  for (auto &t : threads)
    t.join();
  return outcome;
}

void print_result(bool ok, const std::string &detail, int clients,
                  const Outcome &outcome) {
  const auto &l = outcome.latencies_ms;
  const double max = l.empty() ? 0 : *std::max_element(l.begin(), l.end());
  const double mean =
      l.empty() ? 0 : std::accumulate(l.begin(), l.end(), 0.0) / l.size();
  std::cout << "RESULT ok=" << (ok ? 1 : 0) << " errors=" << outcome.errors
            << " clients=" << clients << " max_ms=" << static_cast<long>(max)
            << " mean_ms=" << static_cast<long>(mean) << " detail=" << detail
            << std::endl;
}

} // namespace harness

void race_window() {
  const int base = harness::window_base_ms();
  std::uniform_int_distribution<int> jitter(0, base / 4);
  std::this_thread::sleep_for(
      std::chrono::milliseconds(base + jitter(harness::window_random)));
}
