"""Access to data shipped with mapgen: curated ``geodata/`` and the map assets.

In an installed mapgen, ``geodata/`` is the subpackage ``mapgen.geodata``; in a source
checkout it is the top-level ``geodata/`` folder beside the package.
"""

from __future__ import annotations

import csv
import importlib.resources
from importlib.abc import Traversable
from pathlib import Path


def geodata() -> Traversable:
    """The folder of curated geodata files."""
    try:
        return importlib.resources.files("mapgen.geodata")
    except ModuleNotFoundError:
        return Path(__file__).resolve().parent.parent / "geodata"


def geodata_csv(name: str) -> list[dict[str, str]]:
    """The rows of a curated CSV file of ``geodata/``, as dicts."""
    with geodata().joinpath(name).open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def assets() -> Traversable:
    """The folder of vendored browser assets (see ``vendor/assets.lock.json``)."""
    return importlib.resources.files("mapgen.render").joinpath("vendor")
