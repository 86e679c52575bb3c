#!/usr/bin/env python3
"""Validates SARIF files against the SARIF 2.1.0 JSON schema.

Usage: validate_sarif.py SCHEMA FILE...   prints "valid FILE" for each, or
exits non-zero with the first schema violation and its path in the file.
"""

import json
import os
import sys

import jsonschema


def main():
    with open(sys.argv[1]) as f:
        schema = json.load(f)
    validator = jsonschema.Draft4Validator(schema)
    for path in sys.argv[2:]:
        with open(path) as f:
            doc = json.load(f)
        errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.path))
        if errors:
            e = errors[0]
            sys.exit("%s: %s at /%s" % (path, e.message,
                                        "/".join(str(p) for p in e.path)))
        print("valid %s" % os.path.basename(path))


if __name__ == "__main__":
    main()
