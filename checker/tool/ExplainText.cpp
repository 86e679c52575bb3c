//===--- ExplainText.cpp - `dbrace --explain` in words --------------------===//

#include "Explain.h"
#include "ExplainWords.h"
#include "llvm/ADT/StringExtras.h"

namespace dbrace::tool {

namespace {

void printRules(const trace::Call &C, llvm::raw_ostream &OS) {
  for (const trace::RuleRef &R : C.Rules) {
    OS << "    rule '" << R.Name << "' ("
       << (R.IsType ? "role " + roleName(R.Role).str()
                    : "action " + actionName(R.Action).str())
       << ") at " << R.RulesFile;
    if (unsigned Line = ruleLine(R))
      OS << ":" << Line;
    OS << "\n";
  }
}

void printRecognition(const trace::Call &C, llvm::raw_ostream &OS) {
  switch (C.How) {
  case trace::Recognition::Rule:
    return printRules(C, OS);
  case trace::Recognition::Summary:
    OS << "    summary of '" << C.Helper
       << "', a function of this translation unit\n";
    return;
  case trace::Recognition::Unmatched:
    OS << "    no rule matches it, though rules name its class\n";
    return;
  }
}

void printSql(const trace::Call &C, llvm::raw_ostream &OS) {
  switch (C.Sql) {
  case trace::SqlStatus::NoSqlArgument:
    if (C.How == trace::Recognition::Rule)
      OS << "    sql: none (the rule takes no SQL argument)\n";
    return;
  case trace::SqlStatus::Parsed:
    OS << "    sql: " << C.SqlText << "\n";
    return;
  case trace::SqlStatus::NotParsed:
    OS << "    sql: " << C.SqlText << "\n"
       << "    sql did not parse: " << C.ParseError
       << " (the tokenizer's reading is less certain)\n";
    return;
  case trace::SqlStatus::NotRecovered:
    OS << "    sql: not recovered from '" << C.SqlSource
       << "' (see docs/sql-text.md for the forms followed)\n";
    return;
  case trace::SqlStatus::Parameter:
    OS << "    sql: parameter " << C.SqlParameter + 1
       << " of this function, known at each call site\n";
    return;
  case trace::SqlStatus::NotFound:
    OS << "    sql: the prepared statement was found nowhere in this "
          "translation unit\n";
    return;
  }
}

void printEvent(unsigned I, const trace::Event &E, llvm::StringRef Here,
                llvm::raw_ostream &OS) {
  OS << "    event " << I + 1 << ": " << eventKindName(E.Kind);
  if (E.Kind == EventKind::Write)
    OS << " (" << sqlfacts::kindName(E.WriteKind) << ")";
  if (!E.Tables.empty())
    OS << " of " << llvm::join(E.Tables, ", ");
  if (E.Lock != sqlfacts::LockStrength::None)
    OS << " " << sqlfacts::lockName(E.Lock);
  if (!E.Certain)
    OS << " (as the tokenizer reads it)";
  if (!E.Helper.empty())
    OS << ", in '" << E.Helper << "' at " << placeText(E.InHelper, Here);
  if (!E.Reached)
    OS << "; not reached (dead code)\n";
  else if (E.Before)
    OS << "; before it: " << stateText(*E.Before, Here) << "\n";
  else
    OS << "\n";
}

void printPair(const trace::Function &F, const trace::Pair &P,
               llvm::StringRef Check, llvm::raw_ostream &OS) {
  llvm::StringRef Here = F.Begin.File;
  OS << "  pair: read " << placeText(P.ReadAt, Here) << " (event " << P.Read + 1
     << "), write " << placeText(P.WriteAt, Here) << " (event " << P.Write + 1
     << ")";
  if (!P.Table.empty() || P.ReadTable == P.WriteTable)
    OS << " on " << (P.Table.empty() ? P.ReadTable : P.Table);
  else
    OS << ", reading " << P.ReadTable << " and writing " << P.WriteTable;
  if (P.Verdict == trace::PairVerdict::Race)
    OS << (P.Consumed
               ? ", the value feeds the write"
               : ", the value is checked at " + placeText(P.CheckAt, Here));
  OS << ": " << pairReason(P, Check) << "\n";
}

void printFunction(const ExplainedFunction &EF, llvm::raw_ostream &OS) {
  const trace::Function &F = EF.Trace;
  llvm::StringRef Here = F.Begin.File;
  OS << "function '" << F.Name << "' at " << F.Begin.File << ":" << F.Begin.Line
     << "\n";
  if (llvm::StringRef Status = functionStatusText(F.Status); !Status.empty())
    OS << "  " << Status << "\n";
  for (const trace::Call &C : F.Calls) {
    OS << "  call " << placeText(C.At, Here) << " '" << C.Callee << "'\n";
    printRecognition(C, OS);
    printSql(C, OS);
    for (unsigned I : C.Events)
      printEvent(I, F.Events[I], Here, OS);
  }
  for (unsigned I = 0; I < F.Pairs.size(); ++I)
    printPair(F, F.Pairs[I], EF.ReportedBy[I], OS);
}

} // namespace

void printExplanationText(const ExplainRequest &Request,
                          const std::vector<ExplainedFunction> &Functions,
                          llvm::raw_ostream &OS) {
  if (Functions.empty()) {
    OS << "no function ";
    if (Request.Line)
      OS << "contains line " << Request.Line << " of " << Request.File << "\n";
    else
      OS << "is defined in " << Request.File << "\n";
    return;
  }
  for (size_t I = 0; I < Functions.size(); ++I) {
    if (I)
      OS << "\n";
    printFunction(Functions[I], OS);
  }
}

} // namespace dbrace::tool
