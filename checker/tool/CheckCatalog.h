//===--- CheckCatalog.h - The dbrace checks, for reports that list them ---===//

#ifndef DBRACE_TOOL_CHECKCATALOG_H
#define DBRACE_TOOL_CHECKCATALOG_H

#include <string>
#include <vector>

namespace dbrace::tool {

struct CheckInfo {
  std::string Name;    ///< `dbrace-unlocked-read-update`
  std::string Summary; ///< One line; empty if the catalog lacks one.
};

/// Every dbrace check the linked module registers, sorted by name. The
/// names come from the module itself, so a new check is never missing.
std::vector<CheckInfo> dbraceChecks();

} // namespace dbrace::tool

#endif // DBRACE_TOOL_CHECKCATALOG_H
