"""Toponym recognition: named entities from spaCy, checked and completed with the gazetteer.

- Place entities (GPE, LOC, FAC) are mentions when the gazetteer knows them, or a close
  spelling ("Tiblisi"), or a place name inside them; a FAC it does not know is not.
- Organisations, works and products are mentions when their whole name is a region or a
  big place, or a place name used as a modifier ("Oakland officer"); otherwise the place
  names inside them count ("Platte County Court", "University of Pennsylvania").
- A name tagged as a person is a place after a locative word ("shelling near Gori"), as a
  modifier, in "X, Y", when the text names it as a place elsewhere, or as a capital speaking
  for its government ("Tbilisi denied"); never the surname of someone named in the text.
- Proper nouns no entity covers are looked up in the gazetteer ("Kareli") and kept when a
  cue supports them: locative words, "X, Y", lists with places, modifiers; or, after
  resolution, when one of their places lies next to a place the text surely names.
- Patterns: datelines ("BEIRUT:"), "X and Y counties", "D-N.Y.", abbreviations ("Ga.").
- Demonyms (Georgian, Ossetian) are not mentions; they are kept as evidence of countries.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any, NamedTuple

from mapgen.geocode.gazetteer import OfflineGazetteer
from mapgen.geocode.normalize import normalize
from mapgen.geocode.place import Place, distance_km
from mapgen.geoparse import _fuzzy
from mapgen.geoparse._nlp import chunks, pipeline
from mapgen.geoparse.lexicon import (
    ABBREVIATION,
    ADMIN_DIVISIONS,
    AREA_WORDS,
    CONTAINERS,
    DATELINE,
    GEO_WORDS,
    INSTITUTIONS,
    LEGISLATURE_AFTER,
    LEGISLATURES,
    LOCAL_NOUNS,
    LOCATIVES,
    MAX_WORDS,
    NAME_PARTICLES,
    NOT_PLACE_PHRASES,
    NOT_PLACES,
    PARTY_BEFORE,
    PARTY_NOUNS,
    PARTY_WORDS,
    PLACE_LABELS,
    POSSESSIVE,
    QUARTER_TITLES,
    ROUTE_WORDS,
    STREET_WORDS,
    STRONG_FEATURES,
    TRIM_START,
    VEHICLE_MAKE_NAMES,
    VEHICLE_MAKES,
    WEAPON_NAMES,
    person_names,
)

#: How often a mention found each way is a real place name: precision measured on LGL
#: (benchmarks/geoparse.py), rounded; it scales the resolution score into Toponym.score.
RECOGNITION_CONFIDENCE = {"ner": 0.93, "pattern": 0.97, "inside": 0.77, "entity": 0.69, "person": 0.76,
                          "gazetteer": 0.65, "fuzzy": 0.64, "nearby": 0.89, "repeat": 0.91, "territory": 0.93}


#: Ways of finding a mention sure enough that the name's other uses in the text count too.
REPEATED = frozenset({"ner", "pattern"})


#: First words of lakes, gulfs and seas the gazetteer does not know: named after a place, but
#: not at it ("Lake Ontario", "Gulf of Mexico"); left unplaced. (Rivers named after a town run
#: by it: "Sacramento River" stays at Sacramento.)
WATER_BEFORE = frozenset({"lake", "gulf", "bay", "sea"})


@dataclass(slots=True)
class Mention:
    """A place name found in the text, before resolution."""

    start: int
    end: int
    text: str
    how: str  # ner, gazetteer, fuzzy, pattern
    lookup: str  # the name to look up (a corrected spelling for fuzzy matches)
    country: str | None = None  # only places in this country (for "Ga." and the like)
    demonym: bool = False  # "Georgian": evidence of a country, not a place on the map
    feature: str | None = None  # only places of this feature ("Ind." is the state, not a town)
    province: bool = False  # written as a province ("the Kharkiv region"): read apart from the bare name


def proper_noun(word: str, punctuation: bool) -> bool:
    """Whether a word reads as a proper noun: a capitalised word that is not punctuation.

    Recognition needs no part-of-speech tagger: every proper noun it keeps is looked up in the
    gazetteer and needs a cue, so a capital letter does as well as the tagger's NNP (on LGL and
    ACLED), even for the first word of a sentence ("Residents" is no place; "Gori was hit" is one).

    >>> [proper_noun(word, word in ",.") for word in ("Gori", "hit", "TSKHINVALI", ",", "U.S.", "5")]
    [True, False, True, False, True, False]
    """
    return not punctuation and word[:1].isupper()


class _Entity(NamedTuple):
    """A named entity of a doc: tokens ``start`` to ``end`` (exclusive), and its label."""

    start: int
    end: int
    label_: str


class _Tokens:
    """A spaCy doc's tokens as plain lists, read out once: recognition looks at each token many
    times, and spaCy builds a new Token object at every look.

    >>> doc = pipeline()("Jets hit Gori, Georgia's town.")
    >>> tokens = _Tokens(doc)
    >>> tokens.span(2, 5) == doc[2:5].text, tokens.text == [t.text for t in doc], tokens.chars == doc.text
    (True, True, True)
    >>> tokens.ent_type == [t.ent_type_ for t in doc], _Tokens(doc, "(x) " + doc.text, 4).chars == doc.text
    (True, True)
    >>> tokens.proper[:4], tokens.ent_type[2], tokens.punct[3]
    ([True, False, True, False], 'GPE', True)
    """

    __slots__ = ("chars", "ent_type", "ents", "idx", "lower", "proper", "punct", "space", "text")

    def __init__(self, doc: Any, text: str | None = None, offset: int = 0) -> None:
        """``text`` is the text ``doc`` was parsed from, at ``offset`` (its characters are the doc's)."""
        from spacy.attrs import IDX, IS_PUNCT, LOWER, ORTH, SPACY

        # Entities as plain tuples: a spaCy Span looks its label up in the StringStore at every .label_
        self.ents: list[_Entity] = [_Entity(e.start, e.end, e.label_) for e in doc.ents]
        # Attributes as numbers, without a Token object each; strings come from the vocabulary.
        columns = doc.to_array([ORTH, LOWER, IS_PUNCT, SPACY, IDX])
        orth, lower, punct, space, idx = (columns[:, k].tolist() for k in range(5))
        strings = doc.vocab.strings
        self.text: list[str] = [strings[h] for h in orth]
        self.lower: list[str] = [strings[h] for h in lower]
        # Each token's entity label ("" outside entities), from the entities: cheaper than spaCy's column.
        self.ent_type: list[str] = [""] * len(orth)
        for start, end, label in self.ents:
            self.ent_type[start:end] = [label] * (end - start)
        self.punct: list[bool] = list(map(bool, punct))
        # proper_noun(), inline: it is asked of every token
        self.proper: list[bool] = [not p and w[:1].isupper() for w, p in zip(self.text, self.punct, strict=True)]
        self.space: list[bool] = list(map(bool, space))  # a space after the token
        self.idx: list[int] = idx
        if text is None:
            self.chars: str = doc.text
        else:  # the same characters, cut out of the text rather than joined from the tokens
            self.chars = text[offset:offset + idx[-1] + len(self.text[-1]) + space[-1]] if orth else ""

    def __len__(self) -> int:
        return len(self.text)

    def span(self, start: int, end: int) -> str:
        """The text of tokens ``start`` to ``end`` (exclusive), as spaCy's ``doc[start:end].text``."""
        return self.chars[self.idx[start]:self.idx[end - 1] + len(self.text[end - 1])] if end > start else ""


@dataclass(slots=True)
class Recognition:
    mentions: list[Mention]
    demonyms: Counter[str]  # country code -> how often the text uses its demonym
    #: Proper nouns the gazetteer knows but nothing in the sentence supports: places only if
    #: the map supports them (next to a place the text names for sure), decided after resolution.
    maybe: list[Mention] = field(default_factory=list)


def recognize(text: str, gazetteer: OfflineGazetteer, *, model: str | None = None,
              demonyms: bool = False, docs: list[tuple[int, Any]] | None = None) -> Recognition:
    """Find the place names in ``text`` (character offsets into ``text``).

    With ``demonyms`` true, "Georgian" and the like are returned too (marked as demonyms).
    ``docs`` are the text's spaCy pieces when the caller parsed them already (batches).
    """
    if docs is None:
        pieces = chunks(text)
        docs = [(offset, doc) for (offset, _), doc in zip(pieces, pipeline(model).pipe(p for _, p in pieces),
                                                          strict=True)]
    mentions: list[Mention] = []
    evidence: Counter[str] = Counter()
    maybe: list[Mention] = []
    names: list[tuple[int, int]] = []  # entities of several words: their parts are no repeats
    people: set[str] = set()
    surnames: set[str] = set()  # of full names with a known given name ("Dale Corcoran"): see _full_name_surnames
    any_surnames: set[str] = set()  # of every full name: they overrule small towns only
    for offset, spacy_doc in docs:
        doc = _Tokens(spacy_doc, text, offset)
        mentions.extend(_in_doc(doc, offset, gazetteer, evidence, demonyms, maybe))
        maybe.extend(_unsupported(doc, offset, gazetteer))
        names += [(offset + doc.idx[e.start], offset + doc.idx[e.end - 1] + len(doc.text[e.end - 1]))
                  for e in doc.ents if e.end - e.start > 1]
        people |= {name.casefold() for name in _person_tokens(doc)}
        surnames |= _full_name_surnames(doc)
        any_surnames |= _full_name_surnames(doc, known_given=False)
    mentions = _wholes_again(text, mentions, gazetteer)
    mentions.extend(_datelines(text, gazetteer))
    mentions.extend(_text_patterns(text, gazetteer))
    mentions.sort(key=lambda m: (m.start, -m.end, m.how != "pattern"))  # a pattern knows more
    mentions = _without_overlaps([m for m in mentions if any(c.isupper() for c in m.text)])
    mentions = _without_overlaps(sorted(mentions + _document_repeats(text, mentions, names, people, gazetteer),
                                        key=lambda m: (m.start, -m.end)))
    mentions = [m for m in mentions if m.how == "pattern" or not (
        _NAME_JOINED_BEFORE.search(text, max(0, m.start - 40), m.start) or _NAME_JOINED_AFTER.match(text, m.end))
        or gazetteer.country_code(m.lookup)]  # a country stays itself inside a longer name: "Tour de France"
    mentions = [m for m in mentions if not _CURRENCY_AFTER.match(text, m.end)]  # "the US dollar" is no place
    mentions = [m for m in mentions if not (normalize(m.text) in QUARTER_TITLES and _NAME_AFTER.match(text, m.end))]
    mentions = [m for m in mentions if m.how == "pattern" or not _WAR_AFTER.match(text, m.end)]  # "Gulf War veteran"
    vehicles = {normalize(m.text) for m in mentions if _vehicle(text, m)}  # and "the Toyota" again, later
    acronyms = _defined_acronyms(text) if "(" in text else set()  # "Commissioner (DC)", then "the DC's family"
    mentions = [m for m in mentions if m.how == "pattern" or not (
        _legislature(text, m) or _party(text, m, gazetteer) or _vehicle(text, m) or _byline(text, m)
        or _americas_organisation(text, m) or m.text in acronyms or (
            normalize(m.text) in vehicles and _VEHICLE_ARTICLE_BEFORE.search(text, max(0, m.start - 10), m.start)))]
    named = {normalize(m.lookup) for m in mentions if m.how != "eponym"}  # "Lancaster Girls' School" of Lancaster
    mentions = [replace(m, how="inside") if m.how == "eponym" else m for m in mentions
                if m.how != "eponym" or normalize(m.lookup) in named]
    mentions = _with_abbreviations(text, mentions, gazetteer)
    mentions = [_as_street(text, m, gazetteer) for m in mentions]
    # "Dale Corcoran ... Corcoran said": the surname of a full name the text gives is the person,
    # unless the model itself tagged it a place
    mentions = [m for m in mentions if not (m.how in SURNAME_PATHS and (m.text.casefold() in surnames or (
        m.text.casefold() in any_surnames and _small_town(gazetteer, m.lookup))))]
    taken = [(m.start, m.end) for m in mentions]
    maybe = [m for m in maybe if not any(m.start < end and start < m.end for start, end in taken)
             and m.text.casefold() not in surnames]
    return Recognition(mentions, evidence, maybe)


def _legislature(text: str, mention: Mention) -> bool:
    """Whether a mention is a parliament named like a town: "the Duma", "State Duma", "Verkhovna Rada",
    "Duma deputies" (not "Rada (Al Bayda)" or "shelling in Duma").

    >>> text = "The State Duma met. Shells hit Duma."
    >>> [_legislature(text, Mention(s, s + 4, "Duma", "ner", "Duma")) for s in (10, 31)]
    [True, False]
    """
    if normalize(mention.text) not in LEGISLATURES:
        return False
    after = _WORD_AFTER.match(text, mention.end)
    return bool(_ARTICLE_OR_NAME_BEFORE.search(text, max(0, mention.start - 30), mention.start)) or bool(
        after and after[1].lower() in LEGISLATURE_AFTER)


def _party(text: str, mention: Mention, gazetteer: OfflineGazetteer) -> bool:
    """Whether a country's name is part of a party's ("United Russia", "Our Ukraine", "A Just Russia"),
    or a party's name is a town's ("the Liberal government": not Liberal, Kansas).

    >>> text = "the Liberal government and the Labour MP"
    >>> [_party(text, Mention(s, s + 7, "Liberal", "entity", "Liberal"), OfflineGazetteer.default()) for s in (4,)]
    [True]
    """
    if normalize(mention.text) in PARTY_WORDS:
        after = _WORD_AFTER.match(text, mention.end)
        return bool(after and after[1].lower() in PARTY_NOUNS)
    before = _NAME_BEFORE.search(text, max(0, mention.start - 20), mention.start)
    return bool(before and before[1].lower() in PARTY_BEFORE and gazetteer.country_code(mention.lookup))


def _defined_acronyms(text: str) -> set[str]:
    """Acronyms the text defines in brackets after the words that spell them: "the Hodan District
    Commissioner (DC)" (no Washington, D.C., there or in "the DC's family" later).

    >>> sorted(_defined_acronyms("the Hodan District Commissioner (DC) met the Mine Action Service (UNMAS)"))
    ['DC']
    """
    out = set()
    for match in _BRACKETED_ACRONYM.finditer(text):
        word = match[1]
        before = text[max(0, match.start() - 120):match.start()]
        initials = "".join(w[0] for w in re.findall(r"[A-Za-z][\w'-]*", before) if w[0].isupper())
        if initials.endswith(word):
            out.add(word)
    return out


_BRACKETED_ACRONYM = re.compile(r"\(([A-Z]{2,6})\)")


def _americas_organisation(text: str, mention: Mention) -> bool:
    """Whether "America" ends an organisation's name: "Bank of America", "Future Farmers of America",
    "Club America" (not "Latin America", "United States of America" or "moved to America").

    >>> text = "at the Bank of America branch, for Latin America"
    >>> [_americas_organisation(text, Mention(s, s + 7, "America", "inside", "America")) for s in (15, 42)]
    [True, False]
    """
    if mention.how != "inside" or normalize(mention.text) != "america":
        return False
    before = _NAME_BEFORE_AMERICA.search(text, max(0, mention.start - 25), mention.start)
    return bool(before and before[1] not in _AMERICAS)


_NAME_BEFORE_AMERICA = re.compile(r"\b([A-Z][a-z]+(?: of)?)\s$")
_AMERICAS = frozenset({"North", "South", "Central", "Latin", "Middle", "States of", "Mesoamerica"})


def _byline(text: str, mention: Mention) -> bool:
    """Whether a mention is in a byline: "BY CHAD MORROW Staff Writer" (not "attacked by Chad").

    >>> text = "Zoning allows it. BY CHAD MORROW Staff Writer"
    >>> _byline(text, Mention(21, 25, "CHAD", "gazetteer", "CHAD"))
    True
    """
    return bool(_BYLINE_BEFORE.search(text, max(0, mention.start - 4), mention.start))


_BYLINE_BEFORE = re.compile(r"\bBY\s+$")


def _vehicle(text: str, mention: Mention) -> bool:
    """Whether a mention is a vehicle's or a weapon's make or model: a maker after a model year or a
    colour, or before its model ("a 1992 Toyota Corolla", "the Toyota Camry"), a model after its maker
    ("a red Dodge Durango"), a weapon before its kind ("Grad missile systems"); not "Dodge City" or
    "Lincoln County".

    >>> text = "A 1992 Toyota hit a red Dodge Durango and the Toyota Camry in Dodge City."
    >>> [_vehicle(text, Mention(s, e, text[s:e], "ner", text[s:e])) for s, e in ((7, 13), (30, 37), (46, 52), (63, 73))]
    [True, True, True, False]
    """
    before = text[max(0, mention.start - 25):mention.start]
    if normalize(mention.text) in WEAPON_NAMES and _WEAPON_AFTER.match(text, mention.end):
        return True  # "Grad missile systems", "Tochka-U missiles"
    if _MAKE_BEFORE.search(before):
        return True  # the model
    if normalize(mention.text) not in VEHICLE_MAKES:
        return False
    if _YEAR_OR_COLOUR_BEFORE.search(before):
        return True
    model = _MODEL_AFTER.match(text, mention.end)
    return bool(model and normalize(model[1]) not in GEO_WORDS | STREET_WORDS | _NOT_MODELS
                and _VEHICLE_ARTICLE_BEFORE.search(before))


#: Makers read as such before a model: all but Lincoln, as often a town or a president ("in Lincoln Park").
_MAKES = "|".join(sorted((re.escape(w) for w in VEHICLE_MAKE_NAMES if w != "Lincoln"), key=len, reverse=True))
#: Before a mention: a car maker ("Dodge Durango", "Toyota Tacoma"), after a year, a colour or an article.
_MAKE_BEFORE = re.compile(r"(?:\b(?:19|20)\d\d|\b[a-z]+)\s+(?:" + _MAKES + r")\s+$")
_WEAPON_AFTER = re.compile(r"(?:-[A-Z0-9]+)?s?\s+(?:missiles?|rockets?|launchers?|systems?|MLRS|multiple|artillery|"
                           r"shells?|drones?|UAVs?|loitering|munitions?|anti-tank|air defen[cs]e|howitzers?)\b", re.I)
_YEAR_OR_COLOUR_BEFORE = re.compile(
    r"\b(?:(?:19|20)\d\d|red|white|black|blue|silver|gr[ae]y|green|gold|tan|maroon|brown|beige|burgundy|"
    r"dark|light)\s+$", re.I)
_VEHICLE_ARTICLE_BEFORE = re.compile(r"\b(?:a|an|the|his|her|their|its|stolen|missing)\s+$", re.I)
_MODEL_AFTER = re.compile(r"\s+([A-Z][\w-]*|[A-Z]?-?\d+\w*)")
_NOT_MODELS = frozenset(normalize(w) for w in (
    "City County Center Centre High School Memorial Hospital Tunnel Bridge Square Airport Station Museum "
    "University College Library Theatre Theater Building Township Town Village").split())


#: Before a mention: "the " or a capitalised word ("State Duma"), just before it.
_ARTICLE_OR_NAME_BEFORE = re.compile(r"(?:\b[Tt]he|\b[A-Z][a-z]+)\s$")
#: Before a mention: a capitalised word just before it.
_NAME_BEFORE = re.compile(r"\b([A-Z][a-z]+)\s$")
#: After a mention: the next word.
_WORD_AFTER = re.compile(r"[\s-]+([A-Za-z]+)")


#: After a mention: a war named by it ("a Gulf War veteran", "a Gulf-war vet"), an event, not a place.
_WAR_AFTER = re.compile(r"-[Ww]ar\b|\sWar\b")
#: After a mention: a currency it names ("US dollar", "Hong Kong dollars").
_CURRENCY_AFTER = re.compile(r"\s(?:dollars?|pounds?|euros?|liras?|rupees?|riyals?|rials?|dinars?|dirhams?|naira|yuan|"
                             r"yen|rubles?|roubles?|hryvnias?|shekels?|francs?|pesos?|currency|exchange rate)\b")
#: Before a mention: the start of a longer name it ends ("Rio do Ouro", "Tlacotepec de Benito Juarez").
_NAME_JOINED_BEFORE = re.compile(r"[A-Z][\w'’-]*\s(?:de|da|do|dos|das|del|di|du)\s$")
#: After a mention: the rest of a longer name it begins, which the gazetteer does not know ("Rio do Ouro").
_NAME_JOINED_AFTER = re.compile(r"\s(?:de|da|do|dos|das|del|di|du)\s[A-Z]")


def _document_repeats(text: str, mentions: list[Mention], names: list[tuple[int, int]], people: set[str],
                      gazetteer: OfflineGazetteer) -> list[Mention]:
    """Every other capitalised use of a name the text uses as a place, across the whole text: the
    model misses some ("Gainesville" tagged as a person in a headline), but a story that names a
    place once means it each time. Only names the model tagged as places (or patterns found) and the
    gazetteer knows by their main name repeat, never a surname of someone the text names, nor
    inside a longer name ("Lincoln Dinner").

    >>> text = "Kareli braces. Shelling near Kareli."
    >>> found = [Mention(29, 35, "Kareli", "ner", "Kareli")]
    >>> [m.start for m in _document_repeats(text, found, [], set(), OfflineGazetteer.default())]
    [0]
    """
    sources = {m.text.casefold(): m for m in mentions if not m.demonym and m.how in REPEATED
               and len(m.text) >= 3 and not _surname(people, m.text, gazetteer) and _main(gazetteer, m.lookup)}
    folded = text.casefold()
    if not sources or all(folded.count(name) <= 1 for name in sources):
        return []  # each name occurs once, as the mention itself: nothing repeats (and no pattern to build)
    taken = sorted([(m.start, m.end) for m in mentions] + names)
    starts = [start for start, _ in taken]
    out = []
    for start, end in _name_matches(text, sorted(sources, key=len, reverse=True)):
        word = text[start:end]
        if not word[0].isupper():
            continue
        i = bisect.bisect_right(starts, end) - 1
        # Overlaps any taken span that starts before the match ends? (spans are short: look back a few)
        if any(taken[j][0] < end and start < taken[j][1] for j in range(max(0, i - 8), i + 1)):
            continue
        source = sources[word.casefold()]
        out.append(Mention(start, end, word, "repeat", source.lookup, source.country, feature=source.feature))
    return out


def _name_matches(text: str, names: list[str]) -> list[tuple[int, int]]:
    """(start, end) of each whole-word use of ``names`` (case-folded), scanning as a regular expression
    of the names in this order would: leftmost first, the first name that fits there, no overlaps.

    Compiling that expression cost more than the rest of recognition for many texts (it differs with
    every text), so in texts of ASCII letters (:func:`_plain`), where case folding is lower-casing, the
    names are found with ``str.find`` and the same rules; other texts get the expression.

    >>> _name_matches("Gori. GORI-based, Gori's, Gori\u2019sx, \u201cGori\u2019s\u201d", ["gori"])
    [(0, 4), (18, 22), (36, 40)]
    """
    if not _plain(text):
        pattern = re.compile(r"(?<![\w.'’-])(" + "|".join(re.escape(n) for n in names) + r")(?![\w-]|['’]\w\w)",
                             re.IGNORECASE)
        return [match.span() for match in pattern.finditer(text)]
    lowered = text.lower()
    first: dict[int, int] = {}  # start -> end of the first name that fits there
    for name in names:
        start = lowered.find(name)
        while start != -1:
            if start not in first and _whole_word(text, start, start + len(name)):
                first[start] = start + len(name)
            start = lowered.find(name, start + 1)
    out = []
    after = 0
    for start in sorted(first):
        if start >= after:
            out.append((start, first[start]))
            after = first[start]
    return out


def _plain(text: str) -> bool:
    """Whether ``text`` is ASCII but for punctuation without case (curly quotes, dashes): there the
    expression's case-insensitive matching and its ``\\w`` mean ``str.lower`` and ``str.isalnum``,
    and lower-casing keeps every offset.

    >>> _plain("\u201cGori\u2019s\u201d \u2014 Tbilisi"), _plain("Tbilisi, Sant Julià"), _plain("KELVIN \u212a")
    (True, False, False)
    """
    return text.isascii() or all(
        not char.isalnum() and char.lower() == char == char.upper() == char.casefold()
        for char in set(text) if not char.isascii())


def _whole_word(text: str, start: int, end: int) -> bool:
    """In a :func:`_plain` text: ``(?<![\\w.'\u2019-])`` before ``start``, ``(?![\\w-]|['\u2019]\\w\\w)`` after
    ``end`` (not inside a word, an abbreviation or a hyphenated name; "Gori's" but not "Gori'sx")."""
    if start > 0 and ((before := text[start - 1]).isalnum() or before in "_.'’-"):
        return False
    if end < len(text):
        after = text[end]
        if after.isalnum() or after in "_-":
            return False
        if after in "'’" and end + 2 < len(text) and _word_char(text[end + 1]) and _word_char(text[end + 2]):
            return False
    return True


def _word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


_STREET_AFTER = re.compile(r"\s+(?:Street|St\.|Avenue|Ave\.|Road|Rd\.|Boulevard|Blvd\.|Drive|Lane|Parkway|"
                           r"Pike|Turnpike|Expressway|Freeway|Terrace|Trail)(?![\w-])")


def _as_street(text: str, mention: Mention, gazetteer: OfflineGazetteer) -> Mention:
    """ "Memphis Street" is a street, which the gazetteer cannot place, not Memphis; but a road
    named after a state or a county ("Ohio Turnpike", "Douglas County Road") lies in it.

    >>> _as_street("at 25 Memphis St. in", Mention(6, 13, "Memphis", "ner", "Memphis"), OfflineGazetteer.default()).text
    'Memphis St.'
    """
    match = _STREET_AFTER.match(text, mention.end)
    if mention.how == "pattern" or mention.demonym or not match or any(
            p.feature in ("country", "admin1", "admin2", "region") for p in _main(gazetteer, mention.lookup)):
        return mention
    name = text[mention.start:match.end()]
    return Mention(mention.start, match.end(), name, mention.how, name)


def _unsupported(doc: _Tokens, offset: int, gazetteer: OfflineGazetteer) -> list[Mention]:
    """Every known place name among the proper nouns, outside personal names."""
    people = {i for ent in doc.ents if ent.label_ in ("PERSON", "NORP") for i in range(ent.start, ent.end)}
    # and an "organisation" of one word named like people ("Lincoln", "Hughes"): the map alone cannot make it a place
    people |= {ent.start for ent in doc.ents if ent.label_ in CONTAINERS and ent.end - ent.start == 1
               and _personal(normalize(doc.text[ent.start]))}
    starts = [i for i in range(len(doc)) if i not in people]

    size, proper = len(doc), doc.proper

    def run_end(i: int) -> int:
        j = i
        while j < size and j - i < 3 and j not in people and proper[j]:
            j += 1
        return j

    def whole(i: int, end: int, name: str, known: Sequence[Any]) -> bool:
        # not the last word of a run of capitalised words ("Civic Center" is not Center, Texas), unless the
        # word before is capitalised only as a sentence's first ("Trailing Watertown's Taylor Neaton")
        return not (i > 0 and proper[i - 1] and not (i == 1 or doc.text[i - 2] in _SENTENCE_ENDS))

    return _longest_names(doc, starts, run_end, offset, gazetteer, "nearby", whole)


#: Small words that join the proper nouns of one name in a run ("Rio de Janeiro", "Ras al Khaimah").
JOINING = frozenset("de del da do dos das di du la le les el al von van der bin ibn".split())


def _joins(doc: _Tokens, start: int, j: int) -> bool:
    """Whether token ``j`` is a particle inside a name begun at ``start``: a proper noun follows it."""
    return j > start and doc.lower[j] in JOINING and j + 1 < len(doc) and doc.proper[j + 1]


def _blocked(name: str) -> bool:
    key = normalize(name)
    return key in NOT_PLACE_PHRASES or key in NOT_PLACES


def _known(gazetteer: OfflineGazetteer, name: str) -> Sequence[Any]:
    """Places called ``name``: by their main name, or else by an alternate one."""
    return _main(gazetteer, name) or ([] if _blocked(name) else gazetteer.candidates(name))


#: How many (gazetteer, name) answers _main remembers: recognition asks about the same spans
#: several times a text (entities, then every run of proper nouns twice), and texts repeat names.
MAIN_MEMO = 100_000


@functools.lru_cache(maxsize=MAIN_MEMO)
def _main(gazetteer: OfflineGazetteer, name: str) -> tuple[Any, ...]:
    """Places whose main name (not a historic or foreign one) is ``name`` (shared: do not change it)."""
    return () if _blocked(name) else tuple(gazetteer.main_candidates(name))


@functools.lru_cache(maxsize=MAIN_MEMO)
def _never_place(word: str) -> bool:
    """Whether a word alone is never a place name (NOT_PLACES: months, titles, "North"...)."""
    return normalize(word) in NOT_PLACES


#: How alike (rapidfuzz ratio) a name must be to a town's main name to be only another spelling of it.
SPELLING = 75


def _spelt_like(gazetteer: OfflineGazetteer, name: str) -> list[Any]:
    """Towns of some size (or none recorded: GeoNames gives Tall Abyad 0 people) whose alternate name
    ``name`` is, and is only another spelling of their main name ("al-Bukamal" for Albu Kamal,
    "Ar-Raqqa" for Ar Raqqah, "Tell Abiad" for Tall Abyad), not an unrelated one."""
    from rapidfuzz import fuzz

    key = normalize(name)
    return [p for p in _known(gazetteer, name) if (p.feature in STRONG_FEATURES or p.population >= 5_000
                                                   or p.population == 0)
            and fuzz.ratio(_CITY_AFTER.sub("", normalize(p.name)), key) >= SPELLING]


#: The kind word a town's main name may end with ("Marawi City" is Marawi).
_CITY_AFTER = re.compile(r" city$")


def _acronym(name: str) -> bool:
    letters = name.replace(".", "").replace(" ", "")
    return len(letters) <= 4 and letters.isupper()


def _trim(doc: _Tokens, start: int, end: int) -> tuple[int, int]:
    """Token range without a leading "the", trailing punctuation, or trailing lower-case words the
    model let in ("Worthington immigration" raid: Worthington).

    >>> doc = _Tokens(pipeline()("Judge hears Worthington immigration case."))
    >>> doc.span(*_trim(doc, 2, 4))
    'Worthington'
    """
    while start < end and (doc.text[start] in TRIM_START or doc.punct[start]):
        start += 1
    while end > start and (doc.punct[end - 1] or doc.text[end - 1] in ("'s", "’s")):
        end -= 1
    cut = end
    while cut > start + 1 and doc.text[cut - 1].isalpha() and doc.text[cut - 1].islower():
        cut -= 1
    last = doc.text[cut - 1]
    if cut < end and last.isascii() and last.isalpha() and last.istitle() and len(last) > 3:
        end = cut  # not "Al" of "Al shabaab", nor a mangled "Minnesotaâ"
    return start, end


def _mention(doc: _Tokens, start: int, end: int, offset: int, how: str, lookup: str | None = None) -> Mention:
    text = POSSESSIVE.sub("", doc.span(start, end)).rstrip("-–—/ ")
    begin = offset + doc.idx[start]
    return Mention(begin, begin + len(text), text, how, lookup or text)


def _locative_before(doc: _Tokens, start: int, weak: bool = True) -> bool:
    """ "near Gori", "in the Tskhinvali", "in central Van"; with ``weak`` false, not "of" or "and"
    ("of the Lincoln book" is no cue)."""
    index = start - 1
    while index >= 0 and index >= start - 3 and (doc.text[index] in TRIM_START or doc.lower[index] in AREA_WORDS):
        index -= 1
    return index >= 0 and doc.lower[index] in LOCATIVES and (weak or doc.lower[index] not in WEAK_LOCATIVES)


#: Locative words that as often join a name to a thing as to a place ("of the Lincoln book").
WEAK_LOCATIVES = frozenset({"of", "and"})


def _comma_place_after(doc: _Tokens, end: int, gazetteer: OfflineGazetteer) -> bool:
    """ "Gainesville, Ga.", "Paris, Texas" or "Faridkot (Punjab)": a comma or bracket, then a state or country."""
    if end + 1 >= len(doc) or doc.text[end] not in (",", "("):
        return False
    nxt = doc.text[end + 1]
    if nxt[:1].isupper() and nxt in (region_abbreviation(gazetteer, nxt) or [])[2:]:
        return True
    # "Marawi, Lanao del Sur": a region of several words, and a province GeoNames files as admin2
    for last in range(min(len(doc), end + 5), end + 1, -1):
        if not any(doc.punct[k] for k in range(end + 1, last)) and doc.proper[last - 1] and any(
                p.feature in ("country", "admin1", "admin2") for p in _main(gazetteer, doc.span(end + 1, last))):
            return True
    return False


def _state_after_comma(doc: _Tokens, start: int, known: Sequence[Place]) -> bool:
    """ "Lazaro Cardenas, Michoacan": a state or country after a name and a comma (its town's container)."""
    return start >= 2 and doc.text[start - 1] == "," and doc.proper[start - 2] and any(
        p.feature in ("country", "admin1") for p in known)


def _listed_with_place(doc: _Tokens, start: int, end: int) -> bool:
    """ "Kareli and Gori": listed next to a place entity."""
    joins = {"and", "or", ","}
    after = end + 1 < len(doc) and doc.lower[end] in joins and doc.ent_type[end + 1] in PLACE_LABELS
    before = start >= 2 and doc.lower[start - 1] in joins and doc.ent_type[start - 2] in PLACE_LABELS
    return after or before


#: Institutions of a town, not named after a person as schools and libraries often are.
CIVIC_INSTITUTIONS = INSTITUTIONS - {"school", "schools", "high", "elementary", "library", "hospital", "memorial",
                                     "community"}
#: A town this large is the place an "organisation" after a locative word is named as, by another of its names.
OTHER_NAME_TOWN = 10_000
#: ... and a word no entity covers, after a locative word, by another of its names (not the codes and words that
#: GeoNames files as other names of smaller towns: "Market" for Marquette).
OTHER_NAME_CITY = 50_000
#: Nouns that end the names of organisations, and name towns too: after another capitalised word at the end of
#: an organisation's name, the noun ("the Verification Mission": not Mission, Texas).
ORGANISATION_HEADS = frozenset("mission enterprise alliance union commerce independence liberty unity progress "
                               "freedom justice harmony concord providence security solidarity victory".split())
#: A town this large, tagged as a person but not named like one, is the town.
BIG_TOWN = 100_000


def _personal(key: str) -> bool:
    """Whether a normalised name is a common given name or surname ("lincoln", "scott")."""
    return key in person_names()


def _given(doc: _Tokens, i: int) -> bool:
    """Whether token ``i`` is a capitalised common given name ("Cora" of "Cora Kelly")."""
    return doc.proper[i] and person_names().get(normalize(doc.text[i])) in ("given", "both")


#: Lower-case words the model takes into a place's name: "Maidan Shar city", "Ghoryan district".
TRAILING_KINDS = frozenset({"city", "town", "village", "district", "province", "governorate", "municipality",
                            "subdistrict", "area", "region", "county", "state"})
#: Lower-case particles after which a "surname" is a place: "Sector Autonomo de Bissau".
_SURNAME_PARTICLES = frozenset({"de", "del", "da", "do", "dos", "das", "di", "du"})


#: How near two places joined by a hyphen must lie to be a pair ("Fargo-Moorhead"), not one name (km).
PAIR_KM = 300.0


def _pair(gazetteer: OfflineGazetteer, known: Sequence[Any], other: str) -> bool:
    """Whether a place and the word hyphenated to it name two places: "Egypt-US" (two countries),
    "Fargo-Moorhead" (neighbours), not "Mayo-Sava" (an Irish county and a Malagasy region: one
    Cameroonian name) nor "Agence France-Presse"."""
    others = _main(gazetteer, other)
    if not others:
        return False
    big = ("country", "admin1", "region", "continent")
    if any(p.feature in big for p in known) and any(q.feature in big for q in others):
        return True
    return any(distance_km(p, q) <= PAIR_KM for p in known[:10] for q in others[:10])


def _tight_hyphen(doc: _Tokens, k: int) -> bool:
    """Whether token ``k`` is a hyphen joining two words without spaces ("Ivano-Frankivsk")."""
    return doc.text[k] in ("-", "‐", "‑") and k > 0 and not doc.space[k - 1] and not doc.space[k]


def _tight_slash(doc: _Tokens, k: int) -> bool:
    """Whether token ``k`` is a slash joining two names without spaces, as in the names of some regions
    ("Tunapuna/Piarco", a region of Trinidad)."""
    return doc.text[k] == "/" and k > 0 and not doc.space[k - 1] and not doc.space[k]


def _person_tokens(doc: _Tokens) -> set[str]:
    """Surnames of full personal names in the document ("Ripley" of "John Ripley").

    Not after a particle ("Sector Autonomo de Bissau", taken for a person, is Bissau's sector); nor,
    as :func:`_surname` reads them, a country or state no one is called ("Rethinking Egypt": the
    model's person in a headline).
    """
    return {doc.text[ent.end - 1] for ent in doc.ents if ent.label_ == "PERSON" and ent.end - ent.start > 1
            and doc.text[ent.end - 2] not in _SURNAME_PARTICLES and not _where_in_brackets(doc, ent)}


def _where_in_brackets(doc: _Tokens, ent: _Entity) -> bool:
    """Whether an entity opens a bracket of where the name before it lies, "(district, province)":
    "in Shahdadkot town (Qambar Shahdadkot, Sindh)" names a district, not a person called Shahdadkot.

    >>> doc = _Tokens(pipeline()("Locals protested in Shahdadkot town (Qambar Shahdadkot, Sindh) on Monday."))
    >>> [_where_in_brackets(doc, e) for e in doc.ents if e.label_ == "PERSON" and " " in doc.span(e.start, e.end)]
    [True]
    """
    return (ent.start > 0 and doc.text[ent.start - 1] in ("(", "[") and ent.end + 1 < len(doc)
            and doc.text[ent.end] == "," and doc.proper[ent.end + 1])


#: Ways of finding a mention that the surname of a full name in the text overrules (not "ner",
#: the model's own place, nor "pattern": "Jackson, Miss.").
SURNAME_PATHS = frozenset({"person", "entity", "gazetteer", "inside"})


def _full_name_surnames(doc: _Tokens, known_given: bool = True) -> set[str]:
    """Surnames (case-folded) of the full names in a doc. With ``known_given``, only of names that start
    with a known given name: "Dale Corcoran", "Mary Lewis Paris"; not the model's "Freemason Bogdanov
    Joins Sochi" or "Historic Dublin". Without, of every one ("Raynola St. Clair"): those overrule only
    villages and small towns (see recognize).

    >>> doc = _Tokens(pipeline()("Mary Flores grew up in Providence. Flores left in 1990. Historic Dublin is old."))
    >>> sorted(_full_name_surnames(doc)), sorted(_full_name_surnames(doc, known_given=False))
    (['flores'], ['dublin', 'flores'])
    """
    names = person_names()
    return {_last_name(doc, ent).casefold() for ent in doc.ents if ent.label_ == "PERSON" and ent.end - ent.start > 1
            and (not known_given or names.get(normalize(doc.text[ent.start])) in ("given", "both"))
            and doc.text[ent.end - 2] not in _SURNAME_PARTICLES and " " not in doc.text[ent.end - 1]
            and not _where_in_brackets(doc, ent)}


def _last_name(doc: _Tokens, ent: _Entity) -> str:
    """The surname of a full name: its last word, with a "St." before it ("Raynola St. Clair": St. Clair)."""
    if ent.end - ent.start > 2 and doc.text[ent.end - 2] in ("St.", "St", "Saint"):
        return doc.span(ent.end - 2, ent.end)
    return doc.text[ent.end - 1]


def _small_town(gazetteer: OfflineGazetteer, name: str) -> bool:
    """Whether every place of that name is a village or a small town (no country, state or big town)."""
    known = _main(gazetteer, name)
    return all(p.feature in TOWN_FEATURES and p.population < BIG_TOWN for p in known)


def _surname(people: set[str], word: str, gazetteer: OfflineGazetteer) -> bool:
    """Whether ``word`` is the surname of someone the text names: in ``people`` (as written, or
    case-folded for a text's folded set), and no country or state no one is called (the gazetteer
    is asked only of the few words that are both)."""
    return (word in people or word.casefold() in people) and not _not_a_surname(gazetteer, word)


def _not_a_surname(gazetteer: OfflineGazetteer, word: str) -> bool:
    """Whether a word is a country or a state, and neither a common personal name nor a big town's
    name (big towns give surnames: "Mayor John Manchester")."""
    known = _main(gazetteer, word)
    return not _personal(normalize(word)) and any(p.feature in ("country", "admin1") for p in known) and not any(
        p.feature == "city" and p.population >= BIG_TOWN for p in known)


def _modifies_local_noun(doc: _Tokens, end: int) -> bool:
    """ "Alexandria woman", "Gainesville sewer", "Joliet's building inspector": a place name as modifier."""
    index = end + 1 if end < len(doc) and doc.text[end] in ("'s", "’s") else end
    if index + 1 < len(doc) and doc.text[index] == "-" and doc.lower[index + 1] == "based":  # Northbrook-based
        return True
    return index < len(doc) and (doc.lower[index] in LOCAL_NOUNS or doc.text[index] in _PLACE_PARTS)


#: Parts and edges of a place that follow its name, written in lower case ("the Zahle roundabout", "the Rafah
#: crossing", "the Idlib front"); capitalised they end names of their own ("Kings Crossing").
_PLACE_PARTS = frozenset({"roundabout", "checkpoint", "crossing", "junction", "outskirts", "suburbs", "countryside",
                          "frontline", "front", "border"})


def _split_at_commas(doc: _Tokens) -> list[_Entity]:
    """The doc's entities, an organisation's or a person's cut at its commas into one entity each ("in
    Baalbek, Military forces stopped ...", "(Shahjadpur, Sirajganj)": spaCy made one ORG of each pair); places'
    and dates' stay whole ("Washington, D.C.", "January, South Carolina": read on their own terms)."""
    out: list[_Entity] = []
    for ent in doc.ents:
        if ent.label_ in PLACE_LABELS or ent.label_ in NUMERIC_LABELS or ent.label_ == "NORP" or not any(
                doc.text[k] == "," for k in range(ent.start + 1, ent.end - 1)):
            out.append(ent)
            continue
        first = ent.start
        for k in range(ent.start + 1, ent.end):
            if doc.text[k] == ",":
                if k > first:
                    out.append(_Entity(first, k, ent.label_))
                first = k + 1
        if first < ent.end:
            out.append(_Entity(first, ent.end, ent.label_))
    return out


def _in_doc(doc: _Tokens, offset: int, gazetteer: OfflineGazetteer, evidence: Counter[str],
            with_demonyms: bool, maybe: list[Mention]) -> list[Mention]:
    """The place mentions of one spaCy doc; demonyms add to ``evidence``, names that are places only if the
    map supports them go to ``maybe``."""
    found: list[Mention] = []
    covered = [False] * len(doc)
    people = _person_tokens(doc)
    place_names = frozenset(normalize(doc.span(e.start, e.end)) for e in doc.ents if e.label_ in PLACE_LABELS)
    for ent in _split_at_commas(doc):
        end = ent.end
        if ent.label_ in NUMERIC_LABELS and all(
                doc.proper[k] and not any(c.isdigit() for c in doc.text[k]) and normalize(doc.text[k]) not in NOT_PLACES
                and doc.lower[k] not in HOLIDAYS for k in range(ent.start, ent.end)):
            continue  # "region of Dahuk": a name the model took for a date, no month or number in it, is scanned
        if ent.label_ in NUMERIC_LABELS and "," in doc.text[ent.start:ent.end]:
            end = doc.text.index(",", ent.start) + 1  # after its comma, scanned as outside: "January, South Carolina"
        # "Sea Point (City of Cape Town": a name ends at a bracket, and what follows is scanned
        last = next((k for k in range(ent.start + 1, ent.end) if doc.text[k] in ("(", "[")), ent.end)
        for i in range(ent.start, min(end, last)):
            covered[i] = True
        start, end = _trim(doc, ent.start, last)
        if ent.label_ in PLACE_LABELS and end - start > 1 and doc.text[end - 1] in TRAILING_KINDS and not _main(
                gazetteer, doc.span(start, end)):
            end -= 1  # "Maidan Shar city", "Hays city": the town (but "Guatemala city" is Guatemala City)
        if start >= end:
            continue
        name = POSSESSIVE.sub("", doc.span(start, end))
        label = ent.label_
        if label == "NORP":
            codes = gazetteer.demonyms.get(normalize(name)) or gazetteer.demonyms.get(normalize(name[:-1]))
            # "Ghoryan district", "Radhan town", "Tal Tamer city": a kind of place after it, another spelling
            settled = end < len(doc) and doc.lower[end] in _SETTLEMENTS
            division = (end < len(doc) and doc.lower[end] in ADMIN_DIVISIONS) or settled
            known = _main(gazetteer, name) or (division and _known(gazetteer, name))
            single = end - start == 1 or settled or _locative_before(doc, start, weak=False)
            if not codes and known and single and (  # division: "Belgorod region"
                    _locative_before(doc, start) or _comma_place_after(doc, end, gazetteer) or division
                    or _modifies_local_noun(doc, end) or normalize(name) in place_names  # "the Sochi election"
                    or _state_after_comma(doc, start, known)  # "in Lazaro Cardenas, Michoacan"
                    or (_bracketed_after_name(doc, start, end) and any(
                        p.feature in ("country", "admin1") for p in known))):  # "Dahod district (Gujarat)"
                found.append(_mention(doc, start, end, offset, "entity"))  # "Greer, South Carolina"
            elif not codes and (longer := _longer_name(doc, start, end, gazetteer)) and _locative_before(doc, start):
                found.append(_mention(doc, start, longer, offset, "entity"))  # "the town of [Kafr] Qaddum"
            for code in codes or ():
                evidence[code] += 1 / len(codes)
            if codes and len(codes) == 1 and end < len(doc) and doc.lower[end] in _TERRITORY_WORDS \
                    and codes[0] in gazetteer.countries:  # "on Georgian territory", "in Syrian airspace": the country
                found.append(Mention(offset + doc.idx[start], offset + doc.idx[start] + len(name), name,
                                     "territory", gazetteer.countries[codes[0]], codes[0]))
            elif codes and with_demonyms:
                found.append(Mention(offset + doc.idx[start], offset + doc.idx[start] + len(name), name,
                                     "ner", gazetteer.countries.get(codes[0], name), codes[0], demonym=True))
            continue
        if label in PLACE_LABELS and start >= 2 and doc.lower[start - 1] in NAME_PARTICLES and (
                earlier := _earlier_start(doc, start, end, gazetteer)) is not None:
            start, name = earlier, POSSESSIVE.sub("", doc.span(earlier, end))  # "[Catole do] Rocha"
        if label in PLACE_LABELS:
            if end - start == 1 and _surname(people, doc.text[start], gazetteer):
                continue  # "Ripley" after "John Ripley": a person
            if _after_ezafe(doc, start):
                continue  # "Bala" of "Rish Khor-e Bala": the end of a longer name, no place of its own
            found.extend(_place_entity(doc, start, end, offset, name, label, gazetteer))
        elif label in CONTAINERS:
            known = _main(gazetteer, name)
            if not known and _locative_before(doc, start):
                # "near al-Bukamal", "in eastern Ar-Raqqa": a place the model took for a group, spelt another
                # way; a looser likeness ("in Hamas", Hamm) makes it a place only if the map supports it
                spelt = _spelt_like(gazetteer, name)
                other = [p for p in _known(gazetteer, name) if p.feature in TOWN_FEATURES
                         and p.population >= OTHER_NAME_TOWN and " " in name]
                if spelt:
                    known = spelt
                elif other:
                    known = other  # "in Zumpango de Ocampo": a town's official name, the model's "organisation"
                elif _known(gazetteer, name):
                    inner = _inside(doc, start, end, offset, gazetteer, place_names)
                    if inner:  # "in Bamako (Bamako)", one entity: the capital inside it
                        found.extend(inner)
                    else:
                        maybe.append(_mention(doc, start, end, offset, "nearby"))
                    continue
            # An organisation named like a village ("Red Cross", North Carolina) is the organisation.
            personal = _personal(normalize(name))  # "Lincoln impersonator": the president, not Nebraska
            if known and not _acronym(name) and normalize(name) not in NOT_PLACES and (
                    any(p.feature in STRONG_FEATURES - {"admin2"} or (p.population >= 50_000 and not personal)
                        for p in known)
                    or _modifies_local_noun(doc, end) or _locative_before(doc, start, weak=not personal)):
                found.append(_mention(doc, start, end, offset, "entity"))  # "Oakland officer shot"
            else:
                found.extend(_inside(doc, start, end, offset, gazetteer, place_names))  # "The Moscow Times"
        elif label == "PERSON" and (earlier := _earlier_start(doc, start, end, gazetteer)) is not None and (
                _locative_before(doc, earlier) or _comma_place_after(doc, end, gazetteer)
                or any(p.population >= 5_000 for p in _main(gazetteer, doc.span(earlier, end)))):
            found.append(_mention(doc, earlier, end, offset, "person"))  # "in [Buni] Yadi", "[Santo] Antonio de Jesus"
        elif label == "PERSON" and end - start > 1:
            known = _main(gazetteer, name)
            cue = _locative_before(doc, start) or _comma_place_after(doc, end, gazetteer) or (
                end < len(doc) and doc.lower[end] in ADMIN_DIVISIONS and _comma_place_after(doc, end + 1, gazetteer))
            if (known and any(p.feature in STRONG_FEATURES or p.population >= 5_000 for p in known)) or (
                    cue and _known(gazetteer, name)):
                found.append(_mention(doc, start, end, offset, "person"))  # "Sioux Falls", "hit Khan Younis"
            elif (town := _town_before_office(doc, start, end, gazetteer)) is not None:
                found.append(_mention(doc, start, town, offset, "inside"))  # "Litchfield Fire Chief Tom Baker"
            else:
                found.extend(m for m in _inside(doc, start, end, offset, gazetteer)
                             if " " in m.text and normalize(m.text.split()[-1]) in GEO_WORDS)  # "Alachua County"
        elif label == "PERSON" and end - start == 1 and not _surname(people, doc.text[start], gazetteer):
            known = _main(gazetteer, name)
            if known and (_locative_before(doc, start) or normalize(name) in place_names
                          or _modifies_local_noun(doc, end) or _comma_place_after(doc, end, gazetteer)
                          # "Tbilisi denied the report": a capital speaking for its government
                          or normalize(name) in gazetteer.capitals
                          # "the sky over Gainesville": a big town the model took for a person no one is called
                          or (not _personal(normalize(name)) and any(p.population >= BIG_TOWN for p in known))
                          or any(p.feature in ("country", "region", "admin1") for p in known)):
                found.append(_mention(doc, start, end, offset, "person"))
            elif not known and (_locative_before(doc, start) or _comma_place_after(doc, end, gazetteer)) and (
                    _spelt_like(gazetteer, name)):
                found.append(_mention(doc, start, end, offset, "person"))  # "in Umerkot city (Umerkot, Sindh)"
            elif not known and _province_after(doc, end, gazetteer, name):
                found.append(_mention(doc, start, end, offset, "person"))  # "Chaghcharan (Ferozkoh), Ghor"
    found = [_landmark_after(doc, m, offset, gazetteer) for m in found]
    found.extend(_scan(doc, offset, covered, gazetteer))
    return found


def _province_after(doc: _Tokens, end: int, gazetteer: OfflineGazetteer, name: str) -> bool:
    """Whether the province written right after a name (after a bracket or a comma, within six tokens) holds a
    town of that name, main or other: "Chaghcharan (Ferozkoh), Ghor" (GeoNames: Fayrōz Kōh, also Chaghcharan).

    >>> doc = _Tokens(pipeline()("A bomb went off in the Maidanak area, Chaghcharan (Ferozkoh), Ghor."))
    >>> _province_after(doc, doc.text.index("Chaghcharan") + 1, OfflineGazetteer.default(), "Chaghcharan")
    True
    """
    if end >= len(doc) or doc.text[end] not in (",", "("):
        return False
    towns = [p for p in gazetteer.candidates(name)[:20] if p.feature == "city" and p.admin1]
    if not towns:
        return False
    provinces = {normalize(p.admin1) for p in towns}
    for first in range(end + 1, min(len(doc), end + 7)):
        if doc.text[first - 1] == "," and doc.proper[first]:
            for last in range(first + 1, min(len(doc), first + 4) + 1):
                if any(p.feature == "admin1" and normalize(p.admin1 or p.name) in provinces
                       for p in _known(gazetteer, doc.span(first, last))):
                    return True
    return False


#: Lower-case words a landmark's name may go on with after a town's ("the Zaporizhzhia nuclear power plant").
_LANDMARK_FEATURES = frozenset({"landmark", "tunnel", "region"})


def _landmark_after(doc: _Tokens, mention: Mention, offset: int, gazetteer: OfflineGazetteer) -> Mention:
    """The mention, or the landmark whose name it begins when the words after it complete one the
    gazetteer knows ("the Zaporizhzhia nuclear power plant", "the Rafah crossing": the model took the
    town's name alone).

    >>> doc = _Tokens(pipeline()("Trucks waited at the Rafah crossing."))
    >>> _landmark_after(doc, Mention(21, 26, "Rafah", "person", "Rafah"), 0, OfflineGazetteer.default()).text
    'Rafah crossing'
    """
    if mention.demonym or mention.feature:
        return mention
    first = bisect.bisect_left(doc.idx, mention.start - offset)
    last = bisect.bisect_left(doc.idx, mention.end - offset)  # the token after the mention
    if first >= len(doc) or doc.idx[first] != mention.start - offset or last >= len(doc) or doc.proper[last]:
        return mention  # (a capitalised word after it would have been in the model's entity)
    for longer in range(min(len(doc), last + 4), last, -1):
        if any(doc.punct[k] for k in range(last, longer)):
            continue
        if any(p.feature in _LANDMARK_FEATURES for p in _main(gazetteer, doc.span(first, longer))):
            return _mention(doc, first, longer, offset, mention.how)
    return mention


#: Words after a people's name that make it the name of their country's land ("Georgian territory", "the
#: Chadian border").
_TERRITORY_WORDS = frozenset({"territory", "soil", "airspace", "waters", "territorial", "border"})
#: Words for a settlement after its name ("Radhan town"): the name is a place's.
_SETTLEMENTS = frozenset({"city", "town", "village"})


def _earlier_start(doc: _Tokens, start: int, end: int, gazetteer: OfflineGazetteer) -> int | None:
    """Where a town's name begins whose last words the model took for the whole entity ("[Tarn] Taran
    city", "[Santo] Antonio de Jesus", "[Catole do] Rocha"): one or two capitalised words before it (a
    particle of names between them), outside any entity, that make with it a town the gazetteer knows; or None.

    >>> doc = _Tokens(pipeline()("Teachers went on strike in Tarn Taran city (Punjab) on Friday."))
    >>> _earlier_start(doc, doc.text.index("Taran"), doc.text.index("Taran") + 1, OfflineGazetteer.default())
    5
    """
    for earlier in range(max(0, start - 3), start):
        if doc.proper[earlier] and all(
                (doc.proper[k] or (k > earlier and doc.lower[k] in NAME_PARTICLES)) and not doc.ent_type[k]
                and doc.space[k] and doc.lower[k] not in ("the", "a", "an") for k in range(earlier, start)) and (any(
                p.feature in TOWN_FEATURES for p in _main(gazetteer, doc.span(earlier, end))) or any(
                p.feature in TOWN_FEATURES and p.population >= OTHER_NAME_TOWN  # "[Tooz] Khurmato": Ţūz Khūrmātū
                for p in gazetteer.named(doc.span(earlier, end)) + gazetteer.spelt_like(doc.span(earlier, end)))):
            return earlier
    return None


def _longer_name(doc: _Tokens, start: int, end: int, gazetteer: OfflineGazetteer) -> int | None:
    """Where a place name ends that begins with the entity and goes on with the proper nouns after it
    (the model's "Kafr" of "Kafr Qaddum"): the longest the gazetteer knows, up to three words more."""
    for longer in range(min(len(doc), end + 3), end, -1):
        if all(doc.proper[k] or normalize(doc.text[k]) in NAME_PARTICLES for k in range(end, longer)) and (
                doc.proper[longer - 1]) and _main(gazetteer, doc.span(start, longer)):
            return longer
    return None


#: The Persian and Pashto ezafe that joins the words of a name ("Khor-e Bala", "Pul-i Khumri").
_EZAFE = frozenset({"e", "i", "ye", "yi"})


def _after_ezafe(doc: _Tokens, start: int) -> bool:
    """Whether token ``start`` follows a capitalised word's ezafe ("Khor-e" of "Rish Khor-e Bala").

    >>> doc = _Tokens(pipeline()("A bomb went off in Rish Khor-e Bala area."))
    >>> _after_ezafe(doc, doc.text.index("Bala")), _after_ezafe(doc, doc.text.index("Rish"))
    (True, False)
    """
    return start >= 3 and doc.lower[start - 1] in _EZAFE and doc.text[start - 2] == "-" and (
        not doc.space[start - 3] and not doc.space[start - 2] and doc.proper[start - 3])


#: How far from its city a district named "City-District" may lie (km): farther, the pair is two towns.
DISTRICT_KM = 25.0


def _city_of_district(doc: _Tokens, start: int, end: int, gazetteer: OfflineGazetteer) -> str | None:
    """The big city an unknown "City-District" name begins with ("Mogadishu-Hodan", "Lima-La Victoria":
    how ACLED and local reports name a city's districts), or None.

    >>> doc = _Tokens(pipeline()("A grenade hit soldiers in Mogadishu-Hodan district."))
    >>> _city_of_district(doc, 5, 8, OfflineGazetteer.default())
    'Mogadishu'
    """
    for k in range(start + 1, end - 1):
        if _tight_hyphen(doc, k):
            head = doc.span(start, k)
            cities = [p for p in _main(gazetteer, head) if p.feature == "city" and p.population >= BIG_TOWN]
            # not "the Khulna-Jessore highway": a road between two towns of the country
            tail = [p for p in _main(gazetteer, doc.span(k + 1, end)) if p.feature == "city"]
            if cities and not any(p.country_code == c.country_code and distance_km(p, c) > DISTRICT_KM
                                  for p in tail for c in cities):
                return head
            return None
    return None


#: Words after a town's name that make it a town's, as its people or bodies ("a Tennessee Colony man").
_TOWN_PEOPLE = frozenset("man woman men women resident residents native teen girl boy couple family mayor".split())


def _wholes_again(text: str, mentions: list[Mention], gazetteer: OfflineGazetteer) -> list[Mention]:
    """Once "a Tennessee Colony man" names a town the gazetteer lacks (see _named_after_region), the
    name is that town wherever the text writes it again ("between Tennessee Colony and Yard")."""
    wholes = {m.text for m in mentions if m.how == "ner" and " " in m.text and not _known(gazetteer, m.text)
              and any(p.feature in ("admin1", "country") for p in _main(gazetteer, m.text.rsplit(" ", 1)[0]))}
    if not wholes:
        return mentions
    out = list(mentions)
    for whole in wholes:
        for match in re.finditer(rf"\b{re.escape(whole)}\b", text):
            if any(m.start == match.start() and m.end == match.end() for m in out):
                continue
            out = [m for m in out if m.end <= match.start() or m.start >= match.end()]
            out.append(Mention(match.start(), match.end(), whole, "ner", whole))
    return out


def _named_after_region(doc: _Tokens, start: int, end: int, gazetteer: OfflineGazetteer) -> bool:
    """Whether a state or country's name and the proper noun after it make a town's name the gazetteer
    lacks, said of the town's people ("a Tennessee Colony man": not Tennessee, nor The Colony).

    >>> doc = _Tokens(pipeline()("The murder of a Tennessee Colony man is unsolved."))
    >>> _named_after_region(doc, 4, 5, OfflineGazetteer.default())
    True
    """
    if end + 1 >= len(doc) or not doc.proper[end] or doc.lower[end + 1] not in _TOWN_PEOPLE or not doc.space[end - 1]:
        return False
    word = normalize(doc.text[end])
    if word in GEO_WORDS or doc.lower[end] in _KIND_WORDS or word in STREET_WORDS:
        return False  # "Georgia State", "Texas County"
    whole = doc.span(start, end + 1)
    return not _known(gazetteer, whole) and any(
        p.feature in ("admin1", "country") for p in _main(gazetteer, doc.span(start, end)))


#: Kinds of division written before a place's name with "of" ("the Municipality of Allende").
_DIVISION_OF = frozenset("municipality district province city town village county commune department governorate "
                         "state region parish borough township".split())


def _place_entity(doc: _Tokens, start: int, end: int, offset: int, name: str, label: str,
                  gazetteer: OfflineGazetteer) -> list[Mention]:
    if region := _abbreviated_region(gazetteer, name, offset + doc.idx[start]):  # "S.D.", "B.C."
        return [region]
    if end - start > 2 and doc.lower[start] in _DIVISION_OF and doc.lower[start + 1] == "of" and doc.proper[start + 2] \
            and not _known(gazetteer, name):
        # "the Municipality of Allende": the place is Allende (but "City of Richmond" is a name GeoNames has)
        return _place_entity(doc, start + 2, end, offset, doc.span(start + 2, end), label, gazetteer)
    if _named_after_region(doc, start, end, gazetteer):
        return [_mention(doc, start, end + 1, offset, "ner")]  # "a Tennessee Colony man": a town we lack
    if _town_office(doc, start, end, gazetteer):  # "Dublin City Manager": Dublin's, not the Irish county's
        return [_mention(doc, start, end - 1, offset, "ner")]
    if (earlier := _earlier_start(doc, start, end, gazetteer)) is not None:
        return [_mention(doc, earlier, end, offset, "ner")]  # "[Tarn] Taran": the model took the last word only
    for longer in range(min(len(doc), end + 3), end, -1):  # "Kvaisi checkpoint", "Sao Sebastiao [da Boa Vista]"
        if not any(doc.punct[k] and not _tight_hyphen(doc, k) and not _tight_slash(doc, k)
                   for k in range(end, longer)) and not (
                _tight_hyphen(doc, longer - 1)) and _main(gazetteer, doc.span(start, longer)) and not (
                _town_office(doc, start, longer, gazetteer)):
            return [_mention(doc, start, longer, offset, "ner")]  # also "Ivano[-Frankivsk]", "Guinea[-Bissau]"
    if _known(gazetteer, name):
        return [_mention(doc, start, end, offset, "ner")]
    if label == "GPE" and (fixed := _fuzzy.correct(name, gazetteer)):
        return [_mention(doc, start, end, offset, "fuzzy", fixed)]
    if (city := _city_of_district(doc, start, end, gazetteer)) is not None:
        return [_mention(doc, start, end, offset, "ner", city)]  # "Mogadishu-Karan": a district of Mogadishu
    inner = _inside(doc, start, end, offset, gazetteer)
    if inner and end - start > 1 and normalize(doc.text[end - 1]) in STREET_WORDS and (
            doc.lower[end - 2] not in ("county", "state")):  # but "Douglas County Road": the county's road
        return [_mention(doc, start, end, offset, "ner")]  # "Washington Drive": a street, which we cannot place
    if inner and end - start > 1 and doc.lower[start] in WATER_BEFORE:
        return [_mention(doc, start, end, offset, "ner")]  # "Lake Ontario" is not in Ontario's middle
    if inner and label in ("GPE", "LOC") and _unknown_whole(doc, start, end, offset, inner):
        return [_mention(doc, start, end, offset, "ner")]  # "Santa Cruz de Asia" is not Santa Cruz: a place we lack
    if inner:
        return inner
    words = {normalize(word) for word in doc.text[start:end]}
    if label != "FAC" and name[:1].isupper() and (words & GEO_WORDS or _locative_before(doc, start)):
        return [_mention(doc, start, end, offset, "ner")]  # a place the gazetteer does not know
    return []


#: Words after "X City" that make it the town's office or body ("Dublin City Manager", "Dublin City Council").
CITY_OFFICES = INSTITUTIONS | frozenset("manager hall commission commissioner attorney clerk administrator engineer "
                                        "planner limits officials schools government".split())


#: Titles and services after a town's name that the model reads as a person's first names
#: ("Avondale Mayor", "Litchfield Fire Chief", "Athens Parks and Recreation Director");
#: not the words of an area ("Sittwe District" is the district, not the town's).
_AREA_INSTITUTIONS = frozenset("county district township borough area regional community village town".split())
OFFICE_TITLES = (INSTITUTIONS - _AREA_INSTITUTIONS) | frozenset(
    "mayor parks chief manager superintendent commissioner commissioners councilman councilwoman alderman "
    "selectman selectmen".split())


def _town_before_office(doc: _Tokens, start: int, end: int, gazetteer: OfflineGazetteer) -> int | None:
    """Where a town's name ends inside a "person" that is the town's name and a title or service
    ("Rock Hill City" Manager, "Huntsville Fire" Chief, "Kansas City Mayor"): the longest known
    town before the titles, or None.

    >>> doc = _Tokens(pipeline()("Crews needed water, said Litchfield Fire Chief Tom Baker."))
    >>> [doc.span(e.start, e.end) for e in doc.ents if e.label_ == "PERSON"]
    ['Litchfield Fire', 'Tom Baker']
    >>> _town_before_office(doc, 5, 7, OfflineGazetteer.default())
    6
    """
    k = end
    while k > start + 1 and doc.lower[k - 1] in OFFICE_TITLES:
        k -= 1
        if any(p.feature in TOWN_FEATURES for p in _main(gazetteer, doc.span(start, k))):
            return k
    return None


#: Towns and counties: the places whose offices are named after them ("Litchfield Fire Chief"), that a
#: state written after them contains ("Greer, South Carolina"), and that "X, Y" must put inside Y.
TOWN_FEATURES = frozenset({"city", "admin2"})


def _town_office(doc: _Tokens, start: int, end: int, gazetteer: OfflineGazetteer) -> bool:
    """Whether "X City" before an office or body ("Dublin City Manager") is town X's (:func:`_town_of_x_city`)."""
    return end < len(doc) and doc.lower[end] in CITY_OFFICES and _town_of_x_city(doc, start, end, gazetteer)


def _town_of_x_city(doc: _Tokens, start: int, end: int, gazetteer: OfflineGazetteer,
                    known: Sequence[Any] | None = None) -> bool:
    """Whether tokens ``start`` to ``end`` read "X City" where the gazetteer knows "X City" as no town
    (Dublin City is an Irish county) but X as one (``known``: the places called "X City", if looked up)."""
    if end - start < 2 or doc.lower[end - 1] != "city":
        return False
    known = _main(gazetteer, doc.span(start, end)) if known is None else known
    return not any(p.feature == "city" for p in known) and any(
        p.feature == "city" for p in _main(gazetteer, doc.span(start, end - 1)))


#: After a mention: a capitalised word, the rest of a longer name.
_NAME_AFTER = re.compile(r" [A-Z][a-z]")
#: Words naming what kind of place a name is ("Tripoli City", "Gulariya Municipality"), besides GEO_WORDS.
SETTLEMENT_WORDS = frozenset("municipality governorate oblast state department prefecture sector zone camp quarter "
                             "locality division subdivision commune capital metropolis colonia barrio barangay "
                             "favela".split())
#: Lower-case words after (or before) a known name that make a longer entity an area or kind of that place.
_KIND_WORDS = AREA_WORDS | INSTITUTIONS | LOCAL_NOUNS | SETTLEMENT_WORDS


def _unknown_whole(doc: _Tokens, start: int, end: int, offset: int, inner: list[Mention]) -> bool:
    """Whether a place entity the gazetteer does not know is one name of its own, joined by a particle
    of names, of which the known names inside are only parts: "Lanao del Sur" (not Sur, Oman), "Santa
    Cruz de Asia" (not Santa Cruz, Bolivia). The other words are proper nouns, not a direction, a
    common noun or a geographic word that would make the entity an area of the known place. Without a
    particle the same test cannot tell "Cerro Navia" (not Cerro, Cuba) from "Hammond Marina" (Hammond).

    >>> doc = _Tokens(pipeline()("Police raided homes in Lanao del Sur on Monday."))
    >>> start = doc.text.index("Lanao")
    >>> sur = doc.idx[start + 2]
    >>> _unknown_whole(doc, start, start + 3, 0, [Mention(sur, sur + 3, "Sur", "inside", "Sur")])
    True
    """
    spans = [(m.start - offset, m.end - offset) for m in inner]
    rest = [i for i in range(start, end) if not any(s <= doc.idx[i] < e for s, e in spans)]
    particle = proper = False
    for i in rest:
        if doc.lower[i] in NAME_PARTICLES:
            particle = True
            continue
        word = normalize(doc.text[i])
        if (doc.punct[i] or not doc.proper[i] or word in GEO_WORDS or word in STREET_WORDS
                or doc.lower[i] in _KIND_WORDS):
            return False
        proper = True
    return particle and proper


def _first_word_of_a_name(doc: _Tokens, i: int, stop: int, end: int, known: Sequence[Any]) -> bool:
    """Whether a one-word town starts a longer name whose next word is a name too, not a common noun
    ("Bani Siyah", "Bar Elias", "Brookhaven National"; not "Mansfield Police", "Moscow Times", and not a
    country, a state or a big town: "Texas Southern University", "Chicago Bears").

    >>> doc = _Tokens(pipeline()("shells hit Bani Siyah area"))
    >>> _first_word_of_a_name(doc, 2, 3, 4, _main(OfflineGazetteer.default(), "Bani"))
    True
    """
    if stop - i != 1 or stop >= end or not doc.proper[stop]:
        return False
    word = normalize(doc.text[stop])
    if (doc.lower[stop] in INSTITUTIONS or doc.lower[stop] in ADMIN_DIVISIONS or word in GEO_WORDS
            or word in STREET_WORDS or doc.lower[stop] in LOCAL_NOUNS or word in NOT_PLACES):
        return False
    return not any(p.feature in STRONG_FEATURES - {"admin2"} or p.population >= BIG_TOWN for p in known)


def _inside(doc: _Tokens, start: int, end: int, offset: int, gazetteer: OfflineGazetteer,
            place_names: frozenset[str] = frozenset()) -> list[Mention]:
    """Known place names inside a longer name ("Platte County Court", "University of Pennsylvania").

    A lone small town inside a name counts when the document names it as a place elsewhere,
    or when the "name" is only a list of places ("Kareli and Gori").
    """
    listing = _only_places(doc, start, end, gazetteer)

    def accept(i: int, stop: int, name: str, known: Sequence[Any]) -> bool:
        if doc.text[stop - 1].endswith("-") or (
                stop + 1 < len(doc) and doc.text[stop] == "-" and not doc.space[stop]
                and not doc.space[stop - 1] and not _pair(gazetteer, known, doc.text[stop + 1])):
            return False  # "France" of "Agence France-Presse", but "Fargo" of "Fargo-Moorhead"
        if (i >= 2 and _tight_hyphen(doc, i - 1) and doc.proper[i - 2] and len(doc.text[i - 2]) > 1  # not "D-Iowa City"
                and not _pair(gazetteer, known, doc.text[i - 2])):
            return False  # "Sava" of "Mayo-Sava" (a Cameroonian department), but "Moorhead" of "Fargo-Moorhead"
        key = normalize(name)
        if _town_of_x_city(doc, i, stop, gazetteer, known):
            return False  # "Dublin City Council" of Dublin, Ohio: the town's council, not the Irish county
        if listing or key in place_names or _on_a_route(doc, i, stop):
            return True
        institution = stop < end and (doc.lower[stop] in INSTITUTIONS or doc.lower[stop] in ADMIN_DIVISIONS)
        strong = [p for p in known
                  if (p.feature in STRONG_FEATURES and p.feature != "admin2") or p.population >= 50_000]
        if stop - i == 1 and strong and all(p.feature == "region" and not p.country_code for p in strong):
            return False  # "Atlantic" of "Continental Atlantic Publications", "Caribbean Airlines": an epithet
        if _first_word_of_a_name(doc, i, stop, end, known):
            return False  # "Bani" of "Bani Siyah", "Cerro" of "Cerro Navia": a place the gazetteer lacks
        if stop == end and stop - i == 1 and i > start and doc.proper[i - 1] and doc.lower[i] in ORGANISATION_HEADS:
            return False  # "Mission" of "the United Nations Verification Mission": the name's head noun, a town's too
        # Municipalities ("Haram" of "Boko Haram", "Al" of "Al Shabaab") are too many and too short to count here.
        if not (stop - i > 1 or institution or strong):
            return False
        if stop - i == 1 and (_personal(key) or (i > start and _given(doc, i - 1))) and _eponym(doc, i, stop, known):
            eponyms.add(offset + doc.idx[i])  # "Cora Kelly Elementary School": a place only if the text names it so
        return True

    eponyms: set[int] = set()
    found = _longest_names(doc, range(start, end), lambda i: min(end, i + MAX_WORDS), offset, gazetteer,
                           "inside", accept)
    found = [replace(m, how="eponym") if m.start in eponyms else m for m in found]
    # "the S.C. Highway Patrol", "Northwest D.C.": a state abbreviated with two capitals (not "Ind.", which
    # in a name is as often "Independent")
    taken = {m.start for m in found}
    for i in range(start, end):
        word = doc.text[i]
        if word.endswith(".") and sum(map(str.isupper, word)) >= 2 and offset + doc.idx[i] not in taken and (
                region := _abbreviated_region(gazetteer, word, offset + doc.idx[i])):
            found.append(replace(region, how="inside"))
    return sorted(found, key=lambda m: m.start)


def _eponym(doc: _Tokens, i: int, stop: int, known: Sequence[Any]) -> bool:
    """Whether a one-word place name inside a longer name may be a person's name there: not a country
    or state, not the name of a town's own institution ("Richmond Police Department") and not after
    "of" ("University of Alexandria")."""
    return not (stop < len(doc) and doc.lower[stop] in CIVIC_INSTITUTIONS) and doc.lower[i - 1] != "of" and not any(
        p.feature in ("country", "admin1") for p in known)


def _only_places(doc: _Tokens, start: int, end: int, gazetteer: OfflineGazetteer) -> bool:
    """True for "Kareli and Gori" or "Gori, Kareli": proper nouns the gazetteer knows, joined by and/or/commas."""
    words = [i for i in range(start, end) if doc.lower[i] not in ("and", "or", ",")]
    return len(words) >= 2 and len(words) < end - start and all(
        doc.proper[i] and _main(gazetteer, doc.text[i]) for i in words)


def _scan(doc: _Tokens, offset: int, covered: list[bool], gazetteer: OfflineGazetteer) -> list[Mention]:
    """Proper nouns outside entities that the gazetteer knows, with supporting context."""

    size, proper = len(doc), doc.proper

    def run_end(i: int) -> int:
        j = i
        while j < size and j - i < MAX_WORDS and not covered[j] and (
                proper[j] or _joins(doc, i, j) or (_tight_hyphen(doc, j) and j + 1 < size and proper[j + 1])):
            j += 1  # "Ivano-Frankivsk" runs on over its hyphen
        return j

    def accept(i: int, end: int, name: str, known: Sequence[Any]) -> bool:
        strong = any(p.feature in STRONG_FEATURES - {"admin2"} for p in known) and (end - i > 1 or len(name) > 3)
        # "Walker County": a county written as one
        strong = strong or (end - i > 1 and normalize(doc.text[end - 1]) in GEO_WORDS and any(
            p.feature == "admin2" for p in known))
        # "Paris-Henry County": joined by a hyphen to a place the model found, and near it
        paired = i >= 2 and _tight_hyphen(doc, i - 1) and doc.ent_type[i - 2] in PLACE_LABELS and _pair(
            gazetteer, known, doc.text[i - 2])
        # "Henry County" not taken (a county without a cue) is no "Henry" modifying "county"
        named_kind = end < size and doc.proper[end] and normalize(doc.text[end]) in GEO_WORDS
        return (strong or paired or _locative_before(doc, i) or _comma_place_after(doc, end, gazetteer)
                or _listed_with_place(doc, i, end) or _kind_before(doc, i) or _on_a_route(doc, i, end) or (
                    _bracketed_after_name(doc, i, end) and not name.isupper() and (
                        any(p.feature in ("country", "admin1") or p.population >= BIG_TOWN for p in known)
                        or (doc.text[end] == "," and end + 1 < size and proper[end + 1])))  # "(Mulanje, Southern)"
                or (_modifies_local_noun(doc, end) and not named_kind and not _common_word(doc, i, end)))

    starts = [i for i in range(len(doc)) if not covered[i]]
    found = _longest_names(doc, starts, run_end, offset, gazetteer, "gazetteer", accept)
    return found + _repeats(doc, offset, covered, found)


#: Dashes and words between the two ends of a route ("Damboa - Maiduguri", "Gori to Tskhinvali").
_ROUTE_JOINS = frozenset({"-", "–", "—", "‐", "‑", "/", "to"})


def _on_a_route(doc: _Tokens, i: int, end: int) -> bool:
    """Whether tokens ``i`` to ``end`` are one end of a route named by its two ends ("the Damboa - Maiduguri
    road", "the Kabul-Kandahar highway"): a proper noun joined to another by a dash, then a word for a way
    (a tag or a number may come between: "the Aleppo-Damascus M5 highway").

    >>> doc = _Tokens(pipeline()("An ambush on the Damboa - Maiduguri road and the Kabul-Kandahar M1 highway."))
    >>> [doc.text[i] for i in range(len(doc)) if doc.proper[i] and _on_a_route(doc, i, i + 1)]
    ['Damboa', 'Maiduguri', 'Kabul', 'Kandahar']
    """
    def way_at(k: int) -> bool:
        k += 1 if k < len(doc) and doc.text[k][:1].isupper() and any(c.isdigit() for c in doc.text[k]) else 0
        return k < len(doc) and doc.lower[k] in ROUTE_WORDS

    def name_end(k: int) -> int:  # the end of the proper-noun run from k
        while k < len(doc) and doc.proper[k] and k - i < 2 * MAX_WORDS:
            k += 1
        return k

    if end + 1 < len(doc) and doc.text[end] in _ROUTE_JOINS and doc.proper[end + 1]:
        return way_at(name_end(end + 1))  # the first end
    return i >= 2 and doc.text[i - 1] in _ROUTE_JOINS and doc.proper[i - 2] and way_at(end)  # the second end


def _bracketed_after_name(doc: _Tokens, i: int, end: int) -> bool:
    """Whether tokens ``i`` to ``end`` open a bracket after a name ("Jen (Karim-Lamido LGA, Taraba)",
    "in Punjab (Lahore)", "Dahod district (Gujarat)"): where that name lies, or what lies in it."""
    if i < 2 or doc.text[i - 1] not in ("(", "[") or end >= len(doc) or doc.text[end] not in (")", "]", ","):
        return False
    before = i - 3 if i >= 3 and doc.lower[i - 2] in TRAILING_KINDS else i - 2  # "Dahod district (Gujarat)"
    return doc.proper[before]


#: Adjectives that start sentences before people and things ("Young men lingered", "Early voters").
COMMON_ADJECTIVES = frozenset("young old early late local new junior senior little big".split())


def _common_word(doc: _Tokens, i: int, end: int) -> bool:
    """Whether a one-word name is a common English word capitalised only because a sentence starts
    with it ("As police proceeded": not Ås; "Many women", "Young men").

    >>> doc = _Tokens(pipeline()("He left. As police arrived, Many women fled to Hudson."))
    >>> _common_word(doc, 3, 4), _common_word(doc, 7, 8), _common_word(doc, 11, 12)
    (True, False, False)
    """
    if end - i != 1 or not (i == 0 or doc.text[i - 1] in _SENTENCE_ENDS):
        return False
    word = doc.lower[i]
    return word in COMMON_ADJECTIVES or word in _stop_words()


_SENTENCE_ENDS = frozenset({".", "!", "?", '"', "“", "”", ":", ";", "\n"})


@functools.cache
def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


#: Days of the year named like places ("Christmas", Florida; "Easter", "Ramadan"): dates however capitalised.
HOLIDAYS = frozenset("christmas easter ramadan eid thanksgiving halloween passover hanukkah diwali navruz nowruz "
                     "ashura lent advent pentecost epiphany".split())
#: Entity labels of amounts and times, which hold a place only by the model's mistake.
NUMERIC_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"})
#: Nouns of settlements that name the place after them: "the Sri Lankan capital Colombo", "another town — Oakdale".
SETTLEMENT_NOUNS = frozenset("capital town city village port hamlet suburb township municipality".split())


def _kind_before(doc: _Tokens, i: int) -> bool:
    """Whether a settlement's noun comes just before token ``i`` (a dash or comma between them at most).

    >>> doc = _Tokens(pipeline()("north of the Sri Lankan capital Colombo."))
    >>> _kind_before(doc, 6), _kind_before(doc, 4)
    (True, False)
    """
    j = i - 1
    if j >= 0 and doc.text[j] in ("—", "–", "-", ","):
        j -= 1
    return j >= 0 and doc.text[j] in SETTLEMENT_NOUNS  # lower case: "the town Board" stays a board


def _longest_names(doc: _Tokens, starts: Any, run_end: Any, offset: int, gazetteer: OfflineGazetteer, how: str,
                   accept: Any) -> list[Mention]:
    """Walk ``starts`` (increasing); at each capitalised proper noun take the longest known name up to
    ``run_end(i)`` that ``accept(i, end, name, places)`` agrees to, then go on after it."""
    found: list[Mention] = []
    proper, words, punct, chars, idx = doc.proper, doc.text, doc.punct, doc.chars, doc.idx
    after = 0  # the first token a name may start at: names do not overlap
    for i in [i for i in starts if proper[i]]:
        if i < after:
            continue
        never = _never_place(words[i])
        for end in range(run_end(i), i, -1):  # longest first
            if punct[end - 1]:
                continue  # "Obrenovac," is Obrenovac: normalising drops the comma, the span must too
            if never and all(map(_never_place, words[i + 1:end])):
                continue
            name = chars[idx[i]:idx[end - 1] + len(words[end - 1])]  # doc.span(i, end), inline: a hot loop
            known = _main(gazetteer, name)
            if not known and _locative_before(doc, i, weak=False):
                # "in Ar-Raqqa": another spelling of Ar Raqqah; "in Navapolatsk": Novopolotsk's other name
                known = _spelt_like(gazetteer, name) if end - i > 1 else [
                    p for p in gazetteer.named(name) if len(name) >= 6 and not _never_place(name)
                    and p.feature in TOWN_FEATURES and p.population >= OTHER_NAME_CITY]
            if not known or (_acronym(name) and not any(p.feature == "country" for p in known)):
                continue
            if accept(i, end, name, known):
                found.append(_mention(doc, i, end, offset, how))
                after = end
                break
    return found


def _repeats(doc: _Tokens, offset: int, covered: list[bool], found: list[Mention]) -> list[Mention]:
    """Other mentions of a name already taken as a place ("Shelling hit Gori. Later, Gori burned.")."""
    if not found:
        return []  # no name to repeat
    names = {normalize(m.text) for m in found}
    taken = {m.start for m in found}
    out = []
    for i in range(len(doc)):
        if (not covered[i] and offset + doc.idx[i] not in taken and doc.proper[i]
                and normalize(doc.text[i]) in names):
            out.append(_mention(doc, i, i + 1, offset, "gazetteer"))
    return out


#: The rest of a dateline that makes a four-letter name in capitals a place, not an acronym: a date or a news
#: agency ("GOMA, 11 April 2026 -", "GAZA, Aug. 9 (Reuters) -", "TAIZ, Yemen, June 5 -").
_DATELINE_TAIL = re.compile(r",\s*(?:[A-Z][a-z]+,\s*)?(?:\d{1,2}\s+[A-Z][a-z]{2,8}\b|[A-Z][a-z]{2,8}\.?\s+\d{1,2}\b)"
                            r"|\s*\((?:AP|Reuters|AFP|dpa|Xinhua|UPI|IANS|PTI|ANI|Anadolu|IRNA|TASS|RIA)\)")


def _datelines(text: str, gazetteer: OfflineGazetteer) -> list[Mention]:
    """ "MONROE - Federal and state..." or "LINCOLN, Neb. (AP)": the place a story is filed from.

    A name of four letters or fewer is an acronym ("NATO:") unless a date or an agency
    follows it: "GOMA, 11 April 2026 -" is Goma.
    """
    found = []
    for match in DATELINE.finditer(text[:20_000]):
        name = match[1].strip(" .-'")
        if len(name) >= 3 and name.isupper() and _main(gazetteer, name) and (
                not _acronym(name) or (len(name) == 4 and _DATELINE_TAIL.match(text, match.end(1)))):
            start = match.start(1) + match[1].index(name)
            found.append(Mention(start, start + len(name), name, "pattern", name))
    return found


#: "Jackson and Barrow counties", "Becker, Clay, Otter Tail, Swift and Wilkin counties": names of one to
#: three words (group 1), each a county.
_COUNTY_NAME = r"(?:St\. )?[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}"
_COUNTY_JOIN = re.compile(r",? and |,? or |, ")
_COUNTIES = re.compile(rf"((?:{_COUNTY_NAME}(?:,? and |,? or |, ))+{_COUNTY_NAME}) [Cc]ounties\b")
#: "Rep. Smith, D-N.Y.", "D-Calif", "DFL-Chisholm", "R-Elbow Lake": the party, then a state, county or (after a
#: comma or bracket, group 1) the legislator's home town (group 2).
_PARTY_STATE = re.compile(r"([,(]\s*)?\b(?:[RDI]|DFL)-((?:[A-Z][a-z]*\.)(?: ?[A-Z][a-z]?\.)?"
                          r"|(?:Mc|Mac)?[A-Z][a-z]{3,}(?: [A-Z][a-z]{2,})?)")


#: A state's abbreviation closing a bracket: "Rampur (UP)", "(Baramulla district, J&K)".
_STATE_IN_BRACKETS = re.compile(r"[(,]\s*([A-Z]{2}|[A-Z]&[A-Z])\)")
#: The name before such an abbreviation, and its kind: "Rampur (", "Baramulla district, ".
_NAME_BEFORE_STATE = re.compile(r"([A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,3})(?: (?:city|district|town|village))?"
                                r"\s*[(,]\s*$")


#: "the town of Walikale", "the village of al-Jiftlik", "the border town of Kafr Qaddum": a settlement's name
#: (group 1), whatever the model took it for.
_SETTLEMENT_OF = re.compile(r"\b(?:[Tt]he|[Aa])\s+(?:[a-z]+\s+){0,2}?(?:town|village|hamlet|settlement|city|"
                            r"locality|port)\s+of\s+((?:(?:al|el|ad|as|ar|ash|an)-)?[A-Z][\w'’-]+"
                            r"(?:\s(?:(?:al|el|ad|as|ar|ash|an|de|del|da|do)[-\s])?[A-Z][\w'’-]+){0,2})")


def _settlements(text: str, gazetteer: OfflineGazetteer) -> list[Mention]:
    """Names after "the town of", "the port of": places whatever the model took them for. One the gazetteer
    does not know is found and left unresolved (reported, never drawn at a guess); a known one (the port of
    Mokha, which GeoNames calls Mocha) is read like any place the model found.

    >>> [(m.text, m.how) for m in _settlements("Rebels took the town of Walikale and the port of Mokha.",
    ...                                        OfflineGazetteer.default())]
    [('Walikale', 'pattern'), ('Mokha', 'entity')]
    """
    found = []
    for match in _SETTLEMENT_OF.finditer(text) if " of " in text else ():
        name = POSSESSIVE.sub("", match[1])
        if normalize(name) in NOT_PLACES:
            continue
        known = _known(gazetteer, name) or _spelt_like(gazetteer, name)
        found.append(Mention(match.start(1), match.start(1) + len(name), name, "entity" if known else "pattern", name))
    return found


def _text_patterns(text: str, gazetteer: OfflineGazetteer) -> list[Mention]:
    """ "Jackson and Barrow counties" (each a county) and "Rep. Smith, D-N.Y." (a state).

    >>> gazetteer = OfflineGazetteer.default()
    >>> [m.lookup for m in _text_patterns("in Clay, Otter Tail and Becker counties", gazetteer)]
    ['Clay County', 'Otter Tail County', 'Becker County']
    >>> [m.text for m in _text_patterns("Rural Hitchcock and Hayes counties", gazetteer)]
    ['Hitchcock', 'Hayes']
    """
    found = []
    # The expressions are slow to try at every capital letter: skip texts without their fixed parts.
    for match in _COUNTIES.finditer(text) if "ounties" in text else ():
        position = 0
        for item in _COUNTY_JOIN.split(match[1]):
            offset = match[1].index(item, position)
            position = offset + len(item)
            words = item.split(" ")
            for first in range(len(words)):  # "Rural Hitchcock and Hayes counties": Hitchcock
                name = " ".join(words[first:])
                if _main(gazetteer, f"{name} County"):
                    start = match.start(1) + offset + len(item) - len(name)
                    found.append(Mention(start, start + len(name), name, "pattern", f"{name} County"))
                    break
    found.extend(_towns_of_states(text, gazetteer))
    found.extend(_settlements(text, gazetteer))
    for match in _STATE_IN_BRACKETS.finditer(text) if "(" in text else ():
        # (one with an ampersand, "J&K", names its state whatever comes before it)
        abbreviation = region_abbreviation(gazetteer, match[1])
        before = _NAME_BEFORE_STATE.search(text, max(0, match.start() - 80), match.start() + 1)
        # an abbreviation also names a state elsewhere ("Chennai, TN" is not in Tennessee): it stands
        # for the state only if the name before it has a place there
        if abbreviation and match[1] in abbreviation[2:] and ("&" in match[1] or (before and any(
                p.country_code == abbreviation[0] and p.admin1 == abbreviation[1]
                for p in _known(gazetteer, before[1])))):  # "Rampur (UP)", "(Baramulla district, J&K)"
            found.append(Mention(match.start(1), match.end(1), match[1], "pattern", abbreviation[1],
                                 abbreviation[0], feature="admin1"))
    for match in _PARTY_STATE.finditer(text) if "R-" in text or "D-" in text or "I-" in text or "L-" in text else ():
        name, start = match[2], match.start(2)
        state = _abbreviated_region(gazetteer, name, start) or (
            _abbreviated_region(gazetteer, name + ".", start) if not name.endswith(".") else None)  # "D-Calif"
        if state:
            found.append(replace(state, end=start + len(name), text=name))
            continue
        # a county ("D-Kanawha"), or after a comma or bracket a legislator's home town ("Westrom, R-Elbow Lake")
        features = ("admin1", "admin2", "city") if match[1] else ("admin1", "admin2")
        for words in ([name, name.split()[0]] if " " in name else [name]):
            lookup = next((lookup for lookup in (words, f"{words} County") if any(
                p.feature in features and p.country_code == "US" for p in _main(gazetteer, lookup))), None)
            if lookup:
                found.append(Mention(start, start + len(words), words, "pattern", lookup, "US"))
                break
    return found


#: "Greer, South Carolina", "Tega Cay, S.C.", "Parkers Prairie, MN": a town of one to three words
#: (group 1), then its state or province, dotted, postal or in full (group 2).
_TOWN_STATE = re.compile(r"\b((?:[A-Z][a-z]+[ -]){0,2}[A-Z][a-z]+), ((?:[A-Z][a-z]{0,4}\. ?){1,2}(?![A-Za-z])|"
                         r"[A-Z]{2}\b|[A-Z][a-z]+(?: [A-Z][a-z]+)?)")
#: Capitalised words that start a sentence before a town: not part of its name.
_LEADING = frozenset("in at from near to and the of by on for of outside into".split())


def _towns_of_states(text: str, gazetteer: OfflineGazetteer) -> list[Mention]:
    """Towns named with their state or province that the gazetteer has there ("Greer, South Carolina",
    which the model takes for a people): a pattern, whatever the model read.

    >>> [(m.text, m.country) for m in _towns_of_states("Greer, South Carolina. The town", OfflineGazetteer.default())]
    [('Greer', 'US')]
    """
    found = []
    for match in _TOWN_STATE.finditer(text):
        town, state = match[1], match[2].strip()
        words = town.split(" ")
        while len(words) > 1 and words[0].lower() in _LEADING:
            words = words[1:]
        town = " ".join(words)
        regions: set[tuple[str | None, str | None]] = set()
        if "." in state:
            region = _abbreviated_region(gazetteer, state)
            if region is not None:
                regions.add((region.country, region.lookup))
        elif len(state) == 2:
            abbreviation = region_abbreviation(gazetteer, state)
            if abbreviation and abbreviation[2] == state:
                regions.add((abbreviation[0], abbreviation[1]))
        else:
            for name in (state, state.split(" ")[0]):
                regions = {(p.country_code, p.admin1) for p in _main(gazetteer, name) if p.feature == "admin1"}
                if regions:
                    break
        if not regions or normalize(town) in NOT_PLACES:
            continue
        towns = [p for p in _main(gazetteer, town)
                 if p.feature in TOWN_FEATURES and (p.country_code, p.admin1) in regions]
        if towns:
            start = match.end(1) - len(town)
            found.append(Mention(start, match.end(1), town, "pattern", town, towns[0].country_code))
    return found


def _abbreviated_region(gazetteer: OfflineGazetteer, name: str, start: int = 0) -> Mention | None:
    """A mention of the state or province that "Ga.", "S.D." or "B.C." stands for (dotted forms only)."""
    found = region_abbreviation(gazetteer, name) if name.endswith(".") else None
    if not found or name.replace(" ", "") != found[3].replace(" ", ""):
        return None  # "La." is Louisiana; "L.A." is not
    country, region = found[0], found[1]
    return Mention(start, start + len(name), name, "pattern", region, country, feature="admin1")


def region_abbreviation(gazetteer: OfflineGazetteer, name: str) -> list[str] | None:
    """Country, region, postal and press forms of the state or province ``name`` abbreviates,
    spaced or not ("W. Va." as "W.Va.").

    >>> region_abbreviation(OfflineGazetteer.default(), "W. Va.")[:2]
    ['US', 'West Virginia']
    """
    return gazetteer.admin1_abbreviations.get(normalize(name).replace(" ", ""))


def _with_abbreviations(text: str, mentions: list[Mention], gazetteer: OfflineGazetteer) -> list[Mention]:
    """Read "Kan." as Kansas, and add "Ga." in "Gainesville, Ga.": abbreviated states and provinces."""
    out: list[Mention] = []
    for index, mention in enumerate(mentions):
        if mention.how != "pattern" and (region := _abbreviated_region(gazetteer, mention.text, mention.start)):
            mention = region  # noqa: PLW2901
        out.append(mention)
        match = ABBREVIATION.match(text, mention.end)
        if not match:
            continue
        region = _abbreviated_region(gazetteer, match[1], match.start(1))
        following = mentions[index + 1].start if index + 1 < len(mentions) else len(text)
        if region and match.end(1) <= following:
            out.append(region)
    return out


def _without_overlaps(mentions: list[Mention]) -> list[Mention]:
    out: list[Mention] = []
    for mention in mentions:
        if out and mention.start < out[-1].end:
            if mention.end - mention.start > out[-1].end - out[-1].start:
                out[-1] = mention
            continue
        out.append(mention)
    return out


#: A town smaller than this, and only such towns, is no reason to take a given name for a place.
GIVEN_NAME_TOWN = 5_000


def unknown_people(mentions: list[Mention], resolved: list[tuple[Place | None, float]],
                   gazetteer: OfflineGazetteer) -> set[int]:
    """Unplaced mentions that read as people: a given name alone or first, no geographic word, and
    nothing in the gazetteer by that name but, for one word, villages or other names of places
    ("Kristina", also Ristiina's name in Finland; "Kristina and Tim", "Sheryl
    Quinlivan", "Olive Garden"; not "Lake Tanya", "Al Hishah" or an unresolved "Clinton").
    Reported as unplaced they would only be noise: they are left out.

    >>> gazetteer = OfflineGazetteer.default()
    >>> mentions = [Mention(0, 8, "Kristina", "ner", "Kristina"), Mention(13, 16, "Tim", "ner", "Tim"),
    ...             Mention(20, 30, "Lake Tanya", "ner", "Lake Tanya"), Mention(40, 47, "Clinton", "ner", "Clinton")]
    >>> sorted(unknown_people(mentions, [(None, 0.0)] * 4, gazetteer))
    [0, 1]
    """
    out = set()
    names = person_names()
    for index, (mention, (place, _)) in enumerate(zip(mentions, resolved, strict=True)):
        if place is not None or mention.how == "pattern" or mention.demonym:
            continue
        words = mention.text.split()
        if (names.get(normalize(words[0])) not in ("given", "both") or words[0].lower() in NAME_PARTICLES
                or any(normalize(w) in GEO_WORDS for w in words)):
            continue
        known = gazetteer.candidates(mention.lookup)
        if not known or (len(words) == 1 and mention.how in ("ner", "person", "inside", "entity")
                         and all(p.alternate or (p.feature == "city" and p.population < GIVEN_NAME_TOWN)
                                 for p in known)):
            out.add(index)
    return out
