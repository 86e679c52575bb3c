//===--- CompilationSetup.cpp - Which files, compiled how -----------------===//

#include "CompilationSetup.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/CommonOptionsParser.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
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

std::unique_ptr<CompilationDatabase> findDatabase(DriverOptions &Opts,
                                                  std::string &Error) {
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
      Error = "cannot load a compilation database from '" + Opts.BuildPath +
              "': it has no compile_commands.json";
      return nullptr;
    }
    if (auto DB = CompilationDatabase::autoDetectFromDirectory(Opts.BuildPath,
                                                               Why))
      return DB;
    // The first line says it; the rest lists every loader that was tried.
    Error = "cannot load a compilation database from '" + Opts.BuildPath +
            "': " + llvm::StringRef(Why).split('\n').first.trim().str();
    return nullptr;
  }
  if (Opts.Files.empty()) {
    Error = "no input files; give files, or -p <build-dir> to check every "
            "file of its compile_commands.json";
    return nullptr;
  }
  if (auto DB = CompilationDatabase::autoDetectFromSource(Opts.Files.front(),
                                                          Why))
    return DB;
  Error = "no compilation database found for '" + Opts.Files.front() +
          "'; pass -p <build-dir>, or the compiler arguments after --";
  return nullptr;
}

} // namespace

CompilationSetup loadCompilations(DriverOptions &Opts, std::string &Error) {
  CompilationSetup Setup;
  std::unique_ptr<CompilationDatabase> DB = findDatabase(Opts, Error);
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
    Error = "the compilation database in '" + Opts.BuildPath +
            "' lists no files";
    return Setup;
  }

  auto Adjusting = std::make_unique<ArgumentsAdjustingCompilations>(std::move(DB));
  Adjusting->appendArgumentsAdjuster(
      getInsertArgumentAdjuster(Opts.ExtraArgsBefore, ArgumentInsertPosition::BEGIN));
  Adjusting->appendArgumentsAdjuster(
      getInsertArgumentAdjuster(Opts.ExtraArgs, ArgumentInsertPosition::END));
  Setup.Compilations = std::move(Adjusting);
  Setup.Files = std::move(Files);
  return Setup;
}

} // namespace dbrace::tool
