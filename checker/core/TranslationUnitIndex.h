//===--- TranslationUnitIndex.h - Facts found anywhere in the unit --------===//
//
// Some calls give meaning to code elsewhere in the translation unit: a
// statement prepared under a name (`prepare("book", sql)`) or into a field
// is run in another function, and an entity class mapped to a table
// (`mapClass<Event>("events")`) is read and written in many; a library that
// picks its database at run time is told which in one place. One walk of
// the unit, made on first need, indexes them all.
//
//===----------------------------------------------------------------------===//

#ifndef DBRACE_CORE_TRANSLATIONUNITINDEX_H
#define DBRACE_CORE_TRANSLATIONUNITINDEX_H

#include "ApiModel.h"
#include "ConnectionDialects.h"
#include "SqlText.h"
#include "clang/AST/ASTContext.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringMap.h"
#include <memory>
#include <string>
#include <vector>

namespace dbrace {

/// The values a statement kept in a field is given where it is prepared or
/// bound (`select_ << "...", into(qty_), use(sku_);` in a constructor): it
/// fills and uses them whenever it runs.
struct FieldBindings {
  std::vector<const clang::ValueDecl *> Filled;
  std::vector<const clang::Expr *> Bound;
};

struct TranslationUnitIndex {
  /// Statement key (`name:X`, or a field's key) to the SQL prepared under
  /// it; null when two texts were prepared under one key.
  llvm::StringMap<std::shared_ptr<const RecoveredSql>> NamedStatements;
  /// A field's statement key to what is bound to it outside the functions
  /// that run it.
  llvm::StringMap<FieldBindings> Bindings;
  /// Entity class (qualified name) to the tables it is mapped to.
  llvm::StringMap<std::vector<std::string>> EntityTables;
  /// Library name to the dialects its `dialect` calls name, in order.
  llvm::StringMap<std::vector<sqlfacts::Dialect>> Dialects;
  /// Functions defined here that other analysed functions here call, and
  /// how many calls: those callers see their summaries.
  llvm::DenseMap<const clang::FunctionDecl *, unsigned> Calls;
  /// The same functions and the analysed functions that call them, each
  /// once, in the order of their first call.
  llvm::DenseMap<const clang::FunctionDecl *,
                 std::vector<const clang::FunctionDecl *>>
      Callers;
  /// Library name to how its `dialect` and `connection` calls open and
  /// name its connections.
  llvm::StringMap<LibraryConnections> Connections;
};

/// Fills \p Out. The resolver may ask for a named statement while the walk
/// is under way; it then sees what is indexed so far.
void indexTranslationUnit(clang::ASTContext &Ctx, const ApiModel &Model,
                          SqlTextResolver &Resolver, TranslationUnitIndex &Out);

} // namespace dbrace

#endif // DBRACE_CORE_TRANSLATIONUNITINDEX_H
