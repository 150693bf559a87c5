#!/usr/bin/env python3
"""Times `minisolve lock` as whole processes: cold, warm with no change, and --check.

Three projects, each made in a fresh temporary folder: the example project (examples/hello
with a minisolve.yaml and one image), the shared Wolfi recipes as they are, and the same
recipes with what they cannot be locked without. The Wolfi recipes as they are cannot be
locked: the first error stops the run, and `check --build` lists every recipe whose build
closure cannot be met; both go into the results. The third project takes the recipes but
openjph.yaml (the corpus's one defective recipe) and adds a generated APKINDEX of stub
packages, one for each name or exact version the recipes ask for and the corpus does not
hold, so that every closure can be met and a lock of Wolfi's size exists.

Per project and repetition: `lock --no-index` with no lock (cold: reads every file, solves,
writes the lock), `lock` with the lock current (warm), `lock --check`. Every run is checked:
exit 0, the cold lock byte-identical to the first one, the warm runs saying it is current.
Writes one JSON file for lock_report.py.
"""

import argparse
import datetime
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys

from debian_load import check, command, load_average, run_benchmark, run_timed, summarise

IMAGE_ROOTS = ["busybox", "bash", "curl", "ca-certificates-bundle"]
DEFECTIVE = "openjph.yaml"  # scripts/checks/corpus-known-defects.txt
MISSING = re.compile(r"(?:needs to build|depends on) (.+?),? which no package satisfies")
RELATION = re.compile(r"^([^<>=~!]+)(?:(>=|<=|=|>|<|~)(.+))?$")


def main():
    return run_benchmark(parse_options(), measure, "minisolve-bench-lock.")


def parse_options():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minisolve", required=True, help="the release minisolve binary")
    parser.add_argument("--corpus", required=True, help="the shared corpus folder")
    parser.add_argument("--runs", required=True, type=int)
    parser.add_argument("--warmup", required=True, type=int)
    parser.add_argument("--out", required=True, help="where to write the JSON results")
    return parser.parse_args()


def measure(options, work):
    minisolve = os.path.abspath(options.minisolve)
    corpus = os.path.abspath(options.corpus)
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    wolfi = wolfi_as_is(minisolve, corpus, f"{work}/wolfi")
    projects = {
        "hello": hello_project(root, f"{work}/hello"),
        "wolfi-stubbed": stubbed_project(minisolve, corpus, f"{work}/wolfi-stubbed", work),
    }
    load_before = load_average()

    checks = []
    samples = {}
    results = []
    for name, project in projects.items():
        commands = define_commands(minisolve, name, project)
        first = first_lock(minisolve, project)
        checks.append(check(f"{name}: the first lock", first["status"] == 0, first["stderr"]))
        for repetition in range(-options.warmup, options.runs):
            for item in commands:
                sample = run_timed(item, work)
                checks.append(run_check(item, sample, repetition, project, first["bytes"]))
                if repetition >= 0:
                    samples.setdefault(item["name"], []).append(sample["numbers"])
        results += [summarise(item, samples[item["name"]]) for item in commands]
        projects[name] = describe(project, first)

    return {
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "runs": options.runs,
        "warmup": options.warmup,
        "load_before": load_before,
        "load_after": load_average(),
        "projects": projects,
        "wolfi_as_is": wolfi,
        "commands": results,
        "runs_checked": len(checks),
        "failures": [item for item in checks if not item["passed"]],
    }


def define_commands(minisolve, name, project):
    lock = f"{project}/minisolve.lock"
    base = [minisolve, "lock", "--project", project]
    return [
        command(f"{name}-cold", name, base + ["--no-index"], before=lambda: remove(lock),
                output=lock, shown=f"rm minisolve.lock; minisolve lock --no-index ({name})"),
        command(f"{name}-warm", name, base, shown=f"minisolve lock, no change ({name})"),
        command(f"{name}-check", name, base + ["--check"],
                shown=f"minisolve lock --check, no change ({name})"),
    ]


def first_lock(minisolve, project):
    """One untimed lock; its bytes are what every cold run must write again."""
    remove(f"{project}/minisolve.lock")
    result = subprocess.run([minisolve, "lock", "--project", project, "--no-index"],
                            capture_output=True, text=True)
    path = f"{project}/minisolve.lock"
    data = open(path, "rb").read() if os.path.exists(path) else b""
    return {"status": result.returncode, "stdout": result.stdout.strip(),
            "stderr": result.stderr[-2000:], "bytes": data}


def run_check(item, sample, repetition, project, first_bytes):
    what = f"{item['name']}, repetition {repetition}"
    if sample["status"] != 0:
        return check(what, False, f"exit status {sample['status']}")
    if item["name"].endswith("-cold"):
        with open(sample["output_path"], "rb") as file:
            same = file.read() == first_bytes
        return check(what, same, "the lock differs from the first run's")
    with open(sample["output_path"]) as file:
        said = file.read()
    return check(what, " is current (" in said, said[:300])


def describe(project, first):
    with open(f"{project}/minisolve.yaml") as file:
        settings = file.read()
    repository = f"{project}/repo/APKINDEX"
    stubs = 0
    if os.path.exists(repository):
        with open(repository) as file:
            stubs = sum(1 for line in file if line.startswith("P:"))
    return {
        "folder": project,
        "minisolve_yaml": settings,
        "recipes": len([name for name in os.listdir(f"{project}/recipes")
                        if name.endswith((".yaml", ".yml"))]),
        "index_packages": stubs,
        "lock_bytes": len(first["bytes"]),
        "lock_says": first["stdout"],
    }


def hello_project(root, folder):
    os.makedirs(f"{folder}/images")
    for part in ("recipes", "pipelines", "repo"):
        shutil.copytree(f"{root}/examples/hello/{part}", f"{folder}/{part}")
    write(f"{folder}/minisolve.yaml",
          "repositories: [repo/APKINDEX]\narchs: [x86_64]\ndev:\n  packages: [busybox, bash]\n")
    write(f"{folder}/images/hello.yaml", "contents:\n  packages:\n    - hello\n")
    return folder


def wolfi_project(corpus, folder, recipes, repositories):
    os.makedirs(f"{folder}/images", exist_ok=True)
    roots = "".join(f"    - {name}\n" for name in IMAGE_ROOTS)
    write(f"{folder}/images/base.yaml", f"contents:\n  packages:\n{roots}")
    pipelines = f"[{corpus}/wolfi/pipelines, {corpus}/melange-pipelines]"
    write(f"{folder}/minisolve.yaml",
          f"recipes: {recipes}\npipelines: {pipelines}\n"
          + (f"repositories: [{', '.join(repositories)}]\n" if repositories else "")
          + "archs: [x86_64]\ndev:\n  packages: [busybox, bash]\n")
    return folder


def wolfi_as_is(minisolve, corpus, folder):
    """What `lock` says of the Wolfi recipes as they are, and every unbuildable recipe."""
    project = wolfi_project(corpus, folder, f"{corpus}/wolfi/recipes", [])
    result = subprocess.run([minisolve, "lock", "--project", project, "--no-index"],
                            capture_output=True, text=True)
    without = f"{folder}-without-defect"
    link_recipes(corpus, f"{without}/recipes")
    wolfi_project(corpus, without, "recipes", [])
    second = subprocess.run([minisolve, "lock", "--project", without, "--no-index"],
                            capture_output=True, text=True)
    report = check_build(minisolve, corpus, without, [], f"{folder}.db")
    missing = {}
    for entry in report["unbuildable"]:
        for name in {match.group(1) for reason in entry["reasons"]
                     for match in MISSING.finditer(reason)}:
            missing[name] = missing.get(name, 0) + 1
    return {
        "status": result.returncode,
        "error": result.stderr.strip().splitlines()[:4],
        "status_without_defect": second.returncode,
        "error_without_defect": second.stderr.strip().splitlines()[:4],
        "checked": report["checked"],
        "unbuildable": len(report["unbuildable"]),
        "first_missing": sorted(missing.items(), key=lambda item: (-item[1], item[0]))[:12],
    }


def stubbed_project(minisolve, corpus, folder, work):
    """The Wolfi recipes but the defective one, with stubs for what they ask and lack."""
    link_recipes(corpus, f"{folder}/recipes")
    os.makedirs(f"{folder}/repo")
    index = f"{work}/stubs.db"
    check_build(minisolve, corpus, folder, [], index)
    stubs = {}
    for requirement in wanted_but_missing(index):
        add_stub(stubs, requirement)
    # What the names alone do not show (bounds such as nasm<3) comes from check --build.
    for _ in range(10):
        write_stubs(stubs, f"{folder}/repo/APKINDEX")
        report = check_build(minisolve, corpus, folder, [f"{folder}/repo/APKINDEX"], index)
        missing = {match.group(1) for entry in report["unbuildable"]
                   for reason in entry["reasons"] for match in MISSING.finditer(reason)}
        if not missing:
            break
        for requirement in missing:
            add_stub(stubs, requirement)
    return wolfi_project(corpus, folder, "recipes", ["repo/APKINDEX"])


def link_recipes(corpus, recipes):
    os.makedirs(recipes)
    for name in sorted(os.listdir(f"{corpus}/wolfi/recipes")):
        if name.endswith(".yaml") and name != DEFECTIVE:
            os.symlink(f"{corpus}/wolfi/recipes/{name}", f"{recipes}/{name}")


def check_build(minisolve, corpus, project, repositories, index):
    arguments = [minisolve, "check", "--build", "--project", project, "--arch", "x86_64",
                 "--pipeline-dir", f"{corpus}/wolfi/pipelines",
                 "--pipeline-dir", f"{corpus}/melange-pipelines",
                 "--index", index, "--format", "json"]
    for repository in repositories:
        arguments += ["--repo", repository]
    result = subprocess.run(arguments, capture_output=True, text=True)
    return json.loads(result.stdout)


def wanted_but_missing(index):
    """Every relation of the indexed universe whose name, or exact version, nobody provides."""
    rows = sqlite3.connect(index).execute(
        "SELECT name, version, kind, depends, provides, build_depends FROM packages").fetchall()
    held = {}
    for name, version, kind, _, provides, _ in rows:
        if kind != "binary":
            continue
        held.setdefault(name, set()).add(version)
        for provided in relations(provides):
            parts = RELATION.match(provided)
            if parts:
                held.setdefault(parts.group(1), set()).add(parts.group(3) or "")
    wanted = set()
    for _, _, _, depends, _, build in rows:
        wanted.update(relations(depends) + relations(build))
    missing = []
    for requirement in sorted(wanted):
        parts = RELATION.match(requirement)
        if not parts:
            continue
        name, operator, version = parts.groups()
        if name not in held or (operator == "=" and version not in held[name]):
            missing.append(requirement)
    return missing


def relations(text):
    return [item for item in (text or "").split(", ") if item and not item.startswith("!")]


def add_stub(stubs, requirement):
    """A package that satisfies `requirement`: its exact version, or one past a bound."""
    parts = RELATION.match(requirement.strip())
    if not parts:
        return
    name, operator, version = parts.groups()
    chosen = {"=": version, ">=": version, "<=": version, "~": version,
              ">": f"{version}.1", "<": "0"}.get(operator, "1")
    if ":" in name:  # so:, cmd:, pc: and the like are provided by a stub of their own
        stub = "stub-" + re.sub(r"[^a-z0-9.+_-]", "-", name.lower())
        stubs.setdefault((stub, "1"), set()).add(f"{name}={chosen}")
    else:
        stubs.setdefault((name, chosen), set())


def write_stubs(stubs, path):
    with open(path, "w") as out:
        for (name, version), provides in sorted(stubs.items()):
            out.write(f"P:{name}\nV:{version}\nA:x86_64\no:{name}\n")
            if provides:
                out.write("p:" + " ".join(sorted(provides)) + "\n")
            out.write("\n")


def write(path, text):
    with open(path, "w") as file:
        file.write(text)


def remove(path):
    if os.path.exists(path):
        os.remove(path)


if __name__ == "__main__":
    sys.exit(main())
