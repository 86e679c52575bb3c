// The concurrency harness shared by the integration drivers.
//
// A driver (drivers/<library>.cpp) connects through one database library;
// a scenario's app.cpp defines scenario_request(), the flagged function as
// the harness calls it. run() sets the schema up, releases every client at
// once on its own thread and connection, times each request, asks the
// database whether the scenario's invariant held, and prints one line:
//
//   RESULT ok=1 errors=0 clients=8 max_ms=412 mean_ms=230 detail=...
//
// usage: prog SCHEMA.sql CHECK.sql CLIENTS SEED [TARGET]
//   SCHEMA.sql  statements separated by ';', run before the clients start
//   CHECK.sql   one query returning one row: ok (1 or 0) and a detail text
//   TARGET      the SQLite file; servers are found through the environment
// env: DBRACE_CLIENTS_ONE_AT_A_TIME=1 runs the clients' requests one after
//      the other (the control run), DBRACE_RACE_WINDOW_MS (window.h)
#pragma once

#include <cstdio>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace harness {

// What a driver tells the harness about its library.
template <class Connection> struct Backend {
  // A shared_ptr, so that C handles bring their own close function.
  std::function<std::shared_ptr<Connection>(const std::string &target)> connect;
  std::function<void(Connection &, const std::string &statement)> exec;
  // Runs CHECK.sql: the invariant held, and what the database holds.
  std::function<std::pair<bool, std::string>(Connection &,
                                             const std::string &query)>
      check;
};

struct Options {
  std::string schema_file, check_file, target;
  int clients = 8;
  unsigned seed = 1;
};

struct Outcome {
  int errors = 0;
  std::vector<double> latencies_ms;
};

Options parse_options(int argc, char **argv);
std::string read_file(const std::string &path);
// The statements of a file, split at ';' (the scenario files hold none in
// literals).
std::vector<std::string> statements_of(const std::string &text);
// Seeds this thread's race window, so that a run's timing is repeatable.
void seed_window(unsigned seed, int client);
// Runs body(client) on `clients` threads released together; body returns
// false (or throws) when the request failed.
Outcome run_clients(int clients, unsigned seed,
                    const std::function<void(int)> &prepare,
                    const std::function<bool(int)> &body);
void print_result(bool ok, const std::string &detail, int clients,
                  const Outcome &outcome);

// The whole run of a driver: schema, clients, invariant.
template <class Connection>
int run(int argc, char **argv, const Backend<Connection> &backend,
        int (*request)(Connection &, int client)) {
  Options options;
  try {
    options = parse_options(argc, argv);
    auto admin = backend.connect(options.target);
    for (const std::string &statement :
         statements_of(read_file(options.schema_file)))
      backend.exec(*admin, statement);
  } catch (const std::exception &e) {
    std::fprintf(stderr, "setup failed: %s\n", e.what());
    return 2;
  }

  // Each client connects before the gate opens, so that the requests, not
  // the connection setups, overlap.
  std::vector<std::shared_ptr<Connection>> connections(options.clients);
  Outcome outcome = run_clients(
      options.clients, options.seed,
      [&](int client) {
        connections[client] = backend.connect(options.target);
      },
      [&](int client) { return request(*connections[client], client) >= 0; });
  connections.clear();

  try {
    auto admin = backend.connect(options.target);
    auto [ok, detail] = backend.check(*admin, read_file(options.check_file));
    print_result(ok, detail, options.clients, outcome);
  } catch (const std::exception &e) {
    std::fprintf(stderr, "check failed: %s\n", e.what());
    return 2;
  }
  return 0;
}

} // namespace harness
