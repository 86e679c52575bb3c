//===--- AstNames.h - Names and roots of declarations and expressions -----===//

#ifndef DBRACE_CORE_ASTNAMES_H
#define DBRACE_CORE_ASTNAMES_H

#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include <string>
#include <vector>

namespace dbrace {

/// `ns::Class::member`, without template arguments or inline namespaces, so
/// that a rule names a template, an alias or a specialisation alike.
std::string qualifiedName(const clang::NamedDecl *D);

/// The class and all its bases, by qualifiedName.
std::vector<std::string> classAndBases(const clang::CXXRecordDecl *RD);

/// The record behind a type, seeing through references, pointers, typedefs
/// and smart-pointer-like templates' first argument is not attempted.
const clang::CXXRecordDecl *recordOf(clang::QualType T);

/// The variable, parameter or field an expression is rooted in:
/// `w` for `w`, `w.x`, `(*p).y`, `p->z`, `&w`; null when there is none.
const clang::ValueDecl *rootDecl(const clang::Expr *E);

/// Whether a field of \p RD (or of its bases) is declared right under a
/// `#pragma <Text> ...` line (`#pragma db version`), which the compiler
/// itself ignores.
bool hasMemberUnderPragma(const clang::CXXRecordDecl *RD, llvm::StringRef Text,
                          const clang::SourceManager &SM);

/// The variable whose value a statement's key is bound to: its rootDecl, or
/// that of the only argument of a conversion or quoting call or of a
/// converting constructor (`w.quote(id)`, `std::to_string(id)`,
/// `QVariant(id)`); null when there is none.
const clang::ValueDecl *keyDecl(const clang::Expr *E);

/// Where a variable's value comes from, through the copies that cannot
/// change it: a const or reference local initialised from another
/// variable, and a range-for's loop variable, whose origin is the range it
/// walks (two loops over `skus` may meet the same element).
const clang::ValueDecl *valueOrigin(const clang::ValueDecl *D);

/// The object a call is made on: the implicit object of a method call,
/// the first operand of a member operator; null for free functions.
const clang::Expr *objectOfCall(const clang::CallExpr *Call);

/// A call's arguments as rules count them: a member operator's object is
/// not one.
llvm::ArrayRef<const clang::Expr *> callArguments(const clang::CallExpr *Call);

/// Calls in \p S, not in nested blocks (their statements are full
/// statements of their own) or lambdas (which run elsewhere).
template <typename Fn> void forEachCall(const clang::Stmt *S, Fn &&F) {
  if (!S || llvm::isa<clang::LambdaExpr, clang::CompoundStmt>(S))
    return;
  if (const auto *Call = llvm::dyn_cast<clang::CallExpr>(S))
    F(Call);
  for (const clang::Stmt *Child : S->children())
    forEachCall(Child, F);
}

/// \p S and every statement under it, lambdas' bodies included.
template <typename Fn> void forEachDescendant(const clang::Stmt *S, Fn &&F) {
  if (!S)
    return;
  F(S);
  for (const clang::Stmt *Child : S->children())
    forEachDescendant(Child, F);
}

/// Whether a parameter of type \p T lets the callee fill the caller's
/// variable: a non-const lvalue reference, or a pointer to non-const data.
/// A pointer to an incomplete class is an opaque handle (`db *`), not that.
bool isOutParameterType(clang::QualType T);

/// Strips implicit casts, temporaries, parentheses and copy constructions.
const clang::Expr *stripWrappers(const clang::Expr *E);

} // namespace dbrace

#endif // DBRACE_CORE_ASTNAMES_H
