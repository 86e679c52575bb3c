#!/usr/bin/env python3
"""Writes a project of many small files, one dbrace finding of each check
spread over them, and its compile_commands.json.

usage: make_project.py OUT_DIR PQXX_MOCKS SLOW_MOCKS [COUNT]

The files cycle through the five checks so that one worker of a -j run sees
findings of several checks in turn; every sixth file is clean and every
seventh silences its finding with NOLINT naming the check.
"""
import json
import os
import sys

HEADER = "#include <pqxx/pqxx>\n#include <curl/curl.h>\n\n"

SHAPES = {
    "dbrace-unlocked-read-update": """\
void take_{n}(pqxx::work &w, int id) {{
  pqxx::row r = w.exec_params1("SELECT seats FROM events_{n} WHERE id = $1", id);{nolint}
  if (r[0].as<int>() > 0)
    w.exec_params("UPDATE events_{n} SET seats = seats - 1 WHERE id = $1", id);
}}
""",
    "dbrace-read-outside-transaction": """\
void spend_{n}(pqxx::connection &c, int id, int amount) {{
  pqxx::nontransaction n(c);
  int balance = n.exec_params1("SELECT balance FROM wallets_{n} WHERE id = $1", id)[0].as<int>();{nolint}
  if (balance < amount)
    return;
  pqxx::work w(c);
  w.exec_params("UPDATE wallets_{n} SET balance = balance - $1 WHERE id = $2", amount, id);
  w.commit();
}}
""",
    "dbrace-lock-without-transaction": """\
void redeem_{n}(pqxx::connection &c, int id) {{
  pqxx::nontransaction n(c);
  pqxx::row r = n.exec_params1("SELECT used FROM coupons_{n} WHERE id = $1 FOR UPDATE", id);{nolint}
  if (!r[0].as<bool>())
    n.exec_params("UPDATE coupons_{n} SET used = true WHERE id = $1", id);
}}
""",
    "dbrace-check-then-insert": """\
void join_{n}(pqxx::work &w, int user) {{
  pqxx::result taken = w.exec_params("SELECT 1 FROM members_{n} WHERE user_id = $1", user);{nolint}
  if (taken.empty())
    w.exec_params("INSERT INTO members_{n} (user_id) VALUES ($1)", user);
}}
""",
    "dbrace-slow-call-in-transaction": """\
void charge_{n}(pqxx::connection &c, int id, CURL *http) {{
  pqxx::work w(c);
  w.exec_params1("SELECT balance FROM accounts_{n} WHERE id = $1 FOR UPDATE", id);
  curl_easy_perform(http);{nolint}
  w.exec_params("UPDATE accounts_{n} SET balance = balance - 1 WHERE id = $1", id);
  w.commit();
}}
""",
}

CLEAN = """\
void count_{n}(pqxx::work &w, int id) {{
  w.exec_params("UPDATE pages_{n} SET views = views + 1 WHERE id = $1", id);
}}
"""


def main():
    out, pqxx, slow = sys.argv[1:4]
    count = int(sys.argv[4]) if len(sys.argv) > 4 else 24
    os.makedirs(out, exist_ok=True)
    checks = sorted(SHAPES)
    commands = []
    for n in range(count):
        name = "f%02d.cpp" % n
        if n % 6 == 5:
            body = CLEAN.format(n=n)
        else:
            check = checks[n % len(checks)]
            nolint = "  // NOLINT(%s)" % check if n % 7 == 6 else ""
            body = SHAPES[check].format(n=n, nolint=nolint)
        with open(os.path.join(out, name), "w") as f:
            f.write(HEADER + body)
        commands.append({
            "directory": out,
            "file": name,
            "command": "clang++ -std=c++17 -isystem %s -isystem %s -c %s"
                       % (pqxx, slow, name),
        })
    with open(os.path.join(out, "compile_commands.json"), "w") as f:
        json.dump(commands, f, indent=1)


if __name__ == "__main__":
    main()
