//===--- SummaryMerge.cpp - One rules file from every unit's summaries ----===//

#include "SummaryMerge.h"
#include "FixedSql.h"
#include "RuleKeys.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringSet.h"
#include <map>
#include <set>

using namespace dbrace;

namespace {

/// A rule of the callee seen through one call: its arguments become the
/// caller's parameters, text it builds, or unknown.
/// The statements of a `sql:` text, read with its values as placeholders.
const sqlfacts::SqlFacts *factsOf(const ExportedRule &R) {
  std::vector<FixedSqlPart> Parts;
  std::string Error, Text;
  if (R.Rule.Sql.empty() || !parseFixedSql(R.Rule.Sql, Parts, Error))
    return nullptr;
  for (const FixedSqlPart &P : Parts)
    Text += P.Value == FixedSqlPart::Literal ? P.Text : "$1001";
  return &sqlfacts::analyzeSql(
      Text, R.Dialect.value_or(sqlfacts::Dialect::PostgreSQL));
}

bool anyStatement(
    const sqlfacts::SqlFacts *Facts,
    llvm::function_ref<bool(const sqlfacts::StatementFacts &)> F) {
  return Facts && llvm::any_of(Facts->Statements, F);
}

bool allStatements(
    const sqlfacts::SqlFacts *Facts,
    llvm::function_ref<bool(const sqlfacts::StatementFacts &)> F) {
  return Facts && !Facts->Statements.empty() &&
         llvm::all_of(Facts->Statements, F);
}

class CallView {
public:
  /// \p InOwnTransaction: an earlier call began a transaction on a local
  /// object of the caller's, which the caller's callers do not share.
  CallView(const DeferredCall &C, bool &InOwnTransaction)
      : C(C), InOwnTransaction(InOwnTransaction) {}

  std::optional<ExportedRule> map(const ExportedRule &From) const {
    ExportedRule To = From;
    To.Order = C.Order;
    CallRule &R = To.Rule;
    bool OwnTransaction = C.Object == DeferredCall::OtherObject;
    if (R.ConnectionArg) {
      // The handle argument: the caller's parameter, or a handle of its own.
      int P = param(static_cast<int>(*R.ConnectionArg));
      OwnTransaction = P < 0;
      R.ConnectionArg.reset();
      if (P >= 0)
        R.ConnectionArg = static_cast<unsigned>(P);
    }
    switch (R.Action) {
    case CallAction::Begin:
    case CallAction::Commit:
    case CallAction::Rollback:
    case CallAction::Autocommit:
    case CallAction::SetIsolation:
      // A local object of the caller's own: its transaction is not the
      // one the caller's callers have.
      if (OwnTransaction) {
        InOwnTransaction |= R.Action == CallAction::Begin;
        return std::nullopt;
      }
      return To;
    case CallAction::Slow:
      return To;
    case CallAction::Execute:
      if (!mapSql(R))
        return std::nullopt;
      mapResult(R);
      return keepsExecute(To, OwnTransaction) ? std::optional(To)
                                              : std::nullopt;
    case CallAction::Read:
    case CallAction::Write:
      R.KeyArgs = params(R.KeyArgs);
      break;
    default:
      return std::nullopt;
    }
    mapResult(R);
    return To;
  }

private:
  /// What the caller's callers see of a statement: not a begin or end of a
  /// local object's own transaction, and of a plain read only its value.
  bool keepsExecute(const ExportedRule &R, bool OwnTransaction) const {
    using sqlfacts::StatementKind;
    const sqlfacts::SqlFacts *Facts = factsOf(R);
    if (OwnTransaction &&
        anyStatement(Facts, [](const sqlfacts::StatementFacts &S) {
          return S.Kind == StatementKind::Begin ||
                 S.Kind == StatementKind::Commit ||
                 S.Kind == StatementKind::Rollback;
        })) {
      InOwnTransaction |= anyStatement(
          Facts, [](const auto &S) { return S.Kind == StatementKind::Begin; });
      return false;
    }
    // A read whose value stays here: in a transaction of the caller's own
    // even its lock ends before the caller's callers go on.
    bool Lock = !InOwnTransaction;
    // A read-check-write left to the callers stays theirs, unless this
    // caller runs it in a transaction of its own and judges it itself.
    return R.Rule.Result != ResultKind::None ||
           (R.Rule.DecidesWrites && !InOwnTransaction) ||
           !allStatements(Facts, [&](const sqlfacts::StatementFacts &S) {
             return S.Kind == StatementKind::Select &&
                    (S.Lock == sqlfacts::LockStrength::None || !Lock) &&
                    S.TablesWritten.empty();
           });
  }

  int param(int Arg) const {
    return Arg >= 0 && static_cast<size_t>(Arg) < C.ArgParams.size()
               ? C.ArgParams[Arg]
               : -1;
  }
  /// All or nothing: a key that is no parameter leaves the row unknown.
  std::vector<unsigned> params(const std::vector<unsigned> &Args) const {
    std::vector<unsigned> Out;
    for (unsigned A : Args) {
      int P = param(static_cast<int>(A));
      if (P < 0)
        return {};
      Out.push_back(static_cast<unsigned>(P));
    }
    return Out;
  }

  /// The callee's text with its `{N}` replaced by what argument N is here.
  std::string inlineArgs(llvm::StringRef Text) const {
    std::vector<FixedSqlPart> Parts;
    std::string Error, Out;
    if (!parseFixedSql(Text, Parts, Error))
      return {};
    for (const FixedSqlPart &P : Parts) {
      if (P.Value == FixedSqlPart::Literal)
        Out += escapeFixedSql(P.Text);
      else if (P.Value >= 0 && static_cast<size_t>(P.Value) < C.ArgSql.size() &&
               C.ArgSql[P.Value])
        Out += *C.ArgSql[P.Value];
      else if (int Q = param(P.Value); Q >= 0)
        Out += "{" + std::to_string(Q) + "}";
      else
        Out += "{?}";
    }
    return Out;
  }

  bool mapSql(CallRule &R) const {
    if (R.ParamsFrom) {
      for (size_t I = *R.ParamsFrom; I < C.ArgParams.size(); ++I)
        R.SqlParams.push_back(static_cast<int>(I));
      R.ParamsFrom.reset();
    }
    for (int &P : R.SqlParams)
      P = param(P);
    while (!R.SqlParams.empty() && R.SqlParams.back() < 0)
      R.SqlParams.pop_back();
    if (!R.Sql.empty()) {
      R.Sql = inlineArgs(R.Sql);
      return !R.Sql.empty();
    }
    if (!R.SqlArg)
      return false;
    unsigned Arg = *R.SqlArg;
    if (Arg < C.ArgSql.size() && C.ArgSql[Arg]) {
      R.Sql = *C.ArgSql[Arg];
      R.SqlArg.reset();
      return true;
    }
    int P = param(static_cast<int>(Arg));
    if (P < 0)
      return false;
    R.SqlArg = static_cast<unsigned>(P);
    return true;
  }

  void mapResult(CallRule &R) const {
    switch (R.Result) {
    case ResultKind::Return:
      if (!C.Returned)
        R.Result = ResultKind::None;
      break;
    case ResultKind::Argument: {
      std::vector<unsigned> Args;
      for (unsigned A : R.ResultArgs)
        if (int P = param(static_cast<int>(A)); P >= 0)
          Args.push_back(static_cast<unsigned>(P));
      R.ResultArgs = Args;
      if (Args.empty())
        R.Result = ResultKind::None;
      break;
    }
    case ResultKind::Object:
      if (C.Object != DeferredCall::OwnObject)
        R.Result = ResultKind::None;
      break;
    case ResultKind::None:
      break;
    }
  }

  const DeferredCall &C;
  bool &InOwnTransaction;
};

class Composer {
public:
  explicit Composer(const std::vector<std::vector<ExportedFunction>> &Units)
      : Units(Units) {
    for (const std::vector<ExportedFunction> &Unit : Units)
      for (const ExportedFunction &F : Unit) {
        auto [It, New] = Functions.try_emplace(F.Key, &F);
        if (!New && It->second && It->second->Signature != F.Signature)
          Overloaded.insert(F.Key);
      }
  }

  MergedSummaries run() {
    MergedSummaries M;
    std::map<std::pair<int, std::string>, unsigned> Dialects;
    for (const auto &[Key, F] : Functions) {
      if (!F->Visible)
        continue;
      std::vector<ExportedRule> Rules = resolve(Key);
      if (Rules.empty())
        continue;
      for (const ExportedRule &R : Rules)
        if (R.Dialect)
          ++Dialects[{static_cast<int>(*R.Dialect), R.LockClause}];
      M.Rules[F->Name] = Rules;
    }
    M.CalledElsewhere = calledElsewhere(M);
    // The file has one dialect: the one most of its rules were read in.
    unsigned Most = 0;
    for (const auto &[Dialect, Count] : Dialects)
      if (Count > Most) {
        Most = Count;
        M.Dialect = static_cast<sqlfacts::Dialect>(Dialect.first);
        M.LockClause = Dialect.second;
      }
    return M;
  }

private:
  /// The functions with a `decides_writes` rule that a unit other than
  /// their own calls.
  std::set<std::string> calledElsewhere(const MergedSummaries &M) const {
    std::set<std::string> Called;
    for (const std::vector<ExportedFunction> &Unit : Units) {
      llvm::StringSet<> Defined;
      for (const ExportedFunction &F : Unit)
        Defined.insert(F.Key);
      auto Call = [&](const std::string &Callee) {
        auto It = M.Rules.find(Callee);
        if (!Defined.contains(Callee) && It != M.Rules.end() &&
            llvm::any_of(It->second, [](const ExportedRule &R) {
              return R.Rule.DecidesWrites;
            }))
          Called.insert(Callee);
      };
      for (const ExportedFunction &F : Unit) {
        for (const DeferredCall &C : F.Calls)
          Call(C.Callee);
        llvm::for_each(F.LambdaCallees, Call);
      }
    }
    return Called;
  }

  /// A helper's read-check-write that the function runs inside a
  /// transaction it begins is judged in the function's own analysis, where
  /// the call is: its callers see only its writes.
  static void judgeInOwnTransactions(std::vector<ExportedRule> &Rules) {
    using sqlfacts::StatementKind;
    bool Open = false;
    llvm::erase_if(Rules, [&](const ExportedRule &R) {
      const sqlfacts::SqlFacts *Facts = factsOf(R);
      auto Is = [&](StatementKind K) {
        return anyStatement(Facts, [&](const sqlfacts::StatementFacts &S) {
          return S.Kind == K;
        });
      };
      if (R.Rule.Action == CallAction::Begin || Is(StatementKind::Begin))
        Open = true;
      else if (R.Rule.Action == CallAction::Commit ||
               R.Rule.Action == CallAction::Rollback ||
               Is(StatementKind::Commit) || Is(StatementKind::Rollback))
        Open = false;
      return Open && R.Rule.DecidesWrites && R.Rule.Result == ResultKind::None;
    });
  }

  std::vector<ExportedRule> resolve(const std::string &Key) {
    if (auto It = Resolved.find(Key); It != Resolved.end())
      return It->second;
    const std::vector<ExportedRule> None;
    auto F = Functions.find(Key);
    // Unknown; overloads, which one rule name cannot tell apart; or a
    // cycle that closes here.
    if (F == Functions.end() || Overloaded.count(Key))
      return None;
    if (!InProgress.insert(Key).second) {
      ++CycleCuts;
      return None;
    }
    unsigned CutsBefore = CycleCuts;
    std::vector<ExportedRule> Rules = F->second->Rules;
    bool InOwnTransaction = false;
    for (const DeferredCall &C : F->second->Calls) {
      CallView View(C, InOwnTransaction);
      for (const ExportedRule &R : resolve(C.Callee))
        if (std::optional<ExportedRule> Mapped = View.map(R)) {
          if (F->second->Destructor &&
              Mapped->Rule.Action == CallAction::Commit)
            Mapped->Rule.Action = CallAction::Rollback;
          Rules.push_back(std::move(*Mapped));
        }
    }
    llvm::stable_sort(Rules, [](const ExportedRule &A, const ExportedRule &B) {
      return A.Order < B.Order;
    });
    judgeInOwnTransactions(Rules);
    InProgress.erase(Key);
    // Computed with a cycle cut short inside an outer function's
    // composition: complete only from the top, so not kept.
    if (CycleCuts != CutsBefore && !InProgress.empty())
      return Rules;
    return Resolved[Key] = std::move(Rules);
  }

  const std::vector<std::vector<ExportedFunction>> &Units;
  std::map<std::string, const ExportedFunction *> Functions;
  std::map<std::string, std::vector<ExportedRule>> Resolved;
  std::set<std::string> InProgress;
  std::set<std::string> Overloaded;
  unsigned CycleCuts = 0;
};

std::string quoted(llvm::StringRef S) {
  std::string Out = "'";
  for (char C : S) {
    if (C == '\'')
      Out += '\'';
    Out += C == '\n' ? ' ' : C;
  }
  return Out + "'";
}

const char *actionName(CallAction A) {
  for (const auto &S : callActionSpecs())
    if (S.Value == A)
      return S.Name;
  return "execute";
}

std::string numbers(const std::vector<unsigned> &Ns) {
  std::string Out;
  for (unsigned N : Ns)
    Out += (Out.empty() ? "" : ", ") + std::to_string(N);
  return Out;
}

void writeResult(const CallRule &R, llvm::raw_ostream &OS) {
  switch (R.Result) {
  case ResultKind::Return:
    OS << ", result: return";
    break;
  case ResultKind::None:
    OS << ", result: none";
    break;
  case ResultKind::Object:
    OS << ", result: object";
    break;
  case ResultKind::Argument:
    OS << ", result: 'argument";
    for (unsigned N : R.ResultArgs)
      OS << " " << N;
    OS << "'";
    break;
  }
}

const char *isolationName(sqlfacts::Isolation I) {
  switch (I) {
  case sqlfacts::Isolation::Serializable:
    return "serializable";
  case sqlfacts::Isolation::RepeatableRead:
    return "repeatable_read";
  default:
    return "read_committed";
  }
}

void writeRule(llvm::StringRef Name, const CallRule &R, llvm::raw_ostream &OS) {
  OS << "  - { name: " << quoted(Name) << ", action: " << actionName(R.Action);
  if (R.ConnectionArg)
    OS << ", connection_arg: " << *R.ConnectionArg;
  switch (R.Action) {
  case CallAction::Execute:
    if (R.SqlArg)
      OS << ", sql_arg: " << *R.SqlArg;
    else
      OS << ", sql: " << quoted(R.Sql);
    if (!R.SqlParams.empty()) {
      OS << ", sql_params: [";
      for (size_t I = 0; I < R.SqlParams.size(); ++I)
        OS << (I ? ", " : "") << R.SqlParams[I];
      OS << "]";
    }
    writeResult(R, OS);
    if (R.DecidesWrites)
      OS << ", decides_writes: true";
    break;
  case CallAction::Read:
  case CallAction::Write:
    OS << ", entity: " << quoted(R.Entity);
    if (!R.KeyArgs.empty())
      OS << ", key_args: [" << numbers(R.KeyArgs) << "]";
    if (R.Action == CallAction::Read) {
      writeResult(R, OS);
      if (R.DecidesWrites)
        OS << ", decides_writes: true";
    } else if (R.Versioned)
      OS << ", versioned: true";
    break;
  case CallAction::Begin:
    if (R.IsolationLevel != sqlfacts::Isolation::Unspecified)
      OS << ", isolation: " << isolationName(R.IsolationLevel);
    if (R.Mode == sqlfacts::BeginMode::Immediate)
      OS << ", mode: immediate";
    if (R.Chain)
      OS << ", chain: true";
    break;
  case CallAction::Prepare:
    OS << ", sql_arg: " << *R.SqlArg << ", result: object";
    break;
  case CallAction::ExecutePrepared:
    OS << ", returns_row_count: false";
    writeResult(R, OS);
    break;
  case CallAction::Bind:
    OS << ", value_arg: " << *R.ValueArg;
    break;
  default:
    break;
  }
  if (R.ReturnsWhat == Returns::Object)
    OS << ", returns: object";
  OS << " }\n";
}

} // namespace

MergedSummaries dbrace::mergeSummaries(
    const std::vector<std::vector<ExportedFunction>> &Units) {
  return Composer(Units).run();
}

void dbrace::writeSummaries(const MergedSummaries &M, llvm::raw_ostream &OS) {
  OS << "# What each function of the project does to the database, as rules:\n"
        "# written by dbrace's whole-program mode (docs/whole-program.md).\n"
        "library: summaries\n"
        "dialect: "
     << sqlfacts::dialectName(M.Dialect) << "\nsummaries: true\n";
  if (!M.LockClause.empty())
    OS << "fixes:\n  lock_clause: " << quoted(M.LockClause) << "\n";
  if (!M.CalledElsewhere.empty()) {
    OS << "called_elsewhere:\n";
    for (const std::string &Key : M.CalledElsewhere)
      OS << "  - " << quoted(Key) << "\n";
  }
  OS << (M.Rules.empty() ? "calls: []\n" : "calls:\n");
  for (const auto &[Name, Rules] : M.Rules)
    for (const ExportedRule &R : Rules)
      writeRule(Name, R.Rule, OS);
}
