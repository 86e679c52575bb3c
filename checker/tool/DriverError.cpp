//===--- DriverError.cpp - A configuration or input error of the driver ---===//

#include "DriverError.h"
#include "llvm/Support/MemoryBuffer.h"

using clang::tidy::ClangTidyError;

namespace dbrace::tool {
namespace {

/// The byte offset of 1-based \p Line and \p Column in \p File, if the
/// file can be read and has that line.
std::optional<unsigned> offsetOf(llvm::StringRef File, unsigned Line,
                                 unsigned Column) {
  auto Buffer = llvm::MemoryBuffer::getFile(File, /*IsText=*/false,
                                            /*RequiresNullTerminator=*/false);
  if (!Buffer)
    return std::nullopt;
  llvm::StringRef Text = (*Buffer)->getBuffer();
  size_t Offset = 0;
  for (unsigned L = 1; L < Line; ++L) {
    Offset = Text.find('\n', Offset);
    if (Offset == llvm::StringRef::npos)
      return std::nullopt;
    ++Offset;
  }
  size_t End = Text.find('\n', Offset);
  if (End == llvm::StringRef::npos)
    End = Text.size();
  return static_cast<unsigned>(
      std::min<size_t>(Offset + (Column ? Column - 1 : 0), End));
}

} // namespace

DriverError DriverError::fromText(llvm::StringRef Text, Kind What) {
  Text = Text.trim();
  DriverError E{What, "", 0, 0, ""};
  Text.consume_front("dbrace: ");
  if (Text.consume_front("error: ")) {
    E.Message = Text.str();
    return E;
  }
  size_t At = Text.find(": error: ");
  if (At == llvm::StringRef::npos) {
    E.Message = Text.str();
    return E;
  }
  llvm::StringRef Place = Text.take_front(At);
  E.Message = Text.drop_front(At + strlen(": error: ")).str();
  // `file:line:col`, `file:line` or `file`.
  auto [Rest, Last] = Place.rsplit(':');
  unsigned Number;
  if (!Last.empty() && !Last.getAsInteger(10, Number)) {
    auto [File, Middle] = Rest.rsplit(':');
    unsigned Line;
    if (!Middle.empty() && !Middle.getAsInteger(10, Line)) {
      E.File = File.str();
      E.Line = Line;
      E.Column = Number;
    } else {
      E.File = Rest.str();
      E.Line = Number;
    }
  } else {
    E.File = Place.str();
  }
  return E;
}

std::string DriverError::text() const {
  if (File.empty())
    return "dbrace: error: " + Message;
  std::string Place = File;
  if (Line) {
    Place += ":" + std::to_string(Line);
    if (Column)
      Place += ":" + std::to_string(Column);
  }
  return Place + ": error: " + Message;
}

const char *DriverError::kindName() const {
  return What == Input ? "input-error" : "configuration-error";
}

std::vector<ClangTidyError>
asDiagnostics(const std::vector<DriverError> &Errors) {
  std::vector<ClangTidyError> Diagnostics;
  for (const DriverError &E : Errors) {
    ClangTidyError D(E.kindName(), ClangTidyError::Error, /*BuildDirectory=*/"",
                     /*IsWarningAsError=*/false);
    std::optional<unsigned> Offset;
    if (!E.File.empty() && E.Line)
      Offset = offsetOf(E.File, E.Line, E.Column);
    if (Offset) {
      D.Message.FilePath = E.File;
      D.Message.FileOffset = *Offset;
      D.Message.Message = E.Message;
    } else if (!E.File.empty()) {
      std::string Text = E.text();
      D.Message.Message =
          Text.substr(0, Text.find(": error: ")) + ": " + E.Message;
    } else {
      D.Message.Message = E.Message;
    }
    Diagnostics.push_back(std::move(D));
  }
  return Diagnostics;
}

} // namespace dbrace::tool
