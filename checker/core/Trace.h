//===--- Trace.h - What the analysis saw and decided, for --explain -------===//
//
// A record of one function's analysis: each call the rules recognise and
// the rule or summary that matched it, its SQL or why there is none, the
// transaction state before each event, and each read/write pair considered
// with a typed verdict. Plain data (places as file, offset, line, column),
// so that it outlives the AST; the driver words and prints it. Recorded only
// while a sink is installed, so the checks pay nothing for it.
//
//===----------------------------------------------------------------------===//

#ifndef DBRACE_CORE_TRACE_H
#define DBRACE_CORE_TRACE_H

#include "ApiModel.h"
#include "Events.h"
#include "Facts.h"
#include "TransactionFlow.h"
#include "clang/Basic/SourceManager.h"
#include <optional>
#include <string>
#include <vector>

namespace dbrace::trace {

struct Place {
  std::string File; ///< As the compiler names it; empty when invalid.
  unsigned Offset = 0, Line = 0, Column = 0;
  bool valid() const { return Line != 0; }
};

/// Where \p Loc is written, macros expanded to where they are used.
Place placeOf(clang::SourceLocation Loc, const clang::SourceManager &SM);

/// A rule of a rules file that matched a call or construction.
struct RuleRef {
  std::string Library;
  std::string RulesFile;
  std::string Name;
  bool IsType = false; ///< A `types:` rule; else a `calls:` rule.
  /// Among the file's rules of the same section and name, which one
  /// (0-based): rules differing only in `when` share a name.
  unsigned Occurrence = 0;
  CallAction Action = CallAction::Execute; ///< Calls only.
  TypeRole Role = TypeRole::Transaction;   ///< Types only.
};

/// How a call was recognised.
enum class Recognition {
  Rule,     ///< A rule names it.
  Summary,  ///< A function of this translation unit that touches the database.
  Unmatched ///< A method of a class some rule names, that no rule covers.
};

/// What became of the SQL of a call.
enum class SqlStatus {
  NoSqlArgument, ///< The rule takes no SQL (begin, commit, an ORM call).
  Parsed,
  NotParsed,    ///< Recovered, but the parser failed: the tokenizer read it.
  NotRecovered, ///< The SQL argument could not be followed to its text.
  Parameter,    ///< The SQL is a parameter: known at each call site.
  NotFound      ///< A prepared statement whose SQL was found nowhere.
};

struct Call {
  Place At;
  std::string Callee;
  Recognition How = Recognition::Rule;
  std::vector<RuleRef> Rules;
  std::string Helper; ///< Summary: the function called.
  SqlStatus Sql = SqlStatus::NoSqlArgument;
  std::string SqlText;          ///< As recovered; holes are `$1001`, ...
  std::string ParseError;       ///< NotParsed: the parser's message.
  std::string SqlSource;        ///< NotRecovered: the C++ argument as written.
  int SqlParameter = -1;        ///< Parameter: which one (0-based).
  std::vector<unsigned> Events; ///< Indices into Function::Events.
};

enum class TxState { None, Autocommit, Unknown, Caller, Begun };

struct State {
  TxState Tx = TxState::None;
  Place BeginAt;
  sqlfacts::Isolation IsolationLevel = sqlfacts::Isolation::Unspecified;
  Place LockAt; ///< The transaction's first lock, held on every path.
  std::vector<std::string> LockedTables;
  bool CoversNewRows = false;
  Place SessionLockAt;
};

struct Event {
  EventKind Kind = EventKind::Read;
  Place At;
  std::vector<std::string> Tables;
  sqlfacts::StatementKind WriteKind = sqlfacts::StatementKind::Other;
  sqlfacts::LockStrength Lock = sqlfacts::LockStrength::None;
  bool Certain = true;     ///< False: the facts come from the tokenizer.
  bool Reached = true;     ///< On the CFG (not dead code).
  bool ResultUsed = false; ///< Write: its row count is looked at.
  std::string Helper;      ///< Standing for an event of this helper.
  Place InHelper;
  std::optional<State> Before; ///< Absent when the flow was not computed.
};

/// Why a read and a write were, or were not, a race pair.
enum class PairVerdict {
  SameCall,       ///< The write is the read's own statement.
  NoSharedTable,  ///< The write touches no table the read reads.
  DifferentRows,  ///< Keys bound to different values.
  NotAfterRead,   ///< The write does not run after the read.
  ValueNotUsed,   ///< The read's value neither decides nor feeds the write.
  Race,           ///< A pair: Protected says whether anything protects it.
  AfterFirstRace, ///< Not considered: the read pairs once, with its first
                  ///< unprotected write.
  /// A helper's read-check-write on its caller's connection: each caller
  /// judges it in the transaction it runs the call in.
  JudgedInCallers
};

struct Pair {
  unsigned Read = 0, Write = 0; ///< Indices into Function::Events.
  Place ReadAt, WriteAt, CheckAt;
  PairVerdict Verdict = PairVerdict::Race;
  std::string Table;                 ///< Race: the table both touch.
  std::string ReadTable, WriteTable; ///< The first each names.
  bool Consumed = false; ///< Race: the value feeds the write (no check).
  Protection Protected = Protection::None;
  TransactionRelation Relation = TransactionRelation::None;
  sqlfacts::LockStrength ReadLock = sqlfacts::LockStrength::None;
  /// The columns the write's WHERE re-checks, and whether its row count is
  /// looked at.
  std::vector<std::string> WriteGuardColumns;
  bool WriteResultUsed = false;
};

enum class FunctionStatus {
  Analysed,
  NoEvents,    ///< Calls nothing the rules or summaries describe.
  NoCfg,       ///< Clang could not build its CFG.
  NotConverged ///< The transaction flow exceeded its budget.
};

struct Function {
  std::string Name;
  Place Begin;
  unsigned EndLine = 0;
  FunctionStatus Status = FunctionStatus::Analysed;
  std::vector<Call> Calls;
  std::vector<Event> Events;
  std::vector<Pair> Pairs;
};

/// Receives the traces of the functions it wants.
class Sink {
public:
  virtual ~Sink() = default;
  virtual bool wants(const clang::FunctionDecl *FD,
                     const clang::SourceManager &SM) = 0;
  virtual void add(Function F) = 0;
};

/// The process's sink; null (the default) records nothing.
void setSink(Sink *S);
Sink *sink();

/// The calls of \p FD the rules or summaries recognise, and the methods of
/// rule-named classes no rule covers, in source order, with their events.
Function describeCalls(const clang::FunctionDecl *FD, clang::ASTContext &Ctx,
                       const ApiModel &Model, SqlTextResolver &Resolver,
                       std::optional<sqlfacts::Dialect> Dialect,
                       const FunctionEvents &Events);

/// Fills each event's state from \p Flow.
void describeStates(Function &F, const TransactionFlow &Flow,
                    const clang::SourceManager &SM);

/// A pair considered: read \p R and write \p W of \p Events, with the
/// race \p P when the verdict is Race.
Pair describePair(const FunctionEvents &Events, unsigned R, unsigned W,
                  PairVerdict V, const RacePair *P,
                  const clang::SourceManager &SM);

} // namespace dbrace::trace

#endif // DBRACE_CORE_TRACE_H
