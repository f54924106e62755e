"""Sentences and paragraphs of a news text, as character spans (fast, rule-based).

Event extraction works sentence by sentence and keeps the exact words each event
came from, so spans index into the original text; nothing is rewritten.

>>> text = "Gen. Ivanov said jets hit Gori at 10 a.m. Monday. Nobody died.\\n\\nNew paragraph."
>>> [text[s.start:s.end] for s in split_sentences(text)]
['Gen. Ivanov said jets hit Gori at 10 a.m. Monday.', 'Nobody died.', 'New paragraph.']
>>> [s.paragraph for s in split_sentences(text)]
[0, 0, 1]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Words that end with a full stop without ending the sentence (lower case, without the stop).
ABBREVIATIONS = frozenset([
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "cmdr", "adm", "brig",
    "gov", "sen", "rep", "pres", "rev", "st", "mt", "ft", "no", "nos", "vol", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thur",
    "thurs", "fri", "sat", "sun", "a.m", "p.m", "u.s", "u.k", "u.n", "e.u", "u.s.a", "i.e", "e.g", "etc",
    "vs", "approx", "est", "dept", "corp", "inc", "ltd", "co", "jr", "sr", "km",
])

_END = re.compile(r"""[.!?]+["'”’)\]]*(?=\s+["'“‘(\[]?[A-Z0-9À-ÖØ-Þ])|[.!?]+["'”’)\]]*\s*$""")
_PARAGRAPH = re.compile(r"\n[ \t\r]*\n\s*|\n(?=[ \t]*(?:[-*•#]|\d+[.)]\s))")  # \r: Windows line ends
_LINE = re.compile(r"\n")
_OPEN_END = re.compile(r"\b(?:the|a|an|of|and|or|to|in|on|at|for|with|by|from|that|near)$", re.I)
_WORD_BACK = re.compile(r"[\w.]+")
#: A line that ends without punctuation and is short is a heading or a dateline: its own sentence.
HEADING_CHARS = 80


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    paragraph: int  # index of the paragraph the sentence is in (blank lines separate paragraphs)


def split_sentences(text: str) -> list[Sentence]:
    """Sentence spans of ``text`` (leading and trailing blanks trimmed), in order."""
    out: list[Sentence] = []
    backwards = text[::-1]  # the word before a full stop is read backwards from it
    for index, (p_start, p_end) in enumerate(_paragraphs(text)):
        for line_start, line_end in _lines(text, p_start, p_end):
            for start, end in _sentences(text, line_start, line_end, backwards):
                out.append(Sentence(start, end, index))
    return out


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans = []
    start = 0
    for match in _PARAGRAPH.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Lines that are sentences of their own (headings, datelines), the rest joined."""
    spans: list[tuple[int, int]] = []
    run_start = start
    for match in _LINE.finditer(text, start, end):
        line = text[run_start:match.start()].rstrip()
        last_line = line[line.rfind("\n") + 1:]
        following = text[match.end():match.end() + 2].lstrip()[:1]
        heading = (bool(line) and len(last_line.strip()) <= HEADING_CHARS and line[-1] not in ",;-"
                   and following.isupper() and not _OPEN_END.search(line))
        if line and (line[-1] in ".!?:\"'”" or heading):
            spans.append((run_start, match.start()))
            run_start = match.end()
    spans.append((run_start, end))
    return spans


def _sentences(text: str, start: int, end: int, backwards: str) -> list[tuple[int, int]]:
    spans = []
    begin = start
    for match in _END.finditer(text, start, end):
        stop = match.end()
        if stop < end and text[match.start()] == "." and _abbreviated(text, begin, match.start(), backwards):
            continue
        spans.append((begin, stop))
        begin = stop
    spans.append((begin, end))
    out = []
    for s, e in spans:
        piece = text[s:e]
        lead = len(piece) - len(piece.lstrip())
        trail = len(piece) - len(piece.rstrip())
        if piece.strip():
            out.append((s + lead, e - trail))
    return out


def _abbreviated(text: str, begin: int, stop: int, backwards: str) -> bool:
    """Whether the full stop at ``stop`` ends an abbreviation ("Gen.", "U.S.") or an initial ("J. Smith").

    The word is the run of word characters and stops that ends with it, from ``begin`` at the
    earliest (read in ``backwards``, the text reversed). Only a full stop ends such a word: after
    "!" or "?" a sentence always ends.
    """
    size = len(text)
    word = _WORD_BACK.match(backwards, size - 1 - stop, size - begin)
    before = text[size - word.end():stop + 1].rstrip(".").lower()  # type: ignore[union-attr]
    return before in ABBREVIATIONS or (len(before) == 1 and before.isalpha())
