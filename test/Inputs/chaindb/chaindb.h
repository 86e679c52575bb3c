// A project's own database layer, as the rules file beside it describes
// it: statements whose calls chain (`stmt->bind(...)->execute()`), a cursor
// that fetches rows into an argument, and a queue of statements run later
// on another connection.
#ifndef CHAINDB_H
#define CHAINDB_H

namespace chaindb {

struct Row {
  int get(int column) const;
};

class Statement {
public:
  Statement *bind(const char *name, int value);
  Statement *execute();
  void getResult(Row &row);
};

class Connection {
public:
  Statement *prepare(const char *sql);
  void begin();
  void commit();
};

class Cursor {
public:
  explicit Cursor(Connection &conn);
  void lookup(const char *sql, int key);
  bool nextRow(Row &row);
};

class TaskQueue {
public:
  void addTask(const char *sql);
};

} // namespace chaindb

#endif
