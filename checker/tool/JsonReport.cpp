//===--- JsonReport.cpp - Findings as a JSON array ------------------------===//

#include "JsonReport.h"
#include "Baseline.h"
#include "llvm/Support/JSON.h"

using clang::tidy::ClangTidyError;
using clang::tooling::DiagnosticMessage;

namespace dbrace::tool {
namespace {

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

void place(llvm::json::OStream &J, SourcePositions &Sources,
           llvm::StringRef File, unsigned Offset) {
  Position P = Sources.position(File, Offset);
  J.attribute("file", Sources.displayPath(File));
  J.attribute("line", P.Line);
  J.attribute("column", P.Column);
}

void fixes(llvm::json::OStream &J, SourcePositions &Sources,
           const DiagnosticMessage &M) {
  J.attributeArray("fixes", [&] {
    for (const auto &FileAndReplacements : M.Fix)
      for (const clang::tooling::Replacement &R : FileAndReplacements.second) {
        Position End =
            Sources.position(R.getFilePath(), R.getOffset() + R.getLength());
        J.object([&] {
          place(J, Sources, R.getFilePath(), R.getOffset());
          J.attribute("endLine", End.Line);
          J.attribute("endColumn", End.Column);
          J.attribute("offset", R.getOffset());
          J.attribute("length", R.getLength());
          J.attribute("replacement", R.getReplacementText());
        });
      }
  });
}

} // namespace

void writeJsonReport(const std::vector<ClangTidyError> &Errors,
                     SourcePositions &Sources, llvm::raw_ostream &OS) {
  llvm::json::OStream J(OS, /*IndentSize=*/2);
  J.array([&] {
    for (const ClangTidyError &E : Errors)
      J.object([&] {
        J.attribute("check", E.DiagnosticName);
        J.attribute("level", levelName(E.DiagLevel));
        // A configuration error may have no place; its message names it.
        if (!E.Message.FilePath.empty())
          place(J, Sources, E.Message.FilePath, E.Message.FileOffset);
        J.attribute("message", E.Message.Message);
        J.attributeArray("notes", [&] {
          for (const DiagnosticMessage &N : E.Notes)
            J.object([&] {
              place(J, Sources, N.FilePath, N.FileOffset);
              J.attribute("message", N.Message);
            });
        });
        fixes(J, Sources, E.Message);
        if (isFinding(E))
          J.attribute("fingerprint", findingFingerprint(E, Sources));
      });
  });
  OS << "\n";
}

} // namespace dbrace::tool
