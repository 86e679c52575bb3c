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
#include "llvm/ADT/DenseMap.h"

namespace dbrace {

/// A read whose race with a later write of the same function depends on
/// the caller's transaction: the check that decides the write (null where
/// the value feeds it), and whether there is one.
struct PendingRead {
  const clang::Expr *Check = nullptr;
  bool Checked = true;
  /// The function's own fix for the race, for its one caller to offer.
  std::shared_ptr<const FixPlan> OwnFix;
};
using PendingReads = llvm::DenseMap<unsigned, PendingRead>;

/// Adds the events of \p FD that act for its callers to \p Summary, whose
/// Name is set. \p Guards: per write event, the conditions it depends on;
/// \p Pending: by event index, the reads its callers judge.
void summarise(const clang::FunctionDecl *FD, const FunctionEvents &Events,
               const TransactionFlow &Flow, const ReadTaint &Taint,
               llvm::ArrayRef<llvm::SmallVector<const clang::Expr *, 2>> Guards,
               const PendingReads &Pending, FunctionSummary &Summary);

} // namespace dbrace

#endif // DBRACE_CORE_SUMMARIZE_H
