"""Compiles every Wolfi recipe for x86_64 and aarch64: each must succeed (but the known defects)
and leave no `${{` anywhere in the result except in step names, which melange never substitutes
strictly either (minisolve warns about those)."""
import concurrent.futures
import json
import os
import subprocess
import sys

minisolve, corpus = sys.argv[1], sys.argv[2]
here = os.path.dirname(os.path.abspath(__file__))
known = {l.strip() for l in open(os.path.join(here, "corpus-known-defects.txt"))
         if l.strip() and not l.startswith("#")}
recipes = sorted(f for f in os.listdir(os.path.join(corpus, "wolfi/recipes")) if f.endswith(".yaml"))


def unresolved(value, key=None):
    if isinstance(value, dict):
        return [u for k, v in value.items() for u in unresolved(v, k)]
    if isinstance(value, list):
        return [u for v in value for u in unresolved(v, key)]
    if isinstance(value, str) and "${{" in value and key != "name":
        return [value[value.index("${{"):][:60]]
    return []


def compile_one(job):
    name, arch = job
    result = subprocess.run(
        [minisolve, "compile", os.path.join(corpus, "wolfi/recipes", name), "--arch", arch,
         "--pipeline-dir", os.path.join(corpus, "wolfi/pipelines"),
         "--pipeline-dir", os.path.join(corpus, "melange-pipelines")],
        capture_output=True, text=True)
    if result.returncode > 1:
        return name, arch, f"exit code {result.returncode}: {result.stderr[-300:]}"
    if result.returncode == 1:
        return name, arch, "rejected: " + result.stderr.strip().splitlines()[0]
    left = unresolved(json.loads(result.stdout))
    return name, arch, ("unresolved: " + "; ".join(left[:3])) if left else None


jobs = [(name, arch) for name in recipes for arch in ("x86_64", "aarch64")]
with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
    outcomes = list(pool.map(compile_one, jobs))

failures = [(n, a, why) for n, a, why in outcomes if why]
unexpected = [(n, a, why) for n, a, why in failures if n not in known or not why.startswith("rejected")]
fixed = known - {n for n, _, _ in failures}
print(f"{len(jobs)} compiles of {len(recipes)} recipes, {len(failures)} failed "
      f"({len(failures) - len(unexpected)} known defects)")
for name, arch, why in unexpected[:30]:
    print(f"  {name} ({arch}): {why}")
if fixed:
    print("known defects that now compile (remove them):", sorted(fixed))
sys.exit(1 if unexpected or fixed else 0)
