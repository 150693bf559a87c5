#!/usr/bin/env python3
"""Writes a synthetic Debian Packages file shaped like a real one, at any size.

The shape is drawn from a real Packages file (the statistics are measured when the script
runs, not written down): how many versions a name has, how many Depends groups a package has
and how many alternatives a group has, how often a package has Provides, Conflicts or Breaks,
how often a dependency carries a version bound, and how popular dependency targets are
(a few names, like libc6, are needed by almost everything). Targets are drawn from the
packages before the dependent one in a random order (plus a few forward edges), so that
most of the universe is installable and some cycles exist, as in Debian. Deterministic for a
seed. Usage: synthetic_universe.py --like Packages.xz --count N --out FILE [--seed S]
"""

import argparse
import bisect
import lzma
import random
import re
import sys


def main():
    options = parse_options()
    shape = measure(options.like)
    write(shape, options.count, options.out, options.seed)
    return 0


def parse_options():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--like", required=True, help="a real Packages file (.xz or plain)")
    parser.add_argument("--count", required=True, type=int, help="packages to write")
    parser.add_argument("--out", required=True)
    parser.add_argument("--seed", type=int, default=1)
    return parser.parse_args()


def stanzas(path):
    opener = lzma.open if path.endswith(".xz") else open
    with opener(path, "rt", encoding="utf-8", errors="replace") as file:
        fields = {}
        key = None
        for line in file:
            if line == "\n":
                if fields:
                    yield fields
                fields, key = {}, None
            elif line[0] in " \t" and key:
                fields[key] += " " + line.strip()
            elif ":" in line:
                key, value = line.split(":", 1)
                fields[key] = value.strip()
        if fields:
            yield fields


def measure(path):
    """Empirical distributions of the real file, as lists to sample from."""
    versions = {}
    groups, alternatives, bounded = [], [], []
    provides = conflicts = breaks = total = 0
    popularity = {}
    for fields in stanzas(path):
        total += 1
        name = fields.get("Package", "")
        versions[name] = versions.get(name, 0) + 1
        depends = [g for g in fields.get("Depends", "").split(",") if g.strip()]
        groups.append(len(depends))
        for group in depends:
            options = group.split("|")
            alternatives.append(len(options))
            for option in options:
                bounded.append(1 if "(" in option else 0)
                target = re.split(r"[\s(:]", option.strip(), maxsplit=1)[0]
                popularity[target] = popularity.get(target, 0) + 1
        provides += "Provides" in fields
        conflicts += "Conflicts" in fields
        breaks += "Breaks" in fields
    counts = sorted(popularity.values(), reverse=True)
    return {
        "versions": list(versions.values()),
        "groups": groups,
        "alternatives": alternatives,
        "bounded": sum(bounded) / max(len(bounded), 1),
        "provides": provides / total,
        "conflicts": conflicts / total,
        "breaks": breaks / total,
        # How the dependency edges spread over targets, by rank: a cumulative weight table.
        "rank_weights": counts,
    }


def write(shape, count, out, seed):
    random.seed(seed)
    names = []
    # Names with one or more versions, as in the real file, until `count` packages.
    total = 0
    while total < count:
        versions = random.choice(shape["versions"])
        names.append((f"p{len(names)}", versions))
        total += versions
    order = list(range(len(names)))
    random.shuffle(order)
    # Popular names come early in dependency order, so that most targets can be installed.
    weights = shape["rank_weights"][: len(names)] or [1]
    cumulative = []
    running = 0
    for weight in weights:
        running += weight
        cumulative.append(running)

    def target(before):
        """A name drawn by popularity among the first `before` names in dependency order."""
        limit = cumulative[min(before, len(cumulative)) - 1]
        rank = bisect.bisect_left(cumulative, random.random() * limit)
        return names[order[rank]][0]

    written = 0
    virtual = 0
    with open(out, "w") as file:
        for position, index in enumerate(order):
            name, version_count = names[index]
            for version in range(1, version_count + 1):
                if written == count:
                    break
                lines = [f"Package: {name}", f"Version: {version}.0-1", "Architecture: amd64"]
                depends = []
                used = {name}
                if position > 0:
                    for _ in range(random.choice(shape["groups"])):
                        alternatives = []
                        for _ in range(random.choice(shape["alternatives"])):
                            # A few edges go forward, making cycles as Debian has.
                            reach = position if random.random() > 0.01 else len(names)
                            option = target(max(reach, 1))
                            if option != name and random.random() < shape["bounded"]:
                                # Almost always a bound the target meets; rarely one it
                                # cannot, so that a few packages are broken, as in Debian.
                                floor = 9 if random.random() < 0.0001 else 1
                                option += f" (>= {floor}.0)"
                            if option.split(" ")[0] not in used:
                                used.add(option.split(" ")[0])
                                alternatives.append(option)
                        if alternatives:
                            depends.append(" | ".join(alternatives))
                if depends:
                    lines.append("Depends: " + ", ".join(depends))
                if random.random() < shape["provides"]:
                    virtual += 1
                    lines.append(f"Provides: v{virtual % max(len(names) // 20, 1)}")
                if position > 0 and random.random() < shape["conflicts"]:
                    # With a name few packages need, as a conflict between alternatives is.
                    other = names[order[random.randrange(len(names) // 2, len(names))]][0]
                    if other != name:
                        lines.append(f"Conflicts: {other}")
                if position > 0 and random.random() < shape["breaks"]:
                    lines.append(f"Breaks: {target(position)} (<< 1.0)")
                file.write("\n".join(lines) + "\n\n")
                written += 1
    print(f"synthetic_universe: wrote {written} packages ({len(names)} names) to {out}",
          file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
