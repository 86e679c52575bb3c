//===--- CacheTimelinesBlob.h - A unit's timelines in a cache entry
//--------===//
//
// Reports that show timelines (SARIF's thread flows, the HTML report,
// --timeline) are cached like any other: the entry of a run that collected
// timelines also holds them, and a hit gives the report the same ones an
// analysis would.
//
//===----------------------------------------------------------------------===//

#ifndef DBRACE_TOOL_CACHETIMELINESBLOB_H
#define DBRACE_TOOL_CACHETIMELINESBLOB_H

#include "CacheBlob.h"
#include "Timeline.h"
#include <vector>

namespace dbrace::tool {

void writeTimelines(BlobWriter &Out,
                    const std::vector<::dbrace::timeline::Timeline> &All);
bool readTimelines(BlobReader &In,
                   std::vector<::dbrace::timeline::Timeline> &All);

} // namespace dbrace::tool

#endif // DBRACE_TOOL_CACHETIMELINESBLOB_H
