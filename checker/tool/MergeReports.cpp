//===--- MergeReports.cpp - `dbrace merge`: shards' reports joined --------===//

#include "MergeReports.h"
#include "JsonReport.h"
#include "MergeRules.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include <optional>
#include <tuple>

using llvm::json::Array;
using llvm::json::Object;
using llvm::json::Value;

namespace dbrace::tool {
namespace {

constexpr int ExitWritten = 0, ExitError = 2;

const char Usage[] =
    "usage: dbrace merge <report>... [-o <file>] [--source-root=<dir>]\n\n"
    "Joins the SARIF (or the JSON) reports of `dbrace --shard=K/N` runs into\n"
    "the report one run over all their files writes. --source-root is the\n"
    "one the JSON reports were written with (default: the current\n"
    "directory); SARIF reports name theirs. Rules files (.yaml), such as\n"
    "summaries, are joined into one rules file.\n";

/// Where a diagnostic sorts in the driver's report: absolute file, place,
/// check, message (ErrorMerge's order; line and column order as offsets).
using SortKey =
    std::tuple<std::string, int64_t, int64_t, std::string, std::string>;

struct Input {
  std::string Path;
  Value Doc = nullptr;
};

std::string percentDecode(llvm::StringRef S) {
  std::string Out;
  for (size_t I = 0; I < S.size(); ++I) {
    unsigned Byte;
    if (S[I] == '%' && I + 2 < S.size() &&
        !S.substr(I + 1, 2).getAsInteger(16, Byte)) {
      Out += static_cast<char>(Byte);
      I += 2;
    } else {
      Out += S[I];
    }
  }
  return Out;
}

std::string filePath(llvm::StringRef Uri) {
  Uri.consume_front("file://");
  return percentDecode(Uri);
}

int64_t intAt(const Object *O, llvm::StringRef Key) {
  return O ? O->getInteger(Key).value_or(0) : 0;
}

std::string stringAt(const Object *O, llvm::StringRef Key) {
  if (!O)
    return {};
  return O->getString(Key).value_or("").str();
}

/// A SARIF result or notification: its first location's file and start,
/// its rule (or descriptor) and its message.
SortKey sarifKey(const Value &V, llvm::StringRef RootPath) {
  const Object *O = V.getAsObject();
  std::string File;
  int64_t Line = 0, Column = 0;
  const Array *Locations = O ? O->getArray("locations") : nullptr;
  if (Locations && !Locations->empty())
    if (const Object *Physical =
            (*Locations)[0].getAsObject()
                ? (*Locations)[0].getAsObject()->getObject("physicalLocation")
                : nullptr) {
      const Object *Artifact = Physical->getObject("artifactLocation");
      std::string Uri = stringAt(Artifact, "uri");
      File = Artifact && Artifact->getString("uriBaseId")
                 ? RootPath.str() + percentDecode(Uri)
                 : filePath(Uri);
      const Object *Region = Physical->getObject("region");
      Line = intAt(Region, "startLine");
      Column = intAt(Region, "startColumn");
    }
  std::string Rule = stringAt(O, "ruleId");
  if (Rule.empty() && O)
    Rule = stringAt(O->getObject("descriptor"), "id");
  return {File, Line, Column, Rule,
          O ? stringAt(O->getObject("message"), "text") : ""};
}

SortKey jsonKey(const Value &V, llvm::StringRef RootPath) {
  const Object *O = V.getAsObject();
  std::string File = stringAt(O, "file");
  if (!File.empty() && !llvm::sys::path::is_absolute(File))
    File = RootPath.str() + File;
  return {File, intAt(O, "line"), intAt(O, "column"), stringAt(O, "check"),
          stringAt(O, "message")};
}

/// Sorted as the driver sorts, and of equal diagnostics (one finding in a
/// header that files of several shards include) the first kept.
Array sortedUnique(std::vector<Value> Items,
                   const std::function<SortKey(const Value &)> &Key) {
  std::vector<std::pair<SortKey, size_t>> Order;
  for (size_t I = 0; I < Items.size(); ++I)
    Order.push_back({Key(Items[I]), I});
  llvm::stable_sort(
      Order, [](const auto &A, const auto &B) { return A.first < B.first; });
  Array Out;
  for (size_t I = 0; I < Order.size(); ++I)
    if (I == 0 || Order[I].first != Order[I - 1].first)
      Out.push_back(std::move(Items[Order[I].second]));
  return Out;
}

Object *onlyRun(Value &Doc) {
  Object *Log = Doc.getAsObject();
  Array *Runs = Log ? Log->getArray("runs") : nullptr;
  if (!Runs || Runs->size() != 1 || !(*Runs)[0].getAsObject() ||
      Log->getString("version") != llvm::StringRef("2.1.0"))
    return nullptr;
  return (*Runs)[0].getAsObject();
}

Object *firstInvocation(Object &Run) {
  Array *Invocations = Run.getArray("invocations");
  if (!Invocations || Invocations->empty())
    return nullptr;
  return (*Invocations)[0].getAsObject();
}

std::optional<Value> mergeSarif(std::vector<Input> &Inputs,
                                llvm::raw_ostream &Err) {
  Object *First = onlyRun(Inputs.front().Doc);
  std::vector<Value> Results, Notifications;
  for (Input &In : Inputs) {
    Object *Run = onlyRun(In.Doc);
    if (!Run || !firstInvocation(*Run) || !Run->getArray("results")) {
      Err << "dbrace: error: " << In.Path
          << ": not a SARIF 2.1.0 report of one dbrace run\n";
      return std::nullopt;
    }
    // Results can be joined only if their rule indexes, fingerprints and
    // relative paths mean the same in every report.
    for (llvm::StringRef Same : {"tool", "originalUriBaseIds", "columnKind"}) {
      const Value *Mine = Run->get(Same), *Theirs = First->get(Same);
      if (!Mine || !Theirs || *Mine != *Theirs) {
        Err << "dbrace: error: " << In.Path
            << ": another source root or dbrace than " << Inputs.front().Path
            << "\n";
        return std::nullopt;
      }
    }
    for (Value &R : *Run->getArray("results"))
      Results.push_back(std::move(R));
    if (Array *N =
            firstInvocation(*Run)->getArray("toolExecutionNotifications"))
      for (Value &V : *N)
        Notifications.push_back(std::move(V));
  }

  std::string RootPath;
  if (const Object *Bases = First->getObject("originalUriBaseIds"))
    RootPath = filePath(stringAt(Bases->getObject("%SRCROOT%"), "uri"));
  auto Key = [&](const Value &V) { return sarifKey(V, RootPath); };
  Array Merged = sortedUnique(std::move(Results), Key);
  Array MergedNotifications = sortedUnique(std::move(Notifications), Key);

  Value Log = std::move(Inputs.front().Doc);
  Object *Run = onlyRun(Log);
  Object *Invocation = firstInvocation(*Run);
  (*Invocation)["executionSuccessful"] = MergedNotifications.empty();
  (*Invocation)["toolExecutionNotifications"] = std::move(MergedNotifications);
  (*Run)["results"] = std::move(Merged);
  return Log;
}

bool checkJson(const Input &In, llvm::raw_ostream &Err) {
  for (const Value &V : *In.Doc.getAsArray())
    if (!V.getAsObject() || !V.getAsObject()->getString("check")) {
      Err << "dbrace: error: " << In.Path
          << ": not a dbrace JSON report (an element is not a diagnostic)\n";
      return false;
    }
  return true;
}

bool parseArgs(llvm::ArrayRef<llvm::StringRef> Args,
               std::vector<std::string> &Paths, std::string &Output,
               std::string &Root, llvm::raw_ostream &Err) {
  for (size_t I = 0; I < Args.size(); ++I) {
    llvm::StringRef A = Args[I];
    auto Take = [&](llvm::StringRef Long, llvm::StringRef Short,
                    std::string &To) {
      if (A.consume_front(Long) && A.consume_front("=")) {
        To = A.str();
        return true;
      }
      A = Args[I];
      if ((A == Long || (!Short.empty() && A == Short)) &&
          I + 1 < Args.size()) {
        To = Args[++I].str();
        return true;
      }
      A = Args[I];
      return false;
    };
    if (Take("--output", "-o", Output) || Take("-output", "", Output) ||
        Take("--source-root", "", Root) || Take("-source-root", "", Root))
      continue;
    if (A.starts_with("-o") && A.size() > 2 && !A.starts_with("-output")) {
      llvm::StringRef File = A.drop_front(2);
      File.consume_front("=");
      Output = File.str();
      continue;
    }
    if (A.starts_with("-") && A != "-") {
      Err << "dbrace: error: merge: unknown option '" << A
          << "' (see dbrace merge --help)\n";
      return false;
    }
    Paths.push_back(A.str());
  }
  if (Paths.empty()) {
    Err << "dbrace: error: merge: no input reports (see dbrace merge --help)\n";
    return false;
  }
  return true;
}

bool writeTo(const std::string &Path, llvm::StringRef Text,
             llvm::raw_ostream &Out, llvm::raw_ostream &Err) {
  if (Path.empty()) {
    Out << Text;
    Out.flush();
    return true;
  }
  if (llvm::Error E = llvm::writeToOutput(Path, [&](llvm::raw_ostream &OS) {
        OS << Text;
        return llvm::Error::success();
      })) {
    Err << "dbrace: error: cannot write '" << Path
        << "': " << llvm::toString(std::move(E)) << "\n";
    return false;
  }
  return true;
}

/// Rules files (summaries): every input must be one.
int mergeRules(const std::vector<std::string> &Paths, const std::string &Output,
               llvm::raw_ostream &Out, llvm::raw_ostream &Err) {
  std::vector<RulesText> Texts;
  for (const std::string &Path : Paths) {
    if (!isRulesFile(Path)) {
      Err << "dbrace: error: " << Path
          << ": a report; cannot merge it with rules files\n";
      return ExitError;
    }
    auto Buffer = llvm::MemoryBuffer::getFileOrSTDIN(Path, /*IsText=*/true);
    if (!Buffer) {
      Err << "dbrace: error: " << Path << ": " << Buffer.getError().message()
          << "\n";
      return ExitError;
    }
    Texts.push_back({Path, (*Buffer)->getBuffer().str()});
  }
  llvm::Expected<std::string> Merged = mergeRulesTexts(Texts);
  if (!Merged) {
    Err << llvm::toString(Merged.takeError()) << "\n";
    return ExitError;
  }
  return writeTo(Output, *Merged, Out, Err) ? ExitWritten : ExitError;
}

} // namespace

int mergeMain(llvm::ArrayRef<llvm::StringRef> Args, llvm::raw_ostream &Out,
              llvm::raw_ostream &Err) {
  if (llvm::is_contained(Args, "--help") || llvm::is_contained(Args, "-help")) {
    Out << Usage;
    return ExitWritten;
  }
  std::vector<std::string> Paths;
  std::string Output, Root;
  if (!parseArgs(Args, Paths, Output, Root, Err))
    return ExitError;

  if (llvm::any_of(Paths, isRulesFile))
    return mergeRules(Paths, Output, Out, Err);

  std::vector<Input> Inputs;
  for (const std::string &Path : Paths) {
    auto Buffer = llvm::MemoryBuffer::getFileOrSTDIN(Path, /*IsText=*/true);
    if (!Buffer) {
      Err << "dbrace: error: " << Path << ": " << Buffer.getError().message()
          << "\n";
      return ExitError;
    }
    llvm::Expected<Value> Doc = llvm::json::parse((*Buffer)->getBuffer());
    if (!Doc) {
      Err << "dbrace: error: " << Path
          << ": not JSON: " << llvm::toString(Doc.takeError()) << "\n";
      return ExitError;
    }
    Inputs.push_back({Path, std::move(*Doc)});
  }

  bool Sarif = Inputs.front().Doc.getAsObject() != nullptr;
  for (const Input &In : Inputs) {
    if (!In.Doc.getAsObject() && !In.Doc.getAsArray()) {
      Err << "dbrace: error: " << In.Path
          << ": neither a SARIF nor a JSON report\n";
      return ExitError;
    }
    if ((In.Doc.getAsObject() != nullptr) != Sarif) {
      Err << "dbrace: error: " << In.Path << ": a "
          << (Sarif ? "JSON" : "SARIF") << " report; cannot merge it with "
          << (Sarif ? "SARIF" : "JSON") << "\n";
      return ExitError;
    }
  }

  std::string Text;
  llvm::raw_string_ostream OS(Text);
  if (Sarif) {
    std::optional<Value> Log = mergeSarif(Inputs, Err);
    if (!Log)
      return ExitError;
    OS << llvm::formatv("{0:2}", *Log) << "\n";
  } else {
    // As the driver makes --source-root absolute.
    llvm::SmallString<256> RootPath(Root.empty() ? "." : Root);
    if (std::error_code EC = llvm::sys::fs::make_absolute(RootPath)) {
      Err << "dbrace: error: bad --source-root: " << EC.message() << "\n";
      return ExitError;
    }
    llvm::sys::path::remove_dots(RootPath, /*remove_dot_dot=*/true);
    std::string Prefix = std::string(RootPath);
    if (!llvm::StringRef(Prefix).ends_with("/"))
      Prefix += "/";
    std::vector<Value> All;
    for (Input &In : Inputs) {
      if (!checkJson(In, Err))
        return ExitError;
      for (Value &V : *In.Doc.getAsArray())
        All.push_back(std::move(V));
    }
    writeJsonDiagnostics(
        sortedUnique(std::move(All),
                     [&](const Value &V) { return jsonKey(V, Prefix); }),
        OS);
  }
  return writeTo(Output, Text, Out, Err) ? ExitWritten : ExitError;
}

} // namespace dbrace::tool
