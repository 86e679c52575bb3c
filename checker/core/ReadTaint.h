//===--- ReadTaint.h - Which reads a value carries ------------------------===//
//
// Flow-insensitive taint from read results through locals, references,
// fields, structured bindings, loops over rows, containers and calls. One
// pass collects the assignments of the function; a worklist over them
// reaches the fixpoint, revisiting an assignment only when a variable it
// reads gained a read.
//
//===----------------------------------------------------------------------===//

#ifndef DBRACE_CORE_READTAINT_H
#define DBRACE_CORE_READTAINT_H

#include "Events.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallBitVector.h"

namespace dbrace {

class ReadTaint {
public:
  ReadTaint(const clang::Stmt *Body, const FunctionEvents &Events);

  /// The read events whose result flows into \p E. Asked again for the
  /// same statement (a condition guarding many writes), it answers from a
  /// cache instead of walking the subtree again; the reference is valid
  /// until the next call.
  const llvm::SmallBitVector &of(const clang::Stmt *E) const;

  /// The read events stored into \p D by assignments or mutating calls on
  /// it (`*out = ...`, `out.push_back(...)`), not through calls that take
  /// it by reference among other arguments.
  llvm::SmallBitVector storedInto(const clang::ValueDecl *D) const;

  /// The read events whose result the variable holds.
  llvm::SmallBitVector ofDecl(const clang::ValueDecl *D) const;

private:
  struct Flow {
    const clang::ValueDecl *Target;
    const clang::Stmt *Source;
    bool Stored; ///< An assignment or a mutating call on the target.
  };
  void collectFlows(const clang::Stmt *S);
  void addFlow(const clang::Expr *Target, const clang::Stmt *Source,
               bool Stored);
  /// What a source expression carries: the reads whose results it
  /// contains, and the variables it uses.
  struct Inputs {
    llvm::SmallBitVector Results;
    llvm::SmallVector<const clang::ValueDecl *, 4> Decls;
  };
  Inputs inputsOf(const clang::Stmt *S) const;
  llvm::SmallBitVector combine(const Inputs &In) const;
  llvm::SmallBitVector walk(const clang::Stmt *S) const;
  void propagate();
  /// Database calls: their rules say where their results go.
  bool modelled(const clang::Stmt *Call) const;

  const FunctionEvents &Events;
  llvm::DenseMap<const clang::Stmt *, unsigned> ResultCalls;
  llvm::DenseMap<const clang::ValueDecl *, llvm::SmallBitVector> Tainted;
  std::vector<Flow> Flows;
  /// Answers of `of`, kept once the fixpoint is reached.
  mutable llvm::DenseMap<const clang::Stmt *, llvm::SmallBitVector> Cache;
  bool Settled = false;
};

} // namespace dbrace

#endif // DBRACE_CORE_READTAINT_H
