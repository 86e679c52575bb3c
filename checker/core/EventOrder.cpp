//===--- EventOrder.cpp - Which event runs first, and what it depends on --===//

#include "EventOrder.h"
#include "clang/Analysis/Analyses/Dominators.h"
#include "clang/Analysis/Analyses/PostOrderCFGView.h"
#include "llvm/ADT/SmallPtrSet.h"

using namespace clang;

namespace dbrace {

EventOrder::EventOrder(const CFG &Cfg, const FunctionEvents &Events) {
  locate(Cfg, Events);
  BlockOrder.resize(Cfg.getNumBlockIDs());
  unsigned Next = 0;
  for (const CFGBlock *Block : PostOrderCFGView(&Cfg))
    BlockOrder[Block->getBlockID()] = ++Next;
  computeControlDependences(Cfg);
}

void EventOrder::locate(const CFG &Cfg, const FunctionEvents &Events) {
  Positions.resize(Events.Events.size());
  for (const CFGBlock *B : Cfg) {
    unsigned Index = 0;
    for (const CFGElement &E : *B) {
      ++Index;
      auto S = E.getAs<CFGStmt>();
      if (!S)
        continue;
      auto It = Events.ByStmt.find(S->getStmt());
      if (It == Events.ByStmt.end())
        continue;
      for (unsigned Ev : It->second)
        Positions[Ev] = {B, Index};
    }
  }
}

bool EventOrder::runsBefore(unsigned A, unsigned B) const {
  const Position &PA = Positions[A], &PB = Positions[B];
  if (!PA.Block || !PB.Block)
    return false;
  if (PA.Block == PB.Block)
    return PA.Index < PB.Index || (PA.Index == PB.Index && A < B);
  return BlockOrder[PA.Block->getBlockID()] <
         BlockOrder[PB.Block->getBlockID()];
}

/// B depends on A when A has a successor from which B is certain to run,
/// but A itself is not.
void EventOrder::computeControlDependences(const CFG &Cfg) {
  Dependences.resize(Cfg.getNumBlockIDs());
  CFGPostDomTree PostDom(const_cast<CFG *>(&Cfg));
  auto IPDom = [&](const CFGBlock *B) -> const CFGBlock * {
    auto *Node = PostDom.getBase().getNode(const_cast<CFGBlock *>(B));
    return Node && Node->getIDom() ? Node->getIDom()->getBlock() : nullptr;
  };
  for (const CFGBlock *A : Cfg) {
    if (A->succ_size() < 2)
      continue;
    const CFGBlock *Stop = IPDom(A);
    for (const CFGBlock::AdjacentBlock &Succ : A->succs()) {
      const CFGBlock *B = Succ.getReachableBlock();
      for (unsigned Steps = 0; B && B != Stop && Steps < Cfg.size();
           B = IPDom(B), ++Steps)
        Dependences[B->getBlockID()].push_back(A);
    }
  }
}

llvm::SmallVector<const Expr *, 2> EventOrder::guardsOf(unsigned E) const {
  llvm::SmallVector<const Expr *, 2> Found;
  const CFGBlock *Start = Positions[E].Block;
  if (!Start)
    return Found;
  llvm::SmallPtrSet<const CFGBlock *, 16> Seen{Start};
  llvm::SmallVector<const CFGBlock *, 16> Work{Start};
  while (!Work.empty()) {
    const CFGBlock *B = Work.pop_back_val();
    for (const CFGBlock *Dep : Dependences[B->getBlockID()]) {
      if (!Seen.insert(Dep).second)
        continue;
      Work.push_back(Dep);
      if (const Expr *Cond =
              dyn_cast_or_null<Expr>(Dep->getTerminatorCondition()))
        Found.push_back(Cond);
    }
  }
  return Found;
}

} // namespace dbrace
