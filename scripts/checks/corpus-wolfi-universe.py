"""Acceptance: the universe of the Wolfi recipes, its origins, build order and shared index.

1. Two `minisolve index` processes fill one fresh index at once; both succeed and a third run
   reuses every file.
2. Every recipe package's origin (packages.line/col in the index) points at its name in the
   recipe file, or at the `name:` of a `range:` subpackage template.
3. `minisolve build-order` lists every recipe exactly once, and every cycle edge joins members
   of one step.
Usage: corpus-wolfi-universe.py MINISOLVE CORPUS WORKDIR
"""

import json
import sqlite3
import subprocess
import sys

minisolve, corpus, workdir = sys.argv[1:4]
project = f"{corpus}/wolfi"
common = ["--project", project, "--pipeline-dir", f"{corpus}/melange-pipelines",
          "--arch", "x86_64", "--index", f"{workdir}/wolfi.db"]
failures = []

# 1. Two writers at once, then a reader that must find everything cached.
runs = [subprocess.Popen([minisolve, "index", "--format", "json"] + common + extra,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for extra in ([], ["--repo", f"{corpus}/debian/Packages-bookworm-main-amd64.xz"])]
for number, process in enumerate(runs):
    out, err = process.communicate()
    if process.returncode != 0:
        failures.append(f"concurrent index run {number} exited {process.returncode}: {err[-500:]}")
    elif "warning" in err:
        failures.append(f"concurrent index run {number} warned: {err[-500:]}")
third = subprocess.run([minisolve, "index", "--format", "json"] + common,
                       capture_output=True, text=True)
report = json.loads(third.stdout or "{}")
recipes = report.get("reused", [])
if third.returncode != 0 or report.get("read"):
    failures.append(f"third run read {len(report.get('read', []))} files: {third.stderr[-300:]}")
print(f"index: {len(recipes)} recipes reused, {report.get('binary_packages')} binary packages")

# 2. Origins.
database = sqlite3.connect(f"{workdir}/wolfi.db")
rows = database.execute(
    "SELECT f.path, p.name, p.kind, p.line, p.col FROM packages p JOIN files f ON f.id = p.file_id"
    " WHERE f.format = 'recipe'").fetchall()
lines = {}
checked = 0
for path, name, kind, line, column in rows:
    if path not in lines:
        lines[path] = open(path, encoding="utf-8").read().split("\n")
    text = lines[path][line - 1] if 0 < line <= len(lines[path]) else ""
    at = text[column - 1:] if column > 0 else ""
    stripped = at.strip().strip("'\"")
    if not (stripped.startswith(name) or "${{" in at):
        failures.append(f"{path}:{line}:{column}: '{text.strip()}' does not name {kind} {name}")
    checked += 1
print(f"origins: {checked} recipe packages checked")

# 3. Build order.
order = subprocess.run([minisolve, "build-order", "--format", "json"] + common,
                       capture_output=True, text=True)
result = json.loads(order.stdout)
names = [name for step in result["steps"] for name in step]
sources = {name for (name,) in database.execute(
    "SELECT p.name FROM packages p JOIN files f ON f.id = p.file_id"
    " WHERE f.format = 'recipe' AND p.kind = 'source'")}
if sorted(names) != sorted(sources):
    failures.append(f"build-order lists {len(names)} names for {len(sources)} recipes")
step_of = {name: index for index, step in enumerate(result["steps"]) for name in step}
for cycle in result["cycles"]:
    for edge in cycle:
        if step_of.get(edge["from"]) != step_of.get(edge["to"]):
            failures.append(f"cycle edge {edge['from']} -> {edge['to']} leaves its step")
expected_code = 1 if result["cycles"] else 0
if order.returncode != expected_code:
    failures.append(f"build-order exited {order.returncode}, expected {expected_code}")
print(f"build-order: {len(result['steps'])} steps, {len(result['cycles'])} cycles")

for failure in failures[:50]:
    print("FAIL", failure)
sys.exit(1 if failures else 0)
