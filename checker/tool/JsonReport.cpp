//===--- JsonReport.cpp - Findings as a JSON array ------------------------===//

#include "JsonReport.h"
#include "Baseline.h"
#include "Timelines.h"
#include "llvm/ADT/STLExtras.h"

using clang::tidy::ClangTidyError;
using clang::tooling::DiagnosticMessage;
using llvm::json::Array;
using llvm::json::Object;
using llvm::json::Value;

namespace dbrace::tool {
namespace {

/// The order of the keys in every object of the report (a finding, a note,
/// a fix), most important first; JSON objects have none of their own.
const char *const KeyOrder[] = {
    "check",    "level",      "request",   "kind",   "file",      "line",
    "column",   "endLine",    "endColumn", "offset", "length",    "replacement",
    "message",  "sql",        "code",      "values", "condition", "holds",
    "helper",   "helperLine", "text",      "notes",  "fixes",     "fingerprint",
    "timeline", "steps",      "withFix"};

const char *levelName(clang::tooling::Diagnostic::Level L) {
  switch (L) {
  case clang::tooling::Diagnostic::Error:
    return "error";
  case clang::tooling::Diagnostic::Remark:
    return "remark";
  case clang::tooling::Diagnostic::Warning:
    break;
  }
  return "warning";
}

void place(Object &O, SourcePositions &Sources, llvm::StringRef File,
           unsigned Offset) {
  Position P = Sources.position(File, Offset);
  O["file"] = Sources.displayPath(File);
  O["line"] = P.Line;
  O["column"] = P.Column;
}

Array fixes(SourcePositions &Sources, const DiagnosticMessage &M) {
  Array Out;
  for (const auto &FileAndReplacements : M.Fix)
    for (const clang::tooling::Replacement &R : FileAndReplacements.second) {
      Position End =
          Sources.position(R.getFilePath(), R.getOffset() + R.getLength());
      Object Fix;
      place(Fix, Sources, R.getFilePath(), R.getOffset());
      Fix["endLine"] = End.Line;
      Fix["endColumn"] = End.Column;
      Fix["offset"] = R.getOffset();
      Fix["length"] = R.getLength();
      Fix["replacement"] = R.getReplacementText();
      Out.push_back(std::move(Fix));
    }
  return Out;
}

void write(llvm::json::OStream &J, const Value &V) {
  if (const Object *O = V.getAsObject()) {
    std::vector<llvm::StringRef> Keys;
    for (const auto &KV : *O)
      Keys.push_back(KV.first);
    auto Rank = [](llvm::StringRef K) {
      return llvm::find(KeyOrder, K) - std::begin(KeyOrder);
    };
    llvm::sort(Keys, [&](llvm::StringRef A, llvm::StringRef B) {
      return std::make_pair(Rank(A), A) < std::make_pair(Rank(B), B);
    });
    J.object([&] {
      for (llvm::StringRef K : Keys)
        J.attributeBegin(K), write(J, *O->get(K)), J.attributeEnd();
    });
  } else if (const Array *A = V.getAsArray()) {
    J.array([&] {
      for (const Value &E : *A)
        write(J, E);
    });
  } else {
    J.value(V);
  }
}

} // namespace

void writeJsonDiagnostics(const Array &Diagnostics, llvm::raw_ostream &OS) {
  llvm::json::OStream J(OS, /*IndentSize=*/2);
  write(J, Value(Array(Diagnostics)));
  OS << "\n";
}

void writeJsonReport(const std::vector<ClangTidyError> &Errors,
                     SourcePositions &Sources, llvm::raw_ostream &OS,
                     const TimelineSession *Timelines) {
  Array Diagnostics;
  for (const ClangTidyError &E : Errors) {
    Object D{{"check", E.DiagnosticName}, {"level", levelName(E.DiagLevel)}};
    // A configuration error may have no place; its message names it.
    if (!E.Message.FilePath.empty())
      place(D, Sources, E.Message.FilePath, E.Message.FileOffset);
    D["message"] = E.Message.Message;
    Array Notes;
    for (const DiagnosticMessage &N : E.Notes) {
      Object Note{{"message", N.Message}};
      place(Note, Sources, N.FilePath, N.FileOffset);
      Notes.push_back(std::move(Note));
    }
    D["notes"] = std::move(Notes);
    D["fixes"] = fixes(Sources, E.Message);
    if (isFinding(E))
      D["fingerprint"] = findingFingerprint(E, Sources);
    if (const timeline::Timeline *T = Timelines ? Timelines->find(E) : nullptr)
      D["timeline"] = timelineJson(*T, E.DiagnosticName, Sources);
    Diagnostics.push_back(std::move(D));
  }
  writeJsonDiagnostics(Diagnostics, OS);
}

} // namespace dbrace::tool
