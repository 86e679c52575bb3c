//===--- RowIdentity.cpp - Which WHERE equalities name a row --------------===//

#include "RowIdentity.h"
#include "AstNames.h"
#include "sql/Rechecks.h"
#include "llvm/ADT/STLExtras.h"

using namespace clang;

namespace dbrace {

namespace {
const ValueDecl *boundDecl(const DbEvent &E, int Param) {
  if (!Param)
    return nullptr;
  auto It = E.Params.find(Param);
  return It == E.Params.end() ? nullptr : keyDecl(It->second);
}

bool ofTable(const sqlfacts::KeyComparison &K, llvm::StringRef Table) {
  return !K.AnyOf && (K.Table.empty() || sqlfacts::sameTable(K.Table, Table));
}
} // namespace

BoundValues boundValues(const DbEvent &A, const sqlfacts::KeyComparison &AK,
                        const DbEvent &B, const sqlfacts::KeyComparison &BK) {
  if (AK.Literal && BK.Literal)
    return *AK.Literal == *BK.Literal ? BoundValues::Same
                                      : BoundValues::Different;
  const ValueDecl *AD = boundDecl(A, AK.Param), *BD = boundDecl(B, BK.Param);
  if (!AD || !BD)
    return BoundValues::Unknown;
  return valueOrigin(AD) == valueOrigin(BD) ? BoundValues::Same
                                            : BoundValues::Different;
}

bool mayIdentifyRows(const sqlfacts::Schema *Schema, llvm::StringRef Table,
                     llvm::StringRef Column) {
  const sqlfacts::TableKeys *Keys = Schema ? Schema->keysOf(Table) : nullptr;
  return !Keys || Keys->inUniqueKey(Column);
}

bool reassertsReadCondition(const sqlfacts::Schema *Schema,
                            llvm::StringRef Table, const DbEvent &Read,
                            const DbEvent &Write) {
  if (!Schema || !Schema->keysOf(Table) || !Read.Facts || !Write.Facts ||
      !Read.Facts->Certain)
    return false;
  for (const sqlfacts::KeyComparison &WK : Write.Facts->Keys) {
    if (!ofTable(WK, Table) || mayIdentifyRows(Schema, Table, WK.Column))
      continue;
    for (const sqlfacts::KeyComparison &RK : Read.Facts->Keys)
      if (ofTable(RK, Table) && RK.Column == WK.Column &&
          boundValues(Read, RK, Write, WK) == BoundValues::Same)
        return true;
  }
  return false;
}

} // namespace dbrace
