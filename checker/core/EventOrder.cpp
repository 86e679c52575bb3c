//===--- EventOrder.cpp - Which event runs first, and what it depends on --===//

#include "EventOrder.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Analysis/Analyses/PostOrderCFGView.h"
#include "llvm/ADT/SmallPtrSet.h"

using namespace clang;

namespace dbrace {

namespace {

/// Whether \p B is the test of a loop that has none (`for (;;)`,
/// `while (true)`): its edge out of the loop is never taken.
bool testsEndlessLoop(const CFGBlock &B) {
  const Stmt *T = B.getTerminatorStmt();
  return T && isa<ForStmt, WhileStmt, DoStmt>(T) && B.succ_size() == 2 &&
         !B.succ_rbegin()->getReachableBlock();
}

/// The immediate post-dominator of each block, by block ID (none for the
/// exit and for blocks that cannot reach it), on the CFG with two kinds of
/// edge to the exit added. A block with no successor (a call that does not
/// return) ends the function as the exit does. And a loop with no exit test
/// may end at its test: such a loop ends only through a `return` or `break`
/// inside, so a write just before that `return` would post-dominate the
/// check whose failure `continue`s, and so depend on nothing, when it runs
/// only on the pass whose check succeeds (a retry loop).
class PostDominators {
public:
  explicit PostDominators(const CFG &Cfg)
      : Exit(&Cfg.getExit()), Succs(Cfg.getNumBlockIDs()),
        IDom(Cfg.getNumBlockIDs()), Number(Cfg.getNumBlockIDs(), 0) {
    std::vector<llvm::SmallVector<const CFGBlock *, 2>> Preds(
        Cfg.getNumBlockIDs());
    for (const CFGBlock *B : Cfg) {
      auto &Out = Succs[B->getBlockID()];
      for (const CFGBlock::AdjacentBlock &S : B->succs())
        if (const CFGBlock *To = S.getReachableBlock())
          Out.push_back(To);
      if (B != Exit && (Out.empty() || testsEndlessLoop(*B)))
        Out.push_back(Exit);
      for (const CFGBlock *To : Out)
        Preds[To->getBlockID()].push_back(B);
    }
    std::vector<const CFGBlock *> Order = postOrderFromExit(Preds);
    IDom[Exit->getBlockID()] = Exit;
    // Cooper, Harvey and Kennedy's iteration, in reverse post-order.
    for (bool Changed = true; Changed;) {
      Changed = false;
      for (auto It = Order.rbegin(); It != Order.rend(); ++It) {
        const CFGBlock *B = *It, *New = nullptr;
        if (B == Exit)
          continue;
        for (const CFGBlock *S : Succs[B->getBlockID()])
          if (IDom[S->getBlockID()])
            New = New ? intersect(S, New) : S;
        if (New != IDom[B->getBlockID()]) {
          IDom[B->getBlockID()] = New;
          Changed = true;
        }
      }
    }
  }

  /// The blocks \p B continues to, including the added edges.
  llvm::ArrayRef<const CFGBlock *> successors(const CFGBlock *B) const {
    return Succs[B->getBlockID()];
  }

  const CFGBlock *immediate(const CFGBlock *B) const {
    return B == Exit ? nullptr : IDom[B->getBlockID()];
  }

private:
  /// The blocks that reach the exit, in post-order of the reversed CFG
  /// from the exit; numbers them from 1 in that order.
  std::vector<const CFGBlock *> postOrderFromExit(
      const std::vector<llvm::SmallVector<const CFGBlock *, 2>> &Preds) {
    std::vector<const CFGBlock *> Order;
    std::vector<bool> Seen(Number.size(), false);
    // Each entry: a block and how many of its predecessors were visited.
    llvm::SmallVector<std::pair<const CFGBlock *, unsigned>, 32> Stack;
    Stack.push_back({Exit, 0});
    Seen[Exit->getBlockID()] = true;
    while (!Stack.empty()) {
      auto &[B, Next] = Stack.back();
      const auto &In = Preds[B->getBlockID()];
      if (Next < In.size()) {
        const CFGBlock *P = In[Next++];
        if (!Seen[P->getBlockID()]) {
          Seen[P->getBlockID()] = true;
          Stack.push_back({P, 0});
        }
        continue;
      }
      Order.push_back(B);
      Number[B->getBlockID()] = Order.size();
      Stack.pop_back();
    }
    return Order;
  }

  const CFGBlock *intersect(const CFGBlock *A, const CFGBlock *B) const {
    while (A != B) {
      while (Number[A->getBlockID()] < Number[B->getBlockID()])
        A = IDom[A->getBlockID()];
      while (Number[B->getBlockID()] < Number[A->getBlockID()])
        B = IDom[B->getBlockID()];
    }
    return A;
  }

  const CFGBlock *Exit;
  std::vector<llvm::SmallVector<const CFGBlock *, 2>> Succs;
  std::vector<const CFGBlock *> IDom;
  std::vector<unsigned> Number;
};

} // namespace

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
  PostDominators PostDom(Cfg);
  for (const CFGBlock *A : Cfg) {
    llvm::ArrayRef<const CFGBlock *> Succs = PostDom.successors(A);
    if (Succs.size() < 2)
      continue;
    const CFGBlock *Stop = PostDom.immediate(A);
    for (const CFGBlock *B : Succs)
      for (unsigned Steps = 0; B && B != Stop && Steps < Cfg.size();
           B = PostDom.immediate(B), ++Steps)
        Dependences[B->getBlockID()].push_back(A);
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
