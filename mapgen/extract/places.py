"""Which of a sentence's places an event happened at: its location, or its origin and destination.

Geoparsing finds and resolves every place a text names; this module reads how a sentence
uses each one. A place after a locative ("in", "near", "at") is a candidate location; a
place that only names a group, a title or an institution ("Luhansk People's Militia",
"President of Brazil", "Central Bank of Yemen", "a Saad man") is not; a place written as
the container of another ("Gori, Georgia", "Majzar district (Marib)", "Sharan town in Aleppo
countryside") is where the first one lies, so the first one is the location. When that
first place is unknown to the gazetteer, the event is drawn at its container, marked as
near (geo_precision 2 or coarser), never at a guessed namesake; a container read as a town
that is also the province of the same name ("the area of Zholobok, Luhansk") stands for the
province.

>>> from mapgen.geoparse import Toponym
>>> gori = Toponym(12, 16, "Gori", "Gori", 41.98, 44.11, 1, "GE", "city", 0.9)
>>> georgia = Toponym(18, 25, "Georgia", "Georgia", 42.0, 43.5, 2, "GE", "country", 0.9)
>>> choice = choose("strike", "Jets bombed Gori, Georgia.", 0, [gori, georgia])
>>> choice.location.text, choice.near
('Gori', False)
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from mapgen.extract import lexicon as lx
from mapgen.geocode.place import Place, distance_km
from mapgen.geoparse.lexicon import QUARTER_TITLES
from mapgen.schema import FLOW_CATEGORIES

if TYPE_CHECKING:
    from mapgen.geocode.gazetteer import OfflineGazetteer
    from mapgen.geoparse import Toponym

#: Score a candidate gets for being a place at all, and per unit of its geoparsing score.
BASE, PER_SCORE = 1.0, 0.3
#: Specific places make better event locations than the regions around them.
FEATURE_BONUS = {"city": 0.5, "landmark": 0.5, "tunnel": 0.5, "admin2": 0.3, "region": 0.2, "admin1": 0.1}
#: Lost by a place the gazetteer could not resolve (it cannot be drawn).
UNRESOLVED = 0.5
#: Gained after a locative ("in", "at", "near").
LOCATIVE = 1.0
#: Lost by a place that names a group, a title or an institution, or the people of a place.
NAMING = 2.0
#: Lost by a place inside the span of a claim or denial ("according to Georgian sources").
IN_CLAIM = 2.5
#: Lost by a dateline's place: where the report was filed from, not where it happened.
DATELINE = 2.0
#: Lost by a container of an earlier place ("Gori, Georgia": Georgia).
CONTAINER = 3.0
#: Lost by a place that is only the first word(s) of a longer name ("Paris Confectionery").
FRAGMENT = 1.5
#: Lost by a place in another country than the one the text is about.
FOREIGN = 1.0
#: A town abroad that nothing else in the text supports, read with less than this geoparsing score, is a
#: stray namesake ("Daman" in a report on eastern Syria): not drawn there.
STRAY_SCORE = 0.6
#: ... and that lies this far (km) from every other place the text names.
STRAY_KM = 1000.0
#: How much more a text must be about its main country before other countries' places lose FOREIGN.
FOREIGN_RATIO = 2.0
#: Least score of a place taken as a movement's origin or destination on a cue ("from", "into").
ROLE_MIN = 0.5
#: Gained by a place the text pins down with its container ("Iquitos, Loreto"): a deliberate location.
PINNED = 0.5
#: Lost per place named earlier in the sentence: the first place told is most often where it happened.
LATER = 0.15
#: Lost by the owner of a possessive before another place ("Russia's North Ossetia").
POSSESSOR = 2.0
#: Lost by a place a direction points from ("Majzar district west of Marib", "in the northeast of Sanaa")
#: after another place: it says where that place lies.
REFERENCE = 1.0
#: Lost by an area the event happened outside of ("villages outside South Ossetia"): it happened anywhere but there.
OUTSIDE = 2.0
#: Lost by what a dispute is about ("a row with Moscow over Abkhazia"): its subject, not its place.
SUBJECT = 3.0
#: Lost by a country when the sentence names a place inside it too: the finer place says where.
COUNTRY_OVER_TOWN = 1.0
#: A town is read as the container of another place up to this far from it (km).
CONTAINER_KM = 150.0

#: Words that name what kind of place a name is ("Majzar district", "Tenali city").
_AREA = (r"(?:district|city|town|village|villages|area|province|county|governorate|state|region|"
         r"municipal(?:ity)?|lga|boma|payam|zone|sector|commune|department|sub-?county|sub-?district|subdistrict|"
         r"oblast|raion|rayon|countryside|neighbou?rhood|localit(?:y|ies)|front|camp|settlement|"
         r"suburb|outskirts|vicinity|division|tehsil|upazila|woreda|kebele|prefecture|canton|parish|hill|hills|"
         r"mountain|valley|base|checkpoint|barangay|quarter|ward|block|island)")
#: Text between a place and its container: "X, Y", "X (Y)", "X (Y, Z)", "X (City of Y)", "X district (Y)",
#: "X town in Y", "X in rural Y", "X, in Y", "X city in the Y countryside", "X area of Y".
_CONTAINER_GAP = re.compile(  # (a bracketed other name may come first: "Zorka (Zorki) in northern Georgia";
    #                             and "and its vicinity": "Kareli and its vicinity in Shida Kartli")
    rf"\s*(?:\([^(),]{{1,30}}\)\s*)?(?:and\s+(?:its|the)\s+(?:vicinity|surroundings|outskirts|environs|"
    rf"countryside|villages|suburbs|surrounding\s+(?:areas?|villages))\s+)?(?:{_AREA}\s*){{0,2}}(?:,\s*|\(\s*(?:[^()]*,\s*)?|\(\s*(?:the\s+)?{_AREA}\s+of\s+|(?:,\s*)?(?:in|of|within|inside)\s+(?:the\s+)?"
    rf"(?:(?:far\s+)?(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west|centre|center)"
    rf"\s+(?:part\s+)?of\s+(?:the\s+)?)?"  # "the Zorka area in the north of the Black Sea"
    rf"(?:(?:rural|eastern|western|northern|southern|central|north|south|east|west|north-?east|north-?west|"
    rf"south-?east|south-?west|greater|upper|lower)\s+)?)\s*$", re.I)
#: How large a kind of place is: a container is never smaller than what it contains.
_RANK = {"landmark": 0, "tunnel": 0, "city": 1, "admin2": 2, "admin1": 3, "region": 3, "country": 4, "continent": 5}
#: A gap that states containment outright, not a comma alone.
_EXPLICIT_GAP = re.compile(rf"\(|\b(?:{_AREA}|in|of|within|inside)\b", re.I)
#: After a place at the start of a report: the rest of a dateline ("TBILISI, Aug 9 (Reuters) -", "GORI:").
_DATELINE_AFTER = re.compile(r"^(?:,\s*[\w .,]{0,30}?)?\s*(?:\([^()]{1,40}\)\s*)?(?:[-–—:]|\s[-–—])\s")
#: After a place: its people or a group of them ("a Saad man", "Kanuri herders"), not a location.
_PEOPLE_AFTER = re.compile(r"^\s*(?:man|woman|men|women|boy|girl|boys|girls|child|children|youths?|family|families|"
                           r"clan|sub-?clans?|tribe|tribesmen|tribal|community|communities|herders?|pastoralists?|"
                           r"farmers?|traders?|merchants?|fishermen|migrants|nationals?|citizens?|residents? of)\b",
                           re.I)
#: Before a place: a capitalised name ending in "of" ("Central Bank of", "National Assembly of"), unless it
#: is a kind of area ("the Central Zone of Sao Paulo", "City of Tshwane").
_NAME_OF_BEFORE = re.compile(r"(?<!^)(?<![.!?:]\s)\b(?!(?:Zone|City|Province|Region|District|State|Governorate|"
                             r"Municipality|Department|County|Outskirts|Suburbs|Area|Centre|Center|North|South|East|"
                             r"West|Republic|Residents|People|Villagers|Inhabitants|Citizens|Parts?|Most|Much|Many|"
                             r"Some|All)\b)[A-Z][\w'’-]+\s+of\s+(?:the\s+)?$")
#: After a place: its institution, in the possessive ("Russia's Defence Ministry", "Georgia's parliament").
#: Before a place: what is given to, or imposed on, it ("military aid to Tbilisi", "sanctions on Russia"): a
#: government or a country as the recipient, not where anything happened.
_RECIPIENT_BEFORE = re.compile(r"\b(?:aid|assistance|support|weapons|arms|loans?|credits?|sanctions|pressure|help|"
                               r"funding|funds|supplies|deliveries|exports|shipments)\s+(?:to|for|on|against)\s+$",
                               re.I)
#: Before a place: the other party to a dispute or a deal ("a standoff with Moscow", "talks with
#: Azerbaijan"): a state as an actor, not where anything happened.
_PARTY_BEFORE = re.compile(r"\b(?:confrontation|dispute|conflict|row|tensions?|talks|negotiations|stand-?off|quarrel|"
                           r"feud|spat|war|relations|ties|agreement|deal|treaty|ceasefire|truce)\s+with\s+(?:the\s+)?$",
                           re.I)
#: Before a country: the one who acts or is called on to ("aggression by Russia", "called Russia to stop"): an
#: actor, not where anything happened (a town after "by" may be a place: "passed by Gori").
_AGENT_BEFORE = re.compile(r"(?:\bby|\b(?:called|calls|calling|urged|urges|urging|asked|asks|warned|warns)"
                           r"(?:\s+on)?)\s+(?:the\s+)?$", re.I)
_INSTITUTION_AFTER = re.compile(
    r"^['’]s?\s+(?:[A-Z][\w-]+\s+){0,3}(?:Ministry|ministry|Army|army|(?:Armed\s+)?[Ff]orces|Navy|Air\s+Force|"
    r"[Gg]overnment|[Pp]arliament|[Ee]mbassy|Council|[Pp]resident|[Pp]rime\s+[Mm]inister|[Mm]inister|"
    r"Security\s+Service|[Ii]ntelligence|[Pp]olice|Guard|[Aa]gency|Office|[Cc]ourt|Commission|Committee|"
    r"[Pp]arty|[Bb]ank|[Ll]eaders?(?:hip)?|[Aa]uthorities|[Oo]fficials?|[Ss]pokes(?:man|woman|person))\b")
#: After a place: the next word of a longer proper name ("Paris Confectionery", "Jardim Oasis", "Waraha-adde"),
#: or a facility ("Mendez farm").
_FRAGMENT_AFTER = re.compile(r"^(?:-\w|\s(?:(?:de|da|do|dos|das|del|al|el|as|ad|ash|ar|bin|ibn|i)[-\s])?[A-Z][a-z]"
                             r"|\s+(?:farm|square|street|avenue|road|market|company|factory|mall|stadium|park)\b)")
#: After a place: a word for what kind of place it is ("Tripoli City", "Gori District"), not a longer name.
_AREA_AFTER = re.compile(rf"^\s+{_AREA}\b", re.I)
#: Before a place: the next item of a list ("Kareli and Gori", "Kareli, Gori", "in Hodeidah and near Sanaa").
_LIST_BEFORE = re.compile(r"(?:\b(?:and|or)|,)\s+(?:(?:also\s+)?(?:in|near|at|around|outside)\s+)?(?:the\s+)?$")
#: Between two places: another of the same told in a clause of its own ("One strike hit a camp in Mawasi, and
#: another a house in Jabalia"): the next item of a list.
_ANOTHER_BETWEEN = re.compile(r"[^.;:]{0,40}?,?\s+and\s+(?:another|a second|a third|others)\b[^.;:]{0,60}"
                              r"\b(?:in|at|near)\s+(?:the\s+)?$", re.I)
#: Before a place: an act done to it ("shelled Kafr Nabl", "captured Bakhmut"): where it happened, as after "in".
_TARGET_BEFORE = re.compile(r"\b(?:shelled|bombed|bombarded|struck|hit|attacked|raided|stormed|captured|seized|"
                            r"recaptured|retook|targeted|pounded|besieged|overran|liberated)\s+(?:the\s+)?$", re.I)
#: After a place: "state" as its kind ("in Rakhine state, where"), not the state's institutions ("Russian state
#: media", "Rakhine state government").
_DIVISION_STATE_AFTER = re.compile(r"^\s+state\b(?!\s*(?:-|media|news|television|tv|radio|agency|broadcaster|run|"
                                   r"owned|government|police|officials?|security|forces|troops|legislature|assembly|"
                                   r"department|authorities|council|minister))", re.I)
#: Words of people arriving somewhere: the place a sentence puts them in is where they went.
_ARRIVAL = re.compile(r"\b(?:arrived|arriving|arrive|reached|came|poured into|were received|took refuge)\b", re.I)
#: Before a place: "from", where people or things came from ("from the bordering villages of"): a locative only
#: for movements.
_FROM_BEFORE = re.compile(r"\b[Ff]rom\s+(?:the\s+)?(?:[a-z][\w'’-]*\s+){0,3}?(?:of\s+)?$")
#: Before a place: a direction from it ("west of", "in the northeast of", "north-east of the").
_DIRECTION_OF_BEFORE = re.compile(r"\b(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)"
                                  r"(?:ern)?(?:\s+(?:part|parts|side|outskirts|countryside))?\s+of\s+(?:the\s+)?$",
                                  re.I)
#: A sentence's opening frame ("In Gaza, ...", "In northern Syria, ...").
_FRAME_BEFORE = re.compile(r"\s*(?:In|Across|Around)\s+(?:the\s+)?(?:(?:north|south|east|west)\w*\s+)?")
#: After the place of a sentence's opening frame: a comma, or its kind and a comma ("In the Donetsk region,").
_FRAME_AFTER = re.compile(r"\s*(?:(?:region|province|oblast|governorate|state|district|county)\s*)?,", re.I)
#: Lost by the place of a sentence's opening frame to the places the sentence then puts the event in.
FRAME = 0.5
#: Before an area: "outside" it ("hamlets shelled outside Abkhazia, in Georgia proper"): not where it happened.
_OUTSIDE_BEFORE = re.compile(r"\b(?:outside(?:\s+of)?|beyond)\s+(?:the\s+)?$", re.I)
#: Before a place: what a dispute is about ("a row with Moscow over the status of Abkhazia"): its subject, not
#: where the event happened.
_SUBJECT_BEFORE = re.compile(r"\b(?:confrontation|dispute|conflict|row|tensions?|talks|negotiations|stand-?off|"
                             r"quarrel|feud|spat|war|claims?|sovereignty)\b[^.;:]{0,40}?\bover\s+(?:the\s+)?"
                             r"(?:[\w-]+\s+){0,3}?(?:of\s+)?$", re.I)
#: Before a place: the first part of a longer name ("Xaaji-Cali", "Tlacotepec de Benito Juarez").
#: After a region, sea or other area: a kind of settlement or shore it only qualifies ("the Red Sea port city of
#: Hodeidah", "a Black Sea resort", "the Gaza Strip town of Rafah"): the settlement is the place.
_QUALIFIED_AFTER = re.compile(r"^\s+(?:port|ports|city|cities|town|towns|village|villages|resort|resorts|coast|"
                              r"coastline|shore|harbou?r|island|islands|naval\s+base|base)\b", re.I)
_FRAGMENT_BEFORE = re.compile(r"(?:\w-|[A-Z][\w'’-]+\s(?:de|da|do|dos|das|del|al|el|as|ad|ash|ar|bin|ibn|i)\s)$")


@dataclass(frozen=True, slots=True)
class Choice:
    """Where a sentence's event happened: a location, or an origin and/or destination."""

    location: Toponym | None = None
    origin: Toponym | None = None
    destination: Toponym | None = None
    near: bool = False  # "near Gori", or drawn at the container of a place the gazetteer lacks
    also: tuple[Toponym, ...] = ()  # the other places of a list the location heads ("bombed Kareli and Gori")
    also_near: tuple[bool, ...] = ()  # for each of those, whether it is only near ("in Hodeidah and near Sanaa")


def countries(toponyms: list[Toponym]) -> Counter[str]:
    """How much a text is about each country: one per resolved town or region named, a half per country named.

    >>> from mapgen.geoparse import Toponym
    >>> countries([Toponym(0, 4, "Gori", "Gori", 42, 44, 1, "GE", "city", 1.0)])
    Counter({'GE': 1.0})
    """
    weight: Counter[str] = Counter()
    for t in toponyms:
        if t.latitude is not None and t.country_code:
            weight[t.country_code] += 0.5 if t.feature == "country" else 1.0
    return weight


def choose(category: str, words: str, offset: int, mine: list[Toponym], skip: list[tuple[int, int]] | None = None,
           *, about: Counter[str] | None = None, gazetteer: OfflineGazetteer | None = None,
           context: list[Toponym] | None = None) -> Choice:
    """Choose the event's location, or its origin and destination, among the sentence's places.

    ``words`` is the sentence, ``offset`` where it starts in the text the toponyms' offsets count in,
    ``mine`` its toponyms in order, ``skip`` spans of claims and denials (sentence offsets), ``about``
    the text's :func:`countries`, ``gazetteer`` reads a container town as its province where one exists
    and "X, X" (a town and its province of the same name) as the town, ``context`` is every place the
    text names (by default the sentence's).
    """
    mine = _towns_named_like_their_province(words, offset, mine, gazetteer)
    r = score(category, words, offset, mine, skip, about=about, context=context)
    if r.origin is not None or r.destination is not None:
        if r.origin is None or r.destination is None:
            used = r.origin or r.destination
            at = next(i for i, t in enumerate(mine) if t is used)
            # "fled towards Kisangani and Lubero": both where they went, neither where they came from
            mates = [i for i, t in enumerate(mine) if i != at and r.groups[i] == r.groups[at] and r.scores[i] > 0
                     and t.latitude is not None and t.feature not in {"country", "continent"}]
            others = [mine[i] for i in sorted(range(len(mine)), key=lambda i: -r.scores[i])
                      if i != at and i not in mates]
            if r.destination is not None and others and category == "displacement":
                return Choice(origin=others[0], destination=r.destination)  # "will evacuate children to Russia"
            if r.origin is not None and others and category == "displacement" and _ARRIVAL.search(words) \
                    and others[0].latitude is not None and others[0].feature not in {"country", "continent"}:
                return Choice(origin=r.origin, destination=others[0])  # "in Maracay, refugees arrived from Zulia"
            return Choice(location=used, also=tuple(mine[i] for i in mates), also_near=(False,) * len(mates))
        return Choice(origin=r.origin, destination=r.destination)
    if not mine:
        return Choice()
    best = max(range(len(mine)), key=lambda i: r.scores[i])
    place = mine[best]
    if r.scores[best] <= 0:
        return Choice()  # only names of speakers, institutions or people: the event's place is told elsewhere
    outermost = set(r.contained) - set(r.contained.values())  # containers nothing else is written to contain
    unknown = best if place.latitude is None else r.contained.get(best)
    if best + 1 < len(mine) and _city_of_its_district(words, offset, mine, best + 1) is place:
        unknown = best + 1  # "in Tbilisi-Zxqdistrict": somewhere in the city
    if unknown is not None and (city := _city_of_its_district(words, offset, mine, unknown)) is not None:
        return Choice(location=city, near=True)  # "in Lima-Rimac, Lima Province": in the city
    if place.latitude is None or best in r.misread:
        container = _container_of(best, r.contained)
        if container is not None:
            chosen = mine[container]
            return Choice(location=_as_region(chosen, gazetteer) if container in outermost else chosen, near=True)
        town = _town_of_quarter(words, offset, mine, place) if place.latitude is None else None
        if town is not None:  # "in Sanaa Street ... in the east of Hodeidah city": somewhere in that town
            return Choice(location=town, near=True)
        if place.latitude is not None:  # a stray namesake: the row keeps the name, unplaced and reported
            return Choice(location=replace(place, name=None, latitude=None, longitude=None, geonameid=None,
                                           country_code=None, feature=None, admin1=None))
    if best in r.contained and mine[r.contained[best]].latitude is None:  # somewhere in it the gazetteer lacks
        return Choice(location=_as_region(place, gazetteer) if best in outermost else place, near=True)
    listed = [i for i in range(len(mine)) if i != best and r.groups[i] == r.groups[best]
              and r.scores[i] > 0 and mine[i].latitude is not None and i not in r.misread
              and mine[i].feature not in {"country", "continent"} and i not in r.contained]
    also, also_near = tuple(mine[i] for i in listed), tuple(i in r.near for i in listed)
    return Choice(location=place, near=best in r.near, also=also, also_near=also_near)


@dataclass(slots=True)
class Scores:
    """How well each of a sentence's places fits as the event's location, and the roles read on the way."""

    scores: list[float]
    near: set[int]  # places after "near", "outside", "in the area of"
    contained: dict[int, int]  # index of a container -> index of the place it contains
    misread: set[int]  # places read outside the container the text puts them in
    groups: list[int] = field(default_factory=list)  # list each place belongs to ("in Kareli and Gori": one)
    origin: Toponym | None = None
    destination: Toponym | None = None


def score(category: str, words: str, offset: int, mine: list[Toponym], skip: list[tuple[int, int]] | None = None,
          *, about: Counter[str] | None = None, context: list[Toponym] | None = None) -> Scores:
    """The :class:`Scores` of a sentence's places (see :func:`choose`); the module's weights explain them."""
    skip = skip or []
    main = _main_country(about)
    flow = category in FLOW_CATEGORIES
    r = Scores([], set(), {}, set())
    handed: str | None = None  # a role cue passed on by a possessor to the place it owns
    locative = False
    for index, toponym in enumerate(mine):
        start, end = toponym.start - offset, toponym.end - offset
        before, after = words[max(0, start - 60):start], words[end:end + 40]
        value = BASE + PER_SCORE * toponym.score - LATER * index
        if toponym.latitude is None:
            value -= UNRESOLVED
        value += FEATURE_BONUS.get(toponym.feature or "", 0.0)
        # A list item ("in Kareli and Gori", "from Gori and Kareli") reads as the place before it;
        # "protesters from Beirut gathered in Tripoli": from is where they came from.
        listed = bool(index and (_LIST_BEFORE.search(before) or _ANOTHER_BETWEEN.match(
            words, mine[index - 1].end - offset, start)))
        if not listed:
            locative = bool(lx.LOCATIVE.search(before) or _TARGET_BEFORE.search(before)) and (
                flow or not _FROM_BEFORE.search(before))
        r.groups.append(r.groups[-1] if listed else index)
        naming = bool((lx.ACTOR_AFTER.match(after) and not _DIVISION_STATE_AFTER.match(after))
                      or lx.ACTOR_BEFORE.search(before) or _PEOPLE_AFTER.match(after)
                      or _NAME_OF_BEFORE.search(before) or _INSTITUTION_AFTER.match(after)
                      or _RECIPIENT_BEFORE.search(before) or _PARTY_BEFORE.search(before)
                      or (toponym.feature == "country" and _AGENT_BEFORE.search(before))
                      or _in_acronymed_name(words, start, end))
        if locative and not naming:  # the "of" of "the President of Brazil" is the title's, not a locative
            value += LOCATIVE
        if naming:
            value -= NAMING
        if any(s <= start < e for s, e in skip):
            value -= IN_CLAIM
        if not before.strip() and _DATELINE_AFTER.match(after):
            value -= DATELINE  # "TBILISI, Aug 9 (Reuters) - Jets bombed Gori": where the reporter files from
        if (_FRAGMENT_AFTER.match(after) and not _AREA_AFTER.match(after)) or _FRAGMENT_BEFORE.search(before):
            value -= FRAGMENT
        if toponym.feature == "region" and _QUALIFIED_AFTER.match(after):
            value -= REFERENCE
        pair = _contained(words, offset, mine, index, about)
        if pair is not None:
            inner, how = pair
            r.contained[index] = inner
            r.groups[index] = index  # a container is no item of the list before it
            if how == "inside":
                value -= CONTAINER
            r.scores[inner] += PINNED - (UNRESOLVED if how == "misread" else 0.0)
            if how == "misread":
                r.misread.add(inner)
        elif _misread_container(words, offset, mine, index, about):
            r.misread.add(index)
            value -= UNRESOLVED
        elif _town_in_brackets(words, offset, mine, index):  # "in Punjab (Lahore)": in Lahore
            r.contained[index - 1] = index
            r.groups[index] = r.groups[index - 1]
            r.scores[index - 1] -= CONTAINER
            value += PINNED + (LOCATIVE if locative else 0.0)
        possessor = bool(re.match(r"^['’]s\s+\S", after)) and index + 1 < len(mine)
        if possessor:
            value -= POSSESSOR
        role_value = value  # movements cross borders: being abroad costs a place no role
        if main and toponym.country_code and toponym.country_code != main and about is not None \
                and about[main] >= FOREIGN_RATIO * about[toponym.country_code]:
            value -= FOREIGN
        if _stray(toponym, context or mine, about):
            r.misread.add(index)  # "Daman" read in India in a report on eastern Syria
            value -= UNRESOLVED
        if lx.NEAR.search(before):
            r.near.add(index)
        area = toponym.feature in {"country", "admin1", "region", "continent"}
        if area and _OUTSIDE_BEFORE.search(before) and not re.match(r"^['’]s?\s", after):
            value -= OUTSIDE  # outside an area is not in it (but "outside Georgia's parliament" is)
        if _SUBJECT_BEFORE.search(before):
            value -= SUBJECT
        if _DIRECTION_OF_BEFORE.search(before):
            if index:
                value -= REFERENCE  # "Majzar district west of Marib city": Marib only says where Majzar is
            r.near.add(index)  # "a camp west of Khan Younis": about there, not in it
        cue = handed or ("origin" if flow and r.origin is None and lx.ORIGIN_CUE.search(before) else
                         "destination" if flow and r.destination is None and lx.DESTINATION_CUE.search(before)
                         else None)  # only movements have an origin and a destination
        handed = None
        if flow and cue and possessor:
            handed = cue  # "entered Georgia's region of South Ossetia": the cue is South Ossetia's
        elif flow and cue == "origin" and role_value > ROLE_MIN:
            r.origin = toponym
        elif flow and cue == "destination" and role_value > ROLE_MIN:
            r.destination = toponym
        r.scores.append(value)
    # "In Gaza, airstrikes killed 18 people in Khan Younis and Rafah": the opening frame sets the scene, the
    # places the sentence then puts the event in are where it happened
    framed = len(mine) > 1 and bool(_FRAME_BEFORE.fullmatch(words[:mine[0].start - offset])) \
        and bool(_FRAME_AFTER.match(words[mine[0].end - offset:]))
    if framed and any(t.latitude is not None
                      and lx.LOCATIVE.search(words[max(0, t.start - offset - 60):t.start - offset]) for t in mine[1:]):
        r.scores[0] -= FRAME
    frame = mine[0] if framed else None
    if frame is not None and frame.feature == "admin1" and frame.admin1 and 0 not in r.contained:
        # "In the Donetsk region, troops took the village of Novooleksandrivka": a village of that name in
        # another province is a namesake (the gazetteer lacks the one meant); the event is somewhere in the frame
        for index, town in enumerate(mine[1:], 1):
            if town.feature == "city" and town.country_code == frame.country_code and town.admin1 \
                    and town.admin1 != frame.admin1 and index not in r.contained.values():
                r.contained[0] = index
                r.misread.add(index)
                break
    for index, toponym in enumerate(mine):  # "a protest in Lebanon ... gathered in Nabatiye": Nabatiye
        if toponym.feature == "country" and any(
                other.country_code == toponym.country_code and other.latitude is not None
                and other.feature not in {"country", "continent"} and r.scores[j] > 0
                for j, other in enumerate(mine) if j != index):
            r.scores[index] -= COUNTRY_OVER_TOWN
    return r


def label(toponym: Toponym) -> str:
    """The place as the text names it, without a possessive or trailing punctuation ("Russia's" -> "Russia").

    >>> from mapgen.geoparse import Toponym
    >>> label(Toponym(0, 8, "Russia's", "Russia", 60, 100, 1, "RU", "country", 1.0))
    'Russia'
    >>> label(Toponym(0, 4, "TAIZ", "Taiz", 13.6, 44.0, 70225, "YE", "city", 1.0))  # a dateline's capitals
    'Taiz'
    >>> label(Toponym(0, 9, "AL-MAWASI", "Al Mawasi", 31.3, 34.2, 1, "PS", "city", 1.0))
    'Al-Mawasi'
    """
    if toponym.how == "territory" and toponym.name:
        return toponym.name  # "on Georgian territory": Georgia
    text = toponym.text.rstrip(",;:( ")
    if len(text) > 3 and text.isupper():  # "TAIZ, 5 June 2026 -": Taiz, as the gazetteer spells it where it can
        if toponym.name and toponym.name.upper() == text:
            return toponym.name
        return re.sub(r"(?<![\w'’])[^\W\d_]+", lambda m: m[0].capitalize(), text.lower())  # "SANA'A": Sana'a
    return re.sub(r"['’]s?$", "", text) if text.endswith(("'s", "’s", "'", "’")) else text


def _stray(toponym: Toponym, context: list[Toponym], about: Counter[str] | None) -> bool:
    """Whether a weakly read town is a namesake far from everything else the text names, in a country
    nothing else in the text points to ("Ar Rabii" read in Australia beside Taizz, Yemen)."""
    if (toponym.latitude is None or toponym.longitude is None or toponym.score >= STRAY_SCORE
            or toponym.feature in {"country", "continent", "region", "admin1"} or not toponym.country_code):
        return False
    if about is not None and about[toponym.country_code] > 1.0:
        return False
    here = Place("", toponym.latitude, toponym.longitude)
    others = [t for t in context if t.latitude is not None and t.longitude is not None
              and t.country_code != toponym.country_code]
    return bool(others) and all(distance_km(here, Place("", t.latitude, t.longitude)) > STRAY_KM for t in others)


def _main_country(about: Counter[str] | None) -> str | None:
    if not about:
        return None
    return max(sorted(about), key=lambda code: about[code])


def _contained(words: str, offset: int, mine: list[Toponym], index: int,
               about: Counter[str] | None = None) -> tuple[int, str] | None:
    """The place just before ``mine[index]`` when the text writes ``mine[index]`` as its container, and how
    the two readings agree: "inside", "unknown" (the first is not resolved) or "misread".

    "X (Y, Z)" makes Z the container of Y, and Y of X. A town contains a resolved place only nearby,
    and nothing contains a place of another country. When the text says so outright ("X (Y)", "X
    district, Y", "X area of Y", "X in rural Y") and X was read outside Y, X's reading is a namesake:
    "misread". A bare comma between two towns may be a list ("Gori, Tskhinvali"), so it proves nothing.
    """
    if index == 0:
        return None
    first, container = mine[index - 1], mine[index]
    gap = words[first.end - offset:container.start - offset]
    if len(gap) > 60 or not _CONTAINER_GAP.fullmatch(gap):
        return None
    if first.feature in {"country", "admin1", "region", "continent"} and _OUTSIDE_BEFORE.search(
            words[max(0, first.start - offset - 20):first.start - offset]):
        return None  # "hamlets shelled outside Abkhazia in Georgia proper": Georgia holds the hamlets
    if container.feature == "region" and _QUALIFIED_AFTER.match(words[container.end - offset:]):
        return None  # "in the north of the Red Sea port city": the port city contains it, not the sea
    if first.latitude is None or container.latitude is None:
        return (index - 1, "unknown") if container.latitude is not None else None
    if _RANK.get(container.feature or "", 1) < _RANK.get(first.feature or "", 1) and not re.search(r"[(,]", gap):
        return None  # "the Bank of Georgia in Gori"; but "Majzar district (Marib)" names Marib province
    if _RANK.get(first.feature or "", 1) >= _RANK["admin1"] and _RANK.get(container.feature or "", 1) <= _RANK["city"]:
        return None  # "in Punjab (Lahore)": a town says where in the province, it does not contain it
    if first.feature == container.feature and first.feature in {"country", "admin1"}:
        return None  # "over the Kyiv, Chernihiv and Sumy regions": a province holds no other province
    explicit = bool(_EXPLICIT_GAP.search(gap)) or container.feature in {"country", "admin1", "region"}
    if not explicit and index + 1 < len(mine) and first.feature == container.feature and re.fullmatch(
            r"\s*(?:,|,?\s+(?:and|or))\s+", words[container.end - offset:mine[index + 1].start - offset]):
        return None  # "in Tbilisi, Gori and Kareli": a list of towns, not a town and its container
    inside = first.country_code == container.country_code and (
        container.feature in {"country", "region", "continent"}
        # "Rampur sector (Baramulla district, J&K)" is not Rampur, Uttar Pradesh
        or (container.feature == "admin1" and (first.admin1 is None or first.admin1 == container.admin1))
        or (first.admin1 is not None and first.admin1 == container.admin1 and container.feature == "city")
        or distance_km(Place("", first.latitude, first.longitude),
                       Place("", container.latitude, container.longitude)) <= CONTAINER_KM)
    if inside:
        return index - 1, "inside"
    if _doubtful_container(mine, index, about):
        return None  # "Bamenda town (Mezam, Nord-Ouest)" with Nord-Ouest read in Haiti: the container is the namesake
    return (index - 1, "misread") if explicit else None


def _town_in_brackets(words: str, offset: int, mine: list[Toponym], index: int) -> bool:
    """Whether ``mine[index]`` is a town written in brackets after the province or country it lies in
    ("in Punjab (Lahore)"): the town says where in it."""
    if index == 0:
        return False
    region, town = mine[index - 1], mine[index]
    if town.latitude is None or region.latitude is None or town.feature not in ("city", "admin2", "landmark"):
        return False
    if region.feature not in ("admin1", "country") or region.country_code != town.country_code or (
            region.feature == "admin1" and region.admin1 != town.admin1):
        return False
    return re.fullmatch(r"\s*\(\s*", words[region.end - offset:town.start - offset]) is not None


def _far_apart(a: Toponym, b: Toponym) -> bool:
    """Whether two resolved places lie in different countries and further apart than STRAY_KM."""
    return (a.country_code != b.country_code and a.latitude is not None and b.latitude is not None
            and distance_km(Place("", a.latitude, a.longitude), Place("", b.latitude, b.longitude)) > STRAY_KM)


def _misread_container(words: str, offset: int, mine: list[Toponym], index: int,
                       about: Counter[str] | None = None) -> bool:
    """Whether ``mine[index]`` is written as the container of the place before it ("X (Y)", "X, Y") but read
    in another country far away, less surely than that place: a namesake, not where anything happened."""
    if index == 0:
        return False
    first, container = mine[index - 1], mine[index]
    gap = words[first.end - offset:container.start - offset]
    return (len(gap) <= 60 and bool(_CONTAINER_GAP.fullmatch(gap)) and bool(re.search(r"[(,]", gap))
            and _doubtful_container(mine, index, about))


def _doubtful_container(mine: list[Toponym], index: int, about: Counter[str] | None = None) -> bool:
    """Whether the container ``mine[index]`` of the place before it, read in another country far from it, is
    the misread one: read no more surely than the place, with no container of its own that agrees with it
    ("Nadas in rural Gori in Georgia": Gori is Georgia's, so Nadas is the namesake; "Pati village (Barwani,
    Madhya Pradesh)": Pati is) and in a country the text points to no more than the place's."""
    first, container = mine[index - 1], mine[index]
    if not _far_apart(first, container) or container.score > first.score:
        return False
    after = mine[index + 1] if index + 1 < len(mine) else None
    if after is not None and after.country_code == container.country_code:
        return False
    return not (about and about[container.country_code or ""] > about[first.country_code or ""])


#: A name of capitalised words (and small words between them) closed by its acronym in brackets.
_ACRONYMED_NAME = re.compile(r"((?:[A-Z][\w'’-]*\s+(?:(?:of|for|the|and|in|de|du|des|la|el)\s+)*){2,}[A-Z][\w'’-]*)"
                             r"\s*\(([A-Z]{3,8})\)")


def _in_acronymed_name(words: str, start: int, end: int) -> bool:
    """Whether words[start:end] lies inside an organisation's name that the text gives with its acronym
    ("the African Party for the Independence of Guinea and Cape Verde (PAIGC)"): a name, not a place
    where anything happened. The acronym's letters must be initials of the name's capitalised words.

    >>> text = "leaders of the African Party for the Independence of Guinea and Cape Verde (PAIGC) met"
    >>> _in_acronymed_name(text, text.index("Cape"), text.index("Cape") + 10)
    True
    >>> text = "a rally in Bissau (Sector Autonomo de Bissau, Bissau) ended"
    >>> _in_acronymed_name(text, text.index("Bissau"), text.index("Bissau") + 6)
    False
    """
    if "(" not in words[end:end + 80]:
        return False
    for match in _ACRONYMED_NAME.finditer(words, max(0, start - 120), min(len(words), end + 80)):
        if match.start(1) <= start and end <= match.end(1):
            initials = "".join(w[0] for w in re.findall(r"[A-Z][\w'’-]*", match[1]))
            return _spelt_by(match[2], initials)
    return False


def _spelt_by(acronym: str, initials: str) -> bool:
    """Whether every letter of ``acronym`` is one of the initials, in any order: acronyms keep the
    order of their own language ("PAIGC", Partido Africano da Independencia da Guine e Cabo Verde)."""
    return not Counter(acronym) - Counter(initials)


#: First words of the names of a town's quarters: "Colonia Prados Verdes", "Barangays Kilada and Marbel",
#: "Hay al-Salam".
_QUARTER_TITLES = QUARTER_TITLES | {"barangays", "hay", "hayy", "mahalla", "quartier"}
#: Last words of the names of a town's streets and quarters: "Sanaa Street".
_QUARTER_ENDS = frozenset({"street", "st", "road", "avenue", "square", "neighbourhood", "neighborhood", "quarter"})
#: After a name: what makes it a town's quarter ("the San Lorenzo neighborhood", "Ad Dubyani area of").
_QUARTER_AFTER = re.compile(r"\s+(?:neighbou?rhoods?|quarter|street|area\s+of)\b", re.I)


def is_quarter(words: str, offset: int, place: Toponym) -> bool:
    """Whether a sentence's place is a quarter or a street of a town, by its name or the word after it
    ("Colonia Guadalupe", "Sanaa Street", "the San Lorenzo neighborhood")."""
    parts = place.text.split()
    return (len(parts) > 1 and (parts[0].lower() in _QUARTER_TITLES or parts[-1].lower() in _QUARTER_ENDS)) or bool(
        _QUARTER_AFTER.match(words, place.end - offset))


def _town_of_quarter(words: str, offset: int, mine: list[Toponym], place: Toponym) -> Toponym | None:
    """The town a sentence names for a quarter or street the gazetteer lacks ("shells hit Sanaa Street and
    the port of Hodeidah", "in Toluca, people of the San Lorenzo neighborhood marched"): the first town
    after it, else the last before it; None when the place is no quarter or no town is named.

    >>> from mapgen.geoparse import Toponym
    >>> hodeidah = Toponym(34, 42, "Hodeidah", "Al Hudaydah", 14.8, 42.9, 1, "YE", "city", 1.0)
    >>> street = Toponym(9, 21, "Sanaa Street", None, None, None, None, None, None, 0.5)
    >>> _town_of_quarter("Shells hit Sanaa Street in the east of Hodeidah.", 0, [street, hodeidah], street).name
    'Al Hudaydah'
    """
    if not is_quarter(words, offset, place):
        return None
    towns = [t for t in mine if t is not place and t.latitude is not None and t.feature == "city"]
    after = [t for t in towns if t.start >= place.end]
    before = [t for t in towns if t.end <= place.start]
    return after[0] if after else before[-1] if before else None


def _city_of_its_district(words: str, offset: int, mine: list[Toponym], index: int) -> Toponym | None:
    """The town written with a hyphen before a place the gazetteer lacks, as a district of it: "Lima-La
    Victoria", "Mogadishu-Karan" (the town when it is resolved, else None)."""
    if index == 0 or mine[index].latitude is not None:
        return None
    town = mine[index - 1]
    joined = words[town.end - offset:mine[index].start - offset] == "-"
    return town if joined and town.latitude is not None and town.feature == "city" else None


def _container_of(index: int, contained: dict[int, int]) -> int | None:
    """The most specific resolved container written for ``index`` ("X (Y, Z)": Y before Z)."""
    containers = sorted(c for c, inner in contained.items() if inner == index)
    return containers[0] if containers else None


def _towns_named_like_their_province(words: str, offset: int, mine: list[Toponym],
                                     gazetteer: OfflineGazetteer | None) -> list[Toponym]:
    """ "Sao Paulo, Sao Paulo", "Tizi Ouzou (Tizi Ouzou)": the first of a town and the province named after it,
    read as the town even where the document's one reading of the name is the province."""
    if gazetteer is None or len(mine) < 2:
        return mine
    out = list(mine)
    for index in range(len(mine) - 1):
        first, second = mine[index], mine[index + 1]
        gap = words[first.end - offset:second.start - offset]
        if (first.feature in {"admin1", "admin2"} and first.country_code and label(first) == label(second)
                and _CONTAINER_GAP.fullmatch(gap) and re.search(r"[(,]", gap)):
            towns = [p for p in gazetteer.candidates(first.name or first.text, country=first.country_code)
                     if p.feature == "city" and p.admin1 in (first.admin1, first.name)]
            if towns:
                town = max(towns, key=lambda p: p.population)
                out[index] = replace(first, name=town.name, latitude=town.latitude, longitude=town.longitude,
                                     geonameid=town.geonameid, feature="city", admin1=town.admin1)
    return out


def _as_region(toponym: Toponym, gazetteer: OfflineGazetteer | None) -> Toponym:
    """A container read as a town that is also a province of the same name, as that province.

    "In the area of Zholobok, Luhansk": Zholobok lies in Luhansk province, not necessarily near the city.
    """
    if toponym.feature != "city" or gazetteer is None or not toponym.country_code:
        return toponym
    for place in gazetteer.candidates(toponym.name or toponym.text, country=toponym.country_code):
        if place.feature in {"admin1", "admin2"} and not place.alternate:
            return replace(toponym, name=place.name, latitude=place.latitude, longitude=place.longitude,
                           geonameid=place.geonameid, feature=place.feature, admin1=place.admin1)
    return toponym
