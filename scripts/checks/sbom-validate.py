"""Every SBOM minisolve writes for the example project and for a small Debian project passes
the real validators: pyspdxtools (spdx-tools) for SPDX 2.3 JSON and cyclonedx-python-lib's
strict JSON validator for CycloneDX 1.5; every purl reads back unchanged with
packageurl-python. The validators are first shown to reject a broken document of each kind,
so that a check that accepts everything cannot pass.
Usage: sbom-validate.py MINISOLVE"""
import copy
import json
import os
import subprocess
import sys
import tempfile

from cyclonedx.schema import SchemaVersion
from cyclonedx.validation.json import JsonStrictValidator
from packageurl import PackageURL

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import locked_projects  # noqa: E402

PYSPDXTOOLS = os.path.join(os.path.dirname(sys.executable), "pyspdxtools")
CYCLONEDX = JsonStrictValidator(SchemaVersion.V1_5)


def spdx_problems(document, work):
    path = os.path.join(work, "document.spdx.json")
    with open(path, "w") as handle:
        json.dump(document, handle)
    result = subprocess.run([PYSPDXTOOLS, "-i", path], capture_output=True, text=True)
    return None if result.returncode == 0 else (result.stdout + result.stderr).strip()


def cyclonedx_problems(document):
    error = CYCLONEDX.validate_str(json.dumps(document))
    return None if error is None else str(error)


def purls(document):
    if "bomFormat" in document:
        return [component["purl"] for component in document["components"]]
    return [ref["referenceLocator"] for package in document["packages"]
            for ref in package.get("externalRefs", []) if ref["referenceType"] == "purl"]


def main():
    minisolve = sys.argv[1]
    failures = []
    checked = 0
    with tempfile.TemporaryDirectory() as work:
        projects = [locked_projects.hello_project(minisolve, work),
                    locked_projects.debian_project(minisolve, work)]
        valid = {}
        for project in projects:
            for kind, image, variant, members in locked_projects.closures(project):
                if kind != "image":
                    continue
                for sbom_format in ["spdx-json", "cyclonedx-json"]:
                    for dated in [[], ["--timestamp"]]:
                        arguments = ["sbom", image, "--variant", variant, "--format", sbom_format,
                                     "--project", project, *dated]
                        text = locked_projects.run(minisolve, *arguments)
                        if not dated and text != locked_projects.run(minisolve, *arguments):
                            failures.append(f"{' '.join(arguments)}: two runs differ")
                        document = json.loads(text)
                        problems = (spdx_problems(document, work) if sbom_format == "spdx-json"
                                    else cyclonedx_problems(document))
                        label = f"{os.path.basename(project)} {image} {variant} {sbom_format}"
                        if problems:
                            failures.append(f"{label}: {problems}")
                        valid[sbom_format] = document
                        checked += 1
                        for purl in purls(document):
                            if PackageURL.from_string(purl).to_string() != purl:
                                failures.append(f"{label}: purl {purl} does not read back")
                        if sorted(purls(document)) and len(purls(document)) != len(members):
                            failures.append(f"{label}: {len(purls(document))} purls for "
                                            f"{len(members)} members")

        # The validators must reject a broken document, or this check proves nothing.
        broken_spdx = copy.deepcopy(valid["spdx-json"])
        del broken_spdx["packages"][1]["downloadLocation"]
        broken_spdx["relationships"][0]["relatedSpdxElement"] = "SPDXRef-Nothing"
        if spdx_problems(broken_spdx, work) is None:
            failures.append("pyspdxtools accepted an SPDX document with errors")
        broken_cyclonedx = copy.deepcopy(valid["cyclonedx-json"])
        broken_cyclonedx["serialNumber"] = "not-a-uuid"
        broken_cyclonedx["components"][0]["hashes"] = [{"alg": "SHA-256", "content": "xyz"}]
        if cyclonedx_problems(broken_cyclonedx) is None:
            failures.append("the CycloneDX validator accepted a document with errors")

    return locked_projects.report(failures, checked, "sbom documents")


if __name__ == "__main__":
    sys.exit(main())
