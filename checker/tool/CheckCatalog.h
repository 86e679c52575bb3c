//===--- CheckCatalog.h - The dbrace checks and their pages ---------------===//
//
// One description of each check: its page docs/checks/<check>.md, embedded
// in the driver at build time. The page's first paragraph is the one-line
// summary (`--list-checks`, SARIF shortDescription, and the copies in the
// READMEs and the check classes' comments, which a test compares with it).
//
//===----------------------------------------------------------------------===//

#ifndef DBRACE_TOOL_CHECKCATALOG_H
#define DBRACE_TOOL_CHECKCATALOG_H

#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace dbrace::tool {

struct CheckInfo {
  std::string Name;    ///< `dbrace-unlocked-read-update`
  std::string Summary; ///< The page's first paragraph, on one line.
  /// The summary and the page's account of the race, as plain paragraphs.
  std::string Description;
  llvm::StringRef Page; ///< The whole page (Markdown); empty if none.
};

/// Every dbrace check the linked module registers, sorted by name. The
/// names come from the module itself, so a new check is never missing;
/// one without a page has an empty summary (and a test fails).
std::vector<CheckInfo> dbraceChecks();

/// The first paragraph after the page's title, its lines joined by blanks.
std::string pageSummary(llvm::StringRef Markdown);

/// The summary, then the prose paragraphs of the page's "The race" section
/// (code blocks left out), separated by blank lines.
std::string pageDescription(llvm::StringRef Markdown);

/// `<prefix>/share/doc/dbrace/checks/`, for the prefix the running binary
/// is in (`<prefix>/bin/dbrace`), with a trailing slash; empty when the
/// binary cannot be located.
std::string installedPagesDirectory();

} // namespace dbrace::tool

#endif // DBRACE_TOOL_CHECKCATALOG_H
