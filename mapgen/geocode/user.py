"""User gazetteers: your own places (CSV or GeoJSON) that extend and override the embedded ones.

CSV columns: ``name``, ``latitude`` (or ``lat``), ``longitude`` (or ``lon``/``lng``), and
optionally ``aliases`` (separated by ``|`` or ``;``), ``country_code`` (ISO alpha-2),
``feature`` (city, region, landmark...; default landmark) and ``population``. GeoJSON:
Point features whose properties carry the same fields.

A name (or alias) found in a user gazetteer is looked up there only: your entry wins.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from mapgen.errors import InputError
from mapgen.geocode.normalize import normalize
from mapgen.geocode.place import Place

_LAT = ("latitude", "lat")
_LON = ("longitude", "lon", "lng", "long")


def load_user_gazetteer(path: str | Path) -> dict[str, list[Place]]:
    """Normalised name -> the user's places of that name, from one file.

    >>> import tempfile, os
    >>> f = tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False)
    >>> _ = f.write("name,lat,lon,aliases\\nKvaisi checkpoint,42.5,43.7,Kvaisi post\\n"); f.close()
    >>> sorted(load_user_gazetteer(f.name)); os.unlink(f.name)
    ['kvaisi checkpoint', 'kvaisi post']
    """
    source = Path(path)
    if not source.is_file():
        raise InputError("no such gazetteer file", source=source)
    try:
        text = source.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise InputError("is not UTF-8 text", source=source) from None
    if not text.strip():
        raise InputError("is empty", source=source)
    rows = _geojson_rows(source, text) if text.lstrip().startswith("{") else _csv_rows(source, text)
    out: dict[str, list[Place]] = {}
    for number, row in enumerate(rows, start=1):
        place, names = _place(source, number, row)
        for name in names:
            out.setdefault(normalize(name), []).append(place)
    return out


def _csv_rows(source: Path, text: str) -> list[dict[str, Any]]:
    reader = csv.DictReader(io.StringIO(text))
    fields = {f.strip().lower() for f in reader.fieldnames or []}
    if "name" not in fields or not fields & set(_LAT) or not fields & set(_LON):
        raise InputError("a gazetteer CSV needs name, latitude and longitude columns", source=source)
    return [{(k or "").strip().lower(): v for k, v in row.items()} for row in reader]


def _geojson_rows(source: Path, text: str) -> list[dict[str, Any]]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise InputError(f"malformed JSON at line {err.lineno}: {err.msg}", source=source) from None
    rows = []
    for number, feature in enumerate(data.get("features") or [], start=1):
        geometry = (feature or {}).get("geometry") or {}
        if geometry.get("type") != "Point":
            raise InputError(f"feature {number}: a gazetteer entry must be a Point", source=source)
        lon, lat = geometry["coordinates"][:2]
        rows.append({**{k.lower(): v for k, v in (feature.get("properties") or {}).items()},
                     "latitude": lat, "longitude": lon})
    return rows


def _place(source: Path, number: int, row: dict[str, Any]) -> tuple[Place, list[str]]:
    name = str(row.get("name") or "").strip()
    if not name:
        raise InputError(f"row {number}: no name", source=source)
    try:
        lat = float(next(row[k] for k in _LAT if row.get(k) not in (None, "")))
        lon = float(next(row[k] for k in _LON if row.get(k) not in (None, "")))
    except (StopIteration, TypeError, ValueError):
        raise InputError(f"row {number} ({name}): latitude and longitude must be numbers", source=source) from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise InputError(f"row {number} ({name}): coordinates out of range", source=source)
    aliases = str(row.get("aliases") or "").replace(";", "|").split("|")
    code = str(row.get("country_code") or row.get("country") or "").strip().upper() or None
    place = Place(name=name, latitude=lat, longitude=lon, feature=str(row.get("feature") or "landmark").strip(),
                  country_code=code if code and len(code) == 2 else None,
                  population=int(float(row.get("population") or 0)), source=f"user:{source.name}")
    return place, [name, *(a.strip() for a in aliases if a.strip())]
