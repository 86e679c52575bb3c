//===--- Shard.h - One part of the translation units, for CI matrices -----===//
//
// `--shard=K/N` analyses the K-th of N parts. The parts are dealt from the
// files sorted by their path relative to the source root, so every machine
// (another checkout folder, another order in compile_commands.json) makes
// the same parts, and they differ in size by at most one file.
//
//===----------------------------------------------------------------------===//

#ifndef DBRACE_TOOL_SHARD_H
#define DBRACE_TOOL_SHARD_H

#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>
#include <vector>

namespace dbrace::tool {

struct ShardSpec {
  unsigned Index = 1; ///< K, 1-based.
  unsigned Count = 1; ///< N.
};

/// Parses "K/N" with 1 <= K <= N; nothing if it is not one.
std::optional<ShardSpec> parseShard(llvm::StringRef Text);

/// The files of shard \p Shard, in the order of \p Files.
std::vector<std::string> selectShard(const std::vector<std::string> &Files,
                                     const std::string &SourceRoot,
                                     ShardSpec Shard);

} // namespace dbrace::tool

#endif // DBRACE_TOOL_SHARD_H
