//===--- Analyzer.cpp - Read-check-write races in one function ------------===//

#include "Analyzer.h"
#include "AstNames.h"
#include "Events.h"
#include "FunctionFacts.h"
#include "Statistics.h"
#include "SummaryExport.h"
#include "UnitRecording.h"
#include "clang/AST/DeclCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/STLExtras.h"

using namespace clang;
using namespace dbrace;

bool dbrace::shouldAnalyze(const FunctionDecl *FD, ASTContext &Ctx) {
  if (!FD || !FD->doesThisDeclarationHaveABody() || FD->isDependentContext() ||
      FD->isInvalidDecl())
    return false;
  SourceLocation Loc = FD->getLocation();
  return Loc.isValid() && !Ctx.getSourceManager().isInSystemHeader(Loc);
}

Analyzer::Analyzer(ASTContext &Ctx, const ApiModel &Model,
                   AnalyzerOptions Options)
    : Ctx(Ctx), Model(Model), Options(std::move(Options)),
      Resolver(Ctx, Model,
               [this](llvm::StringRef Key) { return namedStatement(Key); }) {}

const TranslationUnitIndex &Analyzer::index() {
  if (!Index) {
    Index.emplace();
    indexTranslationUnit(Ctx, Model, Resolver, *Index);
  }
  return *Index;
}

DialectSet Analyzer::connectionDialects(const Stmt *RunsOn,
                                        const LibraryRules &L) {
  if (!Connections)
    Connections.emplace(Ctx, Model, Resolver, index().Connections);
  return Connections->of(RunsOn, L);
}

llvm::ArrayRef<std::string> Analyzer::entityTables(llvm::StringRef Class) {
  auto It = index().EntityTables.find(Class);
  if (It == Index->EntityTables.end())
    return {};
  return It->second;
}

std::shared_ptr<const RecoveredSql>
Analyzer::namedStatement(llvm::StringRef Name) {
  auto It = index().NamedStatements.find(Name);
  return It == Index->NamedStatements.end() ? nullptr : It->second;
}

const std::vector<Fact> &Analyzer::analyze(const FunctionDecl *FD) {
  Result &R = compute(FD);
  // Admitted only now, when no analysis is under way: settling may analyse
  // other callers, whose fixes must not meet one withheld here.
  if (!R.Settled) {
    R.Settled = true;
    settleHelperLocks(R);
    for (Fact &F : R.Facts)
      if (std::vector<FixItHint> *Edits = editsOf(F))
        FixLedger.admit(*Edits, Ctx);
  }
  return R.Facts;
}

const FunctionSummary *Analyzer::summaryOf(const FunctionDecl *FD) {
  if (!shouldAnalyze(FD, Ctx))
    return nullptr;
  auto It = Results.find(FD);
  if (It != Results.end() && !It->second.Done) {
    // Recursion: the caller sees no events of this call.
    if (auto In = llvm::find(Computing, FD); In != Computing.end())
      Recursive.insert(In, Computing.end());
    return nullptr;
  }
  const Result &R = compute(FD);
  return R.Summary.Events.empty() ? nullptr : &R.Summary;
}

Analyzer::Result &Analyzer::compute(const FunctionDecl *FD) {
  Result &R = Results[FD];
  if (R.Done || !shouldAnalyze(FD, Ctx))
    return R;
  const auto *Method = dyn_cast<CXXMethodDecl>(FD);
  R.Summary.Name =
      Method && Method->getParent()->isLambda() ? "lambda" : qualifiedName(FD);
  auto SummaryOf = [this](const FunctionDecl *Callee) {
    return summaryOf(Callee);
  };
  auto Named = [this](llvm::StringRef Name) { return namedStatement(Name); };
  auto Tables = [this](llvm::StringRef Class) { return entityTables(Class); };
  auto Bound = [this](llvm::StringRef Key) -> const FieldBindings * {
    auto It = index().Bindings.find(Key);
    return It == Index->Bindings.end() ? nullptr : &It->second;
  };
  auto Dialects = [this](llvm::StringRef Library) {
    auto It = index().Dialects.find(Library);
    return It == Index->Dialects.end()
               ? llvm::ArrayRef<sqlfacts::Dialect>()
               : llvm::ArrayRef<sqlfacts::Dialect>(It->second);
  };
  auto ConnectionDialect = [this](const Stmt *RunsOn, const LibraryRules &L) {
    return connectionDialects(RunsOn, L);
  };
  TranslationUnitFacts Unit{SummaryOf, Named,    Tables,
                            Bound,     Dialects, ConnectionDialect};
  Computing.push_back(FD);
  FunctionEvents Events =
      collectEvents(FD, Ctx, Model, Resolver, Options.Dialect, Unit);
  Computing.pop_back();
  countNotUnderstood(Events, Ctx.getSourceManager());
  std::optional<trace::Function> Trace = startTrace(FD, Events);
  bool Timelines = timeline::sink() != nullptr;
  if (Timelines)
    for (const DbEvent &E : Events.Events)
      if (E.Sql && E.At && !E.Origin)
        EventSql[E.At] = E.Sql;
  if (!Events.empty()) {
    FunctionSummary Summary;
    Summary.Name = R.Summary.Name;
    std::vector<Fact> Facts = findFacts(
        FD, Ctx, Options, Resolver, std::move(Events), Summary, callersOf(FD),
        Trace ? &*Trace : nullptr, Timelines ? &EventSql : nullptr);
    const SourceManager &SM = Ctx.getSourceManager();
    llvm::stable_sort(Facts, [&](const Fact &A, const Fact &B) {
      return SM.isBeforeInTranslationUnit(locationOf(A), locationOf(B));
    });
    if (Recursive.contains(FD))
      for (SummaryEvent &E : Summary.Events)
        E.OnlyWhen.clear();
    // std::map keeps R in place while helpers were computed above.
    R.Facts = std::move(Facts);
    R.Summary = std::move(Summary);
  } else if (Trace) {
    Trace->Status = trace::FunctionStatus::NoEvents;
  }
  if (Trace)
    trace::sink()->add(std::move(*Trace));
  R.Done = true;
  if (SummarySink *Sink = summarySink(); Sink && R.Summary.Name != "lambda") {
    const SourceManager &SM = Ctx.getSourceManager();
    llvm::StringRef MainFile =
        SM.getFileEntryRefForID(SM.getMainFileID())->getName();
    ExportedFunction F = exportFunction(FD, Ctx, Model, Resolver, R.Summary);
    if (UnitRecord *Record = currentUnitRecord())
      Record->Exports.emplace_back(MainFile.str(), F);
    Sink->add(MainFile, std::move(F));
  }
  return R;
}

Callers Analyzer::callersOf(const FunctionDecl *FD) {
  if (Model.calledElsewhere(functionKey(FD, Ctx.getSourceManager())))
    return Callers::Several;
  auto It = index().Calls.find(FD->getDefinition());
  if (It == Index->Calls.end())
    return Callers::None;
  return It->second == 1 ? Callers::OneCallHere : Callers::Several;
}

void Analyzer::countNotUnderstood(const FunctionEvents &Events,
                                  const SourceManager &SM) {
  for (const FunctionEvents::SqlNotUnderstood &U : Events.NotUnderstood) {
    SourceLocation Loc = SM.getFileLoc(U.At->getBeginLoc());
    countStatementNotUnderstood(
        (SM.getFilename(Loc) + ":" + llvm::Twine(SM.getFileOffset(Loc))).str());
  }
}

std::optional<trace::Function>
Analyzer::startTrace(const FunctionDecl *FD, const FunctionEvents &Events) {
  trace::Sink *Sink = trace::sink();
  if (!Sink || !Sink->wants(FD, Ctx.getSourceManager()))
    return std::nullopt;
  return trace::describeCalls(FD, Ctx, Model, Resolver, Options.Dialect,
                              Events);
}
