//===--- RulesFilesConfig.cpp - Which rules files an option names ---------===//

#include "RulesFilesConfig.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"
#include <optional>

namespace clang::tidy::dbrace {
namespace {

constexpr llvm::StringLiteral OptionName = "RulesFiles";

std::string currentDirectory() {
  llvm::SmallString<256> Dir;
  if (llvm::sys::fs::current_path(Dir))
    return "";
  return std::string(Dir);
}

// Initialised when the plugin or the driver is loaded, before clang-tidy
// moves into the first compile command's directory.
const std::string LaunchDirectory = currentDirectory();

std::string absolute(llvm::StringRef Path, llvm::StringRef Base) {
  llvm::SmallString<256> Result(Path);
  if (!llvm::sys::path::is_absolute(Result)) {
    Result = Base;
    llvm::sys::path::append(Result, Path);
  }
  llvm::sys::path::remove_dots(Result, /*remove_dot_dot=*/true);
  return std::string(Result);
}

struct ConfigFile {
  std::string Path;
  ClangTidyOptions Options;
};

/// The `.clang-tidy` files clang-tidy merges for \p File, nearest first: as
/// clang-tidy does, an empty or unparsable file is passed over, and the
/// walk up ends at the first file that does not inherit its parent's.
std::vector<ConfigFile> configChain(llvm::StringRef File) {
  std::vector<ConfigFile> Chain;
  for (llvm::StringRef Dir = llvm::sys::path::parent_path(File); !Dir.empty();
       Dir = llvm::sys::path::parent_path(Dir)) {
    llvm::SmallString<256> Path(Dir);
    llvm::sys::path::append(Path, ".clang-tidy");
    if (!llvm::sys::fs::is_regular_file(Path))
      continue;
    auto Text = llvm::MemoryBuffer::getFile(Path, /*IsText=*/true);
    if (!Text || (*Text)->getBuffer().empty())
      continue;
    // clang-tidy has already reported a parse error; stay quiet.
    llvm::ErrorOr<ClangTidyOptions> Parsed = parseConfigurationWithDiags(
        (*Text)->getMemBufferRef(), [](const llvm::SMDiagnostic &) {});
    if (!Parsed)
      continue;
    bool Inherits = Parsed->InheritParentConfig.value_or(false);
    Chain.push_back({std::string(Path), std::move(*Parsed)});
    if (!Inherits)
      break;
  }
  return Chain;
}

/// The key getLocalOrGlobal reads: the check's own unless the global one
/// was set with a higher priority.
std::optional<std::string> chosenKey(llvm::StringRef CheckName,
                                     const ClangTidyOptions::OptionMap &Merged,
                                     llvm::StringRef OptionName) {
  auto Global = Merged.find(OptionName);
  if (CheckName.empty())
    return Global == Merged.end() ? std::nullopt
                                  : std::optional<std::string>(OptionName);
  std::string LocalKey = (CheckName + "." + OptionName).str();
  auto Local = Merged.find(LocalKey);
  if (Local == Merged.end())
    return Global == Merged.end() ? std::nullopt
                                  : std::optional<std::string>(OptionName);
  if (Global == Merged.end() ||
      Local->getValue().Priority >= Global->getValue().Priority)
    return LocalKey;
  return std::string(OptionName);
}

} // namespace

const std::string &launchDirectory() { return LaunchDirectory; }

std::vector<RulesFileEntry>
rulesFilesInEffect(llvm::StringRef CheckName,
                   const ClangTidyOptions::OptionMap &Merged,
                   llvm::StringRef File, llvm::StringRef BuildDirectory,
                   llvm::StringRef Option) {
  std::optional<std::string> Key = chosenKey(CheckName, Merged, Option);
  if (!Key)
    return {};
  llvm::StringRef Value = Merged.find(*Key)->getValue().Value;

  // The nearest `.clang-tidy` that sets the key set the merged value, unless
  // the command line overrode it with something else.
  std::string Origin;
  if (!File.empty()) {
    std::string AbsoluteFile =
        absolute(File, BuildDirectory.empty() ? llvm::StringRef(LaunchDirectory)
                                              : BuildDirectory);
    for (const ConfigFile &Config : configChain(AbsoluteFile)) {
      auto It = Config.Options.CheckOptions.find(*Key);
      if (It == Config.Options.CheckOptions.end())
        continue;
      if (It->getValue().Value == Value)
        Origin = Config.Path;
      break;
    }
  }
  llvm::StringRef Base = Origin.empty() ? llvm::StringRef(LaunchDirectory)
                                        : llvm::sys::path::parent_path(Origin);

  std::vector<RulesFileEntry> Entries;
  llvm::SmallVector<llvm::StringRef, 4> Parts;
  Value.split(Parts, ';', -1, /*KeepEmpty=*/false);
  for (llvm::StringRef Part : Parts) {
    Part = Part.trim();
    if (Part.empty())
      continue;
    Entries.push_back({Part.str(), absolute(Part, Base), *Key, Origin});
  }
  return Entries;
}

std::vector<RulesFileEntry>
allRulesFilesInEffect(const ClangTidyOptions::OptionMap &Merged,
                      llvm::StringRef File) {
  std::vector<std::string> Checks = {""};
  for (const auto &Option : Merged) {
    llvm::StringRef Key = Option.getKey();
    if (Key.starts_with("dbrace-") && Key.ends_with("." + OptionName.str()))
      Checks.push_back(Key.drop_back(OptionName.size() + 1).str());
  }
  llvm::sort(Checks);
  std::vector<RulesFileEntry> All;
  for (const std::string &Check : Checks)
    for (RulesFileEntry &E : rulesFilesInEffect(Check, Merged, File))
      if (llvm::none_of(All, [&](const RulesFileEntry &Seen) {
            return Seen.Path == E.Path && Seen.Key == E.Key &&
                   Seen.ConfigFile == E.ConfigFile;
          }))
        All.push_back(std::move(E));
  return All;
}

void anchorRulesFiles(ClangTidyOptions::OptionMap &Options,
                      llvm::StringRef Base) {
  for (auto &Option : Options) {
    llvm::StringRef Key = Option.getKey();
    if (Key != OptionName && !Key.ends_with("." + OptionName.str()))
      continue;
    llvm::SmallVector<llvm::StringRef, 4> Parts;
    llvm::StringRef(Option.getValue().Value)
        .split(Parts, ';', -1, /*KeepEmpty=*/false);
    std::vector<std::string> Anchored;
    for (llvm::StringRef Part : Parts)
      if (!Part.trim().empty())
        Anchored.push_back(absolute(Part.trim(), Base));
    Option.getValue().Value = llvm::join(Anchored, ";");
  }
}

std::string unreadableRulesFile(const RulesFileEntry &Entry,
                                llvm::StringRef Origin) {
  auto Buffer = llvm::MemoryBuffer::getFile(Entry.Path, /*IsText=*/true);
  if (Buffer)
    return "";
  std::string Message = "rules file '" + Entry.Written + "' ";
  Message += Entry.ConfigFile.empty() ? ("given by " + Origin).str()
                                      : "named in " + Entry.ConfigFile;
  if (Entry.Written != Entry.Path)
    Message += " (resolved to " + Entry.Path + ")";
  return Message + " cannot be read: " + Buffer.getError().message();
}

} // namespace clang::tidy::dbrace
