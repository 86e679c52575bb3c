//===--- ReadTaint.h - Which reads a value carries ------------------------===//
//
// Flow-insensitive taint from read results through locals, references,
// fields, structured bindings, loops over rows, containers and calls. One
// pass collects the assignments of the function; a few rounds over them
// reach the fixpoint, so the cost stays linear in the function's size.
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

  /// The read events whose result flows into \p E.
  llvm::SmallBitVector of(const clang::Stmt *E) const;

  /// The read events whose result the variable holds.
  llvm::SmallBitVector ofDecl(const clang::ValueDecl *D) const;

private:
  struct Flow {
    const clang::ValueDecl *Target;
    const clang::Stmt *Source;
  };
  void collectFlows(const clang::Stmt *S);
  void addFlow(const clang::Expr *Target, const clang::Stmt *Source);
  /// Database calls: their rules say where their results go.
  bool modelled(const clang::Stmt *Call) const;

  const FunctionEvents &Events;
  llvm::DenseMap<const clang::Stmt *, unsigned> ResultCalls;
  llvm::DenseMap<const clang::ValueDecl *, llvm::SmallBitVector> Tainted;
  std::vector<Flow> Flows;
};

} // namespace dbrace

#endif // DBRACE_CORE_READTAINT_H
