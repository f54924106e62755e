"""Toponym resolution: choose, for every mention, the place the whole document points to.

Each candidate gets a score from what the place is (a country, a region, a town of so
many people, matched by its main or an alternate name) and from the document: the
countries and regions it names or implies (demonyms count), "X, Y" patterns ("Paris,
Texas", "Gainesville, Ga."), nearness to the other places mentioned (to the readings
chosen for them, and to all their possible readings: the places of one story cluster),
and optional hints from the caller. Scores are refined over a few rounds, each using the
previous round's choices; mentions of the same name share one reading (one sense per
discourse). A town that the text cannot tell from its many namesakes is left unplaced.
"""

from __future__ import annotations

import dataclasses
import functools
import itertools
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from mapgen.geocode.gazetteer import OfflineGazetteer
from mapgen.geocode.normalize import normalize
from mapgen.geocode.place import Place, distance_km
from mapgen.geoparse.lexicon import COMPASS_NAMES, GEO_WORDS, QUARTER_TITLES
from mapgen.geoparse.recognize import TOWN_FEATURES, Mention, region_abbreviation

MAX_CANDIDATES = 40
ROUNDS = 3
FEATURE_PRIOR = {"continent": 3.0, "country": 3.0, "region": 2.6, "tunnel": 2.6, "landmark": 2.6, "admin1": 2.2,
                 "admin2": 1.2}
W_COUNTRY = 1.5
W_NEIGHBOUR = 0.8
W_POPULATION = 2.5
W_ALTERNATE = 1.5
#: Lost instead of W_ALTERNATE by an alternate name that is the main name spelt another way ("Jenin" for
#: Janīn) of a town of RESPELT_POPULATION or more: a transliteration it is known by abroad, read almost as
#: the name itself, not a historic or foreign one ("Engannim"). Villages' respellings stay alternates: most
#: are the loose matches of other names ("Al Sayid", a family, and As Said, a Yemeni hamlet).
W_RESPELT = 0.5
RESPELT_POPULATION = 10_000
W_TOWN_REGION = 0.5
W_ADMIN1 = 2.0
W_PATTERN = 5.0
W_STATES = 2.0  # a state named with other states of its country (see _score)
W_NEAR = 2.0
W_SEAT = 1.0  # see _seat_first
W_PROVINCE_WORD = 1.5  # "the Vitebsk region": the province over its seat of the same name
W_HINT = 2.5
#: How much a town named like a country loses, unless written with its state ("Lebanon, Pa.").
W_COUNTRY_NAMED = 1.5
#: Taken off a country's score where the name is used as a town's: English calls a country's people and
#: bodies by its demonym ("a Jordanian man"), a town's by its name ("a Jordan man", "Jordan police").
W_TOWN_USE = 2.0
NEAR_KM = 150.0
W_CLUSTER = 1.5  # how much the other names' readings nearby count (see _cluster_support)
#: Readings this far apart (km) vouch for each other by 1/e; farther, exponentially less.
CLUSTER_KM = 30.0
#: Most distances computed at once for cluster support (memory bound for huge texts).
CLUSTER_CELLS = 4_000_000
SAME_KM = 50.0
#: A town whose reading is less sure than this is left unplaced (latitude None, the score kept):
#: it is one of ten or more namesakes the text does not tell apart. On LGL such pins are right
#: less than a third of the time.
UNSURE = 0.1
_ABBREVIATION_AFTER = re.compile(r"^,\s*((?:[A-Z][a-z]{0,4}\.)(?:\s?[A-Z][a-z]?\.)?|[A-Z]{2}\b)")


@dataclass(frozen=True, slots=True)
class Hints:
    """What the caller knows about the document: a country (name or code) and/or a box."""

    country: str | None = None
    bbox: tuple[float, float, float, float] | None = None  # west, south, east, north


@dataclass(slots=True)
class _Slot:
    key: str
    mentions: list[int]
    candidates: list[Place]
    within: list[tuple[str, str | None]] = field(default_factory=list)  # (country, admin1 code) from X, Y
    choice: int = 0
    priors: list[float] = field(default_factory=list)  # prior() of each candidate
    support: list[float] = field(default_factory=list)  # _cluster_support() of each candidate
    scores: list[float] = field(default_factory=list)
    capital: Place | None = None  # the candidate that is its country's capital ("Washington")
    country: Place | None = None  # the country the name is the main name of ("Egypt"), if any
    region_read: bool = False  # written as a region somewhere: "Albany, New York", "Idlib province"
    province_word: bool = False  # followed by a word for a province somewhere: "the Vitebsk region"
    division_word: bool = False  # ...or for a division of either level: "Idlib province", "Lima province"
    town_word: bool = False  # after a word for a settlement: "the town of Kidal" (not the Kidal region)
    town_use: bool = False  # used as towns are, before a town's people or bodies: "Jordan middle school"
    state_use: bool = False  # used as states are, before a state's bodies: "the Virginia Department of Education"
    listed_countries: int = 0  # names next to it in a list that are countries' main names ("Chad and Niger")
    #: Its provinces whose seat has the name too ("Kherson"): (country code, admin1 code), see _seat_first
    seated: frozenset[tuple[str | None, str | None]] = frozenset()
    #: ids of the readings that are counties of the name (see _counties_of): they vouch for no one
    counties: frozenset[int] = frozenset()
    _sure: tuple[list[float] | None, float] = (None, 1.0)  # (the scores it was computed from, confidence)
    #: Per choice: which candidates lie within SAME_KM of it (the choice changes rarely between rounds).
    _close: dict[int, list[bool]] = field(default_factory=dict)
    #: Per candidate: id of another slot's reading -> _nearness term before the reading's sureness:
    #: every round asks again about the same pairs, and the trigonometry is the cost.
    _near: list[dict[int, float]] = field(default_factory=list)
    _radians: dict[int, _Radians] = field(default_factory=dict)  # choice -> _radians() of that reading

    def sure(self) -> float:
        """Confidence in the current reading, recomputed only when the scores change."""
        if len(self.candidates) <= 1:
            return 1.0
        if self._sure[0] is not self.scores:
            self._sure = (self.scores, _decision(self)[1])
        return self._sure[1]

    def close(self) -> list[bool]:
        """For each candidate, whether it lies within SAME_KM of the current choice (computed once a choice)."""
        close = self._close.get(self.choice)
        if close is None:
            chosen = self.candidates[self.choice]
            close = self._close[self.choice] = [distance_km(c, chosen) <= SAME_KM for c in self.candidates]
        return close


#: After a name: the people and bodies of a town (see W_TOWN_USE).
_TOWN_USE_AFTER = re.compile(
    r"(?:'s|’s)?\s+(?:woman|man|women|men|resident|residents|native|teen|teenager|girl|boy|couple|family|"
    r"police|mayor|city council|middle school|high school|elementary|league|volunteer fire|fire department)\b")


#: After a name: the bodies of a state or a country, not of a town (see _Slot.state_use).
_STATE_USE_AFTER = re.compile(
    r"(?:'s|’s)?\s+(?:Department of|State Police|State Patrol|National Guard|General Assembly|Legislature|"
    r"Supreme Court|Attorney General|House of Delegates|Board of Regents)\b")


def prior(place: Place, written: str | None = None) -> float:
    """How likely a place is meant, before reading the document, when the text writes ``written``.

    >>> prior(Place("X", 0, 0, feature="country")) > prior(Place("Y", 0, 0, population=5000))
    True
    >>> janin = Place("Janīn", 32.5, 35.3, population=34730, alternate=True)
    >>> prior(janin, "Jenin") - prior(janin, "Engannim") == W_ALTERNATE - W_RESPELT
    True
    """
    if place.feature in FEATURE_PRIOR:
        score = FEATURE_PRIOR[place.feature]
        if place.feature == "region" and not place.country_code:
            score = FEATURE_PRIOR["continent"]  # Middle East, Caucasus: above any namesake town
    else:
        score = 0.5 + W_POPULATION * math.log10(place.population + 1) / 7
    if place.alternate:
        score -= W_RESPELT if written is not None and place.population >= RESPELT_POPULATION and (
            _respelling(written, place.name) or _short_form(written, place.name)
            or _short_form(place.name, written)) else W_ALTERNATE
    return score


#: Words before a town's everyday name in its official one: "Heroica Guaymas", "Ciudad Lázaro Cárdenas".
_TITLE_WORDS = ("ciudad ", "heroica ", "villa ")
#: What follows a town's everyday name in its official one: "Cintalapa de Figueroa", "Chilpancingo de los Bravo".
_QUALIFIER = re.compile(r" (?:de|del|do|da|dos|das) .+$")


@functools.lru_cache(maxsize=4096)
def _short_form(written: str, name: str) -> bool:
    """Whether ``written`` is the everyday short form of the official name ``name``: without its title
    words before or its qualifier after ("Guaymas" of Heroica Guaymas, "Cintalapa" of Cintalapa de
    Figueroa, "Lazaro Cardenas" of Ciudad Lázaro Cárdenas). Either way round, a town is known by both.

    >>> _short_form("Guaymas", "Heroica Guaymas"), _short_form("Cintalapa", "Cintalapa de Figueroa")
    (True, True)
    >>> _short_form("Santa Cruz", "Santa Cruz Xoxocotlán"), _short_form("Figueroa", "Cintalapa de Figueroa")
    (False, False)
    """
    short, full = normalize(written), normalize(name)
    for title in _TITLE_WORDS:
        if full.startswith(title):
            full = full[len(title):]
    return short != normalize(name) and short in (full, _QUALIFIER.sub("", full))


@functools.lru_cache(maxsize=4096)
def _respelling(written: str, name: str) -> bool:
    """Whether ``written`` is the main name ``name`` spelt another way: from the same first letter, as
    alike as CLOSE_SPELLING, an Arabic article apart ("Jenin" and Janīn; not "Dschenin" or "Engannim")."""
    from rapidfuzz import fuzz

    a, b = _unarticled(normalize(written)), _unarticled(normalize(name))
    return a[:1] == b[:1] and fuzz.ratio(a, b) >= CLOSE_SPELLING


def resolve(text: str, mentions: list[Mention], demonyms: Counter[str], gazetteer: OfflineGazetteer,
            hints: Hints | None = None) -> list[tuple[Place | None, float]]:
    """The place and a 0..1 score for each mention (None where nothing fits)."""
    slots: dict[str, _Slot] = {}
    # "the Kharkiv region" is the province, "Kharkiv" alone in the same text the city: two readings
    listed = _listed_divisions(text, mentions)
    mentions = [dataclasses.replace(m, province=True) if not m.demonym and (
                    _DIVISION_AFTER.match(text, m.end) or i in listed) else m for i, m in enumerate(mentions)]
    for index, mention in enumerate(mentions):
        key = _key(mention)
        if key not in slots:
            candidates = gazetteer.candidates(mention.lookup, country=mention.country)[:MAX_CANDIDATES]
            if mention.demonym:
                candidates = [c for c in candidates if c.feature == "country"]
            elif mention.feature:
                candidates = [c for c in candidates if c.feature == mention.feature] or candidates
            counties = _counties_of(mention, candidates, gazetteer)
            candidates, capital = _capital_first(mention.lookup, candidates + counties, gazetteer)
            country = next((c for c in candidates if c.feature == "country" and not c.alternate), None)
            slots[key] = _Slot(key, [], candidates, capital=capital, country=country,
                               counties=frozenset(map(id, counties)))
        slots[key].mentions.append(index)
    _patterns(text, mentions, slots, gazetteer, listed)
    _country_lists(text, mentions, slots)
    for slot in slots.values():  # "a Lebanon woman", "the Jordan middle school": said of a town, not a country
        slot.town_use = any(_TOWN_USE_AFTER.match(text, mentions[i].end) for i in slot.mentions)
        # "the Virginia Department of Education", "Ohio State Police": said of a state or a country
        slot.state_use = any(_STATE_USE_AFTER.match(text, mentions[i].end) for i in slot.mentions)
    for slot in slots.values():
        if not slot.region_read:
            slot.candidates, slot.seated = _seat_first(mentions[slot.mentions[0]], slot.candidates, gazetteer)
    for slot in slots.values():  # a namesake inside the region the text names is never cut off
        if slot.within and slot.mentions:
            mention = mentions[slot.mentions[0]]
            inside = [c for c in gazetteer.candidates(mention.lookup, country=mention.country)
                      if any(c.country_code == cc and (a1 is None or c.admin1_code == a1) for cc, a1 in slot.within)]
            slot.candidates += [c for c in inside if c not in slot.candidates]
    hint_code = gazetteer.country_code(hints.country) if hints and hints.country else None
    parts = _parts_of(slots, mentions)
    # A part of a town ("north Arlington") is no witness to where the town is: the others hear
    # nothing from it, and it takes the town's reading in the end (_part_readings).
    witnesses = {key: slot for key, slot in slots.items() if key not in parts}
    _cluster_support(witnesses)
    for key in parts:
        slots[key].support = [0.0] * len(slots[key].candidates)
    for slot in slots.values():
        written = mentions[slot.mentions[0]].lookup if slot.mentions else None
        seats = _municipal_seats(slot.candidates)
        slot.priors = [prior(c, written) + W_CLUSTER * s / (s + 1) + (W_MUNICIPAL_SEAT if i in seats else 0.0)
                       for i, (c, s) in enumerate(zip(slot.candidates, slot.support, strict=True))]
        slot.scores = slot.priors
        slot.choice = _best(slot.scores)
    # A lone candidate is the choice whatever it scores, with confidence 1 (sure(), _decision):
    # its scores are read by nothing, so they are not computed.
    open_slots = [slot for slot in slots.values() if len(slot.candidates) > 1]
    for _ in range(ROUNDS):
        before = [(slot.choice, slot.scores) for slot in open_slots]
        evidence = _evidence(slots, demonyms, parts)
        for slot in open_slots:  # in turn: each slot reads the choices made before it in the round
            slot.scores = _scores(slot, evidence, witnesses, hint_code, hints, gazetteer)
            slot.choice = _best(slot.scores)
        if [(slot.choice, slot.scores) for slot in open_slots] == before:
            break  # a fixed point (in most texts, after a round or two): another round would compute the same
    decided = {key: _decision(slot) for key, slot in slots.items()}
    _part_readings(decided, parts)
    _county_short_forms(decided, slots, mentions, gazetteer)
    for key, slot in slots.items():
        place = decided[key][0]
        if place is not None and place.alternate and place.feature in TOWN_FEATURES and slot.mentions \
                and _generic(mentions[slot.mentions[0]].lookup):
            decided[key] = (None, 0.0)  # "North Side", "South Island": another name of one town among many
    out: list[tuple[Place | None, float]] = [(None, 0.0)] * len(mentions)
    for key, slot in slots.items():
        place, confidence = decided[key]
        if place is not None and place.feature in TOWN_FEATURES and confidence < UNSURE:
            place = None  # one of many namesakes that nothing in the text tells apart: no pin beats a wrong one
        for index in slot.mentions:
            out[index] = (place, confidence)
    return out


#: A point of the compass before a town's name that the text also writes alone: a part of that town.
_PART_WORDS = frozenset(("north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"))
#: The kind of town before its name: "the City of Richmond" is the Richmond the text names alone.
_SAME_TOWN = re.compile(r"(?:city|town|village|borough|township|municipality) of ")


def _parts_of(slots: dict[str, _Slot], mentions: list[Mention]) -> dict[str, str]:
    """The names that are a part of a town the text also names alone, each with the town's slot key.

    "a gas well in north Arlington ... the North Arlington Neighbors ... Arlington's council": the
    text is about one Arlington, and North Arlington, New Jersey (one reading, so sure of itself)
    must not drag it east. Only names whose every reading is a town or a county: "West Virginia"
    and "Virginia", "South Ossetia" and "Ossetia" are different places. A name with a reading next
    to one of the town's is a neighbour and a witness like any other (South Orange by Orange, New
    Jersey), and a name placed by a pattern ("North Arlington, N.J.") stands on its own.
    """
    out = {}
    for key, slot in slots.items():
        if not slot.mentions or slot.within or slot.region_read or not slot.candidates \
                or any(c.feature not in TOWN_FEATURES for c in slot.candidates):
            continue
        name, _, rest = key.partition("|")
        head, _, town = name.partition(" ")
        if head in _PART_WORDS:
            same = False  # a town beside the other, or a part of it
        elif (kind := _SAME_TOWN.match(name)) is not None:
            town, same = name[kind.end():], True  # "the City of Richmond": the town itself
        else:
            continue
        base = f"{town}|{rest}"
        if town and base in slots and slots[base].mentions and not mentions[slots[base].mentions[0]].demonym \
                and (same or not any(distance_km(c, b) <= SAME_KM
                                     for c in slot.candidates for b in slots[base].candidates)):
            out[key] = base
    return out


def _part_readings(decided: dict[str, tuple[Place | None, float]], parts: dict[str, str]) -> None:
    """A part of a town (see _parts_of) is read as the town, when that is a town or a county."""
    for key, base in parts.items():
        town = decided[base][0]
        if town is not None and town.feature in TOWN_FEATURES:
            decided[key] = decided[base]


#: Words that, with a point of the compass or each other, make names found everywhere ("Big Creek").
_GENERIC_WORDS = GEO_WORDS | COMPASS_NAMES | frozenset(normalize(w) for w in (
    "side end shore beach point grove lakes big little upper lower old new great").split())


def _generic(name: str) -> bool:
    """Whether a name of two or more words is made of generic words only ("North Side", "Big Creek").

    >>> _generic("North Side"), _generic("South Island"), _generic("Tskhinvali"), _generic("Lake")
    (True, True, False, False)
    """
    words = normalize(name).split()
    return len(words) >= 2 and all(w in _GENERIC_WORDS for w in words)


#: The last word of a county's name that a text drops when it names the county again ("DeKalb police").
COUNTY_WORDS = frozenset({"county", "parish", "borough"})
#: How far from a county's centre a town of its name may lie to be the one a short form means.
COUNTY_TOWN_KM = 50.0
#: A reading this populous (or a country, state or region) is not taken for a county's short form.
COUNTY_SHORT_MAX_POPULATION = 100_000


def _counties_of(mention: Mention, candidates: list[Place], gazetteer: OfflineGazetteer) -> list[Place]:
    """The counties (and parishes) of a town's name, as more readings of it, after the town's own.

    "Oxford" beside Woodstock and Tillsonburg is Oxford County, Ontario. With the low prior of a
    county they win only where the text's other places lie around them; they vouch for no other name
    and make no town less sure (see _cluster_support, _decision). Not for a name the model took for
    a person's ("Roy Jones") or only the gazetteer scan found.
    """
    if mention.demonym or mention.feature or mention.how in ("person", "gazetteer") \
            or not any(c.feature == "city" for c in candidates) \
            or normalize(mention.lookup).rpartition(" ")[2] in COUNTY_WORDS:
        return []
    counties = [c for word in ("County", "Parish") for c in gazetteer.main_candidates(f"{mention.lookup} {word}")
                if c.feature == "admin2" and c not in candidates]
    return counties[:MAX_CANDIDATES - len(candidates)]


def _county_short_forms(decided: dict[str, tuple[Place | None, float]], slots: dict[str, _Slot],
                        mentions: list[Mention], gazetteer: OfflineGazetteer) -> None:
    """A bare name that the text also writes as a county is said of that county or its own town.

    "Woman stabbed in DeKalb County ... DeKalb police said": the second DeKalb is Georgia's county,
    not DeKalb, Illinois, however much better known the Illinois town is. The county's town of
    that name, when there is one near its centre, is the reading; else the county itself.
    """
    counties: dict[str, tuple[Place, float]] = {}
    for place, confidence in decided.values():
        if place is not None and place.feature == "admin2":
            head, _, last = normalize(place.name).rpartition(" ")
            if head and last in COUNTY_WORDS:
                counties.setdefault(head, (place, confidence))
    if not counties:
        return
    for key, slot in slots.items():
        if not slot.mentions or (mention := mentions[slot.mentions[0]]).demonym:
            continue
        county = counties.get(normalize(mention.lookup))
        place = decided[key][0]
        if county is None or (place is not None and (
                place.feature in ("country", "admin1", "region", "continent")
                or place.population >= COUNTY_SHORT_MAX_POPULATION
                or (place.country_code, place.admin1_code) == (county[0].country_code, county[0].admin1_code))):
            continue
        towns = [c for c in gazetteer.candidates(mention.lookup, country=county[0].country_code)
                 if c.feature == "city" and c.admin1_code == county[0].admin1_code
                 and distance_km(c, county[0]) <= COUNTY_TOWN_KM]
        decided[key] = (min(towns, key=lambda c: distance_km(c, county[0])) if towns else county[0], county[1])


#: Features whose readings can vouch for one another by being close (towns, counties, sites).
LOCAL_FEATURES = frozenset({"city", "admin2", "landmark", "tunnel"})


def _cluster_support(slots: dict[str, _Slot]) -> None:
    """How many other names of the document have some reading next to each candidate.

    Namesake towns are scattered, but the places one story names cluster: "Alexandria",
    "Brandon" and "Douglas County" each have readings in several states, and only in one
    do they lie together. Every reading of every other name counts, chosen or not, so the
    first guesses do not decide; a name counts once however many readings it has nearby.
    A country, a state or a curated region is supported by the other names with a reading
    inside it ("Indiana" the state, not the town in Pennsylvania, in a story about Indiana).
    """
    slot_list = list(slots.values())
    for slot in slot_list:
        slot.support = [0.0] * len(slot.candidates)
    local = [(index, position, place) for index, slot in enumerate(slot_list)
             for position, place in enumerate(slot.candidates) if place.feature in LOCAL_FEATURES
             and id(place) not in slot.counties]
    if not local:
        return
    if local[0][0] != local[-1][0]:  # with one name's readings alone, no other name is near them: 0
        _nearby_support(slot_list, local)
    _container_support(slot_list, local)


def _nearby_support(slot_list: list[_Slot], local: list[tuple[int, int, Place]]) -> None:
    """Support of the local readings (see _cluster_support): the sum, over the other slots, of how
    near their nearest reading lies."""
    import numpy as np

    # Rows come grouped by slot: where each slot's columns start, and each row's own slot.
    # (Small arrays: worked out in Python, numpy's call overhead being the larger cost there.)
    starts: list[int] = []
    own: list[int] = []
    column: dict[str, int] = {}  # a slot's column, by its key without the division mark
    previous = -1
    for index, _, _ in local:
        if index != previous:
            starts.append(len(own))
            previous = index
            column.setdefault(_bare_key(slot_list[index].key), len(starts) - 1)
        own.append(len(starts) - 1)
    # "the Kyiv region" and "Kyiv": one name read two ways, neither vouching for the other
    twins = [(row, twin) for row, (index, _, _) in enumerate(local)
             if (twin := column.get(_bare_key(slot_list[index].key), own[row])) != own[row]]
    lat = np.radians(np.array([p.latitude for _, _, p in local]))
    lon = np.radians(np.array([p.longitude for _, _, p in local]))
    step = max(1, CLUSTER_CELLS // len(local))  # rows at a time: a huge text stays within memory
    for first in range(0, len(local), step):
        rows_lat, rows_lon = lat[first:first + step, None], lon[first:first + step, None]
        h = (np.sin((rows_lat - lat[None, :]) / 2) ** 2
             + np.cos(rows_lat) * np.cos(lat[None, :]) * np.sin((rows_lon - lon[None, :]) / 2) ** 2)
        # np.clip(h, 0, 1), as maximum and minimum: the same values, without clip's slower dispatch
        near = np.exp(-2 * 6371.0 * np.arcsin(np.sqrt(np.minimum(np.maximum(h, 0), 1))) / CLUSTER_KM)
        per_slot = np.maximum.reduceat(near, starts, axis=1)  # candidate x slot: its nearest reading
        per_slot[np.arange(len(per_slot)), own[first:first + step]] = 0.0
        for row, twin in twins:
            if first <= row < first + step:
                per_slot[row - first, twin] = 0.0
        for (index, position, _), total in zip(local[first:first + step], per_slot.sum(axis=1).tolist(),
                                               strict=True):
            slot_list[index].support[position] = total


def _container_support(slot_list: list[_Slot], local: list[tuple[int, int, Place]]) -> None:
    """Support of countries, states and curated regions (see _cluster_support): how many other
    slots have a local reading inside them. (Counts and comparisons only: no arithmetic to vectorise.)"""
    # Per slot, the countries and the states of its local readings.
    mine: dict[int, set[tuple[str | None, str | None]]] = {}
    for index, _, place in local:
        mine.setdefault(index, set()).add((place.country_code, place.admin1_code))
    in_country: Counter[str | None] = Counter()
    in_admin1: Counter[tuple[str | None, str | None]] = Counter()
    for keys in mine.values():
        in_country.update({code for code, _ in keys})
        in_admin1.update(keys)
    for index, slot in enumerate(slot_list):
        own = mine.get(index, set())
        for position, place in enumerate(slot.candidates):
            if place.feature == "country":
                slot.support[position] = in_country[place.country_code] - float(
                    any(code == place.country_code for code, _ in own))
            elif place.feature == "admin1":
                key = (place.country_code, place.admin1_code)
                slot.support[position] = in_admin1[key] - float(key in own)
            elif place.feature == "region" and place.bbox:  # curated regions: the Gaza Strip
                west, south, east, north = place.bbox
                slot.support[position] = float(len({
                    other for other, _, p in local
                    if other != index and west <= p.longitude <= east and south <= p.latitude <= north}))


def _capital_first(name: str, candidates: list[Place],
                   gazetteer: OfflineGazetteer) -> tuple[list[Place], Place | None]:
    """The candidates, with the one that is a country's capital called ``name`` (or None).

    A capital called by its usual short name is no lesser alternate name: "Washington" is
    Washington, D.C., as GeoNames calls it.
    """
    code = gazetteer.capitals.get(normalize(name))
    towns = [p for p in candidates if p.feature == "city" and p.country_code == code]
    if not towns:
        return candidates, None
    capital = max(towns, key=lambda p: p.population)
    if capital.alternate:
        fixed = dataclasses.replace(capital, alternate=False)
        return [fixed if p is capital else p for p in candidates], fixed
    return candidates, capital


#: A town this large named like the province or state it lies in is the province's seat ("Gomel", "Odessa").
SEAT_POPULATION = 50_000
#: How alike (rapidfuzz ratio, 0..100) the seat's own name and the name written must be: Homyel' and Gomel are 73.
SEAT_SPELLING = 60
#: ...or from the same first letter, this alike: the Belarusian and Russian Mahilyow and Mogilev are 40.
SEAT_TRANSLITERATION = 40
#: How alike (rapidfuzz ratio) a town's name and its province's are when they are one name spelt two
#: ways: Dara and Daraa ("X in Dar'a" is in the province).
CLOSE_SPELLING = 80
#: Words after a name that make it the region, not its seat ("Idlib province", "Odessa oblast").
_REGION_AFTER = re.compile(r"\s+(?:province|governorate|oblast|region|state|department|prefecture|countryside|"
                           r"voivodeship|wilaya|county)\b", re.I)
#: The words of _REGION_AFTER that name a first-level division wherever they are used: "the Vitebsk
#: region" is the province, not its seat of the same name (see W_PROVINCE_WORD), and "the Idlib countryside" its
#: rural part (Syrian usage). Not "province", "department" or "prefecture", second-level in some countries
#: ("Lima Province" is the capital's).
_PROVINCE_AFTER = re.compile(r"\s+(?:governorate|oblast|region|state|voivodeship|wilaya|countryside)\b", re.I)
#: Before a name: a word for a settlement and "of" ("the town of Kidal", "the port city of Hodeidah"): the town,
#: not the province of the same name.
_TOWN_BEFORE = re.compile(r"\b(?:city|town|village|hamlet|settlement|locality)\s+of\s+(?:the\s+)?$", re.I)
#: Before a name, the words that make it a first-level division: "the state of Guanajuato", "the central
#: province of Hama", "the oblast of Kherson" (not "the city of").
_PROVINCE_BEFORE = re.compile(r"\b(?:state|province|governorate|oblast|region|wilaya)\s+of\s+(?:the\s+)?$", re.I)


#: A word for a division after a name, in lower case ("the Kharkiv region", "Idlib province", "New York state"):
#: that mention is the division, read apart from the bare name, which may be its seat ("Ohio State" is not).
_DIVISION_AFTER = re.compile(r"\s+(?:province|governorate|oblast|region|state|voivodeship|wilaya|countryside|"
                             r"prefecture|department)\b")


def _spelt_alike(ratio: float, a: str, b: str) -> bool:
    """Whether two names of a town are one name spelt two ways: alike enough (Homyel' and Gomel), or,
    from the same first letter, as alike as two transliterations can be (Mahilyow and Mogilev, 40)."""
    return ratio >= SEAT_SPELLING or (ratio >= SEAT_TRANSLITERATION and a[:1] == b[:1])


#: An Arabic article before a name ("Al Hudaydah", "Ad Dali'", "el-Fasher"), written by one spelling, not another.
_ARTICLE = re.compile(r"^(?:al|el|ad|ar|as|ash|at|az|an|adh|ath)[\s-]")


def _unarticled(name: str) -> str:
    """A normalised name without an Arabic article before it.

    >>> _unarticled("al hudaydah"), _unarticled("aleppo")
    ('hudaydah', 'aleppo')
    """
    return _ARTICLE.sub("", name)


#: Added to the prior of a town at the seat of the municipality of its name (see _municipal_seats).
W_MUNICIPAL_SEAT = 0.3
#: Added to the score of a country's capital in a text about that country (see _score).
W_CAPITAL = 1.0
#: A town this close (km) to the centre of a municipality of the same name is taken for its seat.
SEAT_KM = 15.0


def _municipal_seats(candidates: list[Place]) -> set[int]:
    """Indices of the towns among ``candidates`` that lie at a municipality (admin2) of the same name,
    their seat, when another town of the name lies in the same state: of two El Saltos of 22,000 people
    in Jalisco, the one in the municipality of El Salto.

    >>> seat, other = Place("El Salto", 20.52, -103.18, population=21644), Place("El Salto", 20.33, -104.5)
    >>> sorted(_municipal_seats([Place("El Salto", 20.53, -103.25, feature="admin2"), other, seat]))
    [2]
    """
    municipalities = [c for c in candidates if c.feature == "admin2" and not c.alternate]
    if not municipalities:
        return set()
    seats = {i for i, c in enumerate(candidates) if c.feature == "city" and any(
        m.country_code == c.country_code and distance_km(m, c) <= SEAT_KM for m in municipalities)}
    # only a tie-break between namesakes of one state: elsewhere the state the text names decides
    states = Counter((c.country_code, c.admin1_code) for c in candidates if c.feature == "city" and not c.alternate)
    return {i for i in seats if states[(candidates[i].country_code, candidates[i].admin1_code)] > 1}


def _seat_first(mention: Mention, candidates: list[Place],
                gazetteer: OfflineGazetteer) -> tuple[list[Place], frozenset[tuple[str | None, str | None]]]:
    """The candidates, with a province's seat of the same name ranked as a main name of the town;
    and the provinces that have such a seat, as (country code, admin1 code).

    "Protesters gathered in Gomel" means the city of Gomel, which GeoNames calls Homyel' (so
    "Gomel" is only an alternate name of it) and whose province is called Gomel: the province's
    centre is far from the city. A text that means the province says so ("Gomel region") or
    writes the name as a container ("Rechytsa, Gomel"), and then the province keeps its rank.
    """
    regions = [c for c in candidates if c.feature == "admin1" and c.admin1_code]
    if not regions or mention.feature or mention.demonym:
        return candidates, frozenset()
    from rapidfuzz import fuzz

    everything = gazetteer.candidates(mention.lookup, country=mention.country)
    # the seat may be called so only in another transliteration ("Hodeidah", Al Ḩudaydah's province)
    have = set(everything)
    code = gazetteer.country_code(mention.country) if mention.country is not None else None
    everything += [p for p in gazetteer.spelt_like(mention.lookup) if p.feature == "city" and p not in have
                   and (mention.country is None or p.country_code == code)]
    fixed: dict[int, Place] = {}
    for region in regions:
        towns = [c for c in everything if c.feature == "city" and c.country_code == region.country_code
                 and c.admin1_code == region.admin1_code]
        seat = max(towns, key=lambda p: p.population, default=None)
        # "Oklahoma City" is not called by its state's name alone, and the name is the town's own, only
        # spelt another way (Gomel, Homyel'), not its state's given to it by GeoNames (Bahia for Salvador)
        if seat is not None and seat.population >= SEAT_POPULATION \
                and not normalize(seat.name).startswith(normalize(region.name) + " ") \
                and _spelt_alike(fuzz.ratio(seat_name := _unarticled(normalize(seat.name)),
                                            written := _unarticled(normalize(mention.lookup))), seat_name, written):
            fixed[id(seat)] = dataclasses.replace(seat, alternate=False) if seat.alternate else seat
    if not fixed:
        return candidates, frozenset()
    seated = frozenset((seat.country_code, seat.admin1_code) for seat in fixed.values())
    kept = [fixed.pop(id(c), c) for c in candidates]
    return kept + list(fixed.values()), seated  # seats beyond the candidates cut off by MAX_CANDIDATES


#: Ends the key of a name written as a province ("the Kyiv region"), read apart from the bare name ("Kyiv").
_PROVINCE_KEY = "|p"


def _key(mention: Mention) -> str:
    """Mentions with the same key share one reading (one sense per discourse)."""
    division = _PROVINCE_KEY if mention.province else ""
    return f"{normalize(mention.lookup)}|{mention.country or ''}|{int(mention.demonym)}{division}"


def _bare_key(key: str) -> str:
    """The key of the name itself, whether or not written as a province: one for "the Kyiv region" and "Kyiv"."""
    return key.removesuffix(_PROVINCE_KEY)


def _twin_key(key: str) -> str:
    """The key of the same name read the other way ("Kyiv" for "the Kyiv region", and back)."""
    return _bare_key(key) if key.endswith(_PROVINCE_KEY) else key + _PROVINCE_KEY


def _best(scores: list[float]) -> int:
    return max(range(len(scores)), key=lambda i: (scores[i], -i)) if scores else 0


def _decision(slot: _Slot) -> tuple[Place | None, float]:
    if not slot.candidates:
        return None, 0.0
    top = max(slot.scores)
    chosen = slot.candidates[slot.choice]
    # a county of the name (see _counties_of) that is not the choice makes no town less sure
    weights = [0.0 if slot.counties and id(c) in slot.counties and c is not chosen else math.exp(s - top)
               for c, s in zip(slot.candidates, slot.scores, strict=True)]
    if slot.within and chosen.feature in TOWN_FEATURES and not any(
            chosen.country_code == cc and (a1 is None or chosen.admin1_code == a1) for cc, a1 in slot.within):
        return None, 0.0  # "Vodyane, Donetsk" but no Vodyane in Donetsk is known: no pin beats a wrong one
    # Namesakes next to the choice (Moscow the city and Moscow the region) do not make the pin less sure.
    agree = sum(w for w, close in zip(weights, slot.close(), strict=True) if close)
    confidence = agree / sum(weights)
    return slot.candidates[slot.choice], round(confidence, 3)


#: The kind of place between a name and its container: "Surobi district, Kandahar", "Payyoli town (Kozhikode)".
_KIND_BEFORE_JOIN = re.compile(
    r"^(?:district|sub-?district|village|town|city|county|province|area|region|governorate|municipality|"
    r"commune|township|subdivision|locality|lga|department|neighbou?rhood|camp)"
    r"(?:\s+(?:center|centre|headquarters|capital))?\b\s*(?=,|\(|in\b)", re.I)  # "Maruf district center, Kandahar"


#: "in central", "in the north of", "in north-eastern": the part of a container a place lies in, read as "in".
_PART_OF_JOIN = re.compile(r"^(,\s*)?in\s+(?:the\s+)?(?:far\s+)?(?:(?:north|south)(?:-?(?:east|west))?|east|west|"
                           r"central|centre|center)(?:ern)?(?:\s+(?:part\s+)?of(?:\s+the)?)?$", re.I)


#: The kinds of _KIND_BEFORE_JOIN that a province contains, not a town: "Surobi district, Kandahar" is in the
#: province of Kandahar.
_DIVISION_BEFORE_JOIN = re.compile(r"^(?:district|sub-?district|county|lga|tehsil|department)\b", re.I)


#: A plural division word after the last name of a list: "the Kyiv, Chernihiv and Sumy regions".
_DIVISIONS_AFTER = re.compile(r"\s+(?:(governorates|oblasts|regions|states|voivodeships)|provinces|departments|"
                              r"prefectures)\b")
#: Between the names of a list.
_LIST_JOIN = re.compile(r"\s*(?:,|,?\s+and|,?\s+or|&)\s*")


def _listed_divisions(text: str, mentions: list[Mention]) -> dict[int, bool]:
    """The mentions of a list that a plural division word closes, each a division: index -> whether the word
    names first-level ones wherever it is used (see _PROVINCE_AFTER).

    >>> text = "drones over the Kyiv, Chernihiv and Sumy regions"
    >>> _listed_divisions(text, [Mention(text.index(w), text.index(w) + len(w), w, "ner", w)
    ...                          for w in ("Kyiv", "Chernihiv", "Sumy")])
    {2: True, 1: True, 0: True}
    """
    found: dict[int, bool] = {}
    for index, mention in enumerate(mentions):
        word = None if mention.demonym else _DIVISIONS_AFTER.match(text, mention.end)
        if word is None:
            continue
        first = index
        found[index] = bool(word.group(1))
        while first > 0 and not mentions[first - 1].demonym and \
                _LIST_JOIN.fullmatch(text, mentions[first - 1].end, mentions[first].start):
            first -= 1
            found[first] = bool(word.group(1))
    return found


def _patterns(text: str, mentions: list[Mention], slots: dict[str, _Slot], gazetteer: OfflineGazetteer,
              listed: dict[int, bool]) -> None:
    """ "X, Y" where Y is a state or country: X is a place inside Y; ``listed`` is :func:`_listed_divisions`."""
    from rapidfuzz import fuzz

    for index, mention in enumerate(mentions):
        slot = slots[_key(mention)]
        after = text[mention.end:mention.end + 12]
        if _REGION_AFTER.match(text, mention.end):
            slot.region_read = True
            slot.province_word = slot.province_word or bool(_PROVINCE_AFTER.match(text, mention.end))
            slot.division_word = slot.division_word or mention.province
        elif (word := listed.get(index)) is not None:  # "the Kyiv, Chernihiv and Sumy regions"
            slot.region_read = slot.division_word = True
            slot.province_word = slot.province_word or word
        if _PROVINCE_BEFORE.search(text, max(0, mention.start - 40), mention.start):
            slot.region_read = slot.province_word = True  # "in the central state of Guanajuato": the state
        elif _TOWN_BEFORE.search(text, max(0, mention.start - 40), mention.start):
            slot.town_word = True
        if index + 1 < len(mentions):
            nxt = mentions[index + 1]
            # "Gori, Georgia", "Altos de San Lorenzo (Buenos Aires)", "Miznaz in Aleppo"
            between = text[mention.end:nxt.start].strip()
            join = _PART_OF_JOIN.sub(r"\1in", _KIND_BEFORE_JOIN.sub("", between))  # "Boni in central Mali"
            if join in (",", "(", "in", ", in") and not _listed(text, mentions, index) and not (
                    join == "," and slot.country is not None and slots[_key(nxt)].country is not None) and not (
                    join == "," and _towns_listed(text, mentions, index, gazetteer)):
                # (not "China, Canada and Britain": a country is inside no country)
                slots[_key(nxt)].region_read = True
                if _DIVISION_BEFORE_JOIN.match(between):  # "Maruf district center, Kandahar": the province
                    slots[_key(nxt)].province_word = True
                for place in gazetteer.candidates(nxt.lookup)[:5]:
                    if place.feature == "country":
                        slot.within.append((place.country_code or "", None))
                    elif place.feature == "admin1" or (place.feature == "city" and place.admin1 and (
                            normalize(place.admin1) == normalize(nxt.lookup)
                            or fuzz.ratio(normalize(place.admin1), normalize(place.name)) >= CLOSE_SPELLING)):
                        # "Vodyane, Donetsk": the province named after its capital (spelt its way: Dar'a, Daraa)
                        slot.within.append((place.country_code or "", place.admin1_code))
                        if place.feature == "admin1":
                            slot.within += _coded_otherwise(mention, place, gazetteer)
                continue
        match = _ABBREVIATION_AFTER.match(after)
        found = region_abbreviation(gazetteer, match[1]) if match else None
        if match and found and match[1].replace(" ", "") in (f.replace(" ", "") for f in found[2:]):
            country, region = found[0], found[1]
            states = [(country, p.admin1_code) for p in gazetteer.candidates(region, country=country)
                      if p.feature == "admin1"]
            # An abbreviation names a state of another country as well ("Chennai, TN" is in Tamil Nadu,
            # not Tennessee): it says where a place is only if a namesake lies in the state it stands for.
            if any((c.country_code, c.admin1_code) in states for c in gazetteer.candidates(mention.lookup)):
                slot.within += states


def _coded_otherwise(mention: Mention, region: Place, gazetteer: OfflineGazetteer) -> list[tuple[str, str | None]]:
    """The regions (country, admin1 code) of namesakes of ``mention`` that lie within the region's
    reach though GeoNames files them under a stale code (one no region bears any more), when none
    is filed under the region's own: provinces split or renumbered ("Mbuji-Mayi (Kasai-Oriental)"
    is coded to the old province); and of big towns in the next province ("Mariupol, Zaporizhia")."""
    candidates = gazetteer.candidates(mention.lookup)
    if not region.area_km2 or any(c.country_code == region.country_code and c.admin1_code == region.admin1_code
                                  for c in candidates):
        return []
    radius = math.sqrt(region.area_km2 / math.pi)
    # A city is no namesake to doubt: "Mariupol, Zaporizhia" is Mariupol, in the next province.
    return [(c.country_code or "", c.admin1_code) for c in candidates if c.feature in TOWN_FEATURES
            and c.country_code == region.country_code and (
                (c.admin1 is None and distance_km(c, region) <= 1.5 * radius)
                or (c.population >= NEIGHBOUR_CITY and distance_km(c, region) <= 2 * radius))]


#: A town this large that the text writes in a province next to its own ("Mariupol, Zaporizhia") is that town.
NEIGHBOUR_CITY = 100_000


_JOINS = (",", "and", "or", ", and", ", or")
#: The joins that end a list ("Homs, Hama and Aleppo").
_LAST_JOINS = tuple(join for join in _JOINS if join != ",")


def _country_lists(text: str, mentions: list[Mention], slots: dict[str, _Slot]) -> None:
    """Count, for each name that can be a country, its neighbours in a list that are countries' names."""
    for index, mention in enumerate(mentions):
        slot = slots[_key(mention)]
        if slot.country is None or mention.demonym:
            continue
        for other in (index - 1, index + 1):
            if not 0 <= other < len(mentions) or mentions[other].demonym:
                continue
            first, second = sorted((mention, mentions[other]), key=lambda m: m.start)
            if text[first.end:second.start].strip() in _JOINS and slots[_key(mentions[other])].country is not None:
                slot.listed_countries += 1


def _listed(text: str, mentions: list[Mention], index: int) -> bool:
    """ "Moscow, Kiev, Minsk and Riga": the mention opens a list of four or more places, not "X, Y"
    (but "Springfield, Illinois, and Columbus, Ohio" is two of them).

    >>> text = "Moscow, Kiev, Minsk and Riga"
    >>> names = ["Moscow", "Kiev", "Minsk", "Riga"]
    >>> _listed(text, [Mention(text.index(w), text.index(w) + len(w), w, "ner", w) for w in names], 0)
    True
    """
    if index + 3 >= len(mentions):
        return False
    joins = [text[mentions[i].end:mentions[i + 1].start].strip() for i in range(index, index + 3)]
    return joins[0] == joins[1] == "," and joins[2] in _JOINS


def _towns_listed(text: str, mentions: list[Mention], index: int, gazetteer: OfflineGazetteer) -> bool:
    """Whether the mention opens a list of three, "Homs, Hama and Aleppo", whose second name is a big
    town's (and a province's): towns listed, not "X, Y" (but "Dunwoody, Georgia and Atlanta" is)."""
    if index + 2 >= len(mentions) or text[mentions[index + 1].end:mentions[index + 2].start].strip() not in (
            _LAST_JOINS):
        return False
    second = mentions[index + 1]
    return any(c.feature == "city" and c.population >= SEAT_POPULATION
               for c in gazetteer.candidates(second.lookup, country=second.country))


#: What one slot's current reading says about the document: (country code or None, weight,
#: (country, admin1) key or None, weight of that region); see _contribution.
_Contribution = tuple[str | None, int, tuple[str, str] | None, float]


def _contribution(slot: _Slot) -> _Contribution:
    """What a mention's current reading says about the document's countries and regions."""
    if not slot.candidates:
        return None, 0, None, 0.0
    place = slot.candidates[slot.choice]
    weight = len(slot.mentions)
    region: tuple[str, str] | None = None
    region_weight: float = 0.0
    # Regions named outright count fully; a town counts as much as its reading is sure, so
    # two small namesake towns do not vouch for each other's region.
    if place.feature in ("admin1", "admin2") and place.admin1_code:
        region, region_weight = (place.country_code or "", place.admin1_code), weight
    elif place.feature == "city" and place.admin1_code and W_TOWN_REGION:
        region, region_weight = (place.country_code or "", place.admin1_code), W_TOWN_REGION * weight * slot.sure()
    return place.country_code or None, weight, region, region_weight


@dataclass(slots=True)
class _Evidence:
    """Countries and admin1 regions the document is about, from the choices at the start of a round."""

    countries: dict[str, float]  # code -> weight (positive weights only)
    admin1: dict[tuple[str, str], float]
    states: dict[tuple[str, str], int]  # the states and provinces named outright (each name once)
    state_totals: dict[str, int]  # country -> how many of its states are named outright
    own: dict[str, _Contribution]  # slot key -> its contribution (unchanged until the slot is scored)


def _evidence(slots: dict[str, _Slot], demonyms: Counter[str], silent: Iterable[str] = ()) -> _Evidence:
    """The evidence of the current choices, each slot's contribution computed once a round
    (the ``silent`` slots' left out of the sums).

    Sums run in slot order, as the scores' floating-point arithmetic depends on it.
    """
    countries: dict[str, float] = {code: 0.5 * n for code, n in demonyms.items()}
    admin1: dict[tuple[str, str], float] = {}
    own = {}
    for key, slot in slots.items():
        own[key] = contribution = (None, 0, None, 0.0) if key in silent else _contribution(slot)
        code, weight, region, region_weight = contribution
        if code:
            countries[code] = countries.get(code, 0) + weight
        if region is not None:
            admin1[region] = admin1.get(region, 0) + region_weight
    states = _states(slot for key, slot in slots.items() if key not in silent)
    totals: dict[str, int] = {}
    for (country, _), n in states.items():
        totals[country] = totals.get(country, 0) + n
    return _Evidence({code: n for code, n in countries.items() if n > 0}, admin1, states, totals, own)


def _states(slots: Iterable[_Slot]) -> Counter[tuple[str, str]]:
    """The states and provinces the current readings name outright (each name once)."""
    out: Counter[tuple[str, str]] = Counter()
    for slot in slots:
        if slot.candidates and (place := slot.candidates[slot.choice]).feature == "admin1" and place.admin1_code:
            out[(place.country_code or "", place.admin1_code)] += 1
    return out


def _own_state(slot: _Slot) -> tuple[str, str] | None:
    """The state or province the slot's current reading names outright, as _states counts it."""
    if slot.candidates and (place := slot.candidates[slot.choice]).feature == "admin1" and place.admin1_code:
        return place.country_code or "", place.admin1_code
    return None


class _Others:
    """What the rest of the document says while one slot is scored: the round's evidence without
    the slot's own reading. Country terms are computed once per country, not once per candidate."""

    __slots__ = ("_country_terms", "admin1", "countries", "own_region", "own_region_weight", "own_state",
                 "state_totals", "states")

    def __init__(self, slot: _Slot, evidence: _Evidence) -> None:
        code, weight, self.own_region, self.own_region_weight = evidence.own[slot.key]
        self.countries = evidence.countries
        if code:  # as Counter subtraction: the own country's weight taken off, kept only if still positive
            self.countries = dict(self.countries)
            left = self.countries.pop(code, 0) - weight
            if left > 0:
                self.countries[code] = left
        self.admin1 = evidence.admin1
        twin = evidence.own.get(_twin_key(slot.key))
        if twin is not None and twin[2] is not None:  # "Kyiv" is no evidence on the region of "the Kyiv region"
            self.admin1 = dict(self.admin1)
            self.admin1[twin[2]] = self.admin1.get(twin[2], 0) - twin[3]
        self.states, self.state_totals = evidence.states, evidence.state_totals
        self.own_state = _own_state(slot)
        self._country_terms: dict[str, tuple[float, float]] = {}

    def country_terms(self, code: str, gazetteer: OfflineGazetteer) -> tuple[float, float]:
        """The document's weight on a country, then on its neighbours, as score terms."""
        terms = self._country_terms.get(code)
        if terms is None:
            here = self.countries.get(code, 0)
            around = sum(self.countries.get(n, 0) for n in gazetteer.neighbours.get(code, ()))
            terms = self._country_terms[code] = (W_COUNTRY * here / (here + 1), W_NEIGHBOUR * around / (around + 1))
        return terms

    def region(self, key: tuple[str, str]) -> float:
        """The weight of the other readings on an admin1 region."""
        return self.admin1.get(key, 0) - (self.own_region_weight if key == self.own_region else 0)

    def other_states(self, country: str | None, code: str | None) -> int:
        """How many states of ``country`` other than ``code`` the other readings name outright."""
        if country is None:
            return 0  # no state key has a None country ("" stands for none)
        own = self.own_state
        total = self.state_totals.get(country, 0) - (1 if own is not None and own[0] == country else 0)
        same = self.states.get((country, code), 0) - (1 if own == (country, code) else 0) if code else 0
        return total - same


def _scores(slot: _Slot, evidence: _Evidence, slots: dict[str, _Slot], hint_code: str | None,
            hints: Hints | None, gazetteer: OfflineGazetteer) -> list[float]:
    """The score of each of the slot's candidates, from what the rest of the document says."""
    others = _Others(slot, evidence)
    if all(place.feature in ("continent", "country") for place in slot.candidates):
        neighbours = []  # nearness does not count for them
    else:
        neighbours = _neighbours(slot, slots)
    if not slot._near:
        slot._near = [{} for _ in slot.candidates]
    return [_score(slot, place, prior_score, others, neighbours, near, hint_code, hints, gazetteer)
            for place, prior_score, near in zip(slot.candidates, slot.priors, slot._near, strict=True)]


def _score(slot: _Slot, place: Place, prior_score: float, others: _Others,
           neighbours: list[tuple[int, float, _Radians]], near: dict[int, float], hint_code: str | None,
           hints: Hints | None, gazetteer: OfflineGazetteer) -> float:
    """One candidate's score: its prior, then the document's countries and regions (the slot's own
    reading left out), the states named with it, "X, Y" patterns, nearness to the other places,
    and the caller's hints. (The terms are added in this order: floating-point sums depend on it.)"""
    score = prior_score
    if place.country_code:
        country, around = others.country_terms(place.country_code, gazetteer)
        score += country
        score += around
        if place is slot.capital and country > 0 and not (slot.province_word or slot.division_word):
            score += W_CAPITAL  # "Egypt cooperated with Washington, US officials said": the country's capital
    if place.admin1_code and place.feature != "admin1":
        same = others.region((place.country_code or "", place.admin1_code))
        score += W_ADMIN1 * same / (same + 1) if same > 0 else 0.0
    if (place.feature == "admin1" and (place.country_code, place.admin1_code) not in slot.seated) \
            or place is slot.capital:
        # "Iowa, Missouri and Nevada": a name that can be a state, named with other states (or
        # the country's capital, named with its states: Washington), is a state; not a province
        # named after its seat ("protests in Kherson and Odessa" are in the cities)
        same = others.other_states(place.country_code, place.admin1_code)
        score += W_STATES * same / (same + 1)
    if place.feature == "country" and slot.listed_countries:
        # "flew for China, Canada and Britain": a name listed with countries is the country, in a
        # text about Texas too, where China and Italy are also towns
        score += W_STATES * slot.listed_countries / (slot.listed_countries + 1)
    for country_code, admin1 in slot.within:
        if place.country_code == country_code and (admin1 is None or place.admin1_code == admin1):
            score += W_PATTERN
            break
    if (slot.province_word and place.feature == "admin1") or (
            slot.division_word and place.feature in ("admin1", "admin2")):
        score += W_PROVINCE_WORD
    elif place.feature == "admin1" and (place.country_code, place.admin1_code) in slot.seated:
        score -= W_SEAT  # a province named like its seat, never written as a province: the town
    if slot.town_word and place.feature in TOWN_FEATURES:
        score += W_PROVINCE_WORD  # "the town of Kidal": the town, as "the Kidal region" is the region
    score += W_NEAR * _nearness(place, neighbours, near)
    if place.feature in TOWN_FEATURES and not slot.within and slot.country is not None:
        score -= W_COUNTRY_NAMED  # "Egypt" in a text about Egypt and the US is not Egypt, Alabama
    if slot.town_use and place.feature == "country":
        score -= W_TOWN_USE
    if slot.state_use and place.feature in ("admin1", "country"):
        score += W_TOWN_USE
    if hint_code and place.country_code == hint_code:
        score += W_HINT
    if hints and hints.bbox:
        west, south, east, north = hints.bbox
        if west <= place.longitude <= east and south <= place.latitude <= north:
            score += W_HINT
    return score


#: A place's latitude and longitude in radians and the cosine of its latitude: the parts of
#: distance_km that depend on one place only.
_Radians = tuple[float, float, float]


def _radians(place: Place) -> _Radians:
    lat = math.radians(place.latitude)
    return lat, math.radians(place.longitude), math.cos(lat)


def _haversine_km(a: _Radians, b: _Radians) -> float:
    """distance_km(a, b) from the places' _radians: the same arithmetic, in the same order.

    >>> a, b = Place("Gori", 41.98, 44.11), Place("Kareli", 42.02, 43.9)
    >>> _haversine_km(_radians(a), _radians(b)) == distance_km(a, b)
    True
    """
    lat1, lon1, cos1 = a
    lat2, lon2, cos2 = b
    h = math.sin((lat2 - lat1) / 2) ** 2 + cos1 * cos2 * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _neighbours(slot: _Slot, slots: dict[str, _Slot]) -> list[tuple[int, float, _Radians]]:
    """The other slots' current readings that can vouch for nearness (no countries or states), each
    with how sure it is: a neighbour vouches as much as its own reading is sure. (Each as the id of
    the place, its sureness and its _radians.)"""
    out = []
    twin = _bare_key(slot.key)  # "the Kyiv region" and "Kyiv" vouch for neither reading of the other
    for other in slots.values():
        if other is slot or not other.candidates or _bare_key(other.key) == twin:
            continue
        chosen = other.candidates[other.choice]
        if chosen.feature not in ("continent", "country", "admin1"):
            there = other._radians.get(other.choice)
            if there is None:
                there = other._radians[other.choice] = _radians(chosen)
            out.append((id(chosen), other.sure(), there))
    return out


def _nearness(place: Place, neighbours: list[tuple[int, float, _Radians]], cache: dict[int, float]) -> float:
    """1 when another place of the document is next to (or inside) this one, falling off with distance.

    ``cache`` holds this place's terms by neighbour (ids stay valid while the slots live)."""
    if place.feature in ("continent", "country"):
        return 0.0
    reach = place.radius_km or 0.0
    best = 0.0
    here: _Radians | None = None
    for chosen, sure, there in neighbours:
        term = cache.get(chosen)
        if term is None:
            here = here or _radians(place)
            term = cache[chosen] = math.exp(-max(0.0, _haversine_km(here, there) - reach) / NEAR_KM)
        best = max(best, sure * term)
    return best


#: A proper noun the gazetteer knows becomes a mention when one of its places lies this close
#: to a town the text surely names ("Greer" in a story about Spartanburg).
SUPPORT_KM = 40.0
ANCHOR_FEATURES = frozenset({"city", "admin2", "landmark", "tunnel"})
#: ...or when one of its places is a town of this many people in a region the text names.
REGION_TOWN = 5_000
#: ...or a town of this many people there, by another of its names ("Dahod" for Dohad, Gujarat).
REGION_CITY = 20_000


def supported(maybe: list[Mention], resolved: list[tuple[Place | None, float]],
              gazetteer: OfflineGazetteer, text: str = "", mentions: Sequence[Mention] = ()
              ) -> list[tuple[Mention, Place]]:
    """The ``maybe`` mentions that have a namesake next to a surely placed town, with that namesake; or in
    the province the text names, a town of any size when the text writes it in it ("the town of Sarmin in
    Idleb province": ``text`` and ``mentions``, the mentions ``resolved`` reads), and a town of some size
    in the country it writes it in ("near Nabatieh in southern Lebanon")."""
    # What the text writes each maybe in: a province ("Sarmin in Idleb province") or a country ("near Nabatieh
    # in southern Lebanon", where a town of some size counts)
    written_in: set[int] = set()
    in_country: dict[int, str | None] = {}
    for m in maybe:
        for other, (p, _) in zip(mentions, resolved if mentions else (), strict=True):
            if p is not None and other.start > m.end and _WRITTEN_IN.fullmatch(text[m.end:other.start]):
                if p.feature == "admin1":
                    written_in.add(id(m))
                elif p.feature == "country":
                    in_country[id(m)] = p.country_code
    # Each anchor once (a town named twice is one anchor: a repeat could not beat its first distance).
    anchors = list({id(p): p for p, score in resolved
                    if p is not None and score >= 0.5 and p.feature in ANCHOR_FEATURES}.values())
    regions = {(p.country_code, p.admin1_code) for p, score in resolved
               if p is not None and score >= 0.5 and p.feature == "admin1"}
    if not anchors and not regions and not in_country:
        return []  # nothing to be next to
    anchor_radians = [_radians(anchor) for anchor in anchors]
    out = []
    for mention in maybe:
        best: tuple[float, Place] | None = None
        for place in gazetteer.candidates(mention.lookup):
            if (place.country_code, place.admin1_code) in regions \
                    and (place.population >= (REGION_CITY if place.alternate else REGION_TOWN)
                         or (id(mention) in written_in and not place.alternate)):
                best = (0.0, place)  # a town of the state or province the text names (a bigger one, by another name)
                break
            if in_country.get(id(mention)) == place.country_code and place.population >= REGION_CITY:
                best = (0.0, place)
                break
            if place.alternate:
                continue
            here = _radians(place)
            for anchor, there in zip(anchors, anchor_radians, strict=True):
                d = _haversine_km(here, there)  # distance_km(place, anchor)
                if d <= SUPPORT_KM and (best is None or d < best[0]) and place.name != anchor.name:
                    best = (d, place)
        if best is not None:
            out.append((mention, best[1]))
    return out


#: Between a town and the province it lies in: "Sarmin in Idleb", "Sarmin (Idleb", "Sarmin, Idleb".
_WRITTEN_IN = re.compile(r"\s*(?:,|\(|in|in the|, in)\s*(?:(?:north|south|east|west)\w*\s+)?")


#: Ways of finding a mention that the sentence alone does not make sure of.
WEAK_PATHS = frozenset({"inside", "entity", "gazetteer", "person", "nearby"})


#: A town smaller than this, alone in its part of the world, is a namesake of a place the gazetteer lacks.
LONELY_POPULATION = 20_000
#: ...or smaller than this when only the gazetteer found it, the model seeing no place there ("Fonseca").
LONELY_SCANNED = 100_000
#: ... when every other place the text names lies further away than this (km).
LONELY_KM = 1000.0


def lonely(mentions: list[Mention], resolved: list[tuple[Place | None, float]], demonyms: Counter[str],
           gazetteer: OfflineGazetteer | None = None) -> set[int]:
    """Small towns read in a country nothing else in the text points to, far from every other place it
    names ("Zona" read as Zuña, Ecuador, in a story from Guatemala City), or its only place in a text
    whose peoples, groups or currencies point to other countries ("Mauritanian police in Mal" read as
    Mal, Belgium): the text means a place of its own region that the gazetteer does not know. A town
    in the country of a people the text names is never lonely, nor the only town of its name next to
    it ("Israeli forces stormed Kafr Qaddum"). They stay mentions, unplaced: no pin beats a wrong one."""
    placed = [(i, p) for i, (p, _) in enumerate(resolved) if p is not None]
    out = set()
    for index, place in placed:
        if (place.feature != "city" or not place.country_code
                or place.population >= (LONELY_SCANNED if mentions[index].how == "gazetteer" else LONELY_POPULATION)
                or mentions[index].how == "pattern"):  # a dateline or "X, Y" says where it is
            continue
        code = place.country_code
        if demonyms.get(code) or (gazetteer is not None and _one_of_its_name(mentions[index], gazetteer) and any(
                demonyms.get(n, 0) >= 1 for n in gazetteer.neighbours.get(code, ()))):
            continue  # "Israeli forces stormed Kafr Qaddum": a people's forces next door, in the only town so named
        if not any(i != index and p.name != place.name for i, p in placed):
            # its only place: lonely if the text's peoples point elsewhere ("Mauritanian police in Mal")
            if max(demonyms.values(), default=0.0) >= 1.0:
                out.add(index)
            continue
        # the places it is far from must be names of their own, not parts of longer names ("John Flanders")
        others = [p for i, p in placed if i != index and p.name != place.name
                  and mentions[i].how not in ("inside", "nearby")]
        if not others or any(p.country_code == code for p in others):
            continue
        if all(distance_km(place, p) > LONELY_KM for p in others):
            out.add(index)
    return out


def _one_of_its_name(mention: Mention, gazetteer: OfflineGazetteer) -> bool:
    """Whether the gazetteer has only one town of the mention's name (no namesake to be mistaken for)."""
    return sum(c.feature == "city" for c in gazetteer.candidates(mention.lookup, country=mention.country)) == 1


def compass_regions(mentions: list[Mention], resolved: list[tuple[Place | None, float]],
                    demonyms: Counter[str]) -> set[int]:
    """Regions named only by a point of the compass ("Ouest", "North East", ``COMPASS_NAMES``), read in
    a country nothing else in the text points to: many countries have one, and "(Bamboutos, Ouest)" in
    a story from Cameroon is not Haiti's Ouest. They stay mentions, unplaced.

    >>> from mapgen.geoparse.recognize import Mention
    >>> ouest = Place("Ouest", 18.6, -72.3, country_code="HT", feature="admin1")
    >>> compass_regions([Mention(0, 5, "Ouest", "ner", "ouest")], [(ouest, 0.8)], Counter())
    {0}
    >>> compass_regions([Mention(0, 5, "Ouest", "ner", "ouest")], [(ouest, 0.8)], Counter({"HT": 1}))
    set()
    """
    out = set()
    for index, (place, _) in enumerate(resolved):
        if (place is None or place.feature not in ("admin1", "admin2") or not place.country_code
                or normalize(mentions[index].text) not in COMPASS_NAMES or demonyms.get(place.country_code)):
            continue
        if not any(i != index and p is not None and p.country_code == place.country_code
                   for i, (p, _) in enumerate(resolved)):
            out.add(index)
    return out


#: How far from every other place of the text a small town must lie, in a first-level region no
#: other place of the text is in, to be taken for a namesake of a town the text means (km).
LONELY_STATE_KM = 500.0
#: How sure the other places must be to say where the text is.
ANCHOR_SCORE = 0.5


#: A town this large read abroad is not moved to a namesake where the text's peoples are (see where_its_peoples_are).
PEOPLES_TOWN = 100_000


def where_its_peoples_are(mentions: list[Mention], resolved: list[tuple[Place | None, float]],
                          demonyms: Counter[str], gazetteer: OfflineGazetteer) -> dict[int, Place]:
    """The text's only place, a town read in a country nothing in the text points to, while its
    peoples, groups or local words point to another where the name is a place too: that namesake.
    "A firefight in Barangay Magdawat, Pinabacdao, Samar" between the NPA and the army is in the
    Philippines' Samar, not Samar, Ukraine (70,000 people) of the bigger prior.

    Returns the new reading of each mention to change."""
    placed = {i: p for i, (p, _) in enumerate(resolved) if p is not None}
    if len({p.name for p in placed.values()}) != 1 or not demonyms:
        return {}
    pointed = [code for code, weight in demonyms.most_common() if weight >= 1.0]
    if not pointed:
        return {}
    out: dict[int, Place] = {}
    for index, place in placed.items():
        if place.feature not in TOWN_FEATURES or place.population >= PEOPLES_TOWN or demonyms.get(
                place.country_code or "") or mentions[index].how == "pattern":
            continue
        there = [c for c in gazetteer.candidates(mentions[index].lookup, country=mentions[index].country)
                 if c.country_code == pointed[0] and (c.feature in TOWN_FEATURES or c.feature == "admin1")]
        if there:
            out[index] = max(there, key=lambda c: (c.population, c.feature == "admin1"))
    return out


def far_from_its_state(mentions: list[Mention], resolved: list[tuple[Place | None, float]],
                       gazetteer: OfflineGazetteer) -> dict[int, Place | None]:
    """Small towns read in a state or province none of the text's sure places lies in, far from all
    of them: "Star Lake" in a story from Minnesota read as Star Lake, New York, 1,600 km away. Each
    gets its namesake in one of those places' states, or within 100 km of one of them, if the
    gazetteer has one (the biggest), else no pin: the text means a town the gazetteer lacks.
    Names written with their state ("Star Lake, N.Y.") are exempt, and so is a town in a state the
    text names, or in a text with fewer than two sure places of other names in its country.

    Returns the new reading (a place, or None) of each mention to change.
    """
    sure = {}
    named_states = set()  # "Florida", however sure: the text names the state
    for i, (p, score) in enumerate(resolved):
        if p is not None and p.feature == "admin1":
            named_states.add((p.country_code, p.admin1_code))
        if (p is not None and score >= ANCHOR_SCORE and p.feature != "country"
                and mentions[i].how not in ("inside", "nearby")):
            sure.setdefault(p.name, p)
    out: dict[int, Place | None] = {}
    for index, (place, _) in enumerate(resolved):
        if (place is None or place.feature != "city" or place.population >= LONELY_POPULATION
                or not place.admin1_code or mentions[index].how == "pattern"):
            continue
        # the text's other places in the same country ("Honda Odyssey" read as two foreign towns says nothing)
        others = [p for name, p in sure.items() if name != place.name and p.country_code == place.country_code]
        states = {(p.country_code, p.admin1_code) for p in others if p.admin1_code} | named_states
        if len(others) < 2 or (place.country_code, place.admin1_code) in states:
            continue
        if any(distance_km(place, p) <= LONELY_STATE_KM for p in others):
            continue
        near = [c for c in gazetteer.candidates(mentions[index].lookup) if c.feature == "city" and (
            (c.country_code, c.admin1_code) in states or any(distance_km(c, p) <= AREA_KM for p in others))]
        out[index] = max(near, key=lambda c: c.population) if near else None
    return out


#: How far from its town a place written "X, Town" may lie: a quarter, a village of its district (km).
BESIDE_KM = 40.0
#: ... and the only town of its name, from a town that may stand for its province ("Matalam, Cotabato").
PROVINCE_KM = 150.0


#: Between a quarter and its town: "Palanpur area of Surat city", "Kypseli neighbourhood of Athens".
_QUARTER_OF = re.compile(r"(?:area|district|neighbou?rhood|quarter|suburb|village|sector)\s+of(?:\s+the)?", re.I)


#: Before a mention: a word for a town's quarter ("Colonia Lomas Verdes", "Barrio San Jose"); not "Barangay", as
#: GeoNames lists the Philippines' barangays as places of their own.
_QUARTER_BEFORE = re.compile(rf"\b(?:{'|'.join(sorted(QUARTER_TITLES - {'barangay'}))})\s+$", re.I)


def quarters_away(text: str, mentions: list[Mention], resolved: list[tuple[Place | None, float]]) -> set[int]:
    """Indices of quarters named after their title word ("a car in Colonia Lomas Verdes") read as a town
    far (BESIDE_KM+) from every other place the text names: the quarter of a town, not its namesake town
    across the country (no pin).

    >>> text = "Police found a car in Colonia Lomas Verdes."
    >>> at = text.index("Lomas")
    >>> quarters_away(text, [Mention(at, at + 12, "Lomas Verdes", "ner", "Lomas Verdes")], [(Place("x", 19, -99), 0.9)])
    {0}
    """
    out = set()
    placed = [(i, p) for i, (p, _) in enumerate(resolved) if p is not None]
    for index, place in placed:
        m = mentions[index]
        if not _QUARTER_BEFORE.search(text, max(0, m.start - 20), m.start):
            continue
        if not any(i != index and distance_km(place, p) <= BESIDE_KM for i, p in placed):
            out.add(index)
    return out


def beside_their_towns(text: str, mentions: list[Mention], resolved: list[tuple[Place | None, float]],
                       gazetteer: OfflineGazetteer) -> dict[int, Place | None]:
    """Places written "X, Y" or "X area of Y" where Y is read as a town ("Diliman, Quezon City",
    "Barangay Poblacion, Marawi, Lanao del Sur") but X lies more than ``BESIDE_KM`` from it: X is a quarter or a village
    of the town, so it gets its nearest namesake within reach, or no pin (a quarter the gazetteer
    lacks) rather than a namesake across the country. Not in lists ("Homs, Hama and Aleppo"): the
    pair must stand alone, or be followed by the state or country containing the town.

    Returns the new reading (a place, or None) of each mention to change.
    """
    out: dict[int, Place | None] = {}
    joins = [text[a.end:b.start].strip() for a, b in itertools.pairwise(mentions)]
    for index in range(len(mentions) - 1):
        place, town = resolved[index][0], resolved[index + 1][0]
        if (place is None or town is None or not (joins[index] == "," or _QUARTER_OF.fullmatch(joins[index]))
                or town.feature != "city"
                or place.feature not in TOWN_FEATURES or mentions[index].how == "pattern"
                or (index > 0 and joins[index - 1] in _JOINS)):
            continue
        if index + 2 < len(mentions) and joins[index + 1] in _JOINS:  # a third name: the town's region only
            region = resolved[index + 2][0]
            if region is None or region.feature not in ("admin1", "admin2", "country") or region.country_code != (
                    town.country_code) or (region.feature != "country" and region.admin1_code != town.admin1_code):
                continue
        candidates = gazetteer.candidates(mentions[index].lookup, country=mentions[index].country)
        # the only town of its name may be in the province the town stands for ("Matalam, Cotabato"),
        # which the gazetteer may lack: only too far for that is it no reading at all
        alone = sum(c.feature in TOWN_FEATURES and not c.alternate for c in candidates) < 2
        if joins[index] != ",":  # "Palanpur area of Surat": a part of the town, said outright
            if distance_km(place, town) <= BESIDE_KM:
                continue
        elif distance_km(place, town) <= (PROVINCE_KM if alone else BESIDE_KM) or (
                place.country_code, place.admin1_code) == (town.country_code, town.admin1_code) or (
                _names_a_region(mentions[index + 1], town, gazetteer)):
            continue  # "Ivankiv, Kyiv": in the province named after the town
        near = [c for c in candidates if c.feature in TOWN_FEATURES and distance_km(c, town) <= BESIDE_KM]
        out[index] = min(near, key=lambda c: distance_km(c, town)) if near else None
    return out


def _names_a_region(mention: Mention, town: Place, gazetteer: OfflineGazetteer) -> bool:
    """Whether the town's name is also a state, province or district's ("Kyiv", "Jaunpur", "Puebla")."""
    key = normalize(mention.lookup)
    return (town.admin1 is not None and normalize(town.admin1) == key) or any(
        c.feature in ("admin1", "admin2") for c in gazetteer.candidates(mention.lookup, country=mention.country))


#: How far outside the area of the text's armed groups or missions (``actors.csv``) a small town
#: may lie when nothing else the text names is near it (km).
AREA_KM = 100.0
#: A town this close to an area's box is in the area: the boxes are rough (km).
AREA_EDGE_KM = 25.0
#: A town smaller than this, far outside the area the text's groups work in with no namesake inside, is not meant
#: ("near Molodizhne" in an OSCE report from Donbas is not the Poltava town of 44,000): a city this big may be.
AREA_TOWN = 100_000


def outside_areas(mentions: list[Mention], resolved: list[tuple[Place | None, float]], areas: list[Place],
                  gazetteer: OfflineGazetteer) -> dict[int, Place | None]:
    """Towns read in the country of the area the text's groups work in, but outside it, with nothing the
    text names near them: a namesake of the area's town ("near Pervomaisk" in an OSCE report from Donbas
    is not Pervomaisk in Mykolaiv province, however bigger). Each gets the namesake inside the area if
    there is one; a town of less than AREA_TOWN far outside it, with none inside, gets no pin, as the gazetteer may not
    hold the area's village ("near Vodyane" is not Vodyane in Lviv province).

    Returns the new reading (a place, or None) of each mention to change.
    """
    boxes = [a for a in areas if a.bbox and a.country_code]
    if not boxes:
        return {}
    placed = [(i, p) for i, (p, _) in enumerate(resolved) if p is not None]
    out: dict[int, Place | None] = {}
    for index, place in placed:
        if (place.feature != "city" or mentions[index].how == "pattern"
                or not any(place.country_code == a.country_code for a in boxes)):
            continue
        off = min(_box_km(place, a) for a in boxes)
        if off <= AREA_EDGE_KM or any(i != index and p.name != place.name
                                      and mentions[i].how not in ("inside", "nearby")
                                      and distance_km(place, p) <= AREA_KM for i, p in placed):
            continue  # inside the area, or another place the text names lies next to it
        namesakes = [(c, min(_box_km(c, a) for a in boxes)) for c in gazetteer.candidates(mentions[index].lookup)
                     if c.feature == "city"]
        within = [c for c, km in namesakes if km <= AREA_EDGE_KM]
        if within:  # a namesake inside the area beats one outside it, however big ("near Pervomaisk")
            out[index] = max(within, key=lambda c: c.population)
        elif off > AREA_KM and place.population < AREA_TOWN:
            near = [c for c, km in namesakes if km <= AREA_KM]
            out[index] = max(near, key=lambda c: c.population) if near else None
    return out


def _box_km(place: Place, area: Place) -> float:
    """Distance from a place to an area's box (0 inside it)."""
    assert area.bbox is not None
    west, south, east, north = area.bbox
    nearest = Place("", min(max(place.latitude, south), north), min(max(place.longitude, west), east))
    return distance_km(place, nearest)


def respelt_abroad(mentions: list[Mention], resolved: list[tuple[Place | None, float]],
                   demonyms: Counter[str], gazetteer: OfflineGazetteer) -> set[int]:
    """Readings by another spelling (a transliteration variant, an alternate name, a corrected
    misspelling) in a country nothing else in the text points to, nor its neighbours, while the text
    points to another: "Hodan district (Banadir)" in a report of Al Shabaab is not Houdan, France,
    and "Kongor payam (Jonglei)" not Kungur, Russia. So are villages by another spelling when nothing
    surely points anywhere (RESPELT_VILLAGE). The text means a place the gazetteer lacks: the mention
    stays, unplaced."""
    countries: Counter[str] = Counter(demonyms)
    plain: Counter[str] = Counter(demonyms)  # what is not itself read by another spelling
    sure: Counter[str] = Counter(demonyms)  # what surely points to a country: peoples, groups, sure readings
    for mention, (place, score) in zip(mentions, resolved, strict=True):
        if place is not None and place.country_code:
            countries[place.country_code] += 1
            if not (place.alternate or mention.how == "fuzzy"):
                plain[place.country_code] += 1
            if score >= ANCHOR_SCORE and mention.how not in WEAK_PATHS and not place.alternate:
                sure[place.country_code] += 1
    from rapidfuzz import fuzz

    out = set()
    for index, (mention, (place, _)) in enumerate(zip(mentions, resolved, strict=True)):
        if place is None or not place.country_code or not (place.alternate or mention.how == "fuzzy"):
            continue
        code = place.country_code
        if countries[code] - 1 > 0 or any(plain[n] for n in gazetteer.neighbours.get(code, ())):
            continue  # (a respelt reading in a neighbour does not vouch: "Wanglei" as Vank, Azerbaijan)
        if any(n > 0 for c, n in sure.items() if c != code):
            out.add(index)
            continue
        written = mention.text if mention.how == "fuzzy" else mention.lookup  # a correction's lookup is the fix
        if place.feature == "city" and not any(sure.values()) and (
                place.population < RESPELT_VILLAGE or (place.population < RESPELT_TOWN and not any(
                    p.latitude == place.latitude and p.longitude == place.longitude
                    for p in gazetteer.named(written)))) \
                and fuzz.ratio(normalize(place.name), normalize(written)) < SAME_SPELLING:
            # nothing says where the text is: a village by another spelling is a guess (not by the same
            # name with a letter doubled or an accent: "Joub Jannine", Joubb Jannîne), and so is a town
            # by a spelling that is none of its names ("el Mina" for Minna, Nigeria)
            out.add(index)
    return out


#: A village smaller than this, read by another spelling in a text that surely points nowhere, is a
#: guess ("stuck near Jadra": not Lobanovo, Ukraine): no pin.
RESPELT_VILLAGE = 5_000
#: A town smaller than this, read by a spelling that is none of its names (a transliteration variant, a
#: corrected misspelling) in a text that surely points nowhere, is a guess too.
RESPELT_TOWN = 500_000
#: ...unless the spelling is the name's own but for a doubled letter or an accent (rapidfuzz ratio, 0..100).
SAME_SPELLING = 90


def implausible(mentions: list[Mention], resolved: list[tuple[Place | None, float]], demonyms: Counter[str],
                gazetteer: OfflineGazetteer) -> set[int]:
    """Weakly recognised mentions placed in a country nothing else in the text points to, while
    the text is clearly about another ("Moss", Norway, in a story from Virginia): not places."""
    countries: Counter[str] = Counter(demonyms)
    for place, _ in resolved:
        if place is not None and place.country_code:
            countries[place.country_code] += 1
    if not countries or countries.most_common(1)[0][1] < 2:
        return set()
    out = set()
    for index, (mention, (place, _)) in enumerate(zip(mentions, resolved, strict=True)):
        if mention.how not in WEAK_PATHS or place is None or not place.country_code:
            continue
        code = place.country_code
        others = countries[code] - 1 + sum(countries[n] for n in gazetteer.neighbours.get(code, ()))
        if others > 0:
            continue
        if not any(p is not None and p.country_code == code and m.how not in WEAK_PATHS
                   for m, (p, _) in zip(mentions, resolved, strict=True)):  # no surely found name there
            out.add(index)
    return out
