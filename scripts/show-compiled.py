"""Summarises `minisolve compile` JSON from standard input for scripts/demo."""
import json
import sys

recipe = json.load(sys.stdin)
print("build environment:", ", ".join(recipe["environment"]["packages"]))
for package in recipe["packages"]:
    runtime = ", ".join(package["runtime"]) or "-"
    provides = ", ".join(package["provides"]) or "-"
    print(f"  {package['name']:24} runtime: {runtime:28} provides: {provides}")
if recipe["vars"]:
    print("vars:", ", ".join(f"{k}={v!r}" for k, v in sorted(recipe["vars"].items())))
