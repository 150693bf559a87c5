#!/usr/bin/env python3
"""Times `minisolve assemble` on examples/debian-nginx beside `umoci unpack` of its result.

The project is locked against this machine's apt lists and the locked .deb files fetched
with `apt-get download` before anything is timed. Then, `--runs` times each, alternating:
`minisolve assemble` of the prod variant into a fresh folder, and `umoci unpack` of that
layout. Every assembly must give the same manifest digest. Writes one JSON file for
assemble_report.py; exits 1 when apt cannot download (the report says it was not measured).
"""

import argparse
import datetime
import json
import os
import shutil
import subprocess
import sys

from debian_load import check, command, load_average, run_benchmark, run_timed, summarise

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main():
    return run_benchmark(parse_options(), measure, "minisolve-bench-assemble.")


def parse_options():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minisolve", required=True)
    parser.add_argument("--runs", required=True, type=int)
    parser.add_argument("--out", required=True)
    return parser.parse_args()


def measure(options, work):
    project = f"{work}/project"
    shutil.copytree(f"{ROOT}/examples/debian-nginx", project)
    subprocess.run([options.minisolve, "lock", "--project", project, "--no-index"], check=True,
                   stdout=subprocess.DEVNULL)
    with open(f"{project}/minisolve.lock") as file:
        lock = json.load(file)
    members = lock["images"]["nginx"]["architectures"]["x86_64"]["prod"]["members"]
    debs = f"{work}/debs"
    os.mkdir(debs)
    wanted = [f"{member['name']}={member['version']}" for member in members]
    subprocess.run(["apt-get", "download", "-q", *wanted], cwd=debs, check=True,
                   stdout=subprocess.DEVNULL)
    size = sum(os.path.getsize(f"{debs}/{name}") for name in os.listdir(debs))

    assemble = command("minisolve-assemble", "assemble", [
        options.minisolve, "assemble", "--project", project, "--no-index", "--image", "nginx",
        "--packages", debs, "--output", f"{work}/oci"],
        before=lambda: shutil.rmtree(f"{work}/oci", ignore_errors=True))
    unpack = command("umoci-unpack", "assemble", [
        "umoci", "unpack", "--image", f"{work}/oci:nginx-prod", f"{work}/bundle"],
        before=lambda: shutil.rmtree(f"{work}/bundle", ignore_errors=True))
    samples = {"minisolve-assemble": [], "umoci-unpack": []}
    checks = []
    digests = set()
    load_before = load_average()
    for _ in range(options.runs):
        for item in (assemble, unpack):
            sample = run_timed(item, work)
            checks.append(check(f"{item['name']} exits 0", sample["status"] == 0,
                                f"exit {sample['status']}"))
            samples[item["name"]].append(sample["numbers"])
            if item is assemble:
                with open(f"{work}/oci/index.json") as file:
                    digests.add(json.load(file)["manifests"][0]["digest"])
    checks.append(check("every assembly has the same manifest digest", len(digests) == 1,
                        str(sorted(digests))))
    return {
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "runs": options.runs,
        "packages": len(members),
        "deb_bytes": size,
        "load_before": load_before,
        "load_after": load_average(),
        "commands": [dict(summarise(item, samples[item["name"]]), runs=options.runs)
                     for item in (assemble, unpack)],
        "runs_checked": len(checks),
        "failures": [item for item in checks if not item["passed"]],
    }


if __name__ == "__main__":
    sys.exit(main())
