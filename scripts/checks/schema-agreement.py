"""check-jsonschema and minisolve's decoder must agree: every good fixture, example and recipe
validates (the examples' images and project files against their own schemas); every bad
fixture whose expected findings are shape errors (unknown key, wrong type, missing key...) is
rejected by the schema; and every bad fixture whose findings come only from
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


def schema_accepts(path, schema_file=schema):
    result = subprocess.run([checker, "--schemafile", schema_file, path], capture_output=True,
                            text=True)
    return result.returncode == 0


def all_accepted(paths, schema_file=schema):
    """One check-jsonschema run over many files (each run costs a Python start); the files
    it rejects, asked one by one only when the batch fails."""
    if not paths:
        return []
    result = subprocess.run([checker, "--schemafile", schema_file, *paths], capture_output=True,
                            text=True)
    if result.returncode == 0:
        return []
    return [path for path in paths if not schema_accepts(path, schema_file)]


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
for path in all_accepted(good):
    problems.append(f"schema rejects a valid file: {os.path.relpath(path, root)}")
images = sorted(glob.glob(os.path.join(root, "examples/*/images/*.yaml")))
for path in all_accepted(images, os.path.join(root, "schema/image.schema.json")):
    problems.append(f"the image schema rejects a valid file: {os.path.relpath(path, root)}")
projects = sorted(glob.glob(os.path.join(root, "examples/*/minisolve.yaml")))
for path in all_accepted(projects, os.path.join(root, "schema/project.schema.json")):
    problems.append(f"the project schema rejects a valid file: {os.path.relpath(path, root)}")

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

print(f"{len(good)} valid recipes, {len(images)} images, {len(projects)} project files, "
      f"{judged} bad fixtures judged")
for problem in problems:
    print(problem)
sys.exit(1 if problems else 0)
