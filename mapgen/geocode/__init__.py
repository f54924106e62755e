"""Geocoding: from place names to coordinates, offline by default.

>>> place = geocode("Kareli", country="Georgia")
>>> (place.country_code, round(place.latitude, 2))
('GE', 42.02)
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from mapgen.geocode.base import Geocoder, get_geocoder, register
from mapgen.geocode.gazetteer import OfflineGazetteer
from mapgen.geocode.place import Place, distance_km
from mapgen.geocode.resolve import Unplaced, choose, place_events

__all__ = ["Geocoder", "OfflineGazetteer", "Place", "Unplaced", "distance_km", "geocode", "get_geocoder",
           "load_gazetteer", "place_events", "register"]


def geocode(
    name: str,
    *,
    near: tuple[float, float] | str | None = None,
    country: str | None = None,
    geocoder: str | Geocoder = "offline",
) -> Place | None:
    """The place ``name`` refers to, or None when it is unknown or ambiguous.

    ``country`` (a name or ISO code) keeps only places in that country; ``near`` (a
    (latitude, longitude) pair or a place name) picks the namesake closest to it.

    >>> geocode("Paris", near="Texas").admin1
    'Texas'
    """
    service = get_geocoder(geocoder) if isinstance(geocoder, str) else geocoder
    candidates = service.candidates(name, country=country)
    if near is not None and candidates:
        anchor = geocode(near, geocoder=service) if isinstance(near, str) else Place("near", *near)
        if anchor is None:
            return None
        main = [c for c in candidates if not c.alternate] or candidates
        return min(main, key=lambda c: distance_km(c, anchor))
    place, _ = choose(candidates, Counter())
    return place


def load_gazetteer(*paths: str | Path) -> OfflineGazetteer:
    """The offline gazetteer extended and overridden by user gazetteer files (CSV or GeoJSON)."""
    return OfflineGazetteer.default().with_user_entries(*paths)
