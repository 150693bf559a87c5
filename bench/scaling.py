#!/usr/bin/env python3
"""How minisolve's cost grows: `check` and `closure` on synthetic universes of growing size.

For each size, bench/synthetic_universe.py writes a Packages file shaped like the real one
(its statistics measured from --like), `minisolve index` reads it once (timed too, as the
cold load), and then `check` and `closure ROOT` run from the warm index, `--runs` times each.
ROOT is the package written last, which may depend on anything before it. The growth
exponent of each command is the slope of log(median time) against log(size), fitted by least
squares. Writes one JSON file for scaling_report.py.
"""

import argparse
import datetime
import json
import math
import os
import subprocess
import sys

from debian_load import check, command, load_average, run_benchmark, run_timed, summarise

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    return run_benchmark(parse_options(), measure, "minisolve-bench-scaling.")


def parse_options():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minisolve", required=True)
    parser.add_argument("--like", required=True, help="the real Packages file to imitate")
    parser.add_argument("--sizes", required=True, help="comma-separated package counts")
    parser.add_argument("--runs", required=True, type=int)
    parser.add_argument("--out", required=True)
    return parser.parse_args()


def measure(options, work):
    sizes = [int(size) for size in options.sizes.split(",")]
    rows = []
    checks = []
    load_before = load_average()
    for size in sizes:
        packages = f"{work}/Packages-{size}"
        subprocess.run([sys.executable, "-B", f"{HERE}/synthetic_universe.py", "--like",
                        options.like, "--count", str(size), "--out", packages], check=True)
        root = last_package(packages)
        os.makedirs(f"{work}/project-{size}", exist_ok=True)
        common = ["--project", f"{work}/project-{size}", "--repo", packages, "--arch", "amd64",
                  "--index", f"{work}/index-{size}.db", "--format", "json"]
        commands = [
            command(f"index-{size}", "index", [options.minisolve, "index", *common]),
            command(f"check-{size}", "check", [options.minisolve, "check", *common]),
            command(f"closure-{size}", "closure",
                    [options.minisolve, "closure", root, "--verify", *common]),
        ]
        for item in commands:
            runs = 1 if item["pair"] == "index" else options.runs
            samples = []
            for _ in range(runs):
                sample = run_timed(item, work)
                accepted = (0, 1) if item["pair"] == "check" else (0,)
                checks.append(check(f"{item['name']} exits {accepted}",
                                    sample["status"] in accepted, f"exit {sample['status']}"))
                samples.append(sample["numbers"])
            summary = summarise(item, samples)
            summary.update({"size": size, "kind": item["pair"], "runs": runs})
            if item["pair"] == "check":
                with open(sample["output_path"]) as file:
                    answer = json.load(file)
                summary["uninstallable"] = len(answer["uninstallable"])
                checks.append(check(f"{item['name']} checked every package",
                                    answer["checked"] == size, str(answer["checked"])))
            rows.append(summary)
        os.remove(packages)
        os.remove(f"{work}/index-{size}.db")
    return {
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "like": options.like,
        "sizes": sizes,
        "runs": options.runs,
        "load_before": load_before,
        "load_after": load_average(),
        "rows": rows,
        "exponents": {kind: exponent(rows, kind) for kind in ("index", "check", "closure")},
        "runs_checked": len(checks),
        "failures": [item for item in checks if not item["passed"]],
    }


def last_package(path):
    name = None
    with open(path) as file:
        for line in file:
            if line.startswith("Package: "):
                name = line.split(":", 1)[1].strip()
    return name


def exponent(rows, kind):
    """The least-squares slope of log(median) over log(size) for one command."""
    points = [(math.log(row["size"]), math.log(max(row["median"], 1e-6)))
              for row in rows if row["kind"] == kind]
    if len(points) < 2:
        return None
    mean_x = sum(x for x, _ in points) / len(points)
    mean_y = sum(y for _, y in points) / len(points)
    spread = sum((x - mean_x) ** 2 for x, _ in points)
    return sum((x - mean_x) * (y - mean_y) for x, y in points) / spread


if __name__ == "__main__":
    sys.exit(main())
