//===--- TimelineWords.cpp - A timeline in words, text and JSON -----------===//
//
// Each step says what the request runs (the SQL as recovered, or the call
// as written) and what it sees; the last says what the interleaving did.
// The wording follows the check that reported the finding.
//
//===----------------------------------------------------------------------===//

#include "Timelines.h"
#include "llvm/Support/Path.h"

using namespace dbrace::timeline;

namespace dbrace::tool {

namespace {

constexpr size_t TextColumn = 64;

bool isInsert(const Timeline &T) {
  return T.Written == WriteShape::Insert || T.Written == WriteShape::Upsert;
}

/// What the step runs: its SQL, else its call, and the helper it is in.
std::string statement(const Step &S) {
  std::string Out = !S.Sql.empty() ? S.Sql : S.Code;
  if (!S.Helper.empty())
    Out += " (in '" + S.Helper + "')";
  return Out;
}

std::string readText(const Timeline &T, const Step &S) {
  bool A = S.Who == Request::A;
  std::string Out = statement(S) + "   -> ";
  if (T.Kind == FactKind::Race && isInsert(T))
    return Out + (A ? "no row" : "no row either: A's is not committed");
  std::string Values = S.Values.empty() ? "the value" : S.Values;
  return Out + Values + (A ? "" : ", the same value A read");
}

std::string checkText(const Timeline &T, const Step &S) {
  std::string Value = !S.Holds   ? " lets the write through"
                      : *S.Holds ? " is true"
                                 : " is false";
  if (S.Who == Request::A)
    return S.Condition + Value;
  return S.Condition + Value +
         (isInsert(T) ? " for B too" : " on the value B read, too");
}

std::string commitText(const Step &S) {
  if (S.CallerTransaction)
    return "the caller commits";
  if (S.ScopeEnd)
    return "COMMIT (the transaction's scope ends)";
  return !S.Sql.empty() ? S.Sql : "COMMIT (" + S.Code + ")";
}

std::string beginText(const Step &S) {
  if (S.CallerTransaction)
    return "BEGIN (the caller's transaction)";
  if (!S.Sql.empty())
    return statement(S);
  return S.Code.empty() ? "BEGIN" : "BEGIN (" + S.Code + ")";
}

std::string outcomeText(const Timeline &T, llvm::StringRef Check) {
  if (T.Kind == FactKind::SlowCall)
    return "-> B, and every request behind it, waited for A's slow call";
  if (T.Kind == FactKind::LockInAutocommit && T.Write.Line == 0)
    return "-> each lock ended with its statement: nothing kept the two "
           "requests apart";
  if (isInsert(T))
    return "-> both saw no row and both inserted: two rows in '" + T.Table +
           "' where the check allows one";
  std::string Lost = T.Written == WriteShape::Delete ? "delete" : "update";
  (void)Check;
  return "-> both wrote from the same value of '" + T.Table + "': A's " + Lost +
         " is lost";
}

std::string stepText(const Timeline &T, const Step &S, llvm::StringRef Check) {
  switch (S.Kind) {
  case StepKind::Begin:
    return beginText(S);
  case StepKind::Read:
    return readText(T, S);
  case StepKind::Check:
    return checkText(T, S);
  case StepKind::Write:
    return statement(S) + (T.Consumed && S.Who == Request::B
                               ? "   (computed from the same old value)"
                               : "");
  case StepKind::Commit:
    return commitText(S);
  case StepKind::LockEnds:
    return "the lock ends with the statement: autocommit";
  case StepKind::Lock:
    if (T.Form == Shape::LockEnds)
      return statement(S) + (S.Who == Request::A
                                 ? "   -> takes the lock"
                                 : "   -> takes it too: A's has ended");
    return statement(S) + (S.Who == Request::A
                               ? "   -> holds the lock"
                               : "   -> gets the lock only now");
  case StepKind::Slow:
    return "calls '" + S.Code + "' while holding the lock";
  case StepKind::Waits:
    return statement(S) + "   waits for A's lock";
  case StepKind::Outcome:
    return outcomeText(T, Check);
  }
  return "";
}

} // namespace

const char *requestName(Request R) {
  return R == Request::A ? "request A" : "request B";
}

std::string placeText(const trace::Place &P, SourcePositions &Sources) {
  if (!P.valid())
    return "";
  return Sources.displayPath(P.File) + ":" + std::to_string(P.Line);
}

std::vector<WordedStep> wordTimeline(const Timeline &T, llvm::StringRef Check,
                                     bool MergeChecks) {
  std::vector<WordedStep> Out;
  for (size_t I = 0; I < T.Steps.size(); ++I) {
    const Step &S = T.Steps[I];
    std::string Text = stepText(T, S, Check);
    // `seats > 0 is true; UPDATE ...`: the check and the write it decides.
    if (MergeChecks && S.Kind == StepKind::Check && I + 1 < T.Steps.size() &&
        T.Steps[I + 1].Kind == StepKind::Write && T.Steps[I + 1].Who == S.Who) {
      Text += "; " + stepText(T, T.Steps[++I], Check);
      Out.push_back({&T.Steps[I], std::move(Text)});
      continue;
    }
    Out.push_back({&S, std::move(Text)});
  }
  return Out;
}

std::string wordFix(const Timeline &T, llvm::StringRef Check,
                    SourcePositions &Sources) {
  if (T.Fixed.empty())
    return "";
  const Step &W = T.Fixed.front();
  std::string Where =
      " (" + placeText(W.Helper.empty() ? W.At : W.InHelper, Sources) + ")";
  if (T.Kind == FactKind::SlowCall)
    return "with the slow call after the commit, request B waits at the "
           "lock" +
           Where + " only while A's statements run";
  if (T.Kind == FactKind::Race && isInsert(T))
    return "with a unique key and ON CONFLICT (or a lock on the parent row), "
           "request B waits at the INSERT" +
           Where + " until A commits, then finds A's row";
  std::string How = T.Form == Shape::ReadOutside
                        ? "with the read in the transaction and locked"
                    : T.Form == Shape::LockEnds
                        ? "with the lock in a transaction"
                        : "with the fix";
  (void)Check;
  if (!T.Steps.empty() && T.Steps.front().Kind == StepKind::Lock)
    return How + ", request B waits at the lock" + Where + " until A commits";
  return How + ", request B waits at the locking read" + Where +
         " until A commits, then reads the new value";
}

void printTimeline(const Timeline &T, llvm::StringRef Check,
                   SourcePositions &Sources, llvm::raw_ostream &OS) {
  OS << "  timeline of the race, two requests at once:\n";
  for (const WordedStep &W : wordTimeline(T, Check)) {
    std::string Line =
        std::string("    ") + requestName(W.From->Who) + ": " + W.Text;
    // The places once, on request A's steps: B runs the same lines.
    const trace::Place &At =
        W.From->Helper.empty() ? W.From->At : W.From->InHelper;
    if (W.From->Who == Request::A && At.valid()) {
      Line.resize(std::max(Line.size() + 2, TextColumn), ' ');
      Line += "(" + placeText(At, Sources) + ")";
    }
    OS << Line << "\n";
  }
  if (std::string Fix = wordFix(T, Check, Sources); !Fix.empty())
    OS << "    " << Fix << "\n";
}

namespace {
const char *kindName(StepKind K) {
  switch (K) {
  case StepKind::Begin:
    return "begin";
  case StepKind::Read:
    return "read";
  case StepKind::Check:
    return "check";
  case StepKind::Write:
    return "write";
  case StepKind::Commit:
    return "commit";
  case StepKind::LockEnds:
    return "lock-ends";
  case StepKind::Lock:
    return "lock";
  case StepKind::Slow:
    return "slow-call";
  case StepKind::Waits:
    return "waits";
  case StepKind::Outcome:
    return "outcome";
  }
  return "";
}

llvm::json::Object stepJson(const Timeline &T, const Step &S,
                            llvm::StringRef Check, SourcePositions &Sources) {
  llvm::json::Object O{{"request", S.Who == Request::A ? "A" : "B"},
                       {"kind", kindName(S.Kind)},
                       {"text", stepText(T, S, Check)}};
  if (S.At.valid()) {
    O["file"] = Sources.displayPath(S.At.File);
    O["line"] = S.At.Line;
  }
  if (!S.Sql.empty())
    O["sql"] = S.Sql;
  if (!S.Code.empty())
    O["code"] = S.Code;
  if (!S.Values.empty())
    O["values"] = S.Values;
  if (!S.Condition.empty())
    O["condition"] = S.Condition;
  if (S.Holds)
    O["holds"] = *S.Holds;
  if (!S.Helper.empty()) {
    O["helper"] = S.Helper;
    O["helperLine"] = S.InHelper.Line;
  }
  return O;
}
} // namespace

llvm::json::Value timelineJson(const Timeline &T, llvm::StringRef Check,
                               SourcePositions &Sources) {
  llvm::json::Array Steps;
  for (const Step &S : T.Steps)
    Steps.push_back(stepJson(T, S, Check, Sources));
  llvm::json::Object O{{"steps", std::move(Steps)}};
  if (std::string Fix = wordFix(T, Check, Sources); !Fix.empty())
    O["withFix"] = Fix;
  return O;
}

} // namespace dbrace::tool
