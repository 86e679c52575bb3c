//===--- RuleUsage.cpp - Which rules matched, and what was wrong with them ===//

#include "RuleUsage.h"
#include "UnitRecording.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/ADT/Twine.h"
#include <atomic>
#include <map>
#include <mutex>
#include <set>

using namespace dbrace;

namespace {
// The driver analyses files on several threads.
struct Usage {
  std::mutex Lock;
  /// `file:line` of each rule that matched: several models may hold copies
  /// of one user file, and any copy matching counts.
  llvm::StringSet<> Matched;
  std::vector<std::string> Warnings;
  llvm::StringSet<> Seen;
  size_t Taken = 0;
};

Usage &usage() {
  static Usage *U = new Usage; // Outlives the static destructors.
  return *U;
}

std::atomic<bool> ReportedAtEnd{false};

std::string placeOf(const LibraryRules &Library, unsigned Line) {
  return (Library.SourcePath + ":" + llvm::Twine(Line)).str();
}
} // namespace

void dbrace::noteRuleMatched(const LibraryRules &Library, unsigned Line) {
  if (!Library.UserFile || !Line)
    return;
  noteRuleMatchedAt(placeOf(Library, Line));
}

void dbrace::noteRuleMatchedAt(llvm::StringRef Place) {
  if (UnitRecord *Unit = currentUnitRecord())
    Unit->RulesMatched.insert(Place.str());
  Usage &U = usage();
  std::lock_guard<std::mutex> Guard(U.Lock);
  U.Matched.insert(Place);
}

void dbrace::noteRuleWarning(std::string Text) {
  if (UnitRecord *Unit = currentUnitRecord())
    Unit->RuleWarnings.push_back(Text);
  Usage &U = usage();
  std::lock_guard<std::mutex> Guard(U.Lock);
  if (U.Seen.insert(Text).second)
    U.Warnings.push_back(std::move(Text));
}

std::vector<std::string> dbrace::takeRuleWarnings() {
  Usage &U = usage();
  std::lock_guard<std::mutex> Guard(U.Lock);
  std::vector<std::string> New(U.Warnings.begin() + U.Taken, U.Warnings.end());
  U.Taken = U.Warnings.size();
  return New;
}

void dbrace::setRuleWarningsReportedAtEnd() { ReportedAtEnd = true; }

bool dbrace::ruleWarningsReportedAtEnd() { return ReportedAtEnd; }

std::vector<std::string>
dbrace::unmatchedUserRules(const std::vector<const ApiModel *> &Models) {
  Usage &U = usage();
  std::lock_guard<std::mutex> Guard(U.Lock);
  // Sorted by file, then line; each rule once whatever models hold it.
  std::set<std::pair<std::string, unsigned>> Unmatched;
  std::map<std::pair<std::string, unsigned>, std::string> Names;
  for (const ApiModel *Model : Models)
    for (const LibraryRules &L : Model->libraries()) {
      // Summaries describe every function the project defines, most of
      // which no one file calls.
      if (!L.UserFile || L.Summaries)
        continue;
      auto Add = [&](const std::string &Name, unsigned Line, const char *What) {
        if (!Line || U.Matched.count(placeOf(L, Line)))
          return;
        Unmatched.insert({L.SourcePath, Line});
        Names[{L.SourcePath, Line}] =
            "'" + Name + "' matched no " + What + " in the files analysed";
      };
      for (const CallRule &C : L.Calls)
        Add(C.Name, C.Line, "call");
      for (const TypeRule &T : L.Types)
        Add(T.Name, T.Line, "class");
    }
  std::vector<std::string> Out;
  for (const auto &Place : Unmatched)
    Out.push_back((Place.first + ":" + llvm::Twine(Place.second) +
                   ": warning: " + Names[Place])
                      .str());
  return Out;
}
