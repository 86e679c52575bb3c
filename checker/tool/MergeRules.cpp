//===--- MergeRules.cpp - Rules-format YAML files joined into one ---------===//

#include "MergeRules.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/YAMLParser.h"
#include "llvm/Support/YAMLTraits.h"
#include "llvm/Support/raw_ostream.h"
#include <set>

namespace yaml = llvm::yaml;

namespace dbrace::tool {
namespace {

/// A YAML value, as far as rules files use YAML: no anchors or tags.
struct Node {
  enum Kind { Null, Scalar, Sequence, Mapping } What = Null;
  std::string Text;
  bool Quoted = false;
  std::vector<Node> Items;
  std::vector<std::pair<std::string, Node>> Entries;
  std::string Where; ///< `name:line:column`, for errors.
};

llvm::Error failure(const std::string &Message) {
  return llvm::createStringError(
      std::make_error_code(std::errc::invalid_argument), Message);
}

std::string quoted(const std::string &Text, bool WasQuoted) {
  yaml::QuotingType Quote = yaml::needsQuotes(Text, /*ForcePreserve=*/false);
  if (WasQuoted && Quote == yaml::QuotingType::None)
    Quote = yaml::QuotingType::Single;
  if (Quote == yaml::QuotingType::None)
    return Text;
  if (Quote == yaml::QuotingType::Single) {
    std::string Out = "'";
    for (char C : Text)
      Out += C == '\'' ? std::string("''") : std::string(1, C);
    return Out + "'";
  }
  std::string Out = "\"";
  for (unsigned char C : Text) {
    if (C == '"' || C == '\\')
      Out += std::string("\\") + static_cast<char>(C);
    else if (C == '\n')
      Out += "\\n";
    else if (C == '\t')
      Out += "\\t";
    else if (C < 0x20)
      Out += "\\x" + llvm::utohexstr(C, /*LowerCase=*/false, /*Width=*/2);
    else
      Out += static_cast<char>(C);
  }
  return Out + "\"";
}

/// One line, flow style: how list items are written, and compared.
std::string flow(const Node &N) {
  switch (N.What) {
  case Node::Null:
    return "null";
  case Node::Scalar:
    return quoted(N.Text, N.Quoted);
  case Node::Sequence: {
    std::vector<std::string> Items;
    for (const Node &Item : N.Items)
      Items.push_back(flow(Item));
    return "[" + llvm::join(Items, ", ") + "]";
  }
  case Node::Mapping: {
    std::vector<std::string> Entries;
    for (const auto &[Key, Value] : N.Entries)
      Entries.push_back(quoted(Key, false) + ": " + flow(Value));
    return "{ " + llvm::join(Entries, ", ") + " }";
  }
  }
  return {};
}

class Reader {
public:
  Reader(const RulesText &Input, llvm::SourceMgr &SM) : Input(Input), SM(SM) {}

  llvm::Expected<Node> read();

private:
  std::string where(yaml::Node &N) {
    llvm::SMLoc Loc = N.getSourceRange().Start;
    auto [Line, Column] = SM.getLineAndColumn(Loc);
    return Input.Name + ":" + std::to_string(Line) + ":" +
           std::to_string(Column);
  }
  std::optional<Node> convert(yaml::Node *N);

  const RulesText &Input;
  llvm::SourceMgr &SM;
  std::string Error;
};

std::optional<Node> Reader::convert(yaml::Node *N) {
  Node Out;
  Out.Where = where(*N);
  if (auto *S = llvm::dyn_cast<yaml::ScalarNode>(N)) {
    llvm::SmallString<64> Storage;
    Out.What = Node::Scalar;
    Out.Text = S->getValue(Storage).str();
    Out.Quoted =
        S->getRawValue().starts_with("'") || S->getRawValue().starts_with("\"");
  } else if (auto *B = llvm::dyn_cast<yaml::BlockScalarNode>(N)) {
    Out.What = Node::Scalar;
    Out.Text = B->getValue().str();
  } else if (auto *Seq = llvm::dyn_cast<yaml::SequenceNode>(N)) {
    Out.What = Node::Sequence;
    for (yaml::Node &Item : *Seq) {
      std::optional<Node> Converted = convert(&Item);
      if (!Converted)
        return std::nullopt;
      Out.Items.push_back(std::move(*Converted));
    }
  } else if (auto *Map = llvm::dyn_cast<yaml::MappingNode>(N)) {
    Out.What = Node::Mapping;
    for (yaml::KeyValueNode &KV : *Map) {
      auto *Key = llvm::dyn_cast_or_null<yaml::ScalarNode>(KV.getKey());
      std::optional<Node> Value;
      if (Key)
        Value = convert(KV.getValue());
      if (!Key || !Value) {
        if (Error.empty())
          Error = where(Key ? *KV.getValue() : *KV.getKey()) +
                  ": error: expected a key and a value";
        return std::nullopt;
      }
      llvm::SmallString<64> Storage;
      Out.Entries.emplace_back(Key->getValue(Storage).str(), std::move(*Value));
    }
  } else if (!llvm::isa<yaml::NullNode>(N)) {
    Error = Out.Where + ": error: anchors, aliases and tags are not merged";
    return std::nullopt;
  }
  return Out;
}

llvm::Expected<Node> Reader::read() {
  SM.setDiagHandler(
      [](const llvm::SMDiagnostic &D, void *Context) {
        auto &Self = *static_cast<Reader *>(Context);
        if (Self.Error.empty())
          Self.Error = Self.Input.Name + ":" + std::to_string(D.getLineNo()) +
                       ":" + std::to_string(D.getColumnNo() + 1) +
                       ": error: " + D.getMessage().str();
      },
      this);
  yaml::Stream Stream(Input.Text, SM);
  std::optional<Node> Root;
  for (yaml::Document &Doc : Stream) {
    if (Root) {
      Error = Input.Name + ": error: more than one YAML document";
      break;
    }
    yaml::Node *Top = Doc.getRoot();
    Root = Top ? convert(Top) : Node();
    if (!Root)
      break;
  }
  if (!Error.empty())
    return failure(Error);
  if (!Root || Root->What == Node::Null)
    return Node{Node::Mapping};
  if (Root->What != Node::Mapping)
    return failure(Root->Where + ": error: not a rules file (expected a "
                                 "mapping of keys such as 'calls')");
  return std::move(*Root);
}

/// Joins \p From into \p Into: lists are added to, mappings merged,
/// scalars must be equal.
llvm::Error join(Node &Into, Node &From, llvm::StringRef Key) {
  if (Into.What != From.What || Into.What == Node::Scalar) {
    if (flow(Into) == flow(From))
      return llvm::Error::success();
    return failure(From.Where + ": error: '" + Key.str() + "' is " +
                   flow(From) + " here but " + flow(Into) + " at " +
                   Into.Where);
  }
  if (Into.What == Node::Sequence) {
    for (Node &Item : From.Items)
      Into.Items.push_back(std::move(Item));
    return llvm::Error::success();
  }
  for (auto &[Name, Value] : From.Entries) {
    auto It = llvm::find_if(Into.Entries,
                            [&](const auto &E) { return E.first == Name; });
    if (It == Into.Entries.end())
      Into.Entries.emplace_back(Name, std::move(Value));
    else if (llvm::Error E = join(It->second, Value, Name))
      return E;
  }
  return llvm::Error::success();
}

/// Lists sorted by their text, duplicates dropped, at every level; the keys
/// of block mappings sorted too, so the result does not depend on the
/// order of the inputs. List items keep their keys' order.
void normalise(Node &N, bool InList) {
  for (Node &Item : N.Items)
    normalise(Item, /*InList=*/true);
  for (auto &Entry : N.Entries)
    normalise(Entry.second, InList);
  if (N.What == Node::Mapping && !InList)
    llvm::sort(N.Entries,
               [](const auto &A, const auto &B) { return A.first < B.first; });
  if (N.What != Node::Sequence)
    return;
  std::set<std::string> Seen;
  std::vector<std::pair<std::string, Node>> Keyed;
  for (Node &Item : N.Items)
    if (std::string Text = flow(Item); Seen.insert(Text).second)
      Keyed.emplace_back(std::move(Text), std::move(Item));
  llvm::sort(Keyed,
             [](const auto &A, const auto &B) { return A.first < B.first; });
  N.Items.clear();
  for (auto &Entry : Keyed)
    N.Items.push_back(std::move(Entry.second));
}

void writeBlock(const Node &N, unsigned Indent, llvm::raw_ostream &OS) {
  std::string Pad(Indent, ' ');
  for (const auto &[Key, Value] : N.Entries) {
    OS << Pad << quoted(Key, false) << ":";
    if (Value.What == Node::Mapping && !Value.Entries.empty()) {
      OS << "\n";
      writeBlock(Value, Indent + 2, OS);
    } else if (Value.What == Node::Sequence && !Value.Items.empty()) {
      OS << "\n";
      for (const Node &Item : Value.Items)
        OS << Pad << "  - " << flow(Item) << "\n";
    } else {
      OS << " " << flow(Value) << "\n";
    }
  }
}

} // namespace

llvm::Expected<std::string> mergeRulesTexts(llvm::ArrayRef<RulesText> Inputs) {
  Node Merged{Node::Mapping};
  for (const RulesText &Input : Inputs) {
    llvm::SourceMgr SM;
    Reader Read(Input, SM);
    llvm::Expected<Node> Root = Read.read();
    if (!Root)
      return Root.takeError();
    if (llvm::Error E = join(Merged, *Root, ""))
      return E;
  }
  normalise(Merged, /*InList=*/false);
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  writeBlock(Merged, 0, OS);
  return Text;
}

bool isRulesFile(llvm::StringRef Path) {
  llvm::StringRef Extension = llvm::sys::path::extension(Path);
  return Extension.equals_insensitive(".yaml") ||
         Extension.equals_insensitive(".yml");
}

} // namespace dbrace::tool
