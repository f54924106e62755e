"""The offline gazetteer: exact lookup of normalised names in a memory-mapped index.

>>> gaz = OfflineGazetteer.default()
>>> [p.country_code for p in gaz.candidates("Kareli")]
['IN', 'GE']
"""

from __future__ import annotations

import copy
import json
import math
import os
import struct
import sys
import threading
from collections.abc import Sequence
from functools import cached_property
from pathlib import Path
from typing import Any, ClassVar

import numpy as np

from mapgen.geocode import _index
from mapgen.geocode.base import Geocoder, register
from mapgen.geocode.normalize import normalize, skeleton
from mapgen.geocode.place import Place

#: How many looked-up names a gazetteer remembers.
MEMO_SIZE = 200_000


def default_index_dir() -> Path:
    """Where the index is cached: ``$MAPGEN_CACHE_DIR`` or the user cache folder."""
    root = os.environ.get("MAPGEN_CACHE_DIR")
    if not root:
        import platformdirs

        root = platformdirs.user_cache_dir("mapgen", appauthor=False)
    return Path(root) / f"gazetteer-{_index.fingerprint()}"


class OfflineGazetteer(Geocoder):
    """Exact-name lookup in GeoNames places, countries and curated regions, offline.

    Candidates come back best first: countries, then curated regions, admin regions,
    then towns by population. Choosing among them with context is the caller's job.
    """

    name = "offline"
    _default: ClassVar[OfflineGazetteer | None] = None
    _lock: ClassVar[threading.Lock] = threading.Lock()

    def __init__(self, index_dir: Path) -> None:
        self.index_dir = Path(index_dir)
        # Plain ndarray views of the memory maps: the same pages, without np.memmap's slow indexing.
        self._a = {name: np.asarray(np.load(self.index_dir / f"{name}.npy", mmap_mode="r"))
                   for name in ("keys", "alternate", "postings", "records", "loose_keys", "loose_alternate",
                                "loose_postings")}
        # Scalar reads go through memoryviews: indexing an ndarray builds a numpy scalar each time.
        self._views = {name: array.data for name, array in self._a.items() if name != "records"}
        self._search = {table: (self._a[f"{table}keys"].searchsorted, self._views[f"{table}keys"])
                        for table in ("", "loose_")}
        self._rows = self._a["records"].view(np.uint8).data
        # Memos keep tuples, () for the many names that are no place: nothing for the garbage collector.
        self._memo: dict[str, tuple[Place, ...]] = {}
        self._main: dict[str, tuple[Place, ...]] = {}  # main-name places only, for keys _memo lacks
        self._codes: dict[bytes, tuple[str | None, str | None, str | None, str | None]] = {}
        self._towns: dict[int, dict[str, np.ndarray]] = {}
        self._user: dict[str, list[Place]] = {}
        self._names = (self.index_dir / "names.bin").read_bytes()
        meta: dict[str, Any] = json.loads((self.index_dir / "meta.json").read_text())
        self.countries: dict[str, str] = meta["countries"]
        self.admin1_names: dict[str, str] = meta["admin1_names"]
        self.demonyms: dict[str, list[str]] = meta["demonyms"]  # "ossetian" -> ["GE", "RU"]
        #: "ga" -> ["US", "Georgia", "GA", "Ga."]: country, region, postal and press forms
        self.admin1_abbreviations: dict[str, list[str]] = meta["admin1_abbreviations"]
        self.neighbours: dict[str, list[str]] = meta["neighbours"]
        self.capitals: dict[str, str] = meta["capitals"]  # "tbilisi" -> "GE"
        self._features: list[str] = meta["features"]

    @classmethod
    def default(cls) -> OfflineGazetteer:
        """The shared instance, building the index on first use (once per data version)."""
        with cls._lock:
            if cls._default is None:
                index_dir = default_index_dir()
                if not (index_dir / "meta.json").is_file():
                    print(f"mapgen: building the offline gazetteer index in {index_dir} "
                          "(first use only, about 30 s)...", file=sys.stderr)
                    _index.build(index_dir)
                cls._default = cls(index_dir)
            return cls._default

    @cached_property
    def country_codes_by_name(self) -> dict[str, str]:
        return {normalize(name): code for code, name in self.countries.items()}

    def candidates(self, name: str, *, country: str | None = None) -> list[Place]:
        """Every place called ``name`` (after normalisation), best first.

        ``country`` (an ISO code or a country name) keeps only places in that country.
        """
        code = self.country_code(country) if country else None
        if country and code is None:
            return []
        places = self._lookup(normalize(name))
        if code is None:
            return list(places)
        # A user's entry without a country fits any country.
        return [p for p in places if p.country_code in (code, None)]

    def named(self, name: str) -> list[Place]:
        """Places that have ``name`` (after normalisation) as their main or an alternate name: :meth:`candidates`
        without its fallback to other transliterations."""
        key = normalize(name)
        if key in self._user:
            return list(self._user[key])
        return self._find(key, "", self._main.get(key, ())) if len(key) >= 2 else []

    def spelt_like(self, name: str) -> list[Place]:
        """Places whose name is ``name`` spelt as another transliteration would ("Hodeidah" for Al Ḩudaydah),
        all counted as alternate names: what :meth:`candidates` falls back to when no place has the name
        itself, asked for also when one has ("Hodeidah" is the province's too)."""
        loose = skeleton(normalize(name))
        if len(loose) < 4:
            return []
        lo, hi = self._range(loose, "loose_")
        return self._places(self._views["loose_postings"][lo:hi], [1] * (hi - lo)) if hi > lo else []

    def with_user_entries(self, *paths: str | Path) -> OfflineGazetteer:
        """This gazetteer extended by user gazetteer files (CSV or GeoJSON); their entries win.

        The embedded index is shared, not copied.
        """
        from mapgen.geocode.user import load_user_gazetteer

        clone = copy.copy(self)
        clone._user = {k: list(v) for k, v in self._user.items()}
        for path in paths:
            for key, places in load_user_gazetteer(path).items():
                clone._user[key] = places + clone._user.get(key, [])
        clone._memo = {}
        clone._main = {}
        return clone

    def main_candidates(self, name: str) -> list[Place]:
        """``candidates(name)`` without the places ``name`` is only an alternate name of.

        What recognition asks of every run of proper nouns, most of which are no place: the
        transliteration fallback is never needed for it (it finds alternate names only), nor
        are the alternate names' places built.
        """
        return list(self._lookup_main(normalize(name)))

    def _lookup_main(self, key: str) -> Sequence[Place]:
        """Places whose main name is ``key`` (memoised)."""
        if key in self._user:
            return [p for p in self._user[key] if not p.alternate]
        cached = self._main.get(key)
        if cached is not None:
            return cached
        places = self._memo.get(key)
        if places is not None:
            main = tuple(p for p in places if not p.alternate)
        else:
            lo, hi = self._range(key, "") if len(key) >= 2 else (0, 0)
            alternate = self._views["alternate"]
            end = lo
            while end < hi and not alternate[end]:  # main names come first in a key's range
                end += 1
            main = tuple(self._places(self._views["postings"][lo:end], [0] * (end - lo))) if end > lo else ()
        if len(self._main) >= MEMO_SIZE:
            self._main.clear()
        self._main[key] = main
        return main

    def _lookup(self, key: str) -> Sequence[Place]:
        """Every place whose normalised name is ``key`` (memoised: texts repeat names)."""
        if key in self._user:
            return self._user[key]
        cached = self._memo.get(key)
        if cached is not None:
            return cached
        if len(key) < 2:
            return []
        places = self._find(key, "", self._main.get(key, ()))
        if not places and len(loose := skeleton(key)) >= 4:
            # Khan Younis for Khān Yūnis: a transliteration variant, counted as an alternate name.
            lo, hi = self._range(loose, "loose_")
            places = self._places(self._views["loose_postings"][lo:hi], [1] * (hi - lo)) if hi > lo else []
        if len(self._memo) >= MEMO_SIZE:
            self._memo.clear()
        self._memo[key] = found = tuple(places)
        return found

    def _find(self, key: str, table: str, main: Sequence[Place] = ()) -> list[Place]:
        """Places of ``key`` in ``table``; ``main``, its main-name places if already built, are reused."""
        lo, hi = self._range(key, table)
        lo += len(main)
        if hi <= lo:
            return list(main)  # most names looked up are not places
        places = self._places(self._views[f"{table}postings"][lo:hi], self._views[f"{table}alternate"][lo:hi])
        return [*main, *places] if main else places

    def _range(self, key: str, table: str) -> tuple[int, int]:
        """The rows of ``table`` whose key is ``key``: one binary search, then a short scan forward
        (a name has a few places, and most names looked up have none)."""
        search, keys = self._search[table]  # the method: np.searchsorted wraps it slowly
        h = _index.name_hash(key)
        lo = int(search(h))
        hi, size = lo, len(keys)
        while hi < size and keys[hi] == h:
            hi += 1
        return lo, hi

    def well_known_names(self, min_population: int) -> dict[str, str]:
        """Normalised main name -> name, of every non-town place and of towns this large or larger."""
        records = self._a["records"]
        rows = np.flatnonzero((records["feature"] != self._features.index("city"))
                              | (records["population"] >= min_population))
        # The normalised names were stored when the index was built (normalising them here cost more).
        offsets = np.load(self.index_dir / "main_keys.npy", mmap_mode="r")
        keys = (self.index_dir / "main_keys.bin").read_bytes()
        names = self._names
        out: dict[str, str] = {}
        for start, end, key_start, key_end in zip(records["name_start"][rows].tolist(),
                                                   records["name_end"][rows].tolist(), offsets[rows].tolist(),
                                                   (offsets[rows + 1] - 1).tolist(), strict=True):
            out.setdefault(keys[key_start:key_end].decode(), names[start:end].decode())
        return out

    def nearest_town(self, country_code: str, latitude: float, longitude: float, *,
                     min_population: int = 50_000) -> Place | None:
        """The town of at least ``min_population`` in ``country_code`` nearest to a point.

        "Evacuated to Russia" in a story about South Ossetia points at the part of Russia
        near the story, not at Russia's centre in Siberia.
        """
        records = self._a["records"]
        rows = self._towns_by_country(min_population).get(country_code.upper())
        if rows is None or len(rows) == 0:
            return None
        lat = np.radians(records["lat"][rows])
        lon = np.radians(records["lon"][rows])
        lat0, lon0 = math.radians(latitude), math.radians(longitude)
        h = np.sin((lat - lat0) / 2) ** 2 + np.cos(lat) * math.cos(lat0) * np.sin((lon - lon0) / 2) ** 2
        best = int(rows[int(np.argmin(h))])
        return self._places([best], [0])[0]

    def _towns_by_country(self, min_population: int) -> dict[str, np.ndarray]:
        cached = self._towns.get(min_population)
        if cached is not None:
            return cached
        records = self._a["records"]
        towns = np.flatnonzero((records["feature"] == self._features.index("city"))
                               & (records["population"] >= min_population))
        codes = records["cc"][towns]
        self._towns[min_population] = {str(code): towns[codes == code] for code in np.unique(codes)}
        return self._towns[min_population]

    def country_code(self, country: str) -> str | None:
        """ISO alpha-2 code for a country name or code, or None."""
        text = country.strip()
        if len(text) == 2 and text.upper() in self.countries:
            return text.upper()
        return self.country_codes_by_name.get(normalize(text)) or next(
            (p.country_code for p in self._lookup_countries(text)), None)

    def _lookup_countries(self, text: str) -> list[Place]:
        return [p for p in self._find(normalize(text), "") if p.feature == "country"]

    def _places(self, rows: Any, alternates: Any) -> list[Place]:
        """Places for index rows (a sequence of ints) and their alternate flags."""
        out = []
        names, features, raw, unpack, size = self._names, self._features, self._rows, _RECORD.unpack_from, _RECORD.size
        for row, alternate in zip(rows, alternates, strict=True):
            start, end, lat, lon, population, gid, area, west, south, east, north, feature, codes = unpack(
                raw, row * size)
            cc, country, admin1, code = self._codes.get(codes) or self._decode_codes(codes)
            out.append(Place(
                name=names[start:end].decode(), latitude=lat, longitude=lon, feature=features[feature],
                country_code=cc, country=country, admin1=admin1, admin1_code=code,
                population=population, geonameid=gid if gid >= 0 else None,
                bbox=None if math.isnan(west) else (west, south, east, north),
                source="mapgen" if gid == -1 else "geonames", alternate=bool(alternate), area_km2=area,
            ))
        return out

    def _decode_codes(self, codes: bytes) -> tuple[str | None, str | None, str | None, str | None]:
        """Country code, country, admin1 name and admin1 code of a record's raw ``cc`` and ``admin1``
        fields (remembered: few pairs recur across the places)."""
        cc = codes[:_CC_BYTES].decode("utf-32-le").rstrip("\x00")
        code = codes[_CC_BYTES:].decode("utf-32-le").rstrip("\x00")
        decoded = (cc or None, self.countries.get(cc) if cc else None,
                   self.admin1_names.get(f"{cc}.{code}") if code else None, code or None)
        self._codes[codes] = decoded
        return decoded


#: The fields of an index record as ``struct`` reads them from the raw rows (cheaper, per row,
#: than numpy's fancy indexing and ``tolist``); ``cc`` and ``admin1`` stay raw UTF-32 bytes, together.
_CC_BYTES = _index.RECORD["cc"].itemsize
_RECORD = struct.Struct("<qqddqqdddddb" f"{_CC_BYTES + _index.RECORD['admin1'].itemsize}s")
assert _RECORD.size == _index.RECORD.itemsize, "the struct must follow _index.RECORD"
assert (_index.RECORD.names or ())[-3:] == ("feature", "cc", "admin1"), "the struct must follow _index.RECORD"


register("offline", OfflineGazetteer.default)
