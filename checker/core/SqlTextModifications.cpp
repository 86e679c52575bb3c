//===--- SqlTextModifications.cpp - How a local's text is built -----------===//
//
// A local string or stream is often built over several statements before it
// is run: `sql += ...`, `sql.append(a).append(b)`, `os << "..." << id`,
// `snprintf(buf, ...)`. This scan lists, per variable of a body, what each
// statement assigns or appends, in source order.
//
//===----------------------------------------------------------------------===//

#include "AstNames.h"
#include "SqlText.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/SmallPtrSet.h"

using namespace clang;
using namespace dbrace;

namespace {

const VarDecl *variableOf(const Expr *E) {
  const auto *DRE = dyn_cast_or_null<DeclRefExpr>(stripWrappers(E));
  return DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
}

/// `os << x` on a stream that returns itself (`std::ostream &`, of the
/// stream's class or a base of it), so that a chain writes to one object.
bool isStreamInsertion(const CXXOperatorCallExpr *Op) {
  if (Op->getOperator() != OO_LessLess || Op->getNumArgs() != 2 ||
      !Op->isLValue())
    return false;
  const CXXRecordDecl *Result = Op->getType()->getAsCXXRecordDecl();
  const CXXRecordDecl *Stream =
      Op->getArg(0)->getType().getNonReferenceType()->getAsCXXRecordDecl();
  if (!Result || !Stream || !Result->hasDefinition() ||
      !Stream->hasDefinition())
    return false;
  return Result->getCanonicalDecl() == Stream->getCanonicalDecl() ||
         Stream->isDerivedFrom(Result);
}

bool isAppend(const CXXMemberCallExpr *MC) {
  const CXXMethodDecl *M = MC->getMethodDecl();
  return M && M->getIdentifier() && M->getName() == "append" &&
         MC->getNumArgs() == 1;
}

/// A manipulator (`std::endl`, `std::flush`): a function, not a value.
bool isManipulator(const Expr *E) {
  const Expr *Inner = E->IgnoreParenImpCasts();
  return Inner->getType()->isFunctionType() ||
         Inner->getType()->isFunctionPointerType() ||
         Inner->getType()->isSpecificBuiltinType(BuiltinType::Overload);
}

} // namespace

/// The operands written by the chain \p Outer ends (`os << a << b`,
/// `s.append(a).append(b)`), first written first, and the variable written
/// to; marks the chain's inner calls as seen.
void SqlTextResolver::recordChain(const Expr *Outer,
                                  llvm::SmallPtrSetImpl<const Expr *> &Seen) {
  llvm::SmallVector<std::pair<const Expr *, const Expr *>, 4> Writes;
  bool Stream = isa<CXXOperatorCallExpr>(Outer);
  const Expr *Object = Outer;
  while (true) {
    const Expr *Inner = stripWrappers(Object);
    const auto *Op = dyn_cast<CXXOperatorCallExpr>(Inner);
    const auto *MC = dyn_cast<CXXMemberCallExpr>(Inner);
    if (Stream && Op && isStreamInsertion(Op)) {
      Writes.push_back({Op, Op->getArg(1)});
      Object = Op->getArg(0);
    } else if (!Stream && MC && isAppend(MC)) {
      Writes.push_back({MC, MC->getArg(0)});
      Object = MC->getImplicitObjectArgument();
    } else {
      break;
    }
    Seen.insert(Inner);
  }
  const VarDecl *Target = variableOf(Object);
  if (!Target)
    return;
  for (auto It = Writes.rbegin(); It != Writes.rend(); ++It)
    Modified[Target].push_back({It->first, It->second, /*Replaces=*/false,
                                /*Streamed=*/Stream});
}

void SqlTextResolver::recordModification(
    const Stmt *S, llvm::SmallPtrSetImpl<const Expr *> &Seen) {
  if (const auto *E = dyn_cast<Expr>(S); E && Seen.count(E))
    return;
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(S)) {
    if (isStreamInsertion(Op))
      return recordChain(Op, Seen);
    bool Append = Op->getOperator() == OO_PlusEqual;
    if ((Append || Op->getOperator() == OO_Equal) && Op->getNumArgs() == 2)
      if (const VarDecl *Target = variableOf(Op->getArg(0)))
        Modified[Target].push_back({Op, Op->getArg(1), !Append});
    return;
  }
  const auto *Call = dyn_cast<CallExpr>(S);
  if (!Call)
    return;
  const CallRule *R = textRule(Call);
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Call)) {
    if (isAppend(MC))
      return recordChain(MC, Seen);
    // `os.str("")`: the text accessor given a text sets it.
    if (R && R->Action == CallAction::SqlText && !R->SqlArg &&
        MC->getNumArgs() == 1)
      if (const VarDecl *Target = variableOf(MC->getImplicitObjectArgument()))
        Modified[Target].push_back({MC, MC->getArg(0), true});
    return;
  }
  // snprintf(buf, ...): the buffer receives the formatted text.
  if (!R || R->Action != CallAction::Format ||
      R->Result != ResultKind::Argument)
    return;
  for (unsigned N : R->ResultArgs)
    if (N < Call->getNumArgs())
      if (const auto *Target =
              dyn_cast_or_null<VarDecl>(rootDecl(Call->getArg(N))))
        Modified[Target].push_back({Call, Call, true});
}

const std::vector<SqlTextResolver::Modification> &
SqlTextResolver::modifications(const VarDecl *V, const Stmt *Body) {
  if (ModifiedBody != Body) {
    ModifiedBody = Body;
    Modified.clear();
    llvm::SmallPtrSet<const Expr *, 8> Seen;
    forEachDescendant(Body,
                      [&](const Stmt *S) { recordModification(S, Seen); });
  }
  static const std::vector<Modification> None;
  auto It = Modified.find(V);
  return It == Modified.end() ? None : It->second;
}

void SqlTextResolver::appendModification(const Modification &M,
                                         const Stmt *Body, RecoveredSql &Out,
                                         const VarDecl *Via, unsigned Depth) {
  // `std::endl` ends a line; the other manipulators write nothing SQL reads.
  if (M.Streamed && isManipulator(M.Value))
    return appendConstantText(" ", Out);
  append(M.Value, Body, Out, Via, Depth);
  if (M.Streamed)
    return setTail(SqlTail::Stream, M.At, Out);
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(M.At); MC && isAppend(MC))
    return setTail(SqlTail::Append, M.At, Out);
  // `sql += std::to_string(id)`: the value, a string of the variable's own
  // class, takes ` + "..."` as the variable would.
  const auto *Op = dyn_cast<CXXOperatorCallExpr>(M.At);
  if (Op && Op->getOperator() == OO_PlusEqual) {
    QualType Target = Op->getArg(0)->getType().getNonReferenceType();
    QualType Value = stripWrappers(M.Value)->getType().getNonReferenceType();
    if (Target->isRecordType() && Ctx.hasSameUnqualifiedType(Target, Value))
      setTail(SqlTail::Concatenation, M.Value, Out);
  }
}
