//===--- EntityEvents.cpp - ORM reads and writes of entities --------------===//
//
// An ORM call reads or writes an entity class (and the tables it is mapped
// to), by the key of its row where the code shows it.
//
//===----------------------------------------------------------------------===//

#include "AstNames.h"
#include "Collector.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/Basic/SourceManager.h"

using namespace clang;
using namespace dbrace;

const CXXRecordDecl *dbrace::entityClassOf(const CallRule &Rule,
                                           const FunctionDecl *Callee,
                                           const Expr *Call, const Expr *Object,
                                           const Expr *EntityArg) {
  if (Rule.EntityTemplateArg) {
    // The function's own template arguments, or else its class's
    // (`Manager<Event>::get`, `ptr<Event>::modify`).
    const TemplateArgumentList *TA = Callee->getTemplateSpecializationArgs();
    if (!TA)
      if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(
              Callee->getDeclContext()))
        TA = &Spec->getTemplateArgs();
    if (TA && *Rule.EntityTemplateArg < TA->size() &&
        TA->get(*Rule.EntityTemplateArg).getKind() == TemplateArgument::Type)
      return TA->get(*Rule.EntityTemplateArg).getAsType()->getAsCXXRecordDecl();
    return nullptr;
  }
  if (EntityArg)
    return recordOf(EntityArg->getType());
  // The object's own class, not the base that declares the method.
  return recordOf(Object ? Object->IgnoreParenImpCasts()->getType()
                         : Call->getType());
}

namespace dbrace {
namespace events {

/// The entity is a template argument, an argument's class, or else the
/// class of the object (`event.save()`) or of the value read.
void Collector::addEntityEvent(DbEvent Base, const CallRule &Rule,
                               const Expr *Call, const FunctionDecl *Callee,
                               const Expr *Object, const Expr *EntityArg,
                               llvm::ArrayRef<const Expr *> KeyArgs,
                               const ValueDecl *ResultHolder) {
  std::string Entity;
  // A fixed entity (`entity: items`), or else the rule's class.
  const CXXRecordDecl *EntityClass =
      Rule.Entity.empty() ? entityClassOf(Rule, Callee, Call, Object, EntityArg)
                          : nullptr;
  if (!Rule.Entity.empty())
    Entity = Rule.Entity;
  else if (EntityClass)
    Entity = qualifiedName(EntityClass);
  if (Entity.empty())
    return;
  Base.Tables.push_back(Entity);
  // The tables the class is mapped to (`mapClass<Event>("events")`), so
  // that SQL of those tables touches the same entity.
  if (Unit.EntityTables)
    for (const std::string &Table : Unit.EntityTables(Entity))
      if (!llvm::is_contained(Base.Tables, Table))
        Base.Tables.push_back(Table);
  // The row: the key argument (`get(id)`), or, for a write through an
  // object, the key of the row the object was read from (`e.save()`).
  // A row keyed by several arguments (`get(site, label)`) is identified by
  // all of them; one that is no variable leaves it unidentified.
  llvm::SmallVector<const ValueDecl *, 2> Keys;
  for (const Expr *KeyArg : KeyArgs)
    if (const ValueDecl *Key = keyDecl(KeyArg))
      Keys.push_back(Key);
  Base.KeyDecls.append(Keys.begin(), Keys.end());
  if (!Keys.empty() && Keys.size() == KeyArgs.size()) {
    Base.RowKey = Keys.front();
    Base.RowKeyMore.assign(Keys.begin() + 1, Keys.end());
  } else if (KeyArgs.empty() && Rule.Action == CallAction::Write &&
             !Rule.EntityTemplateArg && !EntityArg && Object) {
    auto It = RowKeyOf.find(rootDecl(Object));
    if (It != RowKeyOf.end()) {
      Base.RowKey = It->second.front();
      Base.RowKeyMore.assign(It->second.begin() + 1, It->second.end());
      Base.KeyDecls.append(It->second.begin(), It->second.end());
    }
  }
  if (Rule.Action == CallAction::Read && ResultHolder) {
    if (Base.RowKey) {
      auto &Held = RowKeyOf[ResultHolder];
      Held.assign(1, Base.RowKey);
      Held.append(Base.RowKeyMore.begin(), Base.RowKeyMore.end());
    } else {
      RowKeyOf.erase(ResultHolder);
    }
  }
  if (Rule.Action == CallAction::Write) {
    Base.Kind = EventKind::Write;
    Base.WriteKind = Rule.WriteKind;
    Base.Versioned =
        Rule.Versioned || (!Rule.VersionPragma.empty() &&
                           hasMemberUnderPragma(EntityClass, Rule.VersionPragma,
                                                Ctx.getSourceManager()));
    Base.ResultExpr = nullptr;
    Base.ResultDecls.clear();
  }
  Out.Events.push_back(std::move(Base));
}

} // namespace events
} // namespace dbrace
