//===--- RulesLoader.cpp - Rules files into the API model -----------------===//

#include "ApiModel.h"
#include "FixedSql.h"
#include "NestingDepth.h"
#include "RuleChecks.h"
#include "RuleKeys.h"
#include "RulesYamlScalars.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/YAMLTraits.h"

using namespace dbrace;
using llvm::yaml::IO;

using namespace dbrace::rulesyaml;

namespace llvm::yaml {

/// `headers:` under `fixes:`, keyed by the template each header serves.
struct TemplateHeaders {
  std::string *ImmediateTransactionArg, *TransactionType, *BeginStatement,
      *CommitStatement;
};

template <> struct MappingTraits<TemplateHeaders> {
  static void mapping(IO &Io, TemplateHeaders &H) {
    stateOf(Io).OwnerName.clear();
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
    stateOf(Io).OwnerName.clear();
    Io.mapRequired("arg", W.Arg);
    Io.mapRequired("equals", W.Equals);
  }
};

template <> struct MappingTraits<CallRule> {
  /// The keys that number an argument, where the action uses them.
  static void mapArgumentNumbers(IO &Io, CallRule &R,
                                 const KindSpec<CallAction> &Spec) {
    auto Uses = [&](llvm::StringRef Key) { return usesKey(Spec.Keys, Key); };
    if (Uses("sql_arg"))
      Io.mapOptional("sql_arg", R.SqlArg);
    if (Uses("params_from"))
      Io.mapOptional("params_from", R.ParamsFrom);
    if (Uses("statement_arg"))
      Io.mapOptional("statement_arg", R.StatementArg);
    if (Uses("value_arg"))
      Io.mapOptional("value_arg", R.ValueArg);
    if (Uses("index_arg"))
      Io.mapOptional("index_arg", R.IndexArg);
    if (Uses("name_arg"))
      Io.mapOptional("name_arg", R.NameArg);
    if (Uses("format_arg"))
      Io.mapOptional("format_arg", R.FormatArg);
    if (Uses("args_from"))
      Io.mapOptional("args_from", R.ArgsFrom);
    if (Uses("entity_template_arg"))
      Io.mapOptional("entity_template_arg", R.EntityTemplateArg);
    if (Uses("entity_arg"))
      Io.mapOptional("entity_arg", R.EntityArg);
    if (Uses("isolation_arg"))
      Io.mapOptional("isolation_arg", R.IsolationArg);
    if (Uses("condition_arg"))
      Io.mapOptional("condition_arg", R.ConditionArg);
    if (Uses("key_arg"))
      Io.mapOptional("key_arg", R.KeyArg);
    if (Uses("key_args"))
      Io.mapOptional("key_args", R.KeyArgs);
    if (Uses("table_arg"))
      Io.mapOptional("table_arg", R.TableArg);
    if (Uses("dialect_arg"))
      Io.mapOptional("dialect_arg", R.DialectArg);
    if (Uses("connection_name_arg"))
      Io.mapOptional("connection_name_arg", R.ConnectionNameArg);
  }

  /// Maps only the keys the rule's action uses: YAML I/O then reports any
  /// other key where it is written.
  static void mapping(IO &Io, CallRule &R) {
    stateOf(Io).OwnerName.clear();
    R.Line = currentLine(Io);
    Io.mapRequired("name", R.Name);
    Io.mapRequired("action", R.Action);
    const KindSpec<CallAction> &Spec = specOf(callActionSpecs(), R.Action);
    auto Uses = [&](llvm::StringRef Key) { return usesKey(Spec.Keys, Key); };
    mapArgumentNumbers(Io, R, Spec);
    // A `dialect` call opens the connection it is made on (a constructor's
    // variable, `session.open(...)`) unless it says it returns it.
    if (R.Action == CallAction::Dialect)
      R.Result = ResultKind::Object;
    if (Uses("result")) {
      ResultSpec Result{R.Result, R.ResultArgs};
      Io.mapOptional("result", Result);
      R.Result = Result.Kind;
      R.ResultArgs = Result.Args;
    }
    if (Uses("connection_arg"))
      Io.mapOptional("connection_arg", R.ConnectionArg);
    if (Uses("decides_writes"))
      Io.mapOptional("decides_writes", R.DecidesWrites, false);
    if (Uses("runs_with"))
      Io.mapOptional("runs_with", R.RunsWith);
    if (Uses("sql"))
      Io.mapOptional("sql", R.Sql);
    if (Uses("sql_params"))
      Io.mapOptional("sql_params", R.SqlParams);
    if (Uses("returns_row_count"))
      Io.mapOptional("returns_row_count", R.ReturnsRowCount, true);
    if (Uses("format_style"))
      Io.mapOptional("format_style", R.Style, FormatStyle::Printf);
    if (Uses("entity"))
      Io.mapOptional("entity", R.Entity);
    if (Uses("write_kind"))
      Io.mapOptional("write_kind", R.WriteKind,
                     sqlfacts::StatementKind::Update);
    if (Uses("isolation"))
      Io.mapOptional("isolation", R.IsolationLevel,
                     sqlfacts::Isolation::Unspecified);
    if (Uses("mode"))
      Io.mapOptional("mode", R.Mode, sqlfacts::BeginMode::Unspecified);
    if (Uses("chain"))
      Io.mapOptional("chain", R.Chain, false);
    if (Uses("first_index"))
      Io.mapOptional("first_index", R.FirstIndex, 1u);
    if (Uses("all_placeholders"))
      Io.mapOptional("all_placeholders", R.AllPlaceholders, false);
    if (Uses("runs"))
      Io.mapOptional("runs", R.When, Runs::Now);
    // Any call can hand on its object to the next call of a chain.
    Io.mapOptional("returns", R.ReturnsWhat, Returns::Value);
    std::optional<WhenSpec> When;
    Io.mapOptional("when", When);
    if (When) {
      R.WhenArg = When->Arg;
      R.WhenEquals = When->Equals;
    }
    if (Uses("versioned"))
      Io.mapOptional("versioned", R.Versioned, false);
    if (Uses("version_pragma"))
      Io.mapOptional("version_pragma", R.VersionPragma);
    if (Uses("lock_strength"))
      Io.mapOptional("lock_strength", R.LockStrength,
                     sqlfacts::LockStrength::ForUpdate);
    LoadState &State = stateOf(Io);
    State.OwnerName = (llvm::Twine("action '") + Spec.Name + "'").str();
    State.OwnerKeys = Spec.Keys;
  }
  static std::string validate(IO &, CallRule &R) {
    if (std::string E = checkQualifiedName(R.Name); !E.empty())
      return E;
    if (R.Action == CallAction::Execute && !R.SqlArg && R.Sql.empty())
      return "action needs 'sql_arg' or 'sql'";
    if (R.Action == CallAction::Prepare && !R.SqlArg)
      return "action needs 'sql_arg'";
    if (std::string E = checkFixedSql(R); !E.empty())
      return E;
    for (const std::string &Name : R.RunsWith)
      if (std::string E = checkQualifiedName(Name); !E.empty())
        return E;
    if (R.Action == CallAction::Format && !R.ArgsFrom)
      return "action needs 'args_from'";
    if (R.Action == CallAction::Lookup && !R.StatementArg)
      return "action needs 'statement_arg'";
    if (R.Action == CallAction::Key && !R.KeyArg && R.KeyArgs.empty())
      return "action needs 'key_arg' or 'key_args'";
    if (R.Action == CallAction::ParameterIndex && !R.NameArg)
      return "action needs 'name_arg'";
    if (R.Action == CallAction::Fetch && R.Result != ResultKind::Argument)
      return "action needs 'result: argument N'";
    if (std::string E = checkDestructor(R); !E.empty())
      return E;
    if (std::string E = checkArgumentRoles(R); !E.empty())
      return E;
    if (R.Action == CallAction::Dialect && !R.DialectArg)
      return "action needs 'dialect_arg'";
    if (R.Action == CallAction::Dialect && R.Result != ResultKind::Object &&
        (R.Result != ResultKind::Return || !R.ResultArgs.empty()))
      return "action 'dialect' takes 'result: object' (the connection the "
             "call is made on or constructs) or 'result: return' (the one "
             "it returns)";
    if (R.Action == CallAction::Connection && !R.ConnectionNameArg)
      return "action needs 'connection_name_arg'";
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
  /// Maps only the keys the role uses, as for calls.
  static void mapping(IO &Io, TypeRule &R) {
    stateOf(Io).OwnerName.clear();
    R.Line = currentLine(Io);
    Io.mapRequired("name", R.Name);
    Io.mapRequired("role", R.Role);
    const KindSpec<TypeRole> &Spec = specOf(typeRoleSpecs(), R.Role);
    auto Uses = [&](llvm::StringRef Key) { return usesKey(Spec.Keys, Key); };
    if (Uses("handle"))
      Io.mapOptional("handle", R.Handle, false);
    if (Uses("commit_on_destroy"))
      Io.mapOptional("commit_on_destroy", R.CommitOnDestroy, false);
    if (Uses("isolation"))
      Io.mapOptional("isolation", R.IsolationLevel,
                     sqlfacts::Isolation::Unspecified);
    if (Uses("isolation_template_arg"))
      Io.mapOptional("isolation_template_arg", R.IsolationTemplateArg);
    if (Uses("isolation_arg"))
      Io.mapOptional("isolation_arg", R.IsolationArg);
    if (Uses("mode"))
      Io.mapOptional("mode", R.Mode, sqlfacts::BeginMode::Unspecified);
    if (Uses("mode_arg"))
      Io.mapOptional("mode_arg", R.ModeArg);
    if (Uses("nested"))
      Io.mapOptional("nested", R.Nested, NestedBegin::Restart);
    LoadState &State = stateOf(Io);
    State.OwnerName = (llvm::Twine("role '") + Spec.Name + "'").str();
    State.OwnerKeys = Spec.Keys;
  }
  static std::string validate(IO &, TypeRule &R) {
    return checkQualifiedName(R.Name);
  }
};

template <> struct MappingTraits<NamedValue> {
  static void mapping(IO &Io, NamedValue &V) {
    stateOf(Io).OwnerName.clear();
    Io.mapRequired("name", V.Name);
    Io.mapRequired("value", V.Value);
  }
  static std::string validate(IO &, NamedValue &V) {
    return checkQualifiedName(V.Name);
  }
};

template <> struct MappingTraits<FixTemplates> {
  static void mapping(IO &Io, FixTemplates &F) {
    stateOf(Io).OwnerName.clear();
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
    stateOf(Io).OwnerName.clear();
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
      if (!H.empty() &&
          !(H.size() > 2 && ((H.starts_with("<") && H.ends_with(">")) ||
                             (H.starts_with("\"") && H.ends_with("\"")))))
        return ("header '" + H + "' of '" + Key +
                "' must be written <name> or \"name\"")
            .str();
    }
    // Templates that no fix-it would use.
    if (!F.TransactionType.empty() && F.CommitStatement.empty())
      return "fix template 'transaction_type' needs 'commit_statement'";
    if (!F.CommitStatement.empty() && F.BeginStatement.empty() &&
        F.TransactionType.empty())
      return "fix template 'commit_statement' needs 'begin_statement' or "
             "'transaction_type'";
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
    Io.mapOptional("summaries", L.Summaries, false);
    Io.mapOptional("called_elsewhere", L.CalledElsewhere);
    stateOf(Io).OwnerName.clear();
  }
  static std::string validate(IO &, LibraryRules &L) {
    if (!L.CalledElsewhere.empty() && !L.Summaries)
      return "'called_elsewhere' is written by whole-program mode, in a file "
             "with 'summaries: true'";
    for (const auto *List : {&L.OutParams, &L.InParams})
      for (const std::string &Name : *List)
        if (std::string E = checkQualifiedName(Name); !E.empty())
          return E;
    // A transaction a fix-it opens must end in a commit.
    if (!L.Fixes.BeginStatement.empty() && L.Fixes.CommitStatement.empty() &&
        !beginCommitsOnDestroy(L))
      return "fix template 'begin_statement' needs 'commit_statement', or "
             "a type it constructs declared with 'commit_on_destroy: true'";
    return {};
  }
};

} // namespace llvm::yaml

LLVM_YAML_IS_SEQUENCE_VECTOR(CallRule)
LLVM_YAML_IS_SEQUENCE_VECTOR(TypeRule)
LLVM_YAML_IS_SEQUENCE_VECTOR(NamedValue)

namespace {
/// The unknown key \p Message names, when it is a key of some other action
/// or role than the rule's own: said so, with the keys the rule's uses.
std::string unusedKeyMessage(llvm::StringRef Message, const LoadState &State) {
  llvm::StringRef Key = Message;
  if (State.OwnerName.empty() || !Key.consume_front("unknown key '") ||
      !Key.consume_back("'"))
    return "";
  if (!isRuleKey(Key))
    return "";
  std::string Uses;
  llvm::SmallVector<llvm::StringRef, 8> Words;
  llvm::StringRef(State.OwnerKeys).split(Words, ' ', -1, /*KeepEmpty=*/false);
  for (llvm::StringRef W : Words)
    Uses += (Uses.empty() ? "'" : ", '") + W.str() + "'";
  return ("key '" + Key + "' is not used by " + State.OwnerName +
          (Uses.empty() ? "; it takes no other keys" : "; it uses " + Uses))
      .str();
}

/// Keeps the first diagnostic as one `file:line:col: error: message` line.
void keepFirstError(const llvm::SMDiagnostic &Diag, void *Context) {
  auto *State = static_cast<LoadState *>(Context);
  if (!State->Error.empty())
    return;
  // LLVM's YAML I/O does not say which value it rejected; the rest of the
  // line, from the column it points at, does.
  std::string Message = Diag.getMessage().str();
  if (Message == "unknown enumerated scalar") {
    llvm::StringRef Value =
        llvm::StringRef(Diag.getLineContents())
            .drop_front(Diag.getColumnNo())
            .take_until([](char C) { return C == ',' || C == '}' || C == '#'; })
            .trim();
    Message = "unknown value '" + Value.str() + "'";
    const std::vector<const char *> &Valid = State->EnumValues;
    for (size_t I = 0; I < Valid.size(); ++I)
      Message += (I == 0                  ? "; expected '"
                  : I + 1 == Valid.size() ? "' or '"
                                          : "', '") +
                 std::string(Valid[I]);
    if (!Valid.empty())
      Message += "'";
  } else if (std::string Unused = unusedKeyMessage(Message, *State);
             !Unused.empty()) {
    Message = std::move(Unused);
  }
  State->Error =
      (Diag.getFilename() + ":" + llvm::Twine(Diag.getLineNo()) + ":" +
       llvm::Twine(Diag.getColumnNo() + 1) + ": error: " + Message)
          .str();
}
} // namespace

bool dbrace::parseRules(llvm::StringRef Content, llvm::StringRef Path,
                        LibraryRules &Out, std::string &Error) {
  Error.clear();
  if (std::optional<unsigned> Line = lineNestedTooDeepYaml(Content)) {
    Error =
        (Path + ":" + llvm::Twine(*Line) + ": error: nested too deeply").str();
    return false;
  }
  LoadState State;
  State.Content = Content;
  llvm::yaml::Input In(llvm::MemoryBufferRef(Content, Path), &State,
                       keepFirstError, &State);
  In >> Out;
  Error = std::move(State.Error);
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
    Error = (Path +
             ": error: cannot read rules file: " + Buffer.getError().message())
                .str();
    return false;
  }
  return parseRules((*Buffer)->getBuffer(), Path, Out, Error);
}
