// Mock of sqlpp11 0.6x's sqlpp11/sqlpp11.h for dbrace's tests: the shape of
// the type-safe query builder, not its type checking. Statements are
// statement_t objects built from policy mixins (no_from_t::_base_t::from,
// no_for_update_t::_base_t::for_update, ...) and run by a connector's
// operator(); tables and columns are the structs sqlpp11-ddl2cpp generates.
#ifndef MOCK_SQLPP11_SQLPP11_H
#define MOCK_SQLPP11_SQLPP11_H
#include <cstddef>
#include <cstdint>
#include <string>
#include <type_traits>
namespace sqlpp {

// Type tags used by generated table code.
struct integer {};
struct floating_point {};
struct text {};
struct boolean {};
namespace tag {
struct must_not_insert {};
struct must_not_update {};
struct can_be_null {};
struct require_insert {};
} // namespace tag
template <typename ValueType, typename... Tags> struct make_traits {
  using _value_type = ValueType;
};
template <std::size_t N, const char *s> struct make_char_sequence {};

enum class isolation_level {
  undefined,
  serializable,
  repeatable_read,
  read_committed,
  read_uncommitted
};

/// Any SQL expression: comparisons and arithmetic build more expressions.
struct expression_t {
  template <typename V> expression_t operator==(const V &) const { return {}; }
  template <typename V> expression_t operator!=(const V &) const { return {}; }
  template <typename V> expression_t operator>(const V &) const { return {}; }
  template <typename V> expression_t operator>=(const V &) const { return {}; }
  template <typename V> expression_t operator<(const V &) const { return {}; }
  template <typename V> expression_t operator<=(const V &) const { return {}; }
  template <typename V> expression_t operator+(const V &) const { return {}; }
  template <typename V> expression_t operator-(const V &) const { return {}; }
  template <typename V> expression_t operator and(const V &) const {
    return {};
  }
};

template <typename Column> struct assignment_t {};

template <typename Table, typename ColumnSpec>
struct column_t : public expression_t {
  using _spec_t = ColumnSpec;
  using _table = Table;
  template <typename V> assignment_t<column_t> operator=(const V &) const {
    return {};
  }
};

template <typename Table, typename... ColumnSpec>
struct table_t : public ColumnSpec::_alias_t::template _member_t<
                     column_t<Table, ColumnSpec>>... {};

/// A value of a result row, named like its column (`row.availableSeats`).
template <typename ColumnSpec> struct field_t {
  std::int64_t value = 0;
  bool is_null() const { return false; }
  operator std::int64_t() const { return value; }
};

template <typename... Columns>
struct result_row_t : public Columns::_spec_t::_alias_t::template _member_t<
                          field_t<typename Columns::_spec_t>>... {};

template <typename Row> class result_t {
public:
  class iterator {
  public:
    const Row &operator*() const { return row_; }
    const Row *operator->() const { return &row_; }
    iterator &operator++() { return *this; }
    bool operator!=(const iterator &) const { return false; }
    bool operator==(const iterator &) const { return true; }

  private:
    Row row_;
  };
  iterator begin() { return iterator(); }
  iterator end() { return iterator(); }
  bool empty() const { return true; }
  const Row &front() const { return row_; }

private:
  Row row_;
};

// Statement kinds.
template <typename... Columns> struct select_kind {};
struct update_kind {};
struct remove_kind {};
struct insert_kind {};

// Policy mixins; Policies is the complete statement type.
struct no_from_t {
  template <typename Policies> struct _base_t {
    template <typename Table> Policies from(Table table) const {
      return static_cast<const Policies &>(*this);
    }
  };
};
struct no_where_t {
  template <typename Policies> struct _base_t {
    template <typename Expression> Policies where(Expression e) const {
      return static_cast<const Policies &>(*this);
    }
    Policies unconditionally() const {
      return static_cast<const Policies &>(*this);
    }
  };
};
struct no_for_update_t {
  template <typename Policies> struct _base_t {
    /// Appends FOR UPDATE to the SELECT.
    Policies for_update() const {
      return static_cast<const Policies &>(*this);
    }
  };
};
struct no_update_list_t {
  template <typename Policies> struct _base_t {
    template <typename... Assignments> Policies set(Assignments... a) const {
      return static_cast<const Policies &>(*this);
    }
  };
};

template <typename Kind>
struct statement_t : public no_from_t::_base_t<statement_t<Kind>>,
                     public no_where_t::_base_t<statement_t<Kind>>,
                     public no_for_update_t::_base_t<statement_t<Kind>>,
                     public no_update_list_t::_base_t<statement_t<Kind>> {
  using _kind = Kind;
};

template <typename... Columns>
statement_t<select_kind<Columns...>> select(Columns... columns) {
  return {};
}
template <typename Table> statement_t<update_kind> update(Table table) {
  return {};
}
template <typename Table> statement_t<remove_kind> remove_from(Table table) {
  return {};
}
template <typename Table> statement_t<insert_kind> insert_into(Table table) {
  return {};
}

/// RAII transaction: rolls back in its destructor unless committed.
template <typename Db> class transaction_t {
public:
  transaction_t(Db &db, bool report_unfinished_transaction)
      : db_(db), report_(report_unfinished_transaction) {}
  transaction_t(const transaction_t &) = delete;
  transaction_t(transaction_t &&) = default;
  ~transaction_t() {}
  void commit() { db_.commit_transaction(); }
  void rollback() { db_.rollback_transaction(report_); }

private:
  Db &db_;
  bool report_;
};

template <typename Db> transaction_t<Db> start_transaction(Db &db) {
  db.start_transaction();
  return transaction_t<Db>(db, true);
}
template <typename Db>
transaction_t<Db> start_transaction(Db &db, isolation_level level) {
  db.start_transaction(level);
  return transaction_t<Db>(db, true);
}
} // namespace sqlpp
#endif
