//===--- CompilationSetup.cpp - Which files, compiled how -----------------===//

#include "CompilationSetup.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/CommonOptionsParser.h"
#include "clang/Tooling/JSONCompilationDatabase.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

using namespace clang::tooling;

namespace dbrace::tool {
namespace {

std::string absolute(llvm::StringRef Path) {
  llvm::SmallString<256> P(Path);
  llvm::sys::fs::make_absolute(P);
  llvm::sys::path::remove_dots(P, /*remove_dot_dot=*/true);
  return std::string(P);
}

std::string quoted(llvm::StringRef S) { return "'" + S.str() + "'"; }

/// Why \p Json cannot be a compilation database, as clang would only say
/// "could not auto-detect" and hide it: empty, not JSON (with the place),
/// or not the list of commands clang expects.
DriverError whyNotLoaded(llvm::StringRef Dir, llvm::StringRef Json) {
  DriverError E = DriverError::configuration(
      "cannot load a compilation database from " + quoted(Dir) + ": ");
  auto Buffer = llvm::MemoryBuffer::getFile(Json, /*IsText=*/true);
  if (!Buffer) {
    E.Message +=
        "cannot read compile_commands.json: " + Buffer.getError().message();
    return E;
  }
  llvm::StringRef Text = (*Buffer)->getBuffer();
  if (Text.trim().empty()) {
    E.Message += "compile_commands.json is empty";
    return E;
  }
  if (llvm::Expected<llvm::json::Value> Parsed = llvm::json::parse(Text)) {
    (void)Parsed;
  } else {
    // llvm::json reports "[line:column, byte=offset]: message"; the column
    // counts from 0 but is taken after the offending character was read,
    // so it is that character's 1-based column.
    std::string Why = llvm::toString(Parsed.takeError());
    llvm::StringRef Rest(Why);
    unsigned Line, Column;
    if (Rest.consume_front("[") && !Rest.consumeInteger(10, Line) &&
        Rest.consume_front(":") && !Rest.consumeInteger(10, Column)) {
      size_t Colon = Rest.find("]: ");
      return {DriverError::Configuration, Json.str(), Line, Column,
              Colon == llvm::StringRef::npos
                  ? Why
                  : Rest.drop_front(Colon + 3).str()};
    }
    E.Message += Why;
    return E;
  }
  std::string Why;
  if (JSONCompilationDatabase::loadFromFile(Json, Why,
                                            JSONCommandLineSyntax::AutoDetect))
    Why = "clang cannot use it";
  E.Message += llvm::StringRef(Why).trim().str();
  return E;
}

std::unique_ptr<CompilationDatabase>
findDatabase(DriverOptions &Opts, std::vector<DriverError> &Errors) {
  if (Opts.FixedCompilations)
    return std::move(Opts.FixedCompilations);
  std::string Why;
  if (!Opts.BuildPath.empty()) {
    // clang would also search the parent directories; in CI a stale
    // database above a missing build directory must not stand in for it.
    llvm::SmallString<256> Json(Opts.BuildPath), Flags(Opts.BuildPath);
    llvm::sys::path::append(Json, "compile_commands.json");
    llvm::sys::path::append(Flags, "compile_flags.txt");
    if (!llvm::sys::fs::exists(Json) && !llvm::sys::fs::exists(Flags)) {
      Errors.push_back(DriverError::configuration(
          "cannot load a compilation database from " + quoted(Opts.BuildPath) +
          ": it has no compile_commands.json"));
      return nullptr;
    }
    // Not autoDetectFromDirectory: it too goes up to the parents when the
    // database here does not load.
    if (auto DB = CompilationDatabase::loadFromDirectory(Opts.BuildPath, Why))
      return DB;
    if (llvm::sys::fs::exists(Json)) {
      Errors.push_back(whyNotLoaded(Opts.BuildPath, Json));
      return nullptr;
    }
    // The first line says it; the rest lists every loader that was tried.
    Errors.push_back(DriverError::configuration(
        "cannot load a compilation database from " + quoted(Opts.BuildPath) +
        ": " + llvm::StringRef(Why).split('\n').first.trim().str()));
    return nullptr;
  }
  if (Opts.Files.empty()) {
    Errors.push_back(DriverError::configuration(
        "no input files; give files, or -p <build-dir> to check every file "
        "of its compile_commands.json"));
    return nullptr;
  }
  if (auto DB =
          CompilationDatabase::autoDetectFromSource(Opts.Files.front(), Why))
    return DB;
  Errors.push_back(DriverError::configuration(
      "no compilation database found for " + quoted(Opts.Files.front()) +
      "; pass -p <build-dir>, or the compiler arguments after --"));
  return nullptr;
}

/// A source file is a regular file that exists; anything else would reach
/// clang as "expected exactly one compiler job in ''".
std::optional<DriverError> notASourceFile(const std::string &File) {
  llvm::sys::fs::file_status Status;
  if (llvm::sys::fs::status(File, Status) ||
      Status.type() == llvm::sys::fs::file_type::file_not_found)
    return DriverError::input("no such file: " + quoted(File));
  if (Status.type() == llvm::sys::fs::file_type::directory_file)
    return DriverError::input(quoted(File) +
                              " is a directory, not a source file");
  if (Status.type() != llvm::sys::fs::file_type::regular_file)
    return DriverError::input(quoted(File) + " is not a regular file");
  return std::nullopt;
}

std::string databaseName(const DriverOptions &Opts) {
  if (Opts.BuildPath.empty())
    return "the compilation database";
  llvm::SmallString<256> Json(absolute(Opts.BuildPath));
  llvm::sys::path::append(Json, "compile_commands.json");
  return quoted(Json);
}

bool isCHeader(llvm::StringRef File) {
  return llvm::sys::path::extension(File) == ".h";
}

bool saysCxx(const CommandLineArguments &Args) {
  if (!Args.empty() && llvm::StringRef(Args.front()).ends_with("++"))
    return true; // clang++, g++, c++: headers are C++ headers.
  for (size_t I = 1; I < Args.size(); ++I) {
    llvm::StringRef A = Args[I];
    llvm::StringRef Std;
    if (A.consume_front("-std=") || A.consume_front("--std="))
      Std = A;
    else if ((A == "-std" || A == "--std") && I + 1 < Args.size())
      Std = Args[I + 1];
    if (Std.starts_with("c++") || Std.starts_with("gnu++"))
      return true;
  }
  return false;
}

bool choosesLanguage(const CommandLineArguments &Args) {
  return llvm::any_of(Args, [](llvm::StringRef A) {
    return A == "-x" || (A.starts_with("-x") && A.size() > 2) ||
           A.starts_with("--language");
  });
}

/// clang takes `.h` for a C header, whatever -std says; a C++ standard says
/// the project is C++, as clang-tidy users pass `-x c++` for.
ArgumentsAdjuster headersAsCxx() {
  return [](const CommandLineArguments &Args, llvm::StringRef File) {
    if (!isCHeader(File) || Args.empty() || choosesLanguage(Args) ||
        !saysCxx(Args) || llvm::StringRef(Args.front()).ends_with("++"))
      return Args;
    CommandLineArguments Adjusted(Args.begin(), Args.begin() + 1);
    Adjusted.push_back("-xc++-header");
    Adjusted.insert(Adjusted.end(), Args.begin() + 1, Args.end());
    return Adjusted;
  };
}

} // namespace

CompilationSetup loadCompilations(DriverOptions &Opts,
                                  std::vector<DriverError> &Errors) {
  CompilationSetup Setup;
  std::unique_ptr<CompilationDatabase> DB = findDatabase(Opts, Errors);
  if (!DB)
    return Setup;

  std::vector<std::string> Files = Opts.Files;
  if (Files.empty())
    Files = DB->getAllFiles();
  for (std::string &F : Files)
    F = absolute(F);
  llvm::sort(Files);
  Files.erase(std::unique(Files.begin(), Files.end()), Files.end());
  if (Files.empty()) {
    Errors.push_back(DriverError::configuration("the compilation database in " +
                                                quoted(Opts.BuildPath) +
                                                " lists no files"));
    return Setup;
  }

  size_t Before = Errors.size();
  for (const std::string &F : Files) {
    if (std::optional<DriverError> E = notASourceFile(F))
      Errors.push_back(std::move(*E));
    else if (DB->getCompileCommands(F).empty())
      // clang-tidy would say "Skipping ..." and exit 0.
      Errors.push_back(DriverError::input(
          "no compile command for " + quoted(F) + " in " + databaseName(Opts) +
          ", and none can be inferred from the files it lists"));
  }
  if (Errors.size() != Before)
    return Setup;

  auto Adjusting =
      std::make_unique<ArgumentsAdjustingCompilations>(std::move(DB));
  Adjusting->appendArgumentsAdjuster(getInsertArgumentAdjuster(
      Opts.ExtraArgsBefore, ArgumentInsertPosition::BEGIN));
  Adjusting->appendArgumentsAdjuster(
      getInsertArgumentAdjuster(Opts.ExtraArgs, ArgumentInsertPosition::END));
  Adjusting->appendArgumentsAdjuster(headersAsCxx());
  Setup.Compilations = std::move(Adjusting);
  Setup.Files = std::move(Files);
  return Setup;
}

std::optional<std::string>
headerLanguageHint(const CompilationDatabase &Compilations,
                   llvm::StringRef File) {
  if (!isCHeader(File))
    return std::nullopt;
  for (const CompileCommand &C : Compilations.getCompileCommands(File))
    if (!choosesLanguage(C.CommandLine) && !saysCxx(C.CommandLine))
      return "'" + File.str() +
             "' was compiled as C; to analyse it as C++ pass -std=c++17 (or "
             "another C++ standard) or -x c++ after --, or "
             "--extra-arg=-std=c++17 with -p";
  return std::nullopt;
}

} // namespace dbrace::tool
