"""Prints each SARIF result's timeline code flow, for FileCheck.

  sarif_timeline.py FILE

Checks the shape SARIF 2.1.0 gives concurrency: one code flow with two
thread flows, `A` and `B`, whose locations carry an executionOrder that
numbers them across both flows, 1..N, each once, and in each flow in
increasing order. Then prints the locations merged in that order, one
line each: `ORDER REQUEST LINE TEXT`.
"""
import json
import sys


def main():
    with open(sys.argv[1]) as f:
        log = json.load(f)
    for result in log["runs"][0]["results"]:
        print("result %s line %d" % (
            result["ruleId"],
            result["locations"][0]["physicalLocation"]["region"]["startLine"]))
        flows = result["codeFlows"]
        assert len(flows) == 1, "one code flow"
        threads = flows[0]["threadFlows"]
        assert [t["id"] for t in threads] == ["A", "B"], "threads A and B"
        steps = []
        for t in threads:
            orders = [l["executionOrder"] for l in t["locations"]]
            assert orders == sorted(orders), "%s runs in order" % t["id"]
            steps += [(l["executionOrder"], t["id"], l) for l in t["locations"]]
        steps.sort(key=lambda s: s[0])
        assert [s[0] for s in steps] == list(range(1, len(steps) + 1)), \
            "executionOrder numbers the steps of both threads 1..N"
        for order, thread, l in steps:
            loc = l["location"]
            region = loc.get("physicalLocation", {}).get("region", {})
            print("%d %s %s %s" % (order, thread, region.get("startLine", "-"),
                                   loc["message"]["text"]))


if __name__ == "__main__":
    main()
