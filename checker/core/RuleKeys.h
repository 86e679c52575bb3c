//===--- RuleKeys.h - The keys each action and role uses ------------------===//
//
// One table per rule kind: how rules files spell each action or role, and
// the keys it uses besides `name`, `action`/`role` (and `when`, for calls).
// The loader maps only those keys, so that a key the analysis would not
// read is an error rather than silently ignored.
//
//===----------------------------------------------------------------------===//

#ifndef DBRACE_CORE_RULEKEYS_H
#define DBRACE_CORE_RULEKEYS_H

#include "ApiModel.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringRef.h"

namespace dbrace {

template <typename Kind> struct KindSpec {
  const char *Name;
  Kind Value;
  const char *Keys; ///< Space-separated.
};

llvm::ArrayRef<KindSpec<CallAction>> callActionSpecs();
llvm::ArrayRef<KindSpec<TypeRole>> typeRoleSpecs();

template <typename Kind>
const KindSpec<Kind> &specOf(llvm::ArrayRef<KindSpec<Kind>> Specs, Kind K) {
  return *llvm::find_if(Specs, [&](const auto &S) { return S.Value == K; });
}

/// Whether \p Keys, a KindSpec's, holds \p Key.
bool usesKey(const char *Keys, llvm::StringRef Key);

/// Whether some action or role uses \p Key.
bool isRuleKey(llvm::StringRef Key);

} // namespace dbrace

#endif // DBRACE_CORE_RULEKEYS_H
