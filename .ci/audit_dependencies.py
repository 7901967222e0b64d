"""Known vulnerabilities in the pinned dependencies, from PyPI's JSON API (the data pip-audit uses).

pip-audit asks PyPI per version (/pypi/<name>/<version>/json); the package index this machine reaches serves
only the project endpoint (/pypi/<name>/json), whose `vulnerabilities` list covers the project's latest release.
So: every installed distribution that is at its latest release is checked for real; one that is not is listed
as unverified (a newer release exists: upgrade the pin, or check it by hand). Exit 1 on any known vulnerability.
Network trouble is reported and does not fail the run.
"""

import json
import sys
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from importlib import metadata

INDEX = "https://pypi.org/pypi/{name}/json"
OWN = {"kam-hiring"}


def installed() -> dict[str, str]:
    found = {}
    for dist in metadata.distributions():
        name = (dist.metadata["Name"] or "").lower()
        if name and name not in OWN and name not in ("pip", "setuptools", "wheel"):
            found[name] = dist.version
    return found


def project(name: str) -> dict | None:
    try:
        with urllib.request.urlopen(INDEX.format(name=name), timeout=20) as response:
            return json.load(response)
    except (urllib.error.URLError, TimeoutError, json.JSONDecodeError):
        return None


def main() -> int:
    packages = installed()
    with ThreadPoolExecutor(max_workers=8) as pool:
        answers = dict(zip(packages, pool.map(project, packages), strict=True))
    vulnerable, unverified, unreachable = [], [], []
    for name, version in sorted(packages.items()):
        answer = answers[name]
        if answer is None:
            unreachable.append(name)
        elif answer["info"]["version"] != version:
            unverified.append(f"{name} {version} (latest {answer['info']['version']})")
        else:
            for vulnerability in answer.get("vulnerabilities") or []:
                vulnerable.append(
                    f"{name} {version}: {vulnerability.get('id')} {vulnerability.get('summary') or ''}"
                )
    checked = len(packages) - len(unverified) - len(unreachable)
    print(
        f"dependency audit: {checked} of {len(packages)} installed distributions checked against PyPI's advisories"
    )
    for line in unverified:
        print(f"  unverified, not the latest release: {line}")
    if unreachable:
        print(f"  not reachable now: {', '.join(unreachable)}")
    for line in vulnerable:
        print(f"  VULNERABLE: {line}")
    print("known vulnerabilities: " + (str(len(vulnerable)) if vulnerable else "none"))
    return 1 if vulnerable else 0


if __name__ == "__main__":
    sys.exit(main())
