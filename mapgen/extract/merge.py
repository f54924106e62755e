"""The same event reported by several articles becomes one row listing all its sources.

>>> import pandas as pd
>>> from mapgen.schema import conform
>>> rows = conform(pd.DataFrame([
...     {"category": "strike", "event_date": "2008-08-08", "location": "Gori", "latitude": 41.98,
...      "longitude": 44.11, "fatalities": 2, "source": "a.txt#char=0,40", "confidence": 0.8},
...     {"category": "strike", "event_date": "2008-08-08", "location": "Gori", "latitude": 41.99,
...      "longitude": 44.12, "fatalities": 5, "source": "b.txt#char=10,70", "confidence": 0.6}]))
>>> merged = merge_events(rows)
>>> merged[["location", "fatalities", "source"]].values.tolist()
[['Gori', 5, 'a.txt#char=0,40; b.txt#char=10,70']]
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from mapgen.schema import INT_COLUMNS, event_id_for, is_missing

if TYPE_CHECKING:
    import geopandas as gpd

#: Two reports of the same kind of event on the same day within this distance are one event.
SAME_PLACE_KM = 10.0
SEPARATOR = "; "


def merge_events(events: gpd.GeoDataFrame, *, distance_km: float = SAME_PLACE_KM) -> gpd.GeoDataFrame:
    """One row per event: rows from different sources with the same category, date and place are merged.

    The merged row keeps the most confident report's facts, the largest counts, every
    source and every claim and denial; its confidence grows with each independent report.
    Rows from the same document are never merged (they are separate events).
    """
    import pandas as pd

    from mapgen.schema import conform

    records = events.drop(columns="geometry").to_dict("records")
    groups: list[list[dict[str, Any]]] = []
    for record in records:
        for group in groups:
            if all(_same(record, other, distance_km) for other in group):
                group.append(record)
                break
        else:
            groups.append([record])
    merged = [_merge(group) if len(group) > 1 else group[0] for group in groups]
    return conform(pd.DataFrame(merged, columns=list(events.columns.drop("geometry"))))


def _document(row: dict[str, Any]) -> str:
    source = row.get("source")
    return "" if is_missing(source) else str(source).split("#", 1)[0]


def _same(a: dict[str, Any], b: dict[str, Any], distance_km: float) -> bool:
    if _document(a) == _document(b) or a.get("category") != b.get("category"):
        return False
    if is_missing(a.get("event_date")) or a.get("event_date") != b.get("event_date"):
        return False
    for role in ("origin", "destination"):
        if _name(a, role) != _name(b, role):
            return False
    if _name(a, "location") and _name(a, "location") == _name(b, "location"):
        return True
    return _near(a, b, distance_km)


def _name(row: dict[str, Any], key: str) -> str:
    value = row.get(key)
    return "" if is_missing(value) else str(value).casefold()


def _near(a: dict[str, Any], b: dict[str, Any], distance_km: float) -> bool:
    values = [a.get("latitude"), a.get("longitude"), b.get("latitude"), b.get("longitude")]
    if any(is_missing(v) for v in values):
        return False
    lat1, lon1, lat2, lon2 = map(math.radians, values)
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h))) <= distance_km


def _merge(group: list[dict[str, Any]]) -> dict[str, Any]:
    best = max(group, key=lambda r: (0.0 if is_missing(r.get("confidence")) else r["confidence"]))
    out = dict(best)
    out["source"] = _joined(r.get("source") for r in group)
    for key in ("claimed_by", "denied_by", "actor1", "actor2", "amounts"):
        if key in ("claimed_by", "denied_by", "amounts") or is_missing(out.get(key)):
            out[key] = _joined(r.get(key) for r in [best, *group]) or None
    out["disputed"] = any(not is_missing(r.get("disputed")) and bool(r.get("disputed")) for r in group)
    for key in INT_COLUMNS:
        values = [r.get(key) for r in group if not is_missing(r.get(key))]
        if values and key != "geo_precision":
            out[key] = max(values)
        elif values:
            out[key] = min(values)
    doubt = 1.0
    for r in group:
        doubt *= 1.0 - (0.5 if is_missing(r.get("confidence")) else float(r["confidence"]))
    out["confidence"] = round(min(0.99, 1.0 - doubt), 3)
    out["event_id"] = event_id_for(out)
    return out


def _joined(values: Any) -> str:
    seen: list[str] = []
    for value in values:
        if is_missing(value):
            continue
        for part in str(value).split(SEPARATOR):
            if part and part not in seen:
                seen.append(part)
    return SEPARATOR.join(seen)
