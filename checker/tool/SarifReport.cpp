//===--- SarifReport.cpp - Findings as SARIF 2.1.0 ------------------------===//

#include "SarifReport.h"
#include "Baseline.h"
#include "CheckCatalog.h"
#include "CodeScanningHash.h"
#include "Timelines.h"
#include "clang/Basic/LangOptions.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"

using clang::tidy::ClangTidyError;
using clang::tooling::DiagnosticMessage;
using llvm::json::Array;
using llvm::json::Object;
using llvm::json::Value;

namespace dbrace::tool {
namespace {

const char SourceRootId[] = "%SRCROOT%";

/// Percent-encodes what may not appear as is in a URI path.
std::string uriPath(llvm::StringRef Path) {
  std::string Out;
  for (unsigned char C : Path) {
    if (llvm::isAlnum(C) || llvm::StringRef("-._~/").contains(C))
      Out += C;
    else
      Out += "%" + llvm::utohexstr(C, /*LowerCase=*/false, /*Width=*/2);
  }
  return Out;
}

/// A message string of SARIF: literal brackets are escaped, so that only
/// embedded links are links.
std::string sarifText(llvm::StringRef Text) {
  std::string Out;
  for (char C : Text) {
    if (C == '[' || C == ']')
      Out += '\\';
    Out += C;
  }
  return Out;
}

/// The bytes of the expression head at \p Offset, which is what a
/// diagnostic's caret points at: a name, or names joined by `.`, `->` or
/// `::` (`w.exec_params`), else the one token there. Findings carry a
/// place, not a range; this gives the region an end a viewer can
/// highlight.
unsigned headLength(llvm::StringRef Text, unsigned Offset) {
  if (Offset >= Text.size())
    return 0;
  // The lexer wants a null-terminated buffer; a head is short.
  std::string Slice = Text.substr(Offset, 4096).str();
  clang::LangOptions Lang;
  Lang.CPlusPlus = Lang.CPlusPlus11 = Lang.CPlusPlus14 = Lang.CPlusPlus17 = 1;
  clang::SourceLocation Start = clang::SourceLocation::getFromRawEncoding(1);
  clang::Lexer Lex(Start, Lang, Slice.data(), Slice.data(),
                   Slice.data() + Slice.size());
  auto EndOf = [&](const clang::Token &Tok) {
    return Tok.getLocation().getRawEncoding() - Start.getRawEncoding() +
           Tok.getLength();
  };
  clang::Token Tok;
  Lex.LexFromRawLexer(Tok);
  unsigned End = std::max(1u, EndOf(Tok));
  while (Tok.is(clang::tok::raw_identifier)) {
    clang::Token Joint, Name;
    Lex.LexFromRawLexer(Joint);
    if (!Joint.isOneOf(clang::tok::period, clang::tok::arrow,
                       clang::tok::coloncolon))
      break;
    Lex.LexFromRawLexer(Name);
    if (!Name.is(clang::tok::raw_identifier))
      break;
    End = EndOf(Name);
    Tok = Name;
  }
  return std::min<size_t>(End, Text.size() - Offset);
}

class SarifBuilder {
public:
  SarifBuilder(SourcePositions &Sources) : Sources(Sources) {}

  Value artifact(llvm::StringRef File) {
    if (Sources.isBelowRoot(File))
      return Object{{"uri", uriPath(Sources.displayPath(File))},
                    {"uriBaseId", SourceRootId}};
    return Object{{"uri", "file://" + uriPath(File)}};
  }

  Value region(llvm::StringRef File, unsigned Offset) {
    Position P = Sources.position(File, Offset);
    if (P.Line == 0)
      return Object{};
    Position End = Sources.position(
        File, Offset + headLength(Sources.contents(File), Offset));
    return Object{{"startLine", P.Line},
                  {"startColumn", P.CharColumn},
                  {"endLine", End.Line},
                  {"endColumn", End.CharColumn}};
  }

  /// A place with no file (clang-tidy's note on a refused fix) has only
  /// its message.
  Value location(const DiagnosticMessage &M, bool WithMessage) {
    Object L;
    if (!M.FilePath.empty()) {
      Object Physical{{"artifactLocation", artifact(M.FilePath)}};
      Object Region =
          std::move(*region(M.FilePath, M.FileOffset).getAsObject());
      if (!Region.empty())
        Physical["region"] = std::move(Region);
      L["physicalLocation"] = std::move(Physical);
    }
    if (WithMessage)
      L["message"] = Object{{"text", sarifText(M.Message)}};
    return L;
  }

  /// What code scanning itself computes for the line of \p M, so that it
  /// tracks the result as it would any other; empty if the file is gone.
  std::string lineHash(const DiagnosticMessage &M) {
    Position P = Sources.position(M.FilePath, M.FileOffset);
    if (P.Line == 0)
      return {};
    auto It = LineHashes.find(M.FilePath);
    if (It == LineHashes.end())
      It =
          LineHashes
              .try_emplace(M.FilePath,
                           codeScanningLineHashes(Sources.contents(M.FilePath)))
              .first;
    return P.Line <= It->second.size() ? It->second[P.Line - 1] : "";
  }

  /// The warning and its notes in the order they happen in straight-line
  /// code: the transaction's begin, the read, the check, the write. Places
  /// in other files keep the order the analysis gave them.
  Value codeFlow(const ClangTidyError &E) {
    std::vector<const DiagnosticMessage *> Steps{&E.Message};
    for (const DiagnosticMessage &N : E.Notes)
      Steps.push_back(&N);
    bool OneFile = llvm::all_of(Steps, [&](const DiagnosticMessage *M) {
      return M->FilePath == E.Message.FilePath;
    });
    if (OneFile)
      llvm::stable_sort(
          Steps, [](const DiagnosticMessage *A, const DiagnosticMessage *B) {
            return A->FileOffset < B->FileOffset;
          });
    Array Locations;
    for (const DiagnosticMessage *M : Steps) {
      Object Step{{"location", location(*M, /*WithMessage=*/true)}};
      if (M == &E.Message)
        Step["importance"] = "essential";
      Locations.push_back(std::move(Step));
    }
    return Object{
        {"threadFlows", Array{Object{{"locations", std::move(Locations)}}}}};
  }

  /// The race as SARIF models concurrency: a thread flow per request,
  /// their locations numbered across both (executionOrder) in the order
  /// they run.
  Value timelineFlow(const timeline::Timeline &T, llvm::StringRef Check) {
    Array Flows[2];
    int64_t Order = 0;
    for (const WordedStep &W : wordTimeline(T, Check, /*MergeChecks=*/false)) {
      const timeline::Step &S = *W.From;
      const trace::Place &At = S.Helper.empty() ? S.At : S.InHelper;
      Object Location{{"message", Object{{"text", sarifText(W.Text)}}}};
      if (At.valid())
        Location["physicalLocation"] =
            Object{{"artifactLocation", artifact(At.File)},
                   {"region", region(At.File, At.Offset)}};
      Object Step{{"location", std::move(Location)},
                  {"executionOrder", ++Order}};
      if (S.Kind == timeline::StepKind::Write ||
          S.Kind == timeline::StepKind::Outcome)
        Step["importance"] = "essential";
      Flows[S.Who == timeline::Request::B].push_back(std::move(Step));
    }
    Array Threads;
    for (timeline::Request R : {timeline::Request::A, timeline::Request::B})
      Threads.push_back(
          Object{{"id", R == timeline::Request::A ? "A" : "B"},
                 {"message", Object{{"text", requestName(R)}}},
                 {"locations", std::move(Flows[R == timeline::Request::B])}});
    return Object{{"message", Object{{"text", "two requests at once"}}},
                  {"threadFlows", std::move(Threads)}};
  }

  Value fix(const DiagnosticMessage &M) {
    Array Changes;
    for (const auto &FileAndReplacements : M.Fix) {
      Array Replacements;
      for (const clang::tooling::Replacement &R : FileAndReplacements.second) {
        Position Begin = Sources.position(R.getFilePath(), R.getOffset());
        Position End =
            Sources.position(R.getFilePath(), R.getOffset() + R.getLength());
        Replacements.push_back(Object{
            {"deletedRegion", Object{{"startLine", Begin.Line},
                                     {"startColumn", Begin.CharColumn},
                                     {"endLine", End.Line},
                                     {"endColumn", End.CharColumn}}},
            {"insertedContent", Object{{"text", R.getReplacementText()}}}});
      }
      Changes.push_back(
          Object{{"artifactLocation", artifact(FileAndReplacements.first())},
                 {"replacements", std::move(Replacements)}});
    }
    return Object{{"description", Object{{"text", "Apply dbrace's fix-it"}}},
                  {"artifactChanges", std::move(Changes)}};
  }

private:
  SourcePositions &Sources;
  llvm::StringMap<std::vector<std::string>> LineHashes;
};

/// The page a rule links to: under \p DocsUrl if given, else the page
/// installed beside the binary, if it is there.
std::string helpUri(const std::string &DocsUrl, llvm::StringRef Check) {
  if (!DocsUrl.empty())
    return DocsUrl + Check.str() + ".md";
  std::string Dir = installedPagesDirectory();
  if (Dir.empty())
    return {};
  std::string Page = Dir + Check.str() + ".md";
  if (!llvm::sys::fs::is_regular_file(Page))
    return {};
  return "file://" + uriPath(Page);
}

/// One rule per check, with its summary, page and where the page is.
Array rulesOf(const std::vector<CheckInfo> &Checks,
              const std::string &DocsUrl) {
  Array Rules;
  for (const CheckInfo &C : Checks) {
    Object Rule{{"id", C.Name},
                {"defaultConfiguration", Object{{"level", "warning"}}}};
    if (!C.Summary.empty()) {
      Rule["shortDescription"] = Object{{"text", C.Summary}};
      Rule["fullDescription"] = Object{{"text", C.Description}};
      Rule["help"] = Object{{"text", C.Page.str()}, {"markdown", C.Page.str()}};
    }
    std::string Uri = helpUri(DocsUrl, C.Name);
    if (!Uri.empty())
      Rule["helpUri"] = std::move(Uri);
    Rules.push_back(std::move(Rule));
  }
  return Rules;
}

/// An error that is not a finding (a file that did not compile, a bad
/// configuration): a tool execution notification, not a result.
Object notification(SarifBuilder &B, const ClangTidyError &E) {
  Object N{{"level", "error"},
           {"message", Object{{"text", sarifText(E.Message.Message)}}},
           {"descriptor", Object{{"id", E.DiagnosticName}}}};
  if (!E.Message.FilePath.empty())
    N["locations"] = Array{B.location(E.Message, /*WithMessage=*/false)};
  return N;
}

/// Code scanning shows a related location only where the message links
/// it: each note is linked by its id, in the notes' order.
std::string messageLinkingNotes(const ClangTidyError &E) {
  std::string Text = sarifText(E.Message.Message);
  for (size_t I = 0; I < E.Notes.size(); ++I)
    Text += (I == 0 ? " ([" : "; [") + sarifText(E.Notes[I].Message) + "](" +
            std::to_string(I + 1) + ")" + (I + 1 == E.Notes.size() ? ")" : "");
  return Text;
}

Array relatedLocations(SarifBuilder &B, const ClangTidyError &E) {
  Array Related;
  for (size_t I = 0; I < E.Notes.size(); ++I) {
    Value L = B.location(E.Notes[I], /*WithMessage=*/true);
    L.getAsObject()->try_emplace("id", static_cast<int64_t>(I + 1));
    Related.push_back(std::move(L));
  }
  return Related;
}

/// Ours, stable across edits elsewhere in the file, and code scanning's
/// own line hash, so that it tracks the result as it would any other.
Object fingerprints(SarifBuilder &B, const ClangTidyError &E,
                    SourcePositions &Sources) {
  Object Fingerprints{{"dbraceFinding/v1", findingFingerprint(E, Sources)}};
  std::string LineHash = B.lineHash(E.Message);
  if (!LineHash.empty())
    Fingerprints["primaryLocationLineHash"] = std::move(LineHash);
  return Fingerprints;
}

Object result(SarifBuilder &B, const ClangTidyError &E,
              const std::vector<CheckInfo> &Checks, SourcePositions &Sources,
              const TimelineSession *Timelines) {
  Object R{{"ruleId", E.DiagnosticName},
           {"level", "warning"},
           {"message", Object{{"text", messageLinkingNotes(E)}}},
           {"locations", Array{B.location(E.Message, /*WithMessage=*/false)}}};
  auto Rule = llvm::find_if(
      Checks, [&](const CheckInfo &C) { return C.Name == E.DiagnosticName; });
  if (Rule != Checks.end())
    R["ruleIndex"] = static_cast<int64_t>(Rule - Checks.begin());
  if (!E.Notes.empty()) {
    R["relatedLocations"] = relatedLocations(B, E);
    R["codeFlows"] = Array{B.codeFlow(E)};
  }
  if (const timeline::Timeline *T = Timelines ? Timelines->find(E) : nullptr)
    R["codeFlows"] = Array{B.timelineFlow(*T, E.DiagnosticName)};
  if (!E.Message.Fix.empty())
    R["fixes"] = Array{B.fix(E.Message)};
  if (isFinding(E))
    R["partialFingerprints"] = fingerprints(B, E, Sources);
  return R;
}

/// What `%SRCROOT%` stands for: the source root as a folder URI.
Object sourceRootBase(llvm::StringRef Root) {
  return Object{
      {"uri", "file://" + uriPath(Root) + (Root.ends_with("/") ? "" : "/")}};
}

} // namespace

void writeSarifReport(const std::vector<ClangTidyError> &Errors,
                      SourcePositions &Sources, const SarifOptions &Options,
                      llvm::raw_ostream &OS) {
  SarifBuilder B(Sources);
  std::vector<CheckInfo> Checks = dbraceChecks();
  Array Results, Notifications;
  for (const ClangTidyError &E : Errors) {
    if (E.DiagLevel == clang::tooling::Diagnostic::Error && !isFinding(E))
      Notifications.push_back(notification(B, E));
    else
      Results.push_back(result(B, E, Checks, Sources, Options.Timelines));
  }

  Object Driver{{"name", "dbrace"},
                {"version", Options.ToolVersion},
                {"rules", rulesOf(Checks, Options.DocsUrl)}};
  Object Run{
      {"tool", Object{{"driver", std::move(Driver)}}},
      {"originalUriBaseIds",
       Object{{SourceRootId, sourceRootBase(Sources.root())}}},
      {"columnKind", "unicodeCodePoints"},
      {"invocations",
       Array{Object{{"executionSuccessful", Notifications.empty()},
                    {"toolExecutionNotifications", std::move(Notifications)}}}},
      {"results", std::move(Results)}};
  Value Log =
      Object{{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
             {"version", "2.1.0"},
             {"runs", Array{std::move(Run)}}};
  OS << llvm::formatv("{0:2}", Log) << "\n";
}

} // namespace dbrace::tool
