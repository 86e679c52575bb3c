//===--- TranslationUnitIndex.cpp - Facts found anywhere in the unit ------===//

#include "TranslationUnitIndex.h"
#include "AstNames.h"
#include "Events.h"
#include "clang/AST/RecursiveASTVisitor.h"

using namespace clang;

namespace dbrace {

namespace {
class Indexer : public RecursiveASTVisitor<Indexer> {
public:
  Indexer(const ApiModel &Model, SqlTextResolver &Resolver,
          TranslationUnitIndex &Out)
      : Model(Model), Resolver(Resolver), Out(Out) {}
  bool shouldVisitTemplateInstantiations() const { return true; }

  bool VisitCallExpr(CallExpr *Call) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (!Callee)
      return true;
    const Expr *Object = nullptr;
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Call))
      Object = MC->getImplicitObjectArgument();
    for (const ApiModel::CallMatch &M : matchingRules(Model, Callee, Object)) {
      if (M.Rule->Action == CallAction::Prepare)
        prepared(*M.Rule, Call, Object);
      else if (M.Rule->Action == CallAction::EntityTable)
        mapped(*M.Rule, Callee, Call, Object);
    }
    return true;
  }

private:
  void prepared(const CallRule &Rule, const CallExpr *Call,
                const Expr *Object) {
    if (*Rule.SqlArg >= Call->getNumArgs())
      return;
    std::string Key = key(Rule, Call, Object);
    if (Key.empty())
      return;
    auto Sql = std::make_shared<const RecoveredSql>(
        Resolver.resolve(Call->getArg(*Rule.SqlArg), nullptr));
    auto [It, New] = Out.NamedStatements.try_emplace(Key, Sql);
    // A field prepared with two texts could run either.
    if (!New && (!It->second || It->second->Text != Sql->Text))
      It->second = nullptr;
  }

  /// `name:X` for a statement named by a key (a string, an enumerator);
  /// `decl:P` for a handle kept in a field, which other member functions run.
  std::string key(const CallRule &Rule, const CallExpr *Call,
                  const Expr *Object) {
    if (Rule.StatementArg) {
      if (*Rule.StatementArg >= Call->getNumArgs())
        return "";
      std::string Key =
          statementKey(Call->getArg(*Rule.StatementArg), Resolver);
      return Key.empty() ? "" : "name:" + Key;
    }
    const Expr *Handle = nullptr;
    if (Rule.Result == ResultKind::Object)
      Handle = Object;
    else if (Rule.Result == ResultKind::Argument && !Rule.ResultArgs.empty() &&
             Rule.ResultArgs.front() < Call->getNumArgs())
      Handle = Call->getArg(Rule.ResultArgs.front());
    return statementKeyOf(
        dyn_cast_or_null<FieldDecl>(Handle ? rootDecl(Handle) : nullptr));
  }

  void mapped(const CallRule &Rule, const FunctionDecl *Callee,
              const CallExpr *Call, const Expr *Object) {
    if (*Rule.TableArg >= Call->getNumArgs())
      return;
    const Expr *EntityArg =
        Rule.EntityArg && *Rule.EntityArg < Call->getNumArgs()
            ? Call->getArg(*Rule.EntityArg)
            : nullptr;
    const CXXRecordDecl *Class =
        entityClassOf(Rule, Callee, Call, Object, EntityArg);
    if (!Class)
      return;
    RecoveredSql Table =
        Resolver.resolve(Call->getArg(*Rule.TableArg), nullptr);
    if (!Table.Known() || !Table.Holes.empty() ||
        llvm::StringRef(Table.Text).trim().empty())
      return;
    // Unquoted SQL names fold to lower case.
    std::string Name = llvm::StringRef(Table.Text).trim().lower();
    std::vector<std::string> &Tables = Out.EntityTables[qualifiedName(Class)];
    if (!llvm::is_contained(Tables, Name))
      Tables.push_back(std::move(Name));
  }

  const ApiModel &Model;
  SqlTextResolver &Resolver;
  TranslationUnitIndex &Out;
};
} // namespace

void indexTranslationUnit(ASTContext &Ctx, const ApiModel &Model,
                          SqlTextResolver &Resolver,
                          TranslationUnitIndex &Out) {
  Indexer(Model, Resolver, Out).TraverseAST(Ctx);
}

} // namespace dbrace
