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
def _groups(gazetteer: Any) -> dict[tuple[str, int], tuple[list[str], list[int]]]:
    """The candidate names by first letter and length, each with its rank among the candidates.

    A correction keeps the first letter, and a name longer or shorter by more letters than the
    edits allowed is too far (an edit changes the length by one at most): only a few groups
    need comparing, and the ranks tell which of equally close names comes first.
    """
    groups: dict[tuple[str, int], tuple[list[str], list[int]]] = {}
    for rank, key in enumerate(_choices(gazetteer)):
        names, ranks = groups.setdefault((key[:1], len(key)), ([], []))
        names.append(key)
        ranks.append(rank)
    return groups


@functools.lru_cache(maxsize=MEMO_SIZE)
def correct(name: str, gazetteer: Any) -> str | None:
    """The well-known place name ``name`` is a misspelling of, or None.

    One edit is allowed in names of 5+ letters, two in names of 9+; the first letter
    must agree. Of equally close names, the first candidate wins.
    """
    from rapidfuzz import process
    from rapidfuzz.distance import DamerauLevenshtein, Levenshtein

    key = normalize(name)
    if len(key) < 5:
        return None
    choices = _choices(gazetteer)
    if key in choices:
        return None  # spelt right: the closest name is itself
    limit = 1 if len(key) < 9 else 2
    groups = _groups(gazetteer)
    names: list[str] = []
    ranks: list[int] = []
    for length in range(len(key) - limit, len(key) + limit + 1):
        group = groups.get((key[:1], length))
        if group:
            names += group[0]
            ranks += group[1]
    # Damerau-Levenshtein is slow; a transposition is two Levenshtein edits, so only names within
    # twice the limit by the fast Levenshtein distance can be close enough.
    near = process.extract(key, names, scorer=Levenshtein.distance, score_cutoff=2 * limit, limit=None)
    best = min(((DamerauLevenshtein.distance(key, other, score_cutoff=limit), ranks[index], other)
                for other, _, index in near), default=None)
    if best is None or best[0] > limit:
        return None
    if " " in key and best[0] > 1:
        return None  # "Bronx County" is not "Bond County": in several words, one slip at most
    return choices[best[2]]
