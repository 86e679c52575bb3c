//===--- FixedSql.cpp - The `sql:` text of a rule -------------------------===//

#include "FixedSql.h"
#include "llvm/ADT/Twine.h"

using namespace dbrace;

bool dbrace::parseFixedSql(llvm::StringRef Text,
                           std::vector<FixedSqlPart> &Parts,
                           std::string &Error) {
  Parts.clear();
  std::string Run;
  auto Flush = [&] {
    if (!Run.empty())
      Parts.push_back({std::move(Run), FixedSqlPart::Literal});
    Run.clear();
  };
  for (size_t I = 0; I < Text.size(); ++I) {
    char C = Text[I];
    if (C == '}' && Text.substr(I).starts_with("}}")) {
      Run += '}';
      ++I;
      continue;
    }
    if (C != '{') {
      Run += C;
      continue;
    }
    if (Text.substr(I).starts_with("{{")) {
      Run += '{';
      ++I;
      continue;
    }
    size_t Close = Text.find('}', I);
    llvm::StringRef Inside =
        Close == llvm::StringRef::npos ? "" : Text.slice(I + 1, Close);
    unsigned N = 0;
    FixedSqlPart Part;
    if (Inside == "?")
      Part.Value = FixedSqlPart::Unknown;
    else if (!Inside.empty() && !Inside.getAsInteger(10, N))
      Part.Value = static_cast<int>(N);
    else {
      Error =
          ("'{' at offset " + llvm::Twine(I) + " is not '{N}', '{?}' or '{{'")
              .str();
      return false;
    }
    Flush();
    Parts.push_back(std::move(Part));
    I = Close;
  }
  Flush();
  return true;
}

std::string dbrace::escapeFixedSql(llvm::StringRef Text) {
  std::string Out;
  for (char C : Text) {
    if (C == '{' || C == '}')
      Out += C;
    Out += C;
  }
  return Out;
}

std::string dbrace::checkFixedSql(const CallRule &R) {
  if (!R.Sql.empty() && R.SqlArg)
    return "'sql' and 'sql_arg' both give the SQL the call runs";
  for (int N : R.SqlParams)
    if (N < -1)
      return ("'sql_params' names argument " + llvm::Twine(N) +
              "; arguments are numbered from 0, and -1 is a placeholder bound "
              "to no argument")
          .str();
  std::vector<FixedSqlPart> Parts;
  std::string Error;
  if (!parseFixedSql(R.Sql, Parts, Error))
    return "'sql': " + Error;
  return {};
}
