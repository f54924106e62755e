"""Geoparsing: find every place named in a text and put it where the text means.

>>> [(t.text, t.country_code) for t in geoparse("Jets bombed Kareli and Gori, Georgia.")]
[('Kareli', 'GE'), ('Gori', 'GE'), ('Georgia', 'GE')]
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from typing import Any

from mapgen.errors import InputError
from mapgen.geocode.gazetteer import OfflineGazetteer
from mapgen.geoparse.resolve import Hints

__all__ = ["Hints", "Toponym", "geoparse", "geoparse_many"]

#: Longest text geoparse accepts (characters); split longer documents.
MAX_CHARS = 5_000_000


@dataclass(frozen=True, slots=True)
class Toponym:
    """A place mention: where it is in the text and where it is on Earth."""

    start: int
    end: int
    text: str
    name: str | None  # the gazetteer's name
    latitude: float | None
    longitude: float | None
    geonameid: int | None
    country_code: str | None
    feature: str | None  # city, country, admin1, admin2, region, tunnel, landmark
    score: float  # 0..1: how sure mapgen is that this is a place and that it is this one
    admin1: str | None = None
    how: str = "ner"  # how it was found: ner, gazetteer, fuzzy

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def geoparse(text: str, *, context: Hints | dict[str, Any] | None = None,
             gazetteer: OfflineGazetteer | None = None, demonyms: bool = False) -> list[Toponym]:
    """Every place mention in ``text``, in reading order, resolved with the whole document.

    ``context`` may give hints: ``{"country": "Georgia"}`` or ``{"bbox": (w, s, e, n)}``.
    Mentions that could not be resolved have ``latitude`` None. Demonyms ("Georgian")
    are not places, but count as evidence; ``demonyms=True`` returns them too, with
    ``feature="demonym"`` and their country's centre.
    """
    check_text(text)
    return _geoparse(text, context, gazetteer, demonyms, None)


def geoparse_many(texts: Iterable[str], *, context: Hints | dict[str, Any] | None = None,
                  gazetteer: OfflineGazetteer | None = None, demonyms: bool = False) -> Iterator[list[Toponym]]:
    """:func:`geoparse` for many texts, in order: spaCy runs over them in batches (much faster).

    >>> [[t.text for t in found] for found in geoparse_many(["Jets hit Gori.", "", "Rain in Tbilisi."])]
    [['Gori'], [], ['Tbilisi']]
    """
    from mapgen.geoparse._nlp import parse_many

    items = list(texts) if not isinstance(texts, list) else texts
    for text in items:
        check_text(text)
    for text, docs in zip(items, parse_many(items), strict=True):
        yield _geoparse(text, context, gazetteer, demonyms, docs)


def check_text(text: object) -> None:
    """Refuse what is not text: the one-line reasons :class:`InputError` gives."""
    if not isinstance(text, str):
        raise InputError(f"geoparse needs text (str), not {type(text).__name__}")
    if len(text) > MAX_CHARS:
        raise InputError(f"text of {len(text):,} characters is over the {MAX_CHARS:,} limit; split it")
    if "\x00" in text:
        raise InputError("text contains NUL bytes: binary data, not text")


def _geoparse(text: str, context: Hints | dict[str, Any] | None, gazetteer: OfflineGazetteer | None,
              demonyms: bool, docs: list[tuple[int, Any]] | None) -> list[Toponym]:
    from mapgen.geoparse.actors import actor_areas, actor_countries, currency_countries, term_countries
    from mapgen.geoparse.recognize import RECOGNITION_CONFIDENCE, recognize, unknown_people
    from mapgen.geoparse.resolve import (
        beside_their_towns,
        compass_regions,
        far_from_its_state,
        implausible,
        lonely,
        outside_areas,
        quarters_away,
        resolve,
        respelt_abroad,
        supported,
        where_its_peoples_are,
    )

    if not text.strip():
        return []
    hints = context if isinstance(context, Hints) or context is None else Hints(**context)
    gaz = gazetteer or OfflineGazetteer.default()
    found = recognize(text, gaz, demonyms=demonyms, docs=docs)
    # "Yemeni" and "Houthi forces" point to Yemen, "Barangay Basak" to the Philippines,
    # "$10 million", a little, to the United States
    peoples = found.demonyms + actor_countries(text) + currency_countries(text) + term_countries(text)
    resolved = resolve(text, found.mentions, peoples, gaz, hints)
    dropped = implausible(found.mentions, resolved, peoples, gaz)
    for index in (lonely(found.mentions, resolved, peoples, gaz)
                  | respelt_abroad(found.mentions, resolved, peoples, gaz)
                  | compass_regions(found.mentions, resolved, peoples)
                  | quarters_away(text, found.mentions, resolved)) - dropped:
        resolved[index] = (None, resolved[index][1])  # a mention still, but no pin
    areas = [p for name in actor_areas(text) for p in gaz.candidates(name) if p.feature == "region"]
    for index, place in outside_areas(found.mentions, resolved, areas, gaz).items():
        resolved[index] = (place, resolved[index][1])  # the area's namesake, or no pin
    for index, place in far_from_its_state(found.mentions, resolved, gaz).items():
        resolved[index] = (place, resolved[index][1])  # the namesake where the text is, or no pin
    for index, place in where_its_peoples_are(found.mentions, resolved, peoples, gaz).items():
        resolved[index] = (place, resolved[index][1])  # the namesake where the text's peoples are
    for index, place in beside_their_towns(text, found.mentions, resolved, gaz).items():
        resolved[index] = (place, resolved[index][1])  # the quarter of its town, or no pin
    dropped |= unknown_people(found.mentions, resolved, gaz)  # "Kristina and Tim": no unplaced mention
    pairs = [pair for index, pair in enumerate(zip(found.mentions, resolved, strict=True)) if index not in dropped]
    pairs += [(m, (p, 1.0)) for m, p in supported(found.maybe, resolved, gaz, text, found.mentions)]
    pairs.sort(key=lambda pair: pair[0].start)
    out = []
    for mention, (place, score) in pairs:
        out.append(Toponym(
            start=mention.start, end=mention.end, text=mention.text,
            name=place.name if place else None, latitude=place.latitude if place else None,
            longitude=place.longitude if place else None, geonameid=place.geonameid if place else None,
            country_code=place.country_code if place else None,
            feature=("demonym" if mention.demonym else place.feature) if place else None,
            score=round(score * RECOGNITION_CONFIDENCE.get(mention.how, 0.6), 3),
            admin1=place.admin1 if place else None, how=mention.how))
    return out
