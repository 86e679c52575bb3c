"""Run the recipes of docs/integration/*.md as written.

A code block of a page is marked for this with an HTML comment on the line
before its fence, `<!-- doc-test: NAME -->`, so the page and the test read
the same text:

  doc_recipes.py block PAGE NAME          print the block
  doc_recipes.py sh PAGE NAME             run it with sh -e in the current folder
  doc_recipes.py github PAGE NAME         run the GitHub Actions workflow's job
  doc_recipes.py gitlab PAGE NAME         run the GitLab CI job
  doc_recipes.py hook PAGE NAME FILE...   run the pre-commit framework hook of a
                                          .pre-commit-config.yaml block on FILEs
  doc_recipes.py hook YAML ID FILE...     the same for hook ID of a
                                          .pre-commit-hooks.yaml

The CI jobs run here, in the current folder (the checked-out project), as a
runner would: their `run:`/`script:` commands in order with the shell the
runner uses, step conditions, CI variables from the environment. What a
runner does itself is reported instead: a `uses:` step is skipped, except
that the SARIF upload step says what it would upload; GitLab's artifacts are
listed. `apt-get` is whatever the PATH has (the test puts a stand-in first).
"""
import json
import os
import re
import shlex
import subprocess
import sys
import tempfile

import yaml

MARKER = re.compile(r"<!-- doc-test: ([\w-]+) -->")


def block(page, name):
    lines = open(page).read().splitlines()
    found = []
    for number, line in enumerate(lines):
        match = MARKER.fullmatch(line.strip())
        if not match or match.group(1) != name:
            continue
        fence = lines[number + 1] if number + 1 < len(lines) else ""
        if not fence.startswith("```"):
            sys.exit("%s:%d: doc-test marker not followed by a code block" % (page, number + 1))
        end = lines.index("```", number + 2)
        found.append("\n".join(lines[number + 2:end]) + "\n")
    if len(found) != 1:
        sys.exit("%s: %d code blocks marked '%s', expected 1" % (page, len(found), name))
    return found[0]


def run_script(shell, text, env):
    with tempfile.NamedTemporaryFile("w", suffix=".sh", delete=False) as script:
        script.write(text)
    try:
        # The commands' own output goes to stderr: stdout is this report.
        sys.stdout.flush()
        return subprocess.run(shell + [script.name], env=env, stdout=sys.stderr).returncode
    finally:
        os.unlink(script.name)


def sarif_summary(path):
    with open(path) as f:
        log = json.load(f)
    places = []
    for result in log["runs"][0]["results"]:
        location = result["locations"][0]["physicalLocation"]
        places.append("%s %s:%d" % (result["ruleId"], location["artifactLocation"]["uri"],
                                    location["region"]["startLine"]))
    return "%d results%s" % (len(places), "".join("\n  " + p for p in places))


def github(text):
    workflow = yaml.safe_load(text)
    (job_name, job), = workflow["jobs"].items()

    def expand(value):
        # The one expression the job uses for its inputs: a configuration variable.
        value = re.sub(r"\$\{\{\s*vars\.(\w+)\s*\}\}",
                       lambda m: os.environ.get(m.group(1), ""), str(value))
        if "${{" in value:
            sys.exit("doc_recipes.py: unsupported expression in %r" % value)
        return value

    env = dict(os.environ)
    for scope in (workflow, job):
        env.update({k: expand(v) for k, v in scope.get("env", {}).items()})
    workspace = os.getcwd()
    failed = False
    for step in job["steps"]:
        condition = step.get("if", "success()")
        if condition.startswith("always()"):
            runs = True
        elif condition == "success()":
            runs = not failed
        else:
            sys.exit("doc_recipes.py: unsupported condition %r" % condition)
        name = step.get("name", step.get("uses", ""))
        if not runs:
            print("step '%s': skipped" % name)
            continue
        if "uses" in step:
            action = step["uses"].split("@")[0]
            if action == "github/codeql-action/upload-sarif":
                sarif = os.path.join(workspace, step["with"]["sarif_file"])
                print("step '%s': uploads %s: %s" % (
                    name, step["with"]["sarif_file"],
                    sarif_summary(sarif) if os.path.exists(sarif) else "missing"))
            else:
                print("step '%s': %s is done by the runner" % (name, action))
            continue
        step_env = dict(env)
        step_env.update({k: expand(v) for k, v in step.get("env", {}).items()})
        step_env["GITHUB_WORKSPACE"] = workspace
        # A container job's default shell: sh -e.
        status = run_script(["sh", "-e"], expand(step["run"]), step_env)
        print("step '%s': exit %d" % (name, status))
        failed = failed or status != 0
    print("job '%s': %s" % (job_name, "failed" if failed else "succeeded"))
    return 0


def gitlab(text):
    pipeline = yaml.safe_load(text)
    jobs = {k: v for k, v in pipeline.items() if isinstance(v, dict) and "script" in v}
    (job_name, job), = jobs.items()
    env = dict(os.environ)
    env.update({k: str(v) for k, v in job.get("variables", {}).items()})
    # The runner's bash: one shell for before_script and script, stopping at
    # the first command that fails.
    lines = job.get("before_script", []) + job["script"]
    status = run_script(["bash", "-e", "-o", "pipefail"], "\n".join(lines) + "\n", env)
    print("job '%s': exit %d" % (job_name, status))
    artifacts = job.get("artifacts", {})
    if status == 0 or artifacts.get("when") in ("always", "on_failure"):
        for kind, path in sorted(artifacts.get("reports", {}).items()):
            if not os.path.exists(path):
                print("report %s %s: missing" % (kind, path))
                continue
            try:
                with open(path) as f:
                    entries = json.load(f)
            except ValueError as error:
                print("report %s %s: not JSON: %s" % (kind, path, error))
                continue
            print("report %s %s: %d entries" % (kind, path, len(entries)))
            for entry in entries:
                print("  %s %s:%d %s" % (entry["check_name"], entry["location"]["path"],
                                         entry["location"]["lines"]["begin"],
                                         "fingerprint" if entry.get("fingerprint") else "no fingerprint"))
        for path in artifacts.get("paths", []):
            print("artifact %s: %s" % (path, sarif_summary(path) if path.endswith(".sarif")
                                        and os.path.exists(path) else
                                        "present" if os.path.exists(path) else "missing"))
    return 0


def hook(text, name, files):
    """Run a pre-commit hook the way the framework does for `language: system`:
    its entry, its args, then the files (here C++ files only: `types_or: [c++]`)."""
    config = yaml.safe_load(text)
    hooks = config if isinstance(config, list) else [
        h for repo in config["repos"] for h in repo["hooks"]]
    matching = [h for h in hooks if h["id"] == name] if isinstance(config, list) else hooks
    (chosen,) = matching
    if chosen.get("language") != "system" or chosen.get("types_or") != ["c++"]:
        sys.exit("doc_recipes.py: hook %s: only language system, types_or [c++]" % chosen["id"])
    command = shlex.split(chosen["entry"]) + chosen.get("args", []) + files
    sys.stdout.flush()
    return subprocess.run(command).returncode


def main():
    command, page, name = sys.argv[1:4]
    if command == "hook":
        if page.endswith(".md"):
            return hook(block(page, name), name, sys.argv[4:])
        return hook(open(page).read(), name, sys.argv[4:])
    text = block(page, name)
    if command == "block":
        sys.stdout.write(text)
        return 0
    if command == "sh":
        return run_script(["sh", "-e"], text, dict(os.environ))
    if command == "github":
        return github(text)
    if command == "gitlab":
        return gitlab(text)
    sys.exit("doc_recipes.py: unknown command %r" % command)


if __name__ == "__main__":
    sys.exit(main())
