"""The event schema: one table, one row per event, shared by every stage of mapgen.

Columns are documented in the README ("Event schema"). Events travel as a
GeoDataFrame in EPSG:4326 whose columns are exactly :data:`COLUMNS`, in that order.

>>> empty_events().columns[:3].tolist()
['event_id', 'category', 'event_type']
"""

from __future__ import annotations

import hashlib
import json
import math
from typing import TYPE_CHECKING, Any, Final

if TYPE_CHECKING:
    import geopandas as gpd
    import pandas as pd

CRS: Final = "EPSG:4326"

#: Map layers. Every event belongs to exactly one.
CATEGORIES: Final[tuple[str, ...]] = (
    "strike",
    "clash",
    "troop_movement",
    "displacement",
    "civilian_violence",
    "protest",
    "political",
    "other",
)

#: Categories drawn as an arrow from origin to destination.
FLOW_CATEGORIES: Final = frozenset({"troop_movement", "displacement"})

TIME_PRECISIONS: Final = ("minute", "hour", "day", "week", "month", "year")

STRING_COLUMNS: Final = (
    "event_id", "category", "event_type", "sub_event_type", "event_date", "time", "time_precision",
    "location", "country", "admin1", "origin", "destination", "actor1", "actor2",
    "claimed_by", "denied_by", "source", "quote", "amounts",
)
FLOAT_COLUMNS: Final = (
    "latitude", "longitude", "origin_latitude", "origin_longitude",
    "destination_latitude", "destination_longitude", "confidence",
)
INT_COLUMNS: Final = ("geo_precision", "fatalities", "injured", "displaced", "people")
BOOL_COLUMNS: Final = ("disputed",)

#: Every column of the events table, in order.
COLUMNS: Final[tuple[str, ...]] = (
    "event_id", "category", "event_type", "sub_event_type", "event_date", "time", "time_precision",
    "location", "latitude", "longitude", "geo_precision", "country", "admin1",
    "origin", "origin_latitude", "origin_longitude",
    "destination", "destination_latitude", "destination_longitude",
    "actor1", "actor2", "fatalities", "injured", "displaced", "people", "amounts",
    "claimed_by", "denied_by", "disputed", "source", "quote", "confidence", "geometry",
)

#: The ACLED (event_type, sub_event_type) each category defaults to when a row gives none.
DEFAULT_ACLED_TYPE: Final[dict[str, tuple[str, str]]] = {
    "strike": ("Explosions/Remote violence", "Air/drone strike"),
    "clash": ("Battles", "Armed clash"),
    "troop_movement": ("Strategic developments", "Change to group/activity"),
    "displacement": ("Strategic developments", "Other"),
    "civilian_violence": ("Violence against civilians", "Attack"),
    "protest": ("Protests", "Peaceful protest"),
    "political": ("Strategic developments", "Other"),
    "other": ("Strategic developments", "Other"),
}

#: ACLED sub_event_type -> category, for rows that give ACLED types but no category.
ACLED_SUB_EVENT_CATEGORY: Final[dict[str, str]] = {
    "Air/drone strike": "strike",
    "Shelling/artillery/missile attack": "strike",
    "Remote explosive/landmine/IED": "strike",
    "Grenade": "strike",
    "Suicide bomb": "strike",
    "Chemical weapon": "strike",
    "Armed clash": "clash",
    "Government regains territory": "clash",
    "Non-state actor overtakes territory": "clash",
    "Attack": "civilian_violence",
    "Abduction/forced disappearance": "civilian_violence",
    "Sexual violence": "civilian_violence",
    "Peaceful protest": "protest",
    "Protest with intervention": "protest",
    "Excessive force against protesters": "protest",
    "Violent demonstration": "protest",
    "Mob violence": "protest",
    "Change to group/activity": "troop_movement",
    "Headquarters or base established": "troop_movement",
    "Agreement": "political",
    "Arrests": "political",
    "Non-violent transfer of territory": "political",
    "Disrupted weapons use": "other",
    "Looting/property destruction": "other",
    "Other": "other",
}

#: ACLED event_type -> category, used when the sub-type is unknown.
ACLED_EVENT_CATEGORY: Final[dict[str, str]] = {
    "Explosions/Remote violence": "strike",
    "Battles": "clash",
    "Violence against civilians": "civilian_violence",
    "Protests": "protest",
    "Riots": "protest",
    "Strategic developments": "political",
}


def category_for(event_type: str | None, sub_event_type: str | None) -> str:
    """The map layer for an ACLED type pair.

    >>> category_for("Explosions/Remote violence", "Air/drone strike")
    'strike'
    >>> category_for("Battles", None)
    'clash'
    """
    if sub_event_type and sub_event_type in ACLED_SUB_EVENT_CATEGORY:
        return ACLED_SUB_EVENT_CATEGORY[sub_event_type]
    if event_type and event_type in ACLED_EVENT_CATEGORY:
        return ACLED_EVENT_CATEGORY[event_type]
    return "other"


def event_id_for(row: dict[str, Any]) -> str:
    """A deterministic id for an event that has none: the same facts give the same id.

    >>> event_id_for({"category": "strike", "location": "Gori", "event_date": "2008-08-09"})
    'ev-e5981f7128f0'
    """
    keys = ("category", "event_type", "sub_event_type", "event_date", "time", "location", "latitude",
            "longitude", "origin", "destination", "actor1", "actor2", "source", "quote")
    facts = {k: _plain(row.get(k)) for k in keys}
    digest = hashlib.sha1(json.dumps(facts, sort_keys=True, ensure_ascii=False).encode()).hexdigest()
    return f"ev-{digest[:12]}"


def _plain(value: Any) -> Any:
    """A JSON-safe, NaN-free form of a cell, for hashing.

    Text, numbers and None, the usual cells, are read without pandas (its NA test is slow on scalars).

    >>> from datetime import date
    >>> [_plain(v) for v in (None, "Gori", 3, float("nan"), 0.12345678, date(2008, 8, 9))]
    [None, 'Gori', 3, None, 0.123457, '2008-08-09']
    """
    if value is None or isinstance(value, (str, int)):  # bool is an int
        return value
    if isinstance(value, float):
        return None if math.isnan(value) else round(value, 6)
    return None if is_missing(value) else str(value)


def is_missing(value: Any) -> bool:
    """None, NaN, pandas' NA or NaT; text (even blank) is a value.

    >>> [is_missing(v) for v in (None, float("nan"), "", 0, [1])]
    [True, True, False, False, False]
    """
    if value is None:
        return True
    if isinstance(value, str):
        return False
    import pandas as pd

    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):  # lists and other containers
        return False


def empty_events() -> gpd.GeoDataFrame:
    """An events table with every column and no rows."""
    import pandas as pd

    return conform(pd.DataFrame({c: [] for c in COLUMNS if c != "geometry"}))


def conform(frame: pd.DataFrame) -> gpd.GeoDataFrame:
    """Give ``frame`` exactly the schema's columns and dtypes, and a geometry from its coordinates.

    Missing columns are added empty, unknown ones dropped. Geometry is a Point at
    (longitude, latitude) or, for movements and displacement whose two ends are placed,
    the line from origin to destination; rows that cannot be placed have no geometry.
    """
    import geopandas as gpd
    import pandas as pd

    frame = frame.copy()
    for column in COLUMNS:
        if column not in frame.columns and column != "geometry":
            frame[column] = None
    for column in STRING_COLUMNS:
        frame[column] = frame[column].astype("string")
    for column in FLOAT_COLUMNS:
        frame[column] = pd.to_numeric(frame[column], errors="coerce").astype("float64")
    for column in INT_COLUMNS:
        frame[column] = pd.to_numeric(frame[column], errors="coerce").round().astype("Int64")
    for column in BOOL_COLUMNS:
        frame[column] = frame[column].astype("boolean")
    geometry = gpd.GeoSeries(_geometries(frame), index=frame.index, crs=CRS)
    frame = frame[[c for c in COLUMNS if c != "geometry"]]
    return gpd.GeoDataFrame(frame, geometry=geometry, crs=CRS)


def _geometries(frame: pd.DataFrame) -> list[Any]:
    from shapely.geometry import LineString, Point

    out: list[Any] = []
    columns = ["category", "latitude", "longitude", "origin_latitude", "origin_longitude",
               "destination_latitude", "destination_longitude"]
    for cat, lat, lon, olat, olon, dlat, dlon in frame[columns].itertuples(index=False, name=None):
        ends = (olat, olon, dlat, dlon)
        if cat in FLOW_CATEGORIES and not any(is_missing(v) for v in ends):
            out.append(LineString([(olon, olat), (dlon, dlat)]))
        elif not is_missing(lat) and not is_missing(lon):
            out.append(Point(lon, lat))
        else:
            out.append(None)
    return out
