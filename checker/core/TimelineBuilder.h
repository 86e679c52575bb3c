//===--- TimelineBuilder.h - The timeline of each fact of a function ------===//
//
// Interleaves two requests through the events a fact stands on. Each fact
// has its shape: a read and a write that both requests pass in turn, a
// lock that ends with its statement, a slow call the other request waits
// out.
//
//===----------------------------------------------------------------------===//

#ifndef DBRACE_CORE_TIMELINEBUILDER_H
#define DBRACE_CORE_TIMELINEBUILDER_H

#include "Timeline.h"
#include "TransactionFlow.h"
#include "clang/AST/ASTContext.h"

namespace dbrace::timeline {

/// What the timelines of one function are built from.
struct Site {
  const clang::FunctionDecl *FD;
  clang::ASTContext &Ctx;
  const FunctionEvents &Events;
  const TransactionFlow &Flow;
  const SqlByStatement &Sqls;
};

class Builder {
public:
  explicit Builder(Site S) : S(S), SM(S.Ctx.getSourceManager()) {}

  /// Read \p R decides (\p Guard) or feeds write \p W: the race \p P.
  Timeline race(unsigned R, unsigned W, const clang::Expr *Guard,
                const RacePair &P) const;
  /// Event \p L takes a lock in autocommit.
  Timeline lockInAutocommit(unsigned L, const LockInAutocommit &F) const;
  /// Event \p Slow is a slow call while a lock is held.
  Timeline slowCall(unsigned Slow, const SlowCallUnderLock &F) const;

private:
  Timeline start(FactKind Kind, clang::SourceLocation Reported) const;
  Step eventStep(Request Who, StepKind Kind, unsigned I) const;
  Step beginStep(Request Who, const ConnectionState &State) const;
  std::optional<Step> commitStep(Request Who, unsigned After,
                                 const ConnectionState &State) const;
  std::optional<unsigned> eventAt(const clang::Stmt *At) const;
  std::string valuesOf(const DbEvent &E) const;
  std::string text(clang::SourceRange Range) const;
  /// The call as written; a construction, with the variable it declares.
  std::string codeOf(const clang::Stmt *At) const;
  std::optional<bool> holdsOnTheWay(const clang::Expr *Guard,
                                    const clang::Stmt *Write) const;
  void addCheckAndWrite(Timeline &T, Request Who, unsigned W,
                        const clang::Expr *Guard) const;
  /// The first write after \p After on its connection that touches a
  /// table \p Of names (any write, when it names none).
  std::optional<unsigned> nextWrite(unsigned After, const DbEvent &Of) const;

  Site S;
  const clang::SourceManager &SM;
};

} // namespace dbrace::timeline

#endif // DBRACE_CORE_TIMELINEBUILDER_H
