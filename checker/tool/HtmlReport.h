//===--- HtmlReport.h - Findings as a static HTML report ------------------===//
//
// `--format=html -o DIR`: an index of the findings grouped by check, file
// and table, and a page per finding with its function's source, the read,
// the check and the write highlighted, the two requests' timeline beside
// it, and the suggested fix as a diff. Plain files with their style inline
// and no script: they open from file:// with nothing else.
//
//===----------------------------------------------------------------------===//

#ifndef DBRACE_TOOL_HTMLREPORT_H
#define DBRACE_TOOL_HTMLREPORT_H

#include "SourcePositions.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "llvm/Support/Error.h"
#include <vector>

namespace dbrace::tool {

class TimelineSession;

/// Writes `index.html` and `finding-N.html` into \p Dir, creating it;
/// errors (a file that did not compile) are listed on the index.
llvm::Error
writeHtmlReport(llvm::StringRef Dir,
                const std::vector<clang::tidy::ClangTidyError> &Errors,
                SourcePositions &Sources, const TimelineSession *Timelines);

} // namespace dbrace::tool

#endif // DBRACE_TOOL_HTMLREPORT_H
