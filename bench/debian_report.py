"""The Debian loading section of docs/BENCHMARKS.md, from bench/debian_load.py's JSON."""

import json
import os

COLD_TARGET = 2.0  # minisolve's cold index at most this many times xz | deb2solv
WARM_TARGET = 2.0  # minisolve's warm index at most this many times testsolv's load and solve
PEAK_TARGET_MB = 400.0
TITLE = "## Loading Debian bookworm main (amd64): minisolve against libsolv"


def section(path):
    """The section's lines, measured from the JSON at path."""
    with open(path) as file:
        result = json.load(file)
    rows = {command["name"]: command for command in result["commands"]}
    cold_ratio = ratio(rows, "minisolve-cold", "deb2solv-cold", "median")
    warm_ratio = ratio(rows, "minisolve-warm", "testsolv-warm", "median")
    peak_mb = max(megabytes(rows[name]) for name in ("minisolve-cold", "minisolve-warm"))

    lines = [TITLE, ""] + setup(result)
    lines += table(
        "Cold: parse the compressed file and write a cache",
        rows, [("minisolve-cold", "deb2solv-cold"), ("deb2solv-cold", "deb2solv-cold")])
    lines += table(
        "Warm: load what the cold run wrote",
        rows, [("minisolve-warm", "testsolv-warm"), ("testsolv-warm", "testsolv-warm")])
    lines += table(
        "Parts of libsolv's side, for reading the ratios (no target)",
        rows, [("xz-decompress", None), ("deb2solv-plain", None), ("testsolv-nojob", None)])
    lines += [
        "Targets:",
        "",
        f"- Cold (at most {COLD_TARGET:g}x `xz -dc | deb2solv -r`): "
        + verdict(cold_ratio <= COLD_TARGET)
        + f", minisolve takes {cold_ratio:.2f}x the median wall time "
        + f"({ratio(rows, 'minisolve-cold', 'deb2solv-cold', 'cpu_median'):.2f}x the CPU time).",
    ] + overlap(rows["deb2solv-cold"]) + [
        f"- Warm (at most {WARM_TARGET:g}x testsolv): "
        + verdict(warm_ratio <= WARM_TARGET)
        + f", minisolve takes {warm_ratio:.2f}x the median wall time "
        + f"({ratio(rows, 'minisolve-warm', 'testsolv-warm', 'cpu_median'):.2f}x the CPU time).",
        f"- Memory (at most {PEAK_TARGET_MB:g} MB): "
        + verdict(peak_mb <= PEAK_TARGET_MB)
        + f", minisolve peaks at {peak_mb:.1f} MB.",
        "",
    ]
    return lines


def overlap(pipe):
    """A note when xz and deb2solv ran side by side: both sides then use both cores."""
    if pipe["cpu_median"] < 1.1 * pipe["median"]:
        return []
    return [
        f"  The pipe used {pipe['cpu_median']:.2f} s of CPU in {pipe['median']:.2f} s: xz and "
        + "deb2solv ran on both cores at once, as minisolve's decoding and parsing do; "
        + "minisolve then writes its cache (the blob and the queryable rows) in one thread.",
    ]


def skipped(reason):
    """The section's lines when the benchmark did not run."""
    return [TITLE, "", f"Not measured: {reason}.", ""]


def setup(result):
    counts = result["counts"]
    versions = result["versions"]
    case = result["testsolv_case"].rstrip("\n").split("\n")
    return [
        f"- Measured {result['date']}: {plural(result['runs'], 'repetition')} after "
        + f"{plural(result['warmup'], 'warm-up repetition')}. Within a repetition the "
        + "commands of one table run back to back, minisolve first in even repetitions and "
        + "libsolv first in odd ones, so a change of load hits both sides of a ratio.",
        f"- Load average before: {result['load_before']}, after: {result['load_after']}.",
        f"- Input: `{result['packages_file']}` "
        + f"({os.path.getsize(result['packages_file']) / 1024 / 1024:.1f} MB). Packages: "
        + f"{counts['grep']} by `xz -dc FILE | grep -c '^Package:'`, {counts['dumpsolv']} "
        + f"solvables by `dumpsolv`, {counts['minisolve']} `binary_packages` by `minisolve "
        + "index --format json`"
        + (" (agree)." if len(set(counts.values())) == 1 else " (**disagree**)."),
        f"- Each of the {result['runs_checked']} runs (warm-up included) was checked: exit "
        + "status 0, minisolve's cold runs read the file and its warm runs reused the cache "
        + "with the same count, testsolv's job installs bash, deb2solv wrote a .solv file; "
        + f"{len(result['failures'])} failed.",
        f"- libsolv-tools {versions['libsolv-tools']} (Debian), {versions['xz']}.",
        f"- `{result['work']}` was a fresh `mktemp -d` folder; `index.db` and its `-wal`, "
        + "`-shm` and `-journal` files are deleted before each cold minisolve run. "
        + "`--project` names an empty folder there, so that only the Packages file is loaded.",
        "- `deb2solv -r FILE` opens FILE with plain `fopen`: given the `.xz` it writes an empty "
        + "repository and exits 0. The cold libsolv command therefore decompresses with "
        + "`xz -dc` in a pipe (through `sh -c`), and its peak is that of the larger process.",
        "- The testsolv case (`case-job.t`; `case-nojob.t` is the same without the job): "
        + " / ".join(f"`{line}`" for line in case)
        + ". With `system x86_64 deb` testsolv says \"package bash does not exist\" (the "
        + "solvables carry Debian's `amd64`); testsolv opens the repo file relative to the case "
        + "file's folder even when its path is absolute, and a file it cannot open is a "
        + "message on stderr with exit status 0. testsolv also solves the job: it installs "
        + f"{result['testsolv_installs']} packages (Recommends included).",
        "- Wall time is measured around each run, CPU time (user+sys) comes from `wait4`, "
        + "peak is the largest `/usr/bin/time -f %M` of the runs, in MB of 1024 x 1024 bytes. "
        + "Every run goes through `/usr/bin/time`, on both sides.",
        "",
    ]


def table(title, rows, names):
    """One table: each (name, baseline) pair is a row, with ratios when there is a baseline."""
    lines = [
        f"### {title}",
        "",
        "| command | median s | min s | max s | user+sys s (median) | peak MB | time ratio | "
        + "CPU ratio |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, baseline in names:
        row = rows[name]
        time_ratio = f"{ratio(rows, name, baseline, 'median'):.2f}x" if baseline else ""
        cpu_ratio = f"{ratio(rows, name, baseline, 'cpu_median'):.2f}x" if baseline else ""
        lines.append(
            f"| `{cell(row['command'])}` | {row['median']:.3f} | {row['min']:.3f} | "
            + f"{row['max']:.3f} | {row['cpu_median']:.3f} | {megabytes(row):.1f} | "
            + f"{time_ratio} | {cpu_ratio} |")
    return lines + [""]


def cell(text):
    """Text for a table cell: a `|`, even inside backticks, would end the cell."""
    return text.replace("|", "\\|")


def ratio(rows, name, baseline, key):
    return rows[name][key] / rows[baseline][key]


def megabytes(row):
    return row["peak_kb_max"] / 1024


def plural(count, noun):
    return f"{count} {noun}" + ("" if count == 1 else "s")


def verdict(met):
    return "**met**" if met else "**not met**"
