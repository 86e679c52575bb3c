// orm.h: a small Django-like repository layer, the kind of code an
// application writes for itself on top of a database driver.
//
//   struct Event : orm::Model<Event> { int id = 0; int available_seats = 0; };
//
//   orm::transaction::atomic guard(db);                     // BEGIN
//   Event e = Event::objects().select_for_update().get(7);  // SELECT ... FOR UPDATE
//   if (e.available_seats > 0) {
//     e.available_seats -= 1;
//     e.save();                                              // UPDATE
//   }
//                                                            // COMMIT at '}'
//
// dbrace knows nothing about this header. What it does for the database is
// told by the rules file next to it, orm.yaml (see README.md).
//
// To keep the example self-contained the rows live in memory; a real layer
// would build SQL here and hand it to its driver. Header-only, C++17.
#ifndef CUSTOM_ORM_ORM_H
#define CUSTOM_ORM_ORM_H

#include <exception>
#include <functional>
#include <map>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace orm {

/// Thrown by Manager::get when no row has the id.
class DoesNotExist : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

/// A connection. Transactions are opened on it with transaction::atomic.
class Database {
public:
  explicit Database(std::string url) : url_(std::move(url)) {}
  const std::string &url() const { return url_; }
  int depth() const { return depth_; }

private:
  friend class transaction_access;
  std::string url_;
  int depth_ = 0;
};

/// The database that Model::objects() and Model::save() use.
inline Database &default_db() {
  static Database db("postgresql://localhost/app");
  return db;
}

namespace detail {
/// The rows of model T, by id.
template <class T> std::map<int, T> &table() {
  static std::map<int, T> rows;
  return rows;
}
} // namespace detail

/// The rows of one model, like Django's `Model.objects`. Query methods
/// return a new Manager; get(), count(), exists(), all() run the query.
template <class T> class Manager {
public:
  /// The rows the query finds are locked until the transaction ends
  /// (`SELECT ... FOR UPDATE`).
  Manager select_for_update() const {
    Manager m = *this;
    m.for_update_ = true;
    return m;
  }

  /// Rows whose \p field equals \p value: `filter(&Booking::event_id, 7)`.
  template <class V> Manager filter(V T::*field, V value) const {
    Manager m = *this;
    m.predicates_.push_back(
        [field, value](const T &row) { return row.*field == value; });
    return m;
  }

  /// The row with the id; throws DoesNotExist.
  T get(int id) const {
    auto &rows = detail::table<T>();
    auto it = rows.find(id);
    if (it == rows.end() || !matches(it->second))
      throw DoesNotExist("no row with id " + std::to_string(id));
    return it->second;
  }

  /// `SELECT count(*)`.
  int count() const {
    int n = 0;
    for (const auto &entry : detail::table<T>())
      n += matches(entry.second) ? 1 : 0;
    return n;
  }

  bool exists() const { return count() > 0; }

  std::vector<T> all() const {
    std::vector<T> found;
    for (const auto &entry : detail::table<T>())
      if (matches(entry.second))
        found.push_back(entry.second);
    return found;
  }

  /// `INSERT`: stores \p row under a new id and returns it.
  T create(T row) const {
    auto &rows = detail::table<T>();
    row.id = rows.empty() ? 1 : rows.rbegin()->first + 1;
    rows[row.id] = row;
    return row;
  }

  bool locks() const { return for_update_; }

private:
  bool matches(const T &row) const {
    for (const auto &p : predicates_)
      if (!p(row))
        return false;
    return true;
  }

  std::vector<std::function<bool(const T &)>> predicates_;
  bool for_update_ = false;
};

/// The base of every model (CRTP): `struct Event : orm::Model<Event>`.
/// The derived class has an `int id` member.
template <class T> class Model {
public:
  static Manager<T> objects() { return Manager<T>(); }

  /// `UPDATE` of every column of the row (or `INSERT` when id is 0).
  void save() {
    T &self = static_cast<T &>(*this);
    if (self.id == 0) {
      self = Manager<T>().create(self);
      return;
    }
    detail::table<T>()[self.id] = self;
  }

  /// `DELETE`.
  void remove() { detail::table<T>().erase(static_cast<T &>(*this).id); }
};

class transaction_access {
public:
  static int &depth(Database &db) { return db.depth_; }
};

/// The isolation level of a transaction (`SET TRANSACTION ISOLATION LEVEL`).
enum class Isolation { read_committed, repeatable_read, serializable };

namespace transaction {

/// Runs the rest of the scope in a transaction, like Django's
/// `with transaction.atomic():`. It commits when the scope ends normally
/// and rolls back when the scope is left by an exception.
class atomic {
public:
  explicit atomic(Database &db = default_db(),
                  Isolation level = Isolation::read_committed)
      : db_(db), exceptions_(std::uncaught_exceptions()) {
    (void)level;
    ++transaction_access::depth(db_); // BEGIN ISOLATION LEVEL ...
  }
  ~atomic() {
    // COMMIT, or ROLLBACK when the scope is left by an exception. The rows
    // of this example live in memory, so there is nothing to undo.
    bool commit = std::uncaught_exceptions() == exceptions_;
    (void)commit;
    --transaction_access::depth(db_);
  }
  atomic(const atomic &) = delete;
  atomic &operator=(const atomic &) = delete;

private:
  Database &db_;
  int exceptions_;
};

} // namespace transaction

/// Sends an e-mail through the SMTP relay: seconds, sometimes.
inline void send_mail(const std::string &to, const std::string &subject,
                      const std::string &body) {
  (void)to;
  (void)subject;
  (void)body;
}

/// POSTs \p body to \p url and returns the HTTP status: a network round
/// trip to another service.
inline int http_post(const std::string &url, const std::string &body) {
  (void)url;
  (void)body;
  return 200;
}

} // namespace orm

#endif // CUSTOM_ORM_ORM_H
