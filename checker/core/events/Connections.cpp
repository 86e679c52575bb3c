//===--- Connections.cpp - The connection statements run on ---------------===//
//
// Connection 0 is the connection the function uses; each transaction object or
// handle that statements run through has a connection of its own.
//
//===----------------------------------------------------------------------===//

#include "AstNames.h"
#include "Collector.h"
#include "RuleUsage.h"

using namespace clang;
using namespace dbrace;

namespace dbrace {
namespace events {

const ApiModel::TypeMatch *Collector::typeRuleFor(const CXXRecordDecl *RD) {
  if (!RD)
    return nullptr;
  for (const std::string &Name : classAndBases(RD))
    if (const ApiModel::TypeMatch *T = Model.type(Name)) {
      noteRuleMatched(*T->Library, T->Rule->Line);
      return T;
    }
  return nullptr;
}

unsigned Collector::connectionFor(const ValueDecl *V) {
  auto [It, New] = ConnectionOf.try_emplace(V, Out.Connections.size());
  if (New) {
    ConnectionStart Start = ConnectionStart::NoTransaction;
    sqlfacts::Isolation Level = sqlfacts::Isolation::Unspecified;
    if (!isa<VarDecl>(V) || isa<ParmVarDecl>(V) ||
        !cast<VarDecl>(V)->isLocalVarDecl() || V->getDeclContext() != FD) {
      // A handle the function was given (or a lambda captured) runs in
      // its caller's transaction, at the isolation its type names.
      const CXXRecordDecl *RD = recordOf(V->getType());
      const ApiModel::TypeMatch *T = typeRuleFor(RD);
      Start = T && T->Rule->Role == TypeRole::Autocommit
                  ? ConnectionStart::Autocommit
                  : ConnectionStart::CallerTransaction;
      if (T) {
        Level = T->Rule->IsolationLevel;
        if (T->Rule->IsolationTemplateArg)
          if (auto Named =
                  valueOfTemplateArg(RD, *T->Rule->IsolationTemplateArg))
            Level = isolationNamed(*Named);
      }
    }
    Out.Connections.push_back(Start);
    Out.ConnectionIsolations.push_back(Level);
    Out.ConnectionDecls.push_back(V);
  }
  return It->second;
}

/// The connection statements run in when called on \p Object.
unsigned Collector::connectionOfObject(const Expr *Object) {
  if (!Object)
    return 0;
  const ApiModel::TypeMatch *T = typeRuleFor(recordOf(Object->getType()));
  if (!T || !T->Rule->Handle)
    return 0;
  if (const ValueDecl *V = rootDecl(Object))
    return connectionFor(V);
  return 0;
}

} // namespace events
} // namespace dbrace
