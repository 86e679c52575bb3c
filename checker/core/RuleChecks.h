//===--- RuleChecks.h - Rules that load but could never match -------------===//

#ifndef DBRACE_CORE_RULECHECKS_H
#define DBRACE_CORE_RULECHECKS_H

#include "ApiModel.h"
#include "llvm/ADT/StringRef.h"
#include <string>

namespace dbrace {

/// `ns::Class::method`, `ns::function`, `Class::~Class`, `operator...`.
std::string checkQualifiedName(llvm::StringRef Name);
/// A destructor rule names its own class and ends the transaction.
std::string checkDestructor(const CallRule &R);
/// No argument has two roles that exclude each other.
std::string checkArgumentRoles(const CallRule &R);

} // namespace dbrace

#endif // DBRACE_CORE_RULECHECKS_H
