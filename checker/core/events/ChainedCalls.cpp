//===--- ChainedCalls.cpp - Chains, cursors and statements run later ------===//
//
// Calls that return the object they are called on (`stmt->bind("a", x)->
// execute()`), calls that fetch a cursor's current row into an argument,
// and statements queued to run later on another connection.
//
//===----------------------------------------------------------------------===//

#include "AstNames.h"
#include "Collector.h"

using namespace clang;
using namespace dbrace;

namespace dbrace {
namespace events {

/// Whether \p E is a call a rule says returns its object (`returns:
/// object`).
bool Collector::returnsObject(const Expr *E) {
  const auto *Call = dyn_cast_or_null<CallExpr>(E ? stripWrappers(E) : nullptr);
  const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  if (!Callee)
    return false;
  return llvm::any_of(matchingRules(Callee, objectOfCall(Call)),
                      [](const ApiModel::CallMatch &M) {
                        return M.Rule->ReturnsWhat == Returns::Object;
                      });
}

/// Whether \p S is a call on what a returns-object call gave back.
bool Collector::callsReturnedObject(const Stmt *S) {
  const auto *Call = dyn_cast<CallExpr>(S);
  return Call && returnsObject(objectOfCall(Call));
}

/// The object a chain of returns-object calls starts from: `stmt` for
/// `stmt->bind("a", x)->bind("b", y)`.
const Expr *Collector::chainRoot(const Expr *E) {
  for (unsigned Depth = 0; E && Depth < 64 && returnsObject(E); ++Depth)
    E = objectOfCall(cast<CallExpr>(stripWrappers(E)));
  return E;
}

/// `fetch`: the current row of the last read whose result is the cursor
/// the call is made on (`result: object` of `cur.lookup(...)`), or else of
/// the last read, goes into the arguments `result` names, and the
/// call's value tells what the read found (`while (cur.nextRow(row))`).
void Collector::fetchInto(const RuleCall &C) {
  const ValueDecl *Cursor = C.Object ? rootDecl(chainRoot(C.Object)) : nullptr;
  DbEvent *Read = nullptr;
  for (auto It = Out.Events.rbegin(); It != Out.Events.rend() && !Read; ++It)
    if (It->Kind == EventKind::Read && Cursor &&
        llvm::is_contained(It->ResultDecls, Cursor))
      Read = &*It;
  if (!Read)
    Read = lastEvent(EventKind::Read);
  if (!Read)
    return;
  for (unsigned N : C.Rule.ResultArgs)
    if (const ValueDecl *D = rootDecl(C.arg(N)))
      Read->ResultDecls.push_back(D);
  if (!C.Discarded)
    Read->StatusCalls.push_back(C.Call);
}

/// A connection of its own, in autocommit, for a statement queued to run
/// later: no transaction of this function covers it.
unsigned Collector::laterConnection() {
  Out.Connections.push_back(ConnectionStart::Autocommit);
  Out.ConnectionIsolations.push_back(sqlfacts::Isolation::Unspecified);
  Out.ConnectionDecls.push_back(nullptr);
  return Out.Connections.size() - 1;
}

} // namespace events
} // namespace dbrace
