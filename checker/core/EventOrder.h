//===--- EventOrder.h - Which event runs first, and what it depends on ----===//
//
// The events' places on the CFG: an order that follows every path not going
// round a loop, and for each event the branch conditions that decide whether
// it runs (its control dependences, from post-dominance; a loop with no exit
// test counts as one that may end at its test, so that a retry loop's write
// depends on the check of its pass).
//
//===----------------------------------------------------------------------===//

#ifndef DBRACE_CORE_EVENTORDER_H
#define DBRACE_CORE_EVENTORDER_H

#include "Events.h"
#include "clang/Analysis/CFG.h"
#include "llvm/ADT/SmallVector.h"
#include <vector>

namespace dbrace {

class EventOrder {
public:
  EventOrder(const clang::CFG &Cfg, const FunctionEvents &Events);

  /// Whether event \p A comes before event \p B: by reverse post-order of
  /// their blocks. A reachability query per pair would make long functions
  /// quadratic.
  bool runsBefore(unsigned A, unsigned B) const;

  /// The conditions of the branches event \p E depends on, transitively,
  /// nearest first.
  llvm::SmallVector<const clang::Expr *, 2> guardsOf(unsigned E) const;

private:
  struct Position {
    const clang::CFGBlock *Block = nullptr;
    unsigned Index = 0;
  };
  void locate(const clang::CFG &Cfg, const FunctionEvents &Events);
  void computeControlDependences(const clang::CFG &Cfg);

  std::vector<Position> Positions;
  std::vector<unsigned> BlockOrder;
  /// Per block: the blocks whose branch decides whether it runs.
  std::vector<llvm::SmallVector<const clang::CFGBlock *, 2>> Dependences;
};

} // namespace dbrace

#endif // DBRACE_CORE_EVENTORDER_H
