"""Geocoding: from place names to coordinates, offline by default.

>>> place = geocode("Kareli", country="Georgia")
>>> (place.country_code, round(place.latitude, 2))
('GE', 42.02)
"""

from __future__ import annotations

from collections import Counter

from mapgen.geocode.base import Geocoder, get_geocoder, register
from mapgen.geocode.gazetteer import OfflineGazetteer
from mapgen.geocode.place import Place
from mapgen.geocode.resolve import Unplaced, choose, place_events

__all__ = ["Geocoder", "OfflineGazetteer", "Place", "Unplaced", "geocode", "get_geocoder", "place_events",
           "register"]


def geocode(name: str, *, country: str | None = None, geocoder: str | Geocoder = "offline") -> Place | None:
    """The place ``name`` refers to, or None when it is unknown or ambiguous.

    ``country`` (a name or ISO code) picks among places of the same name.
    """
    service = get_geocoder(geocoder) if isinstance(geocoder, str) else geocoder
    place, _ = choose(service.candidates(name, country=country), Counter())
    return place
