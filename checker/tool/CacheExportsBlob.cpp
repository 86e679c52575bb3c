//===--- CacheExportsBlob.cpp - A unit's exported summaries in an entry
//----===//

#include "CacheExportsBlob.h"

using namespace ::dbrace;

namespace dbrace::tool {
namespace {

constexpr uint32_t None = ~0u;

/// Writes items in a loop and reads them back with one reader each: a
/// list is its count and then its items.
template <typename T, typename Fn>
void writeList(BlobWriter &Out, const std::vector<T> &Items, Fn Write) {
  Out.number(Items.size());
  for (const T &Item : Items)
    Write(Item);
}

template <typename T, typename Fn>
bool readList(BlobReader &In, std::vector<T> &Items, Fn Read) {
  uint32_t Count = 0;
  if (!In.count(Count))
    return false;
  Items.resize(Count);
  for (T &Item : Items)
    if (!Read(Item))
      return false;
  return true;
}

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

template <typename Enum> bool readEnum(BlobReader &In, Enum &E) {
  uint32_t Value = 0;
  if (!In.number(Value))
    return false;
  E = static_cast<Enum>(Value);
  return true;
}

bool readFlag(BlobReader &In, bool &Flag) {
  uint32_t Value = 0;
  if (!In.number(Value) || Value > 1)
    return false;
  Flag = Value;
  return true;
}

bool readNumber(BlobReader &In, unsigned &N) {
  uint32_t Value = 0;
  if (!In.number(Value))
    return false;
  N = Value;
  return true;
}

bool readSigned(BlobReader &In, int &N) {
  uint32_t Value = 0;
  if (!In.number(Value))
    return false;
  N = static_cast<int32_t>(Value);
  return true;
}

void writeRule(BlobWriter &Out, const ExportedRule &E) {
  const CallRule &R = E.Rule;
  Out.text(R.Name);
  Out.number(static_cast<uint32_t>(R.Action));
  writeOptional(Out, R.SqlArg);
  Out.text(R.Sql);
  writeList(Out, R.SqlParams, [&](int P) { Out.number(P); });
  Out.number(static_cast<uint32_t>(R.Result));
  writeList(Out, R.ResultArgs, [&](unsigned N) { Out.number(N); });
  Out.number(static_cast<uint32_t>(R.IsolationLevel));
  Out.number(static_cast<uint32_t>(R.Mode));
  Out.number(R.Chain);
  Out.text(R.Entity);
  writeList(Out, R.KeyArgs, [&](unsigned N) { Out.number(N); });
  Out.number(static_cast<uint32_t>(R.WriteKind));
  Out.number(R.Versioned);
  Out.number(R.ReturnsRowCount);
  writeOptional(Out, R.ValueArg);
  Out.number(static_cast<uint32_t>(R.ReturnsWhat));
  Out.number(E.Order);
  Out.number(E.Dialect ? static_cast<uint32_t>(*E.Dialect) : None);
  Out.text(E.LockClause);
}

bool readRule(BlobReader &In, ExportedRule &E) {
  CallRule &R = E.Rule;
  uint32_t Dialect = 0;
  if (!In.text(R.Name) || !readEnum(In, R.Action) ||
      !readOptional(In, R.SqlArg) || !In.text(R.Sql) ||
      !readList(In, R.SqlParams, [&](int &P) { return readSigned(In, P); }) ||
      !readEnum(In, R.Result) ||
      !readList(In, R.ResultArgs,
                [&](unsigned &N) { return readNumber(In, N); }) ||
      !readEnum(In, R.IsolationLevel) || !readEnum(In, R.Mode) ||
      !readFlag(In, R.Chain) || !In.text(R.Entity) ||
      !readList(In, R.KeyArgs,
                [&](unsigned &N) { return readNumber(In, N); }) ||
      !readEnum(In, R.WriteKind) || !readFlag(In, R.Versioned) ||
      !readFlag(In, R.ReturnsRowCount) || !readOptional(In, R.ValueArg) ||
      !readEnum(In, R.ReturnsWhat) || !readNumber(In, E.Order) ||
      !In.number(Dialect) || !In.text(E.LockClause))
    return false;
  if (Dialect != None)
    E.Dialect = static_cast<sqlfacts::Dialect>(Dialect);
  return true;
}

void writeCall(BlobWriter &Out, const DeferredCall &C) {
  Out.text(C.Callee);
  Out.number(C.Order);
  Out.number(C.Object);
  writeList(Out, C.ArgParams, [&](int P) { Out.number(P); });
  writeList(Out, C.ArgSql, [&](const std::optional<std::string> &Sql) {
    Out.number(Sql.has_value());
    Out.text(Sql.value_or(""));
  });
  Out.number(C.Returned);
}

bool readCall(BlobReader &In, DeferredCall &C) {
  return In.text(C.Callee) && readNumber(In, C.Order) &&
         readSigned(In, C.Object) &&
         readList(In, C.ArgParams, [&](int &P) { return readSigned(In, P); }) &&
         readList(In, C.ArgSql,
                  [&](std::optional<std::string> &Sql) {
                    bool Known = false;
                    std::string Text;
                    if (!readFlag(In, Known) || !In.text(Text))
                      return false;
                    if (Known)
                      Sql = std::move(Text);
                    return true;
                  }) &&
         readFlag(In, C.Returned);
}

} // namespace

void writeExports(BlobWriter &Out, const UnitExports &Exports) {
  writeList(Out, Exports, [&](const UnitExports::value_type &Entry) {
    const ExportedFunction &F = Entry.second;
    Out.text(Entry.first);
    Out.text(F.Key);
    Out.text(F.Name);
    Out.number(F.Visible);
    Out.number(F.Destructor);
    Out.text(F.Signature);
    writeList(Out, F.Rules, [&](const ExportedRule &R) { writeRule(Out, R); });
    writeList(Out, F.Calls, [&](const DeferredCall &C) { writeCall(Out, C); });
  });
}

bool readExports(BlobReader &In, UnitExports &Exports) {
  return readList(In, Exports, [&](UnitExports::value_type &Entry) {
    ExportedFunction &F = Entry.second;
    return In.text(Entry.first) && In.text(F.Key) && In.text(F.Name) &&
           readFlag(In, F.Visible) && readFlag(In, F.Destructor) &&
           In.text(F.Signature) &&
           readList(In, F.Rules,
                    [&](ExportedRule &R) { return readRule(In, R); }) &&
           readList(In, F.Calls,
                    [&](DeferredCall &C) { return readCall(In, C); });
  });
}

} // namespace dbrace::tool
