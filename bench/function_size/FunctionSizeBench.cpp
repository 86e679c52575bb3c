//===--- FunctionSizeBench.cpp - dbrace's analysis of one growing function -===//
//
// Google Benchmark of Analyzer::analyze alone: the function is parsed once,
// outside the timed loop, so the figures are the analysis (events pre-pass,
// CFG, transaction flow, taint, control dependence), not clang's parsing.
// The bound: time per statement flat within 2x from 100 to 10,000
// statements. The shapes match bench/function_size/function_size.py:
//   sparse  one read-check-write in ordinary statements;
//   dense   a read-check-write transaction every ~10 statements;
//   onetx   the same reads and writes in one transaction object;
//   nested  a read, then N nested branches, the write in the innermost.
// Counter "per_unit" is seconds per statement (nested: per branch).
// framework/<shape>/<N> runs clang's dataflow framework with its no-op
// analysis over the same function: the floor any value model built on the
// framework would pay (docs/architecture.md, "Value flow").
//
//===----------------------------------------------------------------------===//

#include "AnalysisCache.h"
#include "Analyzer.h"
#include "clang/AST/Decl.h"
#include "clang/Analysis/FlowSensitive/AdornedCFG.h"
#include "clang/Analysis/FlowSensitive/DataflowAnalysis.h"
#include "clang/Analysis/FlowSensitive/NoopAnalysis.h"
#include "clang/Analysis/FlowSensitive/WatchedLiteralsSolver.h"
#include "clang/Frontend/ASTUnit.h"
#include "clang/Tooling/Tooling.h"
#include <benchmark/benchmark.h>
#include <string>

namespace {

enum class Shape { Sparse, Dense, OneTx, Nested };

const char *const Tables[] = {"events",  "wallets",   "stock",
                              "coupons", "credits",   "accounts",
                              "inventory", "subscriptions"};

/// An ordinary statement: arithmetic or a string append, never database code.
std::string filler(unsigned I) {
  switch (I % 3) {
  case 0:
    return "acc = acc * 31 + " + std::to_string(I % 97) + ";\n";
  case 1:
    return "note += \"x\";\n";
  default:
    return "if (acc % " + std::to_string(I % 13 + 2) + " == 0) acc += 1;\n";
  }
}

std::string select(const char *Table) {
  return std::string("pqxx::result r = w.exec_params(\"SELECT n FROM ") +
         Table + " WHERE id = $1\", id);\nint v = r[0][0].as<int>();\n";
}

std::string update(const char *Table) {
  return std::string("if (v > 0) w.exec_params(\"UPDATE ") + Table +
         " SET n = n - 1 WHERE id = $1\", id);\n";
}

/// The source of `int f(pqxx::connection &c, int id)` of about \p N
/// statements (nested: \p N branches).
std::string source(Shape S, unsigned N) {
  std::string B = "#include <string>\n#include <pqxx/pqxx>\n"
                  "int f(pqxx::connection &c, int id) {\n"
                  "int acc = id;\nstd::string note;\n";
  switch (S) {
  case Shape::Sparse:
    B += "pqxx::work w(c);\n" + select("events");
    for (unsigned I = 0; I + 8 < N; ++I)
      B += filler(I);
    B += update("events") + "w.commit();\n";
    break;
  case Shape::Dense:
    for (unsigned I = 0, K = 0; I < N; I += 10, ++K)
      B += std::string("{\npqxx::work w(c);\n") + select(Tables[K % 8]) +
           filler(I) + filler(I + 1) + filler(I + 2) + update(Tables[K % 8]) +
           "w.commit();\n}\n";
    break;
  case Shape::OneTx:
    B += "pqxx::work w(c);\n";
    for (unsigned I = 0, K = 0; I < N; I += 10, ++K)
      B += std::string("{\n") + select(Tables[K % 8]) + filler(I) +
           filler(I + 1) + filler(I + 2) + filler(I + 3) + filler(I + 4) +
           update(Tables[K % 8]) + "}\n";
    B += "w.commit();\n";
    break;
  case Shape::Nested:
    B += "pqxx::work w(c);\n" + select("events");
    for (unsigned I = 0; I < N; ++I)
      B += (I % 2 ? "if (v > " + std::to_string(I) + ") {\n"
                  : "if (acc % " + std::to_string(I + 2) + " != 1) {\n") +
           filler(I);
    B += "w.exec_params(\"UPDATE events SET n = n - 1 WHERE id = $1\", id);\n";
    B += std::string(N, '}') + "\nw.commit();\n";
    break;
  }
  return B + "return acc;\n}\n";
}

struct Case {
  std::unique_ptr<clang::ASTUnit> AST;
  const clang::FunctionDecl *FD = nullptr;
};

/// Parses the function of \p N statements; null FD when it does not compile.
Case parse(Shape S, unsigned N) {
  Case C;
  C.AST = clang::tooling::buildASTFromCodeWithArgs(
      source(S, N),
      {"-std=c++17", "-fbracket-depth=4096", "-resource-dir=" DBRACE_RESOURCE_DIR,
       "-isystem", DBRACE_PQXX_MOCK},
      "case.cpp");
  if (C.AST->getDiagnostics().hasErrorOccurred())
    return C;
  for (const clang::Decl *D : C.AST->getASTContext().getTranslationUnitDecl()->decls())
    if (const auto *F = llvm::dyn_cast<clang::FunctionDecl>(D);
        F && F->getIdentifier() && F->getName() == "f")
      C.FD = F;
  return C;
}

void countPerUnit(benchmark::State &State) {
  State.counters["per_unit"] = benchmark::Counter(
      State.range(0),
      benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
}

void analyse(benchmark::State &State, Shape S) {
  Case C = parse(S, State.range(0));
  std::string Error;
  const dbrace::ApiModel *Model = dbrace::sharedModel({}, Error);
  if (!C.FD || !Model) {
    State.SkipWithError(("cannot set up the case: " + Error).c_str());
    return;
  }
  size_t Findings = 0;
  for (auto _ : State) {
    // A fresh analyser per iteration, as each translation unit gets one.
    dbrace::Analyzer A(C.AST->getASTContext(), *Model, {});
    Findings = A.analyze(C.FD).size();
    benchmark::DoNotOptimize(Findings);
  }
  State.counters["findings"] = Findings;
  countPerUnit(State);
}

void framework(benchmark::State &State, Shape S) {
  namespace df = clang::dataflow;
  Case C = parse(S, State.range(0));
  if (!C.FD) {
    State.SkipWithError("cannot set up the case");
    return;
  }
  for (auto _ : State) {
    llvm::Expected<df::AdornedCFG> CFG = df::AdornedCFG::build(*C.FD);
    if (!CFG) {
      State.SkipWithError(llvm::toString(CFG.takeError()).c_str());
      return;
    }
    df::DataflowAnalysisContext Context(
        std::make_unique<df::WatchedLiteralsSolver>());
    df::Environment Env(Context, *C.FD);
    df::NoopAnalysis Analysis(C.AST->getASTContext());
    auto States = df::runDataflowAnalysis(*CFG, Analysis, Env);
    if (!States) {
      State.SkipWithError(llvm::toString(States.takeError()).c_str());
      return;
    }
    benchmark::DoNotOptimize(States->size());
  }
  countPerUnit(State);
}

} // namespace

BENCHMARK_CAPTURE(analyse, sparse, Shape::Sparse)
    ->Arg(100)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(analyse, dense, Shape::Dense)
    ->Arg(100)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(analyse, onetx, Shape::OneTx)
    ->Arg(100)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(analyse, nested, Shape::Nested)
    ->Arg(10)->Arg(100)->Arg(500)->Unit(benchmark::kMillisecond);

BENCHMARK_CAPTURE(framework, sparse, Shape::Sparse)
    ->Arg(100)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(framework, dense, Shape::Dense)
    ->Arg(100)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
