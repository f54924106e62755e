#!/usr/bin/env python3
"""Build ``geodata/person_names.csv``: common personal names, from the US Census lists in ``names``.

The registry package ``names`` (0.3.0) ships the 1990 US Census name frequency files
(``dist.all.last``, ``dist.male.first``, ``dist.female.first``: name, percent of people,
cumulative percent, rank). We keep surnames borne by at least SURNAME_PERCENT of people and
given names by at least GIVEN_PERCENT: names a reader takes for a person as readily as for a
place ("Lincoln", "Scott", "Madison"), which recognition then needs context to count as places.
Rare ones ("Gainesville", "Decatur", "Toyota") are left out.

Usage::

    pip install names==0.3.0
    python scripts/build_person_names.py          # writes geodata/person_names.csv
"""

from __future__ import annotations

import csv
import importlib.resources
import sys
from pathlib import Path

SURNAME_PERCENT = 0.005
GIVEN_PERCENT = 0.01
OUT = Path(__file__).resolve().parent.parent / "geodata" / "person_names.csv"


def read(name: str, threshold: float) -> set[str]:
    """Names of one Census file borne by at least ``threshold`` percent of people, title-cased."""
    text = importlib.resources.files("names").joinpath(name).read_text(encoding="ascii")
    out = set()
    for line in text.splitlines():
        parts = line.split()
        if len(parts) == 4 and float(parts[1]) >= threshold:
            out.add(parts[0].title())
    return out


def main() -> int:
    surnames = read("dist.all.last", SURNAME_PERCENT)
    given = read("dist.male.first", GIVEN_PERCENT) | read("dist.female.first", GIVEN_PERCENT)
    with OUT.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["name", "kind"])
        for name in sorted(surnames | given):
            kind = "both" if name in surnames and name in given else "surname" if name in surnames else "given"
            writer.writerow([name, kind])
    print(f"{OUT}: {len(surnames | given)} names ({len(surnames)} surnames, {len(given)} given names)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
