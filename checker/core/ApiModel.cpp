//===--- ApiModel.cpp - Indexing and locating the rules -------------------===//

#include "ApiModel.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include <algorithm>
#include <dlfcn.h>

using namespace dbrace;

void ApiModel::add(LibraryRules Rules) {
  Libraries.push_back(std::move(Rules));
  reindex();
}

static llvm::StringRef lastComponent(llvm::StringRef Name) {
  size_t Colon = Name.rfind("::");
  return Colon == llvm::StringRef::npos ? Name : Name.substr(Colon + 2);
}

static llvm::StringRef withoutLeadingColons(llvm::StringRef Name) {
  Name.consume_front("::");
  return Name;
}

// Pointers into Libraries are taken only after all of them are in place.
void ApiModel::reindex() {
  CallsBySimpleName.clear();
  TypesByName.clear();
  Named.clear();
  OutParamNames.clear();
  InParamNames.clear();
  CalledElsewhereKeys.clear();
  for (const LibraryRules &L : Libraries) {
    CalledElsewhereKeys.insert(L.CalledElsewhere.begin(),
                               L.CalledElsewhere.end());
    for (const CallRule &C : L.Calls)
      CallsBySimpleName[lastComponent(C.Name)].push_back({&C, &L});
    for (const TypeRule &T : L.Types)
      TypesByName[withoutLeadingColons(T.Name)] = {&T, &L};
    for (const NamedValue &V : L.Names)
      Named[withoutLeadingColons(V.Name)] = V.Value;
    for (const std::string &O : L.OutParams)
      OutParamNames[withoutLeadingColons(O)] = true;
    for (const std::string &I : L.InParams)
      InParamNames[withoutLeadingColons(I)] = true;
  }
}

llvm::ArrayRef<ApiModel::CallMatch>
ApiModel::callsNamed(llvm::StringRef SimpleName) const {
  auto It = CallsBySimpleName.find(SimpleName);
  if (It == CallsBySimpleName.end())
    return {};
  return It->second;
}

const ApiModel::TypeMatch *ApiModel::type(llvm::StringRef QualifiedName) const {
  auto It = TypesByName.find(QualifiedName);
  return It == TypesByName.end() ? nullptr : &It->second;
}

bool ApiModel::isOutParam(llvm::StringRef QualifiedName) const {
  return OutParamNames.count(QualifiedName);
}

bool ApiModel::isInParam(llvm::StringRef QualifiedName) const {
  return InParamNames.count(QualifiedName);
}

std::optional<llvm::StringRef>
ApiModel::namedValue(llvm::StringRef QualifiedName) const {
  auto It = Named.find(QualifiedName);
  if (It == Named.end())
    return std::nullopt;
  return llvm::StringRef(It->second);
}

/// `<prefix>/share/dbrace/rules` for a binary in `<prefix>/bin` or a plugin
/// in `<prefix>/lib`, after following symlinks to the real file.
static std::string rulesBeside(llvm::StringRef Binary) {
  llvm::SmallString<256> Real;
  if (Binary.empty() || llvm::sys::fs::real_path(Binary, Real))
    return {};
  llvm::sys::path::remove_filename(Real);
  llvm::sys::path::remove_filename(Real);
  llvm::sys::path::append(Real, "share", "dbrace", "rules");
  return std::string(Real);
}

std::vector<std::string> dbrace::builtinRulesSearchPath() {
  if (const char *Env = std::getenv("DBRACE_RULES_DIR"))
    return {Env};
  std::vector<std::string> Dirs;
  auto Add = [&](std::string Dir) {
    if (!Dir.empty() && llvm::find(Dirs, Dir) == Dirs.end())
      Dirs.push_back(std::move(Dir));
  };
  // The object that holds this code: the plugin inside clang-tidy, or the
  // driver. For the main executable the loader records the name it was
  // started by, which is not a path when it was found on PATH.
  Dl_info Info;
  if (dladdr(reinterpret_cast<void *>(&builtinRulesSearchPath), &Info) &&
      Info.dli_fname && llvm::sys::path::is_absolute(Info.dli_fname))
    Add(rulesBeside(Info.dli_fname));
  Add(rulesBeside(llvm::sys::fs::getMainExecutable(
      nullptr, reinterpret_cast<void *>(&builtinRulesSearchPath))));
  return Dirs;
}

bool dbrace::loadModel(llvm::ArrayRef<std::string> UserFiles, ApiModel &Model,
                       std::string &Error) {
  std::vector<std::string> Files;
  std::vector<std::string> Searched = builtinRulesSearchPath();
  for (const std::string &Dir : Searched) {
    std::error_code EC;
    for (llvm::sys::fs::directory_iterator It(Dir, EC), End; It != End && !EC;
         It.increment(EC))
      if (llvm::sys::path::extension(It->path()) == ".yaml")
        Files.push_back(It->path());
    if (!Files.empty())
      break;
  }
  std::sort(Files.begin(), Files.end());
  if (Files.empty()) {
    Error = "dbrace: error: no built-in rules found; searched ";
    for (const std::string &Dir : Searched)
      Error += "'" + Dir + "'" + (&Dir == &Searched.back() ? "" : ", ");
    if (Searched.empty())
      Error += "nothing: the location of dbrace itself is unknown";
    Error += " (set DBRACE_RULES_DIR to the folder of the rules files)";
    return false;
  }
  Files.insert(Files.end(), UserFiles.begin(), UserFiles.end());

  std::vector<LibraryRules> Loaded;
  size_t FirstUserFile = Files.size() - UserFiles.size();
  for (const std::string &File : Files) {
    LibraryRules Rules;
    if (!loadRulesFile(File, Rules, Error))
      return false;
    Rules.UserFile = Loaded.size() >= FirstUserFile;
    Loaded.push_back(std::move(Rules));
  }
  for (LibraryRules &Rules : Loaded)
    Model.add(std::move(Rules));
  return true;
}
