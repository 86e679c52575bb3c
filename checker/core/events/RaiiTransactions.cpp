//===--- RaiiTransactions.cpp - Transactions of RAII objects -------------===//
//
// A variable of a transaction type begins a transaction, and its scope's
// end ends it; so does a guard class whose destructor ends one.
//
//===----------------------------------------------------------------------===//

#include "AstNames.h"
#include "Collector.h"
#include "RuleUsage.h"
#include "Summary.h"

using namespace clang;
using namespace dbrace;

namespace dbrace {
namespace events {

void Collector::visitVariable(const VarDecl *V) {
  const auto *CE =
      dyn_cast_or_null<CXXConstructExpr>(stripWrappers(V->getInit()));
  if (!CE)
    return;
  ConstructedBy[CE] = V;
  const CXXRecordDecl *RD = CE->getConstructor()->getParent();
  const ApiModel::TypeMatch *T = typeRuleFor(RD);
  if (!T) {
    if (destructorRuleEnds(RD))
      Out.RaiiEnds[V] = 0;
    else
      endsInDestructor(V, RD);
    return;
  }
  HandledConstructions.insert(CE);
  const TypeRule &Rule = *T->Rule;
  DbEvent E;
  E.Kind = EventKind::Begin;
  E.At = CE;
  E.Library = T->Library;
  E.Callee = qualifiedName(RD);
  E.Connection = Rule.Handle ? connectionFor(V) : 0;
  E.Autocommit = Rule.Role == TypeRole::Autocommit;
  E.Type = &Rule;
  if (Rule.Role == TypeRole::Savepoint && CE->getNumArgs() > 0)
    E.ParentConnection = connectionOfObject(CE->getArg(0));
  E.IsolationLevel = Rule.IsolationLevel;
  sqlfacts::BeginMode Mode = Rule.Mode;
  if (Rule.IsolationTemplateArg)
    if (auto Named = valueOfTemplateArg(RD, *Rule.IsolationTemplateArg))
      E.IsolationLevel = isolationNamed(*Named);
  if (Rule.IsolationArg && *Rule.IsolationArg < CE->getNumArgs())
    if (auto Named = valueOfExpr(CE->getArg(*Rule.IsolationArg)))
      E.IsolationLevel = isolationNamed(*Named);
  if (Rule.ModeArg && *Rule.ModeArg < CE->getNumArgs())
    if (auto Named = valueOfExpr(CE->getArg(*Rule.ModeArg)))
      Mode = modeNamed(*Named);
  E.CoversNewRows = coversNewRows(Mode);
  Out.RaiiEnds[V] = E.Connection;
  Out.RaiiBegins[V] = Out.Events.size();
  Out.Events.push_back(std::move(E));
}

/// A rule names the destructor of \p RD or of a base (`Guard::~Guard`,
/// action `rollback`): the variable's scope ends the transaction on the
/// connection.
bool Collector::destructorRuleEnds(const CXXRecordDecl *RD) {
  for (const std::string &Class : classAndBases(RD)) {
    llvm::StringRef Simple = Class;
    if (size_t Colon = Simple.rfind("::"); Colon != llvm::StringRef::npos)
      Simple = Simple.substr(Colon + 2);
    std::string Dtor = ("~" + Simple).str();
    for (const ApiModel::CallMatch &M : Model.callsNamed(Dtor)) {
      llvm::StringRef Name = M.Rule->Name;
      Name.consume_front("::");
      if (Name != Class + "::" + Dtor)
        continue;
      // Compiled here, the destructor's own summary says what it ends.
      if (M.Library->Summaries && RD->getDestructor() &&
          RD->getDestructor()->isDefined())
        continue;
      noteRuleMatched(*M.Library, M.Rule->Line);
      return true;
    }
  }
  return false;
}

/// A guard class of the translation unit, whose destructor ends the
/// transaction on the connection: the variable's scope ends it.
void Collector::endsInDestructor(const VarDecl *V, const CXXRecordDecl *RD) {
  const CXXDestructorDecl *Dtor = RD->getDestructor();
  const FunctionDecl *Def = Dtor ? Dtor->getDefinition() : nullptr;
  if (!Def || Def == FD)
    return;
  const FunctionSummary *Summary = Unit.Summary(Def);
  if (Summary && llvm::any_of(Summary->Events, [](const SummaryEvent &S) {
        return S.Kind == EventKind::End && S.ViaParam < 0 && !S.ViaCaptured;
      }))
    Out.RaiiEnds[V] = 0;
}

} // namespace events
} // namespace dbrace
