//===--- RulesYamlScalars.h - The scalar values of a rules file -----------===//
//
// Private to RulesLoader.cpp: the state its mappings share and how YAML
// I/O reads the enumerations and the `result:` spec, each unknown value
// reported with the values it could have been.
//
//===----------------------------------------------------------------------===//

#ifndef DBRACE_CORE_RULESYAMLSCALARS_H
#define DBRACE_CORE_RULESYAMLSCALARS_H

#include "ApiModel.h"
#include "llvm/Support/YAMLParser.h"
#include "llvm/Support/YAMLTraits.h"
#include <string>
#include <vector>

namespace dbrace::rulesyaml {
/// Shared by the mappings and the error handler: the rule whose mapping
/// ends next, so that a key its action does not use, which YAML I/O reports
/// as unknown at the key's own line and column, is reported as unused.
struct LoadState {
  std::string Error;
  /// `action 'read'`, `role 'savepoint'`; empty outside a rule's mapping.
  std::string OwnerName;
  const char *OwnerKeys = "";
  /// The text being read, to turn node positions into line numbers.
  llvm::StringRef Content;
  /// The values the enumeration read last accepts, for its error.
  std::vector<const char *> EnumValues;
};

inline LoadState &stateOf(llvm::yaml::IO &Io) {
  return *static_cast<LoadState *>(Io.getContext());
}

/// The line of the node being read; rules are only ever read, so \p Io is
/// an Input.
inline unsigned currentLine(llvm::yaml::IO &Io) {
  const llvm::yaml::Node *Node =
      static_cast<llvm::yaml::Input &>(Io).getCurrentNode();
  llvm::StringRef Text = stateOf(Io).Content;
  const char *At = Node ? Node->getSourceRange().Start.getPointer() : nullptr;
  if (!At || At < Text.begin() || At > Text.end())
    return 0;
  return Text.take_front(At - Text.begin()).count('\n') + 1;
}

/// Io.enumCase for each of \p Cases, remembering their names so that an
/// unknown value's error can list them.
template <typename T>
void enumCases(llvm::yaml::IO &Io, T &Value,
               std::initializer_list<std::pair<const char *, T>> Cases) {
  std::vector<const char *> &Names = stateOf(Io).EnumValues;
  Names.clear();
  for (const auto &[Name, V] : Cases) {
    Names.push_back(Name);
    Io.enumCase(Value, Name, V);
  }
}
} // namespace dbrace::rulesyaml

namespace llvm::yaml {
using namespace dbrace;
using namespace dbrace::rulesyaml;

template <> struct ScalarEnumerationTraits<CallAction> {
  static void enumeration(IO &Io, CallAction &A) {
    std::vector<const char *> &Names = stateOf(Io).EnumValues;
    Names.clear();
    for (const auto &S : callActionSpecs()) {
      Names.push_back(S.Name);
      Io.enumCase(A, S.Name, S.Value);
    }
  }
};

template <> struct ScalarEnumerationTraits<FormatStyle> {
  static void enumeration(IO &Io, FormatStyle &S) {
    enumCases(Io, S,
              {{"printf", FormatStyle::Printf},
               {"braces", FormatStyle::Braces},
               {"percent_number", FormatStyle::PercentNumber}});
  }
};

template <> struct ScalarEnumerationTraits<Returns> {
  static void enumeration(IO &Io, Returns &R) {
    enumCases(Io, R, {{"value", Returns::Value}, {"object", Returns::Object}});
  }
};

template <> struct ScalarEnumerationTraits<Runs> {
  static void enumeration(IO &Io, Runs &R) {
    enumCases(Io, R, {{"now", Runs::Now}, {"later", Runs::Later}});
  }
};

template <> struct ScalarEnumerationTraits<TypeRole> {
  static void enumeration(IO &Io, TypeRole &R) {
    std::vector<const char *> &Names = stateOf(Io).EnumValues;
    Names.clear();
    for (const auto &S : typeRoleSpecs()) {
      Names.push_back(S.Name);
      Io.enumCase(R, S.Name, S.Value);
    }
  }
};

template <> struct ScalarEnumerationTraits<NestedBegin> {
  static void enumeration(IO &Io, NestedBegin &N) {
    enumCases(Io, N,
              {{"restart", NestedBegin::Restart},
               {"savepoint", NestedBegin::Savepoint}});
  }
};

template <> struct ScalarEnumerationTraits<sqlfacts::Dialect> {
  static void enumeration(IO &Io, sqlfacts::Dialect &D) {
    enumCases(Io, D,
              {{"postgresql", sqlfacts::Dialect::PostgreSQL},
               {"sqlite", sqlfacts::Dialect::SQLite},
               {"mysql", sqlfacts::Dialect::MySQL}});
  }
};

template <> struct ScalarEnumerationTraits<sqlfacts::Isolation> {
  static void enumeration(IO &Io, sqlfacts::Isolation &I) {
    enumCases(Io, I,
              {{"unspecified", sqlfacts::Isolation::Unspecified},
               {"read_uncommitted", sqlfacts::Isolation::ReadUncommitted},
               {"read_committed", sqlfacts::Isolation::ReadCommitted},
               {"repeatable_read", sqlfacts::Isolation::RepeatableRead},
               {"serializable", sqlfacts::Isolation::Serializable}});
  }
};

template <> struct ScalarEnumerationTraits<sqlfacts::BeginMode> {
  static void enumeration(IO &Io, sqlfacts::BeginMode &M) {
    enumCases(Io, M,
              {{"unspecified", sqlfacts::BeginMode::Unspecified},
               {"deferred", sqlfacts::BeginMode::Deferred},
               {"immediate", sqlfacts::BeginMode::Immediate},
               {"exclusive", sqlfacts::BeginMode::Exclusive}});
  }
};

template <> struct ScalarEnumerationTraits<sqlfacts::LockStrength> {
  static void enumeration(IO &Io, sqlfacts::LockStrength &L) {
    enumCases(Io, L,
              {{"for_key_share", sqlfacts::LockStrength::ForKeyShare},
               {"for_share", sqlfacts::LockStrength::ForShare},
               {"for_no_key_update", sqlfacts::LockStrength::ForNoKeyUpdate},
               {"for_update", sqlfacts::LockStrength::ForUpdate}});
  }
};

template <> struct ScalarEnumerationTraits<sqlfacts::StatementKind> {
  static void enumeration(IO &Io, sqlfacts::StatementKind &K) {
    enumCases(Io, K,
              {{"insert", sqlfacts::StatementKind::Insert},
               {"update", sqlfacts::StatementKind::Update},
               {"delete", sqlfacts::StatementKind::Delete},
               {"upsert", sqlfacts::StatementKind::Upsert}});
  }
};

/// `return`, `object`, `none`, `argument N [M ...]`, or
/// `return argument N [M ...]` (the value and, where given, the arguments:
/// an ORM's `load(id)` and `load(id, obj)`).
struct ResultSpec {
  ResultKind Kind = ResultKind::Return;
  std::vector<unsigned> Args;
};

template <> struct ScalarTraits<ResultSpec> {
  static void output(const ResultSpec &, void *, raw_ostream &) {}
  static StringRef input(StringRef S, void *, ResultSpec &R) {
    bool AlsoReturn = S.consume_front("return ");
    if (S == "return" && !AlsoReturn)
      R.Kind = ResultKind::Return;
    else if (S == "object" && !AlsoReturn)
      R.Kind = ResultKind::Object;
    else if (S == "none" && !AlsoReturn)
      R.Kind = ResultKind::None;
    else if (S.consume_front("argument ")) {
      llvm::SmallVector<StringRef, 4> Numbers;
      S.split(Numbers, ' ', -1, /*KeepEmpty=*/false);
      for (StringRef N : Numbers) {
        unsigned Arg;
        if (N.getAsInteger(10, Arg))
          return "expected 'argument N [M ...]'";
        R.Args.push_back(Arg);
      }
      R.Kind = AlsoReturn ? ResultKind::Return : ResultKind::Argument;
    } else
      return "expected 'return', 'object', 'none', 'argument N [M ...]' or "
             "'return argument N [M ...]'";
    return {};
  }
  static QuotingType mustQuote(StringRef) { return QuotingType::None; }
};
} // namespace llvm::yaml

#endif // DBRACE_CORE_RULESYAMLSCALARS_H
