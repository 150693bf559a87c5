"""The lock section of docs/BENCHMARKS.md, from lock.py's JSON."""

import json
import sys

from debian_report import cell, megabytes, plural, verdict

CHECK_TARGET_S = 0.100  # `lock --check` with no change, as a whole process
TITLE = "## Locking a project: `minisolve lock`, cold, warm and `--check`"
KINDS = [("cold", "cold: no lock, no index"), ("warm", "warm: no change"),
         ("check", "`--check`: no change")]


def section(path):
    """The section's lines, measured from the JSON at path."""
    with open(path) as file:
        result = json.load(file)
    rows = {row["name"]: row for row in result["commands"]}
    return ([TITLE, ""] + setup(result) + table(result, rows) + wolfi_as_is(result)
            + targets(result, rows))


def skipped(reason):
    return [TITLE, "", f"Not measured: {reason}.", ""]


def setup(result):
    lines = [
        f"- Measured {result['date']}: {plural(result['runs'], 'run')} of each command after "
        + f"{plural(result['warmup'], 'warm-up')}, each a whole process under "
        + "`/usr/bin/time` (wall time around it, CPU time user+sys from `wait4`).",
        f"- Load average before: {result['load_before']}, after: {result['load_after']}.",
        f"- {result['runs_checked']} checks, {len(result['failures'])} failed: every run exits "
        + "0, every cold run writes the same bytes as the first lock, every warm run and "
        + "`--check` says the lock is current.",
    ]
    for name, project in result["projects"].items():
        lines.append(
            f"- `{name}`: {project['recipes']} recipes, {project['index_packages']} packages in "
            + f"its APKINDEX, a lock of {project['lock_bytes'] / 1e6:.2f} MB "
            + f"(`{project['lock_says']}`).")
    return lines + [""]


def table(result, rows):
    lines = [
        "| project | command | median s | min s | max s | user+sys s (median) | peak MB |",
        "|---|---|---:|---:|---:|---:|---:|",
    ]
    for name in result["projects"]:
        for kind, label in KINDS:
            row = rows[f"{name}-{kind}"]
            lines.append(
                f"| `{name}` | {label} | {row['median']:.3f} | {row['min']:.3f} | "
                + f"{row['max']:.3f} | {row['cpu_median']:.3f} | {megabytes(row):.1f} |")
    return lines + [""]


def wolfi_as_is(result):
    wolfi = result["wolfi_as_is"]
    missing = ", ".join(f"`{cell(name)}` ({count})" for name, count in wolfi["first_missing"])
    lines = [
        "The shared Wolfi recipes as they are cannot be locked, so they are not timed:",
        "",
        f"- `lock` exits {wolfi['status']} at the corpus's one defective recipe:",
        "",
        "```",
    ] + wolfi["error"] + [
        "```",
        "",
        f"- Without `openjph.yaml` it exits {wolfi['status_without_defect']} at the first "
        + "recipe whose build closure cannot be met:",
        "",
        "```",
    ] + wolfi["error_without_defect"] + [
        "```",
        "",
        f"- `check --build` finds {wolfi['unbuildable']} of {wolfi['checked']} recipes whose "
        + "build closure cannot be met: the corpus is part of Wolfi, with no APKINDEX, and "
        + "lacks packages the rest need. The first missing requirement of each, most common "
        + f"first (recipes): {missing}. `omnibump=0.23.2` asks for exactly 0.23.2 (apk's `=` "
        + "compares the release too), and the corpus's recipe makes 0.23.2-r3.",
        "- `wolfi-stubbed` is these recipes without `openjph.yaml`, with a generated APKINDEX "
        + "holding one stub package for each name (or exact version) they ask for and the "
        + "corpus lacks: a project of Wolfi's size whose every closure can be met.",
        "",
    ]
    return lines


def targets(result, rows):
    lines = ["Targets:", ""]
    for name in result["projects"]:
        row = rows[f"{name}-check"]
        lines.append(
            f"- `{name}`: `lock --check` with no change under {CHECK_TARGET_S * 1000:.0f} ms "
            + f"(median wall time): {verdict(row['median'] < CHECK_TARGET_S)}, "
            + f"{row['median'] * 1000:.0f} ms ({row['cpu_median'] * 1000:.0f} ms of CPU).")
    return lines + [""]


if __name__ == "__main__":
    print("\n".join(section(sys.argv[1])))
