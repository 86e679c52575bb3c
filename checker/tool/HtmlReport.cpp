//===--- HtmlReport.cpp - Findings as a static HTML report ----------------===//

#include "HtmlReport.h"
#include "Baseline.h"
#include "Timelines.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include <map>
#include <set>

using clang::tidy::ClangTidyError;

namespace dbrace::tool {

namespace {

std::string escape(llvm::StringRef Text) {
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  llvm::printHTMLEscaped(Text, OS);
  return Out;
}

const char Style[] = R"(
body { font-family: sans-serif; margin: 1.5em; color: #222; }
h1 { font-size: 1.3em; } h2 { font-size: 1.15em; margin-top: 1.5em; }
h3 { font-size: 1em; } h4 { font-size: .95em; color: #555; }
code, pre { font-family: monospace; font-size: .9em; }
.columns { display: flex; gap: 1.5em; align-items: flex-start; }
.source, .timeline-box { flex: 1; min-width: 0; }
table.source-lines { border-collapse: collapse; width: 100%; }
.source-lines td { padding: 0 .5em; white-space: pre; font-family: monospace; font-size: .9em; }
.source-lines td.n { color: #888; text-align: right; user-select: none; }
tr.hl-read { background: #ffe0a0; } tr.hl-check { background: #d8e8ff; }
tr.hl-write { background: #ffc8c8; } tr.hl-tx { background: #e0f0d8; }
tr.hl-lock { background: #eadcff; } tr.hl-slow { background: #ffd8f0; }
ol.timeline li { margin: .3em 0; padding: .2em .4em; font-family: monospace; font-size: .9em; }
ol.timeline li.request-a { background: #eef4ff; }
ol.timeline li.request-b { background: #fff1e6; margin-left: 2em; }
.where { color: #666; } .fixed { margin-top: .8em; font-style: italic; }
pre.diff { background: #f6f6f6; padding: .5em; overflow-x: auto; }
.diff .add { color: #060; } .diff .del { color: #a00; }
.legend span { padding: 0 .4em; margin-right: .4em; }
)";

std::string page(llvm::StringRef Title, llvm::StringRef Body) {
  return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta "
         "charset=\"utf-8\">\n"
         "<title>" +
         escape(Title) + "</title>\n<style>" + Style +
         "</style>\n</head>\n<body>\n" + Body.str() + "</body>\n</html>\n";
}

/// A finding and what its page shows.
struct Finding {
  const ClangTidyError *E = nullptr;
  const timeline::Timeline *T = nullptr;
  std::string Page, File, Table;
  unsigned Line = 0;
};

const char *highlightOf(timeline::StepKind K) {
  switch (K) {
  case timeline::StepKind::Read:
  case timeline::StepKind::LockEnds:
    return "hl-read";
  case timeline::StepKind::Check:
    return "hl-check";
  case timeline::StepKind::Write:
    return "hl-write";
  case timeline::StepKind::Begin:
  case timeline::StepKind::Commit:
    return "hl-tx";
  case timeline::StepKind::Lock:
  case timeline::StepKind::Waits:
    return "hl-lock";
  case timeline::StepKind::Slow:
    return "hl-slow";
  case timeline::StepKind::Outcome:
    break;
  }
  return nullptr;
}

/// The lines of \p File to mark, by line: the timeline's steps there, or
/// else the warning and its notes.
std::map<unsigned, std::string>
highlights(const Finding &F, llvm::StringRef File, SourcePositions &Sources) {
  std::map<unsigned, std::string> Lines;
  auto Same = [&](llvm::StringRef Other) {
    return Sources.displayPath(Other) == Sources.displayPath(File);
  };
  if (F.T) {
    for (const timeline::Step &S : F.T->Steps)
      if (const char *Class = highlightOf(S.Kind);
          Class && S.At.valid() && Same(S.At.File))
        Lines.try_emplace(S.At.Line, Class);
    return Lines;
  }
  Lines[F.Line] = "hl-read";
  for (const auto &N : F.E->Notes)
    if (!N.FilePath.empty() && Same(N.FilePath))
      Lines.try_emplace(Sources.position(N.FilePath, N.FileOffset).Line,
                        "hl-check");
  return Lines;
}

std::string sourceTable(const Finding &F, SourcePositions &Sources) {
  llvm::StringRef File = F.E->Message.FilePath;
  unsigned First = F.Line > 5 ? F.Line - 5 : 1, Last = F.Line + 5;
  if (F.T && F.T->FunctionBegin.valid() &&
      Sources.displayPath(F.T->FunctionBegin.File) ==
          Sources.displayPath(File)) {
    First = F.T->FunctionBegin.Line;
    Last = F.T->FunctionEnd.Line;
  }
  std::map<unsigned, std::string> Marked = highlights(F, File, Sources);
  llvm::SmallVector<llvm::StringRef, 64> Lines;
  Sources.contents(File).split(Lines, '\n');
  std::string Out = "<table class=\"source-lines\">\n";
  for (unsigned L = First; L <= Last && L <= Lines.size(); ++L) {
    auto It = Marked.find(L);
    Out += It == Marked.end() ? "<tr>" : "<tr class=\"" + It->second + "\">";
    Out += "<td class=\"n\">" + std::to_string(L) + "</td><td>" +
           escape(Lines[L - 1].rtrim("\r")) + "</td></tr>\n";
  }
  return Out + "</table>\n";
}

std::string timelineList(const Finding &F, SourcePositions &Sources) {
  if (!F.T)
    return "<p>No timeline: the analysis did not record one for this "
           "finding.</p>\n";
  std::string Out = "<ol class=\"timeline\">\n";
  for (const WordedStep &W : wordTimeline(*F.T, F.E->DiagnosticName)) {
    bool A = W.From->Who == timeline::Request::A;
    const trace::Place &At =
        W.From->Helper.empty() ? W.From->At : W.From->InHelper;
    Out += std::string("<li class=\"") + (A ? "request-a" : "request-b") +
           "\"><b>" + requestName(W.From->Who) + "</b>: " + escape(W.Text);
    if (At.valid())
      Out += " <span class=\"where\">(" + escape(placeText(At, Sources)) +
             ")</span>";
    Out += "</li>\n";
  }
  Out += "</ol>\n";
  if (std::string Fix = wordFix(*F.T, F.E->DiagnosticName, Sources);
      !Fix.empty())
    Out += "<p class=\"fixed\">" + escape(Fix) + "</p>\n";
  return Out;
}

/// The file's lines before and after the fix's replacements, as one hunk
/// of a unified diff with two lines of context.
std::string fixDiff(const ClangTidyError &E, SourcePositions &Sources) {
  std::string Out;
  for (const auto &[Path, Replacements] : E.Message.Fix) {
    std::string Before = Sources.contents(Path).str(), After = Before;
    std::vector<clang::tooling::Replacement> Sorted(Replacements.begin(),
                                                    Replacements.end());
    llvm::sort(Sorted, [](const auto &A, const auto &B) {
      return A.getOffset() > B.getOffset();
    });
    for (const clang::tooling::Replacement &R : Sorted)
      if (R.getOffset() + R.getLength() <= After.size())
        After.replace(R.getOffset(), R.getLength(), R.getReplacementText());
    llvm::SmallVector<llvm::StringRef, 64> Old, New;
    llvm::StringRef(Before).split(Old, '\n');
    llvm::StringRef(After).split(New, '\n');
    size_t Head = 0, Tail = 0;
    while (Head < Old.size() && Head < New.size() && Old[Head] == New[Head])
      ++Head;
    while (Tail + Head < Old.size() && Tail + Head < New.size() &&
           Old[Old.size() - 1 - Tail] == New[New.size() - 1 - Tail])
      ++Tail;
    size_t From = Head > 2 ? Head - 2 : 0;
    size_t OldEnd = std::min(Old.size(), Old.size() - Tail + 2);
    size_t NewEnd = std::min(New.size(), New.size() - Tail + 2);
    std::string Name = Sources.displayPath(Path);
    Out += "--- a/" + escape(Name) + "\n+++ b/" + escape(Name) + "\n@@ -" +
           std::to_string(From + 1) + "," + std::to_string(OldEnd - From) +
           " +" + std::to_string(From + 1) + "," +
           std::to_string(NewEnd - From) + " @@\n";
    for (size_t I = From; I < Head; ++I)
      Out += " " + escape(Old[I]) + "\n";
    for (size_t I = Head; I < Old.size() - Tail; ++I)
      Out += "<span class=\"del\">-" + escape(Old[I]) + "</span>\n";
    for (size_t I = Head; I < New.size() - Tail; ++I)
      Out += "<span class=\"add\">+" + escape(New[I]) + "</span>\n";
    for (size_t I = Old.size() - Tail; I < OldEnd; ++I)
      Out += " " + escape(Old[I]) + "\n";
  }
  return Out;
}

std::string findingPage(const Finding &F, SourcePositions &Sources) {
  const ClangTidyError &E = *F.E;
  std::string Body = "<p><a href=\"index.html\">All findings</a></p>\n<h1>" +
                     escape(E.Message.Message) + "</h1>\n<p><code>" +
                     escape(E.DiagnosticName) + "</code> at <code>" +
                     escape(F.File + ":" + std::to_string(F.Line)) +
                     "</code></p>\n<ul class=\"notes\">\n";
  for (const auto &N : E.Notes)
    Body +=
        "<li>" +
        escape(N.FilePath.empty()
                   ? N.Message
                   : placeText({N.FilePath, N.FileOffset,
                                Sources.position(N.FilePath, N.FileOffset).Line,
                                1},
                               Sources) +
                         ": " + N.Message) +
        "</li>\n";
  Body += "</ul>\n<p class=\"legend\"><span class=\"hl-read\" "
          "style=\"background:#ffe0a0\">read</span><span "
          "style=\"background:#d8e8ff\">check</span><span "
          "style=\"background:#ffc8c8\">write</span><span "
          "style=\"background:#e0f0d8\">transaction</span></p>\n"
          "<div class=\"columns\">\n<div class=\"source\"><h2>Source</h2>\n" +
          sourceTable(F, Sources) +
          "</div>\n<div class=\"timeline-box\"><h2>Two requests at "
          "once</h2>\n" +
          timelineList(F, Sources) + "</div>\n</div>\n<h2>Suggested fix</h2>\n";
  std::string Diff = fixDiff(E, Sources);
  Body += Diff.empty() ? "<p>No automatic fix; the notes say what to "
                         "write.</p>\n"
                       : "<pre class=\"diff\">" + Diff + "</pre>\n";
  return page(E.Message.Message, Body);
}

std::string indexPage(const std::vector<Finding> &Findings,
                      const std::vector<const ClangTidyError *> &Problems) {
  std::map<std::string,
           std::map<std::string,
                    std::map<std::string, std::vector<const Finding *>>>>
      Grouped;
  for (const Finding &F : Findings)
    Grouped[F.E->DiagnosticName][F.File][F.Table].push_back(&F);
  std::string Body = "<h1>dbrace: " + std::to_string(Findings.size()) +
                     (Findings.size() == 1 ? " finding" : " findings") +
                     "</h1>\n";
  for (const ClangTidyError *P : Problems)
    Body +=
        "<p class=\"error\">error: " + escape(P->Message.Message) + "</p>\n";
  for (const auto &[Check, Files] : Grouped) {
    Body += "<h2 class=\"check\">" + escape(Check) + "</h2>\n";
    for (const auto &[File, Tables] : Files) {
      Body += "<h3 class=\"file\">" + escape(File) + "</h3>\n";
      for (const auto &[Table, List] : Tables) {
        Body += "<h4 class=\"table\">table " +
                escape(Table.empty() ? "(unknown)" : Table) + "</h4>\n<ul>\n";
        for (const Finding *F : List)
          Body += "<li><a href=\"" + F->Page + "\">line " +
                  std::to_string(F->Line) +
                  "</a>: " + escape(F->E->Message.Message) + "</li>\n";
        Body += "</ul>\n";
      }
    }
  }
  return page("dbrace report", Body);
}

llvm::Error writeFile(llvm::StringRef Dir, llvm::StringRef Name,
                      llvm::StringRef Text) {
  llvm::SmallString<256> Path(Dir);
  llvm::sys::path::append(Path, Name);
  return llvm::writeToOutput(Path, [&](llvm::raw_ostream &OS) {
    OS << Text;
    return llvm::Error::success();
  });
}

} // namespace

llvm::Error writeHtmlReport(llvm::StringRef Dir,
                            const std::vector<ClangTidyError> &Errors,
                            SourcePositions &Sources,
                            const TimelineSession *Timelines) {
  if (std::error_code EC = llvm::sys::fs::create_directories(Dir))
    return llvm::createStringError(EC, "cannot create '%s': %s",
                                   Dir.str().c_str(), EC.message().c_str());
  std::vector<Finding> Findings;
  std::vector<const ClangTidyError *> Problems;
  for (const ClangTidyError &E : Errors) {
    if (!isFinding(E)) {
      if (E.DiagLevel == clang::tooling::Diagnostic::Error)
        Problems.push_back(&E);
      continue;
    }
    Finding F;
    F.E = &E;
    F.T = Timelines ? Timelines->find(E) : nullptr;
    F.Page = "finding-" + std::to_string(Findings.size() + 1) + ".html";
    F.File = Sources.displayPath(E.Message.FilePath);
    F.Line = Sources.position(E.Message.FilePath, E.Message.FileOffset).Line;
    F.Table = F.T ? F.T->Table : "";
    Findings.push_back(std::move(F));
  }
  for (const Finding &F : Findings)
    if (llvm::Error Err = writeFile(Dir, F.Page, findingPage(F, Sources)))
      return Err;
  return writeFile(Dir, "index.html", indexPage(Findings, Problems));
}

} // namespace dbrace::tool
