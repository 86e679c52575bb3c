//===--- DriverOptions.cpp - The command line of the dbrace driver --------===//

#include "DriverOptions.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

namespace cl = llvm::cl;

#ifndef DBRACE_VERSION
#define DBRACE_VERSION "unknown"
#endif
#ifndef DBRACE_DOCS_URL
#define DBRACE_DOCS_URL ""
#endif

namespace dbrace::tool {
namespace {

cl::OptionCategory DbraceCategory("dbrace options");

// Input: the same spelling as clang-tidy, so muscle memory and scripts carry
// over.
cl::list<std::string> SourcePaths(cl::Positional, cl::desc("[<file>...]"),
                                  cl::ZeroOrMore, cl::cat(DbraceCategory));
cl::opt<std::string> BuildPath(
    "p",
    cl::desc("Build directory with compile_commands.json; with no files, "
             "every file in it is checked"),
    cl::value_desc("build-dir"), cl::cat(DbraceCategory));
cl::list<std::string> ExtraArgs("extra-arg",
                                cl::desc("Append this to each compile command"),
                                cl::cat(DbraceCategory));
cl::list<std::string>
    ExtraArgsBefore("extra-arg-before",
                    cl::desc("Prepend this to each compile command"),
                    cl::cat(DbraceCategory));

// What to check.
cl::opt<std::string> Checks("checks",
                            cl::desc("Checks to run, as in clang-tidy "
                                     "(default: all dbrace-* checks)"),
                            cl::cat(DbraceCategory));
cl::opt<std::string> Config("config",
                            cl::desc("Configuration in YAML, as clang-tidy's "
                                     "--config"),
                            cl::cat(DbraceCategory));
cl::opt<std::string>
    HeaderFilter("header-filter",
                 cl::desc("Also report findings in headers matching this "
                          "regular expression, as clang-tidy's"),
                 cl::cat(DbraceCategory));
cl::list<std::string> Rules("rules",
                            cl::desc("A rules file of your own (repeatable)"),
                            cl::value_desc("file"), cl::cat(DbraceCategory));
cl::list<std::string>
    Schemas("schema",
            cl::desc("DDL of the database: a file or a folder of .sql files "
                     "(repeatable); its unique keys tell row identity"),
            cl::value_desc("file"), cl::cat(DbraceCategory));
cl::opt<bool> ListRules("list-rules",
                        cl::desc("Print every rules file in effect for the "
                                 "first file (or the current directory), "
                                 "with its origin, and exit"),
                        cl::cat(DbraceCategory));
cl::opt<bool> ListChecks("list-checks",
                         cl::desc("Print each check's name and summary, and "
                                  "exit"),
                         cl::cat(DbraceCategory));
cl::opt<bool> DumpConfig(
    "dump-config",
    cl::desc("Print the configuration in effect for the first file (or the "
             "current directory), with every check option, and exit"),
    cl::cat(DbraceCategory));

// Fixes.
cl::opt<bool> Fix("fix", cl::desc("Apply the suggested fixes"),
                  cl::cat(DbraceCategory));
cl::opt<std::string> ExportFixes(
    "export-fixes",
    cl::desc("Write the suggested fixes to this YAML file, as clang-tidy does"),
    cl::value_desc("file"), cl::cat(DbraceCategory));

// Output.
cl::opt<OutputFormat> Format(
    "format", cl::desc("How findings are printed"),
    cl::values(clEnumValN(OutputFormat::Text, "text",
                          "clang-tidy's usual diagnostics (default)"),
               clEnumValN(OutputFormat::Json, "json",
                          "one JSON object per finding"),
               clEnumValN(OutputFormat::Sarif, "sarif",
                          "SARIF 2.1.0 with code flows, for code scanning"),
               clEnumValN(OutputFormat::Html, "html",
                          "a static HTML report in the folder --output "
                          "names")),
    cl::init(OutputFormat::Text), cl::cat(DbraceCategory));
cl::opt<bool> Timeline(
    "timeline",
    cl::desc("Show each finding as the two requests that collide: after it "
             "in the text output, as data in JSON"),
    cl::cat(DbraceCategory));
cl::opt<std::string> Output("output",
                            cl::desc("Write JSON or SARIF to this file "
                                     "instead of stdout (HTML: to this "
                                     "folder)"),
                            cl::value_desc("file"), cl::cat(DbraceCategory));
cl::alias OutputShort("o", cl::desc("Alias for --output"), cl::aliasopt(Output),
                      cl::NotHidden);
cl::opt<std::string> SourceRoot(
    "source-root",
    cl::desc("Paths in JSON, SARIF and baselines are relative to this "
             "directory (default: the current directory)"),
    cl::value_desc("dir"), cl::cat(DbraceCategory));
cl::opt<std::string> DocsUrl(
    "docs-url",
    cl::desc("Base of the check pages that SARIF rules link to "
             "(<url><check>.md; default: the pages installed beside dbrace)"),
    cl::init(DBRACE_DOCS_URL), cl::value_desc("url"), cl::cat(DbraceCategory));

// Baselines.
cl::opt<std::string>
    Baseline("baseline",
             cl::desc("Do not report the findings recorded in this file"),
             cl::value_desc("file"), cl::cat(DbraceCategory));
cl::opt<std::string> WriteBaseline(
    "write-baseline",
    cl::desc("Record the current findings in this file and exit 0"),
    cl::value_desc("file"), cl::cat(DbraceCategory));

// Only what changed.
cl::opt<std::string>
    Diff("diff",
         cl::desc("Analyse only the files the change since this git revision "
                  "touches, and report only findings on its changed lines; '-' "
                  "reads a unified diff from stdin"),
         cl::value_desc("git-ref|-"), cl::cat(DbraceCategory));

// Running.
cl::opt<std::string> Shard(
    "shard",
    cl::desc("Analyse only the K-th of N parts of the files (sorted by path "
             "relative to --source-root), for CI matrices; join the reports "
             "with `dbrace merge`"),
    cl::value_desc("K/N"), cl::cat(DbraceCategory));
cl::opt<unsigned> Jobs("j",
                       cl::desc("Files analysed at once (default: one per "
                                "core)"),
                       cl::value_desc("N"), cl::init(0), cl::Prefix,
                       cl::cat(DbraceCategory));
cl::opt<bool> Progress("progress",
                       cl::desc("Print [done/total] file to stderr even when "
                                "it is not a terminal"),
                       cl::cat(DbraceCategory));
cl::opt<bool> Quiet("quiet", cl::desc("Print no statistics"),
                    cl::cat(DbraceCategory));
cl::opt<std::string> CacheDir(
    "cache-dir",
    cl::desc("Keep each file's results here, keyed by its sources, flags, "
             "configuration and dbrace's build (default: "
             "$XDG_CACHE_HOME/dbrace, else ~/.cache/dbrace)"),
    cl::value_desc("dir"), cl::cat(DbraceCategory));
cl::opt<bool> NoCache("no-cache",
                      cl::desc("Analyse every file afresh; read and write no "
                               "cache"),
                      cl::cat(DbraceCategory));
cl::opt<bool> Stats("cache-stats",
                    cl::desc("Print how many files the cache answered on "
                             "stderr"),
                    cl::cat(DbraceCategory));

// Whole-program analysis (docs/whole-program.md).
cl::opt<bool> SingleTu(
    "single-tu",
    cl::desc("Analyse each file on its own: no summaries of the functions "
             "other files define (whole-program mode is the default over a "
             "compilation database of more than one file)"),
    cl::cat(DbraceCategory));
cl::opt<std::string> Summaries(
    "summaries",
    cl::desc("Write the merged summaries of the project's functions to FILE, "
             "as a rules file (give it to the plugin as SummaryFiles); with "
             "--read-summaries, read them from FILE instead of computing them"),
    cl::value_desc("FILE"), cl::cat(DbraceCategory));
cl::opt<bool> ReadSummaries(
    "read-summaries",
    cl::desc("Analyse in one pass with the summaries in --summaries=FILE, as "
             "the plugin does with SummaryFiles"),
    cl::cat(DbraceCategory));

// Debugging rules files.
cl::opt<std::string> Explain(
    "explain", cl::ValueOptional,
    cl::desc("Explain the analysis of the one file given, FILE or FILE:LINE "
             "(the function containing LINE): the calls recognised and their "
             "rules, their SQL, the transaction state and each read/write "
             "pair considered; --explain=json prints it as JSON"),
    cl::value_desc("text|json"), cl::cat(DbraceCategory));

const char Overview[] =
    "dbrace finds read-check-write races in C++ database code.\n\n"
    "  dbrace [options] <files...> -- <compiler args>\n"
    "  dbrace -p <build-dir> [files...]\n"
    "  dbrace --explain[=json] <file>[:<line>] [-- <compiler args>]\n"
    "  dbrace explain-sql [--dialect=postgresql|sqlite|mysql] 'SQL'\n"
    "  dbrace merge <report>... [-o <file>] [--source-root=<dir>]\n\n"
    "Exit status: 0 clean, 1 findings, 2 usage, configuration or input "
    "errors.\n";

/// `--explain[=json] FILE[:LINE]` into Opts.Explain; false, with the
/// reason on \p Errs, on a usage error.
bool parseExplain(DriverOptions &Opts, llvm::raw_ostream &Errs) {
  if (Explain != "" && Explain != "text" && Explain != "json") {
    Errs << "dbrace: error: --explain=" << Explain
         << ": expected 'text' or 'json'\n";
    return false;
  }
  if (Opts.Files.size() != 1) {
    Errs << "dbrace: error: --explain takes one file, as FILE or FILE:LINE\n";
    return false;
  }
  if (Opts.Fix || !Opts.WriteBaseline.empty() ||
      Opts.Format != OutputFormat::Text) {
    Errs << "dbrace: error: --explain cannot be combined with --fix, "
            "--write-baseline or --format\n";
    return false;
  }
  ExplainRequest Request;
  Request.Json = Explain == "json";
  Request.File = Opts.Files.front();
  auto [Path, LineText] = llvm::StringRef(Request.File).rsplit(':');
  if (!LineText.empty() && !llvm::sys::fs::exists(Request.File)) {
    if (LineText.getAsInteger(10, Request.Line) || Request.Line == 0) {
      Errs << "dbrace: error: --explain " << Request.File
           << ": expected FILE or FILE:LINE with LINE a number from 1\n";
      return false;
    }
    Request.File = Path.str();
  }
  Opts.Files = {Request.File};
  Opts.Explain = std::move(Request);
  return true;
}

/// How the run goes: which files (a shard), how many at once, whole
/// program or not, and the cache.
bool readRunOptions(DriverOptions &Opts, llvm::raw_ostream &Errs) {
  if (Shard.getNumOccurrences()) {
    Opts.Shard = parseShard(Shard);
    if (!Opts.Shard) {
      Errs << "dbrace: error: --shard=" << Shard
           << ": expected K/N with 1 <= K <= N\n";
      return false;
    }
  }
  Opts.Diff = Diff;
  Opts.Jobs = Jobs;
  Opts.Progress = Progress;
  Opts.Quiet = Quiet;
  Opts.SingleTu = SingleTu;
  Opts.Summaries = Summaries;
  Opts.ReadSummaries = ReadSummaries;
  if (Opts.ReadSummaries && Opts.Summaries.empty()) {
    Errs << "dbrace: error: --read-summaries needs --summaries=FILE\n";
    return false;
  }
  Opts.CacheDir = CacheDir;
  Opts.NoCache = NoCache;
  Opts.Stats = Stats;
  return true;
}

} // namespace

std::optional<DriverOptions> parseDriverOptions(int Argc, const char **Argv,
                                                llvm::raw_ostream &Errs) {
  // Everything after `--` is the compile command; cl must not see it.
  std::string FixedError;
  auto Fixed = clang::tooling::FixedCompilationDatabase::loadFromCommandLine(
      Argc, Argv, FixedError);
  if (!FixedError.empty()) {
    Errs << "dbrace: error: " << FixedError << "\n";
    return std::nullopt;
  }

  cl::HideUnrelatedOptions(DbraceCategory);
  cl::SetVersionPrinter([](llvm::raw_ostream &OS) {
    OS << "dbrace " << DBRACE_VERSION << " (LLVM " << LLVM_VERSION_STRING
       << ")\n";
  });
  std::string Message;
  llvm::raw_string_ostream MessageStream(Message);
  if (!cl::ParseCommandLineOptions(Argc, Argv, Overview, &MessageStream)) {
    // cl's message already starts with the program's name.
    Errs << llvm::StringRef(Message).trim() << "\n";
    return std::nullopt;
  }

  DriverOptions Opts;
  Opts.Files.assign(SourcePaths.begin(), SourcePaths.end());
  Opts.BuildPath = BuildPath;
  Opts.FixedCompilations = std::move(Fixed);
  Opts.ExtraArgs.assign(ExtraArgs.begin(), ExtraArgs.end());
  Opts.ExtraArgsBefore.assign(ExtraArgsBefore.begin(), ExtraArgsBefore.end());
  Opts.Checks = Checks;
  Opts.Config = Config;
  Opts.HeaderFilter = HeaderFilter;
  Opts.Rules.assign(Rules.begin(), Rules.end());
  Opts.Schemas.assign(Schemas.begin(), Schemas.end());
  Opts.ListRules = ListRules;
  Opts.ListChecks = ListChecks;
  Opts.DumpConfig = DumpConfig;
  Opts.Fix = Fix;
  Opts.ExportFixes = ExportFixes;
  Opts.Format = Format;
  Opts.Output = Output;
  Opts.Timeline = Timeline;
  Opts.DocsUrl = DocsUrl;
  Opts.Baseline = Baseline;
  Opts.WriteBaseline = WriteBaseline;
  if (!readRunOptions(Opts, Errs))
    return std::nullopt;

  llvm::SmallString<256> Root(SourceRoot.empty() ? "." : SourceRoot.getValue());
  if (std::error_code EC = llvm::sys::fs::make_absolute(Root)) {
    Errs << "dbrace: error: bad --source-root: " << EC.message() << "\n";
    return std::nullopt;
  }
  llvm::sys::path::remove_dots(Root, /*remove_dot_dot=*/true);
  Opts.SourceRoot = std::string(Root);

  if (Explain.getNumOccurrences() && !parseExplain(Opts, Errs))
    return std::nullopt;
  if (!Opts.Output.empty() && Opts.Format == OutputFormat::Text) {
    Errs << "dbrace: error: --output needs --format=json or --format=sarif; "
            "text goes to stdout\n";
    return std::nullopt;
  }
  if (Opts.Output.empty() && Opts.Format == OutputFormat::Html) {
    Errs << "dbrace: error: --format=html needs --output=DIR, the folder "
            "the report is written to\n";
    return std::nullopt;
  }
  if (Opts.FixedCompilations && !Opts.BuildPath.empty()) {
    Errs << "dbrace: error: give either -p <build-dir> or compiler arguments "
            "after --, not both\n";
    return std::nullopt;
  }
  return Opts;
}

} // namespace dbrace::tool
