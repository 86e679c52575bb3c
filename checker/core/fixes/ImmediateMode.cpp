//===--- ImmediateMode.cpp - A transaction object that begins immediate ---===//

#include "../AstNames.h"
#include "SourceEdits.h"
#include "TransactionFixes.h"
#include "clang/Lex/Lexer.h"

using namespace clang;

namespace dbrace::fixes {

std::optional<FixItHint>
immediateModeArgument(const CXXConstructExpr *Construct, const TypeRule *Type,
                      llvm::StringRef Argument, const ASTContext &) {
  if (!Construct || Argument.empty() || Construct->getNumArgs() == 0)
    return std::nullopt;
  unsigned Args = Construct->getNumArgs();
  // A mode spelled as a constant, which names a mode that takes no lock
  // (else nothing would be reported): it is replaced. A variable is left
  // alone; its value is not ours to choose.
  if (Type && Type->ModeArg && *Type->ModeArg < Args) {
    const Expr *Mode = Construct->getArg(*Type->ModeArg);
    if (!isa<CXXDefaultArgExpr>(Mode)) {
      const auto *Ref = dyn_cast<DeclRefExpr>(stripWrappers(Mode));
      if (!Ref || !isa<EnumConstantDecl>(Ref->getDecl()) ||
          Ref->getBeginLoc().isMacroID() || Ref->getEndLoc().isMacroID())
        return std::nullopt;
      return FixItHint::CreateReplacement(
          CharSourceRange::getTokenRange(Ref->getSourceRange()), Argument);
    }
  }
  // Only where the mode is not given yet: the last argument is the
  // connection, not a defaulted mode.
  if (!isa<CXXDefaultArgExpr>(Construct->getArg(Args - 1)) && Args != 1)
    return std::nullopt;
  SourceLocation Close = Construct->getParenOrBraceRange().getEnd();
  if (Close.isInvalid() || Close.isMacroID())
    return std::nullopt;
  return FixItHint::CreateInsertion(Close, (", " + Argument).str());
}

} // namespace dbrace::fixes
