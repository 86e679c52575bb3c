//===--- SourcePositions.cpp - Byte offsets as lines, columns and paths ---===//

#include "SourcePositions.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/Path.h"

namespace dbrace::tool {

llvm::StringRef SourcePositions::text(llvm::StringRef File) {
  auto It = Files.find(File);
  if (It == Files.end()) {
    auto Buffer = llvm::MemoryBuffer::getFile(File, /*IsText=*/false,
                                              /*RequiresNullTerminator=*/false);
    It = Files.try_emplace(File, Buffer ? std::move(*Buffer) : nullptr).first;
  }
  return It->second ? It->second->getBuffer() : llvm::StringRef();
}

Position SourcePositions::position(llvm::StringRef File, unsigned Offset) {
  llvm::StringRef Text = text(File);
  Position P;
  if (File.empty() || Offset > Text.size())
    return P;
  llvm::StringRef Before = Text.take_front(Offset);
  P.Line = Before.count('\n') + 1;
  size_t LineStart = Before.rfind('\n');
  LineStart = LineStart == llvm::StringRef::npos ? 0 : LineStart + 1;
  llvm::StringRef InLine = Before.drop_front(LineStart);
  P.Column = InLine.size() + 1;
  // UTF-8 continuation bytes (10xxxxxx) do not start a code point.
  P.CharColumn = 1;
  for (unsigned char C : InLine)
    if ((C & 0xC0) != 0x80)
      ++P.CharColumn;
  return P;
}

llvm::StringRef SourcePositions::lineText(llvm::StringRef File,
                                          unsigned Offset) {
  llvm::StringRef Text = text(File);
  if (Offset > Text.size())
    return llvm::StringRef();
  size_t Start = Text.take_front(Offset).rfind('\n');
  Start = Start == llvm::StringRef::npos ? 0 : Start + 1;
  size_t End = Text.find('\n', Offset);
  return Text.slice(Start, End).rtrim("\r");
}

bool SourcePositions::isBelowRoot(llvm::StringRef File) const {
  llvm::StringRef Rest = File;
  if (!Rest.consume_front(Root))
    return false;
  return Root.empty() || Rest.empty() ||
         llvm::sys::path::is_separator(Rest.front()) ||
         llvm::sys::path::is_separator(Root.back());
}

std::string SourcePositions::displayPath(llvm::StringRef File) const {
  if (!isBelowRoot(File))
    return File.str();
  llvm::StringRef Rest = File.drop_front(Root.size());
  while (!Rest.empty() && llvm::sys::path::is_separator(Rest.front()))
    Rest = Rest.drop_front();
  llvm::SmallString<256> P(Rest);
  llvm::sys::path::native(P, llvm::sys::path::Style::posix);
  return std::string(P);
}

} // namespace dbrace::tool
