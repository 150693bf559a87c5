"""The scaling section of docs/BENCHMARKS.md, from bench/scaling.py's JSON."""

import json

from debian_report import cell, megabytes, plural

TITLE = "## How the cost grows: synthetic universes of 10k to 1M packages"
CHECK_1M_TARGET_S = 60.0
MEMORY_TARGET_MB = 24 * 1024.0


def section(path):
    with open(path) as file:
        result = json.load(file)
    lines = [TITLE, "",
             f"- Measured {result['date']}; universes written by `bench/synthetic_universe.py` "
             + f"shaped like `{result['like']}` (version counts, Depends groups and alternatives, "
             + "version bounds, Provides, Conflicts and Breaks rates, and how popular targets "
             + "are, all measured from that file when the benchmark runs). `index` runs once "
             + "(the cold load); `check` and `closure ROOT --verify` run "
             + f"{plural(result['runs'], 'time')} "
             + "each from the warm index; ROOT is the package written last.",
             f"- Load average before: {result['load_before']}, after: {result['load_after']}.",
             f"- {result['runs_checked']} checks, {len(result['failures'])} failed (exit "
             + "statuses; `check` saw every package).",
             "",
             "| size | command | runs | median s | min s | max s | peak MB | uninstallable |",
             "|---:|---|---:|---:|---:|---:|---:|---:|"]
    for row in result["rows"]:
        lines.append(
            f"| {row['size']:,} | `{row['kind']}` | {row['runs']} | {row['median']:.3f} | "
            + f"{row['min']:.3f} | {row['max']:.3f} | {megabytes(row):.1f} | "
            + f"{row.get('uninstallable', '')} |")
    lines += ["", "Growth exponents (slope of log time over log size; 1.0 is linear): "
              + ", ".join(f"`{kind}` {value:.2f}" for kind, value in
                          sorted(result["exponents"].items()) if value is not None) + ".", ""]
    big = [row for row in result["rows"] if row["kind"] == "check" and row["size"] >= 1_000_000]
    if big:
        row = big[0]
        met = row["median"] <= CHECK_1M_TARGET_S and megabytes(row) <= MEMORY_TARGET_MB
        lines += ["Targets:", "",
                  f"- `check` over 1M packages under {CHECK_1M_TARGET_S:g} s and within 24 GiB: "
                  + ("**met**" if met else "**not met**")
                  + f", {row['median']:.1f} s and {megabytes(row):.0f} MB.", ""]
    first = result["sizes"][0]
    commands = [cell(row["command"]) for row in result["rows"] if row["size"] == first]
    lines += [f"Commands at {first:,} packages (the others differ in the size only): "
              + "; ".join(f"`{c}`" for c in commands), ""]
    return lines


def skipped(reason):
    return [TITLE, "", f"Not measured: {reason}.", ""]
