"""Check and coerce the cells of an events table, with errors that name the row."""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Any

import pandas as pd

from mapgen.errors import InputError
from mapgen.schema import (
    BOOL_COLUMNS,
    CATEGORIES,
    COLUMNS,
    DEFAULT_ACLED_TYPE,
    FLOAT_COLUMNS,
    INT_COLUMNS,
    TIME_PRECISIONS,
    category_for,
    event_id_for,
    is_missing,
)

_YEAR = re.compile(r"^\d{4}$")
_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_TIME = re.compile(r"^(\d{1,2}):(\d{2})(?::\d{2})?$")
_TRUE = {"true", "yes", "y", "1", "t"}
_FALSE = {"false", "no", "n", "0", "f"}
_RANGES = {
    "latitude": (-90.0, 90.0), "origin_latitude": (-90.0, 90.0), "destination_latitude": (-90.0, 90.0),
    "longitude": (-180.0, 180.0), "origin_longitude": (-180.0, 180.0),
    "destination_longitude": (-180.0, 180.0), "confidence": (0.0, 1.0),
}


def _missing(value: Any) -> bool:
    """A missing cell, or a blank one."""
    return is_missing(value) or (isinstance(value, str) and not value.strip())


def parse_date(value: str) -> tuple[str, str | None]:
    """An ISO date (and the precision it implies) from the ways tables write dates.

    >>> parse_date("2008-08-09")
    ('2008-08-09', None)
    >>> parse_date("9-May-20")
    ('2020-05-09', None)
    >>> parse_date("2008-08")
    ('2008-08-01', 'month')
    """
    text = value.strip()
    try:
        return dt.date.fromisoformat(text[:10]).isoformat(), None
    except ValueError:
        pass
    if _YEAR.match(text):
        return f"{text}-01-01", "year"
    if match := _MONTH.match(text):
        return dt.date(int(match[1]), int(match[2]), 1).isoformat(), "month"
    from dateutil import parser

    parsed = parser.parse(text, dayfirst=True, default=dt.datetime(1, 1, 1))
    if parsed.year < 1000:
        raise ValueError(text)
    return parsed.date().isoformat(), None


def clean(raw: pd.DataFrame, *, source: str, unit: str = "row") -> pd.DataFrame:
    """Validate ``raw`` (text cells in schema columns) and return typed columns.

    Raises :class:`InputError` naming ``source`` and the first bad ``unit`` (row 1 is
    the first record).
    """
    frame = raw.copy()
    for column in COLUMNS:
        if column not in frame.columns and column != "geometry":
            frame[column] = None
    records = frame[[c for c in COLUMNS if c != "geometry"]].to_dict("records")
    out = []
    for number, record in enumerate(records, start=1):
        try:
            out.append(_clean_record(record))
        except ValueError as err:
            raise InputError(f"{unit} {number}: {err}", source=source) from None
    seen: dict[str, int] = {}
    for number, record in enumerate(out, start=1):
        if record["event_id"] in seen:
            raise InputError(
                f"{unit} {number}: event_id {record['event_id']!r} repeats {unit} {seen[record['event_id']]}",
                source=source)
        seen[record["event_id"]] = number
    table = pd.DataFrame(out, columns=[c for c in COLUMNS if c != "geometry"])
    for column in FLOAT_COLUMNS:
        table[column] = table[column].astype("float64")
    for column in INT_COLUMNS:
        table[column] = table[column].astype("Int64")
    return table


def _clean_record(record: dict[str, Any]) -> dict[str, Any]:
    row = {k: (None if _missing(v) else (v.strip() if isinstance(v, str) else v)) for k, v in record.items()}
    for column in FLOAT_COLUMNS:
        row[column] = _number(column, row[column])
    for column in INT_COLUMNS:
        value = _number(column, row[column], thousands=True)
        if value is not None and (value < 0 or value != int(value)):
            raise ValueError(f"{column} {record[column]!r} is not a whole number of 0 or more")
        row[column] = None if value is None else int(value)
    for column in BOOL_COLUMNS:
        row[column] = _boolean(column, row[column])
    for column, (low, high) in _RANGES.items():
        if row[column] is not None and not low <= row[column] <= high:
            raise ValueError(f"{column} {row[column]:g} is out of range ({low:g} to {high:g})")
    for prefix in ("", "origin_", "destination_"):
        lat, lon = row[f"{prefix}latitude"], row[f"{prefix}longitude"]
        if (lat is None) != (lon is None):
            given = f"{prefix}latitude" if lon is None else f"{prefix}longitude"
            raise ValueError(f"{given} is given without its pair")
    if row["geo_precision"] is not None and row["geo_precision"] not in (1, 2, 3):
        raise ValueError(f"geo_precision {row['geo_precision']} must be 1, 2 or 3")
    _clean_types(row)
    if row["event_date"] is not None:
        try:
            row["event_date"], implied = parse_date(str(row["event_date"]))
        except (ValueError, OverflowError):
            raise ValueError(f"event_date {record['event_date']!r} is not a date") from None
        row["time_precision"] = row["time_precision"] or implied or "day"
    if row["time"] is not None:
        match = _TIME.match(str(row["time"]))
        if not match or int(match[1]) > 23:
            raise ValueError(f"time {record['time']!r} is not a time of day (HH:MM)")
        row["time"] = f"{int(match[1]):02d}:{match[2]}"
    if row["time_precision"] is not None and row["time_precision"] not in TIME_PRECISIONS:
        raise ValueError(f"time_precision {row['time_precision']!r} is not one of {', '.join(TIME_PRECISIONS)}")
    if row["disputed"] is None:
        row["disputed"] = bool(row["denied_by"]) if row["denied_by"] else None
    if row["event_id"] is None:
        row["event_id"] = event_id_for(row)
    return row


def _clean_types(row: dict[str, Any]) -> None:
    category = row["category"]
    if category is not None:
        category = str(category).strip().lower().replace(" ", "_").replace("-", "_")
        if category not in CATEGORIES:
            raise ValueError(f"category {row['category']!r} is not one of {', '.join(CATEGORIES)}")
    else:
        category = category_for(row["event_type"], row["sub_event_type"])
    row["category"] = category
    if row["event_type"] is None:
        row["event_type"], default_sub = DEFAULT_ACLED_TYPE[category]
        row["sub_event_type"] = row["sub_event_type"] or default_sub


def _number(column: str, value: Any, *, thousands: bool = False) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool):
        raise ValueError(f"{column} {value!r} is not a number")
    try:
        number = float(value.replace(",", "") if thousands and isinstance(value, str) else value)
    except ValueError:
        raise ValueError(f"{column} {value!r} is not a number") from None
    if not math.isfinite(number):
        raise ValueError(f"{column} {value!r} is not a number")
    return number


def _boolean(column: str, value: Any) -> bool | None:
    if value is None or isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise ValueError(f"{column} {value!r} is not true or false")
