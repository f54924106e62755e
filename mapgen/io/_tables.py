"""Readers that turn a file into a table of raw cells, one per supported format."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pandas as pd

from mapgen.errors import InputError, UnknownFormatError
from mapgen.schema import COLUMNS, category_for

#: Columns that identify an ACLED export (any one of these sets is enough).
ACLED_MARKERS = ({"event_id_cnty"}, {"event_type", "sub_event_type", "notes", "geo_precision", "actor1"})
_ACLED_TIME_PRECISION = {"1": "day", "2": "week", "3": "month"}
_ACLED_RENAME = {"event_id_cnty": "event_id", "notes": "quote"}

#: Without one of these a table cannot be placed on a map.
PLACE_COLUMNS = ("latitude", "longitude", "location", "origin", "destination", "geometry")

SUFFIXES = {
    ".csv": "csv", ".tsv": "csv", ".txt": "csv",
    ".geojson": "geojson", ".json": "json",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
}


def read_text(path: Path) -> str:
    """The file's text, or an InputError saying why it cannot be read."""
    if not path.exists():
        raise InputError("no such file", source=path)
    if path.is_dir():
        raise InputError("is a folder, not a file", source=path)
    try:
        data = path.read_bytes()
    except OSError as err:
        raise InputError(f"cannot be read ({err.strerror})", source=path) from None
    if not data.strip():
        raise InputError("is empty", source=path)
    if b"\x00" in data[:4096]:
        raise InputError("is binary, not a text table (CSV, GeoJSON or JSON Lines)", source=path)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise InputError(f"is not UTF-8 text (bad byte at offset {err.start}); save it as UTF-8",
                         source=path) from None


def detect_format(path: Path, text: str) -> str:
    """``csv``, ``geojson``, ``json`` or ``jsonl``, from the suffix or else the content."""
    kind = SUFFIXES.get(path.suffix.lower())
    head = text.lstrip()[:1]
    if kind in (None, "json", "geojson") and head in "{[":
        if head == "[":
            return "json"
        first_line = text.lstrip().split("\n", 1)[0].strip()
        if kind is None and first_line.endswith("}") and "\n" in text.strip():
            return "jsonl"
        return "geojson"
    if kind is not None:
        return kind
    if "," in text.split("\n", 1)[0] or "\t" in text.split("\n", 1)[0]:
        return "csv"
    raise UnknownFormatError(
        "unknown format: expected an events table (.csv, .geojson, .json, .jsonl) or an ACLED export",
        source=path)


def read_raw(path: Path) -> tuple[pd.DataFrame, str, str]:
    """Read ``path`` into text cells; returns (table, format name, unit name for errors)."""
    text = read_text(path)
    kind = detect_format(path, text)
    if kind == "csv":
        frame = _read_csv(path, text)
        if is_acled(frame.columns):
            return from_acled(frame), "acled", "row"
        return frame, "csv", "row"
    if kind == "jsonl":
        return _records(path, _json_lines(path, text)), "jsonl", "line"
    data = _json(path, text)
    if isinstance(data, dict) and data.get("type") == "FeatureCollection":
        return _features(path, data), "geojson", "feature"
    if isinstance(data, dict) and data.get("type") == "Feature":
        return _features(path, {"features": [data]}), "geojson", "feature"
    if isinstance(data, list):
        return _records(path, data), "json", "record"
    raise UnknownFormatError("JSON is neither a GeoJSON FeatureCollection nor a list of events", source=path)


def is_acled(columns: Any) -> bool:
    names = set(columns)
    return "category" not in names and any(marker <= names for marker in ACLED_MARKERS)


def from_acled(frame: pd.DataFrame) -> pd.DataFrame:
    """Map an ACLED export onto our columns (ACLED's own vocabulary is kept as is)."""
    out = frame.rename(columns=_ACLED_RENAME)
    if "time_precision" in out:
        out["time_precision"] = out["time_precision"].map(lambda v: _ACLED_TIME_PRECISION.get(str(v).strip()))
    out["category"] = [category_for(t, s) for t, s in zip(
        out.get("event_type", pd.Series([None] * len(out))),
        out.get("sub_event_type", pd.Series([None] * len(out))), strict=True)]
    return out[[c for c in out.columns if c in COLUMNS]]


def _read_csv(path: Path, text: str) -> pd.DataFrame:
    first = text.split("\n", 1)[0]
    delimiter = "\t" if first.count("\t") > first.count(",") else ","
    try:
        frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False, sep=delimiter,
                            skipinitialspace=True)
    except pd.errors.EmptyDataError:
        raise InputError("is empty", source=path) from None
    except (pd.errors.ParserError, csv.Error) as err:
        detail = str(err).strip().splitlines()[-1].replace("Error tokenizing data. C error: ", "")
        raise InputError(f"malformed CSV: {detail}", source=path) from None
    frame.columns = [str(c).strip().lower() for c in frame.columns]
    if any(str(c).startswith("unnamed:") for c in frame.columns):
        raise InputError("malformed CSV: a header cell is empty", source=path)
    if frame.empty:
        raise InputError("has a header but no events", source=path)
    if not is_acled(frame.columns) and not set(PLACE_COLUMNS) & set(frame.columns):
        raise InputError(
            "no usable columns: a table needs latitude/longitude or a place name (location, origin, "
            f"destination); found {', '.join(map(str, frame.columns[:8]))}", source=path)
    return frame


def _json(path: Path, text: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as err:
        raise InputError(f"malformed JSON at line {err.lineno} column {err.colno}: {err.msg}",
                         source=path) from None


def _json_lines(path: Path, text: str) -> list[Any]:
    rows = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            rows.append(json.loads(line))
        except json.JSONDecodeError as err:
            raise InputError(f"malformed JSON Lines at line {number}: {err.msg}", source=path) from None
    return rows


def _records(path: Path, rows: list[Any]) -> pd.DataFrame:
    if not rows:
        raise InputError("has no events", source=path)
    for number, row in enumerate(rows, start=1):
        if not isinstance(row, dict):
            raise InputError(f"record {number} is not an object with event fields", source=path)
    frame = pd.DataFrame([{str(k).lower(): v for k, v in row.items()} for row in rows])
    if not set(PLACE_COLUMNS) & set(frame.columns):
        raise InputError("no usable columns: records need latitude/longitude or a place name", source=path)
    return frame


def _features(path: Path, data: dict[str, Any]) -> pd.DataFrame:
    features = data.get("features")
    if not isinstance(features, list) or not features:
        raise InputError("has no features", source=path)
    rows = []
    for number, feature in enumerate(features, start=1):
        if not isinstance(feature, dict):
            raise InputError(f"feature {number} is not a GeoJSON Feature", source=path)
        row = {str(k).lower(): v for k, v in (feature.get("properties") or {}).items()}
        _apply_geometry(path, number, feature.get("geometry"), row)
        rows.append(row)
    return pd.DataFrame(rows)


def _apply_geometry(path: Path, number: int, geometry: Any, row: dict[str, Any]) -> None:
    """Fill coordinates from a Point (the place) or a LineString (origin to destination)."""
    if geometry is None:
        return
    kind = geometry.get("type") if isinstance(geometry, dict) else None
    coords = geometry.get("coordinates") if isinstance(geometry, dict) else None
    try:
        if kind == "Point":
            row.setdefault("longitude", coords[0])
            row.setdefault("latitude", coords[1])
        elif kind == "LineString" and len(coords) >= 2:
            row.setdefault("origin_longitude", coords[0][0])
            row.setdefault("origin_latitude", coords[0][1])
            row.setdefault("destination_longitude", coords[-1][0])
            row.setdefault("destination_latitude", coords[-1][1])
            row.setdefault("longitude", coords[-1][0])
            row.setdefault("latitude", coords[-1][1])
        else:
            raise InputError(f"feature {number}: geometry {kind!r} is not a Point or LineString", source=path)
    except (TypeError, IndexError, KeyError):
        raise InputError(f"feature {number}: malformed {kind} coordinates", source=path) from None
