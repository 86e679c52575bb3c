"""Report any database library's name or namespace under a directory.

Comments count too: the core's examples are spelled generically, so that
what a library does is read from its rules file only. SQL dialect names
(SQLite, MySQL) are the SQL language, not a library, and are allowed.
"""
import pathlib
import re
import sys

LIBRARY_NAMES = re.compile(
    r"pqxx|sqlite3|SQLiteCpp|SQLite::|\bsoci\b|QSql|QString|\bQt\b|Poco|"
    r"\bsql::|\bodb\b|sqlpp|\bWt\b|\bDbo\b|cppdb|nanodbc|Connector|Django",
    re.IGNORECASE)


def main(root):
    if not pathlib.Path(root).is_dir():
        print(f"{root}: no such directory: nothing would be checked")
        return 2
    found = 0
    for path in sorted(pathlib.Path(root).rglob("*")):
        if path.suffix not in (".cpp", ".h"):
            continue
        text = path.read_text(errors="replace")
        for number, line in enumerate(text.splitlines(), 1):
            for match in LIBRARY_NAMES.finditer(line):
                print(f"{path}:{number}: '{match.group(0)}'")
                found += 1
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
