"""check-jsonschema and minisolve's decoder must agree: every good fixture, example and recipe
validates; every bad fixture whose expected findings are shape errors (unknown key, wrong type,
missing key...) is rejected by the schema; and every bad fixture whose findings come only from
expansion (variables, pipelines, names) is accepted by it, since a schema cannot see those."""
import glob
import json
import os
import re
import subprocess
import sys

root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
checker = os.path.join(root, ".venv/bin/check-jsonschema")
schema = os.path.join(root, "schema/recipe.schema.json")

SHAPE = {"unknown-key", "wrong-type", "missing-key", "invalid-integer", "invalid-boolean"}
# Categories a JSON Schema cannot judge either way: YAML-level problems.
UNJUDGED = {"syntax", "invalid-utf8", "duplicate-key", "alias-limit", "depth-limit",
            "size-limit", "multiple-documents", "undefined-alias", "invalid-merge", "empty",
            "empty-item",
            # the schema judges a priority only when it is written without `${{...}}`
            "invalid-priority"}
# `08` becomes the number 8, and a list used as a key becomes whatever the parser makes of it.
UNJUDGED_MESSAGE = re.compile(r"has a leading zero|keys of '.*' must be strings")


def schema_accepts(path):
    result = subprocess.run([checker, "--schemafile", schema, path], capture_output=True, text=True)
    return result.returncode == 0


def expectations(path):
    found = []
    with open(path, "rb") as handle:
        for line in handle.read().decode("utf-8", "replace").splitlines():
            match = re.match(r"#\s*expect:\s*\d+:\d+\s+(error|warning)\s+\[([a-z0-9-]+)\]\s*(.*)", line)
            if match:
                found.append(match.groups())
    return found


problems = []
good = sorted(glob.glob(os.path.join(root, "Tests/Fixtures/good/*.yaml"))
              + glob.glob(os.path.join(root, "recipes/*.yaml"))
              + glob.glob(os.path.join(root, "examples/*/recipes/*.yaml")))
for path in good:
    if not schema_accepts(path):
        problems.append(f"schema rejects a valid file: {os.path.relpath(path, root)}")

judged = 0
for path in sorted(glob.glob(os.path.join(root, "Tests/Fixtures/bad/*.yaml"))):
    errors = [(category, message) for severity, category, message in expectations(path)
              if severity == "error"]
    categories = {category for category, _ in errors}
    if not errors or categories & UNJUDGED or any(UNJUDGED_MESSAGE.search(m) for _, m in errors):
        continue
    judged += 1
    decoder_says_shape = bool(categories & SHAPE)
    if schema_accepts(path) == decoder_says_shape:
        verdict = "accepts" if decoder_says_shape else "rejects"
        problems.append(f"schema {verdict} {os.path.relpath(path, root)} "
                        f"(decoder: {', '.join(sorted(categories))})")

print(f"{len(good)} valid files, {judged} bad fixtures judged")
for problem in problems:
    print(problem)
sys.exit(1 if problems else 0)
