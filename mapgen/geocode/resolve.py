"""Place the rows of an events table that give names instead of coordinates.

Each name is looked up in a geocoder; among several places of the same name the
table itself is the context (the row's ``country``, the countries the other rows are
in). A name that stays ambiguous or unknown is reported, never guessed.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

from mapgen.geocode.base import Geocoder
from mapgen.geocode.place import Place

ROLES = (("location", "latitude", "longitude"),
         ("origin", "origin_latitude", "origin_longitude"),
         ("destination", "destination_latitude", "destination_longitude"))

#: A town this many times larger than every other of the same name wins without context.
DOMINANCE = 50
DOMINANT_POPULATION = 100_000


@dataclass(frozen=True, slots=True)
class Unplaced:
    """A place name in an event that could not be put on the map, and why."""

    event_id: str
    role: str  # location, origin or destination
    name: str
    reason: str


def choose(candidates: list[Place], context: Counter[str]) -> tuple[Place | None, str]:
    """The place meant among ``candidates``, or None and the reason.

    ``context`` counts the country codes the document is about.

    >>> ge = Place("Kareli", 42.02, 43.90, country_code="GE", population=6746)
    >>> india = Place("Kareli", 22.92, 79.06, country_code="IN", population=29929)
    >>> choose([india, ge], Counter({"GE": 3}))[0] is ge
    True
    >>> choose([india, ge], Counter())[1]
    'ambiguous: Kareli (IN), Kareli (GE); give a country or coordinates'

    A place of the table's countries known by the name as another spelling beats a main name abroad:

    >>> poland = Place("Jenin", 52.70, 15.10, country_code="PL", population=1100)
    >>> janin = Place("Janīn", 32.46, 35.30, country_code="PS", population=34730, alternate=True)
    >>> [choose([poland, janin], context)[0].country_code for context in (Counter({"PS": 2}), Counter())]
    ['PS', 'PL']
    """
    if not candidates:
        return None, "not in the offline gazetteer"
    main = [c for c in candidates if not c.alternate] or candidates
    for pool in (main, candidates) if context else ():
        in_context = [c for c in pool if c.country_code in context]
        if in_context:
            return max(in_context, key=lambda c: context[c.country_code or ""]), ""
    if len({c.country_code for c in main}) == 1 or len(main) == 1:
        return main[0], ""
    first, second = main[0], main[1]
    if first.feature != second.feature and first.feature in ("continent", "country", "region", "admin1"):
        return first, ""
    if first.population >= DOMINANT_POPULATION and first.population >= DOMINANCE * max(second.population, 1):
        return first, ""
    names = ", ".join(f"{c.name} ({c.country_code})" for c in main[:4])
    more = f" and {len(main) - 4} more" if len(main) > 4 else ""
    return None, f"ambiguous: {names}{more}; give a country or coordinates"


def place_events(frame: pd.DataFrame, geocoder: Geocoder) -> tuple[pd.DataFrame, list[Unplaced]]:
    """Fill missing coordinates from place names; returns the table and what stayed unplaced."""
    import pandas as pd

    frame = frame.copy()
    codes: dict[str, str | None] = {}

    def code(country: Any) -> str | None:
        if not isinstance(country, str) or not country.strip():
            return None
        if country not in codes:
            codes[country] = geocoder.country_code(str(country))
        return codes[country]

    context: Counter[str] = Counter(c for c in map(code, frame["country"]) if c)
    todo: list[tuple[Any, str, str, str, str, str | None]] = []
    for index, row in frame.iterrows():
        for role, lat, lon in ROLES:
            name = row[role]
            if isinstance(name, str) and name.strip() and pd.isna(row[lat]):
                todo.append((index, role, lat, lon, name, code(row["country"]) if role == "location" else None))

    lookups = {(name, country): geocoder.candidates(name, country=country) for _, _, _, _, name, country in todo}
    # Names with a single reading are context for the others (not for themselves: "Jenin" is a Polish
    # village's main name, and only another name of Janin; in a table about Palestine it is Janin).
    votes: dict[tuple[str, str | None], str] = {}
    for key, candidates in lookups.items():
        main = [c for c in candidates if not c.alternate] or candidates
        if len({c.country_code for c in main}) == 1 and main[0].country_code:
            votes[key] = main[0].country_code
    context.update(votes.values())
    chosen: dict[tuple[str, str | None], tuple[Place | None, str]] = {}
    for key, candidates in lookups.items():
        own = votes.get(key)
        if own is not None:
            context[own] -= 1
        chosen[key] = choose(candidates, +context)  # (+ drops the countries no other name is in)
        if own is not None:
            context[own] += 1

    unplaced: list[Unplaced] = []
    for index, role, lat, lon, name, country in todo:
        place, reason = chosen[(name, country)]
        if place is None:
            unplaced.append(Unplaced(str(frame.at[index, "event_id"]), role, name, reason))
            continue
        frame.at[index, lat] = place.latitude
        frame.at[index, lon] = place.longitude
        if role == "location":
            if pd.isna(frame.at[index, "geo_precision"]):
                frame.at[index, "geo_precision"] = place.geo_precision
            if pd.isna(frame.at[index, "country"]) and place.country:
                frame.at[index, "country"] = place.country
    _locate_flows_at_destination(frame)
    return frame, unplaced


def _locate_flows_at_destination(frame: pd.DataFrame) -> None:
    """A movement with no location of its own is located where it ends."""
    missing = frame["latitude"].isna() & frame["destination_latitude"].notna()
    frame.loc[missing, "latitude"] = frame.loc[missing, "destination_latitude"]
    frame.loc[missing, "longitude"] = frame.loc[missing, "destination_longitude"]
    no_name = missing & frame["location"].isna()
    frame.loc[no_name, "location"] = frame.loc[no_name, "destination"]
