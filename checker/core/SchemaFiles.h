//===--- SchemaFiles.h - The schema files a run is given ------------------===//
//
// `--schema=FILE` and the option `SchemaFiles`: DDL files, or folders of
// them (migrations), read once per set of paths and shared by every check.
//
//===----------------------------------------------------------------------===//

#ifndef DBRACE_CORE_SCHEMAFILES_H
#define DBRACE_CORE_SCHEMAFILES_H

#include "sql/Schema.h"
#include <memory>
#include <string>
#include <vector>

namespace dbrace {

/// The keys every file of \p Paths declares; a folder stands for its `.sql`
/// files, in the order of their paths (migrations apply in name order).
/// Null with \p Error set (`FILE:LINE: error: ...`, or `FILE: error: ...`
/// when it cannot be read) on the first file that cannot be read. Cached
/// by the paths.
std::shared_ptr<const sqlfacts::Schema>
sharedSchema(const std::vector<std::string> &Paths, std::string &Error);

} // namespace dbrace

#endif // DBRACE_CORE_SCHEMAFILES_H
