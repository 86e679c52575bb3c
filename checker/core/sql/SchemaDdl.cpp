//===--- SchemaDdl.cpp - Unique keys from CREATE TABLE, INDEX, ALTER ------===//
//
// Statement by statement: those that declare keys are parsed as
// PostgreSQL's, else as MySQL's or SQLite's after normalisation; the first
// reading that parses gives the keys. Other statements (INSERT, SET, views,
// triggers, PRAGMA, ...) are skipped, so a dump or a migrations folder can
// be given as it is.
//
//===----------------------------------------------------------------------===//

#include "sql/Normalize.h"
#include "sql/Schema.h"
#include "sql/SqlLexer.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/JSON.h"
#include <pg_query.h>

namespace dbrace::sqlfacts {

using llvm::json::Array;
using llvm::json::Object;
using llvm::json::Value;

namespace {

const Object *nodeOf(const Value *V, llvm::StringRef Type) {
  const Object *O = V ? V->getAsObject() : nullptr;
  if (!O || O->size() != 1 || llvm::StringRef(O->begin()->first) != Type)
    return nullptr;
  return O->begin()->second.getAsObject();
}

std::vector<std::string> names(const Array *A) {
  std::vector<std::string> Out;
  if (A)
    for (const Value &V : *A)
      if (const Object *S = nodeOf(&V, "String"))
        Out.push_back(S->getString("sval").value_or("").str());
  return Out;
}

std::string tableName(const Object *RV) {
  if (!RV)
    return "";
  std::string Name;
  for (llvm::StringRef K : {"schemaname", "relname"})
    if (std::optional<llvm::StringRef> Part = RV->getString(K);
        Part && !Part->empty())
      Name += (Name.empty() ? "" : ".") + Part->str();
  return Name;
}

bool isKeyConstraint(const Object *C) {
  llvm::StringRef T = C ? C->getString("contype").value_or("") : "";
  return T == "CONSTR_PRIMARY" || T == "CONSTR_UNIQUE";
}

/// The keys one parsed statement declares.
void keysOf(const Value &Stmt, Schema &Into) {
  if (const Object *Create = nodeOf(&Stmt, "CreateStmt")) {
    std::string Table = tableName(Create->getObject("relation"));
    if (const Array *Elts = Create->getArray("tableElts"))
      for (const Value &E : *Elts) {
        if (const Object *Col = nodeOf(&E, "ColumnDef")) {
          if (const Array *Cs = Col->getArray("constraints"))
            for (const Value &C : *Cs)
              if (isKeyConstraint(nodeOf(&C, "Constraint")))
                Into.addUniqueKey(
                    Table, {Col->getString("colname").value_or("").str()});
        } else if (const Object *C = nodeOf(&E, "Constraint");
                   isKeyConstraint(C)) {
          Into.addUniqueKey(Table, names(C->getArray("keys")));
        }
      }
    return;
  }
  if (const Object *Index = nodeOf(&Stmt, "IndexStmt")) {
    // A partial or expression index makes no columns unique by themselves.
    if (!Index->getBoolean("unique").value_or(false) ||
        Index->get("whereClause"))
      return;
    std::vector<std::string> Columns;
    if (const Array *Params = Index->getArray("indexParams"))
      for (const Value &P : *Params) {
        const Object *Elem = nodeOf(&P, "IndexElem");
        std::optional<llvm::StringRef> Name =
            Elem ? Elem->getString("name") : std::nullopt;
        if (!Name)
          return;
        Columns.push_back(Name->str());
      }
    Into.addUniqueKey(tableName(Index->getObject("relation")),
                      std::move(Columns));
    return;
  }
  if (const Object *Alter = nodeOf(&Stmt, "AlterTableStmt")) {
    std::string Table = tableName(Alter->getObject("relation"));
    if (const Array *Cmds = Alter->getArray("cmds"))
      for (const Value &V : *Cmds)
        if (const Object *Cmd = nodeOf(&V, "AlterTableCmd"))
          if (Cmd->getString("subtype").value_or("") == "AT_AddConstraint")
            if (const Object *C = nodeOf(Cmd->get("def"), "Constraint");
                isKeyConstraint(C))
              Into.addUniqueKey(Table, names(C->getArray("keys")));
  }
}

/// Whether the statement declares keys: CREATE [...] TABLE, CREATE
/// [UNIQUE] INDEX, ALTER TABLE.
bool declaresKeys(llvm::StringRef Src, llvm::ArrayRef<detail::Token> Sig) {
  auto Is = [&](size_t I, llvm::StringRef W) {
    return I < Sig.size() && detail::isWord(Sig[I], Src, W);
  };
  if (Is(0, "ALTER"))
    return Is(1, "TABLE");
  if (!Is(0, "CREATE"))
    return false;
  for (size_t I = 1; I < 5 && I < Sig.size(); ++I)
    if (Is(I, "TABLE") || Is(I, "INDEX"))
      return !Is(I - 1, "VIRTUAL"); // SQLite's FTS tables declare no keys.
  return false;
}

/// Parses one statement; the parser's message when it does not parse.
std::optional<std::string> parseInto(const std::string &Text, Schema &Into) {
  PgQueryParseResult R = pg_query_parse(Text.c_str());
  if (R.error) {
    std::string Message = R.error->message ? R.error->message : "parse error";
    pg_query_free_parse_result(R);
    return Message;
  }
  llvm::Expected<Value> Tree =
      llvm::json::parse(R.parse_tree ? R.parse_tree : "{}");
  pg_query_free_parse_result(R);
  if (!Tree) {
    std::string Message = llvm::toString(Tree.takeError());
    return Message;
  }
  const Object *Root = Tree->getAsObject();
  if (const Array *Stmts = Root ? Root->getArray("stmts") : nullptr)
    for (const Value &S : *Stmts)
      if (const Object *Raw = S.getAsObject())
        if (const Value *Stmt = Raw->get("stmt"))
          keysOf(*Stmt, Into);
  return std::nullopt;
}

unsigned lineOf(llvm::StringRef Text, size_t Offset) {
  return 1 + Text.take_front(Offset).count('\n');
}

} // namespace

std::string readSchema(llvm::StringRef Text, llvm::StringRef File,
                       Schema &Into) {
  // MySQL's lexer knows back-ticks and `#` comments; a `;` inside a quoted
  // name or string of any dialect does not end a statement there either.
  std::vector<detail::Token> Toks = detail::lexSql(Text, Dialect::MySQL);
  std::vector<detail::Token> Sig;
  int Depth = 0;
  auto Statement = [&]() -> std::string {
    if (Sig.empty() || !declaresKeys(Text, Sig))
      return "";
    size_t B = Sig.front().Begin, E = Sig.back().End;
    // Blanks before the statement keep the parser's offsets, and lines, the
    // file's.
    std::string Piece = std::string(B, ' ') + Text.slice(B, E).str();
    for (size_t P = 0; P < B; ++P)
      if (Text[P] == '\n')
        Piece[P] = '\n';
    std::optional<std::string> First;
    for (Dialect D : {Dialect::PostgreSQL, Dialect::MySQL, Dialect::SQLite}) {
      std::string Try = Piece;
      if (D != Dialect::PostgreSQL)
        Try = detail::normalizeSql(detail::blankForeignDdl(Piece, D), D).Text;
      std::optional<std::string> Error = parseInto(Try, Into);
      if (!Error)
        return "";
      if (!First)
        First = *Error;
    }
    return (File + ":" + llvm::Twine(lineOf(Text, B)) +
            ": error: cannot read the keys of this statement: " + *First)
        .str();
  };
  for (const detail::Token &T : Toks) {
    if (!T.significant())
      continue;
    if (detail::isPunct(T, Text, '('))
      ++Depth;
    else if (detail::isPunct(T, Text, ')') && Depth > 0)
      --Depth;
    if (detail::isPunct(T, Text, ';') && Depth == 0) {
      if (std::string Error = Statement(); !Error.empty())
        return Error;
      Sig.clear();
      continue;
    }
    Sig.push_back(T);
  }
  return Statement();
}

void Schema::addUniqueKey(llvm::StringRef Table,
                          std::vector<std::string> Columns) {
  if (Table.empty() || Columns.empty() ||
      llvm::any_of(Columns, [](const std::string &C) { return C.empty(); }))
    return;
  auto It = llvm::find_if(Tables,
                          [&](const TableKeys &T) { return T.Table == Table; });
  if (It == Tables.end()) {
    Tables.push_back({Table.str(), {}});
    It = std::prev(Tables.end());
  }
  if (!llvm::is_contained(It->UniqueKeys, Columns))
    It->UniqueKeys.push_back(std::move(Columns));
}

const TableKeys *Schema::keysOf(llvm::StringRef Table) const {
  for (const TableKeys &T : Tables)
    if (T.Table == Table)
      return &T;
  // Unqualified and schema-qualified names of one table.
  auto Last = [](llvm::StringRef N) { return N.substr(N.rfind('.') + 1); };
  for (const TableKeys &T : Tables)
    if (llvm::StringRef(T.Table).contains('.') != Table.contains('.') &&
        Last(T.Table) == Last(Table))
      return &T;
  return nullptr;
}

std::optional<std::vector<std::string>>
Schema::uniqueKeyWithin(llvm::StringRef Table,
                        const std::vector<std::string> &Columns) const {
  const TableKeys *Keys = keysOf(Table);
  if (!Keys)
    return std::nullopt;
  for (const std::vector<std::string> &Key : Keys->UniqueKeys)
    if (llvm::all_of(Key, [&](const std::string &C) {
          return llvm::is_contained(Columns, C);
        }))
      return Key;
  return std::nullopt;
}

} // namespace dbrace::sqlfacts
