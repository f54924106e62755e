"""Build the layered map of an events table."""

from __future__ import annotations

import functools
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mapgen._atomic import write_text
from mapgen.errors import InputError
from mapgen.render.elements import Assets, Call, EventLayer
from mapgen.render.features import layer_specs
from mapgen.schema import CRS

if TYPE_CHECKING:
    import folium
    import geopandas as gpd

DEFAULT_TILES = "OpenStreetMap.Mapnik"
OUTLIER_FACTOR = 3.0


def _tile_provider(name: str) -> Any:
    import xyzservices

    try:
        return xyzservices.providers.query_name(name)
    except ValueError:
        raise InputError(f"unknown tiles {name!r}: use an xyzservices name such as "
                         f"{DEFAULT_TILES}, OpenTopoMap, Esri.WorldImagery, or 'none'") from None


def build_map(
    events: gpd.GeoDataFrame,
    *,
    title: str | None = None,
    subtitle: str | None = None,
    tiles: str | None = DEFAULT_TILES,
    cdn: bool = False,
    unplaced: list[dict[str, str]] | None = None,
) -> folium.Map:
    """A folium map of ``events``: one toggleable overlay per category, a legend, popups.

    The page is self-contained (Leaflet inlined) unless ``cdn`` is true. ``tiles`` is an
    xyzservices provider name, or ``None``/``"none"`` for no basemap. ``unplaced``
    defaults to :func:`mapgen.unplaced` of ``events`` and is listed in a panel.

    >>> from mapgen import read_events
    >>> m = build_map(read_events("examples/georgia-2008/events.csv"), title="Georgia, August 2008")
    >>> sorted(layer.category for layer in m._children.values() if hasattr(layer, "category"))[:3]
    ['civilian_violence', 'clash', 'displacement']
    """
    import folium

    from mapgen.io import unplaced as find_unplaced

    if events.crs is not None and events.crs != CRS:
        events = events.to_crs(CRS)
    specs = layer_specs(events, radius_of=region_radius)
    m = folium.Map(location=[0, 0], zoom_start=2, tiles=None, control_scale=True, prefer_canvas=False)
    # folium's class-level asset lists point at CDNs; this map brings its own.
    m.default_js = []
    m.default_css = []
    if tiles and tiles.lower() != "none":
        folium.TileLayer(_tile_provider(tiles), control=False).add_to(m)
    Assets(cdn=cdn).add_to(m)
    for spec in specs:
        EventLayer(spec).add_to(m)
    folium.LayerControl(position="topright", collapsed=False).add_to(m)
    counts = Counter({spec["category"]: len(spec["features"]) for spec in specs})
    notes = []
    if counts["troop_movement"] or counts["displacement"]:
        notes.append("Arrows run from origin to destination; displacement arrows widen with the number "
                      "of people.")
    if any(f["kind"] == "area" for spec in specs for f in spec["features"]):
        notes.append("Dashed circles: events known only at region or country level.")
    if any(f.get("precision") == 2 for spec in specs for f in spec["features"]):
        notes.append("Dashed ring around an icon: near the place named.")
    if notes:  # the layer control already shows each layer's icon, name and count
        Call("legend", {"heading": "How to read this map", "notes": notes}).add_to(m)
    if title:
        Call("title", {"title": title, "subtitle": subtitle}).add_to(m)
    missing = find_unplaced(events) if unplaced is None else unplaced
    if missing:
        items = [f"{u['name'] or '(no name)'}: {u['reason']} [{u['event_id']}, {u['role']}]" for u in missing]
        events_count = len({u["event_id"] for u in missing})
        Call("unplaced", {"heading": f"{events_count} event(s) could not be placed", "items": items}).add_to(m)
    bounds = focus_bounds(events)
    if bounds is not None:
        m.fit_bounds(bounds, padding=(30, 30))
    _deterministic_ids(m)
    return m


def focus_bounds(events: gpd.GeoDataFrame) -> list[list[float]] | None:
    """[[south, west], [north, east]] around where the events are.

    With ten or more points, far outliers (farther from the median point than
    ``OUTLIER_FACTOR`` times the distance of three points in four: a statement made in a
    far capital, a unit flown in from abroad) are left outside the first view; they stay
    on the map, one zoom away.
    """
    import numpy as np
    import shapely

    placed = events.geometry[events.geometry.notna() & ~events.geometry.is_empty]
    if placed.empty:
        return None
    xy = shapely.get_coordinates(placed.values)
    if len(xy) >= 10:
        centre = np.median(xy, axis=0)
        distance = np.hypot(*(xy - centre).T)
        keep = distance <= max(OUTLIER_FACTOR * np.quantile(distance, 0.75), 0.5)
        xy = xy[keep]
    (west, south), (east, north) = xy.min(axis=0), xy.max(axis=0)
    if east - west < 0.2 and north - south < 0.2:
        west, south, east, north = west - 0.1, south - 0.1, east + 0.1, north + 0.1
    return [[round(float(south), 6), round(float(west), 6)], [round(float(north), 6), round(float(east), 6)]]


@functools.cache
def region_radius(location: str, country: str | None) -> float | None:
    """Radius in metres of a circle as large as the named region or country (offline gazetteer)."""
    from mapgen.geocode import geocode

    place = geocode(location, country=country) or geocode(location)
    return place.radius_km * 1000 if place is not None and place.radius_km else None


def _deterministic_ids(m: folium.Map) -> None:
    """Replace branca's random element ids by ids from the tree order: same input, same bytes."""
    root = m.get_root()
    number = 0
    stack: list[Any] = [root]
    while stack:
        element = stack.pop(0)
        element._id = f"{number:04d}"
        number += 1
        stack.extend(element._children.values())
        for part in ("header", "html", "script"):
            child = getattr(element, part, None)
            if child is not None and hasattr(child, "_children") and child is not element:
                stack.append(child)


def render_html(m: folium.Map) -> str:
    """The whole page of a map as a string."""
    return m.get_root().render()


def save_map(m: folium.Map, path: str | Path) -> Path:
    """Write the map's page to ``path`` atomically (an old file is replaced only when done)."""
    return write_text(path, render_html(m))
