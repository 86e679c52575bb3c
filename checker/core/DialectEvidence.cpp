//===--- DialectEvidence.cpp - The database the code says it talks to -----===//

#include "DialectEvidence.h"
#include "AstNames.h"
#include "llvm/ADT/StringExtras.h"

using namespace clang;

namespace dbrace {

namespace {

/// \p Candidate is \p Name, or starts with it before a character that
/// cannot continue a name (`Lite ODBC Driver` for `Lite`).
bool spells(llvm::StringRef Candidate, llvm::StringRef Name) {
  if (Name.empty() || !Candidate.starts_with_insensitive(Name))
    return false;
  return Candidate.size() == Name.size() ||
         !(llvm::isAlnum(Candidate[Name.size()]) ||
           Candidate[Name.size()] == '_');
}

std::optional<sqlfacts::Dialect>
named(llvm::StringRef Candidate, const LibraryRules &Library, bool Prefix) {
  Candidate = Candidate.trim().trim("{}").trim();
  for (const NamedValue &N : Library.Names) {
    std::optional<sqlfacts::Dialect> D = sqlfacts::parseDialect(N.Value);
    if (D && (Prefix ? spells(Candidate, N.Name)
                     : Candidate.equals_insensitive(N.Name)))
      return D;
  }
  return std::nullopt;
}

} // namespace

std::optional<sqlfacts::Dialect> dialectNamedIn(llvm::StringRef Text,
                                                const LibraryRules &Library) {
  if (auto D = named(Text, Library, /*Prefix=*/false))
    return D;
  // A connection string: `scheme://...`, `scheme:...`, or ODBC's
  // `...;Driver={Name};...`.
  size_t Colon = Text.find(':');
  if (Colon != llvm::StringRef::npos)
    if (auto D = named(Text.take_front(Colon), Library, /*Prefix=*/false))
      return D;
  llvm::SmallVector<llvm::StringRef, 8> Parts;
  Text.split(Parts, ';');
  for (llvm::StringRef Part : Parts) {
    auto [Key, Value] = Part.split('=');
    if (Key.trim().equals_insensitive("driver"))
      return named(Value, Library, /*Prefix=*/true);
  }
  return std::nullopt;
}

std::optional<sqlfacts::Dialect> dialectNamedBy(const Expr *Arg,
                                                const LibraryRules &Library,
                                                SqlTextResolver &Resolver) {
  if (!Arg)
    return std::nullopt;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(stripWrappers(Arg)))
    if (auto D = named(qualifiedName(Ref->getDecl()), Library,
                       /*Prefix=*/false))
      return D;
  RecoveredSql Text = Resolver.resolve(Arg, nullptr);
  if (!Text.Known() || !Text.Holes.empty())
    return std::nullopt;
  return dialectNamedIn(Text.Text, Library);
}

} // namespace dbrace
