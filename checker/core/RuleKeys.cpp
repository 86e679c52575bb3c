//===--- RuleKeys.cpp - The keys each action and role uses ----------------===//

#include "RuleKeys.h"
#include "llvm/ADT/SmallVector.h"

using namespace dbrace;

namespace {
const KindSpec<CallAction> CallActions[] = {
    {"execute", CallAction::Execute,
     "sql_arg sql sql_params result params_from runs_with returns_row_count "
     "runs decides_writes connection_arg"},
    {"prepare", CallAction::Prepare, "sql_arg statement_arg result"},
    {"execute_prepared", CallAction::ExecutePrepared,
     "statement_arg result params_from returns_row_count"},
    {"read", CallAction::Read,
     "entity_template_arg entity_arg entity result condition_arg key_arg "
     "key_args decides_writes connection_arg"},
    {"write", CallAction::Write,
     "entity_template_arg entity_arg entity write_kind versioned "
     "version_pragma key_arg key_args connection_arg"},
    {"begin", CallAction::Begin,
     "isolation isolation_arg mode chain connection_arg"},
    {"commit", CallAction::Commit, "connection_arg"},
    {"rollback", CallAction::Rollback, "connection_arg"},
    {"autocommit", CallAction::Autocommit, ""},
    {"lock", CallAction::Lock, "lock_strength connection_arg"},
    {"slow", CallAction::Slow, "connection_arg"},
    {"sql_text", CallAction::SqlText, "sql_arg"},
    {"bind", CallAction::Bind,
     "statement_arg value_arg index_arg name_arg first_index all_placeholders"},
    {"affected_rows", CallAction::AffectedRows, ""},
    {"read_status", CallAction::ReadStatus, ""},
    {"set_isolation", CallAction::SetIsolation, "isolation isolation_arg"},
    {"format", CallAction::Format, "format_arg args_from format_style result"},
    {"lookup", CallAction::Lookup, "statement_arg result"},
    {"key", CallAction::Key, "key_arg key_args"},
    {"entity_table", CallAction::EntityTable,
     "entity_template_arg entity_arg table_arg"},
    {"parameter_index", CallAction::ParameterIndex, "statement_arg name_arg"},
    {"fetch", CallAction::Fetch, "result"},
    {"dialect", CallAction::Dialect, "dialect_arg connection_name_arg result"},
    {"connection", CallAction::Connection, "connection_name_arg"},
};

const KindSpec<TypeRole> TypeRoles[] = {
    {"transaction", TypeRole::Transaction,
     "handle commit_on_destroy isolation isolation_template_arg isolation_arg "
     "mode mode_arg nested"},
    {"autocommit", TypeRole::Autocommit, "handle"},
    {"savepoint", TypeRole::Savepoint, "handle"},
};

} // namespace

llvm::ArrayRef<KindSpec<CallAction>> dbrace::callActionSpecs() {
  return CallActions;
}

llvm::ArrayRef<KindSpec<TypeRole>> dbrace::typeRoleSpecs() { return TypeRoles; }

bool dbrace::usesKey(const char *Keys, llvm::StringRef Key) {
  llvm::SmallVector<llvm::StringRef, 8> Words;
  llvm::StringRef(Keys).split(Words, ' ', -1, /*KeepEmpty=*/false);
  return llvm::is_contained(Words, Key);
}

bool dbrace::isRuleKey(llvm::StringRef Key) {
  auto Uses = [&](const auto &S) { return usesKey(S.Keys, Key); };
  return llvm::any_of(callActionSpecs(), Uses) ||
         llvm::any_of(typeRoleSpecs(), Uses);
}
