//===--- ScopeExits.h - Where a block is left normally --------------------===//

#ifndef DBRACE_CORE_FIXES_SCOPEEXITS_H
#define DBRACE_CORE_FIXES_SCOPEEXITS_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Stmt.h"
#include "clang/Basic/Diagnostic.h"
#include "llvm/ADT/DenseSet.h"
#include <optional>
#include <string>
#include <vector>

namespace dbrace::fixes {

/// Edits that run \p Statement on every normal exit of \p Block after its
/// statement \p From: before each `return` (braced where the `return` is
/// an unbraced branch) and before the closing brace if control can fall
/// through. None when the block can be left otherwise (`goto`, `break` or
/// `continue` out of it, `co_return`), or when a `return` value runs one
/// of \p Events, which would then run after the statement.
std::optional<std::vector<clang::FixItHint>>
onEveryNormalExit(const clang::CompoundStmt *Block, unsigned From,
                  llvm::StringRef Statement,
                  const llvm::DenseSet<const clang::Stmt *> &Events,
                  const clang::ASTContext &Ctx);

} // namespace dbrace::fixes

#endif // DBRACE_CORE_FIXES_SCOPEEXITS_H
