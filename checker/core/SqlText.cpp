//===--- SqlText.cpp - The SQL a C++ expression evaluates to --------------===//

#include "SqlText.h"
#include "AstNames.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"

using namespace clang;
using namespace dbrace;

namespace {
constexpr unsigned MaxDepth = 8;

bool isTextLike(QualType T) {
  T = T.getNonReferenceType();
  if (T->isRecordType())
    return true;
  if (const auto *PT = T->getAs<PointerType>())
    return PT->getPointeeType()->isAnyCharacterType();
  if (const auto *AT = T->getAsArrayTypeUnsafe())
    return AT->getElementType()->isAnyCharacterType();
  return false;
}

std::string literalText(const StringLiteral *SL) {
  if (SL->getCharByteWidth() == 1)
    return SL->getString().str();
  std::string Text;
  for (unsigned I = 0, N = SL->getLength(); I < N; ++I) {
    uint32_t C = SL->getCodeUnit(I);
    Text.push_back(C < 128 ? static_cast<char>(C) : '?');
  }
  return Text;
}

} // namespace

RecoveredSql SqlTextResolver::resolve(const Expr *E, const Stmt *Body) {
  RecoveredSql Out;
  Out.Root = E;
  append(E, Body, Out, nullptr, 0);
  return Out;
}

void SqlTextResolver::appendHole(const Expr *E, RecoveredSql &Out) {
  Out.Text += "$" + std::to_string(FirstHoleParam + Out.Holes.size());
  Out.Holes.push_back(E);
}

void SqlTextResolver::setTail(SqlTail::Form How, const Expr *After,
                              RecoveredSql &Out) {
  if (After->getBeginLoc().isMacroID() || After->getEndLoc().isMacroID()) {
    Out.Tail.reset();
    return;
  }
  Out.Tail = SqlTail{How, After, Out.Text.size(), {}};
}

void RecoveredSql::truncate(size_t Size, size_t PieceCount, size_t HoleCount) {
  Text.resize(Size);
  Pieces.resize(PieceCount);
  Holes.resize(HoleCount);
  if (Tail && Tail->TextEnd > Size)
    Tail.reset();
}

void SqlTextResolver::appendResolved(const RecoveredSql &From,
                                     RecoveredSql &Out, bool Editable) {
  size_t At = 0;
  // Text between pieces is holes only: `$1001$1002`.
  auto CopyHoles = [&](size_t End) {
    llvm::StringRef Gap = llvm::StringRef(From.Text).slice(At, End);
    for (size_t Dollar; (Dollar = Gap.find('$')) != llvm::StringRef::npos;) {
      Gap = Gap.drop_front(Dollar + 1);
      llvm::StringRef Digits = Gap.take_while(llvm::isDigit);
      Gap = Gap.drop_front(Digits.size());
      unsigned N = 0;
      if (!Digits.getAsInteger(10, N) && N >= FirstHoleParam &&
          N - FirstHoleParam < From.Holes.size())
        appendHole(From.Holes[N - FirstHoleParam], Out);
    }
  };
  for (const SqlPiece &P : From.Pieces) {
    CopyHoles(P.Offset);
    SqlPiece Copy = P;
    Copy.Offset = Out.Text.size();
    Copy.Editable = P.Editable && Editable;
    Out.Text += From.Text.substr(P.Offset, P.Length);
    Out.Pieces.push_back(Copy);
    At = P.Offset + P.Length;
  }
  CopyHoles(From.Text.size());
}

void SqlTextResolver::appendLiteral(const StringLiteral *SL, RecoveredSql &Out,
                                    const VarDecl *Via) {
  SqlPiece Piece;
  Piece.Offset = Out.Text.size();
  Piece.Literal = SL;
  Piece.Via = Via;
  Piece.Editable = SL->getCharByteWidth() == 1 &&
                   !SL->getBeginLoc().isMacroID() &&
                   !SL->getEndLoc().isMacroID();
  Out.Text += literalText(SL);
  Piece.Length = Out.Text.size() - Piece.Offset;
  Out.Pieces.push_back(Piece);
}

bool SqlTextResolver::appendMemberCall(const CXXMemberCallExpr *MC,
                                       const Stmt *Body, RecoveredSql &Out,
                                       const VarDecl *Via, unsigned Depth) {
  const CXXMethodDecl *M = MC->getMethodDecl();
  if (!M || MC->getNumArgs() != 0)
    return false;
  // The implicit `operator std::string_view()` of a std::string passed to a
  // std::string_view parameter: a class that converts to text holds it.
  bool Conversion = false;
  if (const auto *CD = dyn_cast<CXXConversionDecl>(M))
    Conversion = isTextLike(CD->getConversionType());
  bool TextOf =
      M->getIdentifier() && llvm::is_contained({"c_str", "data"}, M->getName());
  if (!Conversion && !TextOf)
    return false;
  append(MC->getImplicitObjectArgument(), Body, Out, Via, Depth + 1);
  return true;
}

void SqlTextResolver::append(const Expr *E, const Stmt *Body, RecoveredSql &Out,
                             const VarDecl *Via, unsigned Depth) {
  const Expr *Written = E;
  E = stripWrappers(E);
  if (!E || Depth > MaxDepth)
    return appendHole(E, Out);
  if (appendConstant(Written, E, Out))
    return;

  // "SELECT ..."_s, "..."sv: the literal, whatever class it becomes;
  // R"(SELECT ...)"_M: the literal its operator template receives.
  if (const auto *UDL = dyn_cast<UserDefinedLiteral>(E)) {
    if (UDL->getLiteralOperatorKind() == UserDefinedLiteral::LOK_String &&
        UDL->getNumArgs() > 0)
      return append(UDL->getArg(0), Body, Out, Via, Depth + 1);
    if (UDL->getLiteralOperatorKind() == UserDefinedLiteral::LOK_Template &&
        appendTemplateLiteral(UDL, Out))
      return;
    return appendHole(E, Out);
  }

  if (const auto *SL = dyn_cast<StringLiteral>(E))
    return appendLiteral(SL, Out, Via);

  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E)) {
    if (Op->getOperator() == OO_Plus && Op->getNumArgs() == 2) {
      append(Op->getArg(0), Body, Out, Via, Depth + 1);
      append(Op->getArg(1), Body, Out, Via, Depth + 1);
      if (Op->getType()->isRecordType())
        setTail(SqlTail::Concatenation, Op, Out);
      return;
    }
    if (Op->getOperator() == OO_Call && appendLambdaCall(Op, Out, Via, Depth))
      return;
    return appendHole(E, Out);
  }

  if (const auto *CE = dyn_cast<CXXConstructExpr>(E)) {
    // std::string(const char *), std::string_view, and string classes of
    // the libraries.
    if (CE->getNumArgs() >= 1 && isTextLike(CE->getArg(0)->getType()))
      return append(CE->getArg(0), Body, Out, Via, Depth + 1);
    if (CE->getNumArgs() == 0 && CE->getType()->isRecordType())
      return; // An empty string.
    return appendHole(E, Out);
  }

  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E);
      MC && appendMemberCall(MC, Body, Out, Via, Depth))
    return;

  if (const auto *Call = dyn_cast<CallExpr>(E)) {
    if (!appendRuleCall(Call, Body, Out, Via, Depth))
      appendHole(E, Out);
    return;
  }

  const VarDecl *V = nullptr;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    V = dyn_cast<VarDecl>(DRE->getDecl());
  else if (const auto *ME = dyn_cast<MemberExpr>(E))
    V = dyn_cast<VarDecl>(ME->getMemberDecl());
  if (!V)
    return appendHole(E, Out);
  appendVariable(V, E, Body, Out, Depth + 1);
  if (Out.Tail && Out.Tail->TextEnd == Out.Text.size())
    Out.Tail->Through.push_back(V->getCanonicalDecl());
}

const CallRule *SqlTextResolver::textRule(const CallExpr *Call) {
  const FunctionDecl *FD = Call->getDirectCallee();
  if (!FD || !FD->getIdentifier())
    return nullptr;
  auto Candidates = Model.callsNamed(FD->getName());
  if (Candidates.empty())
    return nullptr;
  std::vector<std::string> Names{qualifiedName(FD)};
  if (const auto *M = dyn_cast<CXXMethodDecl>(FD))
    for (const std::string &Class : classAndBases(M->getParent()))
      Names.push_back(Class + "::" + FD->getName().str());
  for (const ApiModel::CallMatch &M : Candidates)
    if ((M.Rule->Action == CallAction::SqlText ||
         M.Rule->Action == CallAction::Format ||
         M.Rule->Action == CallAction::Lookup) &&
        llvm::is_contained(Names, llvm::StringRef(M.Rule->Name).ltrim(':')))
      return M.Rule;
  return nullptr;
}

/// A rules-declared wrapper's text (`QLatin1String(...)`, `s.toStdString()`),
/// a format's, or the text registered under a key.
bool SqlTextResolver::appendRuleCall(const CallExpr *Call, const Stmt *Body,
                                     RecoveredSql &Out, const VarDecl *Via,
                                     unsigned Depth) {
  const CallRule *Rule = textRule(Call);
  if (!Rule)
    return false;
  const auto *MC = dyn_cast<CXXMemberCallExpr>(Call);
  auto Arg = [&](std::optional<unsigned> N) -> const Expr * {
    return N && *N < Call->getNumArgs() ? Call->getArg(*N) : nullptr;
  };
  const Expr *Text = nullptr;
  switch (Rule->Action) {
  case CallAction::Format:
    appendFormatted(Call, *Rule, Body, Out, Via, Depth);
    return true;
  case CallAction::Lookup: {
    std::string Key = statementKey(Arg(Rule->StatementArg));
    std::shared_ptr<const RecoveredSql> Sql;
    if (!Key.empty() && Named)
      Sql = Named("name:" + Key);
    // The text is shared by every use of the key: no fix-it edits it.
    if (Sql && Sql->Known())
      appendResolved(*Sql, Out, /*Editable=*/false);
    else
      appendHole(Call, Out);
    return true;
  }
  default:
    Text = Rule->SqlArg ? Arg(Rule->SqlArg)
           : MC         ? MC->getImplicitObjectArgument()
                        : nullptr;
    if (Text)
      append(Text, Body, Out, Via, Depth + 1);
    else
      appendHole(Call, Out);
    return true;
  }
}

/// `[]() { ...; return String(...); }()`: an immediately called lambda
/// without captures or parameters (what string-literal macros expand to). Its
/// text is its one return value's, or else its one string literal's, since the
/// literal may sit in static data the return value only points to.
bool SqlTextResolver::appendLambdaCall(const CXXOperatorCallExpr *Op,
                                       RecoveredSql &Out, const VarDecl *Via,
                                       unsigned Depth) {
  const auto *L = Op->getNumArgs() == 1
                      ? dyn_cast<LambdaExpr>(stripWrappers(Op->getArg(0)))
                      : nullptr;
  if (!L || L->capture_size() != 0 || L->getCallOperator()->getNumParams() != 0)
    return false;
  const ReturnStmt *Return = nullptr;
  const StringLiteral *Literal = nullptr;
  unsigned Returns = 0, Literals = 0;
  std::function<void(const Stmt *)> Scan = [&](const Stmt *S) {
    if (!S || isa<LambdaExpr, UnaryExprOrTypeTraitExpr>(S))
      return; // Another function; an unevaluated sizeof.
    if (const auto *R = dyn_cast<ReturnStmt>(S))
      Return = R, ++Returns;
    if (const auto *SL = dyn_cast<StringLiteral>(S))
      Literal = SL, ++Literals;
    for (const Stmt *Child : S->children())
      Scan(Child);
  };
  Scan(L->getBody());
  if (Returns == 1 && Return->getRetValue()) {
    RecoveredSql Value;
    append(Return->getRetValue(), L->getBody(), Value, Via, Depth + 1);
    if (Value.Known()) {
      appendResolved(Value, Out, /*Editable=*/true);
      return true;
    }
  }
  if (Literals != 1)
    return false;
  append(Literal, L->getBody(), Out, Via, Depth + 1);
  return true;
}

void SqlTextResolver::appendVariable(const VarDecl *V, const Expr *Use,
                                     const Stmt *Body, RecoveredSql &Out,
                                     unsigned Depth) {
  const VarDecl *Def = V->getDefinition() ? V->getDefinition() : V;
  const Expr *Init = Def->getAnyInitializer(Def);
  // A variable of the namespace or a class, with an initialiser, holds it
  // too: `static const char *kSql = "..."` is a pointer nobody re-points.
  bool Constant = Def->isConstexpr() || Def->getType().isConstQualified() ||
                  Def->getType()->isReferenceType() ||
                  (Def->hasGlobalStorage() && !Def->isStaticLocal());
  if (isa<ParmVarDecl>(Def) || (Constant ? !Init : !Def->isLocalVarDecl()))
    return appendHole(Use, Out);

  const VarDecl *Via = Def->getCanonicalDecl();
  size_t TextStart = Out.Text.size(), Pieces = Out.Pieces.size(),
         Holes = Out.Holes.size();
  if (Init)
    append(Init, Body, Out, Via, Depth);
  if (Constant)
    return;
  // Its value where it is used: the initialiser and what is assigned or
  // appended before (`char buf[N];` filled by snprintf starts unknown).
  bool Defined = Init != nullptr;
  const SourceManager &SM = Ctx.getSourceManager();
  std::vector<Modification> Mods = modifications(Def, Body);
  // `std::ostringstream os("SELECT ");` then `os << ...` writes over the
  // initial text from its start.
  if (!Mods.empty() && Mods.front().Streamed && Out.Text.size() > TextStart) {
    Out.truncate(TextStart, Pieces, Holes);
    appendHole(Use, Out);
  }
  for (const Modification &M : Mods) {
    if (!SM.isBeforeInTranslationUnit(M.At->getEndLoc(), Use->getBeginLoc()))
      break;
    if (M.Replaces) {
      Out.truncate(TextStart, Pieces, Holes);
    } else if (!Defined) {
      appendHole(Use, Out);
    }
    Defined = true;
    appendModification(M, Body, Out, Via, Depth);
  }
  if (!Defined)
    appendHole(Use, Out);
}
