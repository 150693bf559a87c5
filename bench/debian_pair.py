#!/usr/bin/env python3
"""Times installability over Debian 12 and 13 main together: minisolve against libsolv and dose.

Both Packages files form one universe with two versions of most names. minisolve's `check`
runs in both meanings of installable (`--semantics libsolv` and `--semantics dose`), each
`--runs` times after a warm-up, from a warm index; libsolv's `installcheck` and
`dose-debcheck` take many minutes here, so each runs `--peer-runs` times (0 skips them).
Every run's answer is checked against the corpus's expected lists, and minisolve's witnesses
are verified by its independent checker once (`check --verify`, not timed). Writes one JSON
file for debian_pair_report.py.
"""

import argparse
import datetime
import json
import os
import re
import subprocess
import sys

from debian_load import check, command, load_average, run_benchmark, run_timed
from debian_solve import (dose_broken, package_identities, read_expected, summarise_runs,
                          tool_versions)

EXPECTED = {
    "libsolv": "expected-uninstallable-bookworm+trixie-amd64.libsolv.txt",
    "dose": "expected-uninstallable-bookworm+trixie-amd64.dose.txt",
}
MEANING = {"minisolve-libsolv": "libsolv", "installcheck": "libsolv",
           "minisolve-dose": "dose", "dose-debcheck": "dose"}


def main():
    return run_benchmark(parse_options(), measure, "minisolve-bench-pair.")


def parse_options():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minisolve", required=True, help="the release minisolve binary")
    parser.add_argument("--packages", required=True, nargs=2, help="bookworm and trixie files")
    parser.add_argument("--runs", required=True, type=int)
    parser.add_argument("--peer-runs", required=True, type=int,
                        help="timed runs of installcheck and dose-debcheck (0: none)")
    parser.add_argument("--warmup", required=True, type=int)
    parser.add_argument("--out", required=True, help="where to write the JSON results")
    return parser.parse_args()


def measure(options, work):
    packages = [os.path.abspath(path) for path in options.packages]
    corpus = os.path.dirname(packages[0])
    plain = prepare(options.minisolve, packages, work)
    commands = define_commands(options.minisolve, packages, plain, work)
    identities = {}
    for path in plain:
        identities.update(package_identities(path))
    expected = {meaning: read_expected(os.path.join(corpus, name))
                for meaning, name in EXPECTED.items()}
    load_before = load_average()

    checks = []
    samples = {item["name"]: [] for item in commands}
    answers = {}
    for repetition in range(-options.warmup, options.runs):
        for item in commands:
            is_peer = not item["name"].startswith("minisolve")
            if is_peer and not 0 <= repetition < options.peer_runs:
                continue
            sample = run_timed(item, work)
            answer = read_answer(item["name"], sample, identities)
            answers.setdefault(item["name"], answer)
            want = expected[MEANING[item["name"]]]
            checks.append(check(
                f"{item['name']}, repetition {repetition}: the uninstallable packages",
                sample["status"] in (0, 1) and answer is not None and answer == want,
                f"exit {sample['status']}, extra {sorted((answer or set()) - want)[:5]}, "
                + f"missing {sorted(want - (answer or set()))[:5]}"))
            if repetition >= 0:
                samples[item["name"]].append(sample["numbers"])

    statistics = {}
    for meaning in ("libsolv", "dose"):
        verified = subprocess.run(
            [options.minisolve, "check", "--verify", "--verbose", "--semantics", meaning,
             *common_arguments(packages, work)], capture_output=True, text=True)
        accepted = "verify: the independent checker accepts" in verified.stderr
        checks.append(check(f"minisolve --semantics {meaning}: every witness verified",
                            accepted, verified.stderr[-300:]))
        statistics[meaning] = [line for line in verified.stderr.splitlines()
                               if line.startswith(("check:", "solver:", "verify:"))]

    return {
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "runs": options.runs,
        "peer_runs": options.peer_runs,
        "warmup": options.warmup,
        "packages_files": packages,
        "package_count": len(identities),
        "entry_count": sum(count_entries(path) for path in plain),
        "expected": {meaning: len(found) for meaning, found in expected.items()},
        "work": work,
        "load_before": load_before,
        "load_after": load_average(),
        "versions": tool_versions(),
        "statistics": statistics,
        "commands": [summarise_runs(item, samples[item["name"]])
                     for item in commands if samples[item["name"]]],
        "runs_checked": len(checks),
        "failures": [item for item in checks if not item["passed"]],
    }


def prepare(minisolve, packages, work):
    """Decompresses both files for the peers and builds minisolve's index, untimed."""
    os.mkdir(f"{work}/project")
    plain = []
    for index, path in enumerate(packages):
        # installcheck tells a Debian index by a name that ends in "Packages".
        target = f"{work}/{index + 1}-Packages"
        with open(target, "wb") as file:
            subprocess.run(["xz", "-dc", path], stdout=file, check=True)
        plain.append(target)
    subprocess.run([minisolve, "index", *common_arguments(packages, work)], check=True,
                   stdout=subprocess.DEVNULL)
    return plain


def common_arguments(packages, work):
    return ["--project", f"{work}/project", "--repo", packages[0], "--repo", packages[1],
            "--arch", "amd64", "--index", f"{work}/index.db", "--format", "json"]


def define_commands(minisolve, packages, plain, work):
    common = common_arguments(packages, work)
    return [
        command("minisolve-libsolv", "pair",
                [minisolve, "check", "--semantics", "libsolv", *common]),
        command("minisolve-dose", "pair", [minisolve, "check", "--semantics", "dose", *common]),
        command("installcheck", "pair", ["installcheck", "amd64", *plain]),
        command("dose-debcheck", "pair",
                ["dose-debcheck", "-f", "-e", "--deb-native-arch=amd64", *plain]),
    ]


def count_entries(path):
    with open(path, encoding="utf-8", errors="replace") as file:
        return sum(1 for line in file if line.startswith("Package:"))


def read_answer(name, sample, identities):
    """The (name, version) pairs a run reports as uninstallable, or None."""
    if sample["status"] not in (0, 1):
        return None
    with open(sample["output_path"], encoding="utf-8", errors="replace") as file:
        text = file.read()
    if name.startswith("minisolve"):
        try:
            return {(row["name"], row["version"]) for row in json.loads(text)["uninstallable"]}
        except (ValueError, KeyError, TypeError):
            return None
    if name == "installcheck":
        printed = re.findall(r"^can't install (\S+):$", text, re.MULTILINE)
        return {identities.get(package, (package, "?")) for package in printed}
    return dose_broken(text)


if __name__ == "__main__":
    sys.exit(main())
