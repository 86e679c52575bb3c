//===--- CacheExportsBlob.cpp - A unit's exported summaries in an entry
//----===//

#include "CacheExportsBlob.h"

using namespace ::dbrace;

namespace dbrace::tool {
namespace {

constexpr uint32_t None = ~0u;

void writeOptional(BlobWriter &Out, const std::optional<unsigned> &N) {
  Out.number(N ? *N : None);
}

bool readOptional(BlobReader &In, std::optional<unsigned> &N) {
  uint32_t Value = 0;
  if (!In.number(Value))
    return false;
  N = Value == None ? std::nullopt : std::optional<unsigned>(Value);
  return true;
}

void writeRule(BlobWriter &Out, const ExportedRule &E) {
  const CallRule &R = E.Rule;
  auto Number = [&](auto N) { Out.number(N); };
  Out.text(R.Name);
  Out.enumeration(R.Action);
  writeOptional(Out, R.SqlArg);
  Out.text(R.Sql);
  Out.list(R.SqlParams, Number);
  Out.enumeration(R.Result);
  Out.list(R.ResultArgs, Number);
  Out.enumeration(R.IsolationLevel);
  Out.enumeration(R.Mode);
  Out.flag(R.Chain);
  Out.text(R.Entity);
  Out.list(R.KeyArgs, Number);
  Out.enumeration(R.WriteKind);
  Out.flag(R.Versioned);
  Out.flag(R.ReturnsRowCount);
  writeOptional(Out, R.ValueArg);
  Out.enumeration(R.ReturnsWhat);
  Out.flag(R.DecidesWrites);
  writeOptional(Out, R.ConnectionArg);
  Out.number(E.Order);
  Out.number(E.Dialect ? static_cast<uint32_t>(*E.Dialect) : None);
  Out.text(E.LockClause);
}

bool readRule(BlobReader &In, ExportedRule &E) {
  CallRule &R = E.Rule;
  auto Number = [&](auto &N) { return In.number(N); };
  uint32_t Dialect = 0;
  if (!In.text(R.Name) || !In.enumeration(R.Action) ||
      !readOptional(In, R.SqlArg) || !In.text(R.Sql) ||
      !In.list(R.SqlParams, Number) || !In.enumeration(R.Result) ||
      !In.list(R.ResultArgs, Number) || !In.enumeration(R.IsolationLevel) ||
      !In.enumeration(R.Mode) || !In.flag(R.Chain) || !In.text(R.Entity) ||
      !In.list(R.KeyArgs, Number) || !In.enumeration(R.WriteKind) ||
      !In.flag(R.Versioned) || !In.flag(R.ReturnsRowCount) ||
      !readOptional(In, R.ValueArg) || !In.enumeration(R.ReturnsWhat) ||
      !In.flag(R.DecidesWrites) || !readOptional(In, R.ConnectionArg) ||
      !In.number(E.Order) || !In.number(Dialect) || !In.text(E.LockClause))
    return false;
  if (Dialect != None)
    E.Dialect = static_cast<sqlfacts::Dialect>(Dialect);
  return true;
}

void writeCall(BlobWriter &Out, const DeferredCall &C) {
  Out.text(C.Callee);
  Out.number(C.Order);
  Out.number(C.Object);
  Out.list(C.ArgParams, [&](int P) { Out.number(P); });
  Out.list(C.ArgSql, [&](const std::optional<std::string> &Sql) {
    Out.flag(Sql.has_value());
    Out.text(Sql.value_or(""));
  });
  Out.flag(C.Returned);
}

bool readCall(BlobReader &In, DeferredCall &C) {
  return In.text(C.Callee) && In.number(C.Order) && In.number(C.Object) &&
         In.list(C.ArgParams, [&](int &P) { return In.number(P); }) &&
         In.list(C.ArgSql,
                 [&](std::optional<std::string> &Sql) {
                   bool Known = false;
                   std::string Text;
                   if (!In.flag(Known) || !In.text(Text))
                     return false;
                   if (Known)
                     Sql = std::move(Text);
                   return true;
                 }) &&
         In.flag(C.Returned);
}

} // namespace

void writeExports(BlobWriter &Out, const UnitExports &Exports) {
  Out.list(Exports, [&](const UnitExports::value_type &Entry) {
    const ExportedFunction &F = Entry.second;
    Out.text(Entry.first);
    Out.text(F.Key);
    Out.text(F.Name);
    Out.flag(F.Visible);
    Out.flag(F.Destructor);
    Out.text(F.Signature);
    Out.list(F.Rules, [&](const ExportedRule &R) { writeRule(Out, R); });
    Out.list(F.Calls, [&](const DeferredCall &C) { writeCall(Out, C); });
    Out.list(F.LambdaCallees, [&](const std::string &K) { Out.text(K); });
  });
}

bool readExports(BlobReader &In, UnitExports &Exports) {
  return In.list(Exports, [&](UnitExports::value_type &Entry) {
    ExportedFunction &F = Entry.second;
    return In.text(Entry.first) && In.text(F.Key) && In.text(F.Name) &&
           In.flag(F.Visible) && In.flag(F.Destructor) &&
           In.text(F.Signature) &&
           In.list(F.Rules, [&](ExportedRule &R) { return readRule(In, R); }) &&
           In.list(F.Calls, [&](DeferredCall &C) { return readCall(In, C); }) &&
           In.list(F.LambdaCallees, [&](std::string &K) { return In.text(K); });
  });
}

} // namespace dbrace::tool
