"""Turn events into the plain data the map runtime draws: one spec per category layer.

All formatting happens here, in Python, so it is testable; the browser only puts
the strings into the page as text.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from mapgen.render.styles import STYLES
from mapgen.schema import CATEGORIES, is_missing

if TYPE_CHECKING:
    import geopandas as gpd

RadiusLookup = Callable[[str, str | None], float | None]

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")

#: Radius drawn around a region- or country-level event whose extent is unknown (metres).
REGION_RADIUS_M = 30_000
#: Largest area circle drawn (metres): beyond this a circle says nothing about where.
MAX_RADIUS_M = 1_000_000


def _text(value: Any) -> str | None:
    if is_missing(value):
        return None
    text = str(value).strip()
    return text or None


def _count(value: Any) -> int | None:
    text = _text(value)
    return None if text is None else int(float(text))


def format_date(date: str | None, time: str | None = None, precision: str | None = None) -> str | None:
    """A reader's form of an ISO date.

    >>> format_date("2008-08-09", "23:35", "minute")
    '9 August 2008, 23:35'
    >>> format_date("2008-08-01", None, "month")
    'August 2008'
    """
    if not date:
        return None
    year, month, day = (int(part) for part in date.split("-"))
    if precision == "year":
        return str(year)
    if precision == "month":
        return f"{MONTHS[month - 1]} {year}"
    text = f"{day} {MONTHS[month - 1]} {year}"
    if precision == "week":
        text = f"week of {text}"
    return f"{text}, {time}" if time else text


def flow_weight(category: str, people: int | None) -> float:
    """Line width in pixels: displacement grows with the number of people.

    >>> flow_weight("displacement", 35000), flow_weight("displacement", None)
    (9.4, 3.0)
    """
    if category != "displacement" or not people or people < 100:
        return 3.0 if category == "displacement" else 4.0
    return round(min(16.0, 3.0 + 2.5 * math.log10(people / 100)), 1)


def _place_label(location: str | None, precision: int | None) -> str | None:
    if not location:
        return None
    if precision == 2:
        return f"near {location}"
    if precision == 3:
        return f"{location} (region-level)"
    return location


def event_spec(row: dict[str, Any], geometry: Any, radius_of: RadiusLookup | None = None) -> dict[str, Any] | None:
    """The drawable form of one event, or None when it has no geometry.

    ``radius_of(location, country)`` gives the radius in metres of a region or country
    (for events known only at that level), or None when unknown.
    """
    if geometry is None or geometry.is_empty:
        return None
    category = row["category"]
    precision = _count(row["geo_precision"])
    location = _text(row["location"])
    kind_label = _text(row["sub_event_type"]) or _text(row["event_type"]) or STYLES[category].label
    what = ", ".join(filter(None, [kind_label, location]))
    date = format_date(_text(row["event_date"]), _text(row["time"]), _text(row["time_precision"]))
    displaced, people = _count(row["displaced"]), _count(row["people"])

    rows: list[list[str]] = []
    add = rows.append
    if date:
        add(["Date", date])
    if geometry.geom_type == "LineString":
        add(["From", _text(row["origin"]) or "origin"])
        add(["To", _text(row["destination"]) or location or "destination"])
    elif location:
        add(["Place", _place_label(location, precision) or location])
    types = " / ".join(filter(None, [_text(row["event_type"]), _text(row["sub_event_type"])]))
    if types:
        add(["Type", types])
    for column, label in (("fatalities", "Fatalities"), ("injured", "Injured"), ("displaced", "Displaced"),
                          ("people", "People")):
        value = _count(row[column])
        if value is not None:
            add([label, f"{value:,}"])
    if text := _text(row["amounts"]):  # "displaced: thousands": as the text says, never as a number
        add(["Amounts", text])
    for column, label in (("actor1", "Actor"), ("actor2", "Against / with")):
        if text := _text(row[column]):
            add([label, text])
    if text := _text(row["claimed_by"]):
        add(["Claimed by", text])
    if text := _text(row["denied_by"]):
        add(["Denied by", text, "mapgen-disputed"])
    if row["disputed"] is True:
        add(["Disputed", "yes", "mapgen-disputed"])
    if text := _text(row["source"]):
        add(["Source", text])
    if not is_missing(confidence := row["confidence"]):
        add(["Confidence", f"{float(confidence):.2f}"])

    spec: dict[str, Any] = {
        "id": str(row["event_id"]), "title": what, "rows": rows, "quote": _text(row["quote"]),
        "tooltip": f"{what} ({date})" if date else what, "precision": precision or 1,
        "date": _text(row["event_date"]),
    }
    if geometry.geom_type == "LineString":
        spec["kind"] = "flow"
        spec["path"] = [[round(y, 6), round(x, 6)] for x, y in geometry.coords]
        spec["weight"] = flow_weight(category, displaced or people)
    else:
        spec["kind"] = "area" if precision == 3 else "pin"
        spec["lat"], spec["lon"] = round(geometry.y, 6), round(geometry.x, 6)
        if precision == 3:
            radius = radius_of(location, _text(row["country"])) if radius_of and location else None
            spec["radius"] = round(min(radius or REGION_RADIUS_M, MAX_RADIUS_M))
    return spec


def layer_specs(events: gpd.GeoDataFrame, radius_of: RadiusLookup | None = None) -> list[dict[str, Any]]:
    """One spec per category present (in the schema's order), with its drawable events."""
    columns = [c for c in events.columns if c != "geometry"]
    specs = []
    for category in CATEGORIES:
        subset = events[events["category"] == category]
        if subset.empty:
            continue
        style = STYLES[category]
        features = []
        for raw, geometry in zip(subset[columns].to_dict("records"), subset.geometry, strict=True):
            spec = event_spec({k: (None if is_missing(v) else v) for k, v in raw.items()}, geometry, radius_of)
            if spec is not None:
                features.append(spec)
        if features:
            specs.append({"category": category, "label": style.label, "color": style.color,
                          "icon": style.svg(), "features": features})
    return specs
