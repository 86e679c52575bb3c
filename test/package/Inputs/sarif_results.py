"""Print each result of a SARIF file as `ruleId uri:line`, one a line."""
import json
import sys

with open(sys.argv[1]) as f:
    log = json.load(f)
for run in log["runs"]:
    for result in run["results"]:
        place = result["locations"][0]["physicalLocation"]
        print("%s %s:%d" % (result["ruleId"], place["artifactLocation"]["uri"],
                            place["region"]["startLine"]))
