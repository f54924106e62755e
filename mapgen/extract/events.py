"""From a news text to events: one row per event, in the event schema.

Each sentence that reports an event (:mod:`mapgen.extract.classify`) becomes a draft
event; its places come from geoparsing the whole text, its date and counts from the
sentence, its sources from the words around it. A sentence that only adds detail
("seven people were injured by the first bombing") joins the event before it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from mapgen.errors import InputError
from mapgen.extract import lexicon as lx
from mapgen.extract.classify import Kind, as_gang_clash, classify, combine, tells_victims_in_the_drug_trade
from mapgen.extract.counts import find_counts
from mapgen.extract.places import STRAY_SCORE, choose, countries, is_quarter, label
from mapgen.extract.roles import actors, claims, denials
from mapgen.extract.sentences import Sentence, split_sentences
from mapgen.geocode.place import PRECISION_BY_FEATURE, Place, distance_km
from mapgen.schema import event_id_for

if TYPE_CHECKING:
    import geopandas as gpd

    from mapgen.extract.dates import DateMention
    from mapgen.geocode.gazetteer import OfflineGazetteer
    from mapgen.geoparse import Toponym

#: Confidence kept by the events of a list's later places (see _each_place).
LISTED = 0.9
#: Confidence lost by an event whose place is borrowed from the sentences around it.
INHERITED_PLACE = 0.7
#: Strength below which a sentence's type comes from casualty words alone (see classify).
CASUALTIES_ONLY = 0.6
#: A text whose towns all lie this close to its main place (km) is about one area (see _fallback).
FOCUS_KM = 150.0
#: Confidence kept by an event told as a possibility ("could", "threatened to").
HYPOTHETICAL = 0.6
#: Population of the town that stands for a country's part near the story (see nearest_town).
COUNTRY_PART_POPULATION = 50_000
#: A sentence that points back to the event before it ("the attack", "the explosion", "during the clash").
_POINTS_BACK = re.compile(r"\b(?:the|this|that|these)\s+(?:\w+\s+)?(?:attacks?|explosions?|blasts?|clash(?:es)?|"
                          r"fighting|strikes?|air\s*strikes?|raids?|bombings?|shelling|incident|ambush|assault|"
                          r"violence|operation|battle|firefight|shoot-?out|exchange of fire)\b", re.I)
#: A sentence that puts its event in the town it does not name ("in the city", "the town's market"): the town
#: told before it, or the dateline's.
_THE_TOWN = re.compile(r"\b(?:in|inside|across|around|of)\s+the\s+(?:city|town|capital|village)\b(?!\s+of\b)"
                       r"|\bthe\s+(?:city|town|capital|village)['’]s\b", re.I)
#: A sentence that puts its event off the town it does not name ("east of the city", "outside the town").
_OFF_THE_TOWN = re.compile(r"\b(?:(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+of|outside|near|around|"
                           r"on the (?:outskirts|edge) of)\s+the\s+(?:city|town|capital|village)\b", re.I)
#: Before a date: the start of a period ("since late 2023"), and the tense of what has gone on since
#: ("has seized", "have fled"): a background sentence.
_SINCE_BEFORE = re.compile(r"\b(?:since|ever since)\s+(?:(?:early|late|mid|the end of|the start of)[\s-]+)?$", re.I)
_PERFECT = re.compile(r"\b(?:has|have)\s+(?:(?:also|now|already|repeatedly|been)\s+)*\w+(?:ed|en|t|ung|ought)\b",
                      re.I)
#: The start of a sentence that tells the event before it again ("The air strike hit ...", "The attack took place").
_TELLS_AGAIN = re.compile(r"\s*(?:The|This|That)\s+(?:(?:air|drone|suicide|deadly|latest)\s+)?(?:attack|strike|"
                          r"airstrike|bombing|raid|explosion|blast|shelling|ambush|assault)\b")
#: A movement's word that, done by unarmed people, is a flight ("about 2,000 people crossed into North Ossetia";
#: not "students entered the campus", a protest's).
_CROSSING = re.compile(r"cross|arriv", re.I)
#: A sentence that counts more of the same ("another 3", "two others", "also killed", "further").
_MORE = re.compile(r"\b(?:another|others|also|further|additional)\b|"
                   r"\b(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|several)\s+(?:more|other)\b", re.I)
_QUOTED = re.compile(r"[\"“](?P<q>[^\"“”]{12,})[\"”]")


@dataclass(slots=True)
class _Draft:
    kind: Kind
    sentence: Sentence
    start: int  # quote span in the text
    end: int
    location: Toponym | None = None
    origin: Toponym | None = None
    destination: Toponym | None = None
    inherited: bool = False
    near: bool = False
    when: DateMention | None = None
    counts: dict[str, int] = field(default_factory=dict)
    vague: dict[str, str] = field(default_factory=dict)
    actor1: str | None = None
    actor2: str | None = None
    claimed_by: list[str] = field(default_factory=list)
    denied_by: list[str] = field(default_factory=list)
    confidence: float = 1.0
    also: tuple[Toponym, ...] = ()  # other places of the list the location heads: one event each
    also_near: tuple[bool, ...] = ()  # for each of those, whether the event was only near it


def extract_events(text: str, *, published: str | date | None = None, source: str | None = None,
                   gazetteer: OfflineGazetteer | None = None) -> gpd.GeoDataFrame:
    """Events reported in ``text``, one row each, in the event schema (EPSG:4326).

    ``published`` (the article's date) resolves "yesterday", "on Tuesday" and dates
    without a year; events whose sentence gives no date take it. Without it, a dateline
    with a full date ("BAMAKO, Mali (June 2, 2026) -") is the article's date. ``source`` names the
    document; each row's ``source`` adds the character span of its quote
    (``article.txt#char=120,245``, RFC 5147), so every row leads back to its words.
    An empty frame, not an error, when the text reports no event.

    >>> events = extract_events("Russian jets bombed Gori on Friday.", published="2008-08-09")
    >>> events[["category", "sub_event_type", "location", "event_date"]].values.tolist()
    [['strike', 'Air/drone strike', 'Gori', '2008-08-08']]
    """
    return extract_many([text], published=published, sources=[source], gazetteer=gazetteer)


def extract_many(texts: Sequence[str], *, published: str | date | Sequence[str | date | None] | None = None,
                 sources: Sequence[str | None] | None = None,
                 gazetteer: OfflineGazetteer | None = None) -> gpd.GeoDataFrame:
    """The events of many texts in one table: :func:`extract_events` in batches (much faster).

    ``published`` is one date for all texts or one per text (None: the text's dateline's, if any);
    ``sources`` names each text (rows of text ``i`` have ``source`` starting with ``sources[i]``).

    >>> events = extract_many(["Jets bombed Gori.", "Rain in Tbilisi.", "Police arrested 5 men in Batumi."],
    ...                       sources=["a", "b", "c"])
    >>> events[["source", "category"]].values.tolist()
    [['a#char=0,17', 'strike'], ['c#char=0,32', 'political']]
    """
    from mapgen.extract.dates import document_date, parse_published
    from mapgen.geocode.gazetteer import OfflineGazetteer
    from mapgen.geoparse import check_text, geoparse_many
    from mapgen.schema import conform, empty_events

    items = list(texts)
    for text in items:
        check_text(text)
    if published is None or isinstance(published, (str, date)):
        days = [parse_published(published)] * len(items)
    else:
        days = [parse_published(p) for p in published]
    names = list(sources) if sources is not None else [None] * len(items)
    if len(days) != len(items) or len(names) != len(items):
        raise InputError("give one published date and one source per text")
    # a text given no date goes by its dateline's, when it has one with a year
    days = [day if day is not None else document_date(text)[0] for day, text in zip(days, items, strict=True)]
    gaz = gazetteer or OfflineGazetteer.default()
    rows: list[dict[str, Any]] = []
    for text, found, day, source in zip(items, geoparse_many(items, gazetteer=gaz), days, names, strict=True):
        toponyms = [t for t in found if t.feature != "demonym"]
        focus = _focus(toponyms)
        rows.extend(_row(text, d, day, source, gaz, focus) for d in _drafts(text, toponyms, day, focus, gaz))
    if not rows:
        return empty_events()
    import pandas as pd

    return conform(pd.DataFrame(rows))


def _drafts(text: str, toponyms: list[Toponym], day: date | None, focus: Toponym | None,
            gazetteer: OfflineGazetteer | None = None) -> list[_Draft]:
    from mapgen.extract.dates import dateline_end, find_dates
    from mapgen.geoparse.actors import actor_countries

    drafts: list[_Draft] = []
    about = countries(toponyms) + actor_countries(text)  # "pro-Houthi forces": Yemen, like a Yemeni town
    fallback = _fallback(toponyms, focus)  # the story's place for sentences that name none (once a text)
    index = 0
    paragraph, carried = -1, None
    story: DateMention | None = None  # the day of the story's first dated event: undated later paragraphs' day
    dateline = dateline_end(text)  # "Goma, 11 April 2026 - Rebels seized ... on Thursday": the report's date
    for sentence in split_sentences(text):
        words = text[sentence.start:sentence.end]
        mine = []
        while index < len(toponyms) and toponyms[index].start < sentence.start:
            index += 1
        probe = index
        while probe < len(toponyms) and toponyms[probe].end <= sentence.end:
            mine.append(toponyms[probe])
            probe += 1
        masked = _mask_quotes(words)
        own = find_dates(words, day)
        if sentence.start < dateline:
            own = [d for d in own if sentence.start + d.start >= dateline]
        since = [d for d in own if _SINCE_BEFORE.search(words, max(0, d.start - 16), d.start)]
        if since and len(since) == len(own) and _PERFECT.search(words):
            continue  # "the Arakan Army has seized most townships since late 2023": background, no event of a day
        own = [d for d in own if d not in since]  # "since March" starts a period: no event's date
        dates = [d for d in own if d.date is not None or d.time]
        if sentence.paragraph != paragraph:
            paragraph, carried = sentence.paragraph, None
        if drafts and drafts[-1].sentence.paragraph == sentence.paragraph and tells_victims_in_the_drug_trade(words):
            # "... gunmen killed a man. He was wanted for drug trafficking.": a gang killing, as ACLED
            # codes it; the sentence tells the victim's past, no event of its own
            drafts[-1].kind = as_gang_clash(drafts[-1].kind)
            continue
        kind = classify(masked)
        refuted = denials(words)
        # its time: _when_of (a relative day too: "On Tuesday jets bombed Gori. Seven died." died on Tuesday)
        carried = next((d for d in dates if d.date is not None and (not d.relative or d.precision == "day")), carried)
        # "Moscow denied that its planes had entered Georgian airspace.": a denial of the event before it, opening
        # its sentence, tells no event of its own
        denial_only = bool(refuted) and bool(drafts) and not words[:refuted[0].start].strip(" \"“'")
        if kind is None or lx.NEGATED.search(masked) or denial_only:
            if refuted:
                _deny(drafts, sentence, [c.who for c in refuted])
            continue
        head = max(0, dateline - sentence.start)  # a dateline's words are no source ("9 August 2026 - officials")
        if head:
            head += len(words[head:]) - len(words[head:].lstrip(" -–—:)"))
        sources = [replace(c, start=c.start + head, end=c.end + head) for c in claims(words[head:])] if head \
            else claims(words)
        skip = [(c.start, c.end) for c in sources + refuted]
        last = drafts[-1] if drafts and drafts[-1].sentence.paragraph == sentence.paragraph else None
        movers = masked[:kind.trigger[0]]
        if kind.category == "troop_movement" and not lx.ARMED.search(masked) and (
                (last is not None and last.kind.category == "displacement")
                or (lx.CIVILIANS.search(movers) and _CROSSING.match(masked, kind.trigger[0]))):
            # "... 40,000 people fled towards the border. Many crossed into Chad.": the people who fled, moving; and
            # "about 2,000 people crossed into North Ossetia": unarmed people on the move are a displacement
            kind = Kind("displacement", EVENT_TYPE_OF_OTHER, "Other", kind.strength, kind.trigger)
        draft = _Draft(kind, sentence, sentence.start, sentence.end)
        counts = find_counts(words)
        fled = _flight_also(kind, masked, counts)
        # "Shelling hit Gori and thousands fled to Tbilisi": the event's places come before the flight's words
        own_places = [t for t in mine if fled is None or t.start < sentence.start + fled[0]] or mine
        where = choose(kind.category, words, sentence.start, own_places, skip, about=about, gazetteer=gazetteer,
                       context=toponyms)
        draft.location, draft.origin, draft.destination, draft.near = (where.location, where.origin,
                                                                       where.destination, where.near)
        if where.location is not None and where.location.latitude is None and last is not None \
                and last.location is not None and last.location.feature == "city" \
                and is_quarter(words, sentence.start, where.location):
            # "In Culiacan, gunmen killed a man. Soldiers clashed with them in Colonia Guadalupe.": in that town
            draft.location, draft.near = last.location, True
        draft.also, draft.also_near = where.also, where.also_near
        draft.when = _when_of(dates, own, carried or story)
        before = drafts[-1].when if drafts and drafts[-1].sentence.paragraph == sentence.paragraph else carried
        if (shift := _SHIFT.match(words)) is not None and _shift_days(shift) != 1 and not any(d.date for d in own) \
                and before is not None and before.date is not None and before.precision == "day":
            # "Two days earlier, a missile killed four": another event, dated from the one before it
            draft.when = replace(before, start=sentence.start + shift.start(), end=sentence.start + shift.end(),
                                 text=shift.group(), date=before.date + timedelta(days=_shift_days(shift)),
                                 time=None, time_precision=None)
        draft.counts = {k: v for k in ("fatalities", "injured", "displaced", "people")
                        if (v := getattr(counts, k)) is not None}
        draft.vague = dict(counts.vague)
        draft.actor1, draft.actor2 = actors(words, kind.trigger[0], skip=skip)
        if kind.sub_event_type == "Government regains territory" and _foreign(draft.actor1, draft.location, gazetteer):
            # "Russian troops captured a village in Donetsk": a foreign state's forces overtake it (the codebook's
            # "non-state actor overtakes territory" takes in foreign states)
            draft.kind = kind = replace(kind, sub_event_type="Non-state actor overtakes territory")
        draft.claimed_by = [c.who for c in sources if c.who != draft.actor1]
        if kind.category == "political" and sources and draft.actor1 is None:
            draft.actor1, draft.claimed_by = sources[0].who, []
        draft.denied_by = [c.who for c in refuted]
        hypothetical = lx.HYPOTHETICAL.search(masked, 0, kind.trigger[1] + 1)
        draft.confidence = kind.strength * (HYPOTHETICAL if hypothetical else 1.0)
        previous = drafts[-1] if drafts and drafts[-1].sentence.paragraph == sentence.paragraph else None
        if previous is not None and _same_place(previous, draft) and _same_day(previous, draft) \
                and (told := combine(previous.kind, kind)) is not None:
            previous.kind = told  # "People protested in Gori. Police dispersed them.": one protest, dispersed
            _join(previous, draft)
            continue
        last = drafts[-1] if drafts and drafts[-1].sentence.paragraph == sentence.paragraph - 1 else None
        if last is not None and _TELLS_AGAIN.match(masked) and not any(d.date for d in dates) \
                and _same_place(last, draft) \
                and last.kind.category in (kind.category, "civilian_violence", "clash", "strike") \
                and kind.category in ("civilian_violence", "clash", "strike"):
            # "Jets bombed a monastery in Sagaing, killing 11. || The air strike hit the village of ...": the lead's
            # event told again in the next paragraph; the weapon told names its type
            if kind.event_type == "Explosions/Remote violence" and last.kind.event_type != kind.event_type:
                last.kind = kind
            _join(last, draft)
            continue
        if draft.location is None and draft.origin is None and draft.destination is None:
            unsure = any(d.date is None and d.relative for d in own)  # "last month", no publication date
            if previous and not unsure and _continues(previous, draft, words):
                _join(previous, draft, words)
                continue
            if not (draft.counts or draft.vague or draft.actor1
                    or (draft.when and draft.when.date and not draft.when.relative)):
                continue  # "days of heavy fighting in the region": nothing to place or date
            borrowed = previous.location if previous else None
            draft.location = borrowed or fallback
            draft.near = draft.near or (borrowed is None and draft.location is not None)  # somewhere about there
            if draft.location is not None and draft.location.feature == "city" and _THE_TOWN.search(words):
                draft.near = False  # "TAIZ, 5 June - Snipers killed a boy in the city": in Taiz itself
            if _OFF_THE_TOWN.search(words):
                draft.near = True  # "struck positions east of the city": about there
            draft.inherited = True
            draft.confidence *= INHERITED_PLACE
        drafts.append(draft)
        if story is None and draft.when is not None and draft.when.date is not None and draft.when.precision == "day":
            story = replace(draft.when, time=None, time_precision=None)
        if fled is not None:
            after = [t for t in mine if t.start >= sentence.start + fled[0]]
            drafts.append(_flight(fled, draft, words, sentence.start, after, skip, about, gazetteer, toponyms))
    return _each_place(_without_headlines(text, drafts))


def _flight_also(kind: Kind, masked: str, counts: Any) -> tuple[int, int] | None:
    """Where a sentence of another kind of event also tells of people fleeing in numbers ("Fighting spread
    to Kutum, and 40,000 people fled towards the border"): the flight's words, after the event's own."""
    if kind.category == "displacement" or not (counts.displaced or "displaced" in counts.vague):
        return None
    match = lx.DISPLACEMENT.search(masked, kind.trigger[1])
    return match.span() if match else None


def _flight(trigger: tuple[int, int], event: _Draft, words: str, offset: int, mine: list[Toponym],
            skip: list[tuple[int, int]], about: Counter[str], gazetteer: OfflineGazetteer,
            toponyms: list[Toponym]) -> _Draft:
    """The displacement a sentence tells beside its event: a row of its own, with the people who fled (the
    event keeps its dead), from where the event was to where the sentence says they went."""
    kind = Kind("displacement", EVENT_TYPE_OF_OTHER, "Other", FLIGHT_STRENGTH * event.kind.strength, trigger)
    flight = replace(event, kind=kind, counts={"displaced": event.counts["displaced"]} if "displaced"
                     in event.counts else {}, vague={k: v for k, v in event.vague.items() if k == "displaced"},
                     claimed_by=list(event.claimed_by), denied_by=list(event.denied_by), also=(), also_near=())
    event.counts.pop("displaced", None)
    event.vague.pop("displaced", None)
    where = choose("displacement", words, offset, mine, skip, about=about, gazetteer=gazetteer, context=toponyms)
    if (to := where.destination or where.location) is not None and event.location is not None \
            and to is not event.location:  # from where the event was, unless the sentence says
        flight.origin = where.origin or event.location
        flight.destination, flight.location, flight.near = to, to, False
    flight.confidence = event.confidence * FLIGHT_STRENGTH
    return flight


#: The ACLED event type of a displacement ("Other" strategic development).
EVENT_TYPE_OF_OTHER = "Strategic developments"
#: How much less sure a flight told beside another event is than the event.
FLIGHT_STRENGTH = 0.9


def _each_place(drafts: list[_Draft]) -> list[_Draft]:
    """One event per place of a list ("jets bombed Kareli and Gori": two strikes, drawn at both).

    The counts stay with the first place only (the text does not say how they split), and the
    others keep a little less confidence.
    """
    out: list[_Draft] = []
    for draft in drafts:
        out.append(draft)
        for place, near in zip(draft.also, draft.also_near, strict=True):
            out.append(replace(draft, location=place, near=near, counts={}, vague=dict(draft.vague),
                               claimed_by=list(draft.claimed_by), denied_by=list(draft.denied_by), also=(),
                               also_near=(), confidence=draft.confidence * LISTED))
    return out


def _without_headlines(text: str, drafts: list[_Draft]) -> list[_Draft]:
    """Drafts less a headline's ("Jets hit Gori as fighting spreads") when the body tells the same event.

    A headline is a sentence without a full stop, alone in its paragraph; the same event is one of the
    same category at the same place, or within HEADLINE_KM of it ("Shelling hits Zaporizhzhia" over "Russian
    artillery shelled Orikhiv": the headline names the region's city).
    """
    per_paragraph = Counter(d.sentence.paragraph for d in drafts)
    headline = [per_paragraph[d.sentence.paragraph] == 1
                and not text[d.start:d.end].rstrip().endswith((".", "!", "?", '"', "”", "'", "’")) for d in drafts]

    def where(d: _Draft) -> Toponym | None:
        return d.location or d.destination or d.origin

    def same(head: _Draft, body: _Draft) -> bool:
        a, b = where(head), where(body)
        if a is None or b is None:
            return a is b
        if (a.name or a.text) == (b.name or b.text):
            return True
        return None not in (a.latitude, a.longitude, b.latitude, b.longitude) and distance_km(
            Place("", a.latitude, a.longitude), Place("", b.latitude, b.longitude)) <= HEADLINE_KM

    body = [d for d, head in zip(drafts, headline, strict=True) if not head]
    return [d for d, head in zip(drafts, headline, strict=True)
            if not (head and any(b.kind.category == d.kind.category and same(d, b) for b in body))]


#: A headline's place and the body's event this close (km) are one event told twice.
HEADLINE_KM = 100.0


#: A sentence opening with a shift in time from the event before it ("Two days earlier", "A week later",
#: "The day before"): another event. Not "A day later his body was found", which tells how the one before ended.
_SHIFT = re.compile(r"\s*(?:(?P<n>\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten)\s+"
                    r"(?P<unit>days?|weeks?)\s+(?P<dir>earlier|later|before|after|afterwards)"
                    r"|the\s+(?P<dir1>day\s+before|previous\s+day))\b", re.I)
_SHIFT_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                  "eight": 8, "nine": 9, "ten": 10}


def _shift_days(m: re.Match[str]) -> int:
    """The days a :data:`_SHIFT` moves by (negative: back).

    >>> [_shift_days(_SHIFT.match(s)) for s in ("Two days earlier", "A week later", "The day before")]
    [-2, 7, -1]
    """
    if m["dir1"]:
        return -1  # the day before, the previous day
    n = _SHIFT_NUMBERS.get(m["n"].lower()) or int(m["n"])
    days = n * (7 if m["unit"].lower().startswith("week") else 1)
    return -days if m["dir"].lower() in ("earlier", "before") else days


def _when_of(dates: list[DateMention], own: list[DateMention], carried: DateMention | None) -> DateMention | None:
    """A sentence's date: its own; else, when it names no day at all, the one its paragraph last stated
    ("On 9 May, ... . Later that day ..."), with the sentence's clock time if it gives one. A day it names
    but cannot resolve ("yesterday" without a publication date) is not replaced by another."""
    if any(d.date is not None for d in dates) or carried is None or any(d.relative for d in own):
        return next(iter(dates), None)
    timed = next((d for d in dates if d.time), None)
    if timed is not None:
        return replace(carried, time=timed.time, time_precision=timed.time_precision)
    if carried.time is None and carried.time_precision is None:
        return carried
    return replace(carried, time=None, time_precision=None)  # the day carries over, not the clock time


def _mask_quotes(words: str) -> str:
    """The sentence with long quoted speech blanked out (same length): opinions are not events."""
    if '"' not in words and "“" not in words:
        return words  # every quote opens with one of them (most sentences have none)
    return _QUOTED.sub(lambda m: m[0][0] + " " * len(m["q"]) + m[0][-1], words)


def _same_place(previous: _Draft, draft: _Draft) -> bool:
    """Whether a later sentence tells of no other place than the event before it (or of none)."""
    later = draft.location or draft.destination or draft.origin
    if later is None:
        return True
    earlier = [p for p in (previous.location, previous.origin, previous.destination) if p is not None]
    return any(p.text == later.text for p in earlier)


def _same_day(previous: _Draft, draft: _Draft) -> bool:
    """Whether a later sentence's own date (if any) is the day of the event before it."""
    if draft.when is None or previous.when is None or draft.when.date is None or previous.when.date is None:
        return True
    return draft.when.date == previous.when.date


#: A sentence telling a reply to the event before it: an event of its own.
_RESPONSE = re.compile(r"\b(?:in response|in retaliation|retaliat\w*|responded|hit back|counter-?attack\w*)\b", re.I)


def _continues(previous: _Draft, draft: _Draft, words: str) -> bool:
    """Whether a sentence without a place of its own adds to the event before it.

    "7 people were killed." after "Jets bombed Gori." adds to the strike, and so does a sentence
    that counts the casualties of the event it points back to ("The explosion killed one soldier.").
    """
    casualties = "fatalities" in draft.counts or "injured" in draft.counts
    if previous.kind.category != draft.kind.category and draft.kind.strength >= CASUALTIES_ONLY \
            and not (casualties and _POINTS_BACK.search(words)):
        return False
    if _RESPONSE.search(words) and previous.kind.sub_event_type != draft.kind.sub_event_type:
        return False  # "The army said its aircraft struck RSF positions in response": the other side's act
    if draft.when and previous.when and draft.when.date and previous.when.date:
        return draft.when.date == previous.when.date
    return True


def _join(previous: _Draft, draft: _Draft, words: str = "") -> None:
    """Add a later sentence to the event before it: its counts (the larger figure, or the sum when the
    sentence counts more of them: "another", "also", "further"), actors, sources and date."""
    previous.end = draft.end
    more = bool(_MORE.search(words))
    for key, value in draft.counts.items():
        previous.counts[key] = previous.counts.get(key, 0) + value if more else max(previous.counts.get(key, 0), value)
    for key, value in draft.vague.items():
        previous.vague.setdefault(key, value)
    previous.actor1 = previous.actor1 or draft.actor1
    previous.actor2 = previous.actor2 or draft.actor2
    # ("the group said" after "a local resistance group said": the same source)
    previous.claimed_by += [c for c in draft.claimed_by if not any(
        re.search(rf"\b{re.escape(c.lower())}$", p.lower()) for p in previous.claimed_by)]
    previous.denied_by += [c for c in draft.denied_by if c not in previous.denied_by]
    if previous.when is None:
        previous.when = draft.when


def _deny(drafts: list[_Draft], sentence: Sentence, who: list[str]) -> None:
    """A denial in a sentence of its own refutes the claimed events of its paragraph, or the last event
    of its paragraph, or (a denial told in a paragraph of its own: "Moscow denied it.") the last event."""
    same = [d for d in drafts if d.sentence.paragraph == sentence.paragraph]
    targets = [d for d in same if d.claimed_by] or same[-1:] or drafts[-1:]
    for draft in targets:
        draft.denied_by += [w for w in who if w not in draft.denied_by]


def _foreign(actor: str | None, place: Toponym | None, gazetteer: OfflineGazetteer | None) -> bool:
    """Whether an actor named by a people ("Russian troops") is of another country than the place it acts in.

    >>> from mapgen.geoparse import Toponym
    >>> village = Toponym(0, 5, "Avdiivka", "Avdiivka", 48.1, 37.7, 1, "UA", "city", 1.0)
    >>> _foreign("Russian troops", village, None), _foreign("Ukrainian troops", village, None)
    (True, False)
    """
    if not actor or place is None or not place.country_code:
        return False
    from mapgen.geocode.gazetteer import OfflineGazetteer
    from mapgen.geocode.normalize import normalize

    demonyms = (gazetteer or OfflineGazetteer.default()).demonyms
    for word in actor.split()[:3]:
        codes = demonyms.get(normalize(word))
        if codes:
            return place.country_code not in codes
    return False


def _focus(toponyms: list[Toponym]) -> Toponym | None:
    """The place the text is most about: named most often (countries count for less)."""
    weight: Counter[tuple[str | None, int | None]] = Counter()
    first: dict[tuple[str | None, int | None], Toponym] = {}
    for t in toponyms:
        if t.latitude is None:
            continue
        key = (t.name, t.geonameid)
        weight[key] += 0.3 if t.feature in {"country", "continent"} else 1.0
        first.setdefault(key, t)
    if not weight:
        return None
    return first[max(weight, key=lambda k: (weight[k], -first[k].start))]


def _fallback(toponyms: list[Toponym], focus: Toponym | None) -> Toponym | None:
    """Where a sentence without a place of its own happened when nothing before it in its paragraph
    says: the text's main place, when the whole text is about one area (every town it names within
    FOCUS_KM of it; countries and regions are often named as actors or origins and do not count, nor do
    weak readings, which far away are mostly namesakes: "the Santa Luzia neighborhood" of Sao Goncalo).
    In a story that moves from town to town, nothing: a pin at the most-named place would be a guess.
    """
    if focus is None or focus.latitude is None or focus.longitude is None:
        return None
    here = Place("", focus.latitude, focus.longitude)
    towns = [t for t in toponyms if t.latitude is not None and t.longitude is not None and t.score >= STRAY_SCORE
             and t.feature not in {"country", "admin1", "region", "continent"}]
    if any(distance_km(here, Place("", t.latitude, t.longitude)) > FOCUS_KM for t in towns):
        return None
    return focus


def _row(text: str, d: _Draft, day: date | None, source: str | None, gaz: OfflineGazetteer,
         focus: Toponym | None) -> dict[str, Any]:
    anchor = d.location or d.origin or d.destination
    row: dict[str, Any] = {
        "category": d.kind.category, "event_type": d.kind.event_type, "sub_event_type": d.kind.sub_event_type,
        "actor1": d.actor1, "actor2": d.actor2,
        "claimed_by": "; ".join(d.claimed_by) or None, "denied_by": "; ".join(d.denied_by) or None,
        "disputed": bool(d.denied_by), "quote": text[d.start:d.end],
        "source": f"{source or ''}#char={d.start},{d.end}", "confidence": round(d.confidence, 3),
    }
    row.update(_when(d, day))
    for key, value in d.counts.items():
        row[key] = value
    # Amounts told only in words ("thousands of refugees") stay words: never turned into numbers.
    row["amounts"] = "; ".join(f"{k}: {v}" for k, v in d.vague.items() if k not in d.counts) or None
    for role, toponym in (("origin", d.origin), ("destination", d.destination)):
        if toponym is not None:
            lat, lon = _point(toponym, gaz, focus, d.origin if role == "destination" else d.destination)
            row[role], row[f"{role}_latitude"], row[f"{role}_longitude"] = label(toponym), lat, lon
    place = d.location or (d.destination if d.origin is None else None)
    if place is None and d.origin is not None and d.destination is not None:
        place = d.destination  # a flow is listed under where it goes
    if place is not None:
        lat, lon = _point(place, gaz, focus, None)
        row["location"], row["latitude"], row["longitude"] = label(place), lat, lon
        precision = PRECISION_BY_FEATURE.get(place.feature or "", 2)
        if lat is not None:  # a place not placed has no precision: geocoding it later sets one
            row["geo_precision"] = max(precision, 2) if d.near else precision
        row["country"] = gaz.countries.get(place.country_code or "") if place.country_code else None
        row["admin1"] = place.admin1
    elif anchor is not None:
        row["location"] = label(anchor)
    row["event_id"] = event_id_for(row)
    return row


def _point(toponym: Toponym, gaz: OfflineGazetteer, focus: Toponym | None,
           other: Toponym | None) -> tuple[float | None, float | None]:
    """Where to draw a place: a country named in a story about somewhere else at its part near the story."""
    if toponym.latitude is None or toponym.longitude is None:
        return None, None
    anchor = other if other is not None and other.latitude is not None else focus
    if (toponym.feature == "country" and toponym.country_code and anchor is not None and anchor.latitude is not None
            and anchor.longitude is not None and anchor.country_code != toponym.country_code):
        town = gaz.nearest_town(toponym.country_code, anchor.latitude, anchor.longitude,
                                min_population=COUNTRY_PART_POPULATION)
        if town is not None:
            return town.latitude, town.longitude
    return toponym.latitude, toponym.longitude


def _when(d: _Draft, day: date | None) -> dict[str, Any]:
    """event_date, time and time_precision: the sentence's own date, else the article's."""
    mention = d.when
    out: dict[str, Any] = {}
    if mention is not None and mention.date is not None:
        out["event_date"] = mention.date.isoformat()
        out["time_precision"] = mention.precision or "day"
    elif day is not None:
        out["event_date"] = day.isoformat()
        out["time_precision"] = "day"
    if mention is not None and mention.time and "event_date" in out:
        out["time"] = mention.time
        out["time_precision"] = mention.time_precision or "hour"
    return out
