"""The assembler section of docs/BENCHMARKS.md, from bench/assemble.py's JSON."""

import json

from debian_report import cell, megabytes, plural

TITLE = "## Assembling an image: minisolve assemble beside umoci unpack"


def section(path):
    with open(path) as file:
        result = json.load(file)
    rows = {row["name"]: row for row in result["commands"]}
    lines = [TITLE, "",
             f"- Measured {result['date']}: {plural(result['runs'], 'run')} of each, "
             + "alternating. examples/debian-nginx is locked against this machine's apt lists "
             + f"({result['packages']} packages) and the locked `.deb` files "
             + f"({result['deb_bytes'] / 1024 / 1024:.1f} MB) fetched with `apt-get download` "
             + "before timing. `minisolve assemble` writes the prod variant (checksums checked, "
             + "data members decompressed, one gzip layer written); `umoci unpack` unpacks "
             + "that layout.",
             f"- Load average before: {result['load_before']}, after: {result['load_after']}.",
             f"- {result['runs_checked']} checks, {len(result['failures'])} failed (exit "
             + "statuses; every assembly has the same manifest digest).",
             "",
             "| command | runs | median s | min s | max s | peak MB |",
             "|---|---:|---:|---:|---:|---:|"]
    for name in ("minisolve-assemble", "umoci-unpack"):
        row = rows[name]
        lines.append(f"| `{name}`: `{cell(row['command'])}` | {row['runs']} | "
                     + f"{row['median']:.3f} | {row['min']:.3f} | {row['max']:.3f} | "
                     + f"{megabytes(row):.1f} |")
    ratio = rows["minisolve-assemble"]["median"] / rows["umoci-unpack"]["median"]
    return lines + ["", f"Assembling takes {ratio:.1f}x the time umoci takes to unpack the "
                    + "result.", ""]


def skipped(reason):
    return [TITLE, "", f"Not measured: {reason}.", ""]
