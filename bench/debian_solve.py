#!/usr/bin/env python3
"""Times solving over Debian's bookworm Packages file: minisolve against libsolv, dose and apt.

Two comparisons over the same file, both with minisolve's index already built (warm):
installability of every package (`minisolve check` against libsolv's `installcheck` and
`dose-debcheck`) and one closure into an empty system (`minisolve closure nginx` against
`apt-get -s` and libsolv's `testsolv`). Within a repetition the commands of a comparison run
back to back, their order rotated by one place each repetition, so a change in machine load
hits every side of a ratio. Runs are timed as bench/debian_load.py times them. Every run's
answer is checked: the lists of uninstallable packages against each other and against the
corpus's expected list, the closures against each tool's first answer. Writes one JSON file
for debian_solve_report.py.
"""

import argparse
import datetime
import json
import os
import re
import subprocess
import sys

from debian_load import check, command, load_average, run_benchmark, run_timed, summarise

ROOT = "nginx"
EXPECTED_LIST = "expected-uninstallable-amd64.txt"
# testsolv installs Recommends unless told not to; apt and minisolve are run without them.
TESTSOLV_CASE = [
    "repo test 0 solv bookworm.solv",
    "system amd64 deb",
    "solverflags ignorerecommended",
    f"job install name {ROOT}",
]
CHECKERS = ("minisolve-check", "installcheck", "dose-debcheck")
CLOSURES = ("minisolve-closure", "apt-get", "testsolv", "apt-get-nocache")


def main():
    return run_benchmark(parse_options(), measure, "minisolve-bench-solve.")


def parse_options():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minisolve", required=True, help="the release minisolve binary")
    parser.add_argument("--packages", required=True, help="Packages-bookworm-main-amd64.xz")
    parser.add_argument("--runs", required=True, type=int)
    parser.add_argument("--dose-runs", required=True, type=int, help="timed dose-debcheck runs")
    parser.add_argument("--warmup", required=True, type=int)
    parser.add_argument("--out", required=True, help="where to write the JSON results")
    return parser.parse_args()


def measure(options, work):
    packages = os.path.abspath(options.packages)
    expected_path = os.path.join(os.path.dirname(packages), EXPECTED_LIST)
    prepare(options.minisolve, packages, work)
    commands = define_commands(options.minisolve, packages, work)
    identities = package_identities(f"{work}/Packages")
    index_stamp = file_stamp(f"{work}/index.db")
    load_before = load_average()

    answers = {name: None for name in CHECKERS + CLOSURES}
    checks = []
    samples = {command["name"]: [] for command in commands}
    for repetition in range(-options.warmup, options.runs):
        for command in repetition_order(commands, repetition, options.dose_runs):
            sample = run_timed(command, work)
            answer = read_answer(command["name"], sample, identities)
            checks.append(run_check(command["name"], sample, answer, answers, repetition))
            if repetition >= 0:
                samples[command["name"]].append(sample["numbers"])

    expected = read_expected(expected_path)
    checks += agreement_checks(answers, expected)
    checks.append(check("the index was not rewritten by check or closure",
                        file_stamp(f"{work}/index.db") == index_stamp, f"{work}/index.db"))
    return {
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "runs": options.runs,
        "dose_runs": options.dose_runs,
        "warmup": options.warmup,
        "packages_file": packages,
        "package_count": len(identities),
        "expected_file": expected_path if expected is not None else None,
        "work": work,
        "load_before": load_before,
        "load_after": load_average(),
        "testsolv_case": TESTSOLV_CASE,
        "versions": tool_versions(),
        "commands": [summarise_runs(command, samples[command["name"]]) for command in commands],
        "uninstallable": {name: sorted(answers[name]) for name in CHECKERS if answers[name]},
        "closures": {name: sorted(answers[name]) for name in CLOSURES if answers[name]},
        "runs_checked": len(checks),
        "failures": [check for check in checks if not check["passed"]],
    }


def prepare(minisolve, packages, work):
    """Writes what every command reads, so that nothing of it is timed."""
    os.mkdir(f"{work}/project")
    with open(f"{work}/Packages", "wb") as plain:
        subprocess.run(["xz", "-dc", packages], stdout=plain, check=True)
    with open(f"{work}/bookworm.solv", "wb") as solv:
        subprocess.run(["deb2solv", "-r", f"{work}/Packages"], stdout=solv, check=True)
    with open(f"{work}/case-closure.t", "w") as file:
        file.write("\n".join(TESTSOLV_CASE) + "\n")
    prepare_apt(work)
    # The warm index every minisolve command reads.
    subprocess.run([minisolve, "index", "--project", f"{work}/project", "--repo", packages,
                    "--index", f"{work}/index.db"], check=True, stdout=subprocess.DEVNULL)


def prepare_apt(work):
    """A private apt tree whose only source is WORK/Packages, already in its lists folder."""
    apt = f"{work}/apt"
    for folder in ("lists/partial", "state", "cache/archives/partial", "sources.list.d",
                   "preferences.d"):
        os.makedirs(f"{apt}/{folder}")
    with open(f"{apt}/sources.list", "w") as file:
        file.write(f"deb [trusted=yes] file:{work}/repo bookworm main\n")
    # apt names the file it would fetch from the source; it never fetches here.
    listed = subprocess.run(
        ["apt-get", "indextargets", *apt_options(work, cache=False), "--no-release-info",
         "--format", "$(FILENAME)", "Identifier: Packages", "Architecture: amd64"],
        capture_output=True, text=True, check=True).stdout.split()
    if len(listed) != 1 or not listed[0].startswith(f"{apt}/lists/"):
        raise SystemExit(f"error: apt-get indextargets named {listed}, not one file in {apt}/lists")
    os.symlink(f"{work}/Packages", listed[0])


def apt_options(work, cache):
    """`-o` options that point apt at the private tree; `cache` keeps apt's binary cache there."""
    apt = f"{work}/apt"
    settings = [
        "Dir::State::status=/dev/null",
        f"Dir::State={apt}/state",
        f"Dir::State::Lists={apt}/lists",
        f"Dir::Cache={apt}/cache",
        "Dir::Cache::pkgcache=" + ("pkgcache.bin" if cache else ""),
        "Dir::Cache::srcpkgcache=" + ("srcpkgcache.bin" if cache else ""),
        f"Dir::Etc::SourceList={apt}/sources.list",
        f"Dir::Etc::SourceParts={apt}/sources.list.d",
        "Dir::Etc::Preferences=/dev/null",
        f"Dir::Etc::PreferencesParts={apt}/preferences.d",
        "APT::Architecture=amd64",
        "APT::Architectures=amd64",
    ]
    return [word for setting in settings for word in ("-o", setting)]


def define_commands(minisolve, packages, work):
    """The timed commands; `pair` groups the ones that are rotated with each other."""
    common = ["--project", f"{work}/project", "--repo", packages, "--arch", "amd64",
              "--index", f"{work}/index.db", "--format", "json"]
    plain = f"{work}/Packages"
    apt = ["--no-install-recommends", "install", ROOT]
    return [
        command("minisolve-check", "check", [minisolve, "check", *common]),
        command("installcheck", "check", ["installcheck", "amd64", plain]),
        command("dose-debcheck", "check",
                ["dose-debcheck", "-f", "-e", "--deb-native-arch=amd64", plain]),
        command("minisolve-closure", "closure", [minisolve, "closure", ROOT, *common]),
        command("apt-get", "closure", ["apt-get", "-s", *apt_options(work, cache=True), *apt]),
        command("testsolv", "closure", ["testsolv", f"{work}/case-closure.t"]),
        command("apt-get-nocache", "closure",
                ["apt-get", "-s", *apt_options(work, cache=False), *apt]),
    ]


def repetition_order(commands, repetition, dose_runs):
    """Commands grouped by pair, each group rotated by one place per repetition.

    dose-debcheck takes about 25 s a run, so it runs only in the first dose_runs timed
    repetitions.
    """
    ordered = []
    for pair in dict.fromkeys(command["pair"] for command in commands):
        members = [command for command in commands if command["pair"] == pair
                   and (command["name"] != "dose-debcheck" or 0 <= repetition < dose_runs)]
        shift = repetition % len(members)
        ordered += members[shift:] + members[:shift]
    return ordered


def package_identities(path):
    """`name-version.arch`, as libsolv prints a package, to (name, version), for every stanza."""
    identities = {}
    fields = {}
    with open(path, encoding="utf-8", errors="replace") as file:
        for line in file:
            if line.strip() == "":
                add_identity(identities, fields)
                fields = {}
            elif line[0] not in " \t" and ":" in line:
                key, value = line.split(":", 1)
                if key in ("Package", "Version", "Architecture"):
                    fields[key] = value.strip()
    add_identity(identities, fields)
    return identities


def add_identity(identities, fields):
    if len(fields) == 3:
        name, version = fields["Package"], fields["Version"]
        identities[f"{name}-{version}.{fields['Architecture']}"] = (name, version)


def read_answer(name, sample, identities):
    """The set of (name, version) a run reports: uninstallable packages, or a closure."""
    if sample["status"] not in (0, 1):
        return None
    with open(sample["output_path"], encoding="utf-8", errors="replace") as file:
        text = file.read()
    try:
        if name == "minisolve-check":
            return {(row["name"], row["version"]) for row in json.loads(text)["uninstallable"]}
        if name == "minisolve-closure":
            return {(row["name"], row["version"]) for row in json.loads(text)["members"]}
    except (ValueError, KeyError, TypeError):
        return None
    if name == "installcheck":
        printed = re.findall(r"^can't install (\S+):$", text, re.MULTILINE)
        return {identities.get(package, (package, "?")) for package in printed}
    if name == "dose-debcheck":
        return dose_broken(text)
    if name == "testsolv":
        if not re.search(r"^\d+ installed packages:$", text, re.MULTILINE):
            return None
        printed = re.findall(r"^  - (\S+)$", text, re.MULTILINE)
        return {identities.get(package, (package, "?")) for package in printed}
    # apt-get -s: `Inst NAME (VERSION ORIGIN [ARCH])`, one line per package it would unpack.
    return set(re.findall(r"^Inst (\S+) \((\S+) ", text, re.MULTILINE))


def dose_broken(text):
    """(package, version) of each report entry whose status is broken, from dose's YAML."""
    broken = set()
    for entry in re.finditer(r"^  package: (\S+)\n  version: (\S+)\n(?:  [a-z-]+: .*\n)*?"
                             r"  status: (\S+)$", text, re.MULTILINE):
        if entry.group(3) == "broken":
            broken.add((entry.group(1), entry.group(2)))
    return broken


def run_check(name, sample, answer, answers, repetition):
    """The run exited as its tool does and gave the same answer as the tool's first run."""
    what = f"{name}, repetition {repetition}"
    accepted = (0, 1) if name in CHECKERS else (0,)
    if sample["status"] not in accepted:
        return check(what, False, f"exit status {sample['status']}")
    if answer is None:
        return check(what, False, f"no answer could be read from {sample['output_path']}")
    if name in CLOSURES and ROOT not in {package for package, _ in answer}:
        return check(what, False, f"{ROOT} is not among the {len(answer)} packages installed")
    if answers[name] is None:
        answers[name] = answer
    differs = sorted(answer ^ answers[name])[:10]
    return check(what, not differs, f"differs from its first answer in {differs}")


def agreement_checks(answers, expected):
    """The checkers' lists are equal to each other and to the expected list; closures match."""
    checks = []
    reference = expected if expected is not None else answers["installcheck"]
    for name in CHECKERS:
        found = answers[name] or set()
        extra = sorted(found - (reference or set()))[:10]
        missing = sorted((reference or set()) - found)[:10]
        checks.append(check(f"{name}: the uninstallable packages", not extra and not missing,
                            f"extra {extra}, missing {missing}"))
    minisolve = answers["minisolve-closure"] or set()
    apt = answers["apt-get"] or set()
    checks.append(check(f"minisolve's closure of {ROOT} is no larger than apt's",
                        len(minisolve) <= len(apt), f"{len(minisolve)} against {len(apt)}"))
    checks.append(check("apt-get installs the same with and without its binary cache",
                        apt == answers["apt-get-nocache"], ""))
    return checks


def read_expected(path):
    """The corpus's `name version architecture` lines as (name, version), or None if absent."""
    if not os.path.exists(path):
        return None
    with open(path) as file:
        return {tuple(line.split()[:2]) for line in file if line.strip()}


def summarise_runs(command, numbers):
    summary = summarise(command, numbers)
    summary["runs"] = len(numbers)
    summary["cpu_min"] = min(sample["cpu"] for sample in numbers)
    return summary


def file_stamp(path):
    status = os.stat(path)
    return [status.st_size, status.st_mtime_ns]


def tool_versions():
    versions = {}
    for package in ("libsolv-tools", "dose-distcheck", "apt"):
        query = ["dpkg-query", "-W", "-f", "${Version}", package]
        answer = subprocess.run(query, capture_output=True, text=True).stdout.strip()
        versions[package] = answer or "unknown"
    return versions


if __name__ == "__main__":
    sys.exit(main())
