#!/usr/bin/env python3
"""Fetch, verify and vendor the browser assets that mapgen inlines into its maps.

The files under ``mapgen/render/vendor/`` are copies of files from exact versions of
upstream npm packages. ``mapgen/render/vendor/assets.lock.json`` records, for each
package, the version, the npm ``dist.integrity`` of its tarball (sha512, as published
by the registry) and the sha256 of every file taken from it.

Usage::

    python scripts/fetch_assets.py                 # fetch with `npm pack`, verify, vendor
    python scripts/fetch_assets.py --from DIR      # offline: use NAME-VERSION.tgz files in DIR
    python scripts/fetch_assets.py --check         # verify vendored files against the lock only

``npm pack`` uses whatever registry npm is configured with (a mirror works too); the
tarball is rejected unless its sha512 matches the integrity pinned in the lock file, so a
rebuild can only reproduce the reviewed bytes. To change a version, edit the lock's
``version`` and ``integrity`` (from ``npm view NAME@VERSION dist.integrity``) and run
this script with ``--update``.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ASSETS = Path(__file__).resolve().parent.parent / "mapgen" / "render" / "vendor"
LOCK = ASSETS / "assets.lock.json"


def sri_sha512(data: bytes) -> str:
    return "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def tarball(name: str, version: str, source: Path | None, workdir: Path) -> bytes:
    filename = f"{name.replace('@', '').replace('/', '-')}-{version}.tgz"
    if source is not None:
        path = source / filename
        if not path.is_file():
            sys.exit(f"fetch_assets: {path} not found (put the npm tarball of {name}@{version} there)")
        return path.read_bytes()
    try:
        subprocess.run(
            ["npm", "pack", f"{name}@{version}", "--pack-destination", str(workdir), "--silent"],
            check=True,
            capture_output=True,
        )
    except FileNotFoundError:
        sys.exit("fetch_assets: npm is not installed; install Node.js or use --from DIR with the tarballs")
    except subprocess.CalledProcessError as err:
        sys.exit(f"fetch_assets: npm pack {name}@{version} failed: {err.stderr.decode().strip()}")
    return (workdir / filename).read_bytes()


def check_vendored(lock: dict) -> list[str]:
    problems = []
    for pkg in lock["packages"]:
        for member, digest in pkg["files"].items():
            path = ASSETS / pkg["name"] / member
            if not path.is_file():
                problems.append(f"missing {path}")
            elif sha256(path.read_bytes()) != digest:
                problems.append(f"{path} differs from {pkg['name']}@{pkg['version']}")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--from", dest="source", type=Path, help="folder with NAME-VERSION.tgz tarballs")
    parser.add_argument("--check", action="store_true", help="only verify the vendored files")
    parser.add_argument("--update", action="store_true", help="record new file hashes in the lock")
    args = parser.parse_args()
    lock = json.loads(LOCK.read_text())
    if args.check:
        problems = check_vendored(lock)
        for line in problems:
            print(line, file=sys.stderr)
        print("assets ok" if not problems else f"{len(problems)} asset problem(s)")
        return 1 if problems else 0
    with tempfile.TemporaryDirectory() as tmp:
        for pkg in lock["packages"]:
            data = tarball(pkg["name"], pkg["version"], args.source, Path(tmp))
            got = sri_sha512(data)
            if got != pkg["integrity"]:
                sys.exit(f"fetch_assets: {pkg['name']}@{pkg['version']} integrity mismatch: got {got}")
            target = ASSETS / pkg["name"]
            with tarfile.open(fileobj=__import__("io").BytesIO(data), mode="r:gz") as tar:
                for member in pkg["files"]:
                    content = tar.extractfile(f"package/{member}")
                    if content is None:
                        sys.exit(f"fetch_assets: {member} not in {pkg['name']}@{pkg['version']}")
                    blob = content.read()
                    if not args.update and sha256(blob) != pkg["files"][member]:
                        sys.exit(f"fetch_assets: {member} of {pkg['name']} does not match the lock")
                    pkg["files"][member] = sha256(blob)
                    out = target / member
                    out.parent.mkdir(parents=True, exist_ok=True)
                    out.write_bytes(blob)
            print(f"{pkg['name']}@{pkg['version']}: {len(pkg['files'])} file(s) verified and vendored")
    if args.update:
        LOCK.write_text(json.dumps(lock, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
