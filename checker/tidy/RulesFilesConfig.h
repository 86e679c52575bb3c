//===--- RulesFilesConfig.h - Which rules files an option names -----------===//
//
// A relative path in a `.clang-tidy` means "relative to this file", as
// clang-tidy users expect; a relative path on the command line means
// "relative to where I ran it". A check only sees the merged options, so
// this finds which `.clang-tidy` (nearest to the file, walking up,
// honouring InheritParentConfig) set the value. Both front ends go through
// here, so one `.clang-tidy` means the same in the driver and the plugin.
//
//===----------------------------------------------------------------------===//

#ifndef DBRACE_TIDY_RULESFILESCONFIG_H
#define DBRACE_TIDY_RULESFILESCONFIG_H

#include "clang-tidy/ClangTidyOptions.h"
#include <string>
#include <vector>

namespace clang::tidy::dbrace {

/// One entry of a `RulesFiles` option.
struct RulesFileEntry {
  std::string Written;    ///< As the option spells it.
  std::string Path;       ///< Absolute.
  std::string Key;        ///< `RulesFiles` or `dbrace-<check>.RulesFiles`.
  std::string ConfigFile; ///< The `.clang-tidy` naming it; empty: command line.
};

/// The `RulesFiles` option of \p CheckName (its own key or the global one,
/// as clang-tidy's getLocalOrGlobal picks) in \p Merged, the options in
/// effect for \p File, each path resolved against the folder of the
/// `.clang-tidy` that set it, or against launchDirectory() when no
/// `.clang-tidy` did. \p File may be relative to \p BuildDirectory.
/// \p Option: another option of paths read the same way (`SummaryFiles`).
std::vector<RulesFileEntry>
rulesFilesInEffect(llvm::StringRef CheckName,
                   const ClangTidyOptions::OptionMap &Merged,
                   llvm::StringRef File, llvm::StringRef BuildDirectory = "",
                   llvm::StringRef Option = "RulesFiles");

/// Every rules file some dbrace check uses for \p File: the global option's
/// and each `dbrace-<check>.RulesFiles`, once each, in option order.
std::vector<RulesFileEntry>
allRulesFilesInEffect(const ClangTidyOptions::OptionMap &Merged,
                      llvm::StringRef File);

/// Makes every `RulesFiles` path in \p Options absolute against \p Base:
/// the command line's values mean the working directory, even where a
/// `.clang-tidy` happens to spell the same relative path.
void anchorRulesFiles(ClangTidyOptions::OptionMap &Options,
                      llvm::StringRef Base);

/// The working directory when dbrace was loaded. Relative paths given on
/// the command line mean this one: clang-tidy later moves the process into
/// each compile command's directory.
const std::string &launchDirectory();

/// An error for an entry that cannot be read, or an empty string; \p Origin
/// names a command-line entry's source (`--rules`, `-config`).
std::string unreadableRulesFile(const RulesFileEntry &Entry,
                                llvm::StringRef Origin = "the command line");

} // namespace clang::tidy::dbrace

#endif // DBRACE_TIDY_RULESFILESCONFIG_H
