//===--- SarifReport.cpp - Findings as SARIF 2.1.0 ------------------------===//

#include "SarifReport.h"
#include "Baseline.h"
#include "CheckCatalog.h"
#include "llvm/ADT/StringExtras.h"
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
    return Object{{"startLine", P.Line}, {"startColumn", P.CharColumn}};
  }

  Value location(const DiagnosticMessage &M, bool WithMessage) {
    Object Physical{{"artifactLocation", artifact(M.FilePath)}};
    Object Region = std::move(*region(M.FilePath, M.FileOffset).getAsObject());
    if (!Region.empty())
      Physical["region"] = std::move(Region);
    Object L{{"physicalLocation", std::move(Physical)}};
    if (WithMessage)
      L["message"] = Object{{"text", M.Message}};
    return L;
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
      llvm::stable_sort(Steps, [](const DiagnosticMessage *A,
                                  const DiagnosticMessage *B) {
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
};

} // namespace

void writeSarifReport(const std::vector<ClangTidyError> &Errors,
                      SourcePositions &Sources, const SarifOptions &Options,
                      llvm::raw_ostream &OS) {
  SarifBuilder B(Sources);
  std::vector<CheckInfo> Checks = dbraceChecks();
  Array Rules;
  for (const CheckInfo &C : Checks) {
    Object Rule{{"id", C.Name},
                {"defaultConfiguration", Object{{"level", "warning"}}}};
    if (!C.Summary.empty())
      Rule["shortDescription"] = Object{{"text", C.Summary}};
    if (!Options.DocsUrl.empty())
      Rule["helpUri"] = Options.DocsUrl + C.Name + ".md";
    Rules.push_back(std::move(Rule));
  }

  Array Results, Notifications;
  for (const ClangTidyError &E : Errors) {
    if (E.DiagLevel == clang::tooling::Diagnostic::Error && !isFinding(E)) {
      Object N{{"level", "error"},
               {"message", Object{{"text", E.Message.Message}}},
               {"descriptor", Object{{"id", E.DiagnosticName}}}};
      if (!E.Message.FilePath.empty())
        N["locations"] = Array{B.location(E.Message, /*WithMessage=*/false)};
      Notifications.push_back(std::move(N));
      continue;
    }
    Object R{{"ruleId", E.DiagnosticName},
             {"level", "warning"},
             {"message", Object{{"text", E.Message.Message}}},
             {"locations", Array{B.location(E.Message, /*WithMessage=*/false)}}};
    auto Rule = llvm::find_if(
        Checks, [&](const CheckInfo &C) { return C.Name == E.DiagnosticName; });
    if (Rule != Checks.end())
      R["ruleIndex"] = static_cast<int64_t>(Rule - Checks.begin());
    if (!E.Notes.empty()) {
      Array Related;
      for (size_t I = 0; I < E.Notes.size(); ++I) {
        Value L = B.location(E.Notes[I], /*WithMessage=*/true);
        L.getAsObject()->try_emplace("id", static_cast<int64_t>(I + 1));
        Related.push_back(std::move(L));
      }
      R["relatedLocations"] = std::move(Related);
      R["codeFlows"] = Array{B.codeFlow(E)};
    }
    if (!E.Message.Fix.empty())
      R["fixes"] = Array{B.fix(E.Message)};
    if (isFinding(E))
      R["partialFingerprints"] = Object{{"dbraceFinding/v1", findingFingerprint(E, Sources)}};
    Results.push_back(std::move(R));
  }

  Object Driver{{"name", "dbrace"},
                {"version", Options.ToolVersion},
                {"rules", std::move(Rules)}};
  Object Run{
      {"tool", Object{{"driver", std::move(Driver)}}},
      {"originalUriBaseIds",
       Object{{SourceRootId,
               Object{{"uri", "file://" + uriPath(Sources.root()) +
                                  (llvm::StringRef(Sources.root()).ends_with("/")
                                       ? ""
                                       : "/")}}}}},
      {"columnKind", "unicodeCodePoints"},
      {"invocations",
       Array{Object{{"executionSuccessful", Notifications.empty()},
                    {"toolExecutionNotifications", std::move(Notifications)}}}},
      {"results", std::move(Results)}};
  Value Log = Object{
      {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
      {"version", "2.1.0"},
      {"runs", Array{std::move(Run)}}};
  OS << llvm::formatv("{0:2}", Log) << "\n";
}

} // namespace dbrace::tool
