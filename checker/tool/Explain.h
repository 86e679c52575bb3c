//===--- Explain.h - `dbrace --explain`: what the analysis saw ------------===//
//
// Collects the traces the analysis records for the functions of one file
// (or the one containing a line) while the usual clang-tidy run goes on,
// then prints them in words or as JSON. Whether a race was reported is
// read from the run's diagnostics, so NOLINT, disabled checks and the
// header filter show as they are.
//
//===----------------------------------------------------------------------===//

#ifndef DBRACE_TOOL_EXPLAIN_H
#define DBRACE_TOOL_EXPLAIN_H

#include "DriverOptions.h"
#include "Trace.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "llvm/Support/raw_ostream.h"
#include <mutex>
#include <string>
#include <vector>

namespace dbrace::tool {

/// A function's trace, with the check that reported each pair (empty: none).
struct ExplainedFunction {
  trace::Function Trace;
  std::vector<std::string> ReportedBy; ///< Per Trace.Pairs.
};

class ExplainSession : public trace::Sink {
public:
  /// Installs itself as the analysis' trace sink until destroyed.
  explicit ExplainSession(ExplainRequest Request);
  ~ExplainSession() override;

  bool wants(const clang::FunctionDecl *FD,
             const clang::SourceManager &SM) override;
  void add(trace::Function F) override;

  /// Prints what was recorded, with the checks that reported each race
  /// among \p Diagnostics, as text or JSON.
  void print(const std::vector<clang::tidy::ClangTidyError> &Diagnostics,
             llvm::raw_ostream &OS);

private:
  ExplainRequest Request;
  std::string RealFile;
  std::mutex Lock;
  std::vector<trace::Function> Functions;
};

void printExplanationText(const ExplainRequest &Request,
                          const std::vector<ExplainedFunction> &Functions,
                          llvm::raw_ostream &OS);
void printExplanationJson(const ExplainRequest &Request,
                          const std::vector<ExplainedFunction> &Functions,
                          llvm::raw_ostream &OS);

} // namespace dbrace::tool

#endif // DBRACE_TOOL_EXPLAIN_H
