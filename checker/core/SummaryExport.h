//===--- SummaryExport.h - Summaries written out for other units ----------===//
//
// Whole-program analysis runs two per-unit passes. The first writes, for
// every function, what it does for its callers as rules (SummaryExport),
// and the calls it makes to other functions of the project with how their
// arguments map onto its own parameters (DeferredCall). Those are composed
// as data when the units' exports are merged (SummaryMerge.h), bottom-up, so
// that a chain of wrappers across files needs no third parse. Everything
// here is plain data, free of AST pointers: a cache can keep it per unit.
//
//===----------------------------------------------------------------------===//

#ifndef DBRACE_CORE_SUMMARYEXPORT_H
#define DBRACE_CORE_SUMMARYEXPORT_H

#include "ApiModel.h"
#include "SqlText.h"
#include "Summary.h"
#include <optional>
#include <string>
#include <vector>

namespace dbrace {

/// One rule of a function's summary; its Name is the function's.
struct ExportedRule {
  CallRule Rule;
  /// Where in the function the event happens, to keep rules composed from
  /// its calls in the order the calls run.
  unsigned Order = 0;
  /// The dialect of the library the event came from.
  std::optional<sqlfacts::Dialect> Dialect;
  std::string LockClause; ///< That library's `lock_clause`.
};

/// A call of another function of the project, whose summary is known only
/// once every unit has been analysed.
struct DeferredCall {
  std::string Callee; ///< The callee's key (ExportedFunction::Key).
  unsigned Order = 0;
  /// What the call runs on: the function's own object (`this`, a field of
  /// it), its parameter N, or something else: a local object of its own.
  static constexpr int OwnObject = -1, OtherObject = -2;
  int Object = OtherObject;
  /// Per argument: the parameter of the function it passes, or -1.
  std::vector<int> ArgParams;
  /// Per argument: its text where it is text the function builds, as
  /// `sql:` writes it (`{N}` for parameter N); none elsewhere.
  std::vector<std::optional<std::string>> ArgSql;
  bool Returned = false; ///< The call's value is what the function returns.
};

struct ExportedFunction {
  /// The qualified name, as rules name it; for a function other units
  /// cannot call (`static`, an anonymous namespace), followed by `@` and
  /// its file, so that two such functions of one name stay apart.
  std::string Key;
  std::string Name;     ///< As rules name it.
  bool Visible = false; ///< Other units may call it: its rules are written.
  /// A destructor: the transaction it ends, it rolls back.
  bool Destructor = false;
  /// The parameter types, to tell overloads apart: rules name a function
  /// without them, so overloads summarised differently get no rules.
  std::string Signature;
  std::vector<ExportedRule> Rules;
  std::vector<DeferredCall> Calls;
  /// The functions of the project the lambdas it writes call, by key: not
  /// part of its summary (a lambda runs where it is called), but the unit
  /// reads their summaries.
  std::vector<std::string> LambdaCallees;
};

/// The key of \p FD, as DeferredCall::Callee and ExportedFunction::Key
/// spell it.
std::string functionKey(const clang::FunctionDecl *FD,
                        const clang::SourceManager &SM);

/// \p FD's summary as rules, and its calls of other functions of the
/// project (not of a system header, not matched by a rule).
ExportedFunction exportFunction(const clang::FunctionDecl *FD,
                                clang::ASTContext &Ctx, const ApiModel &Model,
                                SqlTextResolver &Resolver,
                                const FunctionSummary &Summary);

/// Where the analysis hands exported functions, when a front end wants
/// them (the driver's first pass). One for the process: the driver's
/// threads each analyse a unit, so add() must be thread-safe.
class SummarySink {
public:
  virtual ~SummarySink();
  /// \p F was analysed in the unit whose main file is \p Unit.
  virtual void add(llvm::StringRef Unit, ExportedFunction F) = 0;
};
SummarySink *summarySink();
void setSummarySink(SummarySink *Sink);

} // namespace dbrace

#endif // DBRACE_CORE_SUMMARYEXPORT_H
