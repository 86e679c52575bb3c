//===--- RealPath.h - One spelling of a file's path -----------------------===//
//
// The same file reaches the driver under several paths (relative to a
// compile command's folder, through symlinks); its real path is the one
// spelling that results from different passes are matched by.
//
//===----------------------------------------------------------------------===//

#ifndef DBRACE_TOOL_REALPATH_H
#define DBRACE_TOOL_REALPATH_H

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"
#include <string>

namespace dbrace::tool {

/// \p Path with symlinks and dots resolved; \p Path itself when it does not
/// exist.
inline std::string realPath(llvm::StringRef Path) {
  llvm::SmallString<256> Real;
  if (llvm::sys::fs::real_path(Path, Real))
    return Path.str();
  return std::string(Real);
}

} // namespace dbrace::tool

#endif // DBRACE_TOOL_REALPATH_H
