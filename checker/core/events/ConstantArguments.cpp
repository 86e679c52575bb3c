//===--- ConstantArguments.cpp - Constant arguments of rule calls ---------===//
//
// Arguments and template arguments whose constant value a rule names: an
// isolation level, a begin mode, a `when` condition.
//
//===----------------------------------------------------------------------===//

#include "AstNames.h"
#include "Collector.h"
#include "clang/AST/DeclTemplate.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSwitch.h"

using namespace clang;
using namespace dbrace;

namespace dbrace {
namespace events {

sqlfacts::Isolation isolationNamed(llvm::StringRef V) {
  return llvm::StringSwitch<sqlfacts::Isolation>(V)
      .Case("read_uncommitted", sqlfacts::Isolation::ReadUncommitted)
      .Case("read_committed", sqlfacts::Isolation::ReadCommitted)
      .Case("repeatable_read", sqlfacts::Isolation::RepeatableRead)
      .Case("serializable", sqlfacts::Isolation::Serializable)
      .Default(sqlfacts::Isolation::Unspecified);
}

sqlfacts::BeginMode modeNamed(llvm::StringRef V) {
  return llvm::StringSwitch<sqlfacts::BeginMode>(V)
      .Case("deferred", sqlfacts::BeginMode::Deferred)
      .Case("immediate", sqlfacts::BeginMode::Immediate)
      .Case("exclusive", sqlfacts::BeginMode::Exclusive)
      .Default(sqlfacts::BeginMode::Unspecified);
}

bool coversNewRows(sqlfacts::BeginMode M) {
  return M == sqlfacts::BeginMode::Immediate ||
         M == sqlfacts::BeginMode::Exclusive;
}

/// How a constant argument is spelt in a rule's `when`: `true`/`false`,
/// an integer, or an enumerator's qualified name; none if not constant.
std::optional<std::string> Collector::constantSpelling(const Expr *E) {
  E = stripWrappers(E);
  if (!E || E->isValueDependent())
    return std::nullopt;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    if (isa<EnumConstantDecl>(DRE->getDecl()))
      return qualifiedName(DRE->getDecl());
  Expr::EvalResult Value;
  if (!E->EvaluateAsRValue(Value, Ctx) || !Value.Val.isInt())
    return std::nullopt;
  if (E->getType()->isBooleanType())
    return Value.Val.getInt().getBoolValue() ? "true" : "false";
  return llvm::toString(Value.Val.getInt(), 10, Value.Val.getInt().isSigned());
}

std::optional<llvm::StringRef> Collector::valueOfExpr(const Expr *E) {
  E = stripWrappers(E);
  if (const auto *DRE = dyn_cast_or_null<DeclRefExpr>(E))
    return Model.namedValue(qualifiedName(DRE->getDecl()));
  return std::nullopt;
}

std::optional<llvm::StringRef>
Collector::valueOfTemplateArg(const CXXRecordDecl *RD, unsigned N) {
  const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD);
  if (!Spec || N >= Spec->getTemplateArgs().size())
    return std::nullopt;
  const TemplateArgument &Arg = Spec->getTemplateArgs()[N];
  if (Arg.getKind() == TemplateArgument::Type) {
    if (const auto *TD = Arg.getAsType()->getAsTagDecl())
      return Model.namedValue(qualifiedName(TD));
  } else if (Arg.getKind() == TemplateArgument::Integral) {
    if (const auto *ET = Arg.getIntegralType()->getAs<EnumType>())
      for (const EnumConstantDecl *C : ET->getDecl()->enumerators())
        if (llvm::APSInt::isSameValue(C->getInitVal(), Arg.getAsIntegral()))
          return Model.namedValue(qualifiedName(C));
  }
  return std::nullopt;
}

/// A call rule's isolation: fixed, or spelled by an argument.
sqlfacts::Isolation Collector::isolationOf(const CallRule &Rule,
                                           llvm::ArrayRef<const Expr *> Args) {
  if (Rule.IsolationArg && *Rule.IsolationArg < Args.size())
    if (auto Named = valueOfExpr(Args[*Rule.IsolationArg]))
      return isolationNamed(*Named);
  return Rule.IsolationLevel;
}

} // namespace events
} // namespace dbrace
