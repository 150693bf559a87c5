"""Locked projects for the checks of commands that read a lock: a copy of examples/hello with
an image, and a small Debian project whose Packages index has SHA-256 sums, epochs and `+` in
names and versions. Each is locked with the minisolve under test."""
import json
import os
import shutil
import subprocess

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

DEBIAN_PACKAGES = """\
Package: libc6
Version: 2.36-9+deb12u10
Architecture: amd64
Depends: libgcc-s1
Filename: pool/main/g/glibc/libc6_2.36-9+deb12u10_amd64.deb
SHA256: {0}

Package: libgcc-s1
Version: 12.2.0-14
Architecture: amd64
Depends: gcc-12-base (= 12.2.0-14), libc6 (>= 2.35)
SHA256: {1}

Package: gcc-12-base
Version: 12.2.0-14
Architecture: amd64
SHA256: {2}

Package: libstdc++6
Version: 12.2.0-14
Architecture: amd64
Depends: libc6 (>= 2.36), libgcc-s1 (>= 4.2)
SHA256: {3}

Package: hello
Version: 1:2.10-3
Architecture: amd64
Depends: libc6 (>= 2.34), libstdc++6

Package: bash
Version: 5.2.15-2+b7
Architecture: amd64
Depends: libc6 (>= 2.36)

Package: tzdata
Version: 2024a-0+deb12u1
Architecture: all
""".format(*(str(digit) * 64 for digit in range(1, 5)))


def run(minisolve, *arguments):
    """Runs minisolve; its standard output, or an exception naming the failure."""
    result = subprocess.run([minisolve, *arguments], capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"minisolve {' '.join(arguments)} exited {result.returncode}:\n"
                           f"{result.stderr}")
    return result.stdout


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as handle:
        handle.write(text)


def hello_project(minisolve, work):
    """examples/hello with image `hello` (dev adds busybox and bash), locked."""
    project = os.path.join(work, "hello")
    example = os.path.join(ROOT, "examples/hello")
    for folder in ["recipes", "pipelines", "repo"]:
        shutil.copytree(os.path.join(example, folder), os.path.join(project, folder))
    write(os.path.join(project, "minisolve.yaml"),
          "repositories: [repo/APKINDEX]\narchs: [x86_64]\ndev:\n  packages: [busybox, bash]\n")
    write(os.path.join(project, "images/hello.yaml"),
          "contents:\n  packages:\n    - hello\nentrypoint:\n  command: /usr/bin/hello\n")
    run(minisolve, "lock", "--project", project, "--no-index")
    return project


def debian_project(minisolve, work):
    """Image `hello` over a small Debian index (dev adds bash), locked."""
    project = os.path.join(work, "debian")
    write(os.path.join(project, "repo/Packages"), DEBIAN_PACKAGES)
    os.makedirs(os.path.join(project, "recipes"))
    write(os.path.join(project, "minisolve.yaml"),
          "repositories: [repo/Packages]\narchs: [x86_64]\ndev:\n  packages: [bash]\n")
    write(os.path.join(project, "images/hello.yaml"), "contents:\n  packages: [hello, tzdata]\n")
    run(minisolve, "lock", "--project", project, "--no-index")
    return project


def closures(project):
    """Every closure of the project's lock: (kind, name, variant, members)."""
    with open(os.path.join(project, "minisolve.lock")) as handle:
        lock = json.load(handle)
    found = []
    for name, image in sorted(lock["images"].items()):
        for variants in image["architectures"].values():
            for variant, closure in sorted(variants.items()):
                found.append(("image", name, variant, [m["name"] for m in closure["members"]]))
    for name, recipe in sorted(lock["recipes"].items()):
        for closure in recipe["build"].values():
            found.append(("recipe", name, "build", [m["name"] for m in closure["members"]]))
    return found


def report(failures, checked, what):
    """Prints the failures and a summary line; the exit code (1 also when nothing was checked)."""
    for failure in failures:
        print(f"FAIL {failure}")
    print(f"{what}: {checked} checked, {len(failures)} failures")
    return 1 if failures or checked == 0 else 0
