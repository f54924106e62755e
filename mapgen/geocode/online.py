"""Opt-in online geocoders: any geopy service behind mapgen's :class:`Geocoder` interface.

mapgen geocodes offline by default. An :class:`OnlineGeocoder` asks a web service instead
(Nominatim, or any other geopy service), politely: a user agent, at most one request per
``min_delay_seconds``, retries with backoff on timeouts, 429 and 5xx answers, and an on-disk
SQLite cache keyed by a hash of the request, so a name is asked for once. When the service
keeps failing, it falls back to the offline gazetteer with a :class:`GeocoderFallbackWarning`.

>>> geocoder = OnlineGeocoder(service="nominatim")   # no request is made until a lookup
>>> geocoder.name
'nominatim'
"""

from __future__ import annotations

import dataclasses
import difflib
import hashlib
import inspect
import json
import os
import sqlite3
import threading
import time
import warnings
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from mapgen.errors import GeocoderError
from mapgen.geocode.base import Geocoder
from mapgen.geocode.place import Place

if TYPE_CHECKING:
    from geopy.location import Location

T = TypeVar("T")

#: Bumped when the cached JSON changes shape; old rows are then simply not found.
CACHE_VERSION = 1
CACHE_FILE = "geocode-cache.sqlite"

#: service_options that are secrets: kept out of the cache key (a new key keeps the cache valid).
_SECRET_HINTS = ("key", "token", "secret", "password", "username", "client_id", "auth")

#: Nominatim ``addresstype``/``type``/``class`` values mapped to mapgen features (anything else: "city").
_FEATURES = {
    "country": "country",
    **dict.fromkeys(("city", "town", "village", "hamlet", "suburb", "municipality", "neighbourhood", "quarter",
                     "locality", "borough", "city_district", "settlement", "isolated_dwelling"), "city"),
    **dict.fromkeys(("state", "province"), "admin1"),
    **dict.fromkeys(("region", "state_district", "county", "district", "archipelago", "island"), "region"),
    **dict.fromkeys(("amenity", "tourism", "historic", "building", "man_made", "military", "aeroway", "railway",
                     "bridge", "leisure", "natural", "peak", "airport", "station", "landuse", "waterway"), "landmark"),
    "tunnel": "tunnel",
}


class GeocoderFallbackWarning(UserWarning):
    """An online geocoder failed; the answer came from the offline gazetteer instead."""


def default_cache_path() -> Path:
    """Where online answers are cached: ``$MAPGEN_CACHE_DIR`` or the user cache folder.

    >>> default_cache_path().name
    'geocode-cache.sqlite'
    """
    root = os.environ.get("MAPGEN_CACHE_DIR")
    if not root:
        import platformdirs

        root = platformdirs.user_cache_dir("mapgen", appauthor=False)
    return Path(root) / CACHE_FILE


def geopy_services() -> list[str]:
    """Names of the geocoding services geopy offers, sorted.

    >>> "nominatim" in geopy_services()
    True
    """
    from geopy.geocoders import SERVICE_TO_GEOCODER

    return sorted(SERVICE_TO_GEOCODER)


def online_geocoder(name: str, *, known: list[str], **options: Any) -> Geocoder:
    """An :class:`OnlineGeocoder` for the geopy service ``name``; ``options`` go to its constructor.

    ``known`` (the names registered in mapgen) is listed first when ``name`` is unknown.

    >>> online_geocoder("nominatim", known=["offline"]).name
    'nominatim'
    >>> online_geocoder("nowhere", known=["offline"])  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    mapgen.errors.GeocoderError: unknown geocoder 'nowhere'; choose one of: offline, arcgis, ...
    """
    services = geopy_services()
    if name.lower() in services:
        return OnlineGeocoder(service=name.lower(), **options)
    choices = [*known, *(s for s in services if s not in known)]
    close = difflib.get_close_matches(name.lower(), choices, n=1, cutoff=0.8)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    raise GeocoderError(f"unknown geocoder {name!r}; choose one of: {', '.join(choices)}{hint}")


class _Throttle:
    """At least ``delay`` seconds between requests to one service, shared by the whole process."""

    _last: ClassVar[dict[str, float]] = {}
    _lock: ClassVar[threading.Lock] = threading.Lock()

    @classmethod
    def wait(cls, key: str, delay: float, sleep: Callable[[float], None]) -> None:
        with cls._lock:
            pause = cls._last.get(key, -float("inf")) + delay - time.monotonic()
            if pause > 0:
                sleep(pause)
            cls._last[key] = time.monotonic()


class _ServiceFailedError(Exception):
    """The service kept failing after every retry (internal: turned into a fallback)."""


class OnlineGeocoder(Geocoder):
    """A geopy geocoding service, cached on disk, rate-limited, with an offline fallback.

    Constructing one makes no request. ``service_options`` go to the geopy class
    (``api_key=...`` for commercial services, ``domain=...`` for your own Nominatim).

    >>> geocoder = OnlineGeocoder(service="nominatim", min_delay_seconds=1.0)
    >>> geocoder.user_agent.startswith("mapgen/")
    True
    """

    #: Longest single wait between retries, even if the service asks for more (seconds).
    max_wait_seconds: float = 60.0
    #: How to wait (between requests and retries); tests replace it to record the waits.
    _sleep: Callable[[float], None] = staticmethod(time.sleep)

    def __init__(
        self,
        *,
        service: str,
        user_agent: str | None = None,
        min_delay_seconds: float = 1.0,
        timeout: float = 10,
        max_retries: int = 3,
        backoff: float = 1.0,
        cache_path: Path | str | None = None,
        fallback: Geocoder | None = None,
        service_options: dict[str, Any] | None = None,
    ) -> None:
        import mapgen

        self.name = service
        self.user_agent = user_agent or f"mapgen/{mapgen.__version__}"
        self.min_delay_seconds = min_delay_seconds
        self.timeout = timeout
        self.max_retries = max_retries
        self.backoff = backoff
        self.cache_path = Path(cache_path) if cache_path is not None else default_cache_path()
        self.service_options = dict(service_options or {})
        self._fallback = fallback
        self._geocoder = self._make_geocoder()
        self._geocode_params = set(inspect.signature(self._geocoder.geocode).parameters)
        self._throttle_key = f"{service} {getattr(self._geocoder, 'domain', '')}"
        self._cache_ready = False
        self._cache_warned = False

    def __repr__(self) -> str:
        return f"OnlineGeocoder(service={self.name!r}, cache_path={str(self.cache_path)!r})"

    # -- the Geocoder interface ------------------------------------------------------------------

    def candidates(self, name: str, *, country: str | None = None) -> list[Place]:
        """Every place the service finds for ``name`` (in ``country``, a name or ISO code), best first.

        Answers come from the cache when the same question was asked before; when the service
        keeps failing, from the offline gazetteer (with a :class:`GeocoderFallbackWarning`).
        """
        query = " ".join(name.split())
        if len(query) < 2:
            return []
        key = self._cache_key(query, country)
        cached = self._cache_get(key)
        if cached is not None:
            return cached
        code = self._iso2(country) if country else None
        if country and code is None:
            return []  # like the offline gazetteer: an unknown country matches nothing
        try:
            places = self._lookup(query, code)
        except _ServiceFailedError as failure:
            fallback = self.fallback
            warnings.warn(f"geocoder {self.name!r} failed for {query!r} ({failure}); using the {fallback.name!r} "
                          "geocoder instead", GeocoderFallbackWarning, stacklevel=2)
            return fallback.candidates(name, country=country)
        self._cache_put(key, query, places)
        return places

    def country_code(self, country: str) -> str | None:
        """ISO alpha-2 code of a country name or code, from the offline gazetteer."""
        return self.fallback.country_code(country)

    @property
    def fallback(self) -> Geocoder:
        """The geocoder used when the service fails: the offline gazetteer unless one was given."""
        if self._fallback is None:
            from mapgen.geocode.gazetteer import OfflineGazetteer

            self._fallback = OfflineGazetteer.default()
        return self._fallback

    # -- the service -------------------------------------------------------------------------------

    def _make_geocoder(self) -> Any:
        from geopy.exc import ConfigurationError
        from geopy.geocoders import get_geocoder_for_service

        options: dict[str, Any] = {"user_agent": self.user_agent, "timeout": self.timeout}
        adapter = _adapter_without_retries()
        if adapter is not None:
            options["adapter_factory"] = adapter
        options.update(self.service_options)
        try:
            return get_geocoder_for_service(self.name)(**options)
        except (ConfigurationError, TypeError) as error:
            raise GeocoderError(
                f"geocoder {self.name!r} cannot be set up: {error}; give its settings (an api_key, a domain...) "
                f"as service_options, e.g. OnlineGeocoder(service={self.name!r}, service_options={{'api_key': ...}})"
            ) from error

    def _iso2(self, country: str) -> str | None:
        text = country.strip()
        if len(text) == 2 and text.isascii() and text.isalpha():
            return text.upper()  # already a code: no need to load the gazetteer
        return self.country_code(text)

    def _lookup(self, query: str, code: str | None) -> list[Place]:
        """Ask the service, retrying transient failures; raise :class:`_ServiceFailedError` when they persist."""
        from geopy.exc import GeopyError

        last: Exception | None = None
        for attempt in range(self.max_retries + 1):
            if last is not None:
                self._sleep(self._retry_wait(attempt - 1, last))
            try:
                return self._request(query, code)
            except (GeopyError, ValueError, TypeError, KeyError, AttributeError) as error:
                last = error
                if not _is_transient(error, self.name):  # raises GeocoderError for what only the user can fix
                    raise _ServiceFailedError(_describe(error)) from error
        raise _ServiceFailedError(f"{_describe(last)}, after {self.max_retries + 1} attempts") from last

    def _request(self, query: str, code: str | None) -> list[Place]:
        _Throttle.wait(self._throttle_key, self.min_delay_seconds, self._sleep)
        kwargs: dict[str, Any] = {"exactly_one": False}
        if "addressdetails" in self._geocode_params:
            kwargs["addressdetails"] = True
        if code and "country_codes" in self._geocode_params:
            kwargs["country_codes"] = code.lower()
        locations = self._geocoder.geocode(query, **kwargs) or []
        places = [self._to_place(location) for location in locations]
        return [p for p in places if code is None or p.country_code in (None, code)]

    def _to_place(self, location: Location) -> Place:
        raw = _mapping(location.raw)
        address = _mapping(raw.get("address"))
        name = raw.get("name") or (location.address or "").split(",")[0].strip() or location.address
        code = _country_code(raw, address)
        return Place(
            name=str(name), latitude=float(location.latitude), longitude=float(location.longitude),
            feature=_feature(raw), country_code=code, country=address.get("country"),
            admin1=address.get("state") or address.get("province"), bbox=_bbox(raw),
            source=self.name, geonameid=None,
        )

    def _retry_wait(self, attempt: int, error: Exception) -> float:
        """Seconds to wait before retry number ``attempt + 1``: the service's Retry-After, else backoff."""
        retry_after = getattr(error, "retry_after", None)
        wait = float(retry_after) if retry_after is not None else self.backoff * 2 ** attempt
        return max(0.0, min(wait, self.max_wait_seconds))

    # -- the cache ---------------------------------------------------------------------------------

    def _cache_key(self, query: str, country: str | None) -> str:
        options = {k: repr(v) for k, v in sorted(self.service_options.items())
                   if not any(hint in k.lower() for hint in _SECRET_HINTS)}
        request = [CACHE_VERSION, self.name, query, (country or "").strip().lower(), options]
        return hashlib.sha256(json.dumps(request, sort_keys=True).encode()).hexdigest()

    def _connect(self) -> sqlite3.Connection:
        return sqlite3.connect(self.cache_path, timeout=30)

    def _ensure_cache(self) -> None:
        if self._cache_ready:
            return
        self.cache_path.parent.mkdir(parents=True, exist_ok=True)

        def create() -> None:
            with closing(self._connect()) as conn:
                conn.execute("PRAGMA journal_mode=WAL")
                with conn:
                    conn.execute("CREATE TABLE IF NOT EXISTS answers (key TEXT PRIMARY KEY, service TEXT NOT NULL, "
                                 "query TEXT NOT NULL, places TEXT NOT NULL, created REAL NOT NULL)")

        _while_locked(create)
        self._cache_ready = True

    def _cache_get(self, key: str) -> list[Place] | None:
        def read() -> Any:
            with closing(self._connect()) as conn:
                return conn.execute("SELECT places FROM answers WHERE key = ?", (key,)).fetchone()

        try:
            self._ensure_cache()
            row = _while_locked(read)
        except (sqlite3.Error, OSError) as error:
            self._cache_problem(error)
            return None
        if row is None:
            return None
        try:
            return [_place_from_json(item) for item in json.loads(row[0])]
        except (ValueError, TypeError, KeyError):
            return None  # written by another version: ask again, the answer replaces it

    def _cache_put(self, key: str, query: str, places: list[Place]) -> None:
        text = json.dumps([dataclasses.asdict(p) for p in places])
        def write() -> None:
            with closing(self._connect()) as conn, conn:
                conn.execute("INSERT OR REPLACE INTO answers VALUES (?, ?, ?, ?, ?)",
                             (key, self.name, query, text, time.time()))

        try:
            self._ensure_cache()
            _while_locked(write)
        except (sqlite3.Error, OSError) as error:
            self._cache_problem(error)

    def _cache_problem(self, error: Exception) -> None:
        if not self._cache_warned:
            self._cache_warned = True
            warnings.warn(f"geocode cache {self.cache_path} cannot be used ({error}); asking {self.name!r} without "
                          "it. Give a writable cache_path or set MAPGEN_CACHE_DIR.", RuntimeWarning, stacklevel=3)


def _while_locked(action: Callable[[], T], seconds: float = 30.0) -> T:
    """Run a cache action, retrying while another process holds the database.

    SQLite answers "database is locked" at once, without waiting, while another
    connection switches a new file to WAL mode or recovers it; retrying then succeeds.
    """
    deadline = time.monotonic() + seconds
    delay = 0.01
    while True:
        try:
            return action()
        except sqlite3.OperationalError as error:
            if ("locked" not in str(error) and "busy" not in str(error)) or time.monotonic() > deadline:
                raise
            time.sleep(delay)
            delay = min(delay * 2, 0.2)


def _is_transient(error: Exception, service: str) -> bool:
    """Whether retrying may help; raises :class:`GeocoderError` for failures only the user can fix."""
    from geopy import exc

    if isinstance(error, (exc.GeocoderAuthenticationFailure, exc.GeocoderInsufficientPrivileges)):
        raise GeocoderError(
            f"geocoder {service!r} refused mapgen's request ({_describe(error)}); give a valid api_key or credentials "
            f"as service_options, e.g. OnlineGeocoder(service={service!r}, service_options={{'api_key': ...}}), "
            "or geocode offline"
        ) from error
    if isinstance(error, exc.ConfigurationError):
        raise GeocoderError(f"geocoder {service!r} is not set up right ({_describe(error)}); fix the user_agent "
                            "or service_options given to OnlineGeocoder, or geocode offline") from error
    if isinstance(error, exc.GeocoderRateLimited):
        return True
    # a quota used up or a query the service rejects: asking again will not help
    return not isinstance(error, (exc.GeocoderQuotaExceeded, exc.GeocoderQueryError))


def _describe(error: Exception | None) -> str:
    text = str(error).strip().splitlines()[0][:200] if error is not None and str(error).strip() else ""
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


def _adapter_without_retries() -> Callable[..., Any] | None:
    """geopy's requests adapter without its own silent retries (mapgen retries, counts and waits itself)."""
    import functools

    from geopy.adapters import RequestsAdapter

    return functools.partial(RequestsAdapter, max_retries=0) if RequestsAdapter.is_available else None


def _country_code(raw: dict[str, Any], address: dict[str, Any]) -> str | None:
    properties = _mapping(raw.get("properties"))
    for value in (address.get("country_code"), raw.get("country_code"), raw.get("countryCode"),
                  properties.get("countrycode"), properties.get("country_code")):
        if isinstance(value, str) and len(value) == 2 and value.isalpha():
            return value.upper()
    return None


def _mapping(value: object) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _feature(raw: dict[str, Any]) -> str:
    """mapgen's feature for a Nominatim-style result: addresstype first, then type, then class."""
    for field in ("addresstype", "type", "class"):
        feature = _FEATURES.get(str(raw.get(field, "")).lower())
        if feature:
            return feature
    return "city"


def _bbox(raw: dict[str, Any]) -> tuple[float, float, float, float] | None:
    """Nominatim's boundingbox (south, north, west, east) as mapgen's (west, south, east, north)."""
    box = raw.get("boundingbox")
    try:
        south, north, west, east = (float(v) for v in box)  # type: ignore[union-attr]
    except (TypeError, ValueError):
        return None
    return (west, south, east, north)


def _place_from_json(item: dict[str, Any]) -> Place:
    if item.get("bbox") is not None:
        item["bbox"] = tuple(item["bbox"])
    return Place(**item)
