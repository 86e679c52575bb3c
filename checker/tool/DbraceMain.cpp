//===--- DbraceMain.cpp - The dbrace driver -------------------------------===//
//
// A standalone front end built on clang-tidy's own engine with only the
// dbrace module linked in, so `.clang-tidy`, NOLINT, fix application and
// `--export-fixes` behave exactly as in clang-tidy. It adds the exit status
// CI needs: 0 clean, 1 findings, 2 usage, configuration or input errors.
//
//===----------------------------------------------------------------------===//

#include "AnalysisCache.h"
#include "sql/ExplainSql.h"
#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "clang/Tooling/CommonOptionsParser.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

using namespace clang;
using namespace clang::tidy;
namespace cl = llvm::cl;

extern volatile int DbraceModuleAnchorSource;
[[maybe_unused]] static int DbraceModuleAnchorDestination =
    DbraceModuleAnchorSource;

namespace {

cl::OptionCategory DbraceCategory("dbrace options");

cl::opt<std::string> Checks("checks",
                            cl::desc("Checks to run, as in clang-tidy "
                                     "(default: all dbrace-* checks)"),
                            cl::init(""), cl::cat(DbraceCategory));
cl::opt<bool> Fix("fix", cl::desc("Apply the suggested fixes"),
                  cl::cat(DbraceCategory));
cl::opt<std::string> ExportFixes(
    "export-fixes",
    cl::desc("Write the suggested fixes to this YAML file, as clang-tidy does"),
    cl::value_desc("filename"), cl::cat(DbraceCategory));
cl::list<std::string> Rules("rules",
                            cl::desc("A rules file of your own (repeatable)"),
                            cl::value_desc("file"), cl::cat(DbraceCategory));
cl::opt<bool> ListRules("list-rules",
                        cl::desc("Print the rules files loaded and exit"),
                        cl::cat(DbraceCategory));
cl::opt<std::string> Config("config",
                            cl::desc("Configuration in YAML, as clang-tidy's "
                                     "--config"),
                            cl::init(""), cl::cat(DbraceCategory));
cl::opt<bool> Quiet("quiet", cl::desc("Print no statistics"),
                    cl::cat(DbraceCategory));

const char Overview[] =
    "dbrace finds read-check-write races in C++ database code.\n\n"
    "  dbrace [options] <files...> [-- <compiler args>]\n"
    "  dbrace -p <build-dir> [files...]\n"
    "  dbrace explain-sql [--dialect=postgresql|sqlite|mysql] 'SQL'\n";

int listRules() {
  ::dbrace::ApiModel Model;
  std::string Error;
  if (!::dbrace::loadModel(std::vector<std::string>(Rules.begin(), Rules.end()),
                           Model, Error)) {
    llvm::errs() << Error << "\n";
    return 2;
  }
  for (const ::dbrace::LibraryRules &L : Model.libraries())
    llvm::outs() << L.Library << "\t" << ::dbrace::sql::dialectName(L.Dialect)
                 << "\t" << L.Calls.size() << " calls, " << L.Types.size()
                 << " types\t" << L.SourcePath << "\n";
  return 0;
}

} // namespace

int main(int argc, const char **argv) {
  llvm::InitLLVM Init(argc, argv);
  if (argc >= 2 && llvm::StringRef(argv[1]) == "explain-sql") {
    std::vector<llvm::StringRef> Args(argv + 2, argv + argc);
    return ::dbrace::sql::explainSqlMain(Args, llvm::outs(), llvm::errs());
  }

  // Without files, --list-rules needs no compilation database.
  for (int I = 1; I < argc; ++I)
    if (llvm::StringRef(argv[I]) == "--list-rules") {
      cl::HideUnrelatedOptions(DbraceCategory);
      cl::ParseCommandLineOptions(argc, argv, Overview);
      return listRules();
    }

  auto Parser = tooling::CommonOptionsParser::create(argc, argv, DbraceCategory,
                                                     cl::OneOrMore, Overview);
  if (!Parser) {
    llvm::errs() << "dbrace: error: " << llvm::toString(Parser.takeError())
                 << "\n";
    return 2;
  }

  // Rules errors are configuration errors: report them once, up front.
  {
    ::dbrace::ModelOptions ModelOpts;
    ModelOpts.RulesFiles.assign(Rules.begin(), Rules.end());
    std::string Error;
    if (!::dbrace::sharedModel(ModelOpts, Error)) {
      llvm::errs() << Error << "\n";
      return 2;
    }
  }

  ClangTidyGlobalOptions GlobalOptions;
  ClangTidyOptions DefaultOptions = ClangTidyOptions::getDefaults();
  DefaultOptions.Checks = "-*,dbrace-*";
  ClangTidyOptions OverrideOptions;
  if (!Checks.empty())
    OverrideOptions.Checks = Checks;
  if (!Rules.empty())
    OverrideOptions.CheckOptions["RulesFiles"] =
        ClangTidyOptions::ClangTidyValue(llvm::join(Rules, ";"));
  if (!Config.empty()) {
    auto Parsed = parseConfiguration(llvm::MemoryBufferRef(Config, "--config"));
    if (!Parsed) {
      llvm::errs() << "dbrace: error: invalid --config: "
                   << Parsed.getError().message() << "\n";
      return 2;
    }
    OverrideOptions = OverrideOptions.merge(*Parsed, 0);
  }

  auto BaseFS = llvm::makeIntrusiveRefCnt<llvm::vfs::OverlayFileSystem>(
      llvm::vfs::getRealFileSystem());
  ClangTidyContext Context(std::make_unique<FileOptionsProvider>(
      GlobalOptions, DefaultOptions, OverrideOptions, BaseFS));

  std::vector<ClangTidyError> Errors =
      runClangTidy(Context, Parser->getCompilations(),
                   Parser->getSourcePathList(), BaseFS, Fix);

  unsigned Findings = 0, InputErrors = 0;
  for (const ClangTidyError &E : Errors) {
    if (llvm::StringRef(E.DiagnosticName).starts_with("dbrace-"))
      ++Findings;
    else if (E.DiagLevel == ClangTidyError::Error)
      ++InputErrors;
  }

  unsigned WarningsAsErrors = 0;
  handleErrors(Errors, Context, Fix ? FB_Fix : FB_NoFix, WarningsAsErrors,
               BaseFS);

  if (!ExportFixes.empty()) {
    std::error_code EC;
    llvm::raw_fd_ostream OS(ExportFixes, EC, llvm::sys::fs::OF_None);
    if (EC) {
      llvm::errs() << "dbrace: error: cannot write '" << ExportFixes
                   << "': " << EC.message() << "\n";
      return 2;
    }
    exportReplacements(Parser->getSourcePathList().front(), Errors, OS);
  }

  if (!Quiet && Findings)
    llvm::errs() << Findings << " dbrace finding" << (Findings == 1 ? "" : "s")
                 << ".\n";
  if (InputErrors)
    return 2;
  // Once fixed, the findings are gone; a second run shows what remains.
  return Findings ? 1 : 0;
}
