//===--- Retype.h - Whether a variable can take another type --------------===//

#ifndef DBRACE_CORE_FIXES_RETYPE_H
#define DBRACE_CORE_FIXES_RETYPE_H

#include "../Facts.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include <optional>
#include <string>

namespace dbrace::fixes {

/// The class a qualified type name spells in this translation unit, through
/// aliases (`lib::work` naming `lib::transaction<>`); for a specialisation not
/// instantiated here, its template's pattern. Null when none is declared.
const clang::CXXRecordDecl *recordNamed(llvm::StringRef QualifiedName,
                                        clang::ASTContext &Ctx);

/// A use of a variable that stops compiling when the variable is declared
/// with another type.
struct RetypeBlocker {
  const clang::Expr *Use = nullptr; ///< Null when the new type is unknown.
  FixBlocker Blocker;               ///< Why, at Use.
};

/// Declaring \p V as \p NewType keeps every use of it in \p FD compiling
/// when each is a call of a member that \p NewType has too (declared in it
/// or one of its bases), an argument to a parameter that binds it (a
/// reference or pointer to \p NewType or to one of its bases, or a
/// parameter whose type a template deduces), the initialiser of an `auto`
/// reference whose own uses do the same, or a capture by reference. The
/// first other use is returned; none when there is none.
std::optional<RetypeBlocker> retypeBlocker(const clang::FunctionDecl *FD,
                                           const clang::VarDecl *V,
                                           llvm::StringRef NewType,
                                           clang::ASTContext &Ctx);

/// The same, where \p V's uses are renamed to a variable of type \p NewType.
std::optional<RetypeBlocker> retypeBlocker(const clang::FunctionDecl *FD,
                                           const clang::VarDecl *V,
                                           clang::QualType NewType,
                                           clang::ASTContext &Ctx);

} // namespace dbrace::fixes

#endif // DBRACE_CORE_FIXES_RETYPE_H
