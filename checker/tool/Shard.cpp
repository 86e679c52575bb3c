//===--- Shard.cpp - One part of the translation units, for CI matrices ---===//

#include "Shard.h"
#include "SourcePositions.h"
#include "llvm/ADT/STLExtras.h"
#include <algorithm>
#include <numeric>

namespace dbrace::tool {

std::optional<ShardSpec> parseShard(llvm::StringRef Text) {
  auto [K, N] = Text.split('/');
  ShardSpec S;
  if (K.getAsInteger(10, S.Index) || N.getAsInteger(10, S.Count) ||
      S.Index < 1 || S.Index > S.Count)
    return std::nullopt;
  return S;
}

std::vector<std::string> selectShard(const std::vector<std::string> &Files,
                                     const std::string &SourceRoot,
                                     ShardSpec Shard) {
  SourcePositions Paths(SourceRoot);
  std::vector<std::string> Keys;
  for (const std::string &F : Files)
    Keys.push_back(Paths.displayPath(F));
  std::vector<size_t> Order(Files.size());
  std::iota(Order.begin(), Order.end(), 0);
  llvm::stable_sort(Order,
                    [&](size_t A, size_t B) { return Keys[A] < Keys[B]; });
  std::vector<bool> Chosen(Files.size(), false);
  for (size_t I = Shard.Index - 1; I < Order.size(); I += Shard.Count)
    Chosen[Order[I]] = true;
  std::vector<std::string> Out;
  for (size_t I = 0; I < Files.size(); ++I)
    if (Chosen[I])
      Out.push_back(Files[I]);
  return Out;
}

} // namespace dbrace::tool
