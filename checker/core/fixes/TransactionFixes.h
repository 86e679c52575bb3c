//===--- TransactionFixes.h - Fix-its that change a transaction -----------===//
//
// Each fix-it here is offered only when the edited code still compiles and
// still runs the same statements, now in a transaction that holds the lock;
// otherwise the caller gets a note that says what to write.
//
//===----------------------------------------------------------------------===//

#ifndef DBRACE_CORE_FIXES_TRANSACTIONFIXES_H
#define DBRACE_CORE_FIXES_TRANSACTIONFIXES_H

#include "../Events.h"
#include "../Facts.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/Diagnostic.h"
#include <optional>
#include <string>
#include <vector>

namespace dbrace::fixes {

/// Fix-its, or when there are none, advice that says what to do instead.
struct FixOrNote {
  std::vector<clang::FixItHint> Fixes;
  /// Headers the fix-its need included (FixPlan::Headers).
  std::vector<std::string> Headers;
  FixAdvice Advice; ///< Kind::None when there is nothing to say.
  /// With the advice: the places that stopped the fix-it, and why.
  std::vector<FixBlocker> MoreNotes;
};

/// What the fix-its of one finding know about its function.
struct FixSite {
  const clang::FunctionDecl *Function;
  clang::ASTContext &Ctx;
  const FunctionEvents &Events;
};

/// A transaction object's constructor with the library's immediate-mode
/// argument: appended when no mode is given, or in place of a deferred mode
/// spelled as a constant (`Behavior::DEFERRED`).
std::optional<clang::FixItHint>
immediateModeArgument(const clang::CXXConstructExpr *Construct,
                      const TypeRule *Type, llvm::StringRef Argument,
                      const clang::ASTContext &Ctx);

/// The read and the write run with no transaction: open one with the
/// library's templates, around the read up to every normal exit of the
/// block, either by turning the autocommit handle they run through into a
/// transaction (`transaction_type`) or by beginning one on the connection
/// (`begin_statement`); a `commit_statement` goes before each `return` and
/// where the block falls through. \p LockRead locks the read inside it
/// (empty where the begin itself locks, as SQLite's `BEGIN IMMEDIATE`).
FixOrNote openTransaction(const FixSite &Site, const DbEvent &Read,
                          const DbEvent &Write,
                          const std::vector<clang::FixItHint> &LockRead);

/// The read runs before the transaction that writes begins: move the begin
/// above the read, when both are statements of one block and what the begin
/// uses is declared and unchanged above the read. A read through an
/// autocommit handle declared in that block moves to the transaction: the
/// begin replaces the handle's declaration and the handle's uses are
/// renamed. \p LockRead locks the read; \p LockBegin are edits inside the
/// begin statement that make it lock (SQLite's immediate mode).
FixOrNote moveBeginAboveRead(const FixSite &Site, const DbEvent &Read,
                             const DbEvent &Begin,
                             const std::vector<clang::FixItHint> &LockRead,
                             const std::vector<clang::FixItHint> &LockBegin);

} // namespace dbrace::fixes

#endif // DBRACE_CORE_FIXES_TRANSACTIONFIXES_H
