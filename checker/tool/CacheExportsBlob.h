//===--- CacheExportsBlob.h - A unit's exported summaries in an entry
//------===//
//
// A whole-program run's first pass is cached like any other: its entry also
// holds what the unit exported (SummaryExport.h), so a hit gives the merge
// the same summaries as an analysis would. Only the fields the export fills
// are kept; a field added there must be added here, or a warm run's
// summaries file would differ from a cold one's (the whole-program cache
// tests compare them).
//
//===----------------------------------------------------------------------===//

#ifndef DBRACE_TOOL_CACHEEXPORTSBLOB_H
#define DBRACE_TOOL_CACHEEXPORTSBLOB_H

#include "CacheBlob.h"
#include "SummaryExport.h"
#include <utility>
#include <vector>

namespace dbrace::tool {

using UnitExports =
    std::vector<std::pair<std::string, ::dbrace::ExportedFunction>>;

void writeExports(BlobWriter &Out, const UnitExports &Exports);
bool readExports(BlobReader &In, UnitExports &Exports);

} // namespace dbrace::tool

#endif // DBRACE_TOOL_CACHEEXPORTSBLOB_H
