#!/usr/bin/env python3
"""Times solving over Debian's bookworm Packages file: minisolve against libsolv, dose, apt, aspcud.

Four comparisons over the same file, all with minisolve's index already built (warm):
installability of every package (`minisolve check` against libsolv's `installcheck` and
`dose-debcheck`), build-installability of every source package of bookworm's Sources file
(`minisolve check --build` against `dose-builddebcheck`), the closures of five roots into an
empty system (`minisolve closure ROOT` against `apt-get -s` and libsolv's `testsolv`), and the
smallest closures of the same roots (`minisolve closure ROOT --optimal` against `aspcud` with the
criterion `-removed,-changed`, on a CUDF document that dose-ceve writes from the Packages file).
Within a repetition the commands of a comparison run back to back, their order rotated by one
place each repetition, so a change in machine load hits every side of a ratio. Runs are timed as
bench/debian_load.py times them. Every run's answer is checked: the lists of uninstallable and
unbuildable packages against each other and against the corpus's expected lists, the closures
against each tool's first answer, the optimal sizes against aspcud's and the corpus README's.
Writes one JSON file for debian_solve_report.py.
"""

import argparse
import datetime
import json
import os
import re
import subprocess
import sys

from debian_load import check, command, load_average, run_benchmark, run_timed, summarise

ROOTS = ("nginx", "python3", "openssh-server", "libreoffice-core", "gnome-shell")
NOCACHE_ROOT = "nginx"  # apt-get without its binary cache runs for this root only
EXPECTED_LIST = "expected-uninstallable-amd64.txt"
EXPECTED_UNBUILDABLE = "expected-unbuildable-amd64.txt"
# testsolv installs Recommends unless told not to; apt and minisolve are run without them.
TESTSOLV_CASE = [
    "repo test 0 solv bookworm.solv",
    "system amd64 deb",
    "solverflags ignorerecommended",
    "job install name ROOT",
]
ASPCUD_CRITERION = "-removed,-changed"
CHECKERS = ("minisolve-check", "installcheck", "dose-debcheck")
BUILD_CHECKERS = ("minisolve-check-build", "dose-builddebcheck")
CLOSURES = ("minisolve-closure", "apt-get", "testsolv", "apt-get-nocache")
OPTIMAL = ("minisolve-optimal", "aspcud")
SLOW = ("dose-debcheck", "dose-builddebcheck")  # only in the first --dose-runs repetitions


def main():
    return run_benchmark(parse_options(), measure, "minisolve-bench-solve.")


def parse_options():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minisolve", required=True, help="the release minisolve binary")
    parser.add_argument("--packages", required=True, help="Packages-bookworm-main-amd64.xz")
    parser.add_argument("--sources", help="Sources-bookworm-main.xz; without it no build check")
    parser.add_argument("--runs", required=True, type=int)
    parser.add_argument("--dose-runs", required=True, type=int,
                        help="timed dose-debcheck and dose-builddebcheck runs")
    parser.add_argument("--aspcud-runs", required=True, type=int,
                        help="timed aspcud runs (it also runs in the warm-up)")
    parser.add_argument("--warmup", required=True, type=int)
    parser.add_argument("--out", required=True, help="where to write the JSON results")
    return parser.parse_args()


def measure(options, work):
    packages = os.path.abspath(options.packages)
    sources = os.path.abspath(options.sources) if options.sources else None
    corpus = os.path.dirname(packages)
    expected_path = os.path.join(corpus, EXPECTED_LIST)
    unbuildable_path = os.path.join(corpus, EXPECTED_UNBUILDABLE)
    cudf_count = prepare(options.minisolve, packages, sources, work)
    commands = define_commands(options.minisolve, packages, sources, work)
    identities = package_identities(f"{work}/Packages")
    cudf_identities = read_cudf_identities(f"{work}/bookworm.cudf")
    indexes = [f"{work}/index.db"] + ([f"{work}/index-build.db"] if sources else [])
    index_stamps = [file_stamp(path) for path in indexes]
    optima = readme_optima(os.path.join(corpus, "README.md"))
    load_before = load_average()

    answers = {command["name"]: None for command in commands}
    checks = []
    samples = {command["name"]: [] for command in commands}
    for repetition in range(-options.warmup, options.runs):
        for command in repetition_order(commands, repetition, options):
            sample = run_timed(command, work)
            answer = read_answer(command, sample, identities, cudf_identities)
            checks.append(run_check(command, sample, answer, answers, repetition))
            if repetition >= 0:
                samples[command["name"]].append(sample["numbers"])

    expected = read_expected(expected_path)
    unbuildable = read_expected(unbuildable_path) if sources else None
    checks += agreement_checks(answers, expected, unbuildable, optima, bool(sources))
    for path, stamp in zip(indexes, index_stamps):
        checks.append(check(f"{os.path.basename(path)} was not rewritten by check or closure",
                            file_stamp(path) == stamp, path))
    by_tool = {}
    for command in commands:
        if answers[command["name"]] is not None:
            by_tool[(command["tool"], command["root"])] = sorted(answers[command["name"]])
    return {
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "runs": options.runs,
        "dose_runs": options.dose_runs,
        "aspcud_runs": options.aspcud_runs,
        "warmup": options.warmup,
        "packages_file": packages,
        "sources_file": sources,
        "package_count": len(identities),
        "expected_file": expected_path if expected is not None else None,
        "expected_unbuildable_file": unbuildable_path if unbuildable is not None else None,
        "work": work,
        "load_before": load_before,
        "load_after": load_average(),
        "roots": list(ROOTS),
        "testsolv_case": TESTSOLV_CASE,
        "cudf": {
            "conversion": f"dose-ceve -t deb -T cudf --deb-native-arch=amd64 {work}/Packages "
                          + f"-o {work}/bookworm.cudf",
            "packages": cudf_count,
            "request": "request: ROOT / install: ROOT",
            "criterion": ASPCUD_CRITERION,
        },
        "readme_optima": optima,
        "versions": tool_versions(),
        "commands": [summarise_runs(command, samples[command["name"]])
                     for command in commands if samples[command["name"]]],
        "uninstallable": {tool: found for (tool, _), found in by_tool.items()
                          if tool in CHECKERS},
        "unbuildable": {tool: found for (tool, _), found in by_tool.items()
                        if tool in BUILD_CHECKERS},
        "closures": {root: {tool: found for (tool, of), found in by_tool.items()
                            if of == root and tool in CLOSURES + OPTIMAL} for root in ROOTS},
        "runs_checked": len(checks),
        "failures": [check for check in checks if not check["passed"]],
    }


def prepare(minisolve, packages, sources, work):
    """Writes what every command reads, so that nothing of it is timed; returns the CUDF count."""
    os.mkdir(f"{work}/project")
    with open(f"{work}/Packages", "wb") as plain:
        subprocess.run(["xz", "-dc", packages], stdout=plain, check=True)
    with open(f"{work}/bookworm.solv", "wb") as solv:
        subprocess.run(["deb2solv", "-r", f"{work}/Packages"], stdout=solv, check=True)
    for root in ROOTS:
        with open(f"{work}/case-closure-{root}.t", "w") as file:
            file.write("\n".join(TESTSOLV_CASE).replace("ROOT", root) + "\n")
    prepare_apt(work)
    count = prepare_cudf(work)
    # The warm indexes every minisolve command reads.
    subprocess.run([minisolve, "index", "--project", f"{work}/project", "--repo", packages,
                    "--index", f"{work}/index.db"], check=True, stdout=subprocess.DEVNULL)
    if sources:
        with open(f"{work}/Sources", "wb") as plain:
            subprocess.run(["xz", "-dc", sources], stdout=plain, check=True)
        subprocess.run([minisolve, "index", "--project", f"{work}/project", "--repo", packages,
                        "--repo", sources, "--index", f"{work}/index-build.db"],
                       check=True, stdout=subprocess.DEVNULL)
    return count


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


def prepare_cudf(work):
    """One CUDF document per root: dose-ceve's translation of WORK/Packages plus the request.

    dose-ceve ends its document with an empty `request:` stanza; it is replaced by
    `request: ROOT` / `install: ROOT`. dose-ceve names a package `NAME%3aamd64` and has it
    provide NAME, so `install: ROOT` asks for ROOT as a name, as minisolve's root does.
    """
    subprocess.run(["dose-ceve", "-t", "deb", "-T", "cudf", "--deb-native-arch=amd64",
                    f"{work}/Packages", "-o", f"{work}/bookworm.cudf"],
                   check=True, stdout=subprocess.DEVNULL)
    with open(f"{work}/bookworm.cudf", "rb") as file:
        document = file.read()
    start = document.rfind(b"\n\nrequest:")
    if start >= 0 and b"\npackage:" not in document[start:]:
        document = document[:start]
    document = document.rstrip(b"\n") + b"\n\n"
    os.mkdir(f"{work}/cudf")
    for root in ROOTS:
        with open(f"{work}/cudf/{root}.cudf", "wb") as file:
            file.write(document + f"request: {root}\ninstall: {root}\n".encode())
    return len(re.findall(rb"^package: ", document, re.MULTILINE))


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


def tool_command(tool, root, pair, argv, **more):
    """A timed command named `TOOL` (the whole-universe checks) or `TOOL:ROOT`."""
    found = command(tool if root is None else f"{tool}:{root}", pair, argv, **more)
    found["tool"] = tool
    found["root"] = root
    return found


def define_commands(minisolve, packages, sources, work):
    """The timed commands; `pair` groups the ones that are rotated with each other."""
    universe = ["--project", f"{work}/project", "--repo", packages, "--arch", "amd64"]
    common = [*universe, "--index", f"{work}/index.db", "--format", "json"]
    plain = f"{work}/Packages"
    commands = [
        tool_command("minisolve-check", None, "check", [minisolve, "check", *common]),
        tool_command("installcheck", None, "check", ["installcheck", "amd64", plain]),
        tool_command("dose-debcheck", None, "check",
                     ["dose-debcheck", "-f", "-e", "--deb-native-arch=amd64", plain]),
    ]
    if sources:
        commands += [
            tool_command("minisolve-check-build", None, "build",
                         [minisolve, "check", "--build", *universe, "--repo", sources,
                          "--index", f"{work}/index-build.db", "--format", "json"]),
            tool_command("dose-builddebcheck", None, "build",
                         ["dose-builddebcheck", "-f", "-e", "--deb-native-arch=amd64", plain,
                          f"{work}/Sources"]),
        ]
    for root in ROOTS:
        apt = ["--no-install-recommends", "install", root]
        pair = f"closure:{root}"
        commands += [
            tool_command("minisolve-closure", root, pair, [minisolve, "closure", root, *common]),
            tool_command("apt-get", root, pair,
                         ["apt-get", "-s", *apt_options(work, cache=True), *apt]),
            tool_command("testsolv", root, pair, ["testsolv", f"{work}/case-closure-{root}.t"]),
        ]
        if root == NOCACHE_ROOT:
            commands.append(tool_command("apt-get-nocache", root, pair,
                                         ["apt-get", "-s", *apt_options(work, cache=False),
                                          *apt]))
    for root in ROOTS:
        pair = f"optimal:{root}"
        solution = f"{work}/cudf/{root}.solution"
        commands += [
            tool_command("minisolve-optimal", root, pair,
                         [minisolve, "closure", root, "--optimal", *common]),
            tool_command("aspcud", root, pair,
                         ["aspcud", f"{work}/cudf/{root}.cudf", solution, ASPCUD_CRITERION],
                         before=lambda path=solution: remove(path), output=solution),
        ]
    return commands


def remove(path):
    if os.path.exists(path):
        os.remove(path)


def repetition_order(commands, repetition, options):
    """Commands grouped by pair, each group rotated by one place per repetition.

    dose-debcheck (about 20 s) and dose-builddebcheck (about 55-80 s) run only in the first
    --dose-runs timed repetitions, aspcud in the warm-up and the first --aspcud-runs.
    """
    ordered = []
    for pair in dict.fromkeys(command["pair"] for command in commands):
        members = [command for command in commands if command["pair"] == pair
                   and runs_in(command["tool"], repetition, options)]
        shift = repetition % len(members)
        ordered += members[shift:] + members[:shift]
    return ordered


def runs_in(tool, repetition, options):
    if tool in SLOW:
        return 0 <= repetition < options.dose_runs
    if tool == "aspcud":
        return repetition < options.aspcud_runs
    return True


def stanzas(path, separator, keys):
    """The fields named in `keys` of each blank-line-separated stanza of a Debian control file
    (`separator` ":") or a CUDF document (": "); continuation lines are skipped."""
    fields = {}
    with open(path, encoding="utf-8", errors="replace") as file:
        for line in file:
            if line.strip() == "":
                if fields:
                    yield fields
                fields = {}
            elif line[0] not in " \t" and separator in line:
                key, value = line.split(separator, 1)
                if key in keys:
                    fields[key] = value.strip()
    if fields:
        yield fields


def package_identities(path):
    """`name-version.arch`, as libsolv prints a package, to (name, version), for every stanza."""
    keys = ("Package", "Version", "Architecture")
    return {f"{f['Package']}-{f['Version']}.{f['Architecture']}": (f["Package"], f["Version"])
            for f in stanzas(path, ":", keys) if len(f) == len(keys)}


def read_cudf_identities(path):
    """CUDF (package, version) as dose-ceve writes them to Debian's (name, version)."""
    keys = ("package", "version", "name", "number")
    return {(f["package"], f["version"]): (f["name"], f["number"])
            for f in stanzas(path, ": ", keys) if len(f) == len(keys)}


def read_answer(command, sample, identities, cudf_identities):
    """The set of (name, version) a run reports: uninstallable packages, or a closure."""
    tool = command["tool"]
    if sample["status"] not in (0, 1) or not os.path.exists(sample["output_path"]):
        return None
    with open(sample["output_path"], encoding="utf-8", errors="replace") as file:
        text = file.read()
    try:
        if tool == "minisolve-check":
            return {(row["name"], row["version"]) for row in json.loads(text)["uninstallable"]}
        if tool == "minisolve-check-build":
            return {(row["name"], row["version"]) for row in json.loads(text)["unbuildable"]}
        if tool in ("minisolve-closure", "minisolve-optimal"):
            return {(row["name"], row["version"]) for row in json.loads(text)["members"]}
    except (ValueError, KeyError, TypeError):
        return None
    if tool == "installcheck":
        printed = re.findall(r"^can't install (\S+):$", text, re.MULTILINE)
        return {identities.get(package, (package, "?")) for package in printed}
    if tool in ("dose-debcheck", "dose-builddebcheck"):
        return dose_broken(text)
    if tool == "testsolv":
        if not re.search(r"^\d+ installed packages:$", text, re.MULTILINE):
            return None
        printed = re.findall(r"^  - (\S+)$", text, re.MULTILINE)
        return {identities.get(package, (package, "?")) for package in printed}
    if tool == "aspcud":
        return aspcud_installed(text, cudf_identities)
    # apt-get -s: `Inst NAME (VERSION ORIGIN [ARCH])`, one line per package it would unpack.
    return set(re.findall(r"^Inst (\S+) \((\S+) ", text, re.MULTILINE))


def aspcud_installed(text, cudf_identities):
    """The packages of aspcud's solution (each stanza `installed: true`), as (name, version)."""
    if text.strip() in ("", "FAIL"):
        return None
    installed = set()
    for stanza in re.split(r"\n\s*\n", text.strip()):
        fields = dict(line.split(": ", 1) for line in stanza.splitlines() if ": " in line)
        if fields.get("installed", "").strip() == "true":
            key = (fields.get("package", "").strip(), fields.get("version", "").strip())
            installed.add(cudf_identities.get(key, (key[0], "?")))
    return installed


def dose_broken(text):
    """(package, version) of each report entry whose status is broken, from dose's YAML."""
    broken = set()
    for entry in re.finditer(r"^  package: (\S+)\n  version: (\S+)\n(?:  [a-z-]+: .*\n)*?"
                             r"  status: (\S+)$", text, re.MULTILINE):
        if entry.group(3) == "broken":
            broken.add((entry.group(1), entry.group(2)))
    return broken


def proven_optimal(sample):
    """Whether a `minisolve closure --optimal --format json` run says it proved its minimum."""
    try:
        with open(sample["output_path"]) as file:
            return json.load(file)["optimal"] is True
    except (OSError, ValueError, KeyError, TypeError):
        return False


def run_check(command, sample, answer, answers, repetition):
    """The run exited as its tool does and gave the same answer as the tool's first run."""
    name, tool, root = command["name"], command["tool"], command["root"]
    what = f"{name}, repetition {repetition}"
    accepted = (0, 1) if tool in CHECKERS + BUILD_CHECKERS else (0,)
    if sample["status"] not in accepted:
        return check(what, False, f"exit status {sample['status']}")
    if answer is None:
        return check(what, False, f"no answer could be read from {sample['output_path']}")
    if root is not None and root not in {package for package, _ in answer}:
        return check(what, False, f"{root} is not among the {len(answer)} packages installed")
    if tool == "minisolve-optimal" and not proven_optimal(sample):
        return check(what, False, "the answer does not say \"optimal\": true")
    if answers[name] is None:
        answers[name] = answer
    differs = sorted(answer ^ answers[name])[:10]
    return check(what, not differs, f"differs from its first answer in {differs}")


def agreement_checks(answers, expected, unbuildable, optima, build):
    """The checkers' lists equal each other and the expected lists; closures compare."""
    checks = []
    reference = expected if expected is not None else answers["installcheck"]
    checks += list_checks(answers, CHECKERS, reference, "the uninstallable packages")
    if build:
        reference = unbuildable if unbuildable is not None else answers["dose-builddebcheck"]
        checks += list_checks(answers, BUILD_CHECKERS, reference, "the unbuildable packages")
    for root in ROOTS:
        minisolve = answers[f"minisolve-closure:{root}"] or set()
        apt = answers[f"apt-get:{root}"] or set()
        checks.append(check(f"minisolve's closure of {root} is no larger than apt's",
                            len(minisolve) <= len(apt), f"{len(minisolve)} against {len(apt)}"))
        optimal = answers[f"minisolve-optimal:{root}"]
        aspcud = answers[f"aspcud:{root}"]
        found = len(optimal) if optimal is not None else None
        best = len(aspcud) if aspcud is not None else None
        checks.append(check(f"minisolve's optimal closure of {root} is as small as aspcud's",
                            found is not None and found == best,
                            f"minisolve {found}, aspcud {best}"))
        if root in optima:
            checks.append(check(f"minisolve's optimal closure of {root} has the size the "
                                + "corpus README lists", found == optima[root],
                                f"minisolve {found}, README {optima[root]}"))
    checks.append(check("apt-get installs the same with and without its binary cache",
                        answers[f"apt-get:{NOCACHE_ROOT}"]
                        == answers[f"apt-get-nocache:{NOCACHE_ROOT}"], ""))
    return checks


def list_checks(answers, tools, reference, what):
    checks = []
    for tool in tools:
        found = answers[tool] or set()
        extra = sorted(found - (reference or set()))[:10]
        missing = sorted((reference or set()) - found)[:10]
        checks.append(check(f"{tool}: {what}", not extra and not missing,
                            f"extra {extra}, missing {missing}"))
    return checks


def read_expected(path):
    """The corpus's `name version architecture` lines as (name, version), or None if absent."""
    if not os.path.exists(path):
        return None
    with open(path) as file:
        return {tuple(line.split()[:2]) for line in file if line.strip()}


def readme_optima(path):
    """The aspcud optima the corpus README lists: "nginx 29 (apt 29, libsolv 29), ..."."""
    if not os.path.exists(path):
        return {}
    with open(path) as file:
        text = file.read()
    if "Smallest closures" not in text:
        return {}
    paragraph = text[text.index("Smallest closures"):]
    return {name: int(size) for name, size
            in re.findall(r"([a-z0-9][a-z0-9.+-]+)\s+(\d+)\s+\(", paragraph) if name in ROOTS}


def summarise_runs(command, numbers):
    summary = summarise(command, numbers)
    summary["runs"] = len(numbers)
    summary["cpu_min"] = min(sample["cpu"] for sample in numbers)
    # bench/debian_pair.py shares this; its commands have no tool or root.
    for key in ("tool", "root"):
        if key in command:
            summary[key] = command[key]
    return summary


def file_stamp(path):
    status = os.stat(path)
    return [status.st_size, status.st_mtime_ns]


def tool_versions():
    versions = {}
    for package in ("libsolv-tools", "dose-distcheck", "dose-builddebcheck", "dose-extra",
                    "aspcud", "apt"):
        query = ["dpkg-query", "-W", "-f", "${Version}", package]
        answer = subprocess.run(query, capture_output=True, text=True).stdout.strip()
        versions[package] = answer or "unknown"
    return versions


if __name__ == "__main__":
    sys.exit(main())
