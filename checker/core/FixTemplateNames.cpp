//===--- FixTemplateNames.cpp - What a rules file's fix templates name ---===//

#include "ApiModel.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"

using namespace dbrace;

std::vector<std::string> dbrace::templateNames(llvm::StringRef T) {
  static const char *const Keywords[] = {"nullptr", "true",  "false", "this",
                                         "const",   "auto",  "new",   "delete",
                                         "return",  "sizeof"};
  auto IsIdent = [](char C) { return llvm::isAlnum(C) || C == '_'; };
  std::vector<std::string> Names;
  char Before = 0; // The last significant character before the name.
  size_t I = 0;
  while (I < T.size()) {
    char C = T[I];
    if (C == '"' || C == '\'') {
      // A literal: skip to its closing quote.
      for (++I; I < T.size() && T[I] != C; ++I)
        if (T[I] == '\\')
          ++I;
      ++I;
      Before = C;
      continue;
    }
    if (C == '$' || llvm::isDigit(C)) {
      // A placeholder or a number: not a name.
      for (++I; I < T.size() && IsIdent(T[I]); ++I)
        ;
      Before = 'x';
      continue;
    }
    if (!IsIdent(C) && !(T.substr(I).starts_with("::") && I + 2 < T.size() &&
                         IsIdent(T[I + 2]))) {
      if (!llvm::isSpace(C))
        Before = C;
      ++I;
      continue;
    }
    size_t Start = I;
    while (I < T.size()) {
      if (IsIdent(T[I]))
        ++I;
      else if (T.substr(I).starts_with("::") && I + 2 < T.size() &&
               IsIdent(T[I + 2]))
        I += 2;
      else
        break;
    }
    llvm::StringRef Name = T.slice(Start, I);
    // After `.` or `->`: a member of an object the program already has.
    bool Member = Before == '.' || (Before == '>' && Start >= 2 &&
                                    T.slice(0, Start).rtrim().ends_with("->"));
    if (!Member && !llvm::is_contained(Keywords, Name))
      Names.push_back(Name.str());
    Before = 'x';
  }
  return Names;
}

bool dbrace::beginCommitsOnDestroy(const LibraryRules &Rules) {
  for (llvm::StringRef Name : templateNames(Rules.Fixes.BeginStatement))
    for (const TypeRule &Type : Rules.Types)
      if (Type.Role == TypeRole::Transaction && Type.CommitOnDestroy &&
          llvm::StringRef(Type.Name).ltrim(':') == Name.ltrim(':'))
        return true;
  return false;
}
