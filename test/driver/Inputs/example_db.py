"""Copies an example service of examples/ to a folder and writes its
compile_commands.json, compiling against the include folders given (the
mock headers of test/Inputs, or the real ones).

usage: example_db.py EXAMPLE DEST STD [INCLUDE...]
"""
import json
import os
import shutil
import sys


def main():
    example, dest, std = sys.argv[1:4]
    includes = sys.argv[4:]
    shutil.rmtree(dest, ignore_errors=True)
    shutil.copytree(example, dest, ignore=shutil.ignore_patterns("build"))
    entries = []
    for folder, _, files in sorted(os.walk(dest)):
        for name in sorted(files):
            if name.endswith(".cpp"):
                path = os.path.join(folder, name)
                args = ["clang++", "-std=" + std, "-I" + dest]
                args += ["-I" + i for i in includes] + ["-c", path]
                entries.append({"directory": dest, "file": path,
                                "arguments": args})
    with open(os.path.join(dest, "compile_commands.json"), "w") as out:
        json.dump(entries, out, indent=1)


if __name__ == "__main__":
    main()
