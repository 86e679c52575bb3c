//===--- FixedSqlCalls.cpp - Calls whose rule fixes their SQL -------------===//
//
// A summarised function of the project's own runs the SQL its rule spells
// (`sql:`), with the caller's arguments written into it where the function
// wrote its parameters, and bound to the placeholders `sql_params` names.
//
//===----------------------------------------------------------------------===//

#include "Collector.h"
#include "FixedSql.h"

using namespace clang;
using namespace dbrace;

namespace dbrace {
namespace events {

/// The rule's text, each `{N}` a hole holding argument N. A value that is
/// no argument (`{?}`) is a hole holding the call: it names no variable, so
/// it tells no rows apart.
std::shared_ptr<const RecoveredSql> Collector::fixedSql(const RuleCall &C) {
  auto Sql = std::make_shared<RecoveredSql>();
  Sql->Root = C.Call;
  std::vector<FixedSqlPart> Parts;
  std::string Error;
  parseFixedSql(C.Rule.Sql, Parts, Error); // Validated when loaded.
  for (const FixedSqlPart &P : Parts) {
    if (P.Value == FixedSqlPart::Literal) {
      SqlPiece Piece; // No literal of this file spells it: never edited.
      Piece.Offset = Sql->Text.size();
      Piece.Length = P.Text.size();
      Sql->Text += P.Text;
      Sql->Pieces.push_back(Piece);
      continue;
    }
    const Expr *Value =
        P.Value >= 0 ? C.arg(static_cast<unsigned>(P.Value)) : nullptr;
    Sql->Text += "$" + std::to_string(FirstHoleParam + Sql->Holes.size());
    Sql->Holes.push_back(Value ? Value : C.Call);
  }
  return Sql;
}

/// `sql_params`: placeholder I+1 is argument N.
void Collector::bindSqlParams(const RuleCall &C, DbEvent &Base) {
  for (size_t I = 0; I < C.Rule.SqlParams.size(); ++I)
    if (int N = C.Rule.SqlParams[I]; N >= 0)
      if (const Expr *Value = C.arg(static_cast<unsigned>(N)))
        Base.Params[static_cast<int>(I) + 1] = Value;
}

} // namespace events
} // namespace dbrace
