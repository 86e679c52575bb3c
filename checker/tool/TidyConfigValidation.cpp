//===--- TidyConfigValidation.cpp - .clang-tidy errors before the run -----===//

#include "TidyConfigValidation.h"
#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/GlobList.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"
#include <map>
#include <set>

using namespace clang::tidy;
using OptionsSource = ClangTidyOptionsProvider::OptionsSource;

namespace dbrace::tool {
namespace {

/// Finds `.clang-tidy` files exactly as clang-tidy does (the same class),
/// but a file that does not parse is recorded with its line instead of
/// being printed twice and replaced by the defaults.
class RecordingOptionsProvider : public FileOptionsProvider {
public:
  RecordingOptionsProvider(const TidyConfigInput &Input,
                           std::vector<DriverError> &ParseErrors)
      : FileOptionsProvider(ClangTidyGlobalOptions(), Input.Defaults,
                            Input.Overrides) {
    ConfigHandlers.clear();
    ConfigHandlers.emplace_back(
        ".clang-tidy",
        [&ParseErrors](
            llvm::MemoryBufferRef Buffer) -> llvm::ErrorOr<ClangTidyOptions> {
          std::optional<DriverError> First;
          auto Parsed = parseConfigurationWithDiags(
              Buffer, [&](const llvm::SMDiagnostic &D) {
                if (!First && D.getKind() == llvm::SourceMgr::DK_Error)
                  First =
                      DriverError{DriverError::Configuration,
                                  Buffer.getBufferIdentifier().str(),
                                  static_cast<unsigned>(D.getLineNo()),
                                  static_cast<unsigned>(D.getColumnNo() + 1),
                                  D.getMessage().str()};
              });
          if (Parsed)
            return Parsed;
          if (!First)
            First = DriverError{DriverError::Configuration,
                                Buffer.getBufferIdentifier().str(), 0, 0,
                                "cannot parse: " + Parsed.getError().message()};
          ParseErrors.push_back(std::move(*First));
          // Recorded; the driver stops before anything runs with it.
          return ClangTidyOptions();
        });
  }
};

bool isKeyChar(char C) {
  return llvm::isAlnum(C) || C == '_' || C == '.' || C == '-';
}

/// Where \p Key is written in \p File (YAML gives no places to the values
/// it read), as a 1-based line and column; 0, 0 when not found.
std::pair<unsigned, unsigned> placeOfKey(llvm::StringRef File,
                                         llvm::StringRef Key) {
  auto Buffer = llvm::MemoryBuffer::getFile(File, /*IsText=*/true);
  if (!Buffer)
    return {0, 0};
  llvm::StringRef Text = (*Buffer)->getBuffer();
  for (size_t At = Text.find(Key); At != llvm::StringRef::npos;
       At = Text.find(Key, At + 1)) {
    size_t End = At + Key.size();
    if ((At > 0 && isKeyChar(Text[At - 1])) ||
        (End < Text.size() && isKeyChar(Text[End])))
      continue;
    size_t LineStart = Text.rfind('\n', At);
    LineStart = LineStart == llvm::StringRef::npos ? 0 : LineStart + 1;
    return {static_cast<unsigned>(Text.take_front(At).count('\n') + 1),
            static_cast<unsigned>(At - LineStart + 1)};
  }
  return {0, 0};
}

/// The closest of \p Candidates to \p Word within \p MaxDistance edits.
std::string closest(llvm::StringRef Word,
                    const std::vector<std::string> &Candidates,
                    unsigned MaxDistance) {
  std::string Best;
  unsigned BestDistance = MaxDistance + 1;
  for (const std::string &C : Candidates) {
    unsigned D = Word.edit_distance(C, /*AllowReplacements=*/true, MaxDistance);
    if (D < BestDistance) {
      BestDistance = D;
      Best = C;
    }
  }
  return Best;
}

/// What the dbrace checks are called and which option keys they read.
struct DbraceOptionNames {
  std::vector<std::string> Checks;
  std::set<std::string> Keys;           ///< `check.Option`
  std::vector<std::string> GlobalNames; ///< `Option`, read by getLocalOrGlobal

  DbraceOptionNames() {
    ClangTidyOptions All = ClangTidyOptions::getDefaults();
    All.Checks = "-*,dbrace-*";
    Checks = getCheckNames(All, /*AllowEnablingAnalyzerAlphaCheckers=*/false);
    std::set<std::string> Globals;
    for (const auto &KV :
         getCheckOptions(All, /*AllowEnablingAnalyzerAlphaCheckers=*/false)) {
      Keys.insert(KV.getKey().str());
      Globals.insert(KV.getKey().split('.').second.str());
    }
    GlobalNames.assign(Globals.begin(), Globals.end());
  }

  bool anyEnabled(llvm::StringRef ChecksGlob) const {
    GlobList Enabled(ChecksGlob);
    return llvm::any_of(
        Checks, [&](const std::string &C) { return Enabled.contains(C); });
  }

  /// Why \p Key is not an option of a dbrace check, or "" if it is one, or
  /// may belong to another clang-tidy check.
  std::string problemWith(llvm::StringRef Key) const {
    auto [Check, Option] = Key.split('.');
    if (Option.empty()) {
      if (llvm::is_contained(GlobalNames, Key))
        return "";
      std::string Near = closest(Key, GlobalNames, 2);
      if (Near.empty())
        return "";
      return "unknown option '" + Key.str() + "'%0; did you mean '" + Near +
             "'?";
    }
    if (!Check.starts_with("dbrace-") || Keys.count(Key.str()))
      return "";
    if (!llvm::is_contained(Checks, Check))
      return "unknown option '" + Key.str() + "'%0; dbrace has no check '" +
             Check.str() + "'";
    std::vector<std::string> Same;
    for (const std::string &K : Keys)
      if (llvm::StringRef(K).starts_with((Check + ".").str()))
        Same.push_back(K);
    std::string Near =
        closest(Key, Same, std::max<size_t>(3, Option.size() / 3));
    return "unknown option '" + Key.str() + "'%0" +
           (Near.empty() ? std::string() : "; did you mean '" + Near + "'?");
  }
};

/// \p Message with its `%0` (where the key is written) filled in.
std::string withWhere(llvm::StringRef Message, llvm::StringRef Where) {
  auto [Before, After] = Message.split("%0");
  return (Before + Where + After).str();
}

bool isCommandLine(const OptionsSource &S) {
  return S.second ==
         ClangTidyOptionsProvider::OptionsSourceTypeCheckCommandLineOption;
}
bool isDefault(const OptionsSource &S) {
  return S.second == ClangTidyOptionsProvider::OptionsSourceTypeDefaultBinary;
}

void checkKeys(const OptionsSource &Source, const DbraceOptionNames &Names,
               std::vector<DriverError> &Errors) {
  std::vector<std::string> Keys;
  for (const auto &KV : Source.first.CheckOptions)
    Keys.push_back(KV.getKey().str());
  llvm::sort(Keys);
  for (const std::string &Key : Keys) {
    std::string Problem = Names.problemWith(Key);
    if (Problem.empty())
      continue;
    if (isCommandLine(Source)) {
      Errors.push_back(
          DriverError::configuration(withWhere(Problem, " in --config")));
      continue;
    }
    auto [Line, Column] = placeOfKey(Source.second, Key);
    Errors.push_back({DriverError::Configuration, Source.second, Line, Column,
                      withWhere(Problem, "")});
  }
}

/// Nothing when a dbrace check is enabled for the file with these sources;
/// else which source's Checks turned the last one off.
std::optional<std::string>
whyNoneEnabled(const std::vector<OptionsSource> &Sources,
               const DbraceOptionNames &Names, const TidyConfigInput &Input) {
  std::string Merged;
  bool Was = false;
  const OptionsSource *Culprit = nullptr, *LastSetter = nullptr;
  for (const OptionsSource &S : Sources) {
    if (!S.first.Checks)
      continue;
    Merged = Merged.empty() ? *S.first.Checks : Merged + "," + *S.first.Checks;
    bool Now = Names.anyEnabled(Merged);
    if (Was && !Now)
      Culprit = &S;
    Was = Now;
    LastSetter = &S;
  }
  if (Was)
    return std::nullopt;
  if (!Culprit)
    Culprit = LastSetter;
  std::string Checks = Culprit ? *Culprit->first.Checks : "";
  std::string Where;
  if (!Culprit || isDefault(*Culprit))
    Where = "Checks '" + Checks + "'";
  else if (isCommandLine(*Culprit))
    Where = Input.ChecksOrigin + " '" + Checks + "'";
  else
    Where = "Checks '" + Checks + "' in '" + Culprit->second + "'";
  return "no dbrace check is enabled: " + Where +
         " turns them off; add 'dbrace-*' to enable them";
}

} // namespace

std::vector<DriverError>
validateTidyConfig(const std::vector<std::string> &Files,
                   const TidyConfigInput &Input) {
  std::vector<DriverError> Errors;
  RecordingOptionsProvider Provider(Input, Errors);
  std::vector<std::vector<OptionsSource>> PerFile;
  for (const std::string &File : Files)
    PerFile.push_back(Provider.getRawOptions(File));
  if (!Errors.empty())
    return Errors;

  DbraceOptionNames Names;
  llvm::StringSet<> Seen;
  for (const std::vector<OptionsSource> &Sources : PerFile)
    for (const OptionsSource &S : Sources)
      if (!isDefault(S) && Seen.insert(S.second).second)
        checkKeys(S, Names, Errors);
  if (!Errors.empty())
    return Errors;

  std::vector<std::string> Reasons;
  for (const std::vector<OptionsSource> &Sources : PerFile) {
    std::optional<std::string> Why = whyNoneEnabled(Sources, Names, Input);
    if (!Why)
      return Errors;
    if (!llvm::is_contained(Reasons, *Why))
      Reasons.push_back(std::move(*Why));
  }
  for (std::string &Why : Reasons)
    Errors.push_back(DriverError::configuration(std::move(Why)));
  return Errors;
}

} // namespace dbrace::tool
