//===--- Baseline.h - Findings a project has accepted for now -------------===//
//
// A baseline lets CI fail on new races only. A finding is keyed by its check,
// its file (relative to the source root), its message and a hash of its
// source line's text with surrounding blanks trimmed; not by line number, so
// edits elsewhere in the file do not bring baselined findings back.
//
//===----------------------------------------------------------------------===//

#ifndef DBRACE_TOOL_BASELINE_H
#define DBRACE_TOOL_BASELINE_H

#include "SourcePositions.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Error.h"
#include <string>
#include <vector>

namespace dbrace::tool {

struct BaselineKey {
  std::string Check, File, Message, LineHash;
  std::string joined() const;
};

BaselineKey baselineKey(const clang::tidy::ClangTidyError &E,
                        SourcePositions &Sources);

/// A short hash of the baseline key: a finding's identity across line
/// shifts, for SARIF's partialFingerprints and JSON's fingerprint.
std::string findingFingerprint(const clang::tidy::ClangTidyError &E,
                               SourcePositions &Sources);

/// Whether a diagnostic can be baselined: dbrace's findings, not compiler
/// or configuration errors.
bool isFinding(const clang::tidy::ClangTidyError &E);

class Baseline {
public:
  /// Reads \p Path; a missing or malformed file is an error naming it.
  static llvm::Expected<Baseline> load(llvm::StringRef Path);

  /// Drops the findings the baseline records, each entry matching at most
  /// one finding (two identical lines need two entries). Returns how many
  /// were dropped.
  unsigned filter(std::vector<clang::tidy::ClangTidyError> &Errors,
                  SourcePositions &Sources);

  /// Entries that matched nothing: fixed races, to drop from the file.
  unsigned unused() const;

private:
  llvm::StringMap<unsigned> Remaining; ///< joined key -> count left
};

/// Writes the findings among \p Errors to \p Path, sorted, atomically.
llvm::Error
writeBaseline(llvm::StringRef Path,
              const std::vector<clang::tidy::ClangTidyError> &Errors,
              SourcePositions &Sources, unsigned &Written);

} // namespace dbrace::tool

#endif // DBRACE_TOOL_BASELINE_H
