//===--- Collector.h - The state of one function's event collection -------===//
//
// Private to the event-collection stage. One Collector walks one function
// body; its member functions are defined by job, one file each:
//   Walk.cpp              the AST walk and the dispatch of each node
//   CallActions.cpp       the events of a call, per rule action
//   StatementBindings.cpp prepared statements and the values bound to them
//   BuilderChains.cpp     `lock` and `key` calls on a query's call chain
//   HelperCalls.cpp       a summarised helper's call, back into events
//   SqlEvents.cpp         SQL facts into events
//   Connections.cpp       the connection statements run on
//   ConstantArguments.cpp constant arguments and template arguments
//   RaiiTransactions.cpp  transactions begun by constructing an object
//   EntityEvents.cpp      ORM reads and writes of entity classes
//
//===----------------------------------------------------------------------===//

#ifndef DBRACE_CORE_EVENTS_COLLECTOR_H
#define DBRACE_CORE_EVENTS_COLLECTOR_H

#include "Events.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/StringMap.h"
#include <optional>
#include <string>

namespace dbrace {
struct SummaryEvent;

namespace events {

/// An isolation level as rules spell it (`serializable`); Unspecified for
/// anything else.
sqlfacts::Isolation isolationNamed(llvm::StringRef V);
/// A begin mode as rules spell it (`immediate`).
sqlfacts::BeginMode modeNamed(llvm::StringRef V);
/// BEGIN IMMEDIATE and EXCLUSIVE lock rows that do not exist yet.
bool coversNewRows(sqlfacts::BeginMode M);

class Collector {
public:
  Collector(const clang::FunctionDecl *FD, clang::ASTContext &Ctx,
            const ApiModel &Model, SqlTextResolver &Resolver,
            std::optional<sqlfacts::Dialect> Dialect,
            const TranslationUnitFacts &Unit)
      : FD(FD), Ctx(Ctx), Model(Model), Resolver(Resolver), Dialect(Dialect),
        Unit(Unit) {}

  FunctionEvents run();

private:
  // Walk.cpp
  void walk(const clang::Stmt *S, bool Discarded);
  static const clang::ValueDecl *initialisedBy(const clang::DeclStmt *DS,
                                               const clang::Stmt *Init);
  void walkFullStatement(const clang::Stmt *S);
  void visit(const clang::Stmt *S, bool Discarded);

  // StatementBindings.cpp
  bool appliesAny(llvm::ArrayRef<std::string> Functions) const;
  void attachParameters(const clang::Stmt *S, size_t First);
  /// What has been bound to a statement handle so far.
  struct Binding {
    llvm::SmallVector<const clang::ValueDecl *, 2> Filled;
    llvm::SmallVector<const clang::Expr *, 2> Bound;
    llvm::DenseMap<int, const clang::Expr *> Numbered;
    /// Values of unknown placeholders: inputs, never keys.
    llvm::SmallVector<const clang::Expr *, 1> Unplaced;
    /// Values bound by the placeholder's name, without its `:`, `@`, `$`.
    llvm::StringMap<const clang::Expr *> ByName;
  };
  void applyBindings(DbEvent &E, llvm::StringRef Key, const RecoveredSql *Sql);
  void noteMemberStore(const clang::Expr *LHS, const clang::Expr *RHS);
  const clang::Expr *storedValue(const clang::Expr *Bound) const;
  void bindByName(DbEvent &E, const llvm::StringMap<const clang::Expr *> &Named,
                  const RecoveredSql &Sql);
  std::optional<std::string> placeholderName(const clang::Expr *E);
  std::optional<std::string> parameterIndexName(const clang::Expr *E);
  void visitBind(const CallRule &Rule, const clang::Expr *Object,
                 llvm::ArrayRef<const clang::Expr *> Args);
  void bindKeys();
  static std::string declKey(const clang::ValueDecl *V);
  std::string statementKey(const clang::Expr *E);

  // BuilderChains.cpp
  /// A rule-matched call that is part of the statement a read runs (a
  /// `lock` or `key` call), with its rule.
  struct ChainCall {
    const clang::CallExpr *Call;
    const CallRule *Rule;
  };
  void chainRuleCalls(const clang::Stmt *S,
                      llvm::SmallVectorImpl<ChainCall> &Found);
  static bool chainedOnto(const clang::CallExpr *Call, const clang::Expr *Read);
  llvm::SmallVector<ChainCall, 2> chainCallsOf(const clang::Expr *Read);

  // FixedSqlCalls.cpp
  struct RuleCall;
  std::shared_ptr<const RecoveredSql> fixedSql(const RuleCall &C);
  void bindSqlParams(const RuleCall &C, DbEvent &Base);

  // HelperCalls.cpp
  void visitHelperCall(const clang::Expr *Call,
                       const clang::FunctionDecl *Callee,
                       llvm::ArrayRef<const clang::Expr *> Args,
                       bool Discarded);
  void addCallersRead(const SummaryEvent &S, const clang::Expr *Call,
                      llvm::ArrayRef<const clang::Expr *> Args);

  // Connections.cpp
  const ApiModel::TypeMatch *typeRuleFor(const clang::CXXRecordDecl *RD);
  unsigned connectionFor(const clang::ValueDecl *V);
  unsigned connectionOfObject(const clang::Expr *Object);

  // ConstantArguments.cpp
  std::optional<std::string> constantSpelling(const clang::Expr *E);
  std::optional<llvm::StringRef> valueOfExpr(const clang::Expr *E);
  std::optional<llvm::StringRef>
  valueOfTemplateArg(const clang::CXXRecordDecl *RD, unsigned N);
  sqlfacts::Isolation isolationOf(const CallRule &Rule,
                                  llvm::ArrayRef<const clang::Expr *> Args);

  // RaiiTransactions.cpp
  void visitVariable(const clang::VarDecl *V);
  void endsInDestructor(const clang::VarDecl *V,
                        const clang::CXXRecordDecl *RD);
  bool destructorRuleEnds(const clang::CXXRecordDecl *RD);

  // CallActions.cpp
  llvm::SmallVector<ApiModel::CallMatch, 2>
  matchingRules(const clang::FunctionDecl *Callee, const clang::Expr *Object);
  const clang::ValueDecl *objectDecl(const clang::Expr *Call,
                                     const clang::Expr *Object);
  DbEvent *lastEvent(EventKind Kind);
  bool visitCall(const clang::Expr *Call, const clang::FunctionDecl *Callee,
                 const clang::Expr *Object,
                 llvm::ArrayRef<const clang::Expr *> Args, bool Discarded);
  /// A call one rule matched, as each of the rule's actions sees it.
  struct RuleCall {
    const clang::Expr *Call;
    const clang::FunctionDecl *Callee;
    const clang::Expr *Object; ///< Null for free functions, constructors.
    llvm::ArrayRef<const clang::Expr *> Args;
    bool Discarded; ///< The call's value is thrown away.
    const CallRule &Rule;
    const LibraryRules *Library;
    /// Argument \p N; null when the rule names none or the call has fewer.
    const clang::Expr *arg(std::optional<unsigned> N) const {
      return N && *N < Args.size() ? Args[*N] : nullptr;
    }
    /// The key arguments (`key_arg`, then `key_args`); null for those the
    /// call does not have.
    llvm::SmallVector<const clang::Expr *, 2> keyArgs() const {
      llvm::SmallVector<const clang::Expr *, 2> Keys;
      if (Rule.KeyArg)
        Keys.push_back(arg(Rule.KeyArg));
      for (unsigned N : Rule.KeyArgs)
        Keys.push_back(arg(N));
      return Keys;
    }
  };
  DbEvent baseEvent(const RuleCall &C, const clang::ValueDecl *&ResultHolder);
  void addChainCalls(const clang::Expr *Read, DbEvent &Base);
  void addActionEvents(const RuleCall &C, DbEvent Base,
                       const clang::ValueDecl *ResultHolder);
  void runSql(const RuleCall &C, DbEvent Base);
  void prepareSql(const RuleCall &C, const clang::ValueDecl *ResultHolder);
  void runPrepared(const RuleCall &C, DbEvent Base);
  void lookupSql(const RuleCall &C, const clang::ValueDecl *ResultHolder);

  // ChainedCalls.cpp
  bool returnsObject(const clang::Expr *E);
  bool callsReturnedObject(const clang::Stmt *S);
  const clang::Expr *chainRoot(const clang::Expr *E);
  void fetchInto(const RuleCall &C);
  unsigned laterConnection();

  // EntityEvents.cpp
  void addEntityEvent(DbEvent Base, const CallRule &Rule,
                      const clang::Expr *Call,
                      const clang::FunctionDecl *Callee,
                      const clang::Expr *Object, const clang::Expr *EntityArg,
                      llvm::ArrayRef<const clang::Expr *> KeyArgs,
                      const clang::ValueDecl *ResultHolder);

  // SqlEvents.cpp
  sqlfacts::DialectReading
  readSql(llvm::StringRef Text, const LibraryRules *Library,
          const clang::Stmt *RunsOn = nullptr,
          llvm::SmallVectorImpl<sqlfacts::Dialect> *RunsIn = nullptr);
  sqlfacts::LockStrength conditionLock(const clang::Expr *Condition,
                                       const LibraryRules *Library);
  void addSqlEvents(DbEvent Base, std::shared_ptr<const RecoveredSql> Sql);
  std::optional<unsigned> sqlParameter(const RecoveredSql &Sql) const;
  std::shared_ptr<const RecoveredSql>
  endChosenByCondition(const clang::Expr *Root, const LibraryRules *Library);
  bool shapeStatementEvent(const sqlfacts::StatementFacts &S, DbEvent &E);

  const clang::FunctionDecl *FD;
  clang::ASTContext &Ctx;
  const ApiModel &Model;
  SqlTextResolver &Resolver;
  std::optional<sqlfacts::Dialect> Dialect;
  const TranslationUnitFacts &Unit;
  FunctionEvents Out;
  llvm::StringMap<Binding> Bindings;
  /// Statement keys prepared or bound in the full statement being walked,
  /// and values chained onto statements that calls of it return.
  llvm::SmallVector<std::string, 2> KeysInStatement;
  llvm::SmallVector<const clang::Expr *, 2> ChainedValues;
  /// Values bound by name in the full statement (`use(v, "id")`).
  llvm::StringMap<const clang::Expr *> ChainedNamed;
  const clang::Stmt *FullStatement = nullptr;
  llvm::DenseMap<const clang::ValueDecl *, unsigned> ConnectionOf;
  llvm::SmallPtrSet<const clang::CXXConstructExpr *, 4> HandledConstructions;
  llvm::DenseMap<const clang::CXXConstructExpr *, const clang::VarDecl *>
      ConstructedBy;
  /// The variable the expression being walked initialises or assigns.
  const clang::ValueDecl *Target = nullptr;
  /// Members of `this` assigned so far, and the value last stored.
  llvm::DenseMap<const clang::FieldDecl *, const clang::Expr *> MemberValues;
  llvm::StringMap<std::shared_ptr<const RecoveredSql>> Prepared;
  /// Variables holding an object read by its row's key, and that key.
  llvm::DenseMap<const clang::ValueDecl *,
                 llvm::SmallVector<const clang::ValueDecl *, 1>>
      RowKeyOf;
  /// The `lock` and `key` calls of the full statement ChainCallsFor.
  const clang::Stmt *ChainCallsFor = nullptr;
  llvm::SmallVector<ChainCall, 4> ChainCallsInStatement;
};

} // namespace events
} // namespace dbrace

#endif // DBRACE_CORE_EVENTS_COLLECTOR_H
