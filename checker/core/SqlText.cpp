//===--- SqlText.cpp - The SQL a C++ expression evaluates to --------------===//

#include "SqlText.h"
#include "AstNames.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Basic/TargetInfo.h"
#include "clang/Lex/Lexer.h"
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

/// Children of \p S in source order, for the modification scan.
template <typename Fn> void forEachDescendant(const Stmt *S, Fn &&F) {
  if (!S)
    return;
  F(S);
  for (const Stmt *Child : S->children())
    forEachDescendant(Child, F);
}

class UseCounter : public RecursiveASTVisitor<UseCounter> {
public:
  explicit UseCounter(llvm::DenseMap<const VarDecl *, unsigned> &Counts)
      : Counts(Counts) {}
  bool shouldVisitTemplateInstantiations() const { return true; }
  bool VisitDeclRefExpr(DeclRefExpr *E) {
    if (const auto *V = dyn_cast<VarDecl>(E->getDecl()))
      ++Counts[V->getCanonicalDecl()];
    return true;
  }
  bool VisitMemberExpr(MemberExpr *E) {
    if (const auto *V = dyn_cast<VarDecl>(E->getMemberDecl()))
      ++Counts[V->getCanonicalDecl()];
    return true;
  }

private:
  llvm::DenseMap<const VarDecl *, unsigned> &Counts;
};

/// Whether text put into a format string would read as a placeholder there.
bool addsFormatSyntax(llvm::StringRef Text) {
  return Text.find_first_of("%{}") != llvm::StringRef::npos;
}
} // namespace

std::string dbrace::statementKey(const Expr *E) {
  for (unsigned Depth = 0; E && Depth < 4; ++Depth) {
    E = stripWrappers(E);
    if (const auto *SL = dyn_cast<StringLiteral>(E))
      return SL->getCharByteWidth() == 1 ? ("\"" + SL->getString() + "\"").str()
                                         : "";
    if (const auto *CE = dyn_cast<CXXConstructExpr>(E)) {
      E = CE->getNumArgs() > 0 ? CE->getArg(0) : nullptr;
      continue;
    }
    const auto *DRE = dyn_cast<DeclRefExpr>(E);
    if (!DRE)
      return "";
    if (const auto *EC = dyn_cast<EnumConstantDecl>(DRE->getDecl()))
      return qualifiedName(EC);
    const auto *V = dyn_cast<VarDecl>(DRE->getDecl());
    if (!V || !(V->isConstexpr() || V->getType().isConstQualified()))
      return "";
    E = V->getAnyInitializer();
  }
  return "";
}

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

void SqlTextResolver::append(const Expr *E, const Stmt *Body,
                             RecoveredSql &Out, const VarDecl *Via,
                             unsigned Depth) {
  E = stripWrappers(E);
  if (!E || Depth > MaxDepth)
    return appendHole(E, Out);

  // "SELECT ..."_s, "..."sv: the literal, whatever class it becomes.
  if (const auto *UDL = dyn_cast<UserDefinedLiteral>(E))
    if (UDL->getLiteralOperatorKind() == UserDefinedLiteral::LOK_String &&
        UDL->getNumArgs() > 0)
      return append(UDL->getArg(0), Body, Out, Via, Depth + 1);

  if (const auto *SL = dyn_cast<StringLiteral>(E)) {
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
    return;
  }

  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E)) {
    if (Op->getOperator() == OO_Plus && Op->getNumArgs() == 2) {
      append(Op->getArg(0), Body, Out, Via, Depth + 1);
      append(Op->getArg(1), Body, Out, Via, Depth + 1);
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

  const auto *MC = dyn_cast<CXXMemberCallExpr>(E);
  if (MC) {
    // std::string's .c_str() and .data() give the text of their object.
    if (const auto *M = MC->getMethodDecl();
        M && MC->getNumArgs() == 0 && M->getIdentifier() &&
        llvm::is_contained({"c_str", "data"}, M->getName()))
      return append(MC->getImplicitObjectArgument(), Body, Out, Via, Depth + 1);
  }

  if (const auto *Call = dyn_cast<CallExpr>(E)) {
    if (!appendRuleCall(Call, Body, Out, Via, Depth))
      appendHole(E, Out);
    return;
  }

  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    if (const auto *V = dyn_cast<VarDecl>(DRE->getDecl()))
      return appendVariable(V, E, Body, Out, Depth + 1);
  if (const auto *ME = dyn_cast<MemberExpr>(E))
    if (const auto *V = dyn_cast<VarDecl>(ME->getMemberDecl()))
      return appendVariable(V, E, Body, Out, Depth + 1);

  appendHole(E, Out);
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
                        : MC ? MC->getImplicitObjectArgument() : nullptr;
    if (Text)
      append(Text, Body, Out, Via, Depth + 1);
    else
      appendHole(Call, Out);
    return true;
  }
}

namespace {

/// One placeholder of a format string: [Begin, End) of the text, and the
/// argument it stands for (-1: none we can name, a hole).
struct Placeholder {
  size_t Begin, End;
  int Arg;
};

/// `%[n$][flags][width][.precision][length]conversion`, at \p I on `%`;
/// the `*` widths take arguments from \p Next too.
std::optional<Placeholder> printfPlaceholder(llvm::StringRef T, size_t I,
                                             int &Next) {
  size_t J = I + 1;
  auto Digits = [&] {
    size_t From = J;
    while (J < T.size() && llvm::isDigit(T[J]))
      ++J;
    return T.slice(From, J);
  };
  int Arg = -1;
  llvm::StringRef Position = Digits();
  if (!Position.empty() && J < T.size() && T[J] == '$') {
    unsigned N = 0;
    if (Position.getAsInteger(10, N) || N == 0)
      return std::nullopt;
    Arg = N - 1;
    ++J;
  } else {
    J = I + 1;
  }
  while (J < T.size() && llvm::StringRef("-+ #0'").contains(T[J]))
    ++J;
  auto Width = [&] {
    if (J < T.size() && T[J] == '*') {
      ++J;
      if (Arg < 0)
        ++Next;
    } else {
      Digits();
    }
  };
  Width();
  if (J < T.size() && T[J] == '.') {
    ++J;
    Width();
  }
  while (J < T.size() && llvm::StringRef("hlLqjzt").contains(T[J]))
    ++J;
  if (J >= T.size() || !llvm::StringRef("diouxXfFeEgGaAcspn").contains(T[J]))
    return std::nullopt;
  return Placeholder{I, J + 1, Arg >= 0 ? Arg : Next++};
}

/// `{}`, `{2}`, `{:>8}`, `{name}` at \p I on `{`.
std::optional<Placeholder> bracePlaceholder(llvm::StringRef T, size_t I,
                                            int &Next) {
  size_t Close = T.find('}', I);
  if (Close == llvm::StringRef::npos)
    return std::nullopt;
  llvm::StringRef Id = T.slice(I + 1, Close).split(':').first;
  unsigned N = 0;
  int Arg = Id.empty() ? Next++ : Id.getAsInteger(10, N) ? -1 : int(N);
  return Placeholder{I, Close + 1, Arg};
}

/// `%1`...`%99` (`%L1` too) at \p I on `%`; Arg is the marker's number.
std::optional<Placeholder> numberedPlaceholder(llvm::StringRef T, size_t I) {
  size_t J = I + 1;
  if (J < T.size() && T[J] == 'L')
    ++J;
  size_t From = J;
  while (J < T.size() && J < From + 2 && llvm::isDigit(T[J]))
    ++J;
  unsigned N = 0;
  if (J == From || T.slice(From, J).getAsInteger(10, N) || N == 0)
    return std::nullopt;
  return Placeholder{I, J, int(N)};
}

/// The placeholders of \p T in order, and the escapes (`%%`, `{{`) as
/// placeholders that stand for their first character (Arg -2).
std::vector<Placeholder> placeholders(llvm::StringRef T, FormatStyle Style,
                                      int &Next) {
  std::vector<Placeholder> Found;
  for (size_t I = 0; I < T.size(); ++I) {
    char C = T[I];
    std::optional<Placeholder> P;
    if (Style == FormatStyle::Braces && (C == '{' || C == '}') &&
        I + 1 < T.size() && T[I + 1] == C)
      P = Placeholder{I, I + 2, -2};
    else if (Style == FormatStyle::Braces && C == '{')
      P = bracePlaceholder(T, I, Next);
    else if (Style == FormatStyle::Printf && C == '%' && I + 1 < T.size() &&
             T[I + 1] == '%')
      P = Placeholder{I, I + 2, -2};
    else if (Style == FormatStyle::Printf && C == '%')
      P = printfPlaceholder(T, I, Next);
    else if (Style == FormatStyle::PercentNumber && C == '%')
      P = numberedPlaceholder(T, I);
    if (P) {
      Found.push_back(*P);
      I = P->End - 1;
    }
  }
  return Found;
}

} // namespace

/// `fmt::format("... {}", x)`, `snprintf(buf, n, "... %d", x)`,
/// `String("... %1").arg(x)`: the format's text, each placeholder replaced
/// by its argument's text (a hole when it has none).
void SqlTextResolver::appendFormatted(const CallExpr *Call,
                                      const CallRule &Rule, const Stmt *Body,
                                      RecoveredSql &Out, const VarDecl *Via,
                                      unsigned Depth) {
  const auto *MC = dyn_cast<CXXMemberCallExpr>(Call);
  const Expr *FormatExpr =
      Rule.FormatArg ? (*Rule.FormatArg < Call->getNumArgs()
                            ? Call->getArg(*Rule.FormatArg)
                            : nullptr)
                     : MC ? MC->getImplicitObjectArgument() : nullptr;
  RecoveredSql Format;
  if (FormatExpr)
    append(FormatExpr, Body, Format, Via, Depth + 1);
  if (!Format.Known())
    return appendHole(Call, Out);

  std::vector<const Expr *> Args;
  for (unsigned I = *Rule.ArgsFrom; I < Call->getNumArgs(); ++I)
    if (!isa<CXXDefaultArgExpr>(Call->getArg(I)))
      Args.push_back(Call->getArg(I));

  // `%N` arg() fills the lowest-numbered markers left, with its first
  // argument and with those that follow it while they are of its class
  // (`arg(a1, a2)`, not `arg(n, fieldWidth)`); the others stay for the next
  // call.
  llvm::DenseMap<int, int> ArgOfNumber;
  if (Rule.Style == FormatStyle::PercentNumber) {
    std::vector<int> Numbers;
    int Unused = 0;
    for (const SqlPiece &P : Format.Pieces)
      for (const Placeholder &Ph : placeholders(
               llvm::StringRef(Format.Text).substr(P.Offset, P.Length),
               Rule.Style, Unused))
        Numbers.push_back(Ph.Arg);
    llvm::sort(Numbers);
    Numbers.erase(std::unique(Numbers.begin(), Numbers.end()), Numbers.end());
    const FunctionDecl *FD = Call->getDirectCallee();
    auto ParamType = [&](unsigned I) {
      return FD->getParamDecl(I)
          ->getType()
          .getNonReferenceType()
          .getUnqualifiedType()
          .getCanonicalType();
    };
    unsigned Fill = 0;
    while (Fill < Args.size() && Fill < Numbers.size() &&
           (Fill == 0 ||
            (FD && *Rule.ArgsFrom + Fill < FD->getNumParams() &&
             ParamType(*Rule.ArgsFrom)->isRecordType() &&
             ParamType(*Rule.ArgsFrom + Fill) == ParamType(*Rule.ArgsFrom))))
      ++Fill;
    for (unsigned I = 0; I < Fill; ++I)
      ArgOfNumber[Numbers[I]] = I;
  }

  int Next = 0;
  size_t At = 0;
  auto CopyHoles = [&](size_t End) {
    RecoveredSql Gap;
    Gap.Text = Format.Text.substr(At, End - At);
    Gap.Holes = Format.Holes;
    appendResolved(Gap, Out, false);
  };
  for (const SqlPiece &P : Format.Pieces) {
    CopyHoles(P.Offset);
    At = P.Offset + P.Length;
    llvm::StringRef T = llvm::StringRef(Format.Text).substr(P.Offset, P.Length);
    size_t Run = 0;
    auto Emit = [&](size_t From, size_t To, bool KeepEmpty) {
      if (From == To && !KeepEmpty)
        return;
      SqlPiece Part = P;
      Part.Offset = Out.Text.size();
      Part.Length = To - From;
      Part.LiteralOffset = P.LiteralOffset + From;
      Part.InFormat = true;
      Out.Text += T.slice(From, To).str();
      Out.Pieces.push_back(Part);
    };
    bool AfterPlaceholder = false;
    for (const Placeholder &Ph : placeholders(T, Rule.Style, Next)) {
      if (Rule.Style == FormatStyle::PercentNumber) {
        auto It = ArgOfNumber.find(Ph.Arg);
        if (It == ArgOfNumber.end())
          continue; // Left for a later arg() call.
        Emit(Run, Ph.Begin, false);
        append(Args[It->second], Body, Out, Via, Depth + 1);
      } else if (Ph.Arg == -2) {
        Emit(Run, Ph.Begin + 1, false); // The escape's first character.
      } else {
        Emit(Run, Ph.Begin, false);
        if (Ph.Arg >= 0 && static_cast<size_t>(Ph.Arg) < Args.size())
          append(Args[Ph.Arg], Body, Out, Via, Depth + 1);
        else
          appendHole(Call, Out);
      }
      Run = Ph.End;
      AfterPlaceholder = Ph.Arg != -2;
    }
    // A format ending in a placeholder keeps an empty piece at its end, where
    // a clause can still be added to the literal.
    Emit(Run, T.size(), AfterPlaceholder && Run == T.size());
  }
  CopyHoles(Format.Text.size());
}

/// `[]() { ...; return String(...); }()`: an immediately called lambda
/// without captures or parameters (what string-literal macros expand to). Its text is its
/// one return value's, or else its one string literal's, since the literal
/// may sit in static data the return value only points to.
bool SqlTextResolver::appendLambdaCall(const CXXOperatorCallExpr *Op,
                                       RecoveredSql &Out, const VarDecl *Via,
                                       unsigned Depth) {
  const auto *L =
      Op->getNumArgs() == 1 ? dyn_cast<LambdaExpr>(stripWrappers(Op->getArg(0)))
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
  bool Constant = Def->isConstexpr() || Def->getType().isConstQualified() ||
                  Def->getType()->isReferenceType();
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
  for (const Modification &M : Mods) {
    if (!SM.isBeforeInTranslationUnit(M.At->getEndLoc(), Use->getBeginLoc()))
      break;
    if (M.Replaces) {
      Out.Text.resize(TextStart);
      Out.Pieces.resize(Pieces);
      Out.Holes.resize(Holes);
    } else if (!Defined) {
      appendHole(Use, Out);
    }
    Defined = true;
    append(M.Value, Body, Out, Via, Depth);
  }
  if (!Defined)
    appendHole(Use, Out);
}

const std::vector<SqlTextResolver::Modification> &
SqlTextResolver::modifications(const VarDecl *V, const Stmt *Body) {
  if (ModifiedBody != Body) {
    ModifiedBody = Body;
    Modified.clear();
    forEachDescendant(Body, [&](const Stmt *S) {
      if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(S)) {
        bool Append = Op->getOperator() == OO_PlusEqual;
        if ((Append || Op->getOperator() == OO_Equal) && Op->getNumArgs() == 2)
          if (const auto *Target = dyn_cast_or_null<VarDecl>(
                  rootDecl(Op->getArg(0))))
            if (isa<DeclRefExpr>(stripWrappers(Op->getArg(0))))
              Modified[Target].push_back({Op, Op->getArg(1), !Append});
        return;
      }
      const auto *Call = dyn_cast<CallExpr>(S);
      if (!Call)
        return;
      if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Call)) {
        const CXXMethodDecl *M = MC->getMethodDecl();
        if (M && M->getIdentifier() && M->getName() == "append" &&
            MC->getNumArgs() == 1)
          if (const auto *Target = dyn_cast_or_null<VarDecl>(
                  rootDecl(MC->getImplicitObjectArgument())))
            Modified[Target].push_back({MC, MC->getArg(0), false});
      }
      // snprintf(buf, ...): the buffer receives the formatted text.
      const CallRule *R = textRule(Call);
      if (!R || R->Action != CallAction::Format ||
          R->Result != ResultKind::Argument)
        return;
      for (unsigned N : R->ResultArgs)
        if (N < Call->getNumArgs())
          if (const auto *Target =
                  dyn_cast_or_null<VarDecl>(rootDecl(Call->getArg(N))))
            Modified[Target].push_back({Call, Call, true});
    });
  }
  static const std::vector<Modification> None;
  auto It = Modified.find(V);
  return It == Modified.end() ? None : It->second;
}

unsigned SqlTextResolver::useCount(const VarDecl *V) {
  if (!UseCounts) {
    UseCounts.emplace();
    UseCounter(*UseCounts).TraverseAST(Ctx);
  }
  auto It = UseCounts->find(V->getCanonicalDecl());
  return It == UseCounts->end() ? 0 : It->second;
}

const SqlPiece *SqlTextResolver::pieceAt(const RecoveredSql &Sql,
                                         size_t Offset, bool AtEnd) {
  const SqlPiece *Found = nullptr;
  for (const SqlPiece &P : Sql.Pieces) {
    if (Offset < P.Offset || Offset > P.Offset + P.Length)
      continue;
    Found = &P;
    // At a boundary, an insertion belongs at the end of the earlier piece;
    // a replacement's start at the beginning of the later one.
    if (AtEnd)
      break;
  }
  return Found;
}

std::optional<SourceLocation>
SqlTextResolver::locationIn(const SqlPiece *Piece, size_t Offset) {
  if (!Piece || !Piece->Editable)
    return std::nullopt;
  if (Piece->Via && useCount(Piece->Via) != 1)
    return std::nullopt;
  return Piece->Literal->getLocationOfByte(
      Offset - Piece->Offset + Piece->LiteralOffset, Ctx.getSourceManager(),
      Ctx.getLangOpts(), Ctx.getTargetInfo());
}

std::optional<FixItHint> SqlTextResolver::insertAt(const RecoveredSql &Sql,
                                                   size_t Offset,
                                                   llvm::StringRef Insertion) {
  const SqlPiece *Piece = pieceAt(Sql, Offset, /*AtEnd=*/true);
  if (Piece && Piece->InFormat && addsFormatSyntax(Insertion))
    return std::nullopt;
  if (auto Loc = locationIn(Piece, Offset))
    return FixItHint::CreateInsertion(*Loc, Insertion);

  // "... WHERE id = " + w.quote(id): the text ends in a hole, so the
  // clause is appended to the std::string expression itself.
  const Expr *Root = Sql.Root ? stripWrappers(Sql.Root) : nullptr;
  // The concatenation converted implicitly to the API's own string class
  // (a converting constructor the code does not spell): the clause goes on
  // the concatenation, whose type the conversion still accepts.
  if (const auto *Conversion = dyn_cast_or_null<CXXConstructExpr>(Root);
      Conversion && Conversion->getNumArgs() == 1 &&
      !isa<CXXTemporaryObjectExpr>(Conversion) &&
      Conversion->getParenOrBraceRange().isInvalid() &&
      Conversion->getConstructor()->isConvertingConstructor(
          /*AllowExplicit=*/false))
    Root = stripWrappers(Conversion->getArg(0));
  bool EndsInHole = Offset == Sql.Text.size() &&
                    (Sql.Pieces.empty() || Sql.Pieces.back().Offset +
                                                   Sql.Pieces.back().Length <
                                               Sql.Text.size());
  if (!EndsInHole || !Root || !Root->getType()->isRecordType() ||
      !isa<CXXOperatorCallExpr>(Root) || Root->getBeginLoc().isMacroID() ||
      Root->getEndLoc().isMacroID())
    return std::nullopt;
  SourceLocation End = Lexer::getLocForEndOfToken(
      Root->getEndLoc(), 0, Ctx.getSourceManager(), Ctx.getLangOpts());
  if (End.isInvalid())
    return std::nullopt;
  return FixItHint::CreateInsertion(End, (" + \"" + Insertion + "\"").str());
}

std::optional<FixItHint>
SqlTextResolver::replaceRange(const RecoveredSql &Sql, size_t Begin,
                              size_t End, llvm::StringRef Replacement) {
  const SqlPiece *Piece = pieceAt(Sql, Begin, /*AtEnd=*/false);
  if (Piece != pieceAt(Sql, End, /*AtEnd=*/true))
    return std::nullopt; // The statement spans several literals or holes.
  if (Piece && Piece->InFormat && addsFormatSyntax(Replacement))
    return std::nullopt;
  auto From = locationIn(Piece, Begin), To = locationIn(Piece, End);
  if (!From || !To)
    return std::nullopt;
  return FixItHint::CreateReplacement(CharSourceRange::getCharRange(*From, *To),
                                      Replacement);
}

std::optional<std::string> dbrace::statementName(const Expr *E,
                                                 SqlTextResolver &Resolver) {
  RecoveredSql Name = Resolver.resolve(E, nullptr);
  if (!Name.Known() || !Name.Holes.empty() || Name.Text.empty())
    return std::nullopt;
  return Name.Text;
}

std::string dbrace::statementKey(const Expr *E, SqlTextResolver &Resolver) {
  std::string Key = statementKey(E);
  if (Key.empty())
    if (std::optional<std::string> Name = statementName(E, Resolver))
      Key = "\"" + *Name + "\"";
  return Key;
}
