//===--- RulesLoader.cpp - Rules files into the API model -----------------===//

#include "ApiModel.h"
#include "NestingDepth.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/YAMLTraits.h"

using namespace dbrace;
using llvm::yaml::IO;

namespace llvm::yaml {

template <> struct ScalarEnumerationTraits<CallAction> {
  static void enumeration(IO &Io, CallAction &A) {
    Io.enumCase(A, "execute", CallAction::Execute);
    Io.enumCase(A, "prepare", CallAction::Prepare);
    Io.enumCase(A, "execute_prepared", CallAction::ExecutePrepared);
    Io.enumCase(A, "read", CallAction::Read);
    Io.enumCase(A, "write", CallAction::Write);
    Io.enumCase(A, "begin", CallAction::Begin);
    Io.enumCase(A, "commit", CallAction::Commit);
    Io.enumCase(A, "rollback", CallAction::Rollback);
    Io.enumCase(A, "autocommit", CallAction::Autocommit);
    Io.enumCase(A, "lock", CallAction::Lock);
    Io.enumCase(A, "slow", CallAction::Slow);
    Io.enumCase(A, "sql_text", CallAction::SqlText);
    Io.enumCase(A, "bind", CallAction::Bind);
    Io.enumCase(A, "affected_rows", CallAction::AffectedRows);
    Io.enumCase(A, "read_status", CallAction::ReadStatus);
    Io.enumCase(A, "set_isolation", CallAction::SetIsolation);
    Io.enumCase(A, "format", CallAction::Format);
    Io.enumCase(A, "lookup", CallAction::Lookup);
    Io.enumCase(A, "key", CallAction::Key);
    Io.enumCase(A, "entity_table", CallAction::EntityTable);
  }
};

template <> struct ScalarEnumerationTraits<FormatStyle> {
  static void enumeration(IO &Io, FormatStyle &S) {
    Io.enumCase(S, "printf", FormatStyle::Printf);
    Io.enumCase(S, "braces", FormatStyle::Braces);
    Io.enumCase(S, "percent_number", FormatStyle::PercentNumber);
  }
};

template <> struct ScalarEnumerationTraits<TypeRole> {
  static void enumeration(IO &Io, TypeRole &R) {
    Io.enumCase(R, "transaction", TypeRole::Transaction);
    Io.enumCase(R, "autocommit", TypeRole::Autocommit);
    Io.enumCase(R, "savepoint", TypeRole::Savepoint);
  }
};

template <> struct ScalarEnumerationTraits<NestedBegin> {
  static void enumeration(IO &Io, NestedBegin &N) {
    Io.enumCase(N, "restart", NestedBegin::Restart);
    Io.enumCase(N, "savepoint", NestedBegin::Savepoint);
  }
};

template <> struct ScalarEnumerationTraits<sqlfacts::Dialect> {
  static void enumeration(IO &Io, sqlfacts::Dialect &D) {
    Io.enumCase(D, "postgresql", sqlfacts::Dialect::PostgreSQL);
    Io.enumCase(D, "sqlite", sqlfacts::Dialect::SQLite);
    Io.enumCase(D, "mysql", sqlfacts::Dialect::MySQL);
  }
};

template <> struct ScalarEnumerationTraits<sqlfacts::Isolation> {
  static void enumeration(IO &Io, sqlfacts::Isolation &I) {
    Io.enumCase(I, "unspecified", sqlfacts::Isolation::Unspecified);
    Io.enumCase(I, "read_uncommitted", sqlfacts::Isolation::ReadUncommitted);
    Io.enumCase(I, "read_committed", sqlfacts::Isolation::ReadCommitted);
    Io.enumCase(I, "repeatable_read", sqlfacts::Isolation::RepeatableRead);
    Io.enumCase(I, "serializable", sqlfacts::Isolation::Serializable);
  }
};

template <> struct ScalarEnumerationTraits<sqlfacts::BeginMode> {
  static void enumeration(IO &Io, sqlfacts::BeginMode &M) {
    Io.enumCase(M, "unspecified", sqlfacts::BeginMode::Unspecified);
    Io.enumCase(M, "deferred", sqlfacts::BeginMode::Deferred);
    Io.enumCase(M, "immediate", sqlfacts::BeginMode::Immediate);
    Io.enumCase(M, "exclusive", sqlfacts::BeginMode::Exclusive);
  }
};

template <> struct ScalarEnumerationTraits<sqlfacts::LockStrength> {
  static void enumeration(IO &Io, sqlfacts::LockStrength &L) {
    Io.enumCase(L, "for_key_share", sqlfacts::LockStrength::ForKeyShare);
    Io.enumCase(L, "for_share", sqlfacts::LockStrength::ForShare);
    Io.enumCase(L, "for_no_key_update", sqlfacts::LockStrength::ForNoKeyUpdate);
    Io.enumCase(L, "for_update", sqlfacts::LockStrength::ForUpdate);
  }
};

template <> struct ScalarEnumerationTraits<sqlfacts::StatementKind> {
  static void enumeration(IO &Io, sqlfacts::StatementKind &K) {
    Io.enumCase(K, "insert", sqlfacts::StatementKind::Insert);
    Io.enumCase(K, "update", sqlfacts::StatementKind::Update);
    Io.enumCase(K, "delete", sqlfacts::StatementKind::Delete);
    Io.enumCase(K, "upsert", sqlfacts::StatementKind::Upsert);
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

static std::string checkQualifiedName(StringRef Name) {
  static const llvm::Regex Valid(
      "^(::)?[A-Za-z_][A-Za-z0-9_]*(::(~?[A-Za-z_][A-Za-z0-9_]*|operator[^:]+))*$");
  if (Name.empty())
    return "missing 'name'";
  if (!Valid.match(Name))
    return ("bad qualified name '" + Name + "'").str();
  return {};
}

/// `headers:` under `fixes:`, keyed by the template each header serves.
struct TemplateHeaders {
  std::string *ImmediateTransactionArg, *TransactionType, *BeginStatement,
      *CommitStatement;
};

template <> struct MappingTraits<TemplateHeaders> {
  static void mapping(IO &Io, TemplateHeaders &H) {
    Io.mapOptional("immediate_transaction_arg", *H.ImmediateTransactionArg);
    Io.mapOptional("transaction_type", *H.TransactionType);
    Io.mapOptional("begin_statement", *H.BeginStatement);
    Io.mapOptional("commit_statement", *H.CommitStatement);
  }
};

/// `when: { arg: N, equals: VALUE }`.
struct WhenSpec {
  unsigned Arg = 0;
  std::string Equals;
};

template <> struct MappingTraits<WhenSpec> {
  static void mapping(IO &Io, WhenSpec &W) {
    Io.mapRequired("arg", W.Arg);
    Io.mapRequired("equals", W.Equals);
  }
};

template <> struct MappingTraits<CallRule> {
  static void mapping(IO &Io, CallRule &R) {
    Io.mapRequired("name", R.Name);
    Io.mapRequired("action", R.Action);
    Io.mapOptional("sql_arg", R.SqlArg);
    ResultSpec Result{R.Result, R.ResultArgs};
    Io.mapOptional("result", Result);
    R.Result = Result.Kind;
    R.ResultArgs = Result.Args;
    Io.mapOptional("params_from", R.ParamsFrom);
    Io.mapOptional("statement_arg", R.StatementArg);
    Io.mapOptional("runs_with", R.RunsWith);
    Io.mapOptional("value_arg", R.ValueArg);
    Io.mapOptional("index_arg", R.IndexArg);
    Io.mapOptional("format_arg", R.FormatArg);
    Io.mapOptional("args_from", R.ArgsFrom);
    Io.mapOptional("format_style", R.Style, FormatStyle::Printf);
    Io.mapOptional("entity_template_arg", R.EntityTemplateArg);
    Io.mapOptional("entity_arg", R.EntityArg);
    Io.mapOptional("entity", R.Entity);
    Io.mapOptional("write_kind", R.WriteKind, sqlfacts::StatementKind::Update);
    Io.mapOptional("isolation", R.IsolationLevel, sqlfacts::Isolation::Unspecified);
    Io.mapOptional("isolation_arg", R.IsolationArg);
    Io.mapOptional("mode", R.Mode, sqlfacts::BeginMode::Unspecified);
    Io.mapOptional("chain", R.Chain, false);
    Io.mapOptional("first_index", R.FirstIndex, 1u);
    std::optional<WhenSpec> When;
    Io.mapOptional("when", When);
    if (When) {
      R.WhenArg = When->Arg;
      R.WhenEquals = When->Equals;
    }
    Io.mapOptional("versioned", R.Versioned, false);
    Io.mapOptional("version_pragma", R.VersionPragma);
    Io.mapOptional("condition_arg", R.ConditionArg);
    Io.mapOptional("key_arg", R.KeyArg);
    Io.mapOptional("table_arg", R.TableArg);
    Io.mapOptional("lock_strength", R.LockStrength,
                   sqlfacts::LockStrength::ForUpdate);
  }
  static std::string validate(IO &, CallRule &R) {
    if (std::string E = checkQualifiedName(R.Name); !E.empty())
      return E;
    bool NeedsSql = R.Action == CallAction::Execute ||
                    R.Action == CallAction::Prepare;
    if (NeedsSql && !R.SqlArg)
      return "action needs 'sql_arg'";
    for (const std::string &Name : R.RunsWith)
      if (std::string E = checkQualifiedName(Name); !E.empty())
        return E;
    if (R.Action == CallAction::Format && !R.ArgsFrom)
      return "action needs 'args_from'";
    if (R.Action == CallAction::Lookup && !R.StatementArg)
      return "action needs 'statement_arg'";
    if (R.Action == CallAction::Key && !R.KeyArg)
      return "action needs 'key_arg'";
    if (R.Action == CallAction::EntityTable &&
        (!R.TableArg || (!R.EntityTemplateArg && !R.EntityArg)))
      return "action needs 'table_arg' and 'entity_template_arg' or "
             "'entity_arg'";
    if (R.Action == CallAction::SetIsolation && !R.IsolationArg &&
        R.IsolationLevel == sqlfacts::Isolation::Unspecified)
      return "action needs 'isolation' or 'isolation_arg'";
    return {};
  }
};

template <> struct MappingTraits<TypeRule> {
  static void mapping(IO &Io, TypeRule &R) {
    Io.mapRequired("name", R.Name);
    Io.mapRequired("role", R.Role);
    Io.mapOptional("handle", R.Handle, false);
    Io.mapOptional("commit_on_destroy", R.CommitOnDestroy, false);
    Io.mapOptional("isolation", R.IsolationLevel, sqlfacts::Isolation::Unspecified);
    Io.mapOptional("isolation_template_arg", R.IsolationTemplateArg);
    Io.mapOptional("isolation_arg", R.IsolationArg);
    Io.mapOptional("mode", R.Mode, sqlfacts::BeginMode::Unspecified);
    Io.mapOptional("mode_arg", R.ModeArg);
    Io.mapOptional("nested", R.Nested, NestedBegin::Restart);
  }
  static std::string validate(IO &, TypeRule &R) {
    return checkQualifiedName(R.Name);
  }
};

template <> struct MappingTraits<NamedValue> {
  static void mapping(IO &Io, NamedValue &V) {
    Io.mapRequired("name", V.Name);
    Io.mapRequired("value", V.Value);
  }
  static std::string validate(IO &, NamedValue &V) {
    return checkQualifiedName(V.Name);
  }
};

template <> struct MappingTraits<FixTemplates> {
  static void mapping(IO &Io, FixTemplates &F) {
    Io.mapOptional("lock_clause", F.LockClause);
    Io.mapOptional("immediate_begin", F.ImmediateBegin);
    Io.mapOptional("immediate_transaction_arg", F.ImmediateTransactionArg);
    Io.mapOptional("transaction_type", F.TransactionType);
    Io.mapOptional("begin_statement", F.BeginStatement);
    Io.mapOptional("commit_statement", F.CommitStatement);
    Io.mapOptional("connection_type", F.ConnectionType);
    TemplateHeaders Headers{
        &F.Headers.ImmediateTransactionArg, &F.Headers.TransactionType,
        &F.Headers.BeginStatement, &F.Headers.CommitStatement};
    Io.mapOptional("headers", Headers);
  }
  /// A fix-it must leave the file compiling: what a template names needs
  /// its header, which the fix-it includes where the name is not declared.
  static std::string validate(IO &, FixTemplates &F) {
    const std::pair<const char *, std::pair<std::string *, std::string *>>
        Templates[] = {
            {"immediate_transaction_arg",
             {&F.ImmediateTransactionArg, &F.Headers.ImmediateTransactionArg}},
            {"transaction_type",
             {&F.TransactionType, &F.Headers.TransactionType}},
            {"begin_statement", {&F.BeginStatement, &F.Headers.BeginStatement}},
            {"commit_statement",
             {&F.CommitStatement, &F.Headers.CommitStatement}}};
    for (const auto &[Key, Fields] : Templates) {
      const std::string &Template = *Fields.first, &Header = *Fields.second;
      std::vector<std::string> Names = templateNames(Template);
      if (!Names.empty() && Header.empty())
        return ("fix template '" + llvm::Twine(Key) + "' names '" +
                Names.front() + "'; give the header that declares it as " +
                "'headers: { " + Key + ": <header> }'")
            .str();
      StringRef H(Header);
      if (!H.empty() && !(H.size() > 2 && ((H.starts_with("<") &&
                                            H.ends_with(">")) ||
                                           (H.starts_with("\"") &&
                                            H.ends_with("\"")))))
        return ("header '" + H + "' of '" + Key +
                "' must be written <name> or \"name\"")
            .str();
    }
    return {};
  }
};

template <> struct MappingTraits<LibraryRules> {
  static void mapping(IO &Io, LibraryRules &L) {
    Io.mapRequired("library", L.Library);
    Io.mapRequired("dialect", L.Dialect);
    Io.mapOptional("fixes", L.Fixes);
    Io.mapOptional("calls", L.Calls);
    Io.mapOptional("types", L.Types);
    Io.mapOptional("out_params", L.OutParams);
    Io.mapOptional("in_params", L.InParams);
    Io.mapOptional("names", L.Names);
  }
  static std::string validate(IO &, LibraryRules &L) {
    for (const auto *List : {&L.OutParams, &L.InParams})
      for (const std::string &Name : *List)
        if (std::string E = checkQualifiedName(Name); !E.empty())
          return E;
    return {};
  }
};

} // namespace llvm::yaml

LLVM_YAML_IS_SEQUENCE_VECTOR(CallRule)
LLVM_YAML_IS_SEQUENCE_VECTOR(TypeRule)
LLVM_YAML_IS_SEQUENCE_VECTOR(NamedValue)

namespace {
/// Keeps the first diagnostic as one `file:line:col: error: message` line.
void keepFirstError(const llvm::SMDiagnostic &Diag, void *Context) {
  auto *Error = static_cast<std::string *>(Context);
  if (!Error->empty())
    return;
  // LLVM's YAML I/O does not say which value it rejected; the rest of the
  // line, from the column it points at, does.
  std::string Message = Diag.getMessage().str();
  if (Message == "unknown enumerated scalar") {
    llvm::StringRef Value = llvm::StringRef(Diag.getLineContents())
                                .drop_front(Diag.getColumnNo())
                                .take_until([](char C) {
                                  return C == ',' || C == '}' || C == '#';
                                })
                                .trim();
    Message = "unknown value '" + Value.str() + "'";
  }
  *Error = (Diag.getFilename() + ":" + llvm::Twine(Diag.getLineNo()) + ":" +
            llvm::Twine(Diag.getColumnNo() + 1) + ": error: " + Message)
               .str();
}
} // namespace

bool dbrace::parseRules(llvm::StringRef Content, llvm::StringRef Path,
                        LibraryRules &Out, std::string &Error) {
  Error.clear();
  if (std::optional<unsigned> Line = lineNestedTooDeepYaml(Content)) {
    Error = (Path + ":" + llvm::Twine(*Line) + ": error: nested too deeply").str();
    return false;
  }
  llvm::yaml::Input In(llvm::MemoryBufferRef(Content, Path), nullptr,
                       keepFirstError, &Error);
  In >> Out;
  if (In.error() || !Error.empty()) {
    if (Error.empty())
      Error = (Path + ": error: malformed rules file").str();
    return false;
  }
  Out.SourcePath = Path.str();
  return true;
}

bool dbrace::loadRulesFile(llvm::StringRef Path, LibraryRules &Out,
                           std::string &Error) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path);
  if (!Buffer) {
    Error = (Path + ": error: cannot read rules file: " +
             Buffer.getError().message())
                .str();
    return false;
  }
  return parseRules((*Buffer)->getBuffer(), Path, Out, Error);
}

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
    if (!IsIdent(C) && !(T.substr(I).starts_with("::") &&
                         I + 2 < T.size() && IsIdent(T[I + 2]))) {
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
