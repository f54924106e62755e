"""Dates and times in news text, resolved to calendar days (fast, rule-based).

:func:`find_dates` runs once per sentence of every article, so it is plain compiled
regular expressions, and cheap: a few fast scans for cues (a month or weekday name,
four digits, a clock reading, words such as "yesterday" or "week") decide which
patterns run at all, and a sentence with no cue costs a few microseconds. Dates that
need a reference ("yesterday", "on Tuesday", "August 8th") are resolved against the
article's publication date, which :func:`document_date` finds and
:func:`parse_published` reads.

Where patterns overlap the longest match wins. A clock time next to a date ("at
midnight on August 9", "August 8 at 21:21", "9:21pm on Friday") is merged into the
date's mention, so one mention spans both and carries ``date`` and ``time``; a time
with no date beside it is a mention of its own, with ``date`` None. A weekday just
before a calendar date ("Monday, August 11, 2008") joins it the same way. Times are
kept as written: "(1421 GMT)" is ``"14:21"`` whatever the zone.

>>> [(m.text, str(m.date), m.time) for m in find_dates("Jets struck Gori at 10 am on Friday.",
...                                                      published=datetime.date(2008, 8, 9))]
[('10 am on Friday', '2008-08-08', '10:00')]
"""

from __future__ import annotations

import datetime
import functools
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from pathlib import PurePath

from mapgen.errors import InputError
from mapgen.extract.counts import _Caseless, _ends_with, _Text  # a text's lower-cased copy, for fast re.I patterns
from mapgen.extract.lexicon import endings

# --- word lists ----------------------------------------------------------------------------------
_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
                "October", "November", "December")
_MONTH_ABBREVIATIONS = ("Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec")
_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
#: Month number by the first three letters of its name, lower case.
_MONTH_NUMBER = {name[:3].lower(): number for number, name in enumerate(_MONTH_NAMES, start=1)}
_WEEKDAY_NUMBER = {name.lower(): number for number, name in enumerate(_WEEKDAY_NAMES)}
_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
}
#: Days from the publication date, by relative day word (lower case, single spaces).
_DAY_OFFSET = {"today": 0, "tonight": 0, "overnight": 0, "this": 0, "yesterday": -1, "last": -1,
               "tomorrow": 1, "the day before yesterday": -2, "the day after tomorrow": 2}
_STEP = {"last": -1, "this": 0, "next": 1}
#: Words after a number that make it a count or a measure, not a year or a time ("in 2000 homes").
_COUNT_WORDS = (
    "people", "persons", "civilians", "soldiers", "troops", "servicemen", "fighters", "militants", "rebels",
    "insurgents", "refugees", "residents", "villagers", "volunteers", "men", "women", "children", "families",
    "households", "homes", "houses", "buildings", "villages", "vehicles", "tanks", "trucks", "police",
    "policemen", "officers", "prisoners", "hostages", "casualties", "dead", "deaths", "killed", "wounded",
    "injured", "were", "are", "have", "had", "more", "others", "other", "km", "kilometres", "kilometers",
    "miles", "metres", "meters", "m", "feet", "ft", "tons", "tonnes", "dollars", "euros", "rubles", "roubles",
    "pounds", "votes", "rounds", "shells", "rockets", "missiles", "mines", "percent",
)
#: Words before "of" that make the number after it a count ("a total of 2000").
_COUNT_BEFORE_OF = frozenset([
    "total", "number", "toll", "tally", "crowd", "force", "group", "contingent", "convoy", "out", "estimate",
    "estimated", "maximum", "minimum", "average", "sum", "figure", "population", "army", "battalion", "unit",
    "team", "fleet", "column", "lot", "hundreds", "thousands", "dozens",
])
#: Four-digit numbers after "at" read as years, not times ("at 2008 prices", "at 1950 levels").
_YEARLIKE = frozenset(range(1900, 1960)) | frozenset(range(2000, 2060))


def _cased(*names: str, dot: bool = False) -> str:
    """``names`` as written and in capitals ("May", "MAY"; never "may"), longest first, one flat alternation.

    A flat alternation of literals lets the regex engine skip ahead to the letters
    that can start a name, which keeps the scans fast.
    """
    forms = sorted({form for name in names for form in (name, name.upper())}, key=lambda s: (-len(s), s))
    return "|".join(f + r"\.?" if dot else f for f in forms)


# --- pattern pieces ------------------------------------------------------------------------------
_MONTH_FULL = rf"(?:{_cased(*_MONTH_NAMES)})(?!\w)"
_MONTH = rf"(?:{_cased(*_MONTH_NAMES)}|{_cased(*_MONTH_ABBREVIATIONS, dot=True)})(?!\w)"
_WEEKDAY = rf"(?:{_cased(*_WEEKDAY_NAMES)})(?!\w)"
_YEAR = r"(?:19|20)\d\d(?!\w|[.,:/]\d|\s*[-–—]\s*\d)"
_NOT_COUNT = rf"(?!\s*%|\s+(?:per\s+cent|{'|'.join(_COUNT_WORDS)})(?![\w-]))"
_ORDINAL = r"(?:st|nd|rd|th)?"
_DAY_RANGE = rf"(?:(?:\s*[-–]\s*|\s+(?i:to|and|or)\s+)\d\d?{_ORDINAL})?"  # "7-9 August", "7 and 8 August": day 7
#: An explicit year after a day or month, or "last year" / "this year" / "next year".
_YEAR_TAIL = rf"(?:,?\s+(?P<year>{_YEAR})|,?\s+(?:(?i:of)\s+)?(?P<rel>(?i:last|this|next))\s+(?i:year)(?!\w))?"
_AMPM = r"\s*(?P<ap>[aApP])(?:\.\s?[mM]\.?|\s?[mM])(?![a-zA-Z])"  # "a.m." keeps its dot, "am." does not
_ZONE = (r"(?:\s*\(?(?:local\s+time|(?:GMT|UTC)(?:\s*[+-]\s*\d{1,2}(?::?\d\d)?)?|[A-Z][a-z]+\s+time"
         r"|(?:[ECMP][SD]T|MSK|BST|CES?T|EES?T|IST|EAT|WAT|CAT|AST)(?!\w))\)?)?")
_MODIFIER = r"(?:early|late|mid)(?:\s*-\s*|\s+)"

# --- cues: fast scans that decide which patterns run ---------------------------------------------
#: Four digits, a clock reading with a colon, or a number with am/pm or o'clock.
_DIGIT_CUE = re.compile(r"\d(?:(?P<four>\d\d\d)|(?P<colon>:\d\d)|(?P<ampm>\s?[aApP]\.?\s?[mM]|\s*o['’]clock))")
_MONTH_CUE = re.compile(_MONTH)
_WEEKDAY_CUE = re.compile(_WEEKDAY)
_ANY_DIGIT = re.compile(r"\d")
#: Cues looked for in the lower-cased sentence.
_WORD_CUES = (
    ("relative day", ("today", "yesterday", "tomorrow", "night", "morning", "afternoon", "evening")),
    ("period", ("week", "month", "year")),
    ("ago", (" ago",)),
    ("clock word", ("noon", "midday", "midnight")),
)
#: A part of every word above: few sentences hold one, and then the words of each cue are looked for.
_WORD_CUE_PARTS = ("day", "tomorrow", "night", "morning", "noon", "evening", "week", "month", "year", " ago")
#: The words every match of :data:`_YEAR_SPAN` starts with.
_SPAN_CUE = re.compile("between|Between|BETWEEN|from|From|FROM")

# --- patterns: each starts with a literal or a digit so that the scan skips ahead ----------------
_ISO = re.compile(
    r"(?P<s>(?P<y>(?:19|20)\d\d)(?<![\w./-]\d{4})(?P<sep>[-/.])(?P<mo>1[0-2]|0?[1-9])(?P=sep)"
    r"(?P<d>3[01]|[12]\d|0?[1-9])(?:T(?P<h>[01]\d|2[0-3]):(?P<mi>[0-5]\d)(?::[0-5]\d(?:\.\d+)?)?"
    r"(?:Z|[+-]\d\d:?\d\d)?)?)(?![\w/-]|\.\d)")
_NUMERIC = re.compile(
    r"(?P<s>(?P<a>\d(?<![\w./-]\d)\d?)(?P<sep>[-/.])(?P<b>\d\d?)(?P=sep)(?P<y>(?:19|20)\d\d))(?![\w/-]|\.\d)")
_DAY_MONTH = re.compile(
    rf"(?P<s>(?P<day>\d(?<![\w.,:/$£€-]\d)\d?){_ORDINAL}{_DAY_RANGE}(?:\s+(?i:of))?\s+(?P<mon>{_MONTH})"
    rf"{_YEAR_TAIL})")
_MONTH_DAY = re.compile(
    rf"(?P<s>(?P<mon>{_MONTH})\s+(?P<day>\d\d?){_ORDINAL}{_DAY_RANGE}(?![\w:]|[.,]\d){_NOT_COUNT}{_YEAR_TAIL})")
_MONTH_YEAR = re.compile(
    rf"(?P<s>(?P<mon>{_MONTH}),?\s+(?:(?i:of)\s+)?(?:(?P<year>{_YEAR})|(?P<rel>(?i:last|this|next))\s+"
    r"(?i:year)(?!\w)))")
_MONTH_ALONE = re.compile(rf"(?P<s>(?P<mon>{_MONTH_FULL}))")
_YEAR_RANGE = re.compile(
    r"(?P<s>(?P<first>(?:19|20)\d\d)(?<![\w./-]\d{4})\s*[-–—/]\s*(?P<last>(?:19|20)?\d\d))(?![\w/-]|[.,]\d)")
_YEAR_SPAN = re.compile(
    rf"(?P<s>(?:between|Between|BETWEEN)\s+(?P<a1>{_YEAR})\s+(?i:and)\s+(?P<a2>{_YEAR})"
    rf"|(?:from|From|FROM)\s+(?P<b1>{_YEAR})\s+(?i:to|until|till|through)\s+(?P<b2>{_YEAR}))")
_YEAR_ALONE = re.compile(
    rf"(?P<s>(?P<year>(?:19|20)\d\d)(?<![\w./]\d{{4}})(?!\w|[.,:/]\d|\s*[-–—]\s*\d){_NOT_COUNT})")
_WEEKDAY_ALONE = re.compile(rf"(?P<s>(?P<wd>{_WEEKDAY})(?:\s+(?i:morning|afternoon|evening|night))?)(?![\w-])")
_RELATIVE_DAY = re.compile(
    r"(?<![\w-])(?P<s>(?:(?i:early|late|earlier|later)\s+(?:(?i:on)\s+)?)?"
    r"(?P<word>(?i:the\s+day\s+(?:before\s+yesterday|after\s+tomorrow)|today|tonight|yesterday|tomorrow|overnight"
    r"|(?P<which>this|last)\s+(?:morning|afternoon|evening|night)))"
    r"(?:\s+(?i:morning|afternoon|evening|night))?)(?![\w-])")
_RELATIVE_PERIOD = re.compile(
    r"(?<![\w-])(?<![Tt]he )(?P<s>(?:(?i:early|late|earlier|later)\s+)?(?P<which>(?i:last|this|next))\s+"
    r"(?P<unit>(?i:week|month|year)))(?![\w-])")
_AGO = re.compile(
    rf"(?<![\w.,-])(?P<s>(?P<n>\d{{1,3}}|(?i:{'|'.join(_NUMBER_WORDS)}))\s+(?P<unit>(?i:day|week|month|year))s?"
    r"\s+(?i:ago))(?![\w-])")
_CLOCK = re.compile(
    rf"(?P<s>(?P<h>\d(?<![\w:.]\d)\d?):(?P<mi>[0-5]\d)(?::[0-5]\d)?(?:{_AMPM})?(?![\w:]|\.\d)"
    rf"(?:\s*(?i:hours|hrs)(?!\w))?{_ZONE})")
_CLOCK_AMPM = re.compile(
    rf"(?P<s>(?P<h>\d(?<![\w:.,]\d)\d?)(?:\.(?P<mi>[0-5]\d))?(?:\s*o['’]clock)?{_AMPM}{_ZONE})")
_CLOCK_OCLOCK = re.compile(r"(?P<s>(?P<h>\d(?<![\w:.,]\d)\d?)\s*o['’]clock)(?![\w-])")
_CLOCK_MILITARY = re.compile(
    r"(?P<s>(?P<h>\d(?<![\w:.,]\d)\d)(?P<mi>[0-5]\d)\s*(?:(?i:hours|hrs)(?!\w)|h(?!\w)|Z(?!\w)"
    r"|(?:GMT|UTC)(?:\s*[+-]\s*\d{1,2}(?::?\d\d)?)?(?!\w)|local\s+time|[A-Z][a-z]+\s+time(?!\w)))")
_CLOCK_AT = re.compile(
    rf"(?:at|At|AT)\s+(?:(?i:around|about)\s+)?(?P<s>(?P<h>[01]\d|2[0-3])(?P<mi>[0-5]\d))"
    rf"(?!\w|[,.:/-]\d|\s*[-–]\s*\d){_NOT_COUNT}")
_CLOCK_WORD = re.compile(r"(?<![\w-])(?P<s>(?:12\s+)?(?P<word>(?i:noon|midday|midnight)))(?![\w-])")

# --- left context, read backwards from a match ---------------------------------------------------
#: How far back the context patterns look (characters).
_CONTEXT = 40
_YEAR_PRE = "in|since|by|of|from|until|till|through|throughout|during|before|after|around|circa"
_YEAR_BEFORE = _Caseless(rf"(?:(?<![\w-])(?P<pre>{_YEAR_PRE})\s+)?(?:(?<![\w-])(?P<mod>{_MODIFIER}))?$")
_MONTH_PRE = "in|since|until|till|during|by|from|through|before|after"
_MONTH_BEFORE = _Caseless(rf"(?:(?<![\w-])(?P<pre>{_MONTH_PRE})\s+)?(?:(?<![\w-])(?P<mod>{_MODIFIER}))?$")
_WEEKDAY_MOD = "next|last|this|late|early|overnight"
_WEEKDAY_BEFORE = _Caseless(rf"(?<![\w-])(?P<mod>{_WEEKDAY_MOD})\s+(?:on\s+)?$")
#: The last words of each context pattern's matches but the empty one (lower case): see _before.
_CONTEXT_ENDINGS = {
    _YEAR_BEFORE: endings(*_YEAR_PRE.split("|"), "early", "late", "mid"),
    _MONTH_BEFORE: endings(*_MONTH_PRE.split("|"), "early", "late", "mid"),
    _WEEKDAY_BEFORE: endings(*_WEEKDAY_MOD.split("|"), "on"),
}
_WORD_BEFORE = re.compile(r"(\w+)\s+$")
#: After a house number: "1935 Orchard St.", "2008 North Main Street".
_STREET_AFTER = re.compile(r"(?:\s+[A-Z][\w'’.-]*){1,3}\s+(?:St|Street|Rd|Road|Ave|Avenue|Dr|Drive|Ln|Lane|Blvd|"
                           r"Boulevard|Way|Ct|Court|Pl|Place|Hwy|Highway|Pkwy|Parkway|Terrace|Circle)\b")
_NAME_BEFORE = re.compile(r"[A-Z][\w.]* +$")

# --- joining mentions, datelines, file names -----------------------------------------------------
#: Between a date and the time after it: "August 8 at 21:21", "Friday, 10 am".
_GAP_BEFORE_TIME = re.compile(r"\s*,?\s*(?:(?i:at|around|about|shortly\s+(?:before|after)|just\s+(?:before|after)"
                              r"|before|after|by)\s+)?\(?")
#: Between a time and the date after it: "midnight on August 9", "(1421 GMT) on Friday".
_GAP_AFTER_TIME = re.compile(r"\)?\s*,?\s*(?:(?i:on|of)\s+)?(?:(?i:the)\s+)?")
#: Between a weekday and the calendar date after it: "Monday, August 11", "Friday the 8th of August".
_GAP_AFTER_WEEKDAY = re.compile(r"\s*,?\s*(?:(?i:the)\s+)?")
_LABEL = re.compile(r"[\W_]*(?:(?:first|last)\s+)?(?:published|posted|updated|date[ds]?|filed|issued)"
                    r"(?:\s+(?:on|at))?\s*[:\-–—]?[\W_]*", re.I)
#: A place before a dateline's date: "TBILISI, ", "BAMAKO, Mali (", "Goma, " (a place in capitals or in
#: title case, up to four words, with its state or country).
_PLACE_DATELINE = re.compile(
    r"[\W_]*(?:[A-Z][A-Z'’.\- ]+|[A-Z][\w'’.\-]*(?: [A-Z][\w'’.\-]*){0,3})(?:\s*,\s*[A-Z][\w'’.\- ]*)*\s*"
    r"(?:\([^)]*\)\s*)?(?:[,:\-–—]\s*|\()")
_BYLINE = re.compile(r".{0,80}[|·•]\s*")
_NOTHING = re.compile(r"[\W_]*")
_AFTER_DATELINE = re.compile(r"\)?\s*(?:\([^)]*\)\s*)?(?:[-–—|:/]|$)")
_FILE_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)([-_.]?)(1[0-2]|0[1-9])\2(3[01]|[12]\d|0[1-9])(?!\d)")
_ISO_DAY = re.compile(r"\d{4}-\d\d-\d\d(?:[T ].*)?")
#: Front-matter and <meta> keys that hold the article's date, best first (lower case).
DATE_KEYS = ("date", "published", "published_at", "pubdate", "article:published_time", "datepublished", "dc.date")
#: How far into an article a dateline is looked for (characters).
DATELINE_CHARS = 400


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date and/or time in a text, and the calendar day it stands for.

    >>> m = find_dates("Shelling began on 7 August 2008.")[0]
    >>> (m.text, m.date, m.precision, m.explicit_year, m.relative)
    ('7 August 2008', datetime.date(2008, 8, 7), 'day', True, False)
    """

    start: int  # character offsets into the text passed in
    end: int
    text: str
    date: datetime.date | None  # first day of the week/month/year for coarser precision; None if unresolved
    precision: str | None  # "day", "week", "month" or "year"; None when date is None
    time: str | None  # "HH:MM", 24-hour
    time_precision: str | None  # "minute" or "hour"; None without a time
    explicit_year: bool  # the text gave the year itself
    relative: bool  # resolved (or to be resolved) against the publication date


@dataclass(frozen=True, slots=True)
class _Found:
    """A candidate mention, before overlaps are settled and times joined to dates."""

    start: int
    end: int
    date: datetime.date | None = None
    precision: str | None = None
    time: str | None = None
    time_precision: str | None = None
    explicit_year: bool = False
    relative: bool = False
    kind: str = "date"  # "date"; "calendar" (a day of a month), "weekday" or "time" may be joined to another


_Handler = Callable[[re.Match[str], datetime.date | None], _Found | None]


# --- public API ----------------------------------------------------------------------------------
def find_dates(text: str, published: datetime.date | None = None) -> list[DateMention]:
    """Date and time mentions of ``text`` in reading order, resolved against ``published``.

    Mentions never overlap; where patterns compete the longest match wins. Without
    ``published``, mentions that need it ("yesterday", "on Tuesday", "August 8th") are
    kept with ``date`` None.

    >>> [(m.text, m.date.isoformat()) for m in find_dates("Yesterday and on Tuesday.", datetime.date(2008, 8, 13))]
    [('Yesterday', '2008-08-12'), ('Tuesday', '2008-08-12')]
    >>> find_dates("400 volunteers crossed with 82mm mortars.")
    []
    """
    if not isinstance(text, str):
        raise InputError(f"find_dates needs text (str), not {type(text).__name__}")
    text = _Text.of(text)
    cues = _cues(text)
    if not cues:
        return []
    if isinstance(published, datetime.datetime):
        published = published.date()
    found: list[tuple[int, _Found]] = []
    for order, pattern, handler in _patterns(cues):
        for match in pattern.finditer(text):
            candidate = handler(match, published)
            if candidate is not None:
                found.append((order, candidate))
    return _join(text, _longest(found))


@functools.cache
def _patterns(cues: frozenset[str]) -> tuple[tuple[int, re.Pattern[str], _Handler], ...]:
    """The patterns of :data:`_PATTERNS` that ``cues`` allow, with their order (a few sets of cues recur)."""
    return tuple((order, pattern, handler) for order, (needs, pattern, handler) in enumerate(_PATTERNS)
                 if needs <= cues)


def parse_published(value: str | datetime.date | datetime.datetime | None) -> datetime.date | None:
    """The publication day given as a date, a datetime or a string (ISO, RFC 2822, "8 August 2008").

    A string must give the day, month and year. A time and zone, when given, are
    ignored: the day is the one written. "25/08/2008" and "08/25/2008" are read, but
    "08/07/2008" (July or August?) is refused, like every unreadable string, with an
    :class:`~mapgen.errors.InputError`.

    >>> parse_published("Fri, 08 Aug 2008 10:00:00 GMT")
    datetime.date(2008, 8, 8)
    >>> parse_published("2008-08-08T23:30:00Z"), parse_published(None)
    (datetime.date(2008, 8, 8), None)
    """
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    problem = InputError(f"cannot read the date {value!r}; give it as YYYY-MM-DD")
    if not isinstance(value, str):
        raise problem
    text = value.strip()
    if _ISO_DAY.fullmatch(text):
        try:
            return datetime.datetime.fromisoformat(text).date()
        except ValueError:
            pass
    if not _ANY_DIGIT.search(text):
        raise problem
    numeric = _NUMERIC.fullmatch(text)
    if numeric and max(int(numeric["a"]), int(numeric["b"])) <= 12 and int(numeric["a"]) != int(numeric["b"]):
        raise InputError(f"cannot read the date {value!r}: day and month could be either way round; "
                         "give it as YYYY-MM-DD")
    from dateutil import parser

    try:  # parsed twice with different defaults: a part the string lacks comes out different
        first = parser.parse(text, dayfirst=False, ignoretz=True, default=datetime.datetime(1, 1, 1))
        second = parser.parse(text, dayfirst=False, ignoretz=True, default=datetime.datetime(2, 2, 2))
    except (ValueError, OverflowError, TypeError):
        raise problem from None
    if first.date() != second.date():
        raise problem
    return first.date()


def document_date(text: str, *, meta: Mapping[str, object] | None = None,
                  filename: str | None = None) -> tuple[datetime.date | None, str]:
    """The article's own date and where it was found: "front matter", "dateline", "file name", or (None, "").

    Looks in ``meta`` (front matter or HTML <meta>: the keys of :data:`DATE_KEYS` in
    that order, any case; strings, or dates as a YAML reader gives them; unreadable
    values are skipped), then for a dateline with a full date (day, month and year) in
    the first :data:`DATELINE_CHARS` characters, then in the file name
    ("2008-08-08-gori.txt", "20080808_report.md").

    >>> document_date("TBILISI, August 8, 2008 (Reuters) - Jets bombed Gori.")
    (datetime.date(2008, 8, 8), 'dateline')
    >>> document_date("Jets bombed Gori.", meta={"Date": "2008-08-09"}, filename="2008-08-08-gori.txt")
    (datetime.date(2008, 8, 9), 'front matter')
    """
    if meta:
        lowered = {str(key).strip().lower(): value for key, value in meta.items()}
        for key in DATE_KEYS:
            value = lowered.get(key)
            if isinstance(value, datetime.date) or (isinstance(value, str) and value.strip()):
                try:
                    day = parse_published(value)
                except InputError:
                    continue
                if day is not None:
                    return day, "front matter"
    day = _dateline(text[:DATELINE_CHARS]) if isinstance(text, str) else None
    if day is not None:
        return day, "dateline"
    if filename:
        for match in _FILE_DATE.finditer(PurePath(filename).name):
            if _valid(int(match[1]), int(match[3]), int(match[4])):
                return datetime.date(int(match[1]), int(match[3]), int(match[4])), "file name"
    return None, ""


# --- cues, overlaps, joining ---------------------------------------------------------------------
def _cues(text: _Text) -> frozenset[str]:
    """The cues ``text`` holds: which patterns of :data:`_PATTERNS` can match in it."""
    cues = {match.lastgroup for match in _DIGIT_CUE.finditer(text)}  # one group of three, never empty
    if "four" in cues and _SPAN_CUE.search(text):
        cues.add("span")
    if _MONTH_CUE.search(text):
        cues.add("month")
        if _ANY_DIGIT.search(text):
            cues.add("digit")
    if _WEEKDAY_CUE.search(text):
        cues.add("weekday")
    lower = text.low if text.low is not None else text.lower()
    if any(part in lower for part in _WORD_CUE_PARTS):
        for name, words in _WORD_CUES:
            if any(word in lower for word in words):
                cues.add(name)
    return frozenset(cues)  # type: ignore[arg-type]


def _longest(found: list[tuple[int, _Found]]) -> list[_Found]:
    """Non-overlapping candidates, longest first (then earliest, then pattern order), in reading order."""
    if len(found) < 2:
        return [f for _order, f in found]
    chosen: list[_Found] = []
    for _order, f in sorted(found, key=lambda o_f: (o_f[1].start - o_f[1].end, o_f[1].start, o_f[0])):
        if all(f.end <= c.start or f.start >= c.end for c in chosen):
            chosen.append(f)
    chosen.sort(key=lambda c: c.start)
    return chosen


def _join(text: str, chosen: list[_Found]) -> list[DateMention]:
    """Mentions, with a weekday joined to the calendar date after it and a time to the date beside it."""
    days: list[_Found] = []
    for f in chosen:
        previous = days[-1] if days else None
        if (f.kind == "calendar" and previous is not None and previous.kind == "weekday"
                and _GAP_AFTER_WEEKDAY.fullmatch(text, previous.end, f.start)):
            days[-1] = replace(f, start=previous.start, date=_same_weekday(f, previous))
        else:
            days.append(f)
    out: list[_Found] = []
    index = 0
    while index < len(days):
        f = days[index]
        index += 1
        previous = out[-1] if out else None
        following = days[index] if index < len(days) else None
        if f.kind != "time":
            out.append(f)
        elif (previous is not None and previous.kind != "time" and previous.time is None
              and _GAP_BEFORE_TIME.fullmatch(text, previous.end, f.start)):
            out[-1] = replace(previous, end=f.end, time=f.time, time_precision=f.time_precision)
        elif (following is not None and following.kind != "time" and following.time is None
              and _GAP_AFTER_TIME.fullmatch(text, f.end, following.start)):
            out.append(replace(following, start=f.start, time=f.time, time_precision=f.time_precision))
            index += 1
        else:
            out.append(f)
    return [DateMention(f.start, f.end, text[f.start:f.end], f.date, f.precision, f.time, f.time_precision,
                        f.explicit_year, f.relative) for f in out]


# --- resolving -----------------------------------------------------------------------------------
def _same_weekday(calendar: _Found, weekday: _Found) -> datetime.date | None:
    """A day without a year named with its weekday ("Monday, Feb. 25"): the nearest year, within one of the
    closest, in which it falls on that weekday; else the closest year's day."""
    if calendar.date is None or weekday.date is None or calendar.explicit_year:
        return calendar.date
    wanted, found = weekday.date.weekday(), calendar.date
    options = [datetime.date(year, found.month, found.day) for year in (found.year - 1, found.year, found.year + 1)
               if _valid(year, found.month, found.day)]
    matching = [d for d in options if d.weekday() == wanted]
    return min(matching, key=lambda d: (abs((d - found).days), d)) if matching else found


def _month(name: str) -> int:
    return _MONTH_NUMBER[name[:3].lower()]


def _valid(year: int, month: int, day: int) -> bool:
    try:
        datetime.date(year, month, day)
    except ValueError:
        return False
    return True


#: How much further a day after publication counts than one before it: reports tell of what happened, so
#: "7-8 August" in a March article is last August, while "on March 30" in it is ten days ahead.
FUTURE_WEIGHT = 3


def _closest_day(month: int, day: int, published: datetime.date) -> datetime.date | None:
    """The day of the month in the year that puts it nearest ``published`` (the earlier on a tie), a day
    ahead counting FUTURE_WEIGHT times a day behind.

    >>> _closest_day(8, 7, datetime.date(2024, 3, 20)), _closest_day(3, 30, datetime.date(2024, 3, 20))
    (datetime.date(2023, 8, 7), datetime.date(2024, 3, 30))
    """
    options = [datetime.date(year, month, day) for year in range(published.year - 4, published.year + 5)
               if _valid(year, month, day)]
    return min(options, key=lambda d: (_distance(d.toordinal() - published.toordinal()), d)) if options else None


def _distance(ahead: int) -> int:
    """How far a date ``ahead`` units after publication (negative: before it) is from it, for reading it."""
    return ahead * FUTURE_WEIGHT if ahead > 0 else -ahead


def _closest_month(month: int, published: datetime.date) -> datetime.date:
    """The first day of the month nearest ``published`` (the earlier on a tie), a month ahead counting
    FUTURE_WEIGHT times one behind.

    >>> _closest_month(8, datetime.date(2024, 3, 20)), _closest_month(4, datetime.date(2024, 3, 20))
    (datetime.date(2023, 8, 1), datetime.date(2024, 4, 1))
    """
    here = published.year * 12 + published.month - 1
    year = min((published.year - 1, published.year, published.year + 1),
               key=lambda y: (_distance(y * 12 + month - 1 - here), y))
    return datetime.date(year, month, 1)


def _period(unit: str, published: datetime.date, step: int) -> tuple[datetime.date, str]:
    """The first day of the week, month or year ``step`` units from the one ``published`` is in."""
    if unit == "week":
        return published - datetime.timedelta(days=published.weekday()) + datetime.timedelta(weeks=step), "week"
    if unit == "month":
        index = published.year * 12 + published.month - 1 + step
        return datetime.date(index // 12, index % 12 + 1, 1), "month"
    return datetime.date(published.year + step, 1, 1), "year"


def _clock(hour: int, minute: int | None, ampm: str | None) -> tuple[str, str] | None:
    """("HH:MM", precision) of a clock reading, None when it is not a time of day."""
    if ampm:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if ampm.lower() == "p" else 0)
    if hour > 23 or (minute is not None and minute > 59):
        return None
    return f"{hour:02d}:{minute or 0:02d}", "minute" if minute is not None else "hour"


def _word_start(text: str, index: int) -> bool:
    """Whether ``index`` starts a word (not inside "SuMay" or after a hyphen)."""
    return index == 0 or not (text[index - 1].isalnum() or text[index - 1] in "_-")


def _before(pattern: _Caseless, m: re.Match[str]) -> re.Match[str] | None:
    """``pattern`` (anchored with $) matched against the text just before ``m`` (a match in a :class:`_Text`).

    None, without a search, where no words of the pattern end the text before ``m`` (blanks and hyphens
    aside): then it has no match but the empty one (a pattern of optional parts), whose groups are all
    None, which tells the handlers as little as None.
    """
    start = m.start("s")
    lo = max(0, start - _CONTEXT)
    low = m.string.low  # type: ignore[attr-defined]
    if low is not None and not _ends_with(low[lo:start], _CONTEXT_ENDINGS[pattern], hyphens=True):
        return None
    return pattern.search(m.string, lo, start)  # type: ignore[arg-type]


def _unresolved(m: re.Match[str], kind: str = "date") -> _Found:
    """A relative mention without a publication date to resolve it against."""
    return _Found(*m.span("s"), relative=True, kind=kind)


# --- handlers: a match and the publication date -> a candidate, or None to drop it ---------------
def _on_calendar(m: re.Match[str], published: datetime.date | None) -> _Found | None:
    """'7 August 2008', 'August 8th', '8th of August', '9 May last year'."""
    if not _word_start(m.string, m.start("s")):
        return None
    start, end = m.span("s")
    month, day = _month(m["mon"]), int(m["day"])
    if m["year"]:
        year = int(m["year"])
        if not _valid(year, month, day):
            return None
        return _Found(start, end, datetime.date(year, month, day), "day", explicit_year=True, kind="calendar")
    if not _valid(2000, month, day):  # a leap year: February 29 exists
        return None
    if published is None:
        return _unresolved(m, "calendar")
    if m["rel"]:
        year = published.year + _STEP[m["rel"].lower()]
        resolved = datetime.date(year, month, day) if _valid(year, month, day) else None
    else:
        resolved = _closest_day(month, day, published)
    return _Found(start, end, resolved, "day" if resolved else None, relative=True, kind="calendar")


def _on_month(m: re.Match[str], published: datetime.date | None) -> _Found | None:
    """'August 2008', 'in August', 'since early March', 'mid-August 2008', 'August last year'."""
    context = _before(_MONTH_BEFORE, m)
    if not _word_start(m.string, m.start("s")) and not (context and context["mod"]):
        return None  # "SuMay", "pre-August"; not "mid-August"
    groups = m.groupdict()
    month, end = _month(m["mon"]), m.end("s")
    start = context.start("mod") if context and context["mod"] else m.start("s")
    if groups.get("year"):
        return _Found(start, end, datetime.date(int(groups["year"]), month, 1), "month", explicit_year=True)
    if not groups.get("rel") and not (context and (context["pre"] or context["mod"])):
        return None  # "May God help us", "the March on the capital"
    if published is None:
        return _Found(start, end, relative=True)
    if groups.get("rel"):
        resolved = datetime.date(published.year + _STEP[groups["rel"].lower()], month, 1)
    else:
        resolved = _closest_month(month, published)
    return _Found(start, end, resolved, "month", relative=True)


def _on_iso(m: re.Match[str], published: datetime.date | None) -> _Found | None:
    """'2008-08-07', '2008/08/07', '2008-08-07T21:21Z'."""
    year, month, day = int(m["y"]), int(m["mo"]), int(m["d"])
    if not _valid(year, month, day):
        return None
    time, time_precision = (_clock(int(m["h"]), int(m["mi"]), None) if m["h"] else None) or (None, None)
    return _Found(*m.span("s"), datetime.date(year, month, day), "day", time, time_precision,
                  explicit_year=True, kind="calendar")


def _on_numeric(m: re.Match[str], published: datetime.date | None) -> _Found | None:
    """'25/08/2008' or '08/25/2008', only when day and month cannot be mistaken ('08/07/2008' is dropped)."""
    a, b, year = int(m["a"]), int(m["b"]), int(m["y"])
    if a > 12 >= b:
        day, month = a, b
    elif b > 12 >= a or a == b:
        day, month = b, a
    else:
        return None
    if not _valid(year, month, day):
        return None
    return _Found(*m.span("s"), datetime.date(year, month, day), "day", explicit_year=True, kind="calendar")


def _on_year(m: re.Match[str], published: datetime.date | None) -> _Found | None:
    """'in 2008', 'since 1991', 'mid-2008', 'in early 2008' (not '2000 people', 'a total of 2000',
    'of 1935 Orchard St.')."""
    context = _before(_YEAR_BEFORE, m)
    if context is None or not (context["pre"] or context["mod"]) or _STREET_AFTER.match(m.string, m.end("s")):
        return None
    if m.start("s") and m.string[m.start("s") - 1] == "-" and not context["mod"]:
        return None
    if (context["pre"] or "").lower() == "of" and not context["mod"]:
        word = _WORD_BEFORE.search(m.string, max(0, context.start() - _CONTEXT), context.start())
        if word and word[1].lower() in _COUNT_BEFORE_OF:
            return None
    start = context.start("mod") if context["mod"] else m.start("s")
    return _Found(start, m.end("s"), datetime.date(int(m["year"]), 1, 1), "year", explicit_year=True)


def _on_year_range(m: re.Match[str], published: datetime.date | None) -> _Found | None:
    """'1991-92', '1991–1992', 'between 1992 and 1993', 'from 1992 to 1994': the first year."""
    groups = m.groupdict()
    if groups.get("first"):
        first, last = groups["first"], groups["last"]
    elif groups.get("a1"):
        first, last = groups["a1"], groups["a2"]
    else:
        first, last = groups["b1"], groups["b2"]
    if not _word_start(m.string, m.start("s")):
        return None
    start, end = int(first), int(last)
    if len(last) == 2:
        end += start // 100 * 100
        if end <= start:
            end += 100
    if not start < end <= start + 30:
        return None
    return _Found(*m.span("s"), datetime.date(start, 1, 1), "year", explicit_year=True)


def _on_weekday(m: re.Match[str], published: datetime.date | None) -> _Found | None:
    """'on Tuesday', 'late on Tuesday', 'Tuesday night': the last such day on or before ``published``;
    'last Tuesday' the one strictly before, 'next Tuesday' the first one after."""
    if not _word_start(m.string, m.start("s")):
        return None
    context = _before(_WEEKDAY_BEFORE, m)
    start, end = (context.start() if context else m.start("s")), m.end("s")
    if published is None:
        return _Found(start, end, relative=True, kind="weekday")
    weekday, mod = _WEEKDAY_NUMBER[m["wd"].lower()], (context["mod"].lower() if context else "")
    if mod == "next":
        resolved = published + datetime.timedelta(days=(weekday - published.weekday()) % 7 or 7)
    else:
        back = (published.weekday() - weekday) % 7
        resolved = published - datetime.timedelta(days=(back or 7) if mod == "last" else back)
    return _Found(start, end, resolved, "day", relative=True, kind="weekday")


def _on_relative_day(m: re.Match[str], published: datetime.date | None) -> _Found | None:
    """'today', 'yesterday', 'last night', 'this morning', 'overnight', 'tomorrow'."""
    word = m["word"]
    if word in {"Today", "TODAY"} and _NAME_BEFORE.search(m.string, max(0, m.start() - _CONTEXT), m.start()):
        return None  # "Russia Today", "USA Today": a name
    if published is None:
        return _unresolved(m)
    offset = _DAY_OFFSET[(m["which"] or " ".join(word.split())).lower()]
    return _Found(*m.span("s"), published + datetime.timedelta(days=offset), "day", relative=True)


def _on_relative_period(m: re.Match[str], published: datetime.date | None) -> _Found | None:
    """'last week', 'earlier this month', 'this year', 'next week'."""
    if published is None:
        return _unresolved(m)
    resolved, precision = _period(m["unit"].lower(), published, _STEP[m["which"].lower()])
    return _Found(*m.span("s"), resolved, precision, relative=True)


def _on_ago(m: re.Match[str], published: datetime.date | None) -> _Found | None:
    """'three days ago', '2 weeks ago', 'a year ago'."""
    if published is None:
        return _unresolved(m)
    n, unit = m["n"], m["unit"].lower()
    count = int(n) if n.isdigit() else _NUMBER_WORDS[n.lower()]
    if unit == "day":
        return _Found(*m.span("s"), published - datetime.timedelta(days=count), "day", relative=True)
    resolved, precision = _period(unit, published, -count)
    return _Found(*m.span("s"), resolved, precision, relative=True)


def _on_clock(m: re.Match[str], published: datetime.date | None) -> _Found | None:
    """'21:21', '10:00 a.m. local time', '9:21pm', '10 am', '(1421 GMT)', '0600 hours', 'at 0600'."""
    groups = m.groupdict()
    hour = int(groups["h"])
    minute = int(groups["mi"]) if groups.get("mi") else None
    if m.re is _CLOCK_AT and (not _word_start(m.string, m.start()) or hour * 100 + (minute or 0) in _YEARLIKE):
        return None  # "at 1950", "at 2008": more likely a year than a time
    clock = _clock(hour, minute, groups.get("ap"))
    if clock is None:
        return None
    return _Found(*m.span("s"), time=clock[0], time_precision=clock[1], kind="time")


def _on_clock_word(m: re.Match[str], published: datetime.date | None) -> _Found | None:
    """'noon', 'midday', 'midnight', '12 noon'."""
    time = "00:00" if m["word"].lower() == "midnight" else "12:00"
    return _Found(*m.span("s"), time=time, time_precision="hour", kind="time")


#: Every pattern, with the cues it needs and the handler that reads its matches; on equal spans the first wins.
_PATTERNS: tuple[tuple[frozenset[str], re.Pattern[str], _Handler], ...] = tuple(
    (frozenset(needs.split(",")), pattern, handler) for needs, pattern, handler in (
        ("four", _ISO, _on_iso),
        ("four", _NUMERIC, _on_numeric),
        ("month,digit", _DAY_MONTH, _on_calendar),
        ("month,digit", _MONTH_DAY, _on_calendar),
        ("month", _MONTH_YEAR, _on_month),
        ("month", _MONTH_ALONE, _on_month),
        ("four", _YEAR_RANGE, _on_year_range),
        ("four,span", _YEAR_SPAN, _on_year_range),
        ("four", _YEAR_ALONE, _on_year),
        ("weekday", _WEEKDAY_ALONE, _on_weekday),
        ("relative day", _RELATIVE_DAY, _on_relative_day),
        ("period", _RELATIVE_PERIOD, _on_relative_period),
        ("ago", _AGO, _on_ago),
        ("colon", _CLOCK, _on_clock),
        ("ampm", _CLOCK_AMPM, _on_clock),
        ("ampm", _CLOCK_OCLOCK, _on_clock),
        ("four", _CLOCK_MILITARY, _on_clock),
        ("four", _CLOCK_AT, _on_clock),
        ("clock word", _CLOCK_WORD, _on_clock_word),
    ))


# --- datelines -----------------------------------------------------------------------------------
def _dateline(head: str) -> datetime.date | None:
    """A full date (day, month and year) set apart as a dateline in the first lines of a text."""
    found = _dateline_mention(head)
    return found[1] if found else None


def dateline_end(text: str) -> int:
    """Where the date of ``text``'s dateline ends (0 when it has none): the report's own date, no event's.

    >>> dateline_end("Goma, 11 April 2026 - Rebels seized the town on Thursday.")
    19
    """
    found = _dateline_mention(text[:DATELINE_CHARS])
    return found[0] if found else 0


@functools.lru_cache(maxsize=4096)  # a batch reads each text's head twice: for its date, then its end
def _dateline_mention(head: str) -> tuple[int, datetime.date] | None:
    """(end offset, date) of the dateline's date in ``head``, or None (remembered: a text's dateline is read for
    its date and for where it ends)."""
    offset = 0
    for line in head.split("\n"):
        for mention in find_dates(line):
            if mention.date is None or not mention.explicit_year or mention.precision != "day":
                continue
            before, after = line[:mention.start], line[mention.end:]
            if _LABEL.fullmatch(before) or _BYLINE.fullmatch(before) or (
                    (_NOTHING.fullmatch(before) or _PLACE_DATELINE.fullmatch(before)) and _AFTER_DATELINE.match(after)):
                return offset + mention.end, mention.date
        offset += len(line) + 1
    return None
