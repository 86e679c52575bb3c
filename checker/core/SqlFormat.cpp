//===--- SqlFormat.cpp - The text of format calls -------------------------===//
//
// `fmt::format("... {}", x)`, `snprintf(buf, n, "... %d", x)`,
// `String("... %1").arg(x)`: the format's text with each placeholder
// replaced by its argument's text.
//
//===----------------------------------------------------------------------===//

#include "AstNames.h"
#include "SqlText.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"

using namespace clang;
using namespace dbrace;

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

/// `%N` arg() fills the lowest-numbered markers left, with its first
/// argument and with those that follow it while they are of its class
/// (`arg(a1, a2)`, not `arg(n, fieldWidth)`); the others stay for the next
/// call. The argument index of each marker number it fills.
llvm::DenseMap<int, int> argumentsOfNumbers(const RecoveredSql &Format,
                                            const CallExpr *Call,
                                            const CallRule &Rule,
                                            size_t NumArgs) {
  llvm::DenseMap<int, int> ArgOfNumber;
  std::vector<int> Numbers;
  int Unused = 0;
  for (const SqlPiece &P : Format.Pieces)
    for (const Placeholder &Ph :
         placeholders(llvm::StringRef(Format.Text).substr(P.Offset, P.Length),
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
  while (Fill < NumArgs && Fill < Numbers.size() &&
         (Fill == 0 ||
          (FD && *Rule.ArgsFrom + Fill < FD->getNumParams() &&
           ParamType(*Rule.ArgsFrom)->isRecordType() &&
           ParamType(*Rule.ArgsFrom + Fill) == ParamType(*Rule.ArgsFrom))))
    ++Fill;
  for (unsigned I = 0; I < Fill; ++I)
    ArgOfNumber[Numbers[I]] = I;
  return ArgOfNumber;
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
  const Expr *FormatExpr = Rule.FormatArg
                               ? (*Rule.FormatArg < Call->getNumArgs()
                                      ? Call->getArg(*Rule.FormatArg)
                                      : nullptr)
                           : MC ? MC->getImplicitObjectArgument()
                                : nullptr;
  RecoveredSql Format;
  if (FormatExpr)
    append(FormatExpr, Body, Format, Via, Depth + 1);
  if (!Format.Known())
    return appendHole(Call, Out);

  std::vector<const Expr *> Args;
  for (unsigned I = *Rule.ArgsFrom; I < Call->getNumArgs(); ++I)
    if (!isa<CXXDefaultArgExpr>(Call->getArg(I)))
      Args.push_back(Call->getArg(I));

  llvm::DenseMap<int, int> ArgOfNumber;
  if (Rule.Style == FormatStyle::PercentNumber)
    ArgOfNumber = argumentsOfNumbers(Format, Call, Rule, Args.size());

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
