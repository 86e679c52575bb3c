//===--- Summarize.h - What a function does for its callers ---------------===//
//
// The events of an analysed function that act in its caller's context
// (Summary.h says which), taken from the function's events, their
// transaction states and the reads its return value and out-parameters
// carry.
//
//===----------------------------------------------------------------------===//

#ifndef DBRACE_CORE_SUMMARIZE_H
#define DBRACE_CORE_SUMMARIZE_H

#include "ReadTaint.h"
#include "Summary.h"
#include "TransactionFlow.h"
#include "llvm/ADT/ArrayRef.h"

namespace dbrace {

/// Adds the events of \p FD that act for its callers to \p Summary, whose
/// Name is set. \p Guards: per write event, the conditions it depends on.
void summarise(const clang::FunctionDecl *FD, const FunctionEvents &Events,
               const TransactionFlow &Flow, const ReadTaint &Taint,
               llvm::ArrayRef<llvm::SmallVector<const clang::Expr *, 2>> Guards,
               FunctionSummary &Summary);

} // namespace dbrace

#endif // DBRACE_CORE_SUMMARIZE_H
