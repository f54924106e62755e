"""mapgen: turn reports of armed conflict into accurate, layered, publishable maps.

The pipeline, each stage usable alone::

    events = mapgen.read_events("events.csv")        # read (geocoding names offline)
    places = mapgen.geoparse("Jets bombed Kareli.")  # geoparse free text
    events = mapgen.extract_events(text, published="2008-08-08")  # extract events from an article
    m = mapgen.build_map(events, title="...")        # render
    mapgen.save_map(m, "output/map.html")            # one self-contained page

Heavy libraries (pandas, geopandas, folium) load on first use, not on import.
"""

from __future__ import annotations

import importlib
from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING, Any

from mapgen.errors import GeocoderError, InputError, MapgenError, OutputError, UnknownFormatError

try:
    __version__ = version("mapgen")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0"

__all__ = [
    "CATEGORIES", "COLUMNS", "GeocoderError", "InputError", "MapgenError", "OutputError", "Place",
    "Toponym", "UnknownFormatError", "__version__", "build_map", "extract_articles", "extract_events", "geocode",
    "geoparse", "load_gazetteer",
    "merge_events", "read_events", "render_html", "save_map", "unplaced", "write_events",
]

_LAZY = {
    "read_events": "mapgen.io", "write_events": "mapgen.io", "unplaced": "mapgen.io",
    "build_map": "mapgen.render", "save_map": "mapgen.render", "render_html": "mapgen.render",
    "geocode": "mapgen.geocode", "Place": "mapgen.geocode", "load_gazetteer": "mapgen.geocode",
    "geoparse": "mapgen.geoparse", "Toponym": "mapgen.geoparse",
    "extract_events": "mapgen.extract", "extract_articles": "mapgen.extract", "merge_events": "mapgen.extract",
    "CATEGORIES": "mapgen.schema", "COLUMNS": "mapgen.schema",
}

if TYPE_CHECKING:
    from mapgen.extract import extract_articles, extract_events, merge_events
    from mapgen.geocode import Place, geocode, load_gazetteer
    from mapgen.geoparse import Toponym, geoparse
    from mapgen.io import read_events, unplaced, write_events
    from mapgen.render import build_map, render_html, save_map
    from mapgen.schema import CATEGORIES, COLUMNS


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'mapgen' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
