"""The Debian solving section of docs/BENCHMARKS.md, from bench/debian_solve.py's JSON."""

import json
import os

from debian_report import cell, megabytes, plural, verdict

CHECK_TARGET = 1.0  # minisolve check at most this many times installcheck's median wall time
BUILD_TARGET = 0.1  # minisolve check --build at most this many times dose-builddebcheck's
CLOSURE_TARGET_MS = 60.0  # minisolve closure nginx's median wall time, the whole process
ASPCUD_TARGET = 10.0  # minisolve closure --optimal at least this many times faster than aspcud
PEAK_TARGET_MB = 500.0
TITLE = ("## Solving over Debian bookworm main (amd64): minisolve against libsolv, dose, apt "
         + "and aspcud")
CHECK_ROWS = ["minisolve-check", "installcheck", "dose-debcheck"]
BUILD_ROWS = ["minisolve-check-build", "dose-builddebcheck"]
CLOSURE_TOOLS = ["minisolve-closure", "apt-get", "testsolv", "apt-get-nocache"]
OPTIMAL_TOOLS = ["minisolve-optimal", "aspcud"]
SIZE_COLUMNS = ["minisolve-closure", "apt-get", "testsolv", "minisolve-optimal", "aspcud"]


def section(path):
    """The section's lines, measured from the JSON at path."""
    with open(path) as file:
        result = json.load(file)
    rows = {command["name"]: command for command in result["commands"]}
    roots = result["roots"]
    lines = [TITLE, ""] + setup(result)
    lines += table("Installability of every package", rows, CHECK_ROWS, "minisolve-check",
                   "uninstallable", result["uninstallable"])
    if "minisolve-check-build" in rows:
        lines += table("Build-installability of every source package", rows, BUILD_ROWS,
                       "minisolve-check-build", "unbuildable", result["unbuildable"])
    else:
        lines += ["### Build-installability of every source package", "",
                  "Not measured: bench/run found no Sources file in the corpus.", ""]
    lines += root_table(
        "Closures of five roots into an empty system, without Recommends", rows, roots,
        CLOSURE_TOOLS, "minisolve-closure", result["closures"])
    lines += sizes(result)
    lines += root_table(
        "Smallest closures: minisolve --optimal against aspcud (criterion "
        + f"`{result['cudf']['criterion']}`)", rows, roots, OPTIMAL_TOOLS, "minisolve-optimal",
        result["closures"])
    return lines + targets(rows, roots, result)


def skipped(reason):
    """The section's lines when the benchmark did not run."""
    return [TITLE, "", f"Not measured: {reason}.", ""]


def setup(result):
    versions = result["versions"]
    work = result["work"]
    sources = result.get("sources_file")
    cudf = result["cudf"]
    lines = [
        f"- Measured {result['date']}: {plural(result['runs'], 'repetition')} after "
        + f"{plural(result['warmup'], 'warm-up repetition')}; `dose-debcheck` (about 20 s a "
        + "run) and `dose-builddebcheck` (about 55-80 s) run only in the first "
        + f"{plural(result['dose_runs'], 'repetition')} and not in the warm-up; `aspcud` runs "
        + f"in the warm-up and the first {plural(result['aspcud_runs'], 'repetition')}. "
        + "Within a repetition the commands of one comparison (one root, for the closures) run "
        + "back to back, their order rotated by one place each repetition, so a change of load "
        + "hits every side of a ratio.",
        f"- Load average before: {result['load_before']}, after: {result['load_after']}.",
        f"- Input: `{result['packages_file']}` "
        + f"({os.path.getsize(result['packages_file']) / 1024 / 1024:.1f} MB, "
        + f"{result['package_count']} packages)"
        + (f" and `{sources}` ({os.path.getsize(sources) / 1024 / 1024:.1f} MB)"
           if sources else "")
        + ". Before anything is timed they are decompressed once "
        + f"to `{work}/Packages` (read by installcheck, dose-debcheck, dose-builddebcheck and "
        + f"apt)" + (f" and `{work}/Sources`" if sources else "") + ", "
        + f"`deb2solv -r {work}/Packages > {work}/bookworm.solv` writes testsolv's input, "
        + f"`minisolve index --project {work}/project --repo FILE --index {work}/index.db` "
        + "builds minisolve's index"
        + (f" (and, with `--repo SOURCES` too, `{work}/index-build.db` for `check --build`)"
           if sources else "")
        + ", so every minisolve run is warm (the indexes' sizes and mtimes are compared after "
        + "the last run: not rewritten).",
        f"- aspcud's input: `{cudf['conversion']}` ({cudf['packages']} packages; dose-extra has "
        + "no `deb2cudf`, dose-ceve is its converter), then one document per root with "
        + "dose-ceve's empty closing `request:` stanza replaced by "
        + f"`{cudf['request']}`. dose-ceve names each package `NAME%3aamd64` and has it "
        + "provide `NAME`, so the request asks for the root by name. aspcud's solution lists "
        + "the packages installed; they are mapped back to Debian names and versions through "
        + "the document's `name:` and `number:` fields. Criterion "
        + f"`{cudf['criterion']}`: into an empty system nothing is removed, and every package "
        + "installed is changed, so it minimises the number of packages.",
        f"- libsolv-tools {versions['libsolv-tools']}, dose-distcheck "
        + f"{versions['dose-distcheck']}, dose-builddebcheck "
        + f"{versions.get('dose-builddebcheck', 'unknown')}, dose-extra "
        + f"{versions.get('dose-extra', 'unknown')}, aspcud {versions.get('aspcud', 'unknown')}, "
        + f"apt {versions['apt']} (Debian packages).",
        f"- {result['runs_checked']} checks, {len(result['failures'])} failed: every run, "
        + "warm-up included, exits 0 (or 1 for the checkers, which exit 1 when a package "
        + "is broken), gives the same answer as its tool's first run, each closure "
        + "installs its root, and each `--optimal` run says `\"optimal\": true`; then the "
        + "answers are compared. " + agreement(result),
        "- apt reads a private tree under `WORK/apt` and nothing of the system's sources, state "
        + "or cache: `sources.list` holds the one line `deb [trusted=yes] file:WORK/repo "
        + "bookworm main`, and the file apt would fetch for it (its name from `apt-get "
        + "indextargets`) is a symbolic link to `WORK/Packages` in `Dir::State::Lists`; "
        + "`apt-get update` is never run and nothing is fetched. `Dir::Etc::SourceList=/dev/null` "
        + "does not work: apt then reads no list file at all (\"Unable to locate package\"). "
        + "This machine's `/etc/apt/apt.conf.d/docker-clean` turns apt's binary cache off; "
        + "`apt-get` sets `Dir::Cache::pkgcache` back on in `WORK/apt/cache` (written by the "
        + "warm-up, the usual state of a Debian system), `apt-get-nocache` (nginx only) leaves "
        + "it off, so that apt parses the Packages file each run.",
        "- The testsolv case `case-closure-ROOT.t`: "
        + " / ".join(f"`{line}`" for line in result["testsolv_case"])
        + ". Without `solverflags ignorerecommended` testsolv installs Recommends too.",
        "- Wall time is measured around each run, CPU time (user+sys, the command and its "
        + "children) comes from `wait4`, peak is the largest `/usr/bin/time -f %M` of the runs, "
        + "in MB of 1024 x 1024 bytes. Every run goes through `/usr/bin/time`, on every side. "
        + "Each command below is as run, with WORK spelt out.",
        "",
    ]
    return lines


def agreement(result):
    """Sentences on whether the tools' lists agree."""
    text = ""
    for key, what, expected_key in (("uninstallable", "Uninstallable", "expected_file"),
                                    ("unbuildable", "Unbuildable", "expected_unbuildable_file")):
        lists = result.get(key) or {}
        if not lists:
            continue
        counts = ", ".join(f"{name} {len(found)}" for name, found in sorted(lists.items()))
        same = len({tuple(map(tuple, found)) for found in lists.values()}) == 1
        expected = "none in the corpus"
        if result.get(expected_key):
            expected = f"`{os.path.basename(result[expected_key])}`"
        text += (f"{what} packages (name, version): {counts}; the lists are "
                 + ("equal" if same else "**not equal**")
                 + f" to each other; the expected list is {expected}. ")
    return text + "The closures are compared below."


def listed(packages):
    return ", ".join(f"`{name} {version}`" for name, version in sorted(packages)) or "nothing"


def row_cells(row, subject):
    wall = subject["median"] / row["median"]
    cpu = subject["cpu_median"] / row["cpu_median"]
    return (f"{row['runs']} | {row['median']:.3f} | {row['min']:.3f} | {row['max']:.3f} | "
            + f"{row['cpu_median']:.3f} | {megabytes(row):.1f}", f"{wall:.2f}x | {cpu:.2f}x")


def table(title, rows, names, subject, counted, answers):
    """One table; the ratio columns are minisolve's time over each row's."""
    lines = [
        f"### {title}",
        "",
        f"| command | runs | median s | min s | max s | user+sys s (median) | peak MB | {counted} "
        + "| minisolve / this, wall | minisolve / this, CPU |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name in names:
        timing, ratios = row_cells(rows[name], rows[subject])
        lines.append(f"| `{name}`: `{cell(rows[name]['command'])}` | {timing} | "
                     + f"{len(answers.get(name, []))} | {ratios} |")
    return lines + [""]


def root_table(title, rows, roots, tools, subject, closures):
    """One row per root and tool; the full commands follow for the first root."""
    lines = [
        f"### {title}",
        "",
        "| root | tool | runs | median s | min s | max s | user+sys s (median) | peak MB "
        + "| installs | minisolve / this, wall | minisolve / this, CPU |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for root in roots:
        for tool in tools:
            name = f"{tool}:{root}"
            if name not in rows:
                continue
            timing, ratios = row_cells(rows[name], rows[f"{subject}:{root}"])
            installs = len(closures[root].get(tool, []))
            lines.append(f"| {root} | `{tool}` | {timing} | {installs} | {ratios} |")
    first = roots[0]
    lines += ["", f"The commands for {first}; for another root only the root and the case or "
              + "CUDF file named after it change:", ""]
    for tool in tools:
        name = f"{tool}:{first}"
        if name in rows:
            lines.append(f"- `{tool}`: `{rows[name]['command']}`")
    return lines + [""]


def sizes(result):
    """The answers' sizes side by side, with the corpus README's optimum."""
    optima = result.get("readme_optima", {})
    lines = [
        "### Closure sizes side by side",
        "",
        "| root | " + " | ".join(f"`{tool}`" for tool in SIZE_COLUMNS)
        + " | corpus README (aspcud optimum) | minisolve --optimal against aspcud |",
        "|---|" + "---:|" * len(SIZE_COLUMNS) + "---:|---|",
    ]
    for root in result["roots"]:
        closures = {tool: {tuple(member) for member in members}
                    for tool, members in result["closures"][root].items()}
        counts = " | ".join(str(len(closures.get(tool, ()))) for tool in SIZE_COLUMNS)
        optimal, aspcud = closures.get("minisolve-optimal", set()), closures.get("aspcud", set())
        if optimal == aspcud:
            compared = "the same names and versions"
        else:
            compared = (f"aspcud adds {listed(aspcud - optimal)} and leaves out "
                        + f"{listed(optimal - aspcud)}")
        lines.append(f"| {root} | {counts} | {optima.get(root, '-')} | {compared} |")
    return lines + [""]


def factor_text(value, bound, smaller_is_better):
    """How far a ratio is from its bound, as a factor."""
    if smaller_is_better:
        if value <= bound:
            return f"{bound / value:.1f} times under the bound"
        return f"{value / bound:.2f} times over the bound"
    if value >= bound:
        return f"{value / bound:.1f} times past the bound"
    return f"short of the bound by a factor of {bound / value:.2f}"


def targets(rows, roots, result):
    check_ratio = rows["minisolve-check"]["median"] / rows["installcheck"]["median"]
    check_cpu = rows["minisolve-check"]["cpu_median"] / rows["installcheck"]["cpu_median"]
    nginx = "minisolve-closure:nginx"
    closure_ms = rows[nginx]["median"] * 1000

    def times(subject, tool, root):
        return rows[f"{subject}:{root}"]["median"] / rows[f"{tool}:{root}"]["median"]

    lines = [
        "Targets:",
        "",
        f"- Check (no slower than installcheck, median wall time): "
        + verdict(check_ratio <= CHECK_TARGET)
        + f", minisolve takes {check_ratio:.2f}x installcheck's median wall time "
        + f"({check_cpu:.2f}x its CPU time) and "
        + f"{rows['minisolve-check']['median'] / rows['dose-debcheck']['median']:.2f}x "
        + "dose-debcheck's.",
    ]
    if "minisolve-check-build" in rows:
        build = rows["minisolve-check-build"]["median"] / rows["dose-builddebcheck"]["median"]
        build_cpu = (rows["minisolve-check-build"]["cpu_median"]
                     / rows["dose-builddebcheck"]["cpu_median"])
        lines.append(
            f"- Build check (at most {BUILD_TARGET:g}x dose-builddebcheck's median wall time): "
            + verdict(build <= BUILD_TARGET)
            + f", {rows['minisolve-check-build']['median']:.3f} s against "
            + f"{rows['dose-builddebcheck']['median']:.3f} s, {build:.3f}x "
            + f"({build_cpu:.3f}x its CPU time; {factor_text(build, BUILD_TARGET, True)}).")
    closure_line = (
        f"- Closure of nginx (median at most {CLOSURE_TARGET_MS:g} ms, the whole process): "
        + verdict(closure_ms <= CLOSURE_TARGET_MS) + f", {closure_ms:.1f} ms "
        + f"({rows[nginx]['cpu_median'] * 1000:.1f} ms of CPU)")
    if closure_ms > CLOSURE_TARGET_MS:
        closure_line += (f", {closure_ms - CLOSURE_TARGET_MS:.1f} ms "
                         + f"({closure_ms / CLOSURE_TARGET_MS - 1:.0%}) over")
    lines.append(closure_line + "; the other roots: " + ", ".join(
        f"{root} {rows[f'minisolve-closure:{root}']['median'] * 1000:.1f} ms"
        for root in roots if root != "nginx") + ".")
    versus = {root: (times("minisolve-closure", "apt-get", root),
                     times("minisolve-closure", "testsolv", root)) for root in roots}
    faster = all(apt < 1 and testsolv < 1 for apt, testsolv in versus.values())
    lines.append(
        "- Closures faster than apt-get -s (with its binary cache) and testsolv, every root: "
        + verdict(faster) + ", minisolve's median over theirs: " + "; ".join(
            f"{root} {apt:.2f}x apt-get, {testsolv:.2f}x testsolv"
            for root, (apt, testsolv) in versus.items())
        + f" (nginx: {times('minisolve-closure', 'apt-get-nocache', 'nginx'):.2f}x apt-get "
        + "without its cache).")
    closures = result["closures"]
    sizes_equal = all(len(closures[root].get("minisolve-optimal", [])) ==
                      len(closures[root].get("aspcud", [None])) for root in roots)
    lines.append(
        "- Optimal sizes equal aspcud's: " + verdict(sizes_equal) + ", " + ", ".join(
            f"{root} {len(closures[root].get('minisolve-optimal', []))} against "
            + f"{len(closures[root].get('aspcud', []))}" for root in roots)
        + "; every `--optimal` run said `\"optimal\": true`"
        + ("" if not result["failures"] else " (see the failed checks)") + ".")
    speedups = {root: 1 / times("minisolve-optimal", "aspcud", root) for root in roots}
    slowest = min(speedups, key=speedups.get)
    lines.append(
        f"- Optimal closures at least {ASPCUD_TARGET:g}x faster than aspcud (median wall time, "
        + "every root): " + verdict(speedups[slowest] >= ASPCUD_TARGET) + ", aspcud's median "
        + "over minisolve's: " + ", ".join(f"{root} {speedup:.1f}x"
                                            for root, speedup in speedups.items())
        + f"; the least, {slowest}, is {factor_text(speedups[slowest], ASPCUD_TARGET, False)}.")
    minisolve = [name for name in rows if name.startswith("minisolve-")]
    peak_mb = max(megabytes(rows[name]) for name in minisolve)
    worst = max(minisolve, key=lambda name: megabytes(rows[name]))
    lines.append(
        f"- Memory (at most {PEAK_TARGET_MB:g} MB): " + verdict(peak_mb <= PEAK_TARGET_MB)
        + f", minisolve peaks at {peak_mb:.1f} MB (`{worst}`; installcheck "
        + f"{megabytes(rows['installcheck']):.1f}, dose-debcheck "
        + f"{megabytes(rows['dose-debcheck']):.1f}"
        + (f", dose-builddebcheck {megabytes(rows['dose-builddebcheck']):.1f}"
           if "dose-builddebcheck" in rows else "")
        + f", apt-get {max(megabytes(rows[f'apt-get:{root}']) for root in roots):.1f}, "
        + f"testsolv {max(megabytes(rows[f'testsolv:{root}']) for root in roots):.1f}, aspcud "
        + f"{max(megabytes(rows[f'aspcud:{root}']) for root in roots):.1f}).")
    return lines + [""]
