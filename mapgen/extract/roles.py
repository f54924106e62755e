"""Who did it, who says so, who denies it: actors and sources named in one sentence.

Patterns over the words of a sentence (no parser): news writing states sources in a
few fixed ways ("according to X", "X said", "..., says X") and actors as a noun phrase
before the verb ("Georgian troops launched").

>>> claims("Georgian sources reported that jets bombed Kareli.")
[Claim(start=0, end=16, who='Georgian sources')]
>>> denials("A spokesman for the Russian Ministry of Defence denied the reports.")
[Claim(start=20, end=47, who='Russian Ministry of Defence')]
>>> actors("On Monday Georgian troops attacked Ossetian militias near the town.", 26)
('Georgian troops', 'Ossetian militias')
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass

from mapgen.extract.counts import _Caseless, _Text, _trie  # a sentence's lower-cased copy, for fast re.I patterns

_VERBS = (r"said|says|say|reported|reports|report|claimed|claims|claim|announced|announces|stated|states|told|"
          r"confirmed|confirms|alleged|alleges|added|insisted|wrote|tweeted|quoted|cited|accused|warned|declared|"
          r"noted|estimated|estimates")
#: A character of a word in a source's name ("RIA", "al-Jazeera", "Reuters'", "AT&T").
_WORD = r"[\w'’.&-]"
_AUX = r"(?:has |have |had |also |later |reportedly |earlier |officially |further )*"
_CLAIM_ACCORDING = _Caseless(r"\b(?:according to|citing|as reported by|quoted by|reports? (?:by|from)|"
                             r"cited by|as (?:said|stated|announced) by)\s+(?P<who>[^,;:()\"“”]+)")
_CLAIM_TRAILING = _Caseless(rf",\s*(?:{_VERBS}|according to)\s+(?P<who>[^,;:\"“”]+?)[.!?\"”']*\s*$")
_CLAIM_PASSIVE = _Caseless(rf"\b(?:{_VERBS}|reported|confirmed|claimed) by\s+(?P<who>[^,;:()\"“”]+)")
#: The word every passive claim has: a sentence without it skips the long pattern above.
_PASSIVE_BY = _Caseless(r" by\s")
#: A part of every phrase of :data:`_CLAIM_ACCORDING` ("quoted by", "reports from"), in lower case.
_ACCORDING_PARTS = ("according to", "citing", "report", " by")
_DENY_VERBS = (
    r"(?:denied|denies|deny|rejected|rejects|dismissed|dismisses|refuted|"
    r"refutes|disputed|disputes|contradicted|called (?:this|the|these|those|such|that) (?:\w+ ){0,2}"
    r"(?:information|reports?|claims?|allegations?|accusations?|news|statements?)\s+[\"“']?(?:a |an )?"
    r"(?:nonsense|false|lies?|fabricat\w*|untrue|baseless|groundless|absurd|rubbish|propaganda|provocation|fake))")
#: A determiner right before a denial verb makes it an adjective ("a disputed vote", "the rejected plan").
_ADJECTIVE_BEFORE = re.compile(
    r"\b(?:a|an|the|this|that|these|those|its|their|his|her|our|whose|much|hotly|widely)\s+$", re.I)
#: Where a source phrase stops: a clause, a participle, a time.
_STOP = re.compile(r"\s+(?:reporting|reported|saying|said|says|that|who|which|at|on|in a statement|in an?|late|early|"
                   r"quoted|citing|as|while|after|before|when|on \w+day)\b.*$|\s*\(.*$", re.I)
_LEAD = re.compile(r"^(?:(?:at|on|as of|by|since|late on|early on)\s+(?:[\d:.]+\s*(?:a\.m\.|p\.m\.|am|pm)?|"
                   r"[A-Z][a-z]+\.? \d+\w*|\d+ [A-Z][a-z]+|[A-Z][a-z]+day)(?: (?:local time|GMT|UTC))?,?\s+)?"
                   r"(?:(?:and|but|while|yet|however|meanwhile|also|then|now|later|earlier|moreover|in turn|"
                   r"although|though|whereas|where|whom)\s+)*"
                   r"(?:(?:a|an|the|one|two|several|some)\s+)?(?:(?:speaker|spokes(?:man|woman|person)|representative|"
                   r"official|head|member|source|press service|press office|officer|adviser|advisor|aide)s?\s+"
                   r"(?:of|for|from|at|in|to)\s+(?:the\s+)?)?", re.I)
_PASSIVE_END = re.compile(r"\b(?:is|are|was|were|be|been|being)\s*$", re.I)
_CLAUSE = re.compile(r"[,;()\"“”]|:(?!\d)")
#: A source must name someone: a capitalised word or one of these nouns.
_SOURCE_NOUN = re.compile(
    r"\b(?:sources?|officials?|agency|agencies|ministry|spokes\w+|witnesses|residents|media|police|army|military|"
    r"government|authorities|president|minister|reports?|correspondents?|observers?|monitors?|group|organi[sz]ation|"
    r"committee|council|command|channel|tv|news|newspaper|radio|statement|commander|governor|mayor|officers?|"
    r"activists|locals|villagers|doctors|medics|journalists?|analysts|experts|spokesperson|militants|forces)\b", re.I)
_PRONOUN = re.compile(r"^(?:it|he|she|they|we|i|you|this|that|there|which|who|one|others?|some|many|all|both)$", re.I)

_FORCE_WORDS = (
    "forces", "force", "troops", "army", "military", "militants", "militias", "militia", "militiamen", "police",
    "policemen", "soldiers", "rebels", "separatists", "fighters", "gunmen", "insurgents", "jihadists", "aircraft",
    "jets", "warplanes", "planes", "helicopters", "drones", "bombers", "authorities", "government", "protesters",
    "demonstrators", "rioters", "residents", "villagers", "students", "workers", "peacekeepers", "peacemakers",
    "volunteers", "air force", "navy", "guards", "gendarmes", "elements", "unit", "units", "brigade", "battalion",
    "regiment", "group", "groups", "men", "supporters", "members", "mob", "crowd", "youths", "farmers", "herders",
    "attackers", "assailants")
_FORCE = "|".join(_FORCE_WORDS)  # in this order: the first that fits is taken
#: A noun phrase naming an armed or organised group: capitalised words, then a force noun. (A word is
#: followed by spaces, so giving back its letters cannot help a match: its quantifiers are possessive.)
#: A force noun alone, capitalised as a sentence begins with it ("Rebels shelled the camp", "Officers arrested 47").
_BARE_FORCES = ("Rebels|Troops|Soldiers|Militants|Gunmen|Police|Policemen|Insurgents|Jihadists|Fighters|Protesters|"
                "Demonstrators|Rioters|Militiamen|Assailants|Attackers|Separatists|Officers|Gendarmes|Peacekeepers")
_ACTOR = re.compile(
    rf"(?<![\w-])(?P<who>(?:(?:[A-Z][\w'’.-]*+|al|el|of|the|and|pro-[\w-]++|anti-[\w-]++|[\w-]+-(?:backed|led)|"
    rf"\d++\w*+|[A-Z]{{2,}})\s++){{1,5}}(?:[a-z][\w-]*+\s++){{0,2}}(?:{_FORCE})|(?:unidentified|unknown|armed|masked) "
    rf"(?:gunmen|assailants|men|attackers|militants)|Al[- ][Ss]habaa?b|Taliban|Houthis?|Hamas|Hezbollah|Boko Haram|"
    rf"{_BARE_FORCES})\b")
#: The words a match of :data:`_ACTOR` ends with: a force noun after a space, or a name.
_FORCE_AFTER_SPACE = re.compile(rf"\s{_trie(_FORCE_WORDS)}")
_ACTOR_NAME = re.compile(rf"Al[- ][Ss]habaa?b|Taliban|Houthis?|Hamas|Hezbollah|Boko Haram|"
                         rf"(?<![\w-])(?:{_BARE_FORCES})\b")
#: Up to seven words (runs of non-space) in a reversed text: from a force noun back to the earliest start.
_WORDS_BACK = re.compile(r"(?:\s*\S+){1,7}")
_SPACE = re.compile(r"\s")
_OBJECT_CUE = re.compile(r"\b(?:against|on|at|with|targeting|attacked|attacking|ambushed|killed|killing|shelled|"
                         r"bombed|positions of|between)\s+(?:the\s+)?(?:positions of\s+(?:the\s+)?)?$", re.I)
#: Force nouns that alone name no one: "men", "units"; and weapons ("launched 87 drones"), which are what the
#: actor used ("Russian jets" are an actor).
_NO_ONE = frozenset({"men", "group", "groups", "members", "elements", "unit", "units", "aircraft", "jets", "warplanes",
                     "planes", "helicopters", "drones", "bombers"})
#: Between two groups before the act: "M23 rebels and the Congolese army (fought)".
_AND_JOIN = re.compile(r",?\s+and\s+(?:the\s+)?", re.I)
_BY = re.compile(r"\bby\s+(?:the\s+)?$", re.I)
#: Before a group: an act done to it ("killed 14 soldiers", "ambushed a police patrol"): its target, not its doer.
_VICTIM_BEFORE = re.compile(r"\b(?:killed|killing|attacked|attacking|ambushed|ambushing|wounded|injured|targeted|"
                            r"targeting|abducted|kidnapped|executed|shot|shooting|besieged|encircled)\s+"
                            r"(?:(?:at least|up to|some|about|around|more than|dozens of|scores of)\s+)?$", re.I)
#: After a source: what makes it the doer of the act it tells ("said it had", "claimed its fighters").
_SELF_CLAIM = re.compile(r"\s+(?:said|says|claimed|claims|announced|announces|confirmed)\s+(?:that\s+)?"
                         r"(?:it|its\s+(?:fighters|forces|troops|units|members|men|aircraft|jets|warplanes|drones|artillery))\s+(?:had\s+|has\s+|have\s+)?"
                         r"(?-i:[a-z]+\s+){0,2}$", re.I)  # "... fired rockets": the act's own words
_NUMBERS = re.compile(r"^(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|dozens of|hundreds of|"
                      r"thousands of|some|several|about|around|up to|at least|more than|the|a|an)\s+", re.I)


class _WordsThenVerb:
    """The pattern "one to nine words, then ``verb``" (case-insensitive), matched fast.

    ``finditer`` gives what ``re.finditer`` gives, with shortcuts that change no match: a
    text without the verb is not searched, and a match is sought only at the start of a word
    (or where the previous match ended): one starting inside a word would have started at the
    word's beginning, which is tried first. Patterns run on the lower-cased copy (see
    :class:`~mapgen.extract.counts._Caseless`).

    >>> said = _WordsThenVerb("said")
    >>> text = "Mr. Smith said so; officials of the town have also said it."
    >>> [text[m.start("who"):m.end("who")] for m in said.finditer(text)]
    ['Mr. Smith ', 'officials of the town ']
    >>> [m.span() for m in said.finditer(text)] == [m.span() for m in said.pattern.finditer(text)]
    True
    """

    def __init__(self, verb: str) -> None:
        words = rf"(?P<who>(?:{_WORD}+ ){{1,9}}?){_AUX}{verb}"
        self._here = _Caseless(words)
        self.pattern = self._here.pattern
        self._at_word = _Caseless(rf"(?<!{_WORD}){words}")
        self._verb = _Caseless(f" {verb}")

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """The matches of :attr:`pattern`; groups hold lower-cased text.

        A search starts no earlier than the run of word characters and spaces that leads to
        the next " verb" still ahead (a match's words are nothing else), and none is made
        after the last.
        """
        text = _Text.of(text)
        verbs = [m.span() for m in self._verb.finditer(text)]
        if not verbs:
            return
        breaks = [m.start() for m in _NOT_IN_WORDS.finditer(text)]
        pos = index = 0
        while True:
            while index < len(verbs) and verbs[index][1] <= pos:
                index += 1  # a verb skipped by finditer overlaps one found, which is then still ahead
            if index == len(verbs):
                return
            run = bisect_left(breaks, verbs[index][0])
            match = self._here.match(text, pos) or self._at_word.search(
                text, max(pos, breaks[run - 1] + 1 if run else 0))
            if match is None:
                return
            yield match
            pos = match.end()


#: A character that cannot be in the words before a verb (:class:`_WordsThenVerb`).
_NOT_IN_WORDS = re.compile(r"[^\w'’.&\- ]")


#: A clause that names a source before a reporting verb.
_CLAIM_BEFORE = _WordsThenVerb(rf"(?:{_VERBS})\b")
#: Claim verbs that as often take a deed as a report ("announced the mobilisation", "declared a state of
#: emergency"): a claim only before what is told ("announced that", "declared:", "announced on Monday").
_ACT = re.compile(r"(?:announced|announces|declared|declares|warned|warns)$", re.I)
_TOLD_AFTER = re.compile(r"\s*(?:that\b|[,:;.\"“”'‘’]|$|on\b|in\b|at\b|late\b|early\b|yesterday|today|"
                         r"last\b|this\b|\d)", re.I)
#: A denial just before a claim's verb: "denied reports", "rejected claims" (the verb a noun there).
_DENIED_REPORT = re.compile(rf"\b{_DENY_VERBS}\s+(?:the\s+)?$", re.I)
_DENY = _WordsThenVerb(_DENY_VERBS)


@dataclass(frozen=True, slots=True)
class Claim:
    """A source named in the sentence: its span and the name cleaned for a table."""

    start: int
    end: int
    who: str


def claims(sentence: str) -> list[Claim]:
    """Who the sentence says reported what it tells ("Georgian sources", "RIA Novosti")."""
    sentence = _Text.of(sentence)
    found: list[Claim] = []
    low = sentence.low
    according = (_CLAIM_ACCORDING,) if low is None or any(part in low for part in _ACCORDING_PARTS) else ()
    passive = (_CLAIM_PASSIVE,) if _PASSIVE_BY.search(sentence) else ()
    for pattern in (*according, _CLAIM_TRAILING, *passive):
        for match in pattern.finditer(sentence):
            _add(found, sentence, match.start("who"), match.end("who"))
    for match in _CLAIM_BEFORE.finditer(sentence):
        if _DENIED_REPORT.search(match.group("who")):
            continue  # "the army denied reports that ...": a denial of unnamed reports, not the army's claim
        if _ACT.search(sentence, 0, match.end()) and not _TOLD_AFTER.match(sentence, match.end()):
            continue  # "as the government declared a state of emergency": a deed, not a report
        start = _clause_start(sentence, match.start("who"), match.end("who"))
        _add(found, sentence, start, match.end("who"))
    return sorted(found, key=lambda c: c.start)


def denials(sentence: str) -> list[Claim]:
    """Who the sentence says denied a report ("the Russian Ministry of Foreign Affairs")."""
    sentence = _Text.of(sentence)
    found: list[Claim] = []
    for match in _DENY.finditer(sentence):
        if _ADJECTIVE_BEFORE.search(match["who"]):
            continue  # "after a disputed referendum": an adjective, nobody denied anything
        start = _clause_start(sentence, match.start("who"), match.end("who"))
        _add(found, sentence, start, match.end("who"))
    return found


def _clause_start(sentence: str, start: int, end: int) -> int:
    """The start of the clause that ends at ``end`` (after the last comma or quote)."""
    return max((m.end() for m in _CLAUSE.finditer(sentence, start, end)), default=start)


def _add(found: list[Claim], sentence: str, start: int, end: int) -> None:
    raw = sentence[start:end]
    if _PASSIVE_END.search(raw):
        return
    stopped = _STOP.sub("", raw)
    lead = _LEAD.match(stopped)
    cut = lead.end() if lead else 0
    who = stopped[cut:].strip(" .,'\"’”")
    if not who or len(who) > 80 or _PRONOUN.match(who):
        return
    if not (_SOURCE_NOUN.search(who) or any(w[:1].isupper() for w in who.split())):
        return
    if who.split()[0][:1].islower() and not _SOURCE_NOUN.search(who):
        return
    begin = start + raw.find(who)
    if any(c.start < begin + len(who) and begin < c.end for c in found):
        return
    found.append(Claim(begin, begin + len(who), who))


def actors(sentence: str, trigger: int, *, skip: list[tuple[int, int]] | None = None) -> tuple[str | None, str | None]:
    """(actor1, actor2): the group acting (before the trigger word at ``trigger``) and its target.

    ``skip`` spans (sources of claims) are not actors.
    """
    from mapgen.geoparse.actors import named_groups

    spans = skip or []
    ends: dict[int, int] = {}
    before: list[tuple[int, str]] = []
    after: list[tuple[int, str]] = []
    found = [(*m.span("who"), m["who"]) for m in _actor_matches(sentence)]
    # groups known by name ("the paramilitary Rapid Support Forces", "JNIM") where no force noun names them
    found += [g for g in named_groups(sentence) if not any(s < g[1] and g[0] < e for s, e, _ in found)]
    for start, end, text in sorted(found):
        if any(s < end and start < e for s, e in spans) or start < trigger < end:
            continue  # a source, or the act itself with its object ("Raqqa and detained four men")
        who = _NUMBERS.sub("", text).strip()
        who = _strip_lead(who)
        if not who or who.lower() in _NO_ONE:
            continue
        if start < trigger and _VICTIM_BEFORE.search(sentence, max(0, start - 40), start):
            after.append((start, who))  # "jihadists killed 14 soldiers in an ambush": the soldiers are the target
            continue
        (before if start < trigger else after).append((start, who))
        ends[start] = end
    actor1 = before[-1][1] if before else None
    pair = None
    if len(before) > 1:
        (first, one), (second, other) = before[-2], before[-1]
        if _AND_JOIN.fullmatch(sentence, ends[first], sentence.find(other, second)):
            actor1, pair = one, other  # "M23 rebels and the Congolese army fought": the one, against the other
    if actor1 is None:  # "The Arakan Army said it had captured a base": a group claiming its own act did it
        actor1 = next((_strip_lead(sentence[s:e]) for s, e in spans
                       if e < trigger and _SELF_CLAIM.match(sentence, e, trigger)), None)
    actor2 = pair
    for start, who in after:
        prefix = sentence[max(0, start - 40):start]
        if actor1 is None and _BY.search(prefix):
            actor1 = who
        elif actor2 is None and _OBJECT_CUE.search(prefix) and who != actor1:
            actor2 = who
    return actor1, actor2


def _actor_matches(sentence: str) -> Iterator[re.Match[str]]:
    """``_ACTOR.finditer(sentence)``, each search started near the next force noun or name.

    A match ends with a force noun after a space ("unidentified gunmen" too), at most seven
    words (runs of non-space) after its start, or is a name; so no match starts before the
    seventh word ahead of the next force noun still ahead, or before the next name, and none
    ends after the word of the last. (A force noun that finditer skipped overlaps one found.)
    A sentence with neither is not searched.
    """
    forces = [m.span() for m in _FORCE_AFTER_SPACE.finditer(sentence)]
    names = [m.span() for m in _ACTOR_NAME.finditer(sentence)]
    if not forces and not names:
        return
    backwards = sentence[::-1]
    last = max(span[1] for span in forces + names)
    space = _SPACE.search(sentence, last)
    end = space.start() if space else len(sentence)  # no match reaches past the word of the last hit
    pos = force = name = 0
    while True:
        while force < len(forces) and forces[force][1] <= pos:
            force += 1
        while name < len(names) and names[name][1] <= pos:
            name += 1
        bounds = [names[name][0]] if name < len(names) else []
        if force < len(forces):
            words = _WORDS_BACK.match(backwards, len(sentence) - forces[force][0])
            bounds.append(len(sentence) - words.end() if words else 0)
        if not bounds:
            return
        match = _ACTOR.search(sentence, max(pos, min(bounds)), end)
        if match is None:
            return
        yield match
        pos = match.end()


_LEAD_WORDS = frozenset([
    "on", "in", "at", "by", "after", "before", "since", "during", "when", "while", "the", "a", "an", "as", "and",
    "of", "late", "early", "this", "last", "january", "february", "march", "april", "may", "june", "july",
    "august", "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
    "sunday",
])


def _strip_lead(who: str) -> str:
    """"On August 7 Georgian troops" -> "Georgian troops": dates and prepositions are not names."""
    words = who.split()
    while len(words) > 1 and (words[0].lower().strip(",.") in _LEAD_WORDS or words[0][:1].isdigit()):
        words.pop(0)
    return " ".join(words)
