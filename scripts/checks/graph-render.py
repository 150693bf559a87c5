"""graphviz's dot draws every graph minisolve writes for the example project's closures
(each image variant and each recipe's build closure), and each SVG names every member.
Usage: graph-render.py MINISOLVE"""
import html
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import locked_projects  # noqa: E402


def main():
    minisolve = sys.argv[1]
    failures = []
    checked = 0
    with tempfile.TemporaryDirectory() as work:
        project = locked_projects.hello_project(minisolve, work)
        for kind, name, variant, members in locked_projects.closures(project):
            chosen = (["--image", name, "--variant", variant] if kind == "image"
                      else ["--build", name])
            dot = locked_projects.run(minisolve, "graph", *chosen, "--format", "dot",
                                      "--project", project)
            drawn = subprocess.run(["dot", "-Tsvg"], input=dot, capture_output=True, text=True)
            label = f"{kind} {name} {variant}"
            if drawn.returncode != 0:
                failures.append(f"{label}: dot exited {drawn.returncode}: {drawn.stderr.strip()}")
                continue
            texts = {html.unescape(text) for text in re.findall(r"<text[^>]*>([^<]*)</text>",
                                                                drawn.stdout)}
            missing = [member for member in members if member not in texts]
            if missing:
                failures.append(f"{label}: the SVG lacks {', '.join(missing)}")
            if not members:
                failures.append(f"{label}: no members to draw")
            checked += 1
    return locked_projects.report(failures, checked, "graphs drawn")


if __name__ == "__main__":
    sys.exit(main())
