//===--- ChangedLines.cpp - What `--diff` lets through --------------------===//

#include "ChangedLines.h"
#include "Baseline.h"
#include "clang/Tooling/DependencyScanning/DependencyScanningService.h"
#include "clang/Tooling/DependencyScanning/DependencyScanningTool.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FileUtilities.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include <optional>

using clang::tidy::ClangTidyError;

namespace dbrace::tool {
namespace {

llvm::Error failure(const llvm::Twine &Why) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), Why);
}

struct GitOutput {
  int Status = -1;
  std::string Out, Err; ///< Err: its first line, which says what went wrong.
};

llvm::Expected<GitOutput> runGit(llvm::ArrayRef<llvm::StringRef> Args) {
  llvm::ErrorOr<std::string> Git = llvm::sys::findProgramByName("git");
  if (!Git)
    return failure("git is not on PATH");
  llvm::SmallString<128> OutPath, ErrPath;
  if (std::error_code EC =
          llvm::sys::fs::createTemporaryFile("dbrace-git", "out", OutPath))
    return failure("cannot create a temporary file: " + EC.message());
  llvm::FileRemover RemoveOut(OutPath);
  if (std::error_code EC =
          llvm::sys::fs::createTemporaryFile("dbrace-git", "err", ErrPath))
    return failure("cannot create a temporary file: " + EC.message());
  llvm::FileRemover RemoveErr(ErrPath);

  std::vector<llvm::StringRef> Argv = {*Git};
  Argv.insert(Argv.end(), Args.begin(), Args.end());
  std::optional<llvm::StringRef> Redirects[] = {
      llvm::StringRef(""), llvm::StringRef(OutPath), llvm::StringRef(ErrPath)};
  std::string ExecError;
  GitOutput Result;
  Result.Status = llvm::sys::ExecuteAndWait(*Git, Argv, std::nullopt, Redirects,
                                            0, 0, &ExecError);
  if (Result.Status < 0)
    return failure("cannot run git: " + ExecError);
  if (auto Out = llvm::MemoryBuffer::getFile(OutPath))
    Result.Out = (*Out)->getBuffer().str();
  if (auto Err = llvm::MemoryBuffer::getFile(ErrPath))
    Result.Err = (*Err)->getBuffer().split('\n').first.trim().str();
  return Result;
}

/// The top of the git work tree holding the working directory.
llvm::Expected<std::string> gitTopLevel() {
  llvm::Expected<GitOutput> Top = runGit({"rev-parse", "--show-toplevel"});
  if (!Top)
    return Top.takeError();
  if (Top->Status != 0)
    return failure(Top->Err);
  return llvm::StringRef(Top->Out).trim().str();
}

bool isHeader(llvm::StringRef Path) {
  std::string Ext = llvm::sys::path::extension(Path).lower();
  return llvm::is_contained({".h", ".hh", ".hpp", ".hxx", ".h++", ".inc",
                             ".inl", ".ipp", ".tpp", ".tcc", ".def", ".cuh"},
                            Ext);
}

} // namespace

llvm::Expected<ChangedLines> ChangedLines::load(llvm::StringRef Ref) {
  std::string Text, Name, Root;
  if (Ref == "-") {
    auto Stdin = llvm::MemoryBuffer::getSTDIN();
    if (!Stdin)
      return failure("--diff=-: cannot read stdin: " +
                     Stdin.getError().message());
    Text = (*Stdin)->getBuffer().str();
    Name = "<stdin>";
    // git names files from the top of the work tree; a plain diff, from
    // where it was made, presumably here.
    if (llvm::Expected<std::string> Top = gitTopLevel())
      Root = *Top;
    else
      llvm::consumeError(Top.takeError());
  } else {
    llvm::Expected<std::string> Top = gitTopLevel();
    if (!Top)
      return failure("--diff=" + Ref + " needs a git repository: " +
                     llvm::toString(Top.takeError()));
    Root = *Top;
    // Fixed prefixes and no external diff, whatever the user's git config.
    llvm::Expected<GitOutput> Diff =
        runGit({"diff", "-U0", "--no-color", "--no-ext-diff", "--no-textconv",
                "--src-prefix=a/", "--dst-prefix=b/", Ref, "--"});
    if (!Diff)
      return failure("--diff=" + Ref + ": " + llvm::toString(Diff.takeError()));
    if (Diff->Status != 0)
      return failure("--diff=" + Ref + ": git diff failed: " + Diff->Err);
    Text = std::move(Diff->Out);
    Name = ("git diff " + Ref).str();
  }
  if (Root.empty()) {
    llvm::SmallString<256> Here;
    llvm::sys::fs::current_path(Here);
    Root = std::string(Here);
  }

  llvm::Expected<std::vector<FileChange>> Files = parseUnifiedDiff(Text, Name);
  if (!Files)
    return Files.takeError();
  ChangedLines Changed;
  for (const FileChange &F : *Files) {
    // A deleted file or a pure rename adds no line a finding could be on.
    if (F.Deleted || F.Lines.empty())
      continue;
    llvm::SmallString<256> Path(Root);
    llvm::sys::path::append(Path, F.NewPath);
    std::vector<LineRange> &Ranges = Changed.Lines[Changed.canonical(Path)];
    Ranges.insert(Ranges.end(), F.Lines.begin(), F.Lines.end());
  }
  return llvm::Expected<ChangedLines>(std::move(Changed));
}

const std::string &ChangedLines::canonical(llvm::StringRef Path) {
  auto It = Canonical.find(Path);
  if (It != Canonical.end())
    return It->second;
  llvm::SmallString<256> Real;
  if (llvm::sys::fs::real_path(Path, Real)) {
    // A file that is gone: compare it as spelled.
    Real = Path;
    llvm::sys::fs::make_absolute(Real);
    llvm::sys::path::remove_dots(Real, /*remove_dot_dot=*/true);
  }
  return Canonical[Path] = std::string(Real);
}

/// The files a make-style dependency list names: `target: a.cpp b.h \`,
/// with `\ ` for a space in a name.
static std::vector<std::string> makeDependencies(llvm::StringRef Make) {
  std::vector<std::string> Deps;
  std::string Current;
  bool SawTarget = false;
  auto Flush = [&] {
    if (!Current.empty() && SawTarget)
      Deps.push_back(Current);
    Current.clear();
  };
  for (size_t I = 0; I < Make.size(); ++I) {
    char C = Make[I];
    if (C == '\\' && I + 1 < Make.size() && Make[I + 1] == ' ') {
      Current += ' ';
      ++I;
    } else if (C == '\\' && I + 1 < Make.size() && Make[I + 1] == '\n') {
      Flush();
      ++I;
    } else if (C == ' ' || C == '\n' || C == '\t') {
      Flush();
    } else if (C == ':' && !SawTarget &&
               (I + 1 == Make.size() || Make[I + 1] == ' ' ||
                Make[I + 1] == '\n')) {
      Current.clear();
      SawTarget = true;
    } else {
      Current += C;
    }
  }
  Flush();
  return Deps;
}

bool ChangedLines::includesAny(
    const std::string &File,
    const clang::tooling::CompilationDatabase &Compilations,
    const llvm::StringSet<> &Headers) {
  std::vector<clang::tooling::CompileCommand> Commands =
      Compilations.getCompileCommands(File);
  if (Commands.empty())
    return true;
  static clang::tooling::dependencies::DependencyScanningService Service(
      clang::tooling::dependencies::ScanningMode::DependencyDirectivesScan,
      clang::tooling::dependencies::ScanningOutputFormat::Make);
  clang::tooling::dependencies::DependencyScanningTool Tool(Service);
  for (const clang::tooling::CompileCommand &Command : Commands) {
    llvm::Expected<std::string> Make =
        Tool.getDependencyFile(Command.CommandLine, Command.Directory);
    if (!Make) {
      // Better analysed for nothing than a race missed.
      llvm::consumeError(Make.takeError());
      return true;
    }
    for (const std::string &Dep : makeDependencies(*Make)) {
      llvm::SmallString<256> Path(Dep);
      llvm::sys::fs::make_absolute(Command.Directory, Path);
      if (Headers.contains(canonical(Path)))
        return true;
    }
  }
  return false;
}

std::vector<std::string>
ChangedLines::select(const std::vector<std::string> &Files,
                     const clang::tooling::CompilationDatabase &Compilations) {
  llvm::StringSet<> Units, Headers;
  for (const std::string &F : Files)
    Units.insert(canonical(F));
  for (const auto &Changed : Lines)
    if (!Units.contains(Changed.first) && isHeader(Changed.first))
      Headers.insert(Changed.first);
  std::vector<std::string> Touched;
  for (const std::string &F : Files)
    if (Lines.count(canonical(F)) ||
        (!Headers.empty() && includesAny(F, Compilations, Headers)))
      Touched.push_back(F);
  return Touched;
}

bool ChangedLines::onChangedLine(llvm::StringRef File, unsigned Offset,
                                 SourcePositions &Sources) {
  auto It = Lines.find(canonical(File));
  if (It == Lines.end())
    return false;
  unsigned Line = Sources.position(File, Offset).Line;
  return llvm::any_of(It->second, [&](const LineRange &R) {
    return R.First <= Line && Line <= R.Last;
  });
}

unsigned ChangedLines::filter(std::vector<ClangTidyError> &Errors,
                              SourcePositions &Sources) {
  size_t Before = Errors.size();
  llvm::erase_if(Errors, [&](const ClangTidyError &E) {
    if (!isFinding(E))
      return false;
    if (onChangedLine(E.Message.FilePath, E.Message.FileOffset, Sources))
      return false;
    return llvm::none_of(
        E.Notes, [&](const clang::tooling::DiagnosticMessage &N) {
          return onChangedLine(N.FilePath, N.FileOffset, Sources);
        });
  });
  return Before - Errors.size();
}

} // namespace dbrace::tool
