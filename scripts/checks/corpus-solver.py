"""Acceptance: minisolve's solver against the trusted checkers' verdicts on real Debian indexes.

- `check` on bookworm and on trixie reports exactly dose-debcheck's and installcheck's lists;
- `check --verify` on bookworm and trixie together reports exactly installcheck's 18 (libsolv
  semantics) and dose-debcheck's 19 (`--semantics dose`), every witness verified;
- `check --build` with bookworm's Packages and Sources reports exactly dose-builddebcheck's;
- `closure nginx --verify` passes the independent checker and is no larger than apt's 29;
- `closure --optimal --verify` on the five packages whose proven-optimal sizes (aspcud) the
  corpus README lists has exactly that size, and says that it proved it.
Usage: corpus-solver.py MINISOLVE CORPUS WORKDIR
"""

import json
import os
import re
import subprocess
import sys

minisolve, corpus, workdir = sys.argv[1:4]
debian = f"{corpus}/debian"
empty = f"{workdir}/solver-project"
os.makedirs(empty, exist_ok=True)
failures = []


def run(arguments):
    common = ["--project", empty, "--arch", "amd64", "--index", f"{workdir}/solver.db"]
    return subprocess.run([minisolve] + arguments + common, capture_output=True, text=True)


def expected(name):
    with open(f"{debian}/{name}") as listing:
        return sorted(tuple(line.split()[:2]) for line in listing if line.strip())


def compare(label, arguments, listing, key):
    result = run(arguments + ["--format", "json"])
    if result.returncode not in (0, 1):
        failures.append(f"{label}: exit {result.returncode}: {result.stderr[-400:]}")
        return
    if "--verify" in arguments and "verify: the independent checker accepts" not in result.stderr:
        failures.append(f"{label}: the witnesses were not verified: {result.stderr[-400:]}")
    found = sorted((p["name"], p["version"]) for p in json.loads(result.stdout)[key])
    want = expected(listing)
    if found != want:
        extra = sorted(set(found) - set(want))
        missing = sorted(set(want) - set(found))
        failures.append(f"{label}: extra {extra[:10]}, missing {missing[:10]}")
    print(f"{label}: {len(found)} reported, {len(want)} expected")


bookworm = f"{debian}/Packages-bookworm-main-amd64.xz"
trixie = f"{debian}/Packages-trixie-main-amd64.xz"
compare("check bookworm", ["check", "--repo", bookworm], "expected-uninstallable-amd64.txt",
        "uninstallable")
compare("check trixie", ["check", "--repo", trixie],
        "expected-uninstallable-trixie-amd64.txt", "uninstallable")
for semantics in ["libsolv", "dose"]:
    compare(f"check bookworm+trixie --semantics {semantics}",
            ["check", "--verify", "--semantics", semantics, "--repo", bookworm, "--repo", trixie],
            f"expected-uninstallable-bookworm+trixie-amd64.{semantics}.txt", "uninstallable")
compare("check --build bookworm",
        ["check", "--build", "--repo", bookworm, "--repo", f"{debian}/Sources-bookworm-main.xz"],
        "expected-unbuildable-amd64.txt", "unbuildable")

closure = run(["closure", "nginx", "--verify", "--repo", bookworm, "--format", "json"])
if closure.returncode != 0:
    failures.append(f"closure nginx: exit {closure.returncode}: {closure.stderr[-400:]}")
else:
    members = json.loads(closure.stdout)["members"]
    if len(members) > 29:
        failures.append(f"closure nginx: {len(members)} members, apt installs 29")
    print(f"closure nginx: {len(members)} members (apt: 29), verified")

# "nginx 29 (apt 29, libsolv 29), python3 41 (41, 41), ..." in the README's aspcud paragraph.
with open(f"{debian}/README.md") as readme:
    text = readme.read()
paragraph = text[text.index("Smallest closures"):]
optima = re.findall(r"([a-z0-9][a-z0-9.+-]+)\s+(\d+)\s+\(", paragraph)
if len(optima) < 5:
    failures.append(f"the README lists {len(optima)} aspcud optima, expected 5")
for name, size in optima:
    result = run(["closure", name, "--optimal", "--verify", "--repo", bookworm,
                  "--format", "json"])
    if result.returncode != 0:
        failures.append(f"closure {name} --optimal: exit {result.returncode}: "
                        f"{result.stderr[-400:]}")
        continue
    answer = json.loads(result.stdout)
    found = len(answer["members"])
    if found != int(size) or answer["optimal"] is not True:
        failures.append(f"closure {name} --optimal: {found} members (optimal: "
                        f"{answer['optimal']}), aspcud's optimum is {size}")
    print(f"closure {name} --optimal: {found} members, aspcud {size}, verified")

for failure in failures:
    print("FAIL", failure)
sys.exit(1 if failures else 0)
