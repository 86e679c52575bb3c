//===--- ExplainJson.cpp - `dbrace --explain=json` ------------------------===//

#include "Explain.h"
#include "ExplainWords.h"
#include "llvm/Support/JSON.h"

namespace dbrace::tool {

namespace json = llvm::json;

namespace {

json::Value placeJson(const trace::Place &P) {
  if (!P.valid())
    return nullptr;
  return json::Object{{"file", P.File}, {"line", P.Line}, {"column", P.Column}};
}

json::Value strings(const std::vector<std::string> &List) {
  json::Array Out;
  for (const std::string &S : List)
    Out.push_back(S);
  return Out;
}

json::Value ruleJson(const trace::RuleRef &R) {
  json::Object O{{"library", R.Library},
                 {"rulesFile", R.RulesFile},
                 {"rule", R.Name},
                 {"section", R.IsType ? "types" : "calls"}};
  if (unsigned Line = ruleLine(R))
    O["ruleLine"] = Line;
  else
    O["ruleLine"] = nullptr;
  if (R.IsType)
    O["role"] = roleName(R.Role);
  else
    O["action"] = actionName(R.Action);
  return O;
}

json::Value sqlJson(const trace::Call &C) {
  json::Object O{{"status", sqlStatusName(C.Sql)}};
  if (!C.SqlText.empty())
    O["text"] = C.SqlText;
  if (!C.ParseError.empty())
    O["parseError"] = C.ParseError;
  if (C.Sql == trace::SqlStatus::NotRecovered)
    O["source"] = C.SqlSource;
  if (C.Sql == trace::SqlStatus::Parameter)
    O["parameter"] = C.SqlParameter;
  return O;
}

json::Value callJson(const trace::Call &C) {
  json::Array Rules, Events;
  for (const trace::RuleRef &R : C.Rules)
    Rules.push_back(ruleJson(R));
  for (unsigned I : C.Events)
    Events.push_back(I);
  json::Object O{{"at", placeJson(C.At)},
                 {"callee", C.Callee},
                 {"recognised", recognitionName(C.How)},
                 {"rules", std::move(Rules)},
                 {"sql", sqlJson(C)},
                 {"events", std::move(Events)}};
  if (!C.Helper.empty())
    O["helper"] = C.Helper;
  return O;
}

json::Value stateJson(const trace::State &S) {
  return json::Object{{"transaction", txStateName(S.Tx)},
                      {"begin", placeJson(S.BeginAt)},
                      {"isolation", isolationName(S.IsolationLevel)},
                      {"lock", placeJson(S.LockAt)},
                      {"lockedTables", strings(S.LockedTables)},
                      {"coversNewRows", S.CoversNewRows},
                      {"sessionLock", placeJson(S.SessionLockAt)},
                      {"text", stateText(S, "")}};
}

json::Value eventJson(unsigned I, const trace::Event &E) {
  json::Object O{{"index", I},
                 {"kind", eventKindName(E.Kind)},
                 {"at", placeJson(E.At)},
                 {"tables", strings(E.Tables)},
                 {"lock", sqlfacts::lockName(E.Lock)},
                 {"certain", E.Certain},
                 {"reached", E.Reached},
                 {"before", E.Before ? stateJson(*E.Before) : nullptr}};
  if (E.Kind == EventKind::Write) {
    O["writeKind"] = sqlfacts::kindName(E.WriteKind);
    O["rowCountUsed"] = E.ResultUsed;
  }
  if (!E.Helper.empty()) {
    O["helper"] = E.Helper;
    O["inHelper"] = placeJson(E.InHelper);
  }
  return O;
}

json::Value pairJson(const trace::Pair &P, const std::string &Check) {
  return json::Object{
      {"read", P.Read},
      {"write", P.Write},
      {"readAt", placeJson(P.ReadAt)},
      {"writeAt", placeJson(P.WriteAt)},
      {"checkAt", placeJson(P.CheckAt)},
      {"table", P.Table},
      {"readTable", P.ReadTable},
      {"writeTable", P.WriteTable},
      {"verdict", verdictName(P.Verdict)},
      {"protection", protectionName(P.Protected)},
      {"relation", relationName(P.Relation)},
      {"reported", !Check.empty()},
      {"check", Check.empty() ? json::Value(nullptr) : json::Value(Check)},
      {"reason", pairReason(P, Check)}};
}

json::Value functionJson(const ExplainedFunction &EF) {
  const trace::Function &F = EF.Trace;
  json::Array Calls, Events, Pairs;
  for (const trace::Call &C : F.Calls)
    Calls.push_back(callJson(C));
  for (unsigned I = 0; I < F.Events.size(); ++I)
    Events.push_back(eventJson(I, F.Events[I]));
  for (unsigned I = 0; I < F.Pairs.size(); ++I)
    Pairs.push_back(pairJson(F.Pairs[I], EF.ReportedBy[I]));
  return json::Object{{"name", F.Name},
                      {"at", placeJson(F.Begin)},
                      {"endLine", F.EndLine},
                      {"status", functionStatusName(F.Status)},
                      {"calls", std::move(Calls)},
                      {"events", std::move(Events)},
                      {"pairs", std::move(Pairs)}};
}

} // namespace

void printExplanationJson(const ExplainRequest &Request,
                          const std::vector<ExplainedFunction> &Functions,
                          llvm::raw_ostream &OS) {
  json::Array All;
  for (const ExplainedFunction &F : Functions)
    All.push_back(functionJson(F));
  json::Value Line =
      Request.Line ? json::Value(Request.Line) : json::Value(nullptr);
  OS << llvm::formatv("{0:2}",
                      json::Value(json::Object{{"file", Request.File},
                                               {"line", std::move(Line)},
                                               {"functions", std::move(All)}}))
     << "\n";
}

} // namespace dbrace::tool
