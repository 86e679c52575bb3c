"""Report string literals under a directory that name SQL columns by
their spelling: whether a column identifies a row or guards a write is
decided from what the SQL and the code mean, never from its name.

A literal counts when it is a column-name fragment that naming conventions
give meaning to (`id`, `_id`, `uuid`, `version`, `_version`, `pk`, `_key`,
`rowid`, `xmin`, in lower case), the way `C.ends_with("_id")` or `C == "version"` would
use it.
"""
import pathlib
import re
import sys

# Lower case: SQL keywords such as KEY are spelt in upper case, and "key"
# alone is a rules action, not a column.
NAME_LITERAL = re.compile(
    r'"(_?(id|ids|uuid|guid|pk|version|rowversion|rowid|oid|xmin)|_key)"')


def main(root):
    if not pathlib.Path(root).is_dir():
        print(f"{root}: no such directory: nothing would be checked")
        return 2
    found = 0
    for path in sorted(pathlib.Path(root).rglob("*")):
        if path.suffix not in (".cpp", ".h"):
            continue
        for number, line in enumerate(
                path.read_text(errors="replace").splitlines(), 1):
            code = line.split("//", 1)[0]
            for match in NAME_LITERAL.finditer(code):
                print(f"{path}:{number}: column named by its spelling "
                      f"{match.group(0)}")
                found += 1
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
