//===--- Analyzer.h - Read-check-write races in one function --------------===//

#ifndef DBRACE_CORE_ANALYZER_H
#define DBRACE_CORE_ANALYZER_H

#include "AnalyzerOptions.h"
#include "ApiModel.h"
#include "Facts.h"
#include "FunctionFacts.h"
#include "SqlText.h"
#include "Summary.h"
#include "Timeline.h"
#include "Trace.h"
#include "TranslationUnitIndex.h"
#include "fixes/FixConflicts.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/StringMap.h"
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace dbrace {

class Analyzer {
public:
  Analyzer(clang::ASTContext &Ctx, const ApiModel &Model,
           AnalyzerOptions Options);

  /// What \p FD does wrong or risks, in source order. Each function is
  /// analysed once; helpers it calls are analysed first, for their
  /// summaries.
  const std::vector<Fact> &analyze(const clang::FunctionDecl *FD);

  /// What \p FD does for its callers; null when nothing (or when \p FD is
  /// being analysed already: recursion is cut there).
  const FunctionSummary *summaryOf(const clang::FunctionDecl *FD);

private:
  struct Result {
    bool Done = false;
    /// Fixes checked against the helpers' other calls and admitted.
    bool Settled = false;
    std::vector<Fact> Facts;
    FunctionSummary Summary;
  };
  Result &compute(const clang::FunctionDecl *FD);
  /// Withholds from \p R's findings a lock clause in a helper judged at
  /// its calls where another call runs it outside a transaction that no
  /// fix opens.
  void settleHelperLocks(Result &R);
  /// The callers of a helper: in a transaction, now or once their fix
  /// opens one; outside one with no fix.
  struct HelperCallsSeen {
    std::vector<std::string> InTransaction, Outside;
    bool OutsideElsewhere = false;
  };
  /// How the analysed calls of \p Helper run it; computes its callers.
  const HelperCallsSeen &callsOf(const clang::FunctionDecl *Helper);
  /// The calls of \p Callee, which is \p Helper or passes its caller's
  /// connection on to it: judged there, or passed on again.
  void addCallsOf(const clang::FunctionDecl *Callee,
                  const clang::FunctionDecl *Helper, HelperCallsSeen &Seen,
                  llvm::SmallPtrSetImpl<const clang::FunctionDecl *> &Passing);
  const TranslationUnitIndex &index();
  DialectSet connectionDialects(const clang::Stmt *RunsOn,
                                const LibraryRules &L);
  std::shared_ptr<const RecoveredSql> namedStatement(llvm::StringRef Name);
  llvm::ArrayRef<std::string> entityTables(llvm::StringRef Class);
  /// Who sees \p FD's summary: functions of this unit, or of others that
  /// the whole program's summaries name.
  Callers callersOf(const clang::FunctionDecl *FD);
  /// Counts \p Events' statements not understood, for the driver's summary.
  static void countNotUnderstood(const FunctionEvents &Events,
                                 const clang::SourceManager &SM);
  /// \p FD's trace, begun, when a trace sink wants it.
  std::optional<trace::Function> startTrace(const clang::FunctionDecl *FD,
                                            const FunctionEvents &Events);

  clang::ASTContext &Ctx;
  const ApiModel &Model;
  AnalyzerOptions Options;
  SqlTextResolver Resolver;
  std::map<const clang::FunctionDecl *, Result> Results;
  /// The functions under analysis, innermost last, and those a recursive
  /// call was cut in: their summaries are not specialised to arguments (a
  /// branch a constant argument skips may be reached by recursing).
  std::vector<const clang::FunctionDecl *> Computing;
  llvm::SmallPtrSet<const clang::FunctionDecl *, 4> Recursive;
  std::map<const clang::FunctionDecl *, HelperCallsSeen> HelperCalls;
  /// Statements prepared and classes mapped anywhere in the TU, indexed on
  /// first need.
  std::optional<TranslationUnitIndex> Index;
  /// Connections followed back to the database they were opened on, where
  /// the TU names several for one library; made on first need.
  std::optional<ConnectionDialects> Connections;
  /// Edits offered so far in this TU: no two findings make the same one.
  fixes::FixLedger FixLedger;
  /// The SQL of the events of the functions analysed, while timelines are
  /// built: a helper's event shows its SQL in the caller's timeline.
  timeline::SqlByStatement EventSql;
};

/// Whether dbrace analyses \p FD at all: a definition, outside system
/// headers, not an uninstantiated template.
bool shouldAnalyze(const clang::FunctionDecl *FD, clang::ASTContext &Ctx);

} // namespace dbrace

#endif // DBRACE_CORE_ANALYZER_H
