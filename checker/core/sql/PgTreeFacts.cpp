//===--- PgTreeFacts.cpp - Facts from a libpg_query parse tree -----------===//
//
// The tree is libpg_query's JSON: every node is {"TypeName": {fields}}, some
// embedded structs (a statement's target relation, ON CONFLICT) come without
// the wrapper, and fields holding a zero or an empty value are left out.
//
//===----------------------------------------------------------------------===//

#include "sql/PgTreeFacts.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include <algorithm>
#include <climits>

namespace dbrace::sqlfacts::detail {

using llvm::json::Array;
using llvm::json::Object;
using llvm::json::Value;

namespace {

/// {"Type": {...}} as (Type, fields); ("", nullptr) for anything else.
std::pair<llvm::StringRef, const Object *> node(const Value *V) {
  if (!V)
    return {"", nullptr};
  const Object *O = V->getAsObject();
  if (!O || O->size() != 1)
    return {"", nullptr};
  const auto &KV = *O->begin();
  return {llvm::StringRef(KV.first), KV.second.getAsObject()};
}

const Object *nodeOf(const Value *V, llvm::StringRef Type) {
  auto [T, O] = node(V);
  return T == Type ? O : nullptr;
}

const Array *arrayField(const Object *O, llvm::StringRef K) {
  return O ? O->getArray(K) : nullptr;
}

/// A list of {"String": {"sval": ...}} nodes as plain strings.
std::vector<std::string> stringList(const Array *A) {
  std::vector<std::string> Out;
  if (!A)
    return Out;
  for (const Value &V : *A) {
    if (const Object *S = nodeOf(&V, "String"))
      Out.push_back(S->getString("sval").value_or("").str());
    else
      Out.emplace_back();
  }
  return Out;
}

std::string lastName(const Array *A) {
  auto L = stringList(A);
  return L.empty() ? std::string() : L.back();
}

bool isAggregateName(llvm::StringRef N) {
  static const char *const Names[] = {"count",
                                      "sum",
                                      "avg",
                                      "min",
                                      "max",
                                      "bool_and",
                                      "bool_or",
                                      "every",
                                      "array_agg",
                                      "string_agg",
                                      "json_agg",
                                      "jsonb_agg",
                                      "json_object_agg",
                                      "jsonb_object_agg",
                                      "group_concat",
                                      "total",
                                      "bit_and",
                                      "bit_or",
                                      "bit_xor",
                                      "stddev",
                                      "stddev_pop",
                                      "stddev_samp",
                                      "variance",
                                      "var_pop",
                                      "var_samp",
                                      "xmlagg",
                                      "percentile_cont",
                                      "percentile_disc",
                                      "mode"};
  for (const char *A : Names)
    if (N == A)
      return true;
  return false;
}

bool isAdvisoryLockName(llvm::StringRef N) {
  // Unlock functions are not locks; MySQL's GET_LOCK is the same idea.
  bool Pg = N.starts_with("pg_advisory_") || N.starts_with("pg_try_advisory_");
  return (Pg && !N.contains("unlock")) || N == "get_lock";
}

/// A table or alias visible to the columns of one statement level.
struct ScopeEntry {
  std::string Alias; ///< Alias, or the bare relation name.
  std::string Table; ///< Empty for a subquery.
};

/// `unnest($1, $2) AS u(id, v)`: each column and the argument it unnests.
struct UnnestSource {
  std::string Alias;
  std::vector<std::pair<std::string, const Value *>> Columns;
};

struct Scope {
  std::vector<ScopeEntry> Entries;
  std::vector<UnnestSource> Unnests;
  /// The FROM reads rows that are no table's (a CTE, a function), which a
  /// lock clause of this level would not lock.
  bool ReadsNonTables = false;
  std::string Target;      ///< Update/delete/insert target table.
  std::string TargetAlias; ///< Its alias, or bare name.

  std::string resolve(llvm::StringRef Qualifier) const {
    if (Qualifier.empty()) {
      if (!Target.empty())
        return Target;
      return Entries.size() == 1 ? Entries.front().Table : std::string();
    }
    if (!TargetAlias.empty() && Qualifier == TargetAlias)
      return Target;
    for (const ScopeEntry &E : Entries)
      if (E.Alias == Qualifier)
        return E.Table;
    return Qualifier.str();
  }

  bool isTarget(llvm::StringRef Qualifier) const {
    return Qualifier.empty() || Qualifier == TargetAlias || Qualifier == Target;
  }
};

struct ColumnName {
  std::string Qualifier, Column;
};

/// The column of a ColumnRef (also under a cast); nullopt for `*` or others.
std::optional<ColumnName> columnOf(const Value *V) {
  if (const Object *Cast = nodeOf(V, "TypeCast"))
    return columnOf(Cast->get("arg"));
  const Object *C = nodeOf(V, "ColumnRef");
  if (!C)
    return std::nullopt;
  const Array *Fields = C->getArray("fields");
  if (!Fields || Fields->empty() || !nodeOf(&Fields->back(), "String"))
    return std::nullopt;
  auto Names = stringList(Fields);
  ColumnName N;
  N.Column = Names.back();
  if (Names.size() >= 2)
    N.Qualifier = Names[Names.size() - 2];
  return N;
}

/// Calls \p Fn on every node object below \p V, with its type, without
/// entering the sub-select of a SubLink (another statement level).
template <typename Fn>
void forEachNode(const Value *V, Fn &&F, bool EnterSubselects = false) {
  if (!V)
    return;
  if (const Array *A = V->getAsArray()) {
    for (const Value &E : *A)
      forEachNode(&E, F, EnterSubselects);
    return;
  }
  const Object *O = V->getAsObject();
  if (!O)
    return;
  auto [Type, Fields] = node(V);
  if (Fields) {
    if (!F(Type, *Fields))
      return;
  }
  for (const auto &KV : *O) {
    if (!EnterSubselects && llvm::StringRef(KV.first) == "subselect")
      continue;
    forEachNode(&KV.second, F, EnterSubselects);
  }
}

bool mentions(const Value *V, llvm::StringRef Type) {
  bool Found = false;
  forEachNode(
      V,
      [&](llvm::StringRef T, const Object &) {
        if (T == Type)
          Found = true;
        return !Found;
      },
      /*EnterSubselects=*/true);
  return Found;
}

class TreeWalker {
public:
  TreeWalker(llvm::StringRef Norm, size_t Base, StatementFacts &F)
      : Norm(Norm), Base(Base), F(F) {}

  void run(const Value &Stmt) {
    auto [Type, S] = node(&Stmt);
    if (!S)
      return;
    collectCtes(&Stmt);
    if (Type == "SelectStmt")
      select(*S);
    else if (Type == "InsertStmt")
      insert(*S);
    else if (Type == "UpdateStmt")
      update(*S);
    else if (Type == "DeleteStmt")
      remove(*S);
    else if (Type == "MergeStmt")
      merge(*S);
    else if (Type == "TransactionStmt")
      transaction(*S);
    else if (Type == "VariableSetStmt")
      variableSet(*S);
    else if (Type == "LockStmt")
      lockTable(*S);
    else if (Type == "TruncateStmt")
      truncate(*S);
    // Everything else (DDL, EXPLAIN, COPY, ...) reads and writes no rows
    // that matter here: kind Other, no tables.
    if (F.Kind != StatementKind::Other) {
      collectTables(&Stmt);
      collectFunctions(&Stmt);
    }
    finishTables();
  }

private:
  //===--- Statements ---------------------------------------------------===//

  void select(const Object &S) {
    F.Kind = StatementKind::Select;
    if (const Array *Targets = S.getArray("targetList"))
      for (const Value &T : *Targets)
        forEachNode(&T, [&](llvm::StringRef Type, const Object &O) {
          if (Type == "FuncCall") {
            std::string Name = lastName(O.getArray("funcname"));
            if (isAdvisoryLockName(Name) && F.AdvisoryFunction.empty()) {
              F.Kind = StatementKind::AdvisoryLock;
              F.AdvisoryFunction = Name;
              F.Lock = llvm::StringRef(Name).contains("shared")
                           ? LockStrength::ForShare
                           : LockStrength::ForUpdate;
            }
          }
          return true;
        });
    Scope Sc;
    fromItems(S.getArray("fromClause"), Sc);
    if (F.Kind == StatementKind::Select) {
      lockingClause(S, Sc);
      if (!locksAnyTable(S, Sc)) // PostgreSQL skips CTE and function rows.
        clearLock();
      nestedLocks(S, Sc);
    }
    where(S.get("whereClause"), Sc, /*Guards=*/true);
    joinKeys(S.getArray("fromClause"), Sc);
    returnedColumns(S.getArray("targetList"));
    F.IsExistenceOrCount = existenceOrCount(S, F.IsExistence);
    // Appended to this level, a lock clause would skip a CTE's or a
    // function's rows without a word.
    F.LockClauseAllowed = F.Kind == StatementKind::Select &&
                          !Sc.ReadsNonTables && lockClauseAllowed(S);
  }

  static bool locksAnyTable(const Object &S, const Scope &Sc) {
    if (llvm::any_of(Sc.Entries,
                     [](const ScopeEntry &E) { return !E.Table.empty(); }))
      return true;
    return mentions(S.get("fromClause"), "RangeSubselect");
  }

  void clearLock() {
    F.Lock = LockStrength::None;
    F.NoWait = F.SkipLocked = false;
    F.LockOf.clear();
  }

  /// A lock clause inside a CTE or a FROM subquery locks that query's rows
  /// until the transaction ends, like one at the top: the statement is a
  /// locking read of those tables, found by that query's keys.
  void nestedLocks(const Object &S, const Scope &Outer) {
    std::vector<const Object *> Queries;
    if (const Array *Ctes = arrayField(S.getObject("withClause"), "ctes"))
      for (const Value &C : *Ctes)
        if (const Object *Cte = nodeOf(&C, "CommonTableExpr"))
          if (const Object *Q = nodeOf(Cte->get("ctequery"), "SelectStmt"))
            Queries.push_back(Q);
    forEachNode(
        S.get("fromClause"), [&](llvm::StringRef Type, const Object &O) {
          if (Type == "RangeSubselect")
            if (const Object *Q = nodeOf(O.get("subquery"), "SelectStmt"))
              Queries.push_back(Q);
          return Type != "RangeSubselect";
        });
    bool OuterLockedAll = F.Lock != LockStrength::None && F.LockOf.empty();
    bool Added = false;
    for (const Object *Q : Queries) {
      if (!Q->getArray("lockingClause"))
        continue;
      Scope Sc;
      fromItems(Q->getArray("fromClause"), Sc);
      LockStrength Before = F.Lock;
      size_t OfBefore = F.LockOf.size();
      lockingClause(*Q, Sc);
      if (F.LockOf.size() == OfBefore) // No OF: every table of the query.
        for (const ScopeEntry &E : Sc.Entries)
          if (!E.Table.empty())
            F.LockOf.push_back(E.Table);
      Added |= F.Lock != Before || F.LockOf.size() != OfBefore;
      where(Q->get("whereClause"), Sc, /*Guards=*/true);
      joinKeys(Q->getArray("fromClause"), Sc);
    }
    if (Added && OuterLockedAll)
      for (const ScopeEntry &E : Outer.Entries)
        if (!E.Table.empty())
          F.LockOf.push_back(E.Table);
    std::vector<std::string> Unique;
    for (std::string &T : F.LockOf)
      if (!llvm::is_contained(Unique, T))
        Unique.push_back(std::move(T));
    F.LockOf = std::move(Unique);
  }

  void insert(const Object &S) {
    const Object *Conflict = S.getObject("onConflictClause");
    F.Kind = Conflict ? StatementKind::Upsert : StatementKind::Insert;
    Scope Sc = targetScope(S.getObject("relation"));
    insertValues(S, Sc);
    if (Conflict) {
      sets(Conflict->getArray("targetList"), Sc);
      // ON CONFLICT DO UPDATE ... WHERE: the write checks these itself.
      if (const Value *W = Conflict->get("whereClause"))
        guardColumnsOf(W, Sc);
    }
  }

  void update(const Object &S) {
    F.Kind = StatementKind::Update;
    Scope Sc = targetScope(S.getObject("relation"));
    fromItems(S.getArray("fromClause"), Sc);
    sets(S.getArray("targetList"), Sc);
    where(S.get("whereClause"), Sc, /*Guards=*/true);
    joinKeys(S.getArray("fromClause"), Sc);
  }

  void remove(const Object &S) {
    F.Kind = StatementKind::Delete;
    Scope Sc = targetScope(S.getObject("relation"));
    fromItems(S.getArray("usingClause"), Sc);
    where(S.get("whereClause"), Sc, /*Guards=*/true);
    joinKeys(S.getArray("usingClause"), Sc);
  }

  void merge(const Object &S) {
    F.Kind = StatementKind::Upsert;
    Scope Sc = targetScope(S.getObject("relation"));
    if (const Array *Whens = S.getArray("mergeWhenClauses"))
      for (const Value &W : *Whens)
        if (const Object *C = nodeOf(&W, "MergeWhenClause"))
          if (C->getString("commandType").value_or("") == "CMD_UPDATE")
            sets(C->getArray("targetList"), Sc);
  }

  void transaction(const Object &S) {
    llvm::StringRef K = S.getString("kind").value_or("TRANS_STMT_BEGIN");
    if (K == "TRANS_STMT_BEGIN" || K == "TRANS_STMT_START")
      F.Kind = StatementKind::Begin;
    else if (K == "TRANS_STMT_COMMIT" || K == "TRANS_STMT_COMMIT_PREPARED")
      F.Kind = StatementKind::Commit;
    else if (K == "TRANS_STMT_ROLLBACK" || K == "TRANS_STMT_ROLLBACK_PREPARED")
      F.Kind = StatementKind::Rollback;
    else if (K == "TRANS_STMT_SAVEPOINT" || K == "TRANS_STMT_RELEASE" ||
             K == "TRANS_STMT_ROLLBACK_TO")
      // ROLLBACK TO keeps the transaction open: a savepoint operation.
      F.Kind = StatementKind::Savepoint;
    isolationFrom(S.getArray("options"));
  }

  void variableSet(const Object &S) {
    llvm::StringRef Name = S.getString("name").value_or("");
    if (Name == "TRANSACTION" || Name == "SESSION CHARACTERISTICS") {
      F.Kind = StatementKind::SetTransaction;
      isolationFrom(S.getArray("args"));
    } else if (Name == "transaction_isolation" ||
               Name == "default_transaction_isolation") {
      F.Kind = StatementKind::SetTransaction;
      if (const Array *Args = S.getArray("args"))
        if (!Args->empty())
          F.IsolationLevel = isolationNamed(literal(&Args->front()));
    }
  }

  void lockTable(const Object &S) {
    F.Kind = StatementKind::LockTable;
    if (const Array *Rels = S.getArray("relations"))
      for (const Value &R : *Rels)
        if (const Object *RV = nodeOf(&R, "RangeVar"))
          F.LockOf.push_back(rangeVarName(*RV));
    // Modes that conflict with themselves serialise the sessions taking
    // them, like FOR UPDATE; SHARE blocks writers but not other sharers.
    int64_t Mode = S.getInteger("mode").value_or(8);
    if (Mode >= 6)
      F.Lock = LockStrength::ForUpdate;
    else if (Mode == 5)
      F.Lock = LockStrength::ForShare;
    else if (Mode == 4)
      F.Lock = LockStrength::ForNoKeyUpdate;
    else if (Mode == 2)
      F.Lock = LockStrength::ForKeyShare;
    F.NoWait = S.getBoolean("nowait").value_or(false);
  }

  void truncate(const Object &S) {
    // TRUNCATE removes every row: a delete without a WHERE.
    F.Kind = StatementKind::Delete;
    if (const Array *Rels = S.getArray("relations"))
      for (const Value &R : *Rels)
        if (const Object *RV = nodeOf(&R, "RangeVar"))
          Writes.push_back(
              {RV->getInteger("location").value_or(0), rangeVarName(*RV)});
  }

  //===--- Tables -------------------------------------------------------===//

  static std::string rangeVarName(const Object &RV) {
    std::string Name;
    for (llvm::StringRef K : {"catalogname", "schemaname", "relname"}) {
      std::optional<llvm::StringRef> Part = RV.getString(K);
      if (!Part || Part->empty())
        continue;
      if (!Name.empty())
        Name += '.';
      Name += Part->str();
    }
    return Name;
  }

  void collectCtes(const Value *V) {
    forEachNode(
        V,
        [&](llvm::StringRef Type, const Object &O) {
          if (Type == "CommonTableExpr")
            if (auto N = O.getString("ctename"))
              Ctes.insert(*N);
          return true;
        },
        /*EnterSubselects=*/true);
  }

  /// Every relation below \p V: targets of data-modifying statements
  /// (also inside CTEs) are written, the rest read. A bare name equal to a
  /// CTE's refers to the CTE (scoping is not modelled: a CTE name shadows a
  /// table of that name in the whole statement).
  void collectTables(const Value *V) {
    if (!V)
      return;
    if (const Array *A = V->getAsArray()) {
      for (const Value &E : *A)
        collectTables(&E);
      return;
    }
    const Object *O = V->getAsObject();
    if (!O)
      return;
    if (O->get("relname")) {
      addTable(*O, Reads);
      return;
    }
    for (const auto &KV : *O) {
      llvm::StringRef K = KV.first;
      if (K == "InsertStmt" || K == "UpdateStmt" || K == "DeleteStmt" ||
          K == "MergeStmt") {
        const Object *S = KV.second.getAsObject();
        if (!S)
          continue;
        if (const Object *Rel = S->getObject("relation"))
          addTable(*Rel, Writes);
        for (const auto &SK : *S)
          if (llvm::StringRef(SK.first) != "relation")
            collectTables(&SK.second);
        continue;
      }
      // Locked relations name tables already read; INTO creates a table.
      if (K == "lockingClause" || K == "intoClause" || K == "LockStmt")
        continue;
      collectTables(&KV.second);
    }
  }

  struct TableRef {
    int64_t Loc;
    std::string Name;
  };

  /// Functions a FROM reads rows of, in text order.
  void collectFunctions(const Value *V) {
    std::vector<TableRef> Fns;
    forEachNode(
        V,
        [&](llvm::StringRef Type, const Object &O) {
          if (Type == "RangeFunction")
            forEachNode(O.get("functions"), [&](llvm::StringRef T,
                                                const Object &Call) {
              if (T == "FuncCall")
                Fns.push_back(
                    {Call.getInteger("location").value_or(0),
                     llvm::join(stringList(Call.getArray("funcname")), ".")});
              return T != "FuncCall";
            });
          return true;
        },
        /*EnterSubselects=*/true);
    F.FunctionsRead = ordered(std::move(Fns));
  }

  void addTable(const Object &RV, std::vector<TableRef> &Into) {
    std::string Name = rangeVarName(RV);
    if (!RV.getString("schemaname") && Ctes.contains(Name))
      return;
    if (!Name.empty())
      Into.push_back({RV.getInteger("location").value_or(0), Name});
  }

  static std::vector<std::string> ordered(std::vector<TableRef> Refs) {
    // JSON objects are unordered; source order is the stable one.
    std::sort(Refs.begin(), Refs.end(),
              [](const TableRef &A, const TableRef &B) {
                return A.Loc != B.Loc ? A.Loc < B.Loc : A.Name < B.Name;
              });
    std::vector<std::string> Out;
    for (TableRef &R : Refs)
      if (std::find(Out.begin(), Out.end(), R.Name) == Out.end())
        Out.push_back(std::move(R.Name));
    return Out;
  }

  void finishTables() {
    F.TablesRead = ordered(std::move(Reads));
    F.TablesWritten = ordered(std::move(Writes));
  }

  //===--- Scopes -------------------------------------------------------===//

  static Scope targetScope(const Object *Rel) {
    Scope Sc;
    if (!Rel)
      return Sc;
    Sc.Target = rangeVarName(*Rel);
    Sc.TargetAlias = Rel->getString("relname").value_or("").str();
    if (const Object *A = Rel->getObject("alias"))
      Sc.TargetAlias = A->getString("aliasname").value_or("").str();
    return Sc;
  }

  void fromItems(const Array *Items, Scope &Sc) const {
    if (!Items)
      return;
    for (const Value &I : *Items)
      fromItem(&I, Sc);
  }

  void fromItem(const Value *V, Scope &Sc) const {
    auto [Type, O] = node(V);
    if (!O)
      return;
    std::string Alias;
    if (const Object *A = O->getObject("alias"))
      Alias = A->getString("aliasname").value_or("").str();
    if (Type == "RangeVar") {
      if (Alias.empty())
        Alias = O->getString("relname").value_or("").str();
      // A CTE's rows are no table's: keys on them have no table.
      std::string Table = rangeVarName(*O);
      if (!O->getString("schemaname") && Ctes.contains(Table)) {
        Table.clear();
        Sc.ReadsNonTables = true;
      }
      Sc.Entries.push_back({Alias, Table});
    } else if (Type == "RangeFunction") {
      Sc.ReadsNonTables = true;
      if (std::optional<UnnestSource> U = unnestSource(*O, Alias))
        Sc.Unnests.push_back(std::move(*U));
      if (!Alias.empty())
        Sc.Entries.push_back({Alias, ""});
    } else if (Type == "JoinExpr") {
      fromItem(O->get("larg"), Sc);
      fromItem(O->get("rarg"), Sc);
    } else if (!Alias.empty()) {
      Sc.Entries.push_back({Alias, ""});
    }
  }

  /// The columns of `unnest(a, b) AS u(x, y)`, each with its argument; a
  /// lone `unnest($1) AS u` names its column after the alias.
  static std::optional<UnnestSource> unnestSource(const Object &RF,
                                                  llvm::StringRef Alias) {
    const Array *Fns = RF.getArray("functions");
    if (!Fns || Fns->size() != 1 || Alias.empty())
      return std::nullopt;
    const Array *Pair = arrayField(nodeOf(&Fns->front(), "List"), "items");
    const Object *Call =
        Pair && !Pair->empty() ? nodeOf(&Pair->front(), "FuncCall") : nullptr;
    const Array *Args = Call ? Call->getArray("args") : nullptr;
    if (!Args || lastName(Call->getArray("funcname")) != "unnest")
      return std::nullopt;
    std::vector<std::string> Names;
    if (const Object *A = RF.getObject("alias"))
      Names = stringList(A->getArray("colnames"));
    if (Names.empty() && Args->size() == 1)
      Names.push_back(Alias.str());
    UnnestSource U;
    U.Alias = Alias.str();
    for (size_t I = 0; I < Names.size() && I < Args->size(); ++I)
      U.Columns.push_back({Names[I], &(*Args)[I]});
    return U;
  }

  //===--- WHERE --------------------------------------------------------===//

  static void conjuncts(const Value *V, std::vector<const Value *> &Out) {
    if (const Object *B = nodeOf(V, "BoolExpr"))
      if (B->getString("boolop").value_or("") == "AND_EXPR") {
        if (const Array *Args = B->getArray("args"))
          for (const Value &A : *Args)
            conjuncts(&A, Out);
        return;
      }
    if (V)
      Out.push_back(V);
  }

  /// `col = value` where the value mentions no column (so it is fixed for
  /// the execution): a parameter, a literal, or an expression of those.
  std::optional<KeyComparison> keyEquality(const Value *V, const Scope &Sc) {
    const Object *E = nodeOf(V, "A_Expr");
    if (!E)
      return std::nullopt;
    llvm::StringRef Kind = E->getString("kind").value_or("");
    std::string Op = lastName(E->getArray("name"));
    const Value *L = E->get("lexpr");
    const Value *R = E->get("rexpr");
    bool AnyOf = false;
    if (Kind == "AEXPR_IN") {
      // `id IN ($1)` with one element is an equality.
      const Array *Items = arrayField(nodeOf(R, "List"), "items");
      if (Op != "=" || !Items || Items->size() != 1)
        return std::nullopt;
      R = &Items->front();
    } else if (Kind == "AEXPR_OP_ANY" && Op == "=") {
      AnyOf = true; // `id = ANY($1)`: one of the array's values.
    } else if (!(Kind == "AEXPR_OP" && (Op == "=" || Op == "<=>")) &&
               Kind != "AEXPR_NOT_DISTINCT") {
      return std::nullopt;
    }
    if (!AnyOf)
      if (std::optional<KeyComparison> K = unnestKey(L, R, Sc))
        return K;
    std::optional<ColumnName> C = columnOf(L);
    const Value *Val = R;
    if (!C) {
      C = columnOf(R);
      Val = L;
    }
    if (!C || !Val || mentions(Val, "ColumnRef") || mentions(Val, "SubLink"))
      return std::nullopt;
    KeyComparison K;
    K.Table = Sc.resolve(C->Qualifier);
    K.Column = C->Column;
    K.AnyOf = AnyOf;
    describeValue(Val, K);
    return K;
  }

  /// `t.id = u.id` with `u` an unnest of fixed values: `t.id` is one of
  /// the values of the array unnested into `u.id`.
  std::optional<KeyComparison> unnestKey(const Value *L, const Value *R,
                                         const Scope &Sc) {
    std::optional<ColumnName> A = columnOf(L), B = columnOf(R);
    if (!A || !B)
      return std::nullopt;
    const Value *Arg = unnestArgument(*B, Sc);
    if (!Arg) {
      std::swap(A, B);
      Arg = unnestArgument(*B, Sc);
    }
    if (!Arg || unnestArgument(*A, Sc) || mentions(Arg, "ColumnRef") ||
        mentions(Arg, "SubLink"))
      return std::nullopt;
    KeyComparison K;
    K.Table = Sc.resolve(A->Qualifier);
    K.Column = A->Column;
    K.AnyOf = true;
    describeValue(Arg, K);
    return K;
  }

  static const Value *unnestArgument(const ColumnName &C, const Scope &Sc) {
    for (const UnnestSource &U : Sc.Unnests) {
      if (!C.Qualifier.empty() && C.Qualifier != U.Alias)
        continue;
      for (const auto &[Name, Arg] : U.Columns)
        if (Name == C.Column)
          return Arg;
    }
    return nullptr;
  }

  /// Keys in the ON of inner joins with an unnest (`JOIN unnest($1) u(id)
  /// ON t.id = u.id`); other join conditions relate tables, not values.
  void joinKeys(const Array *From, const Scope &Sc) {
    if (!From || Sc.Unnests.empty())
      return;
    for (const Value &Item : *From)
      joinKeysIn(Item, Sc);
  }

  void joinKeysIn(const Value &Item, const Scope &Sc) {
    forEachNode(&Item, [&](llvm::StringRef Type, const Object &O) {
      if (Type != "JoinExpr" ||
          O.getString("jointype").value_or("JOIN_INNER") != "JOIN_INNER")
        return true;
      std::vector<const Value *> Cs;
      conjuncts(O.get("quals"), Cs);
      for (const Value *C : Cs)
        if (const Object *E = nodeOf(C, "A_Expr"))
          if (E->getString("kind").value_or("") == "AEXPR_OP" &&
              lastName(E->getArray("name")) == "=")
            if (auto K = unnestKey(E->get("lexpr"), E->get("rexpr"), Sc))
              F.Keys.push_back(*K);
      return true;
    });
  }

  void describeValue(const Value *V, KeyComparison &K) {
    if (const Object *Cast = nodeOf(V, "TypeCast")) {
      describeValue(Cast->get("arg"), K);
      return;
    }
    if (const Object *P = nodeOf(V, "ParamRef")) {
      K.Param = static_cast<int>(P->getInteger("number").value_or(0));
      return;
    }
    if (!nodeOf(V, "A_Const"))
      return;
    // A value spliced into a quoted literal by the C++ that built the SQL
    // (`"... WHERE sku = '" + sku + "'"`) is recovered as a placeholder in
    // quotes: it is that value, not the text "$1001"; and a literal built
    // around one is not known.
    std::string Text = literal(V);
    llvm::StringRef Ref(Text);
    if (unsigned N = 0; Ref.consume_front("$") &&
                        llvm::all_of(Ref, llvm::isDigit) &&
                        !Ref.getAsInteger(10, N) && N <= INT_MAX) {
      K.Param = static_cast<int>(N);
      return;
    }
    if (!containsPlaceholder(Text))
      K.Literal = std::move(Text);
  }

  static bool containsPlaceholder(llvm::StringRef Text) {
    for (size_t At = Text.find('$'); At != llvm::StringRef::npos;
         At = Text.find('$', At + 1))
      if (At + 1 < Text.size() && llvm::isDigit(Text[At + 1]))
        return true;
    return false;
  }

  /// The value of a constant: string contents, numbers as written (the
  /// JSON drops negative integers, so they are read back from the text).
  std::string literal(const Value *V) {
    if (const Object *Cast = nodeOf(V, "TypeCast"))
      return literal(Cast->get("arg"));
    const Object *C = nodeOf(V, "A_Const");
    if (!C)
      return "";
    if (C->getBoolean("isnull").value_or(false))
      return "NULL";
    if (const Object *S = C->getObject("sval"))
      return S->getString("sval").value_or("").str();
    if (const Object *B = C->getObject("boolval"))
      return B->getBoolean("boolval").value_or(false) ? "true" : "false";
    if (const Object *B = C->getObject("bsval"))
      return B->getString("bsval").value_or("").str();
    size_t P = Base + static_cast<size_t>(std::max<int64_t>(
                          0, C->getInteger("location").value_or(0)));
    size_t E = P;
    if (E < Norm.size() && Norm[E] == '-')
      ++E;
    while (E < Norm.size() &&
           (llvm::isAlnum(Norm[E]) || Norm[E] == '.' || Norm[E] == '_' ||
            ((Norm[E] == '+' || Norm[E] == '-') &&
             (Norm[E - 1] == 'e' || Norm[E - 1] == 'E'))))
      ++E;
    return Norm.slice(P, E).str();
  }

  /// Keys and, for writes, guard columns of a WHERE clause.
  ///
  /// Every equality with a fixed value is a key comparison, whatever its
  /// column is called: whether it identifies the row or re-asserts a value
  /// read earlier is for the analysis to say, knowing the read. Any other
  /// predicate (`seats > 0`, `deleted_at IS NULL`, `x IN (...)`, `NOT
  /// done`) makes its target columns guards. Column-to-column equalities
  /// with another table are joins, not guards.
  void where(const Value *W, const Scope &Sc, bool Guards) {
    std::vector<const Value *> Cs;
    conjuncts(W, Cs);
    for (const Value *C : Cs) {
      if (std::optional<KeyComparison> K = keyEquality(C, Sc)) {
        F.Keys.push_back(*K);
        continue;
      }
      if (Guards && !isJoin(C, Sc))
        guardColumnsOf(C, Sc);
    }
  }

  /// The columns whose values the select list carries, `*` for all.
  void returnedColumns(const Array *Targets) {
    if (!Targets)
      return;
    for (const Value &T : *Targets)
      forEachNode(&T, [&](llvm::StringRef Type, const Object &O) {
        if (Type != "ColumnRef")
          return true;
        const Array *Fields = O.getArray("fields");
        std::string Name =
            Fields && !Fields->empty() && nodeOf(&Fields->back(), "A_Star")
                ? "*"
                : lastName(Fields);
        if (!Name.empty() &&
            std::find(F.ColumnsReturned.begin(), F.ColumnsReturned.end(),
                      Name) == F.ColumnsReturned.end())
          F.ColumnsReturned.push_back(std::move(Name));
        return true;
      });
  }

  static bool isJoin(const Value *V, const Scope &Sc) {
    const Object *E = nodeOf(V, "A_Expr");
    if (!E || lastName(E->getArray("name")) != "=")
      return false;
    auto L = columnOf(E->get("lexpr"));
    auto R = columnOf(E->get("rexpr"));
    return L && R && (!Sc.isTarget(L->Qualifier) || !Sc.isTarget(R->Qualifier));
  }

  /// Target columns anywhere in \p V, sub-selects aside (their columns
  /// belong to other tables).
  void guardColumnsOf(const Value *V, const Scope &Sc) {
    if (!V)
      return;
    if (auto C = columnOf(V)) {
      if (Sc.isTarget(C->Qualifier))
        addGuard(C->Column);
      return;
    }
    if (const Array *A = V->getAsArray()) {
      for (const Value &E : *A)
        guardColumnsOf(&E, Sc);
      return;
    }
    if (const Object *O = V->getAsObject())
      for (const auto &KV : *O)
        if (llvm::StringRef(KV.first) != "subselect")
          guardColumnsOf(&KV.second, Sc);
  }

  void addGuard(llvm::StringRef Col) {
    if (std::find(F.GuardColumns.begin(), F.GuardColumns.end(), Col) ==
        F.GuardColumns.end())
      F.GuardColumns.push_back(Col.str());
  }

  //===--- SET ----------------------------------------------------------===//

  void sets(const Array *Targets, const Scope &Sc) {
    if (!Targets)
      return;
    for (const Value &T : *Targets) {
      const Object *RT = nodeOf(&T, "ResTarget");
      if (!RT)
        continue;
      SetClause S;
      S.Column = RT->getString("name").value_or("").str();
      const Value *Val = RT->get("val");
      if (const Object *M = nodeOf(Val, "MultiAssignRef")) {
        // SET (a, b) = (x, y): the colno-th element of a row source.
        Val = M->get("source");
        int64_t No = M->getInteger("colno").value_or(1);
        if (const Object *Row = nodeOf(Val, "RowExpr"))
          if (const Array *Args = Row->getArray("args"))
            if (No >= 1 && static_cast<size_t>(No) <= Args->size())
              Val = &(*Args)[No - 1];
      }
      S.Relative = refersToTarget(Val, Sc);
      F.Sets.push_back(std::move(S));
    }
  }

  /// Whether \p V uses a column of the target row: the new value is then
  /// computed by the database from the current row, not taken from a
  /// possibly stale read. MySQL's VALUES(col) names the new row, not the
  /// old one; so does PostgreSQL's `excluded`.
  static bool refersToTarget(const Value *V, const Scope &Sc) {
    if (!V)
      return false;
    if (auto C = columnOf(V))
      return Sc.isTarget(C->Qualifier);
    if (const Object *Fn = nodeOf(V, "FuncCall"))
      if (lastName(Fn->getArray("funcname")) == "values")
        return false;
    if (const Array *A = V->getAsArray()) {
      for (const Value &E : *A)
        if (refersToTarget(&E, Sc))
          return true;
      return false;
    }
    if (const Object *O = V->getAsObject())
      for (const auto &KV : *O)
        if (llvm::StringRef(KV.first) != "subselect" &&
            refersToTarget(&KV.second, Sc))
          return true;
    return false;
  }

  //===--- INSERT values ------------------------------------------------===//

  void insertValues(const Object &S, const Scope &Sc) {
    const Array *Cols = S.getArray("cols");
    const Object *Sel = nodeOf(S.get("selectStmt"), "SelectStmt");
    const Array *Rows = Sel ? Sel->getArray("valuesLists") : nullptr;
    if (!Cols || !Rows || Rows->size() != 1)
      return;
    const Array *Items = arrayField(nodeOf(&Rows->front(), "List"), "items");
    if (!Items || Items->size() != Cols->size())
      return;
    for (size_t I = 0; I < Cols->size(); ++I) {
      const Object *RT = nodeOf(&(*Cols)[I], "ResTarget");
      const Value *V = &(*Items)[I];
      if (!RT || mentions(V, "ColumnRef") || mentions(V, "SubLink"))
        continue;
      KeyComparison K;
      K.Table = Sc.Target;
      K.Column = RT->getString("name").value_or("").str();
      describeValue(V, K);
      F.Values.push_back(std::move(K));
    }
  }

  //===--- SELECT shape -------------------------------------------------===//

  void lockingClause(const Object &S, const Scope &Sc) {
    const Array *Locks = S.getArray("lockingClause");
    if (!Locks)
      return;
    size_t OfBefore = F.LockOf.size();
    for (const Value &L : *Locks) {
      const Object *LC = nodeOf(&L, "LockingClause");
      if (!LC)
        continue;
      F.Lock = std::max(F.Lock,
                        strengthNamed(LC->getString("strength").value_or("")));
      llvm::StringRef Wait = LC->getString("waitPolicy").value_or("");
      F.NoWait |= Wait == "LockWaitError";
      F.SkipLocked |= Wait == "LockWaitSkip";
      if (const Array *Rels = LC->getArray("lockedRels"))
        for (const Value &R : *Rels)
          if (const Object *RV = nodeOf(&R, "RangeVar"))
            F.LockOf.push_back(rangeVarName(*RV));
    }
    // `FOR UPDATE OF a` names an alias; the checker wants the table.
    for (size_t I = OfBefore; I < F.LockOf.size(); ++I)
      for (const ScopeEntry &E : Sc.Entries)
        if (E.Alias == F.LockOf[I] && !E.Table.empty())
          F.LockOf[I] = E.Table;
  }

  static LockStrength strengthNamed(llvm::StringRef S) {
    if (S == "LCS_FORUPDATE")
      return LockStrength::ForUpdate;
    if (S == "LCS_FORNOKEYUPDATE")
      return LockStrength::ForNoKeyUpdate;
    if (S == "LCS_FORSHARE")
      return LockStrength::ForShare;
    if (S == "LCS_FORKEYSHARE")
      return LockStrength::ForKeyShare;
    return LockStrength::None;
  }

  static bool hasAggregate(const Value *V, bool CountWindows) {
    bool Found = false;
    forEachNode(V, [&](llvm::StringRef Type, const Object &O) {
      if (Type == "FuncCall") {
        bool Window = O.get("over") != nullptr;
        if (Window ? CountWindows
                   : (O.getBoolean("agg_star").value_or(false) ||
                      isAggregateName(lastName(O.getArray("funcname")))))
          Found = true;
      }
      return !Found;
    });
    return Found;
  }

  /// Whether the select asks whether or how many; \p Existence: only
  /// whether.
  static bool existenceOrCount(const Object &S, bool &Existence) {
    Existence = false;
    const Array *Targets = S.getArray("targetList");
    if (!Targets || Targets->empty())
      return false;
    bool AllConstant = true;
    for (const Value &T : *Targets) {
      const Object *RT = nodeOf(&T, "ResTarget");
      const Value *Val = RT ? RT->get("val") : nullptr;
      if (hasAggregate(Val, /*CountWindows=*/false))
        return true;
      if (const Object *L = nodeOf(Val, "SubLink"))
        if (L->getString("subLinkType").value_or("") == "EXISTS_SUBLINK")
          return Existence = true;
      if (const Object *Cast = nodeOf(Val, "TypeCast"))
        Val = Cast->get("arg");
      AllConstant &= nodeOf(Val, "A_Const") != nullptr;
    }
    // `SELECT 1 FROM t WHERE ... [LIMIT 1]` asks whether a row exists.
    const Array *From = S.getArray("fromClause");
    Existence = AllConstant && From && !From->empty();
    return Existence;
  }

  static bool lockClauseAllowed(const Object &S) {
    if (S.getString("op").value_or("SETOP_NONE") != "SETOP_NONE")
      return false;
    for (llvm::StringRef K : {"distinctClause", "groupClause", "havingClause",
                              "windowClause", "valuesLists"})
      if (S.get(K))
        return false;
    const Array *From = S.getArray("fromClause");
    if (!From || From->empty())
      return false; // Nothing to lock.
    if (hasAggregate(S.get("targetList"), /*CountWindows=*/true))
      return false;
    // FOR UPDATE cannot lock the nullable side of an outer join.
    bool OuterJoin = false;
    forEachNode(
        S.get("fromClause"), [&](llvm::StringRef Type, const Object &O) {
          if (Type == "JoinExpr" &&
              O.getString("jointype").value_or("JOIN_INNER") != "JOIN_INNER")
            OuterJoin = true;
          return !OuterJoin;
        });
    return !OuterJoin;
  }

  //===--- Isolation ----------------------------------------------------===//

  static Isolation isolationNamed(llvm::StringRef N) {
    std::string L = N.lower();
    if (L == "serializable")
      return Isolation::Serializable;
    if (L == "repeatable read")
      return Isolation::RepeatableRead;
    if (L == "read committed")
      return Isolation::ReadCommitted;
    if (L == "read uncommitted")
      return Isolation::ReadUncommitted;
    return Isolation::Unspecified;
  }

  void isolationFrom(const Array *Options) {
    if (!Options)
      return;
    for (const Value &O : *Options)
      if (const Object *D = nodeOf(&O, "DefElem"))
        if (D->getString("defname").value_or("") == "transaction_isolation")
          F.IsolationLevel = isolationNamed(literal(D->get("arg")));
  }

  llvm::StringRef Norm;
  size_t Base;
  StatementFacts &F;
  llvm::StringSet<> Ctes;
  std::vector<TableRef> Reads, Writes;
};

} // namespace

void factsFromPgTree(const Value &Stmt, llvm::StringRef Norm, size_t Base,
                     StatementFacts &F) {
  TreeWalker(Norm, Base, F).run(Stmt);
}

} // namespace dbrace::sqlfacts::detail
