"""Spelling correction for place names readers still understand (Tiblisi -> Tbilisi).

Only well-known places are candidates (countries, regions, and towns of 100,000 or more),
and only small edits are accepted, so that a person's name is not bent into a town.
"""

from __future__ import annotations

import functools
from typing import Any

from mapgen.geocode.normalize import normalize

MIN_POPULATION = 100_000
#: How many corrections are remembered (a corpus misspells the same names again and again).
MEMO_SIZE = 10_000


@functools.cache
def _choices(gazetteer: Any) -> dict[str, str]:
    """normalised name -> display name of the places spelling correction may propose."""
    return gazetteer.well_known_names(MIN_POPULATION)


@functools.cache
def _by_initial(gazetteer: Any) -> dict[str, list[str]]:
    """The candidate names grouped by first letter (a correction keeps the first letter)."""
    groups: dict[str, list[str]] = {}
    for key in _choices(gazetteer):
        groups.setdefault(key[:1], []).append(key)
    return groups


@functools.lru_cache(maxsize=MEMO_SIZE)
def correct(name: str, gazetteer: Any) -> str | None:
    """The well-known place name ``name`` is a misspelling of, or None.

    One edit is allowed in names of 5+ letters, two in names of 9+; the first letter
    must agree.
    """
    from rapidfuzz import process
    from rapidfuzz.distance import DamerauLevenshtein

    key = normalize(name)
    if len(key) < 5:
        return None
    limit = 1 if len(key) < 9 else 2
    choices = _choices(gazetteer)
    same_initial = _by_initial(gazetteer).get(key[:1], [])
    match = process.extractOne(key, same_initial, scorer=DamerauLevenshtein.distance, score_cutoff=limit)
    if match is None or match[0][:1] != key[:1] or match[0] == key:
        return None
    if " " in key and match[1] > 1:
        return None  # "Bronx County" is not "Bond County": in several words, one slip at most
    return choices[match[0]]
