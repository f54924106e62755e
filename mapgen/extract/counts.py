"""Numbers and counts in one sentence: how many were killed, injured, displaced, took part; vehicles, aircraft.

Two steps, plain regular expressions over one sentence (no parser), cheap enough to run
on every sentence of every article:

* :func:`find_numbers` finds the amounts a sentence states ("150", "twenty-one",
  "1.5 million", "at least a dozen", "20-30", "thousands") and leaves out numbers that
  are not amounts: dates and years, clock times, ordinals, ages, calibres and model
  names ("82mm", "Su-24"), percentages, money, measures and durations, "one" as a pronoun.
* :func:`find_counts` gives each amount a role from the words around it: a verb before
  it ("killing 3"), a predicate after its noun ("five people were injured"), the noun
  itself ("2 fatalities", "3,000 refugees", "1,500 troops", "30 tanks"). Amounts joined
  by "and" share a predicate and add up ("2 soldiers and 3 civilians were killed": 5).
  Vague amounts ("thousands of refugees") stay text and never become numbers.

>>> [q.value for q in find_numbers("Up to 400 volunteers and twenty-one tanks left on 8 August 2008.")]
[400, 21]
>>> find_counts("On 9 May 2020, militants attacked a base, killing 2 soldiers and injuring 5 others.")
Counts(fatalities=2, injured=5)
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from types import MappingProxyType
from typing import ClassVar

from mapgen.extract.lexicon import endings, ends_with

__all__ = ["ROLES", "Counts", "Quantity", "find_counts", "find_numbers"]


# --- case-insensitive matching, fast ---------------------------------------------------------------
class _Text(str):
    """A sentence and ``low``, its lower-cased copy, made once for every :class:`_Caseless` pattern.

    ``low`` is None when the copy could match differently: "İ" lower-cases to two characters,
    and "ı" and "ſ" are equal under re.I to "i" and "s" but lower-case to themselves. Every other
    character lower-cases to one character of the same kind (word, digit, space) that re.I holds
    equal to it, so a case-insensitive pattern finds the same spans in the copy.
    """

    low: str | None
    #: The sentence last made a _Text, and its _Text: find_dates, denials, claims and find_counts read
    #: one sentence in turn. (One tuple, replaced whole; holding the sentence keeps its id its own.)
    _last: ClassVar[tuple[str, _Text] | None] = None

    def __new__(cls, sentence: str) -> _Text:
        text = super().__new__(cls, sentence)
        low = sentence.lower()
        text.low = low if sentence.isascii() or (
            len(low) == len(sentence) and "ı" not in sentence and "ſ" not in sentence) else None
        return text

    @classmethod
    def of(cls, sentence: str) -> _Text:
        """``sentence`` as a _Text, made once for the same sentence (object) asked for in turn.

        A _Text is its own and leaves the memo alone: the sentence it was made of may be asked for next.
        """
        if isinstance(sentence, _Text):
            return sentence
        last = cls._last
        if last is not None and last[0] is sentence:
            return last[1]
        text = cls(sentence)
        cls._last = (sentence, text)
        return text


class _Caseless:
    """A re.I pattern that, on a :class:`_Text`, runs without re.I on the text's lower-cased copy.

    re.I turns off the engine's shortcuts (a literal that cannot match is skipped without a
    jump only when case counts), so a long alternation of words costs two to three times as
    much with it. The spans found are the same; group texts are lower-cased. The source must
    be case-insensitive throughout: no ``(?-i:`` and no capitals in its literals.
    """

    __slots__ = ("_low", "pattern")

    def __init__(self, source: str) -> None:
        if "(?-i" in source or re.search("[A-Z]", re.sub(r"\\.|\(\?P<\w+>", "", source)):
            raise ValueError(f"not case-insensitive throughout: {source[:60]!r}")
        self.pattern = re.compile(source, re.I)
        self._low = re.compile(source)

    def search(self, text: _Text, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        low = text.low
        return self.pattern.search(text, pos, endpos) if low is None else self._low.search(low, pos, endpos)

    def match(self, text: _Text, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        low = text.low
        return self.pattern.match(text, pos, endpos) if low is None else self._low.match(low, pos, endpos)

    def fullmatch(self, text: _Text, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        low = text.low
        return self.pattern.fullmatch(text, pos, endpos) if low is None else self._low.fullmatch(low, pos, endpos)

    def finditer(self, text: _Text, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        low = text.low
        return self.pattern.finditer(text, pos, endpos) if low is None else self._low.finditer(low, pos, endpos)


def _ends_with(window: str, index: dict[str, tuple[str, ...]], hyphens: bool = False) -> bool:
    """Whether ``window``, less its trailing blanks (and hyphens among them, with ``hyphens``), ends with
    one of the words of ``index`` (:func:`~mapgen.extract.lexicon.endings`).

    >>> _ends_with("killed at least  ", endings("least")), _ends_with("in mid- ", endings("mid"), hyphens=True)
    (True, True)
    """
    tail = window.rstrip()
    while hyphens and tail.endswith("-"):
        tail = tail[:-1].rstrip()
    return ends_with(tail, index)


class _Tail(_Caseless):
    """A :class:`_Caseless` pattern that ends where the window it searches ends (``...\\s*$``), searched
    only in a window that ends with one of ``endings`` (lower case, the last words of its matches) and
    blanks (and hyphens, with ``hyphens``): most windows end otherwise, and the test costs less than the
    search, which tries every position of the window.
    """

    __slots__ = ("endings", "hyphens")

    def __init__(self, source: str, words: tuple[str, ...], *, hyphens: bool = False) -> None:
        super().__init__(source)
        self.endings, self.hyphens = endings(*words), hyphens

    def search(self, text: _Text, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        low = text.low
        if low is None:
            return self.pattern.search(text, pos, endpos)
        if not _ends_with(low[pos:endpos], self.endings, self.hyphens):
            return None
        return self._low.search(low, pos, endpos)

    def plain(self, text: _Text, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        """The search without the test (what :meth:`search` finds, as the tests check)."""
        return super().search(text, pos, endpos)


class _TailRe:
    """A pattern (any case) that ends where the window it searches ends, searched like :class:`_Tail`: only
    where the window's lower-cased copy ends with one of ``endings``, before blanks (and hyphens)."""

    __slots__ = ("endings", "hyphens", "pattern")

    def __init__(self, pattern: re.Pattern[str], words: tuple[str, ...], *, hyphens: bool = False) -> None:
        self.pattern, self.endings, self.hyphens = pattern, endings(*words), hyphens

    def search(self, text: _Text, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        low = text.low
        if low is not None and not _ends_with(low[pos:endpos], self.endings, self.hyphens):
            return None
        return self.pattern.search(text, pos, endpos)

    def plain(self, text: _Text, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        """The search without the test."""
        return self.pattern.search(text, pos, endpos)


#: The roles of :class:`Counts`, in field order.
ROLES = ("fatalities", "injured", "displaced", "people", "vehicles", "aircraft")


@dataclass(frozen=True, slots=True)
class Quantity:
    """An amount stated in a sentence.

    ``start``/``end``/``text`` cover the qualifier too ("up to 400"). ``value`` is the
    best single figure (the lower end of a range, the figure itself after "up to" or
    "at least"); ``low``/``high`` are the bounds the words give ("at least 12": low 12;
    "up to 400": high 400; "20-30": 20 and 30), both None for a plain figure. A vague
    amount ("thousands", "several hundred") has ``value`` None and its words, lower-cased,
    in ``vague``. ``qualifier`` is the hedge as written, lower-cased ("about", "more than").
    """

    start: int
    end: int
    text: str
    value: int | None
    low: int | None = None
    high: int | None = None
    vague: str | None = None
    qualifier: str | None = None


def _no_vague() -> Mapping[str, str]:
    return MappingProxyType({})


@dataclass(frozen=True, slots=True, repr=False)
class Counts:
    """What one sentence says about how many: each field None when it says nothing.

    ``vague`` maps a role to the words of an amount given without a figure
    ({"displaced": "thousands"}); it is read-only, and a role may have both a figure and
    vague words ("thousands fled; 300 were evacuated").
    """

    fatalities: int | None = None
    injured: int | None = None
    displaced: int | None = None
    people: int | None = None
    vehicles: int | None = None
    aircraft: int | None = None
    vague: Mapping[str, str] = field(default_factory=_no_vague, hash=False)

    def __post_init__(self) -> None:
        if not isinstance(self.vague, MappingProxyType):
            object.__setattr__(self, "vague", MappingProxyType(dict(self.vague)))

    def __repr__(self) -> str:
        parts = [f"{role}={value}" for role in ROLES if (value := getattr(self, role)) is not None]
        if self.vague:
            parts.append(f"vague={dict(self.vague)!r}")
        return f"Counts({', '.join(parts)})"


# --- number words ----------------------------------------------------------------------------
_SMALL_VALUES = {w: i for i, w in enumerate(
    ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
     "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"])}
_TENS_WORDS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_SMALL_VALUES.update({w: 10 * i for i, w in enumerate(_TENS_WORDS, 2)})
_SCALE_VALUES = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000, "bn": 1_000_000_000,
                 "mn": 1_000_000}
_U9 = "one|two|three|four|five|six|seven|eight|nine"
_TEEN = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_SMALL = rf"(?:(?:{_TENS})(?:[- ](?:{_U9})\b)?|{_TEEN}|{_U9})\b"
_HUNDREDS = rf"(?:(?:{_SMALL}|a)\s+hundred\b(?:\s+(?:and\s+)?{_SMALL})?|{_SMALL})"
_WORDS_BODY = (rf"(?:(?:{_HUNDREDS}|a|half\s+a)\s+(?:billion|million|thousand)\b"
               rf"(?:\s+(?:and\s+)?{_HUNDREDS}\s+(?:million|thousand)\b)*(?:\s+(?:and\s+)?{_HUNDREDS})?"
               rf"|(?:{_SMALL}|a|half\s+a)\s+dozen\b|{_HUNDREDS})")
_DIGITS_BODY = (r"(?:\d{1,3}(?:,\d{3})+|\d{1,3}(?:[\u00a0\u202f\u2009]\d{3})+|\d+)(?:\.\d+)?"
                r"(?:\s*(?:million|billion|thousand|bn|mn)\b)?")
# Not after a letter, a hyphen or a symbol: "Su-24", "T-72", "AK-47", "$500", "No.5", "3/4", "12.7".
_NUM = rf"(?:(?<![\w.,:/$€£¥₽₹#№+\[-]){_DIGITS_BODY}|(?<![\w-]){_WORDS_BODY})"
_NUM_BODY = rf"(?:{_DIGITS_BODY}|{_WORDS_BODY})"
#: Adjectives of "a ... number of" ("an unknown number of fighters": no figure).
_NUMBER_ADJECTIVES = ("large", "small", "great", "growing", "unknown", "undisclosed", "unspecified", "undetermined",
                      "significant", "considerable", "high", "huge", "limited")
_VAGUE = (r"(?<![\w-])(?:(?:tens|hundreds)\s+of\s+(?:thousands|millions)"
          r"|(?:several|a\s+few|many)\s+(?:dozen|hundred|thousand|million)s?"
          r"|dozens|hundreds|thousands|millions|scores(?=\s+(?:of|more)\b)|tens(?=\s+of\b)"
          r"|several|a\s+few|a\s+handful|numerous|countless|(?<!as\s)many(?!\s+as\b)"
          rf"|an?\s+(?:(?:{'|'.join(_NUMBER_ADJECTIVES)})\s+)?number(?=\s+of\b))(?![\w-])")

# --- what is not an amount -----------------------------------------------------------------------
_MONTH_WORDS = ("January|February|March|April|May|June|July|August|September|October|November|December|"
                "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec")
_MONTHS = rf"\b(?-i:{_MONTH_WORDS})\b\.?"
#: The last words of a month (lower case), with its dot.
_MONTH_ENDINGS = tuple(w.lower() + dot for w in _MONTH_WORDS.split("|") for dot in ("", "."))
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
# Plural nouns that can follow a count: a year-like "2000" or "2000-3000" before them is an amount.
_COUNTED = (r"people|persons|civilians|men|women|children|soldiers|troops|protesters|protestors|demonstrators|"
            r"refugees|residents|villagers|fighters|militants|rebels|volunteers|police(?:men)?|officers|"
            r"servicemen|personnel|peacekeepers|casualties|fatalities|deaths|dead|killed|wounded|injured|"
            r"displaced|vehicles|tanks|trucks|workers|students|participants|supporters|families|members|others|"
            r"homes|houses|buildings|villages")
_NOT_COUNTED_AHEAD = rf"(?!\s+(?:[\w'’-]+\s+){{0,2}}?(?:{_COUNTED})\b)"
# Each alternative starts at a digit (a month before a day is seen by _BEFORE_REJECT: "August 8").
_SKIP = (rf"(?<![\w.,]){_DAY}(?:\s*(?:[-–]|and|to)\s*{_DAY})?\s+(?:of\s+)?{_MONTHS}"  # 8 August, 8th of August
         r"|(?<![\w.,])\d{4}-\d{1,2}-\d{1,2}(?!\d)"  # 2008-08-08
         r"|(?<![\w.,])\d{1,2}[/.]\d{1,2}[/.]\d{2,4}(?!\d)"  # 08/08/2008, 8.8.2008
         r"|(?<![\w.,])\d{1,4}/\d{1,4}(?!\d)"  # 1991/92, 24/7
         rf"|(?<![\w.,])(?:1[5-9]|20)\d\d\s*[-–]\s*(?:\d\d){{1,2}}(?!\d){_NOT_COUNTED_AHEAD}"  # 1991-92, 2008-2009
         r"|(?<![\w.,])\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\b\.?)?"  # 10:00, 9:21pm
         r"|(?<![\w.,])\d{1,2}(?:\.\d{2})?\s*(?:[ap]\.m\.|[ap]m\b|o['’]clock\b)"  # 6 p.m., 9.30am
         r"|(?<![\w.,])\d{3,4}\s*(?:GMT|UTC|Z|hrs|h|hours|local\s+time|LT)\b"  # 0600 GMT, 1400 hours
         r"|(?<![\w.,])0\d{2,3}(?!\d)")  # 0600: counts have no leading zero
_SCAN = re.compile(rf"(?<!\w)(?:(?P<skip>{_SKIP})|(?P<vague>{_VAGUE})"
                   rf"|(?P<num>{_NUM})(?:(?P<sep>\s*[-–—]\s*|\s+(?:to|or)\s+)(?P<num2>{_NUM_BODY}))?)", re.I)
_AND_NUM = re.compile(rf"\s+and\s+(?P<num2>{_NUM_BODY})", re.I)
_UNIT = (r"km|kms|kilomet(?:re|er)s?|mi|miles?|m|metres?|meters?|cm|mm|millimet(?:re|er)s?|centimet(?:re|er)s?|"
         r"kg|kilos?|kilograms?|grams?|tons?|tonnes?|lbs?|litres?|liters?|gallons?|barrels?|hectares?|ha|acres?|sq|"
         r"square|feet|foot|ft|yards?|inch(?:es)?|degrees?|knots?|kph|mph|km/h|calibre|caliber|"
         r"years?|yrs?|months?|weeks?|days?|nights?|hours?|hrs?|h|minutes?|mins?|seconds?|secs?|decades?|"
         r"century|centuries|times|fold|percent|per\s*cent|pc|percentage\s+points?|"
         r"dollars?|euros?|cents?|pounds?|sterling|rubles?|roubles?|lari|hryvni?as?|shillings?|naira|rupees?|"
         r"dinars?|dirhams?|francs?|yuan|yen|pesos?|riyals?|rials?|liras?|usd|eur|gbp|rub|uah|gel|bucks")
#: After an amount: a letter ("82mm", "9pm", "8th", "1990s"), %, a hyphen compound ("25-year-old",
#: "120-mm", "two-day"; "2,000-strong" is a count), a unit, a duration or a currency.
_AFTER_REJECT = _Caseless(rf"[^\W\d_]|\s*[%‰°]|-(?!strong\b)[^\W\d_]|\s*(?:{_UNIT})(?![\w-])")
#: After an amount, as written: a street word ("12 Main Street") or "de" ("5 de Mayo").
_AFTER_NAME = re.compile(r"\s+(?:Street|Avenue|Road|Boulevard|Square|St|Ave|Rd|de|del|da|do)\b")
#: Before an amount: a currency, "aged", "no.", "route", "km" ...; then :data:`_BEFORE_NAME`.
_REJECTED_NAMES = ("mile|marker|route|highway|level|phase|stage|zone|zona|colonia|comuna|sector|article|resolution|"
                   "chapter|section|paragraph|page|exit|junction|platform|flight|room|apartment|floor|category|grade|"
                   "version|model|season|episode|district|ward|block")
_CURRENCY_CODES = "usd|eur|gbp|rub|uah|gel|rs"
_BEFORE_REJECT = _Tail(
    rf"(?:[$€£¥₽₹]|\bus\$|\b(?:{_CURRENCY_CODES})\.?"
    r"|\bage[ds]?\s+(?:of\s+|between\s+)?\d{1,3}(?:\s*,\s*\d{1,3})*\s*(?:,|and|or|to|-|–)"  # aged 7 and 9
    r"|\b(?:aged?|ages|aged\s+between|ages\s+of|age\s+of|at\s+the\s+age\s+of|no\.|nos\.|number|km|kilomet(?:re|er)|"
    rf"{_REJECTED_NAMES}))\s*$",
    ("$", "€", "£", "¥", "₽", "₹", *_CURRENCY_CODES.split("|"), *(code + "." for code in _CURRENCY_CODES.split("|")),
     ",", "and", "or", "to", "-", "–", "age", "aged", "ages", "between", "of", "no.", "nos.", "number", "km",
     "kilometre", "kilometer", *_REJECTED_NAMES.split("|")))
#: Before an amount, capitalised: a month ("August 8") or a name's word ("Route 66", "Brigade 2").
_NAME_WORDS = (
    "Route|Highway|Motorway|Road|Street|Avenue|Resolution|Article|Section|Paragraph|Chapter|Page|Unit|"
    "Building|Block|Zone|District|Sector|Checkpoint|Gate|Post|Hill|Height|Flight|Platform|Line|Phase|Stage|Level|"
    "Brigade|Battalion|Regiment|Division|Army|Corps|Squadron|Company|Platoon|Group|Fleet|Camp|Base|Station|"
    "Terminal|Protocol|Amendment|Model|Type|Mark|Mk|Series|Version|Vol|Volume|Issue|Episode|Season|Day|Week|"
    "Year|Round|Term|Clause|Decree|Law|Bill|Act|Lot|Plot|Ward|Precinct|Grid|Square|Bus|Train|Apartment|House|"
    "Room|Floor|School|Hospital|Category|Channel|Generation|Item|Annex|Figure|Table|Exit|Junction|Grade|Class|"
    "Number|No|Nos")
_BEFORE_NAME = _TailRe(re.compile(rf"(?:{_MONTHS}|\b(?:{_NAME_WORDS})\b\.?)\s*$"), _MONTH_ENDINGS + tuple(
    w.lower() + dot for w in _NAME_WORDS.split("|") for dot in ("", ".")))
_ONE_BEFORE = _Caseless(r"\b(?:no|any|every|each|the|this|that|which|such|another|last|same|other|little|"
                        r"only\s+the)\s+$")
_ONE_AFTER = _Caseless(r"\s+(?:of|another|by\s+one|or\s+(?:an)?other|after\s+another|side|hand|way|thing|point|"
                       r"and\s+the\s+same|and\s+only|in\s+(?:a|every|ten|five|four|three)|with)\b|['’]s\b")
_YEAR_WORDS = ("in|since|by|until|till|from|of|during|before|after|early|late|mid|spring|summer|autumn|fall|winter|"
               "year|the|circa")
_YEAR_BEFORE = _TailRe(re.compile(rf"(?:\b(?:{_YEAR_WORDS})|{_MONTHS},?)[\s-]*$", re.I),
                       (*_YEAR_WORDS.split("|"), *_MONTH_ENDINGS, *(m + "," for m in _MONTH_ENDINGS)), hyphens=True)
_COUNT_AHEAD = _Caseless(rf"\s+(?:[\w'’-]+\s+){{0,2}}?(?:{_COUNTED})\b")
_EQUALS_BEFORE = re.compile(r"[=:]\s*$")
_QUALIFIER = _Tail(
    r"(?<![\w-])(?P<q>up\s+to|as\s+many\s+as|as\s+few\s+as|at\s+least|at\s+most|more\s+than|less\s+than|"
    r"fewer\s+than|no\s+(?:more|less|fewer)\s+than|not\s+(?:more|less|fewer)\s+than|(?:well|just)\s+(?:over|under)|"
    r"over|under|above|below|about|around|approximately|approx\.|roughly|nearly|almost|close\s+to|some|"
    r"an\s+estimated|estimated|upwards\s+of|in\s+excess\s+of|more\s+or\s+less|circa|between|"
    r"a\s+maximum\s+of|a\s+minimum\s+of)\s+(?:(?:a\s+total\s+of|an\s+estimated|some)\s+)?$",
    ("to", "as", "least", "most", "than", "over", "under", "above", "below", "about", "around", "approximately",
     "approx.", "roughly", "nearly", "almost", "some", "estimated", "of", "less", "circa", "between"))
_LOW_QUALIFIERS = frozenset({"at least", "more than", "over", "above", "no fewer than", "no less than",
                             "not fewer than", "not less than", "upwards of", "in excess of", "just over", "well over",
                             "a minimum of"})
_HIGH_QUALIFIERS = frozenset({"up to", "as many as", "at most", "no more than", "not more than", "fewer than",
                              "less than", "under", "below", "nearly", "almost", "close to", "just under", "well under",
                              "a maximum of"})
_FROM_BEFORE = re.compile(r"\bfrom\s+$", re.I)
_SCALE_AT_END = re.compile(r"(?:million|billion|thousand|bn|mn)$", re.I)
_SEPARATORS = re.compile(r"[,\u00a0\u202f\u2009]")
_WORD = re.compile(r"[a-z]+")



def _trie(words: Iterable[str]) -> str:
    """An alternation of ``words`` as a prefix tree: the regex engine tries one letter at a time.

    >>> _trie(["ten", "tens", "two"])
    '(?:t(?:en(?:s)?|wo))'
    """
    root: dict[str, dict] = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        branches = [re.escape(char) + emit(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
        return f"(?:{body})?" if "" in node else body

    return f"(?:{emit(root)})"


_ANCHOR_WORDS = [*_SMALL_VALUES, *_TENS_WORDS, "half", "dozens", "hundreds", "thousands", "millions", "scores", "tens",
                 "several", "many", "numerous", "countless"]
_AFTER_A = ["few", "handful", "dozen", "hundred", "thousand", "million", "billion", *_NUMBER_ADJECTIVES, "number"]
#: Where an amount may start: a digit, a number word, "a" before "few", "dozen", ... (_SCAN runs only there;
#: running it at every character costs ten times as much).
_ANCHOR = _Caseless(rf"(?<!\w)(?:\d|(?:{_trie(_ANCHOR_WORDS)}|an?\s+{_trie(_AFTER_A)})\b)")

_NUMBER_STEMS = (r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
                 r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|"
                 r"hundred|thousand|million|billion|dozen|score|several|many|few|handful|numerous|countless|tens|"
                 r"number")


def find_numbers(sentence: str) -> list[Quantity]:
    """The amounts stated in ``sentence``, in order, with their qualifiers.

    >>> [(q.text, q.value, q.low, q.high, q.qualifier) for q in find_numbers("At least 12 died and up to 400 fled.")]
    [('At least 12', 12, 12, None, 'at least'), ('up to 400', 400, None, 400, 'up to')]
    >>> [(q.value, q.vague) for q in find_numbers("Tens of thousands marched; 1.5 million watched.")]
    [(None, 'tens of thousands'), (1500000, None)]
    >>> find_numbers("In 2008 the 58th Army fired 82mm mortars from Su-24s at 10:00 on 8 August.")
    []
    """
    return _scan(_Text.of(sentence))  # without an anchor (a digit, a number word) this costs a few µs


def _scan(sentence: _Text) -> list[Quantity]:
    found: list[Quantity] = []
    consumed = 0
    for anchor in _ANCHOR.finditer(sentence):
        if anchor.start() < consumed:
            continue
        m = _SCAN.match(sentence, anchor.start())
        if m is None:
            continue
        if m["skip"] is not None:
            consumed = m.end()
            continue
        if m["vague"] is not None:
            consumed = m.end()
            quantity = _vague(sentence, m)
            if quantity is not None:
                found.append(quantity)
            continue
        quantities, consumed = _amounts(sentence, m)
        found.extend(quantities)
    return found


def _rejected(sentence: _Text, start: int, end: int) -> bool:
    """Whether the words around sentence[start:end] say it is no amount: "82mm", "$500", "Route 66"."""
    lo = max(0, start - 25)
    if _after_rejected(sentence, end) or _BEFORE_REJECT.search(sentence, lo, start):
        return True
    # _BEFORE_NAME starts with a capital: none is there where the window equals its lower-cased copy.
    return (sentence.low is None or sentence[lo:start] != sentence.low[lo:start]) and bool(
        _BEFORE_NAME.search(sentence, lo, start))


def _after_rejected(sentence: _Text, end: int) -> bool:
    """Whether the words after an amount ending at ``end`` say it is none: "82mm", "5 days", "12 Main St"."""
    return bool(_AFTER_REJECT.match(sentence, end) or _AFTER_NAME.match(sentence, end))


def _vague(sentence: _Text, m: re.Match[str]) -> Quantity | None:
    start, end = m.span()
    if _rejected(sentence, start, end):
        return None  # "a few days", "many times", "hundreds of dollars" is caught later by the noun
    start, qualifier = _qualifier(sentence, start)
    return Quantity(start, end, sentence[start:end], None, vague=" ".join(m["vague"].lower().split()),
                    qualifier=qualifier)


def _amounts(sentence: _Text, m: re.Match[str]) -> tuple[list[Quantity], int]:
    """The Quantity of a number match (two for "from 20 to 30"), and where the match ends."""
    start, end = m.span()
    first, second = m["num"], m["num2"]
    if second is not None and m["sep"].strip().lower() == "to" and _FROM_BEFORE.search(sentence, max(0, start - 8),
                                                                                       start):
        if _after_rejected(sentence, end):
            return [], end  # "from 5 to 8 hours"
        a = _single(sentence, m.start("num"), m.end("num"))
        b = _single(sentence, m.start("num2"), m.end("num2"))
        return [q for q in (a, b) if q is not None], end
    if second is None:
        q_start, qualifier = _qualifier(sentence, start)
        if qualifier == "between" and (more := _AND_NUM.match(sentence, end)):
            second, end = more["num2"], more.end()
        else:
            quantity = _single(sentence, start, end, (q_start, qualifier))
            return ([quantity] if quantity is not None else []), end
    if _rejected(sentence, start, end):
        return [], end
    low, high = _decimal(first), _decimal(second)
    if low is None or high is None:
        return [], end
    if _SCALE_AT_END.search(second) and not _SCALE_AT_END.search(first):
        scale = _SCALE_VALUES[_SCALE_AT_END.search(second)[0].lower()]  # type: ignore[index]
        if low * scale <= high:
            low *= scale  # "1-2 million", "two to three thousand"
    if low != low.to_integral_value() or high != high.to_integral_value():
        return [], end
    q_start, qualifier = _qualifier(sentence, start)
    return [Quantity(q_start, end, sentence[q_start:end], int(low), int(low), int(high), qualifier=qualifier)], end


def _single(sentence: _Text, start: int, end: int, told: tuple[int, str | None] | None = None) -> Quantity | None:
    """One figure at sentence[start:end] unless its context says it is not an amount (``told``: its
    :func:`_qualifier`, when the caller has it)."""
    text = sentence[start:end]
    if _rejected(sentence, start, end):
        return None
    if text.lower() == "one" and (_ONE_AFTER.match(sentence, end) or (
            _ONE_BEFORE.search(sentence, max(0, start - 12), start) and not _NOUN_AFTER.match(sentence, end))):
        return None  # "one of the", "no one", "the one that"; not "in which one soldier died"
    if (text.isdigit() and int(text) <= _MAX_AGE and _AGE_AFTER.match(sentence, end)
            and _AGE_BEFORE.search(sentence, max(0, start - 40), start)):
        return None  # "a man, 25, was killed"
    q_start, qualifier = _bounded(sentence, start, end, told)
    if len(text) == 4 and text.isdigit() and 1500 <= int(text) <= 2100:  # a year unless counted
        if _YEAR_BEFORE.search(sentence, max(0, q_start - 12), q_start):
            return None
        if qualifier is None and not (_COUNT_AHEAD.match(sentence, end)
                                      or _EQUALS_BEFORE.search(sentence, max(0, start - 3), start)):
            return None
    value = _decimal(text)
    if value is None or value != value.to_integral_value():
        return None  # "3.5" without a scale word is no count
    number = int(value)
    low = number if qualifier in _LOW_QUALIFIERS else None
    high = number if qualifier in _HIGH_QUALIFIERS else None
    return Quantity(q_start, end, sentence[q_start:end], number, low, high, qualifier=qualifier)


def _qualifier(sentence: _Text, start: int) -> tuple[int, str | None]:
    """Where the amount starts once its qualifier is included, and the qualifier."""
    m = _QUALIFIER.search(sentence, max(0, start - 40), start)
    if m is None:
        return start, None
    return m.start(), " ".join(m["q"].lower().split())


def _bounded(sentence: _Text, start: int, end: int,
             told: tuple[int, str | None] | None = None) -> tuple[int, str | None]:
    """_qualifier (``told``, when known), without a "between" that no "and" follows ("split between 3 events")."""
    q_start, qualifier = told or _qualifier(sentence, start)
    if qualifier == "between":
        return start, None
    return q_start, qualifier


def _decimal(text: str) -> Decimal | None:
    """The value of a figure in digits or words ("1,500", "1.5 million", "two hundred and fifty")."""
    text = text.lower()
    if text[0].isdigit():
        scale = _SCALE_AT_END.search(text)
        digits = _SEPARATORS.sub("", text[:scale.start()] if scale else text).strip()
        return Decimal(digits) * (_SCALE_VALUES[scale[0]] if scale else 1)
    return Decimal(_word_value(text))


def _word_value(text: str) -> int:
    """ "two hundred and fifty" -> 250, "a dozen" -> 12, "half a million" -> 500000."""
    total = current = 0
    half = False
    for word in _WORD.findall(text):
        if word == "half":
            half = True
        elif word == "a":
            current = current or 1
        elif word in _SMALL_VALUES:
            current += _SMALL_VALUES[word]
        elif word == "hundred":
            current = (current or 1) * 100
        elif word == "dozen":
            current = (current or 1) * 12
        elif word in _SCALE_VALUES:
            total += (current or 1) * _SCALE_VALUES[word]
            current = 0
    value = total + current
    return value // 2 if half else value


# --- nouns after an amount ---------------------------------------------------------------------
# Group names are the noun's class; order matters where a longer name starts with another
# class's noun ("personnel carriers", "fighter jets", "aerial vehicles").
_NOUN_CLASSES = (
    ("vehicles", r"(?:armou?red\s+)?personnel\s+carriers?|(?:infantry\s+)?fighting\s+vehicles?|vehicles?|cars?|"
                 r"trucks?|lorr(?:y|ies)|vans?|minibus(?:es)?|buses|bus|tanks?|apcs?|ifvs?|btrs?|bmps?|jeeps?|"
                 r"pick-?ups?|technicals|motorcycles?|motorbikes?|ambulances?|trailers?|tractors?|humvees?|"
                 r"armou?red\s+cars?|bulldozers?|excavators?|tankers?|(?:t|bmp|btr|brdm|mt-lb)-\d+\w*"),
    ("aircraft", r"(?:unmanned\s+)?aerial\s+vehicles?|fighter(?:-|\s+)(?:jets?|planes?|aircraft|bombers?)|"
                 r"aircraft|aeroplanes?|airplanes?|(?:war)?planes?|jets?|helicopters?|choppers?|gunships?|"
                 r"bombers?|drones?|uavs?|shaheds?|(?:su|mig|tu|mi|ka|an|il|f)-\d+\w*|migs?"),
    ("munition", r"rockets?|missiles?|shells?|bombs?|mortars?|rounds?|grenades?|(?:land)?mines?|projectiles?|"
                 r"bullets?|munitions?|warheads?|ieds?|explosives?|bomblets?|grads?|katyushas?|salvos?|volleys?|"
                 r"shots?|barrages?"),
    ("other", r"villages?|towns?|cities|city|settlements?|hamlets?|houses?|homes?|buildings?|apartments?|"
              r"flats?|shops?|stores?|schools?|hospitals?|clinics?|mosques?|churches?|bridges?|roads?|streets?|"
              r"positions?|posts?|checkpoints?|bases?|camps?|districts?|regions?|provinces?|areas?|"
              r"neighbou?rhoods?|blocks?|floors?|rooms?|offices?|facilities|facility|warehouses?|depots?|"
              r"stations?|airports?|airfields?|ports?|ships?|boats?|vessels?|warships?|trains?|wagons?|sorties?|"
              r"flights?|targets?|sites?|locations?|cattle|cows?|goats?|sheep|camels?|livestock|animals?|horses?|"
              r"donkeys?|dogs?|weapons?|guns?|rifles?|firearms?|cases?|incidents?|attacks?|strikes?|"
              r"airstrikes?|raids?|clashes|battles?|explosions?|blasts?|occasions?|events?|reports?|families|"
              r"family|households?|farms?|fields?|tents?|shelters?|units?|brigades?|battalions?|regiments?|"
              r"divisions?|companies|groups?|organi[sz]ations?|parties|countries|states|nations|municipalities|"
              r"counties|wards?|communes?|sectors?|fronts?|trenches|bunkers?|tunnels?|votes?|seats?|pages?|"
              r"articles?|items?|tonnes?|tons?|kilograms?|cameras?|phones?|laptops?|computers?|crops?|trees?|"
              r"hectares?|acres?|wells?|pumps?|generators?|containers?|boxes|bags?|sacks?|crates?|bottles?"),
    ("fatalities", r"fatalit(?:y|ies)|deaths?|dead|bod(?:y|ies)|corpses?|lives"),
    ("injured", r"injur(?:y|ies)|wounded|injured"),
    ("displaced", r"refugees?|idps?|evacuees?|displaced|asylum(?:-|\s+)seekers?|internally\s+displaced\s+persons?"),
    ("people", r"troops?|soldiers?|servicem[ae]n|servicewom[ae]n|service\s+members?|personnel|fighters?|"
               r"militants?|rebels?|insurgents?|militiam[ae]n|militia\s+members?|combatants?|guerrill?as?|"
               r"jihadists?|separatists?|gunm[ae]n|attackers?|assailants?|raiders?|volunteers?|mercenar(?:y|ies)|"
               r"recruits?|reservists?|conscripts?|cadets?|paratroopers?|marines?|commandos?|sailors?|airmen|"
               r"police\s+officers?|officers?|policem[ae]n|policewom[ae]n|police|gendarmes?|guards?|"
               r"peacekeepers?|protesters?|protestors?|demonstrators?|marchers?|rioters?|strikers?|"
               r"participants?|supporters?|activists?|picketers?|cossacks?|partisans?|commanders?|leaders?"),
    ("persons", r"people|persons?|civilians?|m[ae]n|wom[ae]n|child(?:ren)?|kids?|boys?|girls?|bab(?:y|ies)|"
                r"infants?|toddlers?|minors?|teenagers?|teens?|youths?|youngsters?|adults?|elderly|residents?|"
                r"villagers?|inhabitants?|locals?|citizens?|nationals?|farmers?|herders?|herdsm[ae]n|"
                r"school(?:girl|boy)s?|schoolchildren|"
                r"shepherds?|fisherm[ae]n|hunters?|miners?|students?|pupils?|interns?|teachers?|doctors?|"
                r"nurses?|medics?|paramedics?|journalists?|reporters?|photographers?|workers?|employees?|staff|"
                r"contractors?|drivers?|passengers?|pedestrians?|motorists?|commuters?|traders?|merchants?|"
                r"shopkeepers?|vendors?|worshippers?|pilgrims?|priests?|clerics?|imams?|monks?|nuns?|leaders?|"
                r"elders?|chiefs?|politicians?|officials?|lawyers?|judges?|members?|relatives?|patients?|"
                r"pensioners?|others|individuals?|hostages?|detainees?|prisoners?|captives?|suspects?|migrants?|"
                r"settlers?|tourists?|foreigners?|humanitarians?|spectators?|fans?|players?|crew|crewmen|"
                r"casualties|victims?|person|ones|brothers?|sisters?|sons?|daughters?|husbands?|wives|wife|"
                r"mothers?|fathers?|parents?|cousins?|nephews?|nieces?|georgians?|ossetians?|russians?|"
                r"ukrainians?|israelis?|palestinians?|syrians?|afghans?|iraqis?|yemenis?|somalis?|sudanese|"
                r"nigerians?|malians?|kurds?|arabs?"),  # lower case: every pattern of these nouns ignores case
)
_NOUN_ALT = "|".join(f"(?P<{name}>{pattern})" for name, pattern in _NOUN_CLASSES)
#: Adjectives that stand for people only right after a figure ("3 dead", "5 wounded"); after a noun they are
#: its predicate ("left 3 police personnel dead").
_ADJECTIVE_NOUNS = ("dead", "wounded", "injured", "displaced")
_HEAD_ALT = "|".join(f"(?P<{name}>{'|'.join(a for a in pattern.split('|') if a not in _ADJECTIVE_NOUNS)})"
                     for name, pattern in _NOUN_CLASSES)
_CUE_WORDS = (r"killed|kill|kills|killing|dead|died|die|dies|dying|perished|slain|shot|executed|murdered|massacred|"
              r"wounded|injured|hurt|maimed|hospitali[sz]ed|displaced|fled|flee|fleeing|evacuated|protested|"
              r"demonstrated|rallied|marched|gathered|deployed|arrived|reported|said|says|told|lost|left|remain|"
              r"remained|remains|missing|arrested|detained|abducted|captured|kidnapped|released")
_NP_STOP = (rf"and|or|but|nor|were|was|are|is|be|been|being|have|has|had|will|would|could|may|might|who|whom|"
            rf"whose|which|that|when|while|where|after|before|during|since|until|as|than|if|because|in|on|at|"
            rf"near|from|to|by|with|without|into|onto|for|across|through|over|under|between|among|including|of|"
            rf"the|a|an|their|his|her|its|our|they|them|whom|us|it|all|both|each|{_CUE_WORDS}")
_TOKEN = r"[\w'’-]+(?:[/.][\w'’-]+)*"  # "Su-24", "BH/IS", "U.S."
# A word inside a noun phrase: no stop word, no verb in -ing ("trucks carrying 400 volunteers"); after an
# amount, no figure either.
_MOD_WORD = rf"(?!(?:{_NP_STOP})(?![\w'’-]))(?![\w'’-]*ing(?![\w'’-])){_TOKEN}"
_NP_WORD = rf"(?!\d+(?:[.,]\d+)*(?![\w'’-])){_MOD_WORD}"  # no figure; "16-year-old" is a word
#: The noun an amount counts: up to three modifiers, then a known noun (greedy: the head, "police vehicles").
_NOUN_AFTER = _Caseless(rf"(?:\s+of(?:\s+(?:the|these|those))?)?(?:\s+{_NP_WORD}){{0,3}}\s+(?:{_HEAD_ALT})"
                        rf"(?![\w-])")
#: More people without a figure after the noun: "7 soldiers and alleged mercenaries were killed" (all counted as 7).
_MORE_PEOPLE = _Caseless(
    rf"\s+and\s+(?:{_NP_WORD}\s+){{0,2}}(?:{_NOUN_CLASSES[-1][1]}|{_NOUN_CLASSES[-2][1]})(?![\w-])")
#: Else an adjective standing for people, right after the figure ("3 dead and 5 wounded").
_ADJECTIVE_AFTER = _Caseless(rf"\s+(?:{_NOUN_ALT})(?![\w-])")
_PERSONS = frozenset({"fatalities", "injured", "displaced", "people", "persons"})
_THINGS = frozenset({"munition", "other"})

# --- roles from the words around an amount -------------------------------------------------------
_FATAL_LEFT = (r"kill(?:ed|ing|s)|shot\s+dead|shooting\s+dead|fatally\s+(?:shot|shooting|stabb(?:ed|ing)|"
               r"wound(?:ed|ing)|injur(?:ed|ing)|beat(?:en|ing)?|hit(?:ting)?|struck|striking)|"
               r"gunn(?:ed|ing)\s+down|execut(?:ed|ing)|"
               r"massacr(?:ed|ing)|assassinat(?:ed|ing)|"
               r"slaughter(?:ed|ing)|murder(?:ed|ing)|behead(?:ed|ing)|"
               r"(?:claim(?:ed|ing|s)?|took|taking|takes?|cost(?:ing|s)?)\s+the\s+lives\s+of|"
               r"(?:the\s+)?(?:dead\s+)?bod(?:y|ies)\s+of|the\s+deaths?\s+of|(?:the\s+)?remains\s+of|"
               r"(?:death|victim|casualty|fatality)\s+(?:toll|count|figure|tally|number)s?\b[^.;]{0,40}?"
               r"\b(?:to|at|of|reached|hit|is|was|stood\s+at|stands\s+at|now|past|passed|topped|exceeded|surpassed)|"
               r"(?:fatalities|deaths)\b[^.;]{0,30}?\bcoded\s+as|(?:killed|dead|deaths|fatalities)\s*[:=]|"
               r"(?:the\s+)?killing\s+of")
_INJURED_LEFT = (r"injur(?:ed|ing|es)(?:\s+of)?|wound(?:ed|ing|s)|hurt(?:ing)?|maim(?:ed|ing)|"
                 r"(?:injured|wounded|injuries)\s*[:=]")
_DISPLACED_LEFT = (r"displac(?:ed|ing|es)|evacuat(?:ed|ing|es)|uproot(?:ed|ing)|expell(?:ed|ing)|deport(?:ed|ing)|"
                   r"relocat(?:ed|ing)|(?:refugees|displaced|idps)\s*[:=]")
_PEOPLE_LEFT = (r"size\s*=|(?:crowd|group|gathering|rally|march|column|contingent|force|detachment|delegation|"
                r"procession|mob)\s+of|deploy(?:ed|ing|s)|sen(?:t|ding|ds)|dispatch(?:ed|ing)|mobili[sz](?:ed|ing)|"
                r"(?:attended|joined)\s+by|numbering|involving|comprising|drew|drawing|brought\s+together")
_NONE_LEFT = (r"arrest(?:ed|ing|s)|detain(?:ed|ing|s)|abduct(?:ed|ing|s)|kidnapp?(?:ed|ing|s)|captur(?:ed|ing|es)|"
              r"seiz(?:ed|ing)|releas(?:ed|ing)|freed|exchang(?:ed|ing)|swapp?(?:ed|ing)|rescu(?:ed|ing)|"
              r"sentenc(?:ed|ing)|condemn(?:ed|ing)|convict(?:ed|ing)|(?:took|taking|held|holding)\s+hostage|"
              r"treat(?:ed|ing)")
#: A verb or noun just before an amount ("killing 3", "death toll rose to 30", "[size=2500]").
_LEFT_CUE = _Caseless(
    rf"\b(?:(?P<fatalities>{_FATAL_LEFT})|(?P<injured>{_INJURED_LEFT})|(?P<displaced>{_DISPLACED_LEFT})"
    rf"|(?P<people>{_PEOPLE_LEFT})|(?P<none>{_NONE_LEFT}))\s*(?:(?:the|a\s+total\s+of|another|a\s+further|"
    rf"an\s+additional|an\s+estimated|a\s+reported)\s+)?$")
#: A word part each match of :data:`_LEFT_CUE` holds: where none is near, the search is skipped.
_LEFT_STEMS = re.compile(_trie([
    "kill", "shot", "shoot", "fatally", "gunn", "execut", "massacr", "assassinat", "slaughter", "murder", "behead",
    "lives", "bod", "death", "remains", "victim", "casualty", "fatalit", "coded", "dead",  # fatalities
    "injur", "wound", "hurt", "maim",  # injured
    "displac", "evacuat", "uproot", "expell", "deport", "relocat", "refugees", "idps",  # displaced
    "size", "crowd", "group", "gathering", "rally", "march", "column", "contingent", "force", "detachment",
    "delegation", "procession", "mob", "deploy", "sent", "send", "dispatch", "mobili", "attended", "joined",
    "numbering", "involving", "comprising", "drew", "draw", "brought",  # people
    "arrest", "detain", "abduct", "kidnap", "captur", "seiz", "releas", "freed", "exchang", "swap", "rescu",
    "sentenc", "condemn", "convict", "hostage", "treat",  # none
]))
_FATAL_RIGHT = (r"(?:wounded|injured|hurt)\s+and\s+(?:later\s+)?(?:died|succumbed)|"
                r"killed|dead|died|die|dies|perished|drowned|slain|succumbed|"
                r"lost\s+(?:their|his|her)\s+li(?:ves|fe)|"
                r"shot\s+dead|shot\s+and\s+(?:killed|died)|gunned\s+down|assassinated|"
                r"(?:shot|stabbed|beaten|burned|burnt|hacked|tortured|clubbed|stoned|lynched|hanged)\s+to\s+death|"
                r"executed|murdered|massacred|beheaded")
_INJURED_RIGHT = (r"wounded|injured|hurt|maimed|hospitali[sz]ed|shot\s+and\s+(?:injured|wounded)|"
                  r"(?:suffered|sustained|received)\s+(?:\w+\s+)?(?:injuries|wounds)")
_DISPLACED_RIGHT = (r"displaced|fled|flee|fleeing|to\s+(?:flee|leave\s+(?:their|his|her)\s+homes?|evacuate)|"
                    r"evacuated|left\s+(?:their|his|her)\s+homes?|(?:made|left)\s+homeless|homeless|"
                    r"(?:sought|seeking|took|taking)\s+(?:refuge|shelter)|uprooted")
_PEOPLE_RIGHT = (r"protested|protesting|demonstrated|demonstrating|rallied|rallying|marched|marching|gathered|"
                 r"gathering|assembled|(?:took|taking|take)\s+part|participated|participating|attended|attending|"
                 r"staged|picketed|picketing|deployed|arrived|massed|crossed|entered|joined|strong")
_AUX = (r"were|was|are|is|have|has|had|been|being|be|got|get|reportedly|reported|confirmed|believed|said|thought|"
        r"feared|found|later|also|all|both|subsequently|allegedly|now|presumed|seriously|critically|badly|slightly|"
        r"lightly|fatally|mortally|severely|each|to\s+be|to\s+have\s+been|among\s+the|left|"
        r"(?:abduct|kidnapp|captur|tortur|beat|rap|shot|attack|ambush|arrest|handcuff|bound|tied|robb|stabb|"
        r"blindfold)\w*\s+and|(?:shot|stabbed|hit|struck|wounded)\s+in\s+the\s+\w+\s+and")
_CLAUSE_STOP = (r"and|or|but|who|whom|which|that|when|while|where|after|before|because|since|as|than|said|says|told|"
                r"according|killing|injuring|wounding|if|although|though|whereas|unless|until|by")
#: Between a person and the predicate: "(including a commander)", "aged 7 and 9", ", 25,".
_ASIDE = (r"\s*\([^()]{0,80}\)|,?\s+aged?\s+(?:between\s+)?\d{1,3}(?:\s*(?:,|and|or|to|-|–)\s*\d{1,3})*,?"
          r"|\s*,\s*\d{1,3}(?:\s*(?:,|and|or)\s*\d{1,3})*\s*,")
#: A place or a unit named after a person: "from Saqba in Rural Damascus", "of the Guardians of the Republic's 5th
#: Brigade".
_NAMED_PP = (r"\s+(?:from|of|in|at|near)\s+(?:the\s+)?(?-i:[A-Z0-9][\w'’.-]*)"
             r"(?:\s+(?:(?:of|de|al)\s+(?:the\s+)?)?(?-i:[A-Z0-9][\w'’.-]*))*")
#: The predicate after an amount and its noun ("... were reported dead", "... fled", "... protested").
_RIGHT_CUE = re.compile(
    rf"(?:{_ASIDE})?(?:{_NAMED_PP}){{0,2}}(?:{_ASIDE})?(?:\s+of\s+(?:them|whom|those|these|us|the\s+[\w'’-]+))?"
    rf"(?:\s+(?!(?:{_CLAUSE_STOP})\b){_TOKEN}){{0,3}}?"
    rf"(?P<aux>(?:\s*[,)])?(?:\s+(?:{_AUX})\b)*)[\s-]+(?:(?P<fatalities>{_FATAL_RIGHT})|(?P<injured>{_INJURED_RIGHT})"
    rf"|(?P<displaced>{_DISPLACED_RIGHT})|(?P<people>{_PEOPLE_RIGHT}))(?![\w-])", re.I)
#: A word part each match of :data:`_RIGHT_CUE` holds (in its predicate).
_RIGHT_STEMS = re.compile(_trie([
    "kill", "dead", "die", "perish", "drown", "slain", "succumb", "lost", "shot", "gunned", "assassinat", "death",
    "execut", "murder", "massacr", "behead",  # fatalities
    "wound", "injur", "hurt", "maim", "hospitali",  # injured
    "displac", "fled", "flee", "leave", "evacuat", "left", "homeless", "refuge", "shelter", "uproot",  # displaced
    "protest", "demonstrat", "rall", "march", "gather", "assembl", "part", "attend", "staged", "picket", "deploy",
    "arriv", "massed", "crossed", "entered", "joined", "strong",  # people
]))
#: After a bare verb: an object makes it active ("5 soldiers killed 3 civilians"), not a count of the dead.
_OBJECT_AHEAD = _Caseless(
    rf"\s+(?:\d|(?:a|an|the|his|her|their|its|our|this|these|those|several|many|dozens|scores|hundreds|thousands|"
    rf"at\s+least|more\s+than|nearly|about|up\s+to|some|{_NUMBER_STEMS})\b)")
#: A verb joined to the predicate ("shot and killed"): active like the predicate, no auxiliary.
_VERB_AND = re.compile(r"\s+\w+\s+and(?!\w)", re.I)
_TRANSITIVE = frozenset({"killed", "wounded", "injured", "hurt", "shot dead", "displaced", "evacuated", "executed",
                         "murdered", "massacred", "beheaded", "maimed", "crossed", "entered", "joined", "staged",
                         "attended", "deployed"})
_STRONG = re.compile(r"-strong\b", re.I)
#: A death named as a cause or a background, not as what the event did: "protested over the death of a
#: driver", "after the killing of 3 soldiers", "demanding justice for the murder of".
_CAUSE_BEFORE = _Caseless(
    r"\b(?:over|against|after|following|for|about|at|since|"
    r"in\s+(?:relation|connection|response|reaction|protest)\s+to|"
    r"(?:protest|mourn|condemn|denounc|commemorat|investigat|avenge|retaliat)\w*)\s+(?:the\s+)?"
    r"(?:(?:[\w-]+\s+and\s+)?(?:recent|alleged|brutal|suspicious|earlier)\s+)?"
    r"(?:[\w-]+\s+and\s+)?(?:deaths?|killings?|murders?|bod(?:y|ies)|assassination|lynching|remains)\s+of\s+$")
_MORE_BEFORE = re.compile(r"\b(?:another|a\s+further|an\s+additional|additional|further)\s+$", re.I)
_MORE_AFTER = re.compile(r"\s+(?:more|other|others)\b", re.I)
_ALSO_AFTER = re.compile(r"(?:\s+(?:were|was|have|has|had|are|is|reportedly))*\s+also\b", re.I)
_A_WORD = re.compile(r"\s+[a-z]", re.I)
_TO_DEATH = re.compile(r"\s+to\s+death\b", re.I)
_EITHER = (r"killed|dead|died|injured|wounded|hurt|captured|arrested|detained|abducted|kidnapped|missing|"
           r"taken\s+prisoner|surrendered")
#: A casualty given as one of several fates: "killed or injured", "killed, injured or captured".
_EITHER_AFTER = _Caseless(rf"(?:\s*,\s*(?:{_EITHER}))*\s*,?\s+(?:or|and/or)\s+(?:{_EITHER})\b")
_EITHER_BEFORE = _Caseless(
    r"\b(?:kill(?:ed|ing)|injur(?:ed|ing)|wound(?:ed|ing))(?:\s*,\s*\w+)*\s*,?\s+(?:or|and/or)\s+"
    r"(?:kill(?:ed|ing)|injur(?:ed|ing)|wound(?:ed|ing)|captur(?:ed|ing)|arrest(?:ed|ing)|detain(?:ed|ing)|"
    r"abduct(?:ed|ing))\s+(?:(?:a\s+)?total\s+of\s+|an?\s+estimated\s+|some\s+)?$")
#: Participles that describe a person before the noun ("a displaced person", "an unarmed man").
_STATES = r"displaced|wounded|injured|abducted|detained|missing|unarmed|armed|reported|suspected|alleged"
_SINGULAR_NOUNS = (r"civilian|man|woman|child|boy|girl|baby|infant|toddler|teenager|teen|youth|person|resident|"
                   r"villager|farmer|herder|herdsman|shepherd|fisherman|student|pupil|teacher|doctor|nurse|medic|"
                   r"paramedic|journalist|reporter|photographer|worker|employee|contractor|driver|passenger|"
                   r"pedestrian|motorist|trader|merchant|shopkeeper|vendor|worshipper|pilgrim|priest|cleric|imam|"
                   r"pastor|chief|elder|leader|politician|official|lawyer|judge|member|relative|patient|pensioner|"
                   r"soldier|serviceman|servicewoman|officer|policeman|policewoman|police\s+officer|guard|gendarme|"
                   r"peacekeeper|fighter|militant|rebel|insurgent|militiaman|commander|volunteer|protester|"
                   r"protestor|demonstrator|activist|hostage|detainee|prisoner|migrant|refugee|individual|"
                   r"brother|sister|son|daughter|husband|wife|mother|father|cousin|nephew|niece|local|citizen|victim|"
                   r"suspect|adolescent|owner|gunman|assailant|attacker|bodyguard|councillor|councilor|mayor")
#: One person named without a figure: "a civilian", "a 48-year-old trader", "one of them", "the driver",
#: "his wife", "him" ("killing him").
_SINGULAR = _Caseless(
    rf"(?<![\w-])(?:(?P<one>one\s+of\s+(?:them|those|these|the|their|its|his|her)"
    rf"(?:(?:\s+{_NP_WORD}){{0,2}}\s+(?:{_NOUN_CLASSES[-1][1]}|{_NOUN_CLASSES[-2][1]}))?)"
    rf"|(?P<definite>the|his|her|their|its)(?:\s+{_NP_WORD}){{0,2}}\s+(?:{_SINGULAR_NOUNS})"
    rf"|(?P<pronoun>him|her(?=\s*(?:[.,;:)]|$|\s+(?:and|or|in|on|at|with|while|as|after|before|near|during|by|from|"
    rf"inside|outside|dead)\b)))|an?(?:\s+(?:{_MOD_WORD}|{_STATES})){{1,3}})(?![\w-])")
#: Nouns of bodies that a person noun used as an adjective may qualify: "a local rights group", "a local news
#: outlet".
_BODY_NOUNS = (r"groups?|organi[sz]ations?|outlets?|agenc(?:y|ies)|networks?|monitors?|councils?|committees?|"
               r"media|news|sources?|radio|stations?|television|tv|newspapers?|websites?|bod(?:y|ies)|ngos?|"
               r"offices?|authorit(?:y|ies)|administrations?|officials|residents|police")
#: The longest reading of "a ..." that ends in a person noun: "a local leader", "a man" in "a man armed with".
_A_PERSON = _Caseless(rf"an?(?:\s+(?:{_MOD_WORD}|{_STATES})){{0,3}}\s+(?:{_SINGULAR_NOUNS})"
                      rf"(?:\s+and\s+(?:{_SINGULAR_NOUNS}))?(?![\w-])"  # "an official and activist": one
                      rf"(?!(?:\s+[\w-]+)?\s+(?:{_BODY_NOUNS})\b)")  # "a local rights group" is no person
#: Two people named without a figure: "both victims", "both of the officers" (not "both soldiers and civilians").
_BOTH = _Caseless(rf"(?<![\w-])(?P<both>both)(?:\s+of)?(?:\s+(?:the|these|those))?(?:\s+{_NP_WORD}){{0,2}}"
                  rf"\s+(?:{_NOUN_CLASSES[-1][1]}|{_NOUN_CLASSES[-2][1]})(?![\w-])(?!\s+and\b)")
#: One death told as a result: "resulting in his death", "which led to her death".
_HIS_DEATH = _Caseless(r"\b(?:result(?:ed|ing|s)?\s+in|le(?:d|ad|ading|ads)\s+to|caus(?:ed|ing|es))\s+"
                       r"(?P<s>(?:his|her)\s+death)\b")
#: A figure set off after a person or a name is an age: "a man, 25, was killed", "two women (30 and 34)",
#: "Nino Beridze, 25,".
_AGE_BEFORE = re.compile(rf"(?:\b(?:{_SINGULAR_NOUNS}|men|women|boys|girls|brothers|sisters|sons|daughters|victims)"
                         r"|(?-i:\b[A-Z][a-z][\w'’-]*))\s*[,(]\s*(?:\d{1,3}\s*(?:,|and|or)\s*)*$", re.I)
_AGE_AFTER = re.compile(r"\s*(?:[,)]|(?:and|or)\s+\d)")
#: Oldest age read as an age.
_MAX_AGE = 110
_AND_LINK = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+|as\s+well\s+as\s+|plus\s+|along\s+with\s+)")
_SUBSET_LINK = _Caseless(r"\s*\(\s*(?:(?:including|incl\.|among\s+them|mostly|mainly)\s+)?"
                         r"|\s*,?\s*(?:including|among\s+them|among\s+whom|of\s+whom|of\s+them|incl\.|mostly|"
                         r"mainly|most\s+of\s+them)\s+|\s*,\s*")
_OF_THEM = re.compile(r"\s+of\s+(?:them|whom)\b", re.I)
_NO_NOUN = _Caseless(
    r"\b(?:no|zero|without(?:\s+any)?|nor\s+any|not\s+any)\s+(?:(?:reported|reports?\s+of|immediate|known|"
    r"confirmed|further|civilian|military|human|serious|major|other|new|official|additional|immediately\s+"
    r"reported)\s+){0,2}(?:(?P<both>casualties|victims)|(?P<fatalities>fatalities|deaths|dead|"
    r"loss(?:es)?\s+of\s+(?:human\s+)?life)|(?P<injured>injuries|injured|wounded))\b")
_NOBODY = _Caseless(
    r"\b(?:no(?:body|[- ]one)|none)(?:\s+(?:of\s+(?:them|the\s+[\w'’-]+)|else))?\s+(?:(?:was|were|has|have|had|"
    r"been|is|are|got|reportedly|seriously|badly)\s+){0,3}(?:(?P<fatalities>killed|dead|died|perished)|"
    r"(?P<injured>injured|wounded)|(?P<both>hurt|harmed))(?:\s+or\s+(?:(?P<f2>killed)|(?P<i2>injured|wounded|hurt)))?")
_CUE_STEMS = ["kill", "dead", "die", "death", "wound", "injur", "hurt", "harm", "shot", "slain", "perish", "execut",
              "murder", "massacr", "behead", "assassin", "gunned", "succumb", "body", "bodies", "lives", "lost", "loss",
              "maim", "hospitali", "casualt", "fatalit", "victim", "drown", "both"]
#: Cheap pre-check: without a digit, a number word or one of these stems a sentence has no count.
_MAYBE_COUNT = _Caseless(rf"(?<!\w)(?:\d|{_trie(_ANCHOR_WORDS + _AFTER_A + _CUE_STEMS)})")
_EMPTY = Counts()


@dataclass(slots=True)
class _Item:
    """An amount (or one person named without a figure) and what its context says of it."""

    start: int
    end: int
    value: int | None
    vague: str | None
    noun_end: int
    kind: str | None = None  # noun class, see _NOUN_CLASSES
    cue: str | None = None  # role from a verb before or a casualty predicate after ("none": not counted)
    own: str | None = None  # role of the noun itself ("fatalities", "refugees")
    weak: str | None = None  # people from a predicate ("protested") or a participant noun ("troops")
    singular: bool = False
    coded: bool = False  # the figure a coder says was recorded ("fatalities coded as 3"): it stands
    definite: bool = False
    generic: bool = False  # a singular whose noun is not a known person noun ("a trafficker"): passive only
    role: str | None = None


def find_counts(sentence: str) -> Counts:
    """How many were killed, injured, displaced, took part, and how many vehicles and aircraft.

    Amounts joined by "and" that share a predicate add up; when a role gets several figures
    the largest wins (a correction such as "revised down to 12" is not recognised) unless a
    later one says it adds people ("another 3", "2 others", "were also killed"). "No
    casualties" / "no one was hurt" give 0 killed and 0 injured. "Casualties" alone (killed
    or wounded?) and "killed or injured" count for neither, nor does a death named as a
    cause ("protested over the killing of a driver"). Vague amounts go to ``vague`` as
    their words. A figure "coded as" N (in coded event data) is the one recorded.

    >>> find_counts("12 Russian peacekeepers are reported dead and 150 wounded.")
    Counts(fatalities=12, injured=150)
    >>> find_counts("A convoy of 20 trucks carrying 400 volunteers and three Su-24 jets crossed the border.")
    Counts(people=400, vehicles=20, aircraft=3)
    >>> find_counts("Thousands of refugees are leaving; no one was killed.")
    Counts(fatalities=0, vague={'displaced': 'thousands'})
    """
    sentence = _Text.of(sentence)
    if not _MAYBE_COUNT.search(sentence):
        return _EMPTY
    figures: dict[str, int] = {}
    coded: dict[str, int] = {}
    vague: dict[str, str] = {}
    for group in _assign(sentence, _items(sentence)):
        totals: dict[str, int] = {}
        for item in group:
            if item.role is None or item.role == "none":
                continue
            if item.value is not None and item.coded:
                coded[item.role] = max(coded.get(item.role, item.value), item.value)
            elif item.value is not None:
                totals[item.role] = totals.get(item.role, 0) + item.value
            elif item.vague is not None:
                vague.setdefault(item.role, item.vague)
        # Only a role counted by an earlier group can get more; most groups meet none.
        extra = any(role in figures for role in totals) and any(_more(sentence, item) for item in group)
        for role, total in totals.items():  # the largest figure; more only when told ("2 others also died")
            figures[role] = figures[role] + total if extra and role in figures else max(figures.get(role, total), total)
    figures.update(coded)  # "Fatalities coded as 3 (6 reported)": 3
    for role in _zeros(sentence):
        figures.setdefault(role, 0)
    if not figures and not vague:
        return _EMPTY
    return Counts(**figures, vague=vague)


def _more(sentence: _Text, item: _Item) -> bool:
    """Whether the item adds people to those counted before it: "another 3", "2 others", "were also killed"."""
    return bool(_MORE_BEFORE.search(sentence, max(0, item.start - 25), item.start)
                or _MORE_AFTER.match(sentence, item.end) or _ALSO_AFTER.match(sentence, item.noun_end))


def _items(sentence: _Text) -> list[_Item]:
    """The amounts of the sentence and the people named one at a time, in order, with their nouns."""
    items: list[_Item] = []
    quantities = _scan(sentence)
    for q in quantities:
        noun = _NOUN_AFTER.match(sentence, q.end) or _ADJECTIVE_AFTER.match(sentence, q.end)
        noun_end = noun.end() if noun else q.end
        more = _MORE_PEOPLE.match(sentence, noun_end) if noun and noun.lastgroup in {"people", "persons"} else None
        if more and not any(noun_end < other.start < more.end() for other in quantities):
            noun_end = more.end()
        items.append(_Item(q.start, q.end, q.value, q.vague, noun_end, kind=noun.lastgroup if noun else None))
    lower = sentence.low or sentence.lower()
    for m in _BOTH.finditer(sentence) if "both" in lower else ():
        if not any(i.start < m.end() and m.start() < i.noun_end for i in items):
            items.append(_Item(m.start(), m.end("both"), 2, None, m.end(), kind="persons"))
    for m in _HIS_DEATH.finditer(sentence) if "death" in lower else ():
        items.append(_Item(m.start("s"), m.end(), 1, None, m.end(), kind="persons", singular=True, cue="fatalities"))
    taken = [(i.start, i.end) for i in items]
    for m in _SINGULAR.finditer(sentence):
        if not any(s < m.end() and m.start() < e for s, e in taken):
            end, generic = m.end(), m["one"] is None and m["definite"] is None and m["pronoun"] is None
            if generic and (person := _A_PERSON.match(sentence, m.start())):
                end, generic = person.end(), False
            items.append(_Item(m.start(), end, 1, None, end, kind="persons", singular=True,
                               definite=m["definite"] is not None, generic=generic))
    items.sort(key=lambda i: i.start)
    for index, item in enumerate(items):
        limit = items[index + 1].start if index + 1 < len(items) else len(sentence)
        _read_context(sentence, item, limit)
    return items


def _may_hold(stems: re.Pattern[str], sentence: _Text, start: int, end: int) -> bool:
    """Whether sentence[start:end] may hold a match of the pattern ``stems`` are the parts of.

    A match there holds one of them there; the short search spares the long pattern, which
    most amounts and persons do not meet (its stems are searched in the lower-cased copy).
    """
    return sentence.low is None or stems.search(sentence.low, start, end) is not None


def _read_context(sentence: _Text, item: _Item, limit: int) -> None:
    """Fill the item's cue, own and weak roles from the words before and after it."""
    if item.kind in _THINGS:
        return
    if item.kind in {"vehicles", "aircraft"}:
        item.own = item.kind
        return
    if item.kind in {"fatalities", "injured", "displaced"}:
        item.own = item.kind
    elif item.kind == "people":
        item.weak = "people"
    left_from = max(0, item.start - 60)
    left = _LEFT_CUE.search(sentence, left_from, item.start) if _may_hold(
        _LEFT_STEMS, sentence, left_from, item.start) else None
    if left is not None and left.lastgroup != "people":
        either = _EITHER_BEFORE.search(sentence, max(0, item.start - 80), item.start)
        cause = left.lastgroup == "fatalities" and _CAUSE_BEFORE.search(sentence, max(0, item.start - 80), item.start)
        plan = left[0].lower().startswith("execut") and item.kind not in _PERSONS and _A_WORD.match(sentence, item.end)
        item.cue = "none" if either or cause or plan else left.lastgroup  # plan: "executed two search warrants"
        item.coded = "coded" in left[0].lower()
        return
    if _TO_DEATH.match(sentence, item.noun_end):
        item.cue = "fatalities"  # "stabbed a man to death", "beat two men to death"
        return
    if left is not None or _STRONG.match(sentence, item.end):
        item.weak = "people"  # "a crowd of 300", "[size=2500]", "a 2,000-strong force"
    right = _RIGHT_CUE.match(sentence, item.noun_end, limit) if _may_hold(
        _RIGHT_STEMS, sentence, item.noun_end, limit) else None
    if right is None:
        return
    role = right.lastgroup
    verb = " ".join(right[role].lower().split())  # type: ignore[index]
    if role != "people" and not _VERB_AND.sub("", right["aux"]).strip(" ,)") and verb in _TRANSITIVE and (
            item.generic or _OBJECT_AHEAD.match(sentence, right.end())):
        return  # "5 soldiers (shot and) killed 3 civilians": the 5 did the killing; "an attack killed civilians"
    # (but "2,000 people crossed the Roki Tunnel" are 2,000 people on the move: who crosses is who is counted)
    if role == "people":
        item.weak = "people"
    elif role in {"fatalities", "injured"} and _EITHER_AFTER.match(sentence, right.end()):
        item.cue = "none"  # "3 militants were killed, injured or captured": how many died is not said
    else:
        item.cue = role


def _assign(sentence: _Text, items: list[_Item]) -> list[list[_Item]]:
    """Give each item its role, sharing roles along "and" lists and "including" subsets; the lists."""
    groups: list[list[_Item]] = []
    subsets: list[tuple[list[_Item], list[_Item]]] = []  # (whole, part)
    for item in items:
        previous = groups[-1][-1] if groups else None
        if previous is not None and _and_linked(sentence, previous, item):
            groups[-1].append(item)
            continue
        if previous is not None and _subset_linked(sentence, previous, item):
            subsets.append((groups[-1], [item]))
        groups.append([item])
    for group in groups:
        shared = next((i.cue for i in group if i.cue is not None), None)
        group_of_people = len(group) > 1
        for item in group:
            role = item.own if item.kind in _THINGS | {"vehicles", "aircraft"} else (
                item.cue if item.generic and not group_of_people else item.cue or shared or item.own or item.weak)
            if item.singular and role not in {"fatalities", "injured"}:
                role = None  # "a soldier said": a person, not a count
            item.role = role
    for whole, part in subsets:
        _share(whole, part[0].role)
        _share(part, next((i.role for i in whole if i.role is not None), None))
    return groups


def _share(group: list[_Item], role: str | None) -> None:
    """Give a role to the people of a group that has none."""
    people = [i for i in group if i.kind not in _THINGS | {"vehicles", "aircraft"} and not i.generic]
    if role is not None and role not in {"vehicles", "aircraft", "people"} and all(
            i.role is None or (i.role == "people" and i.cue is None) for i in people):
        for item in people:
            item.role = role


def _and_linked(sentence: _Text, first: _Item, second: _Item) -> bool:
    """ "2 soldiers and 3 civilians", "the driver and two others": one list of the same kind of thing."""
    if not (first.singular or first.noun_end > first.end) or not (second.singular or second.noun_end > second.end):
        return False  # both need a noun: "killed 3 and injured 10" is two predicates
    gap = _AND_LINK.fullmatch(sentence, first.noun_end, second.start)
    if (first.generic or second.generic) and (gap is None or "and" not in gap[0].lower() or any(
            i.generic and len(sentence[i.start:i.end].split()) > 2 for i in (first, second))):
        return False  # "an adolescent and a woman"; not "a shoot-out broke out and a suspect", "as a result, 3 men"
    if gap is None or (not gap[0].strip(" ,") and _OF_THEM.match(sentence, second.end)):
        return False  # "10 people, 3 of them children" is a part, not more
    if first.kind in _PERSONS and second.kind in _PERSONS:
        return True
    return first.kind == second.kind and first.kind in {"vehicles", "aircraft"}


def _subset_linked(sentence: _Text, first: _Item, second: _Item) -> bool:
    """ "10 people, including 3 children", "10 people, 3 of them children": the second is part of the first."""
    gap = _SUBSET_LINK.fullmatch(sentence, first.noun_end, second.start)
    if gap is None:
        return False
    return bool(gap[0].strip(" ,")) or bool(_OF_THEM.match(sentence, second.end))


def _zeros(sentence: _Text) -> set[str]:
    """Roles the sentence says nobody had: "no casualties", "no one was killed"."""
    found: set[str] = set()
    low = sentence.low
    if low is not None and "no" not in low and "zero" not in low and "without" not in low:
        return found  # every match holds one of these words ("no", "not", "none", "nobody" hold "no")
    for pattern in (_NO_NOUN, _NOBODY):
        for m in pattern.finditer(sentence):
            groups = {name for name, text in m.groupdict().items() if text is not None}
            if groups & {"both", "fatalities", "f2"}:
                found.add("fatalities")
            if groups & {"both", "injured", "i2"}:
                found.add("injured")
    return found
