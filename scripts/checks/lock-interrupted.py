"""`minisolve lock` killed with SIGKILL at any moment, and two runs at once.

On a generated project (400 recipes, an APKINDEX of 3,000 packages, 5 images) whose lock takes
about half a second to write, each round changes a recipe, starts `lock` and kills it: after a
fixed delay (5, 20, 50 ms, then fractions of a whole run), or as soon as its temporary file
`.minisolve.lock.tmp.*` appears (the write itself). The lock must then be the old bytes or a
whole new lock that `lock --check` accepts. A temporary file may be left only by a kill during
the write, and the next `lock` must remove it and say so. Then two `lock` runs start at once,
five times: both must exit 0 and leave a whole, current lock and no temporary file.
Usage: lock-interrupted.py MINISOLVE
"""

import glob
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time

RECIPES = 400
PACKAGES = 3000


def main():
    minisolve = os.path.abspath(sys.argv[1])
    work = tempfile.mkdtemp(prefix="minisolve-lock-interrupted.")
    try:
        failures = run(minisolve, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    for failure in failures:
        print(f"FAIL: {failure}")
    return 1 if failures else 0


def run(minisolve, project):
    generate(project)
    lock = f"{project}/minisolve.lock"
    failures = []
    first = subprocess.run([minisolve, "lock", "--project", project], capture_output=True)
    if first.returncode != 0:
        return [f"the first lock exited {first.returncode}: {first.stderr.decode()[-500:]}"]

    started = time.perf_counter()
    change(project, "timing")
    subprocess.run([minisolve, "lock", "--project", project], capture_output=True, check=True)
    whole_run = time.perf_counter() - started
    plans = [("after", delay) for delay in (0.005, 0.02, 0.05)]
    plans += [("after", whole_run * share) for share in (0.25, 0.5, 0.75, 0.9, 0.97)]
    plans += [("at-write", extra) for extra in (0, 0, 0.001, 0.003, 0.01)]

    outcomes = {"old": 0, "new": 0, "temporary left": 0}
    for number, (when, delay) in enumerate(plans):
        change(project, f"kill {number}")
        old = read(lock)
        process = subprocess.Popen([minisolve, "lock", "--project", project],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if when == "at-write":
            wait_for_temporary(project, process)
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait()
        what = f"kill {number} ({when} {delay * 1000:.0f} ms)"
        now = read(lock)
        if now == old:
            outcomes["old"] += 1
        else:
            outcomes["new"] += 1
            check = subprocess.run([minisolve, "lock", "--check", "--project", project],
                                   capture_output=True, text=True)
            if check.returncode != 0:
                failures.append(f"{what}: a new lock that --check refuses: {check.stderr[-300:]}")
        left = temporaries(project)
        if left:
            outcomes["temporary left"] += 1
            failures += next_run_removes(minisolve, project, left, what)

    for pair in range(5):
        change(project, f"pair {pair}")
        runs = [subprocess.Popen([minisolve, "lock", "--project", project],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                for _ in range(2)]
        for index, process in enumerate(runs):
            _, errors = process.communicate()
            if process.returncode != 0:
                failures.append(f"pair {pair}, run {index} exited {process.returncode}: {errors}")
        check = subprocess.run([minisolve, "lock", "--check", "--project", project],
                               capture_output=True, text=True)
        if check.returncode != 0 or temporaries(project):
            failures.append(f"pair {pair}: --check exited {check.returncode} "
                            + f"({check.stderr.strip()}), temporary files {temporaries(project)}")

    print(f"lock-interrupted: a run takes {whole_run * 1000:.0f} ms; {len(plans)} kills left "
          + f"the old lock {outcomes['old']} times and a whole new one {outcomes['new']} times; "
          + f"{outcomes['temporary left']} left a temporary file, which the next run removed; "
          + "5 pairs of runs at once")
    return failures


def next_run_removes(minisolve, project, left, what):
    """The next whole run removes the temporary files a kill left, and warns about each."""
    change(project, f"after {what}")
    after = subprocess.run([minisolve, "lock", "--project", project], capture_output=True,
                           text=True)
    failures = []
    if after.returncode != 0 or temporaries(project):
        failures.append(f"{what} left {left}; the next run exited {after.returncode} and left "
                        + f"{temporaries(project)}")
    for path in left:
        if f"warning: removed {os.path.basename(path)}, left by a run" not in after.stderr:
            failures.append(f"{what}: the next run did not say it removed {path}: {after.stderr}")
    return failures


def wait_for_temporary(project, process):
    """Returns as soon as the run's temporary file exists, or when the run has ended."""
    while process.poll() is None and not temporaries(project):
        time.sleep(0.0002)


def temporaries(project):
    return sorted(glob.glob(f"{project}/.minisolve.lock.tmp.*"))


def read(path):
    with open(path, "rb") as file:
        return file.read()


def change(project, note):
    """Changes one recipe's text (not its meaning), so that the next lock has inputs to write."""
    path = f"{project}/recipes/lib5.yaml"
    with open(path) as file:
        text = file.read().split("# change:")[0]
    with open(path, "w") as file:
        file.write(text + f"# change: {note}\n")


def generate(folder):
    """Recipes in blocks of 20 that need each other, over an index of short chains."""
    rng = random.Random(7)
    for sub in ("recipes", "images", "repo"):
        os.makedirs(f"{folder}/{sub}", exist_ok=True)
    with open(f"{folder}/repo/APKINDEX", "w") as out:
        for number in range(PACKAGES):
            out.write(f"C:Q1{number:027d}=\nP:pkg{number}\nV:1.{number}-r0\nA:x86_64\n"
                      + f"o:pkg{number}\n")
            if number % 10:
                out.write(f"D:pkg{number - 1 - rng.randrange(number % 10)}\n")
            out.write("\n")

    def lower(number):
        return [f"lib{number - 1 - rng.randrange(number % 20)}"] if number % 20 else []

    for number in range(RECIPES):
        runtime = sorted(set(lower(number)) | {f"pkg{rng.randrange(PACKAGES)}"})
        build = sorted(set(lower(number) + lower(number))
                       | {f"pkg{rng.randrange(PACKAGES)}" for _ in range(3)})
        with open(f"{folder}/recipes/lib{number}.yaml", "w") as out:
            out.write(f"package:\n  name: lib{number}\n  version: \"1.{number}\"\n  epoch: 0\n"
                      + f"  description: library {number}\n  dependencies:\n    runtime:\n"
                      + "".join(f"      - {name}\n" for name in runtime)
                      + "environment:\n  contents:\n    packages:\n"
                      + "".join(f"      - {name}\n" for name in build)
                      + "pipeline:\n  - runs: make\n")
    for number in range(5):
        roots = sorted({f"lib{rng.randrange(RECIPES)}" for _ in range(4)})
        with open(f"{folder}/images/image{number}.yaml", "w") as out:
            out.write("contents:\n  packages:\n" + "".join(f"    - {root}\n" for root in roots))
    with open(f"{folder}/minisolve.yaml", "w") as out:
        out.write("repositories: [repo/APKINDEX]\narchs: [x86_64]\ndev:\n  packages: [pkg0]\n")


if __name__ == "__main__":
    sys.exit(main())
