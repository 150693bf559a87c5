"""The Debian solving section of docs/BENCHMARKS.md, from bench/debian_solve.py's JSON."""

import json
import os

from debian_report import cell, megabytes, plural, verdict

CHECK_TARGET = 1.0  # minisolve check at most this many times installcheck's median wall time
CLOSURE_TARGET_MS = 60.0  # minisolve closure's median wall time, the whole process
PEAK_TARGET_MB = 500.0
TITLE = "## Solving over Debian bookworm main (amd64): minisolve against libsolv, dose and apt"
CHECK_ROWS = ["minisolve-check", "installcheck", "dose-debcheck"]
CLOSURE_ROWS = ["minisolve-closure", "apt-get", "testsolv", "apt-get-nocache"]


def section(path):
    """The section's lines, measured from the JSON at path."""
    with open(path) as file:
        result = json.load(file)
    rows = {command["name"]: command for command in result["commands"]}
    lines = [TITLE, ""] + setup(result, rows)
    lines += table("Installability of every package", rows, CHECK_ROWS, "minisolve-check",
                   "uninstallable", result["uninstallable"])
    lines += table("One closure: nginx into an empty system, without Recommends", rows,
                   CLOSURE_ROWS, "minisolve-closure", "installs", result["closures"])
    return lines + targets(rows)


def skipped(reason):
    """The section's lines when the benchmark did not run."""
    return [TITLE, "", f"Not measured: {reason}.", ""]


def setup(result, rows):
    versions = result["versions"]
    work = result["work"]
    return [
        f"- Measured {result['date']}: {plural(result['runs'], 'repetition')} after "
        + f"{plural(result['warmup'], 'warm-up repetition')}; `dose-debcheck` runs only in the "
        + f"first {plural(result['dose_runs'], 'repetition')} (about 20 s a run) and not in the "
        + "warm-up. Within a repetition the commands of one table run back to back, their order "
        + "rotated by one place each repetition, so a change of load hits every side of a ratio.",
        f"- Load average before: {result['load_before']}, after: {result['load_after']}.",
        f"- Input: `{result['packages_file']}` "
        + f"({os.path.getsize(result['packages_file']) / 1024 / 1024:.1f} MB, "
        + f"{result['package_count']} packages). Before anything is timed it is decompressed once "
        + f"to `{work}/Packages` (read by installcheck, dose-debcheck and apt), "
        + f"`deb2solv -r {work}/Packages > {work}/bookworm.solv` writes testsolv's input, and "
        + f"`minisolve index --project {work}/project --repo FILE --index {work}/index.db` "
        + "builds minisolve's index, so every minisolve run is warm (the index's size and mtime "
        + "are compared after the last run: not rewritten).",
        f"- libsolv-tools {versions['libsolv-tools']}, dose-distcheck "
        + f"{versions['dose-distcheck']}, apt {versions['apt']} (Debian packages).",
        f"- {result['runs_checked']} checks, {len(result['failures'])} failed: every run, "
        + "warm-up included, exits 0 (or 1 for the three checkers, which exit 1 when a package "
        + "is broken), gives the same answer as its tool's first run, and each closure "
        + "installs nginx; then the answers are compared. " + agreement(result),
        "- apt reads a private tree under `WORK/apt` and nothing of the system's sources, state "
        + "or cache: `sources.list` holds the one line `deb [trusted=yes] file:WORK/repo "
        + "bookworm main`, and the file apt would fetch for it (its name from `apt-get "
        + "indextargets`) is a symbolic link to `WORK/Packages` in `Dir::State::Lists`; "
        + "`apt-get update` is never run and nothing is fetched. `Dir::Etc::SourceList=/dev/null` "
        + "does not work: apt then reads no list file at all (\"Unable to locate package\"). "
        + "This machine's `/etc/apt/apt.conf.d/docker-clean` turns apt's binary cache off; "
        + "`apt-get` sets `Dir::Cache::pkgcache` back on in `WORK/apt/cache` (written by the "
        + "warm-up, the usual state of a Debian system), `apt-get-nocache` leaves it off, so "
        + "that apt parses the Packages file each run.",
        "- The testsolv case `case-closure.t`: "
        + " / ".join(f"`{line}`" for line in result["testsolv_case"])
        + ". Without `solverflags ignorerecommended` testsolv installs Recommends too.",
        "- Wall time is measured around each run, CPU time (user+sys, the command and its "
        + "children) comes from `wait4`, peak is the largest `/usr/bin/time -f %M` of the runs, "
        + "in MB of 1024 x 1024 bytes. Every run goes through `/usr/bin/time`, on every side. "
        + "Each command below is as run, with WORK spelt out.",
        "",
    ]


def agreement(result):
    """One sentence on whether the tools' answers agree."""
    lists = result["uninstallable"]
    counts = ", ".join(f"{name} {len(found)}" for name, found in sorted(lists.items()))
    same = len({tuple(map(tuple, found)) for found in lists.values()}) == 1
    expected = "none in the corpus"
    if result["expected_file"]:
        expected = f"`{os.path.basename(result['expected_file'])}`"
    text = (f"Uninstallable packages (name, version): {counts}; the lists are "
            + ("equal" if same else "**not equal**")
            + f" to each other; the expected list is {expected}. ")
    closures = {name: {tuple(member) for member in members}
                for name, members in result["closures"].items()}
    reference = closures.get("minisolve-closure", set())
    differences = [
        f"{name} adds {listed(members - reference)} and leaves out {listed(reference - members)}"
        for name, members in sorted(closures.items()) if members != reference]
    text += "Closure of nginx: " + ", ".join(
        f"{name} {len(members)}" for name, members in sorted(closures.items()))
    if differences:
        return text + " packages; against minisolve's, " + "; ".join(differences) + "."
    return text + " packages, the same names and versions for all."


def listed(packages):
    return ", ".join(f"`{name} {version}`" for name, version in sorted(packages)) or "nothing"


def table(title, rows, names, subject, counted, answers):
    """One table; the ratio columns are minisolve's time over each row's."""
    lines = [
        f"### {title}",
        "",
        f"| command | runs | median s | min s | max s | user+sys s (median) | peak MB | {counted} "
        + "| minisolve / this, wall | minisolve / this, CPU |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name in names:
        row = rows[name]
        wall = rows[subject]["median"] / row["median"]
        cpu = rows[subject]["cpu_median"] / row["cpu_median"]
        lines.append(
            f"| `{name}`: `{cell(row['command'])}` | {row['runs']} | {row['median']:.3f} | "
            + f"{row['min']:.3f} | {row['max']:.3f} | {row['cpu_median']:.3f} | "
            + f"{megabytes(row):.1f} | {len(answers.get(name, []))} | {wall:.2f}x | {cpu:.2f}x |")
    return lines + [""]


def targets(rows):
    check_ratio = rows["minisolve-check"]["median"] / rows["installcheck"]["median"]
    check_cpu = rows["minisolve-check"]["cpu_median"] / rows["installcheck"]["cpu_median"]
    closure_ms = rows["minisolve-closure"]["median"] * 1000
    peak_mb = max(megabytes(rows[name]) for name in ("minisolve-check", "minisolve-closure"))

    def times(name):
        return rows["minisolve-closure"]["median"] / rows[name]["median"]

    closure_line = (
        f"- Closure (median at most {CLOSURE_TARGET_MS:g} ms, the whole process): "
        + verdict(closure_ms <= CLOSURE_TARGET_MS) + f", {closure_ms:.1f} ms "
        + f"({rows['minisolve-closure']['cpu_median'] * 1000:.1f} ms of CPU)")
    if closure_ms > CLOSURE_TARGET_MS:
        closure_line += (f", {closure_ms - CLOSURE_TARGET_MS:.1f} ms "
                         + f"({closure_ms / CLOSURE_TARGET_MS - 1:.0%}) over")
    return [
        "Targets:",
        "",
        f"- Check (no slower than installcheck, median wall time): "
        + verdict(check_ratio <= CHECK_TARGET)
        + f", minisolve takes {check_ratio:.2f}x installcheck's median wall time "
        + f"({check_cpu:.2f}x its CPU time) and "
        + f"{rows['minisolve-check']['median'] / rows['dose-debcheck']['median']:.2f}x "
        + "dose-debcheck's.",
        closure_line + f"; {times('apt-get'):.2f}x apt-get with its binary cache, "
        + f"{times('apt-get-nocache'):.2f}x apt-get without it, {times('testsolv'):.2f}x "
        + "testsolv (which loads the .solv file and solves).",
        f"- Memory (at most {PEAK_TARGET_MB:g} MB): " + verdict(peak_mb <= PEAK_TARGET_MB)
        + f", minisolve peaks at {peak_mb:.1f} MB (installcheck "
        + f"{megabytes(rows['installcheck']):.1f}, dose-debcheck "
        + f"{megabytes(rows['dose-debcheck']):.1f}, apt-get {megabytes(rows['apt-get']):.1f}, "
        + f"testsolv {megabytes(rows['testsolv']):.1f}).",
        "",
    ]
