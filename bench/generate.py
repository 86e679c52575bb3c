#!/usr/bin/env python3
"""Generates a synthetic service code base to benchmark dbrace on.

Real code bases are mostly code that never touches a database: string
handling, containers, arithmetic. dbrace's cost must be judged on that mix,
because a check that only looks cheap on pure database code, or only on pure
utility code, says nothing about its cost in CI. So each translation unit here
holds a service class and free helpers, and a minority of its functions read,
check and write through one of the database libraries whose mock headers exist
under test/Inputs (some racy, some safe in the ways real code is safe).

Usage: generate.py --tus N --function-statements S --out DIR [--seed K]
Writes DIR/src/*.cpp, DIR/include/svc/common.h, DIR/compile_commands.json
and DIR/manifest.json (counts, libraries used, findings expected).
"""

import argparse
import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
INPUTS = REPO / "test" / "Inputs"
CLANG = "/usr/lib/llvm-19/bin/clang++"
# The bracket depth is raised for function_size's deeply nested branches.
STD_ARGS = ["-std=c++17", "-fbracket-depth=2048"]

# What ordinary service code includes; it is most of the parse cost.
STD_INCLUDES = ["<algorithm>", "<map>", "<memory>", "<string>", "<vector>"]

TABLES = [("events", "available_seats"), ("wallets", "balance"),
          ("stock", "quantity"), ("coupons", "uses_left"),
          ("credits", "amount"), ("subscriptions", "seats_used"),
          ("inventory", "on_hand"), ("accounts", "points")]

# ---------------------------------------------------------------------------
# Database libraries. Each pattern is a function body: "@@" lines are holes
# that filler statements go into (keeping the hole's indentation), {t} the
# table, {c} its column, {v} a local. `expect` is the check that should fire
# (None: the pattern is safe). Patterns follow the libraries' real APIs, so
# they compile against the mocks in test/Inputs, which are modelled on them.
# ---------------------------------------------------------------------------

PQXX = {
    "dir": "pqxx", "include": "<pqxx/pqxx>", "param": "pqxx::connection &c",
    "patterns": [
        ("dbrace-unlocked-read-update", """
pqxx::work w(c);
@@
pqxx::result r = w.exec("SELECT {c} FROM {t} WHERE id = " + w.quote(id));
int {v} = r[0][0].as<int>();
@@
if ({v} > 0) {{
  @@
  w.exec("UPDATE {t} SET {c} = {c} - 1 WHERE id = " + w.quote(id));
}}
w.commit();
return {v};"""),
        (None, """
pqxx::work w(c);
@@
pqxx::result r = w.exec("SELECT {c} FROM {t} WHERE id = " + w.quote(id) +
                        " FOR UPDATE");
int {v} = r[0][0].as<int>();
@@
if ({v} > 0) {{
  @@
  w.exec("UPDATE {t} SET {c} = {c} - 1 WHERE id = " + w.quote(id));
}}
w.commit();
return {v};"""),
        # The write is its own guard, its row count checked.
        (None, """
pqxx::work w(c);
@@
pqxx::result r = w.exec_params(
    "UPDATE {t} SET {c} = {c} - 1 WHERE id = $1 AND {c} > 0", id);
@@
if (r.affected_rows() == 0)
  return 0;
w.commit();
return 1;"""),
        # Read for display only.
        (None, """
pqxx::nontransaction n(c);
@@
pqxx::result r = n.exec_params("SELECT {c} FROM {t} WHERE id = $1", id);
int {v} = r.empty() ? 0 : r[0][0].as<int>();
@@
return {v};"""),
        # Read-modify-write through bound parameters: the lost update.
        ("dbrace-unlocked-read-update", """
pqxx::work w(c);
@@
pqxx::row r = w.exec_params1("SELECT {c} FROM {t} WHERE id = $1", id);
int {v} = r[0].as<int>();
@@
w.exec_params("UPDATE {t} SET {c} = $1 WHERE id = $2", {v} + 5, id);
w.commit();
return {v};"""),
        ("dbrace-check-then-insert", """
pqxx::work w(c);
@@
pqxx::result r = w.exec_params(
    "SELECT count(*) FROM {t}_claims WHERE user_id = $1", id);
int {v} = r[0][0].as<int>();
@@
if ({v} == 0) {{
  w.exec_params("INSERT INTO {t}_claims (user_id) VALUES ($1)", id);
}}
w.commit();
return {v};"""),
        ("dbrace-read-outside-transaction", """
pqxx::nontransaction n(c);
pqxx::result r = n.exec_params("SELECT {c} FROM {t} WHERE id = $1", id);
int {v} = r[0][0].as<int>();
@@
if ({v} < 100) {{
  pqxx::work w(c);
  @@
  w.exec_params("UPDATE {t} SET {c} = {c} + 1 WHERE id = $1", id);
  w.commit();
}}
return {v};"""),
        (None, """
pqxx::transaction<pqxx::serializable> w(c);
@@
pqxx::result r = w.exec_params("SELECT {c} FROM {t} WHERE id = $1", id);
int {v} = r[0][0].as<int>();
@@
if ({v} > 0)
  w.exec_params("UPDATE {t} SET {c} = {c} - 1 WHERE id = $1", id);
w.commit();
return {v};"""),
    ],
}

SQLITE3 = {
    "dir": "sqlite3", "include": "<sqlite3.h>", "param": "sqlite3 *db",
    "patterns": [
        ("dbrace-unlocked-read-update", """
sqlite3_stmt *s = nullptr;
sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
@@
sqlite3_prepare_v2(db, "SELECT {c} FROM {t} WHERE id = ?", -1, &s, nullptr);
sqlite3_bind_int(s, 1, id);
int {v} = 0;
if (sqlite3_step(s) == SQLITE_ROW)
  {v} = sqlite3_column_int(s, 0);
sqlite3_finalize(s);
@@
if ({v} > 0) {{
  @@
  sqlite3_prepare_v2(db, "UPDATE {t} SET {c} = {c} - 1 WHERE id = ?", -1, &s,
                     nullptr);
  sqlite3_bind_int(s, 1, id);
  sqlite3_step(s);
  sqlite3_finalize(s);
}}
sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
return {v};"""),
        (None, """
sqlite3_stmt *s = nullptr;
sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
@@
sqlite3_prepare_v2(db, "SELECT {c} FROM {t} WHERE id = ?", -1, &s, nullptr);
sqlite3_bind_int(s, 1, id);
int {v} = 0;
if (sqlite3_step(s) == SQLITE_ROW)
  {v} = sqlite3_column_int(s, 0);
sqlite3_finalize(s);
@@
if ({v} > 0)
  sqlite3_exec(db, "UPDATE {t} SET {c} = {c} - 1 WHERE id = 1", nullptr,
               nullptr, nullptr);
sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
return {v};"""),
        (None, """
sqlite3_stmt *s = nullptr;
@@
sqlite3_prepare_v2(db, "SELECT {c} FROM {t} WHERE id = ?", -1, &s, nullptr);
sqlite3_bind_int(s, 1, id);
int {v} = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int(s, 0) : -1;
sqlite3_finalize(s);
@@
return {v};"""),
    ],
}

SQLITECPP = {
    "dir": "sqlitecpp", "include": "<SQLiteCpp/SQLiteCpp.h>",
    "param": "SQLite::Database &db",
    "patterns": [
        ("dbrace-unlocked-read-update", """
SQLite::Transaction tx(db);
@@
SQLite::Statement q(db, "SELECT {c} FROM {t} WHERE id = ?");
q.bind(1, id);
int {v} = 0;
if (q.executeStep())
  {v} = q.getColumn(0).getInt();
@@
if ({v} > 0) {{
  @@
  SQLite::Statement u(db, "UPDATE {t} SET {c} = {c} - 1 WHERE id = ?");
  u.bind(1, id);
  u.exec();
}}
tx.commit();
return {v};"""),
        (None, """
SQLite::Statement q(db, "SELECT {c} FROM {t} WHERE id = ?");
q.bind(1, id);
@@
int {v} = q.executeStep() ? q.getColumn(0).getInt() : 0;
@@
return {v};"""),
    ],
}

SOCI = {
    "dir": "soci", "include": "<soci/soci.h>", "param": "soci::session &sql",
    "patterns": [
        ("dbrace-unlocked-read-update", """
soci::transaction tr(sql);
@@
int {v} = 0;
sql << "SELECT {c} FROM {t} WHERE id = :id", soci::into({v}), soci::use(id);
@@
if ({v} > 0) {{
  @@
  sql << "UPDATE {t} SET {c} = {c} - 1 WHERE id = :id", soci::use(id);
}}
tr.commit();
return {v};"""),
        (None, """
soci::transaction tr(sql);
@@
int {v} = 0;
sql << "SELECT {c} FROM {t} WHERE id = :id FOR UPDATE", soci::into({v}),
    soci::use(id);
@@
if ({v} > 0)
  sql << "UPDATE {t} SET {c} = {c} - 1 WHERE id = :id", soci::use(id);
tr.commit();
return {v};"""),
    ],
}

LIBRARIES = [PQXX, SQLITE3, SQLITECPP, SOCI]

# ---------------------------------------------------------------------------
# Filler: the ordinary statements that surround database calls in real
# functions. They use three locals every database function declares.
# ---------------------------------------------------------------------------

FILLER_LOCALS = ["int acc = id;", "std::string note;", "std::vector<int> vals;"]
WORDS = ["alpha", "beta", "gamma", "delta", "order", "user", "seat", "total"]


def filler(rng, n):
    """n statements (a compound statement counts its parts)."""
    out = []
    while len(out) < n:
        k = rng.randint(2, 97)
        w = rng.choice(WORDS)
        left = n - len(out)
        choice = rng.randrange(7 if left >= 2 else 4)
        if choice == 0:
            out.append(f"acc = acc * 31 + {k};")
        elif choice == 1:
            out.append(f'note += "{w}";')
        elif choice == 2:
            out.append(f"vals.push_back(acc % {k});")
        elif choice == 3:
            out.append("acc ^= static_cast<int>(note.size());")
        elif choice == 4:
            out.append(f"if (acc % {k} == 0)")
            out.append(f'  note += "{w[0]}";')
        elif choice == 5:
            out.append(f"for (int i = 0; i < {k % 8 + 1}; ++i)")
            out.append("  acc += i;")
        else:
            out.append("if (!vals.empty() && vals.back() > acc)")
            out.append("  vals.pop_back();")
    return out


def fill_pattern(rng, pattern, budget, **names):
    """The pattern's lines with `budget` filler statements spread over its holes."""
    lines = pattern.format(**names).strip("\n").split("\n")
    holes = [i for i, line in enumerate(lines) if line.strip() == "@@"]
    shares = [budget // len(holes)] * len(holes) if holes else []
    for i in range(budget - sum(shares)):
        shares[i % len(shares)] += 1
    out = []
    for line in lines:
        if line.strip() == "@@":
            indent = line[: len(line) - len(line.lstrip())]
            out += [indent + s for s in filler(rng, shares.pop(0))]
        else:
            out.append(line)
    return out


def pattern_statements(pattern):
    # Roughly one statement per line that ends one or opens a branch.
    return sum(1 for line in pattern.split("\n")
               if line.rstrip().endswith((";", "{")) or line.lstrip().startswith("if"))


def db_function(rng, lib, name, statements, index):
    """A database function of about `statements` statements; returns (text, expect)."""
    expect, pattern = rng.choice(lib["patterns"])
    table, column = rng.choice(TABLES)
    budget = max(0, statements - len(FILLER_LOCALS) - pattern_statements(pattern))
    body = FILLER_LOCALS + fill_pattern(rng, pattern, budget, t=table, c=column,
                                        v=f"{column.split('_')[0]}{index}")
    text = f"int {name}({lib['param']}, int id) {{\n"
    text += "".join(f"  {line}\n" for line in body) + "}\n"
    return text, expect


# ---------------------------------------------------------------------------
# Functions without database access.
# ---------------------------------------------------------------------------

PLAIN_FUNCTIONS = [
    """std::string {n}(const std::string &s) {{
  size_t b = s.find_first_not_of(" \\t\\n");
  if (b == std::string::npos)
    return std::string();
  size_t e = s.find_last_not_of(" \\t\\n");
  return s.substr(b, e - b + 1);
}}""",
    """std::vector<std::string> {n}(const std::string &s, char sep) {{
  std::vector<std::string> parts;
  std::string cur;
  for (char ch : s) {{
    if (ch == sep) {{
      parts.push_back(cur);
      cur.clear();
    }} else {{
      cur += ch;
    }}
  }}
  parts.push_back(cur);
  return parts;
}}""",
    """std::string {n}(const std::vector<std::string> &parts, const std::string &sep) {{
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {{
    if (i)
      out += sep;
    out += parts[i];
  }}
  return out;
}}""",
    """std::string {n}(std::string s) {{
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char ch) {{
    return static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
  }});
  return s;
}}""",
    """long {n}(const std::vector<int> &v) {{
  long sum = 0;
  for (int x : v)
    sum += x;
  return v.empty() ? 0 : sum / static_cast<long>(v.size());
}}""",
    """std::vector<int> {n}(std::vector<int> v) {{
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
  return v;
}}""",
    """std::map<std::string, int> {n}(const std::vector<std::string> &words) {{
  std::map<std::string, int> counts;
  for (const std::string &w : words)
    ++counts[w];
  return counts;
}}""",
    """int {n}(int value, int lo, int hi) {{
  if (value < lo)
    return lo;
  if (value > hi)
    return hi;
  return value;
}}""",
    """bool {n}(const std::string &digits) {{
  int sum = 0;
  bool odd = false;
  for (auto it = digits.rbegin(); it != digits.rend(); ++it) {{
    int d = *it - '0';
    if (d < 0 || d > 9)
      return false;
    if (odd) {{
      d *= 2;
      if (d > 9)
        d -= 9;
    }}
    sum += d;
    odd = !odd;
  }}
  return sum % 10 == 0;
}}""",
    """long long {n}(long long cents, int percent) {{
  long long part = cents * percent;
  long long q = part / 100;
  if (part % 100 >= 50)
    ++q;
  return q;
}}""",
    """std::string {n}(const std::string &s) {{
  std::string out;
  out.reserve(s.size());
  for (char ch : s) {{
    switch (ch) {{
    case '<': out += "&lt;"; break;
    case '>': out += "&gt;"; break;
    case '&': out += "&amp;"; break;
    default: out += ch;
    }}
  }}
  return out;
}}""",
    """std::vector<int> {n}(std::vector<int> v, size_t k) {{
  k = std::min(k, v.size());
  std::partial_sort(v.begin(), v.begin() + k, v.end(), std::greater<int>());
  v.resize(k);
  return v;
}}""",
]

CLASS_TEMPLATE = """class {cls} {{
public:
  void record(const std::string &key, int value) {{
    cache_[key] += value;
    log_.push_back(key + "=" + std::to_string(value));
    if (log_.size() > {limit})
      log_.erase(log_.begin());
  }}
  int lookup(const std::string &key) const {{
    auto it = cache_.find(key);
    return it == cache_.end() ? -1 : it->second;
  }}
  std::string summary() const {{
    std::string out;
    for (const auto &entry : cache_)
      out += entry.first + ":" + std::to_string(entry.second) + ";";
    return out;
  }}
  size_t size() const {{ return cache_.size(); }}

private:
  std::map<std::string, int> cache_;
  std::vector<std::string> log_;
}};
"""

COMMON_H = """// Shared by every generated translation unit, as a project header is.
#pragma once
#include <string>
#include <vector>

namespace svc {
struct Request {
  int id = 0;
  std::string user;
  std::vector<std::string> tags;
};
inline bool valid(const Request &r) { return r.id > 0 && !r.user.empty(); }
} // namespace svc
"""


def compile_args(lib_dirs, out):
    args = list(STD_ARGS) + ["-I", str(out / "include")]
    for d in lib_dirs:
        args += ["-isystem", str(INPUTS / d)]
    return args


def usable_libraries(rng):
    """The libraries whose mocks exist and accept every pattern.

    Mocks arrive over time and model the real APIs with varying coverage, so
    each library's patterns are compiled once here; a library whose patterns
    do not compile is left out (and reported), never half-used.
    """
    usable = []
    for lib in LIBRARIES:
        if not (INPUTS / lib["dir"]).is_dir():
            continue
        code = ["#include <string>", "#include <vector>",
                f"#include {lib['include']}"]
        for i, (_, pattern) in enumerate(lib["patterns"]):
            lib1 = dict(lib, patterns=[(None, pattern)])
            code.append(db_function(rng, lib1, f"probe{i}", 20, i)[0])
        with tempfile.NamedTemporaryFile("w", suffix=".cpp") as f:
            f.write("\n".join(code))
            f.flush()
            r = subprocess.run([CLANG, "-fsyntax-only", *STD_ARGS, "-isystem",
                                str(INPUTS / lib["dir"]), f.name],
                               capture_output=True, text=True)
        if r.returncode == 0:
            usable.append(lib)
        else:
            first = (r.stderr.splitlines() or ["?"])[0]
            print(f"generate.py: leaving out {lib['dir']}: its patterns do not "
                  f"compile against the mock ({first})", file=sys.stderr)
    return usable


def translation_unit(rng, index, libs, args):
    """One TU's text and the checks expected in it."""
    # About a third of the files never touch the database, like real
    # utility, model and formatting code.
    lib = rng.choice(libs) if libs and rng.random() < 0.65 else None
    includes = [f"#include {h}" for h in STD_INCLUDES]
    includes.append('#include "svc/common.h"')
    if lib:
        includes.append(f"#include {lib['include']}")
    parts = ["// Generated by bench/generate.py; do not edit.",
             "\n".join(includes), f"namespace svc{index} {{"]
    parts.append(CLASS_TEMPLATE.format(cls=f"Service{index}",
                                       limit=rng.randint(16, 256)))
    expects = []
    n_plain = rng.randint(args.plain_functions - 4, args.plain_functions + 4)
    n_db = rng.randint(1, 2 * args.db_functions - 1) if lib else 0
    kinds = ["plain"] * n_plain + ["db"] * n_db
    rng.shuffle(kinds)
    for f, kind in enumerate(kinds):
        name = f"fn{index}_{f}"
        if kind == "db":
            text, expect = db_function(rng, lib, name, args.function_statements, f)
            if expect:
                expects.append(expect)
        else:
            text = rng.choice(PLAIN_FUNCTIONS).format(n=name)
        parts.append(text)
    parts.append(f"}} // namespace svc{index}\n")
    return "\n\n".join(parts), (lib["dir"] if lib else None), expects


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--tus", type=int, default=100)
    p.add_argument("--function-statements", type=int, default=30,
                   help="statements in each database function")
    p.add_argument("--plain-functions", type=int, default=16,
                   help="functions without database access per TU (mean)")
    p.add_argument("--db-functions", type=int, default=3,
                   help="database functions per TU that uses a library (mean)")
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--seed", type=int, default=1)
    args = p.parse_args()

    rng = random.Random(args.seed)
    out = args.out.resolve()
    (out / "src").mkdir(parents=True, exist_ok=True)
    (out / "include" / "svc").mkdir(parents=True, exist_ok=True)
    (out / "include" / "svc" / "common.h").write_text(COMMON_H)

    libs = usable_libraries(random.Random(args.seed))
    if not libs:
        print("generate.py: no usable mock library under test/Inputs; the code "
              "base has no database code", file=sys.stderr)
    # The same flags for every file, as one project's build would give.
    flags = compile_args([lib["dir"] for lib in libs], out)
    commands, per_lib, expected, per_file = [], {}, {}, {}
    for i in range(args.tus):
        text, lib, expects = translation_unit(rng, i, libs, args)
        path = out / "src" / f"service_{i:04d}.cpp"
        path.write_text(text)
        commands.append({"directory": str(out), "file": str(path),
                         "arguments": [CLANG, *flags, "-c", str(path),
                                       "-o", str(path.with_suffix(".o"))]})
        per_lib[lib or "none"] = per_lib.get(lib or "none", 0) + 1
        per_file[path.name] = expects
        for e in expects:
            expected[e] = expected.get(e, 0) + 1
    (out / "compile_commands.json").write_text(json.dumps(commands, indent=1))
    manifest = {"tus": args.tus, "function_statements": args.function_statements,
                "seed": args.seed, "libraries": [lib["dir"] for lib in libs],
                "tus_per_library": per_lib, "expected_findings": expected,
                "compile_args": flags, "files": per_file}
    (out / "manifest.json").write_text(json.dumps(manifest, indent=1))
    print(f"generate.py: {args.tus} TUs in {out} (libraries: "
          f"{', '.join(lib['dir'] for lib in libs) or 'none'})")


if __name__ == "__main__":
    main()
