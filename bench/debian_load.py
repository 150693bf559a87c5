#!/usr/bin/env python3
"""Times loading Debian's bookworm Packages file: minisolve's index against libsolv's tools.

Every repetition runs each pair of commands back to back, minisolve first in even repetitions
and libsolv first in odd ones, so a change in machine load hits both sides of a ratio. Each run
goes through GNU time for its peak memory; wall time is measured around it, CPU time comes from
wait4. The counts of packages are cross-checked before anything is timed, and every timed run's
output is checked too. Writes one JSON file for report.py.
"""

import argparse
import datetime
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

TESTSOLV_SYSTEM = "system amd64 deb"  # `x86_64` finds no package: deb2solv keeps Debian arches
PIPELINE = 'xz -dc "$1" | deb2solv -r > "$2"'  # deb2solv -r FILE opens FILE with plain fopen


def main():
    return run_benchmark(parse_options(), measure, "minisolve-bench-debian.")


def run_benchmark(options, measure_in, prefix):
    """Measures in a fresh temporary folder, writes the JSON result, reports failed checks."""
    work = tempfile.mkdtemp(prefix=prefix)
    try:
        result = measure_in(options, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    with open(options.out, "w") as file:
        json.dump(result, file, indent=2, sort_keys=True)
        file.write("\n")
    for failure in result["failures"]:
        print(f"error: check failed: {failure['what']}: {failure['detail']}", file=sys.stderr)
    return 1 if result["failures"] else 0


def parse_options():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minisolve", required=True, help="the release minisolve binary")
    parser.add_argument("--packages", required=True, help="Packages-bookworm-main-amd64.xz")
    parser.add_argument("--runs", required=True, type=int)
    parser.add_argument("--warmup", required=True, type=int)
    parser.add_argument("--out", required=True, help="where to write the JSON results")
    return parser.parse_args()


def measure(options, work):
    packages = os.path.abspath(options.packages)
    commands = define_commands(options.minisolve, packages, work)
    prepare(packages, work)
    load_before = load_average()

    counts = package_counts(commands, packages, work)
    checks = [check("package counts agree", len(set(counts.values())) == 1, counts)]
    samples = {command["name"]: [] for command in commands}
    for repetition in range(-options.warmup, options.runs):
        for command in repetition_order(commands, repetition):
            sample = run_timed(command, work)
            checks.append(run_check(command, sample, repetition, counts["grep"]))
            if repetition >= 0:
                samples[command["name"]].append(sample["numbers"])

    return {
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "runs": options.runs,
        "warmup": options.warmup,
        "packages_file": packages,
        "work": work,
        "load_before": load_before,
        "load_after": load_average(),
        "testsolv_case": testcase_text(with_job=True),
        "testsolv_installs": installed_count(f"{work}/testsolv-warm.stdout"),
        "versions": tool_versions(),
        "commands": [summarise(command, samples[command["name"]]) for command in commands],
        "counts": counts,
        "runs_checked": len(checks) - 1,
        "failures": [check for check in checks if not check["passed"]],
    }


def define_commands(minisolve, packages, work):
    """The timed commands; `pair` groups the ones alternated with each other."""
    index = f"{work}/index.db"
    minisolve_index = [
        minisolve, "index", "--project", f"{work}/project", "--repo", packages,
        "--index", index, "--format", "json",
    ]
    solv = f"{work}/bookworm.solv"
    return [
        command("minisolve-cold", "cold", minisolve_index, before=lambda: remove_index(index)),
        command("deb2solv-cold", "cold", ["sh", "-c", PIPELINE, "sh", packages, solv],
                output=solv, shown=f"xz -dc {packages} | deb2solv -r > {solv}"),
        command("minisolve-warm", "warm", minisolve_index),
        command("testsolv-warm", "warm", ["testsolv", f"{work}/case-job.t"]),
        command("xz-decompress", "parts", ["xz", "-dc", packages], stdout_to="/dev/null",
                shown=f"xz -dc {packages} > /dev/null"),
        command("deb2solv-plain", "parts", ["deb2solv", "-r", f"{work}/Packages"],
                stdout_to=f"{work}/plain.solv"),
        command("testsolv-nojob", "parts", ["testsolv", f"{work}/case-nojob.t"]),
    ]


def command(name, pair, argv, before=None, stdout_to=None, output=None, shown=None):
    """A timed command; `output` is the file it writes when that is not its standard output."""
    shown = shown or " ".join(argv) + (f" > {stdout_to}" if stdout_to else "")
    return {"name": name, "pair": pair, "argv": argv, "before": before,
            "stdout_to": stdout_to, "output": output, "shown": shown}


def prepare(packages, work):
    """Writes the testsolv cases, an empty project folder and the decompressed Packages file."""
    os.mkdir(f"{work}/project")
    for with_job in (True, False):
        name = "case-job.t" if with_job else "case-nojob.t"
        with open(f"{work}/{name}", "w") as file:
            file.write(testcase_text(with_job))
    with open(f"{work}/Packages", "wb") as plain:
        subprocess.run(["xz", "-dc", packages], stdout=plain, check=True)
    # The warm runs of the first repetition need the .solv file of a cold run before them.
    subprocess.run(["sh", "-c", PIPELINE, "sh", packages, f"{work}/bookworm.solv"], check=True)


def testcase_text(with_job):
    # testsolv opens the repo file relative to the case file's folder, even an absolute path.
    lines = ["repo test 0 solv bookworm.solv", TESTSOLV_SYSTEM]
    if with_job:
        lines.append("job install name bash")
    return "\n".join(lines) + "\n"


def remove_index(index):
    for suffix in ("", "-wal", "-shm", "-journal"):
        if os.path.exists(index + suffix):
            os.remove(index + suffix)


def repetition_order(commands, repetition):
    """Commands grouped by pair, each pair's order flipped every other repetition."""
    ordered = []
    for pair in dict.fromkeys(command["pair"] for command in commands):
        members = [command for command in commands if command["pair"] == pair]
        ordered += members if repetition % 2 == 0 else members[::-1]
    return ordered


def run_timed(command, work):
    """One run under `/usr/bin/time -f %M`: wall and CPU seconds, peak kB, status, stdout."""
    if command["before"]:
        command["before"]()
    stdout_path = command["stdout_to"] or f"{work}/{command['name']}.stdout"
    peak_path = f"{work}/{command['name']}.peak"
    argv = ["/usr/bin/time", "-f", "%M", "-o", peak_path] + command["argv"]
    with open(stdout_path, "wb") as stdout, open(f"{work}/{command['name']}.stderr", "wb") as err:
        started = time.perf_counter()
        process = subprocess.Popen(argv, stdout=stdout, stderr=err)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    with open(peak_path) as file:
        peak_kb = int(file.read().split()[-1])
    return {
        "status": process.returncode,
        "output_path": command["output"] or stdout_path,
        "numbers": {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "peak_kb": peak_kb},
    }


def package_counts(commands, packages, work):
    """grep's Package: lines, dumpsolv's solvables and minisolve's binary_packages."""
    listed = subprocess.run(
        ["sh", "-c", 'xz -dc "$1" | grep -c "^Package:"', "sh", packages],
        capture_output=True, text=True, check=True).stdout.strip()
    minisolve = next(command for command in commands if command["name"] == "minisolve-cold")
    minisolve["before"]()
    output = subprocess.run(minisolve["argv"], capture_output=True, text=True, check=True).stdout
    return {
        "grep": int(listed),
        "dumpsolv": dumpsolv_count(f"{work}/bookworm.solv"),
        "minisolve": json.loads(output)["binary_packages"],
    }


def dumpsolv_count(path):
    """The `repo size: N solvables` line that dumpsolv prints before the solvables."""
    process = subprocess.Popen(["dumpsolv", path], stdout=subprocess.PIPE, text=True)
    count = -1
    for line in process.stdout:
        match = re.match(r"repo size: (\d+) solvables", line)
        if match:
            count = int(match.group(1))
            break
    process.stdout.close()  # the rest is one entry per solvable; dumpsolv stops on SIGPIPE
    process.wait()
    return count


def run_check(command, sample, repetition, package_count):
    """The run did what it is timed for: exit status 0 and the expected output."""
    name = command["name"]
    what = f"{name}, repetition {repetition}"
    if sample["status"] != 0:
        return check(what, False, f"exit status {sample['status']}")
    if name == "xz-decompress":
        return check(what, True, "")
    if name.startswith("deb2solv"):
        size = os.path.getsize(sample["output_path"])
        return check(what, size > 1_000_000, f"{size} bytes of .solv")
    with open(sample["output_path"]) as file:
        text = file.read()
    if name.startswith("minisolve"):
        report = json.loads(text)
        # A cold run must have parsed the file, a warm one must have taken it from the cache.
        key = "read" if name == "minisolve-cold" else "reused"
        passed = len(report[key]) == 1 and report["binary_packages"] == package_count
        return check(what, passed, f"{key}: {report[key]}, {report['binary_packages']} packages")
    if name == "testsolv-nojob":
        return check(what, text.startswith("Transaction summary"), text[:200])
    installs_bash = re.search(r"^  - bash-\d", text, re.MULTILINE) is not None
    return check(what, installs_bash and "does not exist" not in text, text[:200])


def installed_count(path):
    """How many packages testsolv's transaction installs, from its last output."""
    with open(path) as file:
        match = re.search(r"^(\d+) installed packages:", file.read(), re.MULTILINE)
    return int(match.group(1)) if match else 0


def check(what, passed, detail):
    return {"what": what, "passed": passed, "detail": detail}


def summarise(command, numbers):
    walls = [sample["wall"] for sample in numbers]
    return {
        "name": command["name"],
        "pair": command["pair"],
        "command": command["shown"],
        "median": statistics.median(walls),
        "min": min(walls),
        "max": max(walls),
        "cpu_median": statistics.median(sample["cpu"] for sample in numbers),
        "peak_kb_max": max(sample["peak_kb"] for sample in numbers),
        "walls": walls,
    }


def load_average():
    with open("/proc/loadavg") as file:
        return " ".join(file.read().split()[:3])


def tool_versions():
    query = ["dpkg-query", "-W", "-f", "${Version}", "libsolv-tools"]
    libsolv = subprocess.run(query, capture_output=True, text=True).stdout.strip()
    xz = subprocess.run(["xz", "--version"], capture_output=True, text=True).stdout
    return {"libsolv-tools": libsolv or "unknown", "xz": xz.splitlines()[0] if xz else "unknown"}


if __name__ == "__main__":
    sys.exit(main())
