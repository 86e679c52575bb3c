//===--- ArgumentConditions.h - Events that run for some arguments only ---===//
//
// A helper may do one thing or another by an argument (a guard class's
// `Transaction(db, Mode::Immediate)` begins IMMEDIATE, its deferred mode
// plain BEGIN). Its summary keeps, for each event, the tests of parameters
// against constants that lead to it, and a call whose argument is a
// constant keeps only the events its value reaches.
//
//===----------------------------------------------------------------------===//

#ifndef DBRACE_CORE_ARGUMENTCONDITIONS_H
#define DBRACE_CORE_ARGUMENTCONDITIONS_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/ParentMap.h"
#include "llvm/ADT/APSInt.h"
#include "llvm/ADT/ArrayRef.h"
#include <vector>

namespace dbrace {

/// Parameter Param equals (or, with Equal false, differs from) Value.
struct ArgumentCondition {
  unsigned Param = 0;
  llvm::APSInt Value;
  bool Equal = true;
};

/// The tests of \p FD's parameters against constants that every path to
/// \p At in \p FD's body passes: the `if`s around it, and the `if`s before
/// it whose branch leaves the function. \p Parents: of the body.
std::vector<ArgumentCondition>
argumentConditions(const clang::FunctionDecl *FD, const clang::Stmt *At,
                   const clang::ParentMap &Parents,
                   const clang::ASTContext &Ctx);

/// Whether a call with \p Args may meet \p Conditions: false only when an
/// argument is a constant a condition rules out.
bool mayHold(llvm::ArrayRef<ArgumentCondition> Conditions,
             llvm::ArrayRef<const clang::Expr *> Args,
             const clang::ASTContext &Ctx);

} // namespace dbrace

#endif // DBRACE_CORE_ARGUMENTCONDITIONS_H
