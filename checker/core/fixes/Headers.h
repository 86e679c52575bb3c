//===--- Headers.h - The header a fix-it's code needs ---------------------===//
//
// A fix-it that writes a rules template names the library's types and
// functions; where the program does not declare them yet at that place,
// the finding carries the template's header, and the front end includes it.
//
//===----------------------------------------------------------------------===//

#ifndef DBRACE_CORE_FIXES_HEADERS_H
#define DBRACE_CORE_FIXES_HEADERS_H

#include "clang/AST/ASTContext.h"
#include "clang/Basic/SourceLocation.h"
#include <string>
#include <vector>

namespace dbrace::fixes {

/// Whether \p QualifiedName is declared before \p Loc, and for a class,
/// defined there (the fix-it constructs it).
bool declaredBefore(llvm::StringRef QualifiedName, clang::SourceLocation Loc,
                    clang::ASTContext &Ctx);

/// \p Header, when a fix-it writes \p Template at \p Loc and some name the
/// template spells is not declared before \p Loc; else nothing.
std::vector<std::string> headerFor(llvm::StringRef Template,
                                   llvm::StringRef Header,
                                   clang::SourceLocation Loc,
                                   clang::ASTContext &Ctx);

} // namespace dbrace::fixes

#endif // DBRACE_CORE_FIXES_HEADERS_H
