"""Report any library name or namespace in C++ code (not comments) under a directory."""
import pathlib
import re
import sys

LIBRARY_NAMES = re.compile(
    r"pqxx|sqlite3|SQLiteCpp|SQLite::|\bsoci\b|QSql|QString|\bQt\b|Poco|"
    r"\bsql::|\bodb\b|sqlpp|\bWt\b|Dbo\b|cppdb|nanodbc|Connector",
    re.IGNORECASE)
COMMENT = re.compile(r"//.*$")


def code_lines(text):
    in_block = False
    for number, line in enumerate(text.splitlines(), 1):
        if in_block:
            end = line.find("*/")
            if end < 0:
                continue
            line, in_block = line[end + 2:], False
        while "/*" in line:
            start = line.index("/*")
            end = line.find("*/", start + 2)
            if end < 0:
                line, in_block = line[:start], True
                break
            line = line[:start] + line[end + 2:]
        yield number, COMMENT.sub("", line)


def main(root):
    found = 0
    for path in sorted(pathlib.Path(root).rglob("*")):
        if path.suffix not in (".cpp", ".h"):
            continue
        for number, line in code_lines(path.read_text(errors="replace")):
            for match in LIBRARY_NAMES.finditer(line):
                print(f"{path}:{number}: '{match.group(0)}'")
                found += 1
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
