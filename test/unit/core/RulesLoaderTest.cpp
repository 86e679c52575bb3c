//===--- RulesLoaderTest.cpp - Rules files into the API model -------------===//

#include "ApiModel.h"
#include "gtest/gtest.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

using namespace dbrace;

namespace {

LibraryRules parseOk(llvm::StringRef Yaml) {
  LibraryRules Rules;
  std::string Error;
  EXPECT_TRUE(parseRules(Yaml, "ok.yaml", Rules, Error)) << Error;
  EXPECT_EQ(Error, "");
  return Rules;
}

std::string parseError(llvm::StringRef Yaml) {
  LibraryRules Rules;
  std::string Error;
  EXPECT_FALSE(parseRules(Yaml, "bad.yaml", Rules, Error));
  return Error;
}

TEST(RulesLoader, ReadsCallsTypesAndNames) {
  LibraryRules R = parseOk(R"(
library: mylib
dialect: sqlite
fixes: { immediate_begin: BEGIN IMMEDIATE }
calls:
  - { name: my::Db::query, action: execute, sql_arg: 0, result: object }
  - { name: my::Db::run, action: execute, sql_arg: 1, params_from: 2, result: argument 3 }
  - { name: my::Db::table, action: execute, sql_arg: 0, result: argument 1 2 }
  - { name: my_sleep, action: slow }
types:
  - { name: my::Tx, role: transaction, mode_arg: 1, commit_on_destroy: true }
names:
  - { name: my::Mode::Immediate, value: immediate }
out_params: [my::into]
)");
  EXPECT_EQ(R.Library, "mylib");
  EXPECT_EQ(R.Dialect, sqlfacts::Dialect::SQLite);
  EXPECT_EQ(R.Fixes.ImmediateBegin, "BEGIN IMMEDIATE");
  ASSERT_EQ(R.Calls.size(), 4u);
  EXPECT_EQ(R.Calls[2].ResultArgs, (std::vector<unsigned>{1u, 2u}));
  EXPECT_EQ(R.Calls[0].Result, ResultKind::Object);
  EXPECT_EQ(*R.Calls[1].ParamsFrom, 2u);
  EXPECT_EQ(R.Calls[1].Result, ResultKind::Argument);
  EXPECT_EQ(R.Calls[1].ResultArgs, std::vector<unsigned>{3u});
  EXPECT_EQ(R.Calls[3].Action, CallAction::Slow);
  ASSERT_EQ(R.Types.size(), 1u);
  EXPECT_TRUE(R.Types[0].CommitOnDestroy);
  EXPECT_EQ(*R.Types[0].ModeArg, 1u);
  EXPECT_EQ(R.Names[0].Value, "immediate");
  EXPECT_EQ(R.OutParams[0], "my::into");
}

TEST(RulesLoader, ReadsOpenTransactionTemplates) {
  LibraryRules R = parseOk(R"(
library: mylib
dialect: mysql
fixes:
  connection_type: my::Connection
  begin_statement: $db.setAutoCommit(false);
  commit_statement: $db.commit(); $db.setAutoCommit(true);
)");
  EXPECT_EQ(R.Fixes.ConnectionType, "my::Connection");
  EXPECT_EQ(R.Fixes.BeginStatement, "$db.setAutoCommit(false);");
  EXPECT_EQ(R.Fixes.CommitStatement, "$db.commit(); $db.setAutoCommit(true);");
  EXPECT_EQ(R.Fixes.TransactionType, "");
}

TEST(RulesLoader, TemplateNamesAreWhatTheProgramMustDeclare) {
  using V = std::vector<std::string>;
  EXPECT_EQ(templateNames("my::work"), V{"my::work"});
  EXPECT_EQ(templateNames("my::Tx $tx($db, my::Mode::IMMEDIATE);"),
            (V{"my::Tx", "my::Mode::IMMEDIATE"}));
  EXPECT_EQ(templateNames(R"(my_exec($db, "BEGIN; x::y", nullptr, 0);)"),
            V{"my_exec"});
  EXPECT_EQ(templateNames("::my_exec($db);"), V{"::my_exec"});
  EXPECT_EQ(templateNames("$db.commit(); $db->setAutoCommit(true);"), V{});
  EXPECT_EQ(templateNames("$tx.commit();"), V{});
  EXPECT_EQ(templateNames("my::tx<my::serializable> $tx($db);"),
            (V{"my::tx", "my::serializable"}));
}

TEST(RulesLoader, TemplatesThatNameSomethingNeedTheirHeader) {
  LibraryRules R = parseOk(R"(
library: mylib
dialect: sqlite
fixes:
  immediate_transaction_arg: my::Mode::IMMEDIATE
  begin_statement: my::Tx $tx($db);
  commit_statement: $tx.commit();
  headers:
    immediate_transaction_arg: <my/tx.h>
    begin_statement: "\"my/tx.h\""
)");
  EXPECT_EQ(R.Fixes.Headers.ImmediateTransactionArg, "<my/tx.h>");
  EXPECT_EQ(R.Fixes.Headers.BeginStatement, "\"my/tx.h\"");
  EXPECT_EQ(R.Fixes.Headers.CommitStatement, "");

  std::string E = parseError(R"(
library: mylib
dialect: sqlite
fixes:
  begin_statement: my::Tx $tx($db);
)");
  EXPECT_NE(E.find("error: fix template 'begin_statement' names 'my::Tx'; "
                   "give the header that declares it as 'headers: { "
                   "begin_statement: <header> }'"),
            std::string::npos)
      << E;
  E = parseError(R"(
library: mylib
dialect: postgresql
fixes:
  transaction_type: my::work
  headers: { transaction_type: my/work.h }
)");
  EXPECT_NE(E.find("header 'my/work.h' of 'transaction_type' must be written "
                   "<name> or \"name\""),
            std::string::npos)
      << E;
  E = parseError(R"(
library: mylib
dialect: postgresql
fixes:
  headers: { lock_clause: <x.h> }
)");
  EXPECT_NE(E.find("unknown key 'lock_clause'"), std::string::npos) << E;
}

TEST(RulesLoader, ReadsBindingsAccessorsAndSessionIsolation) {
  LibraryRules R = parseOk(R"(
library: mylib
dialect: postgresql
calls:
  - { name: my_bind, action: bind, statement_arg: 0, index_arg: 1, value_arg: 2 }
  - { name: my::Stmt::changes, action: affected_rows }
  - { name: my::Stmt::found, action: read_status }
  - { name: my::Db::setIsolation, action: set_isolation, isolation_arg: 0 }
  - { name: my::Db::operator<<, action: execute, sql_arg: 0, runs_with: [my::now] }
)");
  ASSERT_EQ(R.Calls.size(), 5u);
  EXPECT_EQ(R.Calls[4].RunsWith, std::vector<std::string>{"my::now"});
  EXPECT_EQ(R.Calls[0].Action, CallAction::Bind);
  EXPECT_EQ(*R.Calls[0].StatementArg, 0u);
  EXPECT_EQ(*R.Calls[0].IndexArg, 1u);
  EXPECT_EQ(*R.Calls[0].ValueArg, 2u);
  EXPECT_EQ(R.Calls[1].Action, CallAction::AffectedRows);
  EXPECT_EQ(R.Calls[2].Action, CallAction::ReadStatus);
  EXPECT_EQ(R.Calls[3].Action, CallAction::SetIsolation);
  EXPECT_EQ(*R.Calls[3].IsolationArg, 0u);
}

TEST(RulesLoader, ModelIndexesBySimpleNameAndType) {
  ApiModel Model;
  Model.add(parseOk(R"(
library: a
dialect: postgresql
calls: [ { name: ns::Cls::exec, action: execute, sql_arg: 0 } ]
types: [ { name: ns::Tx, role: autocommit, handle: true } ]
names: [ { name: ns::Level::serializable, value: serializable } ]
)"));
  ASSERT_EQ(Model.callsNamed("exec").size(), 1u);
  EXPECT_EQ(Model.callsNamed("exec")[0].Library->Library, "a");
  EXPECT_TRUE(Model.callsNamed("query").empty());
  ASSERT_NE(Model.type("ns::Tx"), nullptr);
  EXPECT_EQ(Model.type("ns::Tx")->Rule->Role, TypeRole::Autocommit);
  EXPECT_EQ(*Model.namedValue("ns::Level::serializable"), "serializable");
}

TEST(RulesLoader, UnknownKeyNamesFileLineAndColumn) {
  std::string E = parseError("library: a\ndialect: sqlite\nflavour: x\n");
  EXPECT_EQ(E.rfind("bad.yaml:3:1: error: unknown key 'flavour'", 0), 0u) << E;
}

TEST(RulesLoader, CalledElsewhereOnlyInSummaries) {
  LibraryRules R = parseOk("library: s\ndialect: postgresql\nsummaries: true\n"
                           "called_elsewhere: [takeSeat]\n");
  EXPECT_EQ(R.CalledElsewhere, std::vector<std::string>{"takeSeat"});
  std::string E = parseError(
      "library: a\ndialect: sqlite\ncalled_elsewhere: [takeSeat]\n");
  EXPECT_NE(E.find("'called_elsewhere' is written by whole-program mode"),
            std::string::npos)
      << E;
}

TEST(RulesLoader, WrongTypeIsAnError) {
  std::string E = parseError(
      "library: a\ndialect: sqlite\ncalls:\n  - { name: f, action: execute, "
      "sql_arg: first }\n");
  EXPECT_NE(E.find("bad.yaml:4:"), std::string::npos) << E;
}

TEST(RulesLoader, BadEnumValueIsAnError) {
  std::string E = parseError("library: a\ndialect: oracle\n");
  EXPECT_EQ(E.rfind("bad.yaml:2:10: error:", 0), 0u) << E;
}

TEST(RulesLoader, MissingFieldIsAnError) {
  std::string E = parseError("library: a\n");
  EXPECT_NE(E.find("missing required key 'dialect'"), std::string::npos) << E;
}

TEST(RulesLoader, BadQualifiedNameIsAnError) {
  std::string E = parseError(
      "library: a\ndialect: sqlite\ncalls:\n  - { name: 'ns::::f', action: slow }\n");
  EXPECT_NE(E.find("bad qualified name 'ns::::f'"), std::string::npos) << E;
  EXPECT_EQ(E.rfind("bad.yaml:4:", 0), 0u) << E;
}

TEST(RulesLoader, ExecuteNeedsItsSqlArgument) {
  std::string E = parseError(
      "library: a\ndialect: sqlite\ncalls:\n  - { name: f, action: execute }\n");
  EXPECT_NE(E.find("needs 'sql_arg'"), std::string::npos) << E;
}

TEST(RulesLoader, ReadsFormatsAndLookups) {
  LibraryRules R = parseOk(R"(
library: text
dialect: postgresql
calls:
  - { name: snprintf, action: format, format_arg: 2, args_from: 3, result: argument 0 }
  - { name: my::Str::arg, action: format, args_from: 0, format_style: percent_number }
  - { name: my::Registry::get, action: lookup, statement_arg: 0 }
)");
  ASSERT_EQ(R.Calls.size(), 3u);
  EXPECT_EQ(R.Calls[0].Action, CallAction::Format);
  EXPECT_EQ(R.Calls[0].FormatArg, 2u);
  EXPECT_EQ(R.Calls[0].ArgsFrom, 3u);
  EXPECT_EQ(R.Calls[0].Style, FormatStyle::Printf);
  EXPECT_EQ(R.Calls[0].Result, ResultKind::Argument);
  EXPECT_FALSE(R.Calls[1].FormatArg);
  EXPECT_EQ(R.Calls[1].Style, FormatStyle::PercentNumber);
  EXPECT_EQ(R.Calls[2].Action, CallAction::Lookup);
  EXPECT_EQ(R.Calls[2].StatementArg, 0u);
}

TEST(RulesLoader, FormatAndLookupNeedTheirArguments) {
  std::string E = parseError(
      "library: l\ndialect: mysql\ncalls:\n  - { name: f, action: format }\n");
  EXPECT_NE(E.find("bad.yaml:4:7: error: action needs 'args_from'"),
            std::string::npos)
      << E;
  E = parseError(
      "library: l\ndialect: mysql\ncalls:\n  - { name: g, action: lookup }\n");
  EXPECT_NE(E.find("needs 'statement_arg'"), std::string::npos) << E;
  E = parseError("library: l\ndialect: mysql\ncalls:\n  - { name: f, action: "
                 "format, args_from: 1, format_style: python }\n");
  EXPECT_NE(E.find("bad.yaml:4:60: error: unknown value 'python'"), std::string::npos)
      << E;
}

TEST(RulesLoader, ReadsKeysEntityTablesAndNesting) {
  LibraryRules R = parseOk(R"(
library: orm
dialect: postgresql
calls:
  - { name: my::Manager::get, action: read, entity_template_arg: 0, key_arg: 0 }
  - { name: my::Manager::filter, action: key, key_arg: 1 }
  - { name: my::Session::mapClass, action: entity_table, entity_template_arg: 0, table_arg: 0 }
types:
  - { name: my::atomic, role: transaction, nested: savepoint }
  - { name: my::Tx, role: transaction }
)");
  ASSERT_EQ(R.Calls.size(), 3u);
  EXPECT_EQ(R.Calls[0].KeyArg, 0u);
  EXPECT_EQ(R.Calls[1].Action, CallAction::Key);
  EXPECT_EQ(R.Calls[1].KeyArg, 1u);
  EXPECT_EQ(R.Calls[2].Action, CallAction::EntityTable);
  EXPECT_EQ(R.Calls[2].TableArg, 0u);
  EXPECT_EQ(R.Calls[2].EntityTemplateArg, 0u);
  ASSERT_EQ(R.Types.size(), 2u);
  EXPECT_EQ(R.Types[0].Nested, NestedBegin::Savepoint);
  EXPECT_EQ(R.Types[1].Nested, NestedBegin::Restart);
}

TEST(RulesLoader, KeyAndEntityTableNeedTheirArguments) {
  std::string E = parseError(
      "library: l\ndialect: mysql\ncalls:\n  - { name: f, action: key }\n");
  EXPECT_NE(E.find("bad.yaml:4:7: error: action needs 'key_arg'"),
            std::string::npos)
      << E;
  E = parseError("library: l\ndialect: mysql\ncalls:\n  - { name: m, action: "
                 "entity_table, table_arg: 0 }\n");
  EXPECT_NE(E.find("needs 'table_arg' and 'entity_template_arg'"),
            std::string::npos)
      << E;
  E = parseError("library: l\ndialect: mysql\ntypes:\n  - { name: t, role: "
                 "transaction, nested: join }\n");
  EXPECT_NE(E.find("unknown value 'join'"), std::string::npos) << E;
}

TEST(RulesLoader, SyntaxErrorIsAnError) {
  std::string E = parseError("library: [a\n");
  EXPECT_EQ(E.rfind("bad.yaml:", 0), 0u) << E;
}

// A key that the rule's action or role does not use would be read by
// nothing: it is an error at the key, naming it and the action or role.
TEST(RulesLoader, KeyTheActionDoesNotUseIsAnError) {
  std::string E = parseError(R"(library: x
dialect: postgresql
calls:
  - { name: my::Dao::get, action: read, mode_arg: 1 }
)");
  EXPECT_EQ(E, "bad.yaml:4:41: error: key 'mode_arg' is not used by action "
               "'read'; it uses 'entity_template_arg', 'entity_arg', "
               "'entity', 'result', 'condition_arg', 'key_arg', 'key_args', "
               "'decides_writes', 'connection_arg'");
  E = parseError(R"(library: x
dialect: postgresql
calls:
  - { name: my::Db::execute, action: execute, sql_arg: 0, lock_strength: for_share }
)");
  EXPECT_EQ(E.rfind("bad.yaml:4:59: error: key 'lock_strength' is not used by "
                    "action 'execute'; it uses 'sql_arg', 'sql', 'sql_params', 'result', ",
                    0),
            0u)
      << E;
  // An action without keys of its own says so.
  E = parseError(R"(library: x
dialect: postgresql
calls:
  - name: my::Result::count
    action: affected_rows
    isolation: serializable
)");
  EXPECT_EQ(E, "bad.yaml:6:5: error: key 'isolation' is not used by action "
               "'affected_rows'; it takes no other keys");
}

TEST(RulesLoader, KeyTheRoleDoesNotUseIsAnError) {
  std::string E = parseError(R"(library: x
dialect: postgresql
types:
  - { name: my::Savepoint, role: savepoint, commit_on_destroy: true }
)");
  EXPECT_EQ(E, "bad.yaml:4:45: error: key 'commit_on_destroy' is not used by "
               "role 'savepoint'; it uses 'handle'");
  E = parseError(R"(library: x
dialect: postgresql
types:
  - { name: my::Nontransaction, role: autocommit, handle: true, isolation: serializable }
)");
  EXPECT_EQ(E.rfind("bad.yaml:4:65: error: key 'isolation' is not used by "
                    "role 'autocommit'",
                    0),
            0u)
      << E;
}

// Keys of no action or role, and keys out of any rule, stay unknown.
TEST(RulesLoader, KeyOfNoRuleIsUnknown) {
  EXPECT_EQ(parseError(R"(library: x
dialect: postgresql
calls:
  - { name: my::Tx::begin, action: begin, lock_arg: 1 }
)"),
            "bad.yaml:4:43: error: unknown key 'lock_arg'");
  // After a rule: a call's key at the top level.
  EXPECT_EQ(parseError(R"(library: x
dialect: postgresql
calls:
  - { name: my::Db::execute, action: execute, sql_arg: 0 }
sql_arg: 1
)"),
            "bad.yaml:5:1: error: unknown key 'sql_arg'");
  // Inside a rule's `when`.
  EXPECT_EQ(parseError(R"(library: x
dialect: postgresql
calls:
  - { name: my::Db::setAutoCommit, action: autocommit, when: { arg: 0, equals: true, sql_arg: 1 } }
)"),
            "bad.yaml:4:86: error: unknown key 'sql_arg'");
}

// Fix templates that no fix-it would use: a commit with nothing to begin,
// a begin or a new type without a commit (the transaction would roll back),
// unless the type begun commits in its destructor.
TEST(RulesLoader, FixTemplatesWithoutTheirPairAreErrors) {
  EXPECT_NE(parseError(R"(library: x
dialect: postgresql
fixes: { commit_statement: $tx.commit(); }
)")
                .find("error: fix template 'commit_statement' needs "
                      "'begin_statement' or 'transaction_type'"),
            std::string::npos);
  EXPECT_NE(parseError(R"(library: x
dialect: postgresql
fixes: { transaction_type: my::Work, headers: { transaction_type: <my.h> } }
)")
                .find("error: fix template 'transaction_type' needs "
                      "'commit_statement'"),
            std::string::npos);
  EXPECT_NE(parseError(R"(library: x
dialect: postgresql
fixes: { begin_statement: my::Tx $tx($db);, headers: { begin_statement: <my.h> } }
types:
  - { name: my::Tx, role: transaction }
)")
                .find("error: fix template 'begin_statement' needs "
                      "'commit_statement', or a type it constructs declared "
                      "with 'commit_on_destroy: true'"),
            std::string::npos);
  LibraryRules R = parseOk(R"(library: x
dialect: postgresql
fixes: { begin_statement: my::Tx $tx($db);, headers: { begin_statement: <my.h> } }
types:
  - { name: my::Tx, role: transaction, commit_on_destroy: true }
)");
  EXPECT_TRUE(beginCommitsOnDestroy(R));
  R.Types[0].CommitOnDestroy = false;
  EXPECT_FALSE(beginCommitsOnDestroy(R));
}

/// Loads every `.yaml` in \p Dir; returns how many.
unsigned expectEveryRulesFileLoads(const std::string &Dir) {
  std::error_code EC;
  unsigned Files = 0;
  for (llvm::sys::fs::directory_iterator It(Dir, EC), End; It != End && !EC;
       It.increment(EC)) {
    if (llvm::sys::path::extension(It->path()) != ".yaml")
      continue;
    LibraryRules Rules;
    std::string Error;
    EXPECT_TRUE(loadRulesFile(It->path(), Rules, Error)) << Error;
    ++Files;
  }
  EXPECT_FALSE(EC) << Dir << ": " << EC.message();
  return Files;
}

TEST(RulesLoader, EveryBuiltinRulesFileLoads) {
  EXPECT_GT(expectEveryRulesFileLoads(std::string(DBRACE_SOURCE_DIR) + "/rules"),
            0u);
}

TEST(RulesLoader, EveryExampleRulesFileLoads) {
  EXPECT_GT(expectEveryRulesFileLoads(std::string(DBRACE_SOURCE_DIR) +
                                      "/examples/custom-orm"),
            0u);
}

} // namespace

// Each rule knows the line it is written on, so that what matching it
// shows later (an argument out of range, no match at all) can name it.
TEST(RulesLoader, RulesKnowTheirLines) {
  LibraryRules R = parseOk(R"(library: l
dialect: postgresql
calls:
  - { name: a::f, action: slow }

  - name: a::g
    action: slow
types:
  - { name: a::Tx, role: transaction }
)");
  ASSERT_EQ(R.Calls.size(), 2u);
  EXPECT_EQ(R.Calls[0].Line, 4u);
  EXPECT_EQ(R.Calls[1].Line, 6u);
  ASSERT_EQ(R.Types.size(), 1u);
  EXPECT_EQ(R.Types[0].Line, 9u);
}

TEST(RulesLoader, ReadsNamesCompositeKeysChainsAndLaterRuns) {
  LibraryRules R = parseOk(R"(library: l
dialect: sqlite
calls:
  - { name: a::Dao::get, action: read, entity: t, key_args: [0, 2] }
  - { name: a::St::bind, action: bind, name_arg: 0, value_arg: 1, returns: object }
  - { name: a::index, action: parameter_index, statement_arg: 0, name_arg: 1 }
  - { name: a::Cur::next, action: fetch, result: argument 0 }
  - { name: a::Queue::add, action: execute, sql_arg: 0, runs: later }
  - { name: a::Guard::~Guard, action: rollback }
)");
  ASSERT_EQ(R.Calls.size(), 6u);
  EXPECT_EQ(R.Calls[0].KeyArgs, (std::vector<unsigned>{0, 2}));
  EXPECT_EQ(R.Calls[1].NameArg, 0u);
  EXPECT_EQ(R.Calls[1].ReturnsWhat, Returns::Object);
  EXPECT_EQ(R.Calls[2].Action, CallAction::ParameterIndex);
  EXPECT_EQ(R.Calls[3].Action, CallAction::Fetch);
  EXPECT_EQ(R.Calls[3].ResultArgs, (std::vector<unsigned>{0}));
  EXPECT_EQ(R.Calls[4].When, Runs::Later);
  EXPECT_EQ(R.Calls[0].When, Runs::Now);
  EXPECT_EQ(R.Calls[5].Action, CallAction::Rollback);
}

TEST(RulesLoader, UnknownValuesListTheValidOnes) {
  std::string E = parseError("library: l\ndialect: mysql\ncalls:\n  - { name: "
                             "f, action: execute, sql_arg: 0, runs: soon }\n");
  EXPECT_NE(E.find("unknown value 'soon'; expected 'now' or 'later'"),
            std::string::npos)
      << E;
  E = parseError("library: l\ndialect: mysql\ntypes:\n  - { name: t, role: "
                 "transaction, nested: join }\n");
  EXPECT_NE(E.find("unknown value 'join'; expected 'restart' or 'savepoint'"),
            std::string::npos)
      << E;
}

TEST(RulesLoader, ArgumentRolesThatExcludeEachOtherAreErrors) {
  auto Error = [](llvm::StringRef Rule) {
    return parseError(("library: l\ndialect: mysql\ncalls:\n  - " + Rule + "\n")
                          .str());
  };
  EXPECT_NE(Error("{ name: f, action: prepare, sql_arg: 1, statement_arg: 1 }")
                .find("'sql_arg' and 'statement_arg' both name argument 1"),
            std::string::npos);
  EXPECT_NE(Error("{ name: f, action: execute, sql_arg: 1, params_from: 0 }")
                .find("'params_from: 0' binds the SQL text"),
            std::string::npos);
  EXPECT_NE(Error("{ name: f, action: bind, value_arg: 0, name_arg: 0 }")
                .find("'name_arg' names argument 0, which 'value_arg'"),
            std::string::npos);
  EXPECT_NE(Error("{ name: f, action: read, key_arg: 1, key_args: [0, 1] }")
                .find("name one argument twice"),
            std::string::npos);
  EXPECT_NE(Error("{ name: f, action: fetch }").find("'result: argument N'"),
            std::string::npos);
  // One argument that is a number or a name is one role.
  parseOk("library: l\ndialect: mysql\ncalls:\n  - { name: f, action: bind, "
          "index_arg: 0, name_arg: 0, value_arg: 1 }\n");
}

TEST(RulesLoader, ReadsConnectionsAndTheirNames) {
  LibraryRules R = parseOk(R"(
library: l
dialect: postgresql
calls:
  - { name: Db::add, action: dialect, dialect_arg: 0, connection_name_arg: 1, result: return }
  - { name: Db::open, action: dialect, dialect_arg: 0 }
  - { name: Db::byName, action: connection, connection_name_arg: 0 }
)");
  ASSERT_EQ(R.Calls.size(), 3u);
  EXPECT_EQ(R.Calls[0].ConnectionNameArg, 1u);
  EXPECT_EQ(R.Calls[0].Result, ResultKind::Return);
  // By default a `dialect` call opens the connection it is made on.
  EXPECT_EQ(R.Calls[1].Result, ResultKind::Object);
  EXPECT_FALSE(R.Calls[1].ConnectionNameArg);
  EXPECT_EQ(R.Calls[2].Action, CallAction::Connection);
  EXPECT_EQ(R.Calls[2].ConnectionNameArg, 0u);
}

TEST(RulesLoader, ConnectionKeysAreChecked) {
  auto Error = [](llvm::StringRef Rule) {
    return parseError(("library: l\ndialect: mysql\ncalls:\n  - " + Rule + "\n")
                          .str());
  };
  std::string E = Error("{ name: f, action: connection }");
  EXPECT_NE(E.find("bad.yaml:4:7: error: action needs 'connection_name_arg'"),
            std::string::npos)
      << E;
  E = Error("{ name: f, action: dialect, dialect_arg: 0, result: argument 1 }");
  EXPECT_NE(E.find("bad.yaml:4:7: error: action 'dialect' takes 'result: "
                   "object'"),
            std::string::npos)
      << E;
  E = Error("{ name: f, action: dialect, dialect_arg: 0, result: none }");
  EXPECT_NE(E.find("takes 'result: object'"), std::string::npos) << E;
  E = Error("{ name: f, action: dialect, dialect_arg: 1, connection_name_arg: "
            "1 }");
  EXPECT_NE(E.find("'dialect_arg' and 'connection_name_arg' both name "
                   "argument 1"),
            std::string::npos)
      << E;
  E = Error("{ name: f, action: connection, connection_name_arg: 0, "
            "dialect_arg: 1 }");
  EXPECT_NE(E.find("key 'dialect_arg' is not used by action 'connection'; it "
                   "uses 'connection_name_arg'"),
            std::string::npos)
      << E;
  E = Error("{ name: f, action: execute, sql_arg: 0, connection_name_arg: 1 }");
  EXPECT_NE(E.find("key 'connection_name_arg' is not used by action "
                   "'execute'"),
            std::string::npos)
      << E;
}

TEST(RulesLoader, DestructorsMustBeSpeltToMatch) {
  auto Error = [](llvm::StringRef Rule) {
    return parseError(("library: l\ndialect: mysql\ncalls:\n  - " + Rule + "\n")
                          .str());
  };
  EXPECT_NE(Error("{ name: a::Guard::~Gaurd, action: rollback }")
                .find("is never matched"),
            std::string::npos);
  EXPECT_NE(Error("{ name: a::Guard::~Guard::x, action: rollback }")
                .find("is never matched"),
            std::string::npos);
  EXPECT_NE(Error("{ name: a::Guard::~Guard, action: slow }")
                .find("can only end the transaction"),
            std::string::npos);
}
