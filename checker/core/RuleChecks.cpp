//===--- RuleChecks.cpp - Rules that load but could never match -----------===//
//
// A rule can be well-formed YAML and still say something no call can do:
// a name that is no C++ name, a destructor named after another class, two
// roles for one argument. Each check returns the error's text, or nothing.
//
//===----------------------------------------------------------------------===//

#include "RuleChecks.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Support/Regex.h"
#include <algorithm>

using llvm::StringRef;
using llvm::Twine;

namespace dbrace {

std::string checkQualifiedName(StringRef Name) {
  static const llvm::Regex Valid("^(::)?[A-Za-z_][A-Za-z0-9_]*(::(~?[A-Za-z_]["
                                 "A-Za-z0-9_]*|operator[^:]+))*$");
  if (Name.empty())
    return "missing 'name'";
  if (!Valid.match(Name))
    return ("bad qualified name '" + Name + "'").str();
  return {};
}

/// A destructor rule is matched where a variable of its class goes out of
/// scope, so only `Class::~Class` names one, and only an end of the
/// transaction is something a destructor can be said to do.
std::string checkDestructor(const CallRule &R) {
  StringRef Name(R.Name);
  size_t Tilde = Name.find('~');
  if (Tilde == StringRef::npos)
    return {};
  StringRef Dtor = Name.substr(Tilde + 1);
  StringRef Owner = Name.substr(0, Tilde);
  if (!Owner.consume_back("::") || Dtor.contains(':') ||
      Owner.substr(Owner.rfind(':') + 1) != Dtor) {
    StringRef Class = Owner.substr(Owner.rfind(':') + 1);
    return ("destructor '" + Name +
            "' is never matched: a destructor is named after its class, "
            "last, as in '" +
            Owner + "::~" + Class + "'")
        .str();
  }
  if (R.Action != CallAction::Commit && R.Action != CallAction::Rollback)
    return ("destructor '" + Name +
            "' can only end the transaction: its action is 'commit' or "
            "'rollback'")
        .str();
  return {};
}

/// Two keys that give one argument roles that exclude each other: the rule
/// could never do what it says.
std::string checkArgumentRoles(const CallRule &R) {
  struct Role {
    const char *Key;
    std::optional<unsigned> Arg;
  };
  const Role Roles[] = {{"sql_arg", R.SqlArg},
                        {"statement_arg", R.StatementArg},
                        {"value_arg", R.ValueArg},
                        {"format_arg", R.FormatArg},
                        {"condition_arg", R.ConditionArg},
                        {"table_arg", R.TableArg},
                        {"dialect_arg", R.DialectArg},
                        {"connection_name_arg", R.ConnectionNameArg}};
  for (size_t I = 0; I < std::size(Roles); ++I)
    for (size_t J = I + 1; J < std::size(Roles); ++J)
      if (Roles[I].Arg && Roles[I].Arg == Roles[J].Arg)
        return ("'" + Twine(Roles[I].Key) + "' and '" + Roles[J].Key +
                "' both name argument " + Twine(*Roles[I].Arg))
            .str();
  // The index or name of a value is not the value.
  for (const auto &[Key, Arg] :
       {std::pair{"index_arg", R.IndexArg}, std::pair{"name_arg", R.NameArg}})
    if (Arg && (Arg == R.ValueArg || Arg == R.StatementArg))
      return ("'" + Twine(Key) + "' names argument " + Twine(*Arg) +
              ", which '" +
              (Arg == R.ValueArg ? "value_arg" : "statement_arg") +
              "' names too")
          .str();
  if (R.IndexArg && R.NameArg && R.IndexArg != R.NameArg)
    return "'index_arg' and 'name_arg' name different arguments; a bind "
           "takes its placeholder's number or name from one argument";
  if (R.ParamsFrom && R.SqlArg && *R.SqlArg >= *R.ParamsFrom)
    return ("'params_from: " + Twine(*R.ParamsFrom) +
            "' binds the SQL text ('sql_arg: " + Twine(*R.SqlArg) +
            "') to a placeholder")
        .str();
  if (R.ArgsFrom && R.FormatArg && *R.FormatArg >= *R.ArgsFrom)
    return ("'args_from: " + Twine(*R.ArgsFrom) +
            "' formats the format string ('format_arg: " + Twine(*R.FormatArg) +
            "') into itself")
        .str();
  llvm::SmallVector<unsigned, 4> Keys(R.KeyArgs.begin(), R.KeyArgs.end());
  if (R.KeyArg)
    Keys.push_back(*R.KeyArg);
  llvm::sort(Keys);
  if (std::adjacent_find(Keys.begin(), Keys.end()) != Keys.end())
    return "'key_arg' and 'key_args' name one argument twice";
  return {};
}

} // namespace dbrace
