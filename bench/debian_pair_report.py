"""The two-release installability section of docs/BENCHMARKS.md, from debian_pair.py's JSON."""

import json
import sys

from debian_report import cell, megabytes, plural, verdict

WALL_TARGET_S = 30.0
PEAK_TARGET_MB = 1024.0
SPEEDUP_TARGET = 15.0  # installcheck's wall time over minisolve's, at least
TITLE = ("## Installability over Debian 12 and 13 main together (amd64): minisolve against "
         + "libsolv and dose")
ROWS = ["minisolve-libsolv", "installcheck", "minisolve-dose", "dose-debcheck"]
PEER = {"minisolve-libsolv": "installcheck", "minisolve-dose": "dose-debcheck"}
SUBJECT = {"minisolve-libsolv": "minisolve-libsolv", "installcheck": "minisolve-libsolv",
           "minisolve-dose": "minisolve-dose", "dose-debcheck": "minisolve-dose"}


def section(path):
    """The section's lines, measured from the JSON at path."""
    with open(path) as file:
        result = json.load(file)
    rows = {row["name"]: row for row in result["commands"]}
    lines = [TITLE, ""] + setup(result) + table(rows) + statistics(result)
    return lines + targets(result, rows)


def skipped(reason):
    return [TITLE, "", f"Not measured: {reason}.", ""]


def setup(result):
    files = ", ".join(f"`{path}`" for path in result["packages_files"])
    peers = (f"`installcheck` and `dose-debcheck` ran {plural(result['peer_runs'], 'time')} each "
             + "(they take many minutes here)" if result["peer_runs"]
             else "`installcheck` and `dose-debcheck` were not run (`--quick`; here they take "
             + "440-610 s and about 900 s by the corpus README)")
    return [
        f"- Measured {result['date']}: minisolve {plural(result['runs'], 'run')} per meaning "
        + f"after {plural(result['warmup'], 'warm-up')}, from a warm index; {peers}.",
        f"- Load average before: {result['load_before']}, after: {result['load_after']}.",
        f"- Input: {files}, {result['entry_count']} entries together, two versions of most "
        + "names; decompressed once for the peers, indexed once for minisolve, before timing.",
        f"- libsolv-tools {result['versions']['libsolv-tools']}, dose-distcheck "
        + f"{result['versions']['dose-distcheck']}.",
        f"- {result['runs_checked']} checks, {len(result['failures'])} failed: every run's list "
        + "of uninstallable packages equals the corpus's expected list for its meaning "
        + f"({result['expected']['libsolv']} for libsolv's, {result['expected']['dose']} for "
        + "dose's, which also holds Essential packages installed), and minisolve's witnesses "
        + "pass its independent checker (`check --verify`, run once, untimed).",
        "",
    ]


def table(rows):
    lines = [
        "| command | runs | median s | min s | max s | user+sys s (median) | peak MB "
        + "| minisolve / this, wall |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name in ROWS:
        if name not in rows:
            continue
        row = rows[name]
        subject = rows[SUBJECT[name]]
        lines.append(
            f"| `{name}`: `{cell(row['command'])}` | {row['runs']} | {row['median']:.3f} | "
            + f"{row['min']:.3f} | {row['max']:.3f} | {row['cpu_median']:.3f} | "
            + f"{megabytes(row):.1f} | {subject['median'] / row['median']:.3f}x |")
    return lines + [""]


def statistics(result):
    lines = ["minisolve's own account (`check --verify --verbose`):", ""]
    for meaning, said in sorted(result["statistics"].items()):
        lines += [f"- `--semantics {meaning}`: " + "; ".join(f"`{line}`" for line in said)]
    return lines + [""]


def targets(result, rows):
    lines = ["Targets:", ""]
    for name, peer in PEER.items():
        row = rows[name]
        line = (f"- `{name}` (under {WALL_TARGET_S:g} s, at most {PEAK_TARGET_MB:g} MB): "
                + verdict(row["median"] <= WALL_TARGET_S and megabytes(row) <= PEAK_TARGET_MB)
                + f", {row['median']:.2f} s and {megabytes(row):.0f} MB")
        if peer in rows:
            speedup = rows[peer]["median"] / row["median"]
            line += f"; {speedup:.0f}x faster than `{peer}`"
            if peer == "installcheck":
                line += (f" (target at least {SPEEDUP_TARGET:g}x: "
                         + verdict(speedup >= SPEEDUP_TARGET) + ")")
        lines.append(line + ".")
    return lines + [""]


if __name__ == "__main__":
    print("\n".join(section(sys.argv[1])))
