"""The value every geocoder returns."""

from __future__ import annotations

import math
from dataclasses import dataclass

#: geo_precision (ACLED's scale) for each kind of place: 1 a town, 3 a region or country.
PRECISION_BY_FEATURE = {"city": 1, "tunnel": 1, "landmark": 1, "admin2": 2, "admin1": 3, "region": 3,
                        "country": 3, "continent": 3}


@dataclass(frozen=True, slots=True)
class Place:
    """A resolved place.

    >>> Place("Gori", 41.98532, 44.1129, feature="city", country_code="GE").geo_precision
    1
    """

    name: str
    latitude: float
    longitude: float
    feature: str = "city"
    country_code: str | None = None
    country: str | None = None
    admin1: str | None = None  # name of the first-level region
    admin1_code: str | None = None  # its GeoNames code within the country
    population: int = 0
    geonameid: int | None = None
    bbox: tuple[float, float, float, float] | None = None  # west, south, east, north
    source: str = "geonames"
    area_km2: float = 0.0  # extent of a country or region (0 for towns)
    alternate: bool = False  # matched by an alternate (historic, foreign) name, not the main one

    @property
    def geo_precision(self) -> int:
        """ACLED geo_precision of an event placed here: 1 exact place, 3 region or country."""
        return PRECISION_BY_FEATURE.get(self.feature, 2)

    @property
    def radius_km(self) -> float | None:
        """Radius of a circle as large as the place's area, for drawing regions; None for towns.

        >>> round(Place("X", 0, 0, feature="country", area_km2=69700).radius_km)
        149
        """
        return math.sqrt(self.area_km2 / math.pi) if self.area_km2 > 0 else None


def distance_km(a: Place, b: Place) -> float:
    """Great-circle distance between two places.

    >>> round(distance_km(Place("a", 0, 0), Place("b", 0, 1)))
    111
    """
    lat1, lon1, lat2, lon2 = map(math.radians, (a.latitude, a.longitude, b.latitude, b.longitude))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))
