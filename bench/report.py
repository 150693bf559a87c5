#!/usr/bin/env python3
"""Turns bench/run's raw results into docs/BENCHMARKS.md on stdout."""

import argparse
import json
import platform
import subprocess

import debian_report
import assemble_report
import debian_pair_report
import debian_solve_report
import scaling_report
import lock_report

TIME_TARGET = 3.0  # lint plus compile at most this many times libyaml's own parse
PEAK_TARGET_MB = 300.0
BASELINE = "libyaml-parse"
COMPARISONS = [
    ("lint-x86_64", "lint plus compile, one architecture (x86_64)"),
    ("lint-default-arches", "lint plus compile, the default two architectures"),
]


SECTIONS = [
    ("debian", debian_report), ("solve", debian_solve_report), ("scaling", scaling_report),
    ("assemble", assemble_report), ("pair", debian_pair_report), ("lock", lock_report),
]


def main():
    options = parse_options()
    with open(options.hyperfine) as file:
        timings = {result["command"]: result for result in json.load(file)["results"]}
    rows = read_table(options.table)
    lines = header(options, rows)
    for name, title in COMPARISONS:
        lines += comparison(title, rows[name], rows[BASELINE], timings[name], timings[BASELINE])
    # Each section: its JSON when the benchmark ran, else why it did not.
    for option, report in SECTIONS:
        path = getattr(options, option)
        skipped_because = getattr(options, option + "_skipped") or "not run"
        lines += report.section(path) if path else report.skipped(skipped_because)
    lines += machine(options)
    print("\n".join(lines))


def parse_options():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mode", required=True)
    parser.add_argument("--runs", required=True, type=int)
    parser.add_argument("--warmup", required=True, type=int)
    parser.add_argument("--load-before", required=True)
    parser.add_argument("--source", required=True, help="the commit the binary was built from")
    parser.add_argument("--hyperfine", required=True, help="hyperfine --export-json output")
    parser.add_argument("--table", required=True, help="name, command, peak kB, status, summary")
    parser.add_argument("--debian", help="bench/debian_load.py's JSON output")
    parser.add_argument("--debian-skipped", help="why the Debian loading benchmark did not run")
    parser.add_argument("--solve", help="bench/debian_solve.py's JSON output")
    parser.add_argument("--solve-skipped", help="why the Debian solving benchmark did not run")
    parser.add_argument("--scaling", help="bench/scaling.py's JSON output")
    parser.add_argument("--scaling-skipped", help="why the scaling benchmark did not run")
    parser.add_argument("--assemble", help="bench/assemble.py's JSON output")
    parser.add_argument("--assemble-skipped", help="why the assembler benchmark did not run")
    parser.add_argument("--pair", help="bench/debian_pair.py's JSON output")
    parser.add_argument("--pair-skipped", help="why the two-release benchmark did not run")
    parser.add_argument("--lock", help="bench/lock.py's JSON output")
    parser.add_argument("--lock-skipped", help="why the lock benchmark did not run")
    return parser.parse_args()


def read_table(path):
    rows = {}
    with open(path) as file:
        for line in file:
            name, command, peak_kb, status, summary = line.rstrip("\n").split("\t")
            rows[name] = {
                "command": command,
                "peak_mb": int(peak_kb) / 1024,
                "status": int(status),
                "summary": summary,
            }
    return rows


def header(options, rows):
    return [
        "# Benchmarks",
        "",
        "Written by `bench/run"
        + (" --quick" if options.mode == "quick" else "")
        + "`; do not edit by hand.",
        "See bench/README.md for what each comparison measures and how to run it.",
        "",
        f"- Run: {options.mode}, {options.runs} timed runs per command after "
        + f"{options.warmup} warm-up run{'s' if options.warmup != 1 else ''}"
        + " (hyperfine -N: no intermediate shell; each command's runs follow one another,"
        + " hyperfine does not interleave commands).",
        f"- Source: {options.source}.",
        f"- Load average before the run: {options.load_before} (the cores are shared).",
        f"- minisolve lint says: `{rows['lint-x86_64']['summary']}` with `--arch x86_64`, "
        + f"`{rows['lint-default-arches']['summary']}` with both architectures (exit "
        + f"{rows['lint-default-arches']['status']}; openjph.yaml is the corpus's one real defect, "
        + "so exit 1 is expected).",
        f"- libyaml baseline says: `{rows[BASELINE]['summary']}`.",
        "- Times are wall-clock seconds; peak is the maximum resident set size from "
        + "`/usr/bin/time -v` in MB of 1024 x 1024 bytes, from one separate run.",
        "",
        f"Targets: lint plus compile in at most {TIME_TARGET:g}x libyaml's own parse time, "
        + f"and at most {PEAK_TARGET_MB:g} MB peak.",
        "",
    ]


def comparison(title, subject, baseline, subject_timing, baseline_timing):
    time_ratio = subject_timing["median"] / baseline_timing["median"]
    peak_ratio = subject["peak_mb"] / baseline["peak_mb"]
    cpu_ratio = cpu_seconds(subject_timing) / cpu_seconds(baseline_timing)
    lines = [
        f"## {title}",
        "",
        "| command | median s | min s | max s | user+sys s (mean) | peak MB | "
        + "time ratio | peak ratio |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
        table_row(subject, subject_timing, f"{time_ratio:.1f}x", f"{peak_ratio:.1f}x"),
        table_row(baseline, baseline_timing, "1.0x", "1.0x"),
        "",
        f"- Time target (at most {TIME_TARGET:g}x): "
        + verdict(time_ratio <= TIME_TARGET)
        + f", minisolve takes {time_ratio:.1f}x libyaml's median wall time "
        + f"({cpu_ratio:.1f}x its CPU time, user+sys, which other load on the machine "
        + "disturbs less).",
        f"- Memory target (at most {PEAK_TARGET_MB:g} MB): "
        + verdict(subject["peak_mb"] <= PEAK_TARGET_MB)
        + f", minisolve peaks at {subject['peak_mb']:.1f} MB.",
        "",
    ]
    return lines


def table_row(row, timing, time_ratio, peak_ratio):
    cpu = cpu_seconds(timing)
    return (
        f"| `{row['command']}` | {timing['median']:.3f} | {timing['min']:.3f} | "
        + f"{timing['max']:.3f} | {cpu:.3f} | {row['peak_mb']:.1f} | {time_ratio} | {peak_ratio} |"
    )


def cpu_seconds(timing):
    return timing["user"] + timing["system"]


def verdict(met):
    return "**met**" if met else "**not met**"


def machine(options):
    return [
        "## Machine",
        "",
        f"- CPUs (`nproc`): {command_output(['nproc'])}",
        f"- CPU model: {cpu_model()}",
        f"- Memory: {memory_total()}",
        f"- Kernel: {platform.system()} {platform.release()}",
        f"- Compiler for the baseline: {command_output(['cc', '--version']).splitlines()[0]}, "
        + f"libyaml {command_output(['pkg-config', '--modversion', 'yaml-0.1'])}",
        f"- {command_output(['hyperfine', '--version'])}",
        "- `swift --version`:",
        "",
        "```",
        command_output(["swift", "--version"]),
        "```",
    ]


def cpu_model():
    with open("/proc/cpuinfo") as file:
        for line in file:
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return "unknown"


def memory_total():
    with open("/proc/meminfo") as file:
        for line in file:
            if line.startswith("MemTotal:"):
                kilobytes = int(line.split()[1])
                return f"{kilobytes / 1024 / 1024:.1f} GB (MemTotal {kilobytes} kB)"
    return "unknown"


def command_output(arguments):
    try:
        result = subprocess.run(arguments, capture_output=True, text=True, check=False)
    except OSError:
        return ""
    if result.returncode != 0:
        return ""
    return (result.stdout + result.stderr).strip()


if __name__ == "__main__":
    main()
