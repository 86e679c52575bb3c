//===--- ExplainWords.h - The words and codes of `dbrace --explain` -------===//
//
// The analysis records typed reasons; these are their names (stable codes
// for JSON) and their words (for people), shared by both outputs.
//
//===----------------------------------------------------------------------===//

#ifndef DBRACE_TOOL_EXPLAINWORDS_H
#define DBRACE_TOOL_EXPLAINWORDS_H

#include "Trace.h"
#include <string>

namespace dbrace::tool {

llvm::StringRef actionName(CallAction A);
llvm::StringRef roleName(TypeRole R);
llvm::StringRef recognitionName(trace::Recognition R);
llvm::StringRef sqlStatusName(trace::SqlStatus S);
llvm::StringRef functionStatusName(trace::FunctionStatus S);
/// `read`, `write`, `begin`, ...
llvm::StringRef eventKindName(EventKind K);
llvm::StringRef txStateName(trace::TxState T);
llvm::StringRef isolationName(sqlfacts::Isolation I);
llvm::StringRef verdictName(trace::PairVerdict V);
llvm::StringRef protectionName(Protection P);
llvm::StringRef relationName(TransactionRelation R);

/// The line of the rules file where \p Rule is written; 0 if not found.
unsigned ruleLine(const trace::RuleRef &Rule);

/// A place as `line:column`, with the file when it is not \p Here.
std::string placeText(const trace::Place &P, llvm::StringRef Here);

/// The state of a connection before an event, in words.
std::string stateText(const trace::State &S, llvm::StringRef Here);

/// What \p F's status means, in words; empty for an analysed function.
llvm::StringRef functionStatusText(trace::FunctionStatus S);

/// Why pair \p P was or was not reported, in words. \p Check: the check
/// that reported it, if any.
std::string pairReason(const trace::Pair &P, llvm::StringRef Check);

} // namespace dbrace::tool

#endif // DBRACE_TOOL_EXPLAINWORDS_H
