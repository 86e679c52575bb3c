//===--- CacheTimelinesBlob.cpp - A unit's timelines in a cache entry -----===//

#include "CacheTimelinesBlob.h"

using namespace ::dbrace;
using namespace ::dbrace::timeline;

namespace dbrace::tool {
namespace {

void writePlace(BlobWriter &Out, const trace::Place &P) {
  Out.text(P.File);
  Out.number(P.Offset);
  Out.number(P.Line);
  Out.number(P.Column);
}

bool readPlace(BlobReader &In, trace::Place &P) {
  return In.text(P.File) && In.number(P.Offset) && In.number(P.Line) &&
         In.number(P.Column);
}

void writeStep(BlobWriter &Out, const Step &S) {
  Out.enumeration(S.Who);
  Out.enumeration(S.Kind);
  writePlace(Out, S.At);
  Out.text(S.Sql);
  Out.text(S.Code);
  Out.text(S.Values);
  Out.text(S.Condition);
  // 0 unknown, 1 false, 2 true.
  Out.number(S.Holds ? 1 + *S.Holds : 0);
  Out.text(S.Helper);
  writePlace(Out, S.InHelper);
  Out.flag(S.CallerTransaction);
  Out.flag(S.ScopeEnd);
}

bool readStep(BlobReader &In, Step &S) {
  uint32_t Holds = 0;
  if (!In.enumeration(S.Who) || !In.enumeration(S.Kind) ||
      !readPlace(In, S.At) || !In.text(S.Sql) || !In.text(S.Code) ||
      !In.text(S.Values) || !In.text(S.Condition) || !In.number(Holds) ||
      Holds > 2 || !In.text(S.Helper) || !readPlace(In, S.InHelper) ||
      !In.flag(S.CallerTransaction) || !In.flag(S.ScopeEnd))
    return false;
  if (Holds)
    S.Holds = Holds == 2;
  return true;
}

} // namespace

void writeTimelines(BlobWriter &Out, const std::vector<Timeline> &All) {
  Out.list(All, [&](const Timeline &T) {
    Out.enumeration(T.Kind);
    Out.enumeration(T.Form);
    writePlace(Out, T.Reported);
    writePlace(Out, T.Write);
    Out.enumeration(T.Written);
    Out.flag(T.Consumed);
    Out.list(T.Steps, [&](const Step &S) { writeStep(Out, S); });
    Out.list(T.Fixed, [&](const Step &S) { writeStep(Out, S); });
    Out.text(T.Table);
    writePlace(Out, T.FunctionBegin);
    writePlace(Out, T.FunctionEnd);
    Out.text(T.Function);
  });
}

bool readTimelines(BlobReader &In, std::vector<Timeline> &All) {
  auto Steps = [&](Step &S) { return readStep(In, S); };
  return In.list(All, [&](Timeline &T) {
    return In.enumeration(T.Kind) && In.enumeration(T.Form) &&
           readPlace(In, T.Reported) && readPlace(In, T.Write) &&
           In.enumeration(T.Written) && In.flag(T.Consumed) &&
           In.list(T.Steps, Steps) && In.list(T.Fixed, Steps) &&
           In.text(T.Table) && readPlace(In, T.FunctionBegin) &&
           readPlace(In, T.FunctionEnd) && In.text(T.Function);
  });
}

} // namespace dbrace::tool
