//===--- NestingDepth.cpp - Refusing hostile nesting before parsing -------===//

#include "NestingDepth.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/YAMLParser.h"

using namespace dbrace;

static unsigned lineAt(llvm::StringRef Text, const char *Position) {
  return 1 + Text.take_front(Position - Text.data()).count('\n');
}

std::optional<unsigned> dbrace::lineNestedTooDeepJson(llvm::StringRef Json,
                                                      unsigned MaxDepth) {
  unsigned Depth = 0;
  bool InString = false;
  for (size_t I = 0; I < Json.size(); ++I) {
    char C = Json[I];
    if (InString) {
      if (C == '\\')
        ++I;
      else if (C == '"')
        InString = false;
    } else if (C == '"') {
      InString = true;
    } else if (C == '[' || C == '{') {
      if (++Depth > MaxDepth)
        return lineAt(Json, Json.data() + I);
    } else if ((C == ']' || C == '}') && Depth > 0) {
      --Depth;
    }
  }
  return std::nullopt;
}

namespace {
/// Walks the node tree depth first, recursing at most MaxDepth levels: the
/// YAML scanner itself is iterative and parses each child only when asked.
class YamlDepthWalk {
public:
  explicit YamlDepthWalk(unsigned MaxDepth) : MaxDepth(MaxDepth) {}

  /// The first node nested too deep under \p N, or null.
  llvm::yaml::Node *tooDeep(llvm::yaml::Node *N, unsigned Depth) {
    if (!N)
      return nullptr;
    bool Collection = llvm::isa<llvm::yaml::SequenceNode>(N) ||
                      llvm::isa<llvm::yaml::MappingNode>(N);
    if (Collection && ++Depth > MaxDepth)
      return N;
    if (auto *Seq = llvm::dyn_cast<llvm::yaml::SequenceNode>(N)) {
      for (llvm::yaml::Node &Item : *Seq)
        if (llvm::yaml::Node *Deep = tooDeep(&Item, Depth))
          return Deep;
    } else if (auto *Map = llvm::dyn_cast<llvm::yaml::MappingNode>(N)) {
      for (llvm::yaml::KeyValueNode &Entry : *Map) {
        if (llvm::yaml::Node *Deep = tooDeep(Entry.getKey(), Depth))
          return Deep;
        if (llvm::yaml::Node *Deep = tooDeep(Entry.getValue(), Depth))
          return Deep;
      }
    }
    return nullptr;
  }

private:
  unsigned MaxDepth;
};
} // namespace

std::optional<unsigned> dbrace::lineNestedTooDeepYaml(llvm::StringRef Yaml,
                                                      unsigned MaxDepth) {
  llvm::SourceMgr SM;
  // Syntax errors are the loader's to report, with its own wording.
  SM.setDiagHandler([](const llvm::SMDiagnostic &, void *) {});
  llvm::yaml::Stream Stream(Yaml, SM, /*ShowColors=*/false);
  YamlDepthWalk Walk(MaxDepth);
  for (llvm::yaml::Document &Doc : Stream) {
    if (llvm::yaml::Node *Deep = Walk.tooDeep(Doc.getRoot(), 0))
      return lineAt(Yaml, Deep->getSourceRange().Start.getPointer());
    if (Stream.failed())
      break;
  }
  return std::nullopt;
}
