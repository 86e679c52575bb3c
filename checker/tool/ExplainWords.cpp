//===--- ExplainWords.cpp - The words and codes of `dbrace --explain` -----===//

#include "ExplainWords.h"
#include "RuleKeys.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/MemoryBuffer.h"

namespace dbrace::tool {

llvm::StringRef actionName(CallAction A) {
  return specOf(callActionSpecs(), A).Name;
}

llvm::StringRef roleName(TypeRole R) { return specOf(typeRoleSpecs(), R).Name; }

llvm::StringRef recognitionName(trace::Recognition R) {
  switch (R) {
  case trace::Recognition::Rule:
    return "rule";
  case trace::Recognition::Summary:
    return "summary";
  case trace::Recognition::Unmatched:
    return "unmatched";
  }
  return "";
}

llvm::StringRef sqlStatusName(trace::SqlStatus S) {
  switch (S) {
  case trace::SqlStatus::NoSqlArgument:
    return "no-sql-argument";
  case trace::SqlStatus::Parsed:
    return "parsed";
  case trace::SqlStatus::NotParsed:
    return "not-parsed";
  case trace::SqlStatus::NotRecovered:
    return "not-recovered";
  case trace::SqlStatus::Parameter:
    return "parameter";
  case trace::SqlStatus::NotFound:
    return "not-found";
  }
  return "";
}

llvm::StringRef functionStatusName(trace::FunctionStatus S) {
  switch (S) {
  case trace::FunctionStatus::Analysed:
    return "analysed";
  case trace::FunctionStatus::NoEvents:
    return "no-events";
  case trace::FunctionStatus::NoCfg:
    return "no-cfg";
  case trace::FunctionStatus::NotConverged:
    return "not-converged";
  }
  return "";
}

llvm::StringRef functionStatusText(trace::FunctionStatus S) {
  switch (S) {
  case trace::FunctionStatus::Analysed:
    return "";
  case trace::FunctionStatus::NoEvents:
    return "no database event: no call here runs a statement whose SQL or "
           "rule says what it does";
  case trace::FunctionStatus::NoCfg:
    return "not analysed: clang could not build its control-flow graph";
  case trace::FunctionStatus::NotConverged:
    return "not analysed: its transaction flow did not settle within the "
           "analysis budget";
  }
  return "";
}

llvm::StringRef eventKindName(EventKind K) {
  switch (K) {
  case EventKind::Read:
    return "read";
  case EventKind::Write:
    return "write";
  case EventKind::Begin:
    return "begin";
  case EventKind::End:
    return "end";
  case EventKind::SetIsolation:
    return "set-isolation";
  case EventKind::Lock:
    return "lock";
  case EventKind::Unlock:
    return "unlock";
  case EventKind::Slow:
    return "slow";
  }
  return "";
}

llvm::StringRef txStateName(trace::TxState T) {
  switch (T) {
  case trace::TxState::None:
    return "none";
  case trace::TxState::Autocommit:
    return "autocommit";
  case trace::TxState::Unknown:
    return "unknown";
  case trace::TxState::Caller:
    return "caller";
  case trace::TxState::Begun:
    return "begun";
  }
  return "";
}

llvm::StringRef isolationName(sqlfacts::Isolation I) {
  switch (I) {
  case sqlfacts::Isolation::Unspecified:
    return "unspecified";
  case sqlfacts::Isolation::ReadUncommitted:
    return "read uncommitted";
  case sqlfacts::Isolation::ReadCommitted:
    return "read committed";
  case sqlfacts::Isolation::RepeatableRead:
    return "repeatable read";
  case sqlfacts::Isolation::Serializable:
    return "serializable";
  }
  return "";
}

llvm::StringRef verdictName(trace::PairVerdict V) {
  switch (V) {
  case trace::PairVerdict::SameCall:
    return "same-call";
  case trace::PairVerdict::NoSharedTable:
    return "no-shared-table";
  case trace::PairVerdict::DifferentRows:
    return "different-rows";
  case trace::PairVerdict::NotAfterRead:
    return "not-after-read";
  case trace::PairVerdict::ValueNotUsed:
    return "value-not-used";
  case trace::PairVerdict::Race:
    return "race";
  case trace::PairVerdict::AfterFirstRace:
    return "after-first-race";
  case trace::PairVerdict::JudgedInCallers:
    return "judged-in-callers";
  }
  return "";
}

llvm::StringRef protectionName(Protection P) {
  switch (P) {
  case Protection::None:
    return "none";
  case Protection::SessionLock:
    return "session-lock";
  case Protection::ConflictClause:
    return "conflict-clause";
  case Protection::NewRow:
    return "new-row";
  case Protection::NewRowsLocked:
    return "new-rows-locked";
  case Protection::ConditionalWrite:
    return "conditional-write";
  case Protection::VersionedWrite:
    return "versioned-write";
  case Protection::Serializable:
    return "serializable";
  case Protection::LockHeld:
    return "lock-held";
  case Protection::LockedEarlier:
    return "locked-earlier";
  case Protection::TransactionUnknown:
    return "transaction-unknown";
  case Protection::OnlyWhichRow:
    return "only-which-row";
  }
  return "";
}

llvm::StringRef relationName(TransactionRelation R) {
  switch (R) {
  case TransactionRelation::None:
    return "none";
  case TransactionRelation::ReadBeforeBegin:
    return "read-before-begin";
  case TransactionRelation::ReadInEarlierTransaction:
    return "read-in-earlier-transaction";
  case TransactionRelation::ReadInEndedTransaction:
    return "read-in-ended-transaction";
  case TransactionRelation::SameTransaction:
    return "same-transaction";
  }
  return "";
}

std::string placeText(const trace::Place &P, llvm::StringRef Here) {
  std::string Text = std::to_string(P.Line) + ":" + std::to_string(P.Column);
  return P.File == Here ? Text : P.File + ":" + Text;
}

std::string stateText(const trace::State &S, llvm::StringRef Here) {
  std::string Text;
  switch (S.Tx) {
  case trace::TxState::None:
    Text = "no transaction";
    break;
  case trace::TxState::Autocommit:
    Text = "autocommit: each statement commits on its own";
    break;
  case trace::TxState::Unknown:
    Text = "transaction unknown: paths disagree";
    break;
  case trace::TxState::Caller:
    Text = "in the caller's transaction";
    break;
  case trace::TxState::Begun:
    Text = "in the transaction begun at " + placeText(S.BeginAt, Here);
    break;
  }
  if (S.IsolationLevel != sqlfacts::Isolation::Unspecified)
    Text += ", isolation " + isolationName(S.IsolationLevel).str();
  bool InTransaction =
      S.Tx == trace::TxState::Begun || S.Tx == trace::TxState::Caller;
  if (S.LockAt.valid())
    Text += ", locked since " + placeText(S.LockAt, Here) +
            (S.LockedTables.empty()
                 ? ""
                 : " (" + llvm::join(S.LockedTables, ", ") + ")");
  else if (InTransaction)
    Text += ", no lock held";
  if (S.CoversNewRows)
    Text += ", new rows covered";
  if (S.SessionLockAt.valid())
    Text += ", session lock since " + placeText(S.SessionLockAt, Here);
  return Text;
}

namespace {

std::string protectionText(const trace::Pair &P) {
  switch (P.Protected) {
  case Protection::None:
    return "";
  case Protection::SessionLock:
    return "a session-level lock is held from the read to the write";
  case Protection::ConflictClause:
    return "the write is an upsert, which settles a conflict itself";
  case Protection::NewRow:
    return "the write inserts a new row computed from the value: no update "
           "can be lost";
  case Protection::NewRowsLocked:
    return "a lock covering rows not yet there (or their parent row) is "
           "held in the same transaction";
  case Protection::ConditionalWrite:
    return "write re-checks " + llvm::join(P.WriteGuardColumns, ", ") +
           " and the row count is checked";
  case Protection::VersionedWrite:
    return "the write compares a version and fails when the row changed";
  case Protection::Serializable:
    return "the transaction's isolation fails one of two concurrent writers";
  case Protection::LockHeld:
    return "read locked " + sqlfacts::lockName(P.ReadLock).str() +
           " in the same transaction";
  case Protection::LockedEarlier:
    return "an earlier lock of the same transaction covers the rows read";
  case Protection::TransactionUnknown:
    return "paths disagree about the transaction: not judged";
  case Protection::OnlyWhichRow:
    return "the read only finds which row the write changes, and no value "
           "read reaches the write";
  }
  return "";
}

std::string verdictText(trace::PairVerdict V) {
  switch (V) {
  case trace::PairVerdict::SameCall:
    return "the read and the write are one statement";
  case trace::PairVerdict::NoSharedTable:
    return "no table in common";
  case trace::PairVerdict::DifferentRows:
    return "different rows: their keys are bound to different values";
  case trace::PairVerdict::NotAfterRead:
    return "the write does not run after the read";
  case trace::PairVerdict::ValueNotUsed:
    return "value not used by the decision: the value read neither decides "
           "nor feeds the write";
  case trace::PairVerdict::AfterFirstRace:
    return "not considered: a read is paired once, with its first "
           "unprotected write";
  case trace::PairVerdict::JudgedInCallers:
    return "judged at each call, in the caller's transaction: this function "
           "has callers, and runs on the connection they pass";
  case trace::PairVerdict::Race:
    return "";
  }
  return "";
}

} // namespace

std::string pairReason(const trace::Pair &P, llvm::StringRef Check) {
  if (P.Verdict != trace::PairVerdict::Race)
    return "not reported: " + verdictText(P.Verdict);
  if (P.Protected != Protection::None)
    return "not reported: " + protectionText(P);
  if (!Check.empty())
    return "reported as " + Check.str();
  return "not reported: nothing protects it, but no enabled check reported "
         "it here (the check is disabled, a NOLINT comment, or "
         "--header-filter)";
}

unsigned ruleLine(const trace::RuleRef &Rule) {
  auto Buffer = llvm::MemoryBuffer::getFile(Rule.RulesFile);
  if (!Buffer)
    return 0;
  llvm::SmallVector<llvm::StringRef, 0> Lines;
  (*Buffer)->getBuffer().split(Lines, '\n');
  llvm::StringRef Section = Rule.IsType ? "types:" : "calls:";
  bool InSection = false;
  unsigned Seen = 0;
  for (unsigned I = 0; I < Lines.size(); ++I) {
    llvm::StringRef Line = Lines[I];
    if (!Line.empty() && !llvm::isSpace(Line[0]) && !Line.starts_with("#") &&
        !Line.starts_with("-"))
      InSection = Line.starts_with(Section);
    size_t Key = Line.find("name:");
    // `name:` as a key of its own, not the end of another (`table_name:`).
    while (Key != llvm::StringRef::npos && Key > 0 &&
           !llvm::StringRef(" \t{,-").contains(Line[Key - 1]))
      Key = Line.find("name:", Key + 1);
    if (!InSection || Key == llvm::StringRef::npos)
      continue;
    llvm::StringRef Value = Line.substr(Key + 5).ltrim();
    Value = Value.take_until([](char C) { return C == ',' || C == '}'; })
                .trim()
                .trim("\"'");
    if (Value == Rule.Name && Seen++ == Rule.Occurrence)
      return I + 1;
  }
  return 0;
}

} // namespace dbrace::tool
