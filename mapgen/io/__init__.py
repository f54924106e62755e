"""The one door events go in and out by: :func:`read_events` and :func:`write_events`.

Formats: our events CSV, GeoJSON (Point features, or LineString from origin to
destination), JSON Lines or a JSON list, and ACLED CSV exports (recognised by their
columns). Every reader ends in the same schema (:mod:`mapgen.schema`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mapgen._atomic import atomic_writer
from mapgen.errors import InputError, OutputError
from mapgen.schema import COLUMNS, conform

if TYPE_CHECKING:
    import geopandas as gpd

    from mapgen.geocode import Geocoder, Unplaced

__all__ = ["WRITE_FORMATS", "read_events", "unplaced", "write_events"]

WRITE_FORMATS = {".csv": "csv", ".geojson": "geojson", ".json": "geojson", ".jsonl": "jsonl",
                 ".ndjson": "jsonl"}


def read_events(
    path: str | Path | Sequence[str | Path],
    *,
    geocode: bool = True,
    geocoder: str | Geocoder = "offline",
) -> gpd.GeoDataFrame:
    """Read one or more events tables into one GeoDataFrame in EPSG:4326.

    Rows that name a place but give no coordinates are geocoded (offline by default).
    What could not be placed stays in the table without geometry and is listed by
    :func:`unplaced`.

    >>> events = read_events("examples/georgia-2008/events.csv")
    >>> sorted(events.category.unique())[:2]
    ['civilian_violence', 'clash']
    """
    import pandas as pd

    from mapgen.io._clean import clean
    from mapgen.io._tables import read_raw

    paths = [Path(path)] if isinstance(path, (str, Path)) else [Path(p) for p in path]
    if not paths:
        raise InputError("no input files given")
    frames = []
    for p in paths:
        raw, _kind, unit = read_raw(p)
        frames.append(clean(raw, source=str(p), unit=unit))
    frame = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
    duplicated = frame["event_id"][frame["event_id"].duplicated()]
    if len(duplicated):
        raise InputError(f"event_id {duplicated.iloc[0]!r} appears in more than one input",
                         source=", ".join(map(str, paths)))
    missing: list[Unplaced] = []
    if geocode:
        from mapgen.geocode import get_geocoder, place_events

        service = get_geocoder(geocoder) if isinstance(geocoder, str) else geocoder
        frame, missing = place_events(frame, service)
    events = conform(frame)
    events.attrs["unplaced"] = [_as_dict(u) for u in missing]
    return events


def unplaced(events: gpd.GeoDataFrame) -> list[dict[str, str]]:
    """What could not be put on the map: one dict per place name (event_id, role, name, reason).

    Lists the names geocoding failed on, and any other row that has no geometry.
    """
    reported = list(events.attrs.get("unplaced", []))
    known = {r["event_id"] for r in reported}
    for row in events[events.geometry.isna()].itertuples():
        if row.event_id not in known:
            name = next((n for n in (row.location, row.destination, row.origin) if isinstance(n, str)), "")
            reported.append({"event_id": row.event_id, "role": "location", "name": name,
                             "reason": "no coordinates and no place name" if not name else "no coordinates"})
    return reported


def _as_dict(item: Unplaced) -> dict[str, str]:
    return {"event_id": item.event_id, "role": item.role, "name": item.name, "reason": item.reason}


def write_events(events: gpd.GeoDataFrame, path: str | Path) -> Path:
    """Write events as CSV, GeoJSON or JSON Lines (chosen by the suffix), atomically.

    The CSV round-trips: ``read_events(write_events(events, "e.csv"))`` gives the same rows.
    """
    target = Path(path)
    kind = WRITE_FORMATS.get(target.suffix.lower())
    if kind is None:
        raise OutputError(f"{target}: unknown output format; use one of {', '.join(WRITE_FORMATS)}")
    columns = [c for c in COLUMNS if c != "geometry"]
    table = events[columns]
    with atomic_writer(target) as handle:
        if kind == "csv":
            table.to_csv(handle, index=False, lineterminator="\n")
        elif kind == "jsonl":
            for record in _records(table):
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        else:
            features = [
                {"type": "Feature", "properties": record, "geometry": _geometry(geom)}
                for record, geom in zip(_records(table), events.geometry, strict=True)
            ]
            json.dump({"type": "FeatureCollection", "features": features}, handle, ensure_ascii=False,
                      indent=1)
            handle.write("\n")
    return target


def _records(table: Any) -> Iterable[dict[str, Any]]:
    import pandas as pd

    for record in table.to_dict("records"):
        yield {k: (None if v is None or (not isinstance(v, str) and pd.isna(v)) else
                   (v.item() if hasattr(v, "item") else v)) for k, v in record.items()}


def _geometry(geom: Any) -> dict[str, Any] | None:
    if geom is None or geom.is_empty:
        return None
    from shapely.geometry import mapping

    return json.loads(json.dumps(mapping(geom)))
