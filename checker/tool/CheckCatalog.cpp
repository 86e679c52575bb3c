//===--- CheckCatalog.cpp - The dbrace checks and their pages -------------===//

#include "CheckCatalog.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang-tidy/ClangTidyModuleRegistry.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

namespace dbrace::tool {
namespace {

struct EmbeddedPage {
  const char *Name;
  llvm::StringRef Markdown;
};

#include "EmbeddedCheckPages.inc"

llvm::StringRef pageOf(llvm::StringRef Check) {
  for (const EmbeddedPage &P : EmbeddedPages)
    if (Check == P.Name)
      return P.Markdown;
  return {};
}

/// Paragraphs of \p Lines, each joined into one line; fenced code blocks
/// and headings end a paragraph and are left out.
std::vector<std::string> paragraphs(llvm::ArrayRef<llvm::StringRef> Lines) {
  std::vector<std::string> Out;
  std::string Current;
  bool InCode = false;
  auto Flush = [&] {
    if (!Current.empty())
      Out.push_back(std::move(Current));
    Current.clear();
  };
  for (llvm::StringRef Line : Lines) {
    llvm::StringRef Text = Line.trim();
    if (Text.starts_with("```")) {
      Flush();
      InCode = !InCode;
      continue;
    }
    if (InCode)
      continue;
    if (Text.empty() || Text.starts_with("#")) {
      Flush();
      continue;
    }
    if (!Current.empty())
      Current += ' ';
    Current += Text.str();
  }
  Flush();
  return Out;
}

std::vector<llvm::StringRef> linesOf(llvm::StringRef Markdown) {
  llvm::SmallVector<llvm::StringRef, 64> Lines;
  Markdown.split(Lines, '\n');
  return {Lines.begin(), Lines.end()};
}

} // namespace

std::string pageSummary(llvm::StringRef Markdown) {
  std::vector<llvm::StringRef> Lines = linesOf(Markdown);
  if (Lines.empty())
    return {};
  // The title line is not part of the summary.
  std::vector<std::string> Paras =
      paragraphs(llvm::ArrayRef(Lines).drop_front());
  return Paras.empty() ? std::string() : Paras.front();
}

std::string pageDescription(llvm::StringRef Markdown) {
  std::vector<llvm::StringRef> Lines = linesOf(Markdown);
  std::string Out = pageSummary(Markdown);
  auto Race = llvm::find_if(
      Lines, [](llvm::StringRef L) { return L.trim() == "## The race"; });
  if (Race == Lines.end())
    return Out;
  auto End = std::find_if(Race + 1, Lines.end(), [](llvm::StringRef L) {
    return L.starts_with("## ");
  });
  for (const std::string &P :
       paragraphs(llvm::ArrayRef(&*(Race + 1), End - (Race + 1))))
    Out += "\n\n" + P;
  return Out;
}

std::vector<CheckInfo> dbraceChecks() {
  clang::tidy::ClangTidyCheckFactories Factories;
  for (const auto &Entry : clang::tidy::ClangTidyModuleRegistry::entries())
    Entry.instantiate()->addCheckFactories(Factories);
  std::vector<CheckInfo> Checks;
  for (const auto &Factory : Factories) {
    llvm::StringRef Name = Factory.getKey();
    if (!Name.starts_with("dbrace-"))
      continue;
    llvm::StringRef Page = pageOf(Name);
    Checks.push_back(
        {Name.str(), pageSummary(Page), pageDescription(Page), Page});
  }
  llvm::sort(Checks, [](const CheckInfo &A, const CheckInfo &B) {
    return A.Name < B.Name;
  });
  return Checks;
}

std::string installedPagesDirectory() {
  static int Anchor;
  std::string Exe = llvm::sys::fs::getMainExecutable("dbrace", &Anchor);
  if (Exe.empty())
    return {};
  llvm::SmallString<256> Dir(
      llvm::sys::path::parent_path(llvm::sys::path::parent_path(Exe)));
  llvm::sys::path::append(Dir, "share", "doc", "dbrace", "checks");
  return std::string(Dir) + "/";
}

} // namespace dbrace::tool
