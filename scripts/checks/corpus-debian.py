"""Acceptance: minisolve reads Debian's Packages and Sources as the files say.

Counts must equal `grep -c '^Package:'`; for a seeded sample of packages, the version(s),
dependencies and provides that `minisolve show --format json` prints must equal what a plain
reading of the stanza text gives.
Usage: corpus-debian.py MINISOLVE CORPUS WORKDIR
"""

import json
import os
import lzma
import random
import re
import subprocess
import sys

minisolve, corpus, workdir = sys.argv[1:4]
empty_project = f"{workdir}/empty-project"
os.makedirs(empty_project, exist_ok=True)
failures = []


def stanzas(text):
    """Yields each stanza as {field: value}, continuation lines joined with spaces."""
    for block in text.split("\n\n"):
        fields = {}
        last = None
        for line in block.split("\n"):
            if not line:
                continue
            if line[0] in " \t" and last:
                fields[last] += " " + line.strip()
            elif ":" in line:
                last, _, value = line.partition(":")
                fields[last] = value.strip()
        if "Package" in fields:
            yield fields


def normalise(relations):
    """A relation field as a list of groups of alternatives, spaces collapsed."""
    if not relations:
        return []
    groups = []
    for group in relations.split(","):
        if group.strip():
            groups.append(" | ".join(spelled(alt) for alt in group.split("|")))
    return groups


def spelled(alternative):
    """One alternative as minisolve spells it: `name (op version) [archs] <profiles>`."""
    text = re.sub(r"\s+", " ", alternative.strip())
    version = ""
    match = re.search(r"\(\s*(<<|<=|>=|>>|=)\s*([^)]*?)\s*\)", text)
    if match:
        version = f" ({match.group(1)} {match.group(2)})"
        text = text[:match.start()] + text[match.end():]
    name, _, rest = text.strip().partition(" ")
    restrictions = re.findall(r"\[[^\]]*\]|<[^>]*>", rest)
    restrictions = [re.sub(r"\s+", " ", r[0] + r[1:-1].strip() + r[-1]) for r in restrictions]
    return " ".join([name + version] + restrictions)


def run(arguments):
    return subprocess.run([minisolve] + arguments, capture_output=True, text=True)


for name, fields_to_check in [
    ("Packages-bookworm-main-amd64.xz",
     ["Depends", "Pre-Depends", "Provides", "Conflicts", "Breaks", "Replaces", "Recommends",
      "Suggests", "Enhances"]),
    ("Sources-bookworm-main.xz", ["Build-Depends", "Build-Depends-Indep", "Build-Conflicts"]),
]:
    path = f"{corpus}/debian/{name}"
    text = lzma.open(path, "rt", encoding="utf-8", errors="replace").read()
    expected_count = len(re.findall(r"^Package:", text, flags=re.M))
    index = f"{workdir}/{name}.db"
    result = run(["index", "--project", empty_project, "--repo", path, "--index", index,
                  "--format", "json"])
    if result.returncode != 0:
        failures.append(
            f"{name}: minisolve index exited {result.returncode}: {result.stderr[-500:]}")
        continue
    report = json.loads(result.stdout)
    got = report["binary_packages"] + report["source_packages"]
    if got != expected_count:
        failures.append(f"{name}: {got} packages, grep -c '^Package:' says {expected_count}")
    print(f"{name}: {got} packages (grep: {expected_count})")

    by_name = {}
    for fields in stanzas(text):
        by_name.setdefault(fields["Package"], []).append(fields)
    sample = random.Random(20261204).sample(sorted(by_name), 25)
    sample += ["bash", "libc6", "postfix", "hello"] if "Packages" in name else ["hello", "glibc"]
    for package in sample:
        result = run(["show", package, "--project", empty_project, "--repo", path,
                      "--index", index, "--format", "json"])
        if result.returncode != 0:
            failures.append(f"{name}: show {package} exited {result.returncode}: {result.stderr[-300:]}")
            continue
        shown = json.loads(result.stdout)["packages"]
        expected = sorted(by_name[package], key=lambda f: f["Version"])
        shown = sorted(shown, key=lambda p: p["version"])
        if [f["Version"] for f in expected] != [p["version"] for p in shown]:
            failures.append(f"{name}: {package}: versions {[p['version'] for p in shown]}")
            continue
        for stanza, package_json in zip(expected, shown):
            for field in fields_to_check:
                want = normalise(stanza.get(field, ""))
                have = package_json.get(field.lower(), [])
                if want != have:
                    failures.append(f"{name}: {package} {field}: {have} != file's {want}")

for failure in failures:
    print("FAIL", failure)
sys.exit(1 if failures else 0)
