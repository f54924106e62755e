"""The offline gazetteer: exact lookup of normalised names in a memory-mapped index.

>>> gaz = OfflineGazetteer.default()
>>> [p.country_code for p in gaz.candidates("Kareli")]
['IN', 'GE']
"""

from __future__ import annotations

import json
import os
import sys
import threading
from functools import cached_property
from pathlib import Path
from typing import Any, ClassVar

import numpy as np

from mapgen.geocode import _index
from mapgen.geocode.base import Geocoder, register
from mapgen.geocode.normalize import normalize
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
        self._a = {name: np.load(self.index_dir / f"{name}.npy", mmap_mode="r") for name in (
            "keys", "alternate", "postings", "lat", "lon", "population", "geonameid", "feature", "cc", "admin1",
            "bbox", "area", "name_offsets")}
        self._memo: dict[str, list[Place]] = {}
        self._names = np.memmap(self.index_dir / "names.bin", dtype="uint8", mode="r")
        meta: dict[str, Any] = json.loads((self.index_dir / "meta.json").read_text())
        self.countries: dict[str, str] = meta["countries"]
        self.admin1_names: dict[str, str] = meta["admin1_names"]
        self.demonyms: dict[str, str] = meta["demonyms"]
        self.us_state_abbreviations: dict[str, str] = meta["us_state_abbreviations"]
        self.neighbours: dict[str, list[str]] = meta["neighbours"]
        self._features: list[str] = meta["features"]

    @classmethod
    def default(cls) -> OfflineGazetteer:
        """The shared instance, building the index on first use (once per data version)."""
        with cls._lock:
            if cls._default is None:
                index_dir = default_index_dir()
                if not (index_dir / "meta.json").is_file():
                    print(f"mapgen: building the offline gazetteer index in {index_dir} "
                          "(first use only, about 10 s)...", file=sys.stderr)
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
        return [p for p in places if code is None or p.country_code == code]

    def _lookup(self, key: str) -> list[Place]:
        """Every place whose normalised name is ``key`` (memoised: texts repeat names)."""
        cached = self._memo.get(key)
        if cached is not None:
            return cached
        if len(key) < 2:
            return []
        keys = self._a["keys"]
        h = _index.name_hash(key)
        lo = int(np.searchsorted(keys, h, side="left"))
        hi = int(np.searchsorted(keys, h, side="right"))
        places = [self._place(int(r), alternate=bool(alt)) for r, alt in zip(
            self._a["postings"][lo:hi], self._a["alternate"][lo:hi], strict=True)]
        if len(self._memo) >= MEMO_SIZE:
            self._memo.clear()
        self._memo[key] = places
        return places

    def well_known_names(self, min_population: int) -> dict[str, str]:
        """Normalised main name -> name, of every non-town place and of towns this large or larger."""
        a = self._a
        rows = np.flatnonzero((a["feature"] != self._features.index("city")) | (a["population"] >= min_population))
        out: dict[str, str] = {}
        for row in rows:
            name = self._name(int(row))
            out.setdefault(normalize(name), name)
        return out

    def _name(self, row: int) -> str:
        offsets = self._a["name_offsets"]
        return bytes(self._names[int(offsets[row]):int(offsets[row + 1]) - 1]).decode()

    def country_code(self, country: str) -> str | None:
        """ISO alpha-2 code for a country name or code, or None."""
        text = country.strip()
        if len(text) == 2 and text.upper() in self.countries:
            return text.upper()
        return self.country_codes_by_name.get(normalize(text)) or next(
            (p.country_code for p in self._lookup_countries(text)), None)

    def _lookup_countries(self, text: str) -> list[Place]:
        key = normalize(text)
        keys = self._a["keys"]
        h = _index.name_hash(key)
        lo, hi = np.searchsorted(keys, h, side="left"), np.searchsorted(keys, h, side="right")
        places = [self._place(int(r)) for r in self._a["postings"][lo:hi]]
        return [p for p in places if p.feature == "country"]

    def _place(self, row: int, *, alternate: bool = False) -> Place:
        a = self._a
        name = self._name(row)
        cc = str(a["cc"][row]) or None
        bbox = a["bbox"][row]
        gid = int(a["geonameid"][row])
        code = str(a["admin1"][row])
        return Place(
            name=name, latitude=float(a["lat"][row]), longitude=float(a["lon"][row]),
            feature=self._features[int(a["feature"][row])], country_code=cc,
            country=self.countries.get(cc) if cc else None,
            admin1=self.admin1_names.get(f"{cc}.{code}") if code else None, admin1_code=code or None,
            population=int(a["population"][row]), geonameid=gid if gid >= 0 else None,
            bbox=None if np.isnan(bbox[0]) else tuple(float(v) for v in bbox),  # type: ignore[arg-type]
            source="mapgen" if gid == -1 else "geonames", alternate=alternate,
            area_km2=float(a["area"][row]),
        )


register("offline", OfflineGazetteer.default)
