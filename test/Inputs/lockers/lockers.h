// A project's own data-access layer, as the rules file beside it describes
// it: lockers keyed by (site, label), and a transaction guard that rolls
// back in its destructor unless committed.
#ifndef LOCKERS_H
#define LOCKERS_H

namespace lockers {

struct Db {};

struct Locker {
  bool taken = false;
  int holder = 0;
};

class Dao {
public:
  explicit Dao(Db &db) : db_(db) {}
  Locker get(int site, int label);
  void take(int site, int label, int holder);

private:
  Db &db_;
};

class Guard {
public:
  explicit Guard(Db &db);
  ~Guard();
  void commit();
};

} // namespace lockers

#endif
