"""One interface for every geocoder, and the registry that picks one by name."""

from __future__ import annotations

import abc
from collections.abc import Callable

from mapgen.geocode.place import Place


class Geocoder(abc.ABC):
    """Turns a place name into :class:`Place` candidates, best first."""

    name: str = "geocoder"

    @abc.abstractmethod
    def candidates(self, name: str, *, country: str | None = None) -> list[Place]:
        """Every place ``name`` may refer to, best first (``country`` restricts them)."""

    def country_code(self, country: str) -> str | None:
        """ISO alpha-2 code of a country name or code, or None when unknown."""
        return None


_REGISTRY: dict[str, Callable[[], Geocoder]] = {}


def register(name: str, factory: Callable[[], Geocoder]) -> None:
    """Make a geocoder available under ``name`` (for ``--geocoder NAME``)."""
    _REGISTRY[name] = factory


def get_geocoder(name: str = "offline") -> Geocoder:
    """The geocoder registered as ``name``.

    >>> get_geocoder("nowhere")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    mapgen.errors.GeocoderError: unknown geocoder 'nowhere'; choose one of: offline, arcgis, ...
    """
    if name in _REGISTRY:
        return _REGISTRY[name]()
    from mapgen.geocode.online import online_geocoder  # any geopy service, by its geopy name

    return online_geocoder(name, known=sorted(_REGISTRY))
