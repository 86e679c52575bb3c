//===--- DriverOptions.h - The command line of the dbrace driver ----------===//
//
// Everything the user asked for, parsed once into plain values, so the rest
// of the driver never touches llvm::cl globals.
//
//===----------------------------------------------------------------------===//

#ifndef DBRACE_TOOL_DRIVEROPTIONS_H
#define DBRACE_TOOL_DRIVEROPTIONS_H

#include "Shard.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/Support/raw_ostream.h"
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace dbrace::tool {

enum class OutputFormat { Text, Json, Sarif, Html };

/// `--explain[=json] FILE[:LINE]`: what the analysis saw and decided in the
/// functions of FILE (or the one containing LINE), instead of findings.
struct ExplainRequest {
  bool Json = false;
  std::string File;
  unsigned Line = 0; ///< 0: every function of the file.
};

struct DriverOptions {
  std::vector<std::string> Files;
  std::string BuildPath; ///< `-p`: where compile_commands.json is.
  /// The compiler arguments after `--`, when given.
  std::unique_ptr<clang::tooling::CompilationDatabase> FixedCompilations;
  std::vector<std::string> ExtraArgs, ExtraArgsBefore;

  std::string Checks, Config, HeaderFilter;
  std::vector<std::string> Rules;
  std::vector<std::string> Schemas; ///< `--schema`: DDL files or folders.
  bool ListRules = false;
  bool ListChecks = false;
  bool DumpConfig = false;

  bool Fix = false;
  std::string ExportFixes;

  OutputFormat Format = OutputFormat::Text;
  std::string Output; ///< JSON or SARIF go here instead of stdout; HTML's
                      ///< folder.
  /// `--timeline`: each finding as the two requests that collide, after it
  /// in the text output, as data in JSON.
  bool Timeline = false;
  std::string
      SourceRoot; ///< Paths in JSON, SARIF and the baseline are relative to it.
  std::string DocsUrl; ///< Where SARIF's helpUri points: <DocsUrl><check>.md.

  std::string Baseline, WriteBaseline;
  /// `--diff`: a git revision, or `-` for a unified diff on stdin.
  std::string Diff;

  std::optional<ShardSpec>
      Shard;         ///< `--shard=K/N`: only that part of the files.
  unsigned Jobs = 0; ///< 0: one per core.
  bool Progress = false;
  bool Quiet = false;
  std::string CacheDir; ///< `--cache-dir`; empty: the default folder.
  bool NoCache = false;
  bool Stats = false; ///< `--cache-stats`: the cache's hits and misses.

  /// `--single-tu`: no whole-program pass over the compilation database.
  bool SingleTu = false;
  /// `--summaries=FILE`: where the merged summaries are written, or, with
  /// `--read-summaries`, read from.
  std::string Summaries;
  bool ReadSummaries = false;

  std::optional<ExplainRequest> Explain;
};

/// Parses the command line. On a usage error, says why on \p Errs and
/// returns nothing: the caller exits with status 2, not cl's status 1.
std::optional<DriverOptions> parseDriverOptions(int Argc, const char **Argv,
                                                llvm::raw_ostream &Errs);

} // namespace dbrace::tool

#endif // DBRACE_TOOL_DRIVEROPTIONS_H
