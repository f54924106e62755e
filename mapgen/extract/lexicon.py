"""Word lists and patterns for event extraction, kept apart from the logic that uses them.

Cues follow the ACLED codebook's definitions of its event types: who did what to whom
with which weapon. Patterns are matched case-insensitively against one sentence unless
named ``*_CASED``.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from operator import itemgetter
from typing import ClassVar


def _words(*alternatives: str) -> re.Pattern[str]:
    """One case-insensitive pattern matching any of the alternatives as whole words."""
    return re.compile(r"(?<![\w-])(?:" + "|".join(alternatives) + r")(?![\w-])", re.I)


class Cue:
    """A case-insensitive pattern that searches an ASCII text's lowercase copy with a case-sensitive twin.

    Python's re folds case letter by letter and cannot skip the alternatives of an ignore-case
    pattern whose first letter differs; the twin on a lowercase copy can, and runs three to five
    times faster. ASCII lowercases letter for letter, so offsets are the text's own, but a match's
    text is the copy's: callers take spans. A pattern holding capitals or a ``(?-i:...)`` part has
    no twin unless ``cased`` names, in lowercase, the words its case-sensitive parts match ("march";
    "is" for ``(?-i:IS|ISIS)``), all its capitals being in those parts: the twin then searches only
    texts where these words appear in lowercase alone, in which those parts match the copy as they
    match the text.

    >>> cue = Cue(_words(r"shell(?:ed|ing)"))
    >>> cue.search("Troops SHELLED the town.").span(), cue.twin is not None
    ((7, 14), True)
    >>> Cue(_words(r"(?-i:IS)")).twin is None
    True
    >>> march = Cue(_words(r"(?-i:march)"), cased=("march",))
    >>> march.search("They march."), march.search("On 3 March.") is None
    (<re.Match object; span=(5, 10), match='march'>, True)
    >>> group = Cue(_words(r"(?-i:IS)", r"taliban"), cased=("is",))
    >>> group.search("This is the Taliban").span(), group.search("IS fighters").span()
    ((12, 19), (0, 2))
    """

    __slots__ = ("cased", "pattern", "twin")
    #: The last text searched and its lowercase copy, None when not ASCII (one tuple: replaced whole).
    seen: ClassVar[tuple[str | None, str | None]] = (None, None)

    def __init__(self, pattern: re.Pattern[str], cased: tuple[str, ...] = ()) -> None:
        self.pattern, self.cased = pattern, cased
        letters = re.sub(r"\\.", "", pattern.pattern)  # escapes (\w, \S) are not letters to fold
        foldable = pattern.flags & re.I and (cased or not (any(c.isupper() for c in letters) or "(?-i" in letters))
        self.twin = re.compile(pattern.pattern, pattern.flags & ~re.I) if foldable else None

    @staticmethod
    def lowered(text: str) -> str | None:
        """The text in lowercase if it is ASCII (computed once for the patterns searching one text)."""
        seen, low = Cue.seen
        if seen is not text:
            low = text.lower() if text.isascii() else None
            Cue.seen = (text, low)
        return low

    def _target(self, text: str) -> tuple[re.Pattern[str], str]:
        if self.twin is not None:
            seen, low = Cue.seen
            if seen is not text:
                low = Cue.lowered(text)
            if low is not None and (not self.cased or all(text.count(word) == low.count(word) for word in self.cased)):
                return self.twin, low
        return self.pattern, text

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        pattern, target = self._target(text)
        return pattern.search(target, pos, endpos)

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        pattern, target = self._target(text)
        return pattern.match(target, pos, endpos)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        pattern, target = self._target(text)
        return pattern.finditer(target)


def endings(*words: str) -> dict[str, tuple[str, ...]]:
    """``words`` by their last character, for :func:`ends_with`."""
    index: dict[str, list[str]] = {}
    for word in words:
        index.setdefault(word[-1], []).append(word)
    return {last: tuple(group) for last, group in index.items()}


def ends_with(text: str, index: dict[str, tuple[str, ...]]) -> bool:
    """Whether ``text`` ends with one of the words of ``index`` (see :func:`endings`): a look-up and a few
    comparisons, however many the words.

    >>> ends_with("killed at least", endings("least", "most")), ends_with("", endings("least"))
    (True, False)
    """
    return text.endswith(index.get(text[-1:], ()))


class EndCue(Cue):
    """A :class:`Cue` for words that end the text (a pattern ending ``\\s+$``), searched in a lowercase copy
    only when it ends with one of ``endings`` (its matches' last words) and blanks: most texts end otherwise.

    >>> cue = EndCue(re.compile(r"(?:in|near)\\s+(?:the\\s+)?$", re.I), ("in", "near", "the"))
    >>> cue.search("Jets bombed targets near the ").span(), cue.search("Jets bombed ") is None
    ((20, 29), True)
    """

    __slots__ = ("endings",)

    def __init__(self, pattern: re.Pattern[str], words: tuple[str, ...]) -> None:
        super().__init__(pattern)
        self.endings = endings(*words)

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        pattern, target = self._target(text)
        if target is not text and not ends_with(target[pos:endpos].rstrip(), self.endings):
            return None  # the copy is lowercase, as the endings are
        return pattern.search(target, pos, endpos)


class PartCue(Cue):
    """A :class:`Cue` searched in a lowercase copy only when it holds one of ``parts``, which every match holds.

    >>> cue = PartCue(re.compile(r"(?:near|\\d+ km from)\\s+$", re.I), ("near", "km"))
    >>> cue.search("Shelling near ").span(), cue.search("Shelling in ") is None
    ((9, 14), True)
    """

    __slots__ = ("parts",)

    def __init__(self, pattern: re.Pattern[str], parts: tuple[str, ...]) -> None:
        super().__init__(pattern)
        self.parts = parts

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        pattern, target = self._target(text)
        if target is not text:  # the copy is lowercase, as the parts are
            window = target[pos:endpos]
            if not any(part in window for part in self.parts):
                return None
        return pattern.search(target, pos, endpos)


def _cue(*alternatives: str, cased: tuple[str, ...] = ()) -> Cue:
    """A :class:`Cue` matching any of the alternatives as whole words."""
    return Cue(_words(*alternatives), cased)


#: Letters of a word that a Guarded pattern's cheap test looks at (fewer for shorter stems: "set", "war").
HEAD = 4
_TOKEN = re.compile(r"[a-z0-9]+")
#: ASCII characters that end a word: an ASCII text's words are then its lowercase copy, so translated, split.
_BREAKS = str.maketrans(dict.fromkeys([c for c in map(chr, range(128)) if not re.fullmatch(_TOKEN, c)], " "))


_FIRST, _FIRST3 = itemgetter(slice(HEAD)), itemgetter(slice(3))


def _heads(text: str) -> set[str]:
    """The beginnings (first HEAD letters, and first 3) of the text's words: runs of letters and digits."""
    low = Cue.lowered(text)
    words = low.translate(_BREAKS).split() if low is not None else _TOKEN.findall(text.lower())
    heads = set(map(_FIRST, words))
    heads.update(map(_FIRST3, words))
    return heads


class Guarded(Cue):
    r"""A pattern that searches only texts holding a word that begins like one of its stems: a cheap test
    first (the first letters of the text's words, computed once a text, against a set).

    Words shorter than 3 letters that an alternative needs whole ("F-16") are ``words``; the
    test sees them since it keeps the first 3 letters of a word, all of a short one. Alternatives
    with no word to begin ("120mm") are announced by ``unworded``, a small pattern searched then.

    >>> cue = Guarded(("defus",), r"defus(?:ed|al)")
    >>> cue.search("Sappers defused it.").group(), cue.search("Nothing here.") is None
    ('defused', True)
    >>> Guarded(("mig",), r"(?:mig|f)-\d+", words=("f",)).search("Two F-16 jets").span()
    (4, 8)
    >>> Guarded(("mortar",), r"mortars?", r"\d+ ?mm", unworded=r"\d ?mm").search("A 120MM shell").span()
    (2, 7)
    """

    __slots__ = ("heads", "unworded")
    #: The last text tested, and the beginnings of its words (one tuple: replaced whole, never half-updated).
    seen_heads: ClassVar[tuple[str | None, set[str]]] = (None, set())

    def __init__(self, stems: tuple[str, ...], *alternatives: str, words: tuple[str, ...] = (),
                 cased: tuple[str, ...] = (), unworded: str | None = None) -> None:
        # every alternative has a word beginning with a stem (lowercase, at least 3 letters) or one of the words
        if any(len(stem) < 3 or not stem[:HEAD].strip().isalnum() for stem in stems):
            raise ValueError(f"stems must begin with 3 letters or more: {stems}")
        if any(len(word) > 3 or not word.isalnum() for word in words):
            raise ValueError(f"words must be whole words of 3 letters or fewer: {words}")
        self.heads = frozenset([stem[:HEAD].strip() for stem in stems] + list(words))
        self.unworded = re.compile(unworded, re.I) if unworded else None
        super().__init__(_words(*alternatives), cased)

    def _possible(self, text: str) -> bool:
        seen, heads = Guarded.seen_heads
        if seen is not text:  # the patterns of one sentence share its word beginnings
            heads = _heads(text)
            Guarded.seen_heads = (text, heads)
        return not self.heads.isdisjoint(heads) or (self.unworded is not None and self.unworded.search(text) is not None)

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        seen, heads = Guarded.seen_heads  # _possible, inlined: most searches of most sentences stop here
        if seen is not text:
            heads = _heads(text)
            Guarded.seen_heads = (text, heads)
        if self.heads.isdisjoint(heads) and (self.unworded is None or self.unworded.search(text) is None):
            return None
        pattern, target = self._target(text)
        return pattern.search(target, pos, endpos)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        if not self._possible(text):
            return iter(())
        pattern, target = self._target(text)
        return pattern.finditer(target)


# --- Weapons and attacks ---------------------------------------------------------------------
#: Aircraft and drones (platforms of air strikes).
AIR_PLATFORM = Guarded(
    ("plane", "warplane", "jet", "aircraft", "helicopter", "gunship", "bomber", "uav", "drone", "quadcopter", "sortie",
     "flight", "mig", "shahed", "air", "aviation"),
    r"(?:war|fighter |military |attack )?planes?", r"(?:fighter )?jets?", r"aircraft", r"helicopters?",
    r"(?:helicopter )?gunships?", r"bombers?", r"uavs?", r"(?:armed |attack |kamikaze |combat )?drones?",
    r"quadcopters?", r"sorties?", r"flights?", r"(?:su|mig|tu|f|mi|ka)-\d+\w*", r"shaheds?", r"air force", r"aviation",
    r"air ?forces?", words=("su", "tu", "f", "mi", "ka"))
#: Attack verbs that turn a platform into an air strike ("jets bombed").
AIR_ATTACK = _cue(
    r"bomb(?:s|ed|ing)?", r"dropp(?:ed|ing) (?:\w+ )?bombs?", r"strik(?:e|es|ing)", r"struck", r"hit",
    r"target(?:ed|ing|s)?", r"raid(?:s|ed)?", r"fired", r"attack(?:s|ed|ing)?",
    r"pounded", r"rocketed", r"launched (?:\w+ )?(?:missiles?|rockets?)", r"bombard(?:ed|ing|ment)?")
#: Names of air strikes that need no platform.
AIR_STRIKE = Guarded(
    ("air", "airstrike", "aerial", "drone", "bombing", "carpet", "barrel", "dropp"),
    r"air ?strikes?", r"air[- ]raids?", r"air attacks?", r"aerial (?:bombardments?|attacks?|bombings?|strikes?)",
    r"drone (?:strikes?|attacks?)", r"airstrikes?", r"air-strikes?", r"bombing raids?", r"carpet bombing",
    r"barrel bombs?", r"dropp(?:ed|ing) (?:\w+ ){0,2}bombs?")
#: A strike named by what it hit or did, with no weapon ("One strike hit a tent camp", "a strike on a house"):
#: in conflict reports a bombing from the air, told with less certainty than a named weapon. (A labour strike
#: is a protest's: classify reads the word before it.)
STRIKE = Guarded(
    ("strike",),
    r"strikes? (?:(?:also|then|later|reportedly) )?(?:hit|hits|killed|kills|struck|targeted|targets|destroyed|"
    r"destroys|wounded|injured|levell?ed|flattened|damaged)",
    r"strikes? on (?:(?:a|an|the|two|three|several|\d+) )?(?:\w+ ){0,2}(?:houses?|homes?|buildings?|schools?|"
    r"hospitals?|cars?|vehicles?|tents?|camps?|shelters?|mosques?|markets?|apartments?|residential|"
    r"neighbou?rhoods?|positions?)")
#: Before "strike": the kind of strike a protest is ("a general strike hit transport").
LABOUR_STRIKE_BEFORE = re.compile(r"\b(?:general|nationwide|national|hunger|labou?r|workers['’]?|teachers['’]?|"
                                  r"transport|truckers['’]?|doctors['’]?|nurses['’]?|staff|union|sit-down)\s+$", re.I)
SHELLING = Guarded(
    ("shell", "artillery", "mortar", "rocket", "missile", "howitzer", "mlrs", "grad", "katyusha", "tank", "bombard",
     "barrage", "projectile", "cannon", "heavy", "ballistic", "under", "grenade", "rpg", "atgm", "recoilless",
     "explosion", "blast", "medium", "ifv", "infantry", "anti", "pound"),
    r"shell(?:s|ed|ing)?", r"artillery", r"mortars?", r"rockets?", r"missiles?", r"howitzers?", r"mlrs",
    r"pound(?:ed|ing)",  # "forces pounded rebel-held towns": a bombardment (with jets named: an air strike)
    r"grads?", r"katyushas?", r"tank fire", r"bombard(?:ed|ment|ments|ing)?", r"barrages?", r"projectiles?",
    r"\d+ ?mm", r"cannon fire", r"heavy weapons", r"rocket launchers?", r"multiple rocket", r"ballistic",
    r"cruise missiles?", r"under (?:heavy )?fire", r"grenade launchers?", r"rpgs?", r"rocket[- ]propelled grenades?",
    r"anti-tank", r"atgms?", r"recoilless", r"explosions?", r"blasts?", r"tank(?:s)? fired",
    r"(?:heavy|medium)(?: and (?:heavy|medium))? (?:machine ?-?guns?|weapons)", r"ifvs?", r"infantry fighting vehicles?",
    r"anti-?aircraft (?:guns?|artillery|weapons|cannons?|fire)", unworded=r"\d ?mm")
#: Aircraft supporting a ground operation: the operation (a clash or an attack) is the event, not an air strike.
AIR_SUPPORT = Guarded(
    ("backed by", "supported by", "assisted by", "covered by", "air support", "air cover", "help of", "support of",
     "along with"),
    r"(?:backed|supported|assisted|covered) by (?:\w+ ){0,2}(?:air ?strikes?|aircraft|helicopters?|drones?|air forces?|"
    r"air support|warplanes|jets)", r"air (?:support|cover)",
    r"(?:with the (?:help|support) of|along with) (?:the )?(?:\w+ ){0,2}(?:helicopters?|aircraft|drones?|warplanes|jets)")
REMOTE_EXPLOSIVE = Guarded(
    ("ied", "rcied", "vbied", "pbied", "svied", "improvised", "mine", "landmine", "explosive", "bomb", "booby",
     "detonat", "device"),
    r"(?:rc|vb|pb|sv)?ieds?", r"improvised explosive(?: devices?)?", r"roadside bombs?", r"land ?mines?", r"mines?",
    r"explosive devices?", r"car bombs?", r"booby[- ]traps?(?:ped)?", r"bombs? (?:\w+ ){0,5}(?:exploded|went off)",
    r"detonat(?:ed|ion|ing)", r"explosives?", r"sticky bombs?", r"planted (?:a |an |\w+ )?(?:bombs?|explosives?)",
    r"bombs? (?:planted|attached|hidden|placed)", r"[\w]+-planted (?:bombs?|mines?|explosives?|devices?)",
    r"magnetic bombs?", r"bomb attacks?", r"bombings?")
GRENADE = Guarded(
    ("grenade",),
    r"(?<!armed with a )(?<!armed with )(?:hand )?grenades?(?! launchers?)", r"grenade attacks?")
SUICIDE = Guarded(
    ("suicide", "blew"),
    r"suicide (?:bomb(?:er|ers|ing|ings)?|attacks?|attackers?|vests?|car bombs?|blasts?)",
    r"blew (?:himself|herself|themselves) up")
#: Suicide bombers stopped before they blew themselves up: a fight or a foiled attack, not a suicide bombing.
BOMBER_STOPPED = _cue(r"(?:killed|shot|neutrali[sz]ed|arrested|captured|stopped) (?:\w+ ){0,4}suicide (?:bombers?|attackers?)")
CHEMICAL = Guarded(
    ("chemical", "chlorine", "sarin", "mustard", "nerve"),
    r"chemical (?:weapons?|attacks?|agents?)", r"chlorine", r"sarin", r"mustard gas", r"nerve agents?")

CLASH = Guarded(
    ("clash", "fighting", "fought", "battle", "firefight", "gun", "exchang", "skirmish", "ambush", "offensive",
     "counter", "combat", "engaged", "assault", "crossfire", "hostilities", "shoot", "confrontation", "shot",
     "downed", "fired", "firing", "burst", "arms", "repel", "repulsed", "thwart", "incursion", "both", "returned",
     "respond", "reacted", "fire", "opened"),
    r"clash(?:es|ed|ing)?", r"fighting", r"fought", r"(?<!to )battles?", r"battled", r"firefights?", r"gun ?fights?",
    r"gun ?battles?", r"exchang(?:ed|es|e|ing) (?:of )?(?:heavy )?(?:fire|gunfire|artillery|shots|shelling)",
    r"exchanges? of (?:heavy )?(?:fire|gunfire)", r"skirmish(?:es|ed)?", r"ambush(?:ed|es|ing)?", r"offensives?",
    r"counter-?offensives?", r"counter-?attack(?:s|ed)?", r"(?<!to )combat(?!ing)", r"engaged", r"heavy gunfire", r"assaults?",
    r"crossfire", r"hostilities", r"shootouts?", r"shoot-outs?", r"armed confrontations?",
    r"(?:violent|deadly|fierce|bloody|brief|heavy) confrontations?",  # not a state's "confrontation with Russia"
    r"confrontations? (?:between|with) (?:the )?(?:\w+ )?(?:police|security forces|troops|soldiers|forces|army|"
    r"militants|rebels|gunmen|fighters|militias?|insurgents)",
    r"shot down", r"downed", r"fired (?:\w+ ){0,4}(?:at|on|upon) (?:the )?(?:\w+ )?positions", r"fired with",
    r"bursts? of (?:gun)?fire", r"shots (?:involving|were fired|fired)", r"(?:small|light) arms", r"small-arms",
    r"repell?(?:ed|ing)", r"repulsed", r"thwart(?:ed|ing)", r"incursions?", r"fir(?:ed|ing) (?:\w+ ){0,2}in both directions",
    r"(?:weapons|fire|shots|projectiles|explosions) in both directions", r"fired back",
    r"returned fire", r"shot back", r"responded with (?:gun)?fire", r"(?:shelling|fire|gunfire) exchanges?",
    r"respond(?:ed|ing) to (?:the )?(?:\w+ ){0,3}(?:gunfire|shelling|attacks?)", r"respond(?:ed|ing) to the (?:\w+ ){0,2}fire",
    r"reacted with (?:gun)?fire",
    r"(?:opened )?(?:gun)?fire in response", r"opened (?:gun)?fire after (?:the |an? )?(?:explosion|blast|attack)")
#: Clash words that say both sides fought; the others ("fired at positions") may be one-sided fire.
TWO_SIDED = Cue(re.compile(r"clash|fight|fought|battle|skirmish|exchang|hostilities|shoot-?out|crossfire|combat|confront|"
                       r"(?:violent|deadly|fierce|bloody|brief|heavy) confront|"
                       r"gun ?fight|fire ?fight|repel|repuls|thwart|shot back|(?:opened )?(?:gun)?fire (?:in response|after|back)|"
                       r"(?:[\w/]+ ){0,3}in both|fired back|returned|respond|reacted|"
                       r"in response", re.I))
#: Casualties among armed men ("killing 5 militants", "2 soldiers were wounded"): the fight was armed.
ARMED_CASUALTIES = Cue(re.compile(
    r"(?:killing|killed|injuring|injured|wounding|wounded)\s+"
    r"(?:(?!during|by|in|at|near|while|as|after|when|from|on|outside)\w+\s+){0,3}?(?:soldiers?|troops|militants?|fighters?|"
    r"rebels?|insurgents?|police(?:men)?|officers?|gendarmes?|militiamen|members of the (?:\w+ ){0,2}forces|elements|"
    r"personnel|combatants?|guards?|jihadists?)|(?:soldiers?|troops|militants?|fighters?|rebels?|insurgents?|"
    r"police(?:m[ae]n)?|officers?|gendarmes?|militiamen|personnel|combatants?|guards?)\s+(?:\w+\s+){0,2}?(?:were|was|"
    r"are|been)\s+(?:\w+\s+){0,2}?(?:killed|injured|wounded|dead)", re.I))
#: Infantry weapons: with them, heavy weapons fired at an enemy make an armed clash, not shelling.
SMALL_ARMS = _cue(r"small arms", r"small-arms", r"light weapons", r"rifles?", r"automatic weapons", r"gunfire",
                    r"gunshots?", r"snipers?", r"assault rifles?", r"kalashnikovs?", r"ak-47s?", r"pistols?", r"firearms")
ATTACK = _cue(
    r"attack(?:s|ed|ing)?", r"raid(?:s|ed|ing)?", r"stormed", r"opened fire", r"fired (?:at|on|upon)", r"assaulting",
    r"shot(?: dead)?", r"shooting", r"gunned down", r"gunmen", r"kill(?:s|ed|ing)?", r"murder(?:s|ed|ing)?",
    r"execut(?:ed|ion|ions)", r"assassinat(?:ed|ion)", r"behead(?:ed|ing)", r"massacre[ds]?", r"tortur(?:ed|e)",
    r"beat(?:en|ing)?", r"stabb(?:ed|ing)", r"hacked", r"burn(?:ed|t) alive", r"targeted", r"assaulted",
    r"abducted", r"injur(?:ed|ing)", r"wound(?:ed|ing)", r"harass(?:ed|ment)", r"lynched")
ARMED = _cue(
    r"soldiers?", r"troops", r"forces?", r"army", r"military", r"militants?", r"fighters?", r"rebels?",
    r"insurgents?", r"police(?:men|man)?", r"policemen", r"officers?", r"guards?", r"militias?", r"militiamen",
    r"positions?", r"bases?", r"checkpoints?", r"patrols?", r"convoys?", r"separatists?", r"jihadists?",
    r"combatants?", r"peace(?:keepers|makers|keeping forces)", r"personnel", r"battalions?", r"brigades?",
    r"units?", r"elements", r"commanders?", r"gendarmes?", r"gendarmerie", r"paramilitar(?:y|ies)", r"sniper",
    r"mujahideen", r"al[- ]shabaa?b", r"houthis?", r"taliban", r"(?-i:IS|ISIS|ISIL)", r"boko haram", r"jnim",
    r"trenches", r"frontlines?", r"fronts?", r"outposts?", r"barracks",
    r"vehicles? of", r"armoured", r"armored", r"tanks?", r"snipers", r"gang members?", r"(?:suicide )?bombers?",
    r"attackers?", r"assailants?", r"gunmen", r"drug (?:dealers?|traffickers?)", r"rangers?",
    r"members? of (?:the )?(?:[\w'’-]+ ){0,3}(?:forces|army|division|brigade|militia|gang|cartel|security|groups?)",
    r"(?:armed|rebel|militant|pro-\w+|anti-\w+) groups?", cased=("is",))
CIVILIANS = _cue(
    r"civilians?", r"residents?", r"villagers?", r"farmers?", r"herders?", r"herdsmen", r"women", r"woman",
    r"men", r"man", r"children", r"child", r"boys?", r"girls?", r"youths?", r"students?", r"journalists?", r"workers?",
    r"teachers?", r"famil(?:y|ies)", r"people", r"passengers?", r"shepherds?", r"traders?", r"merchants?",
    r"displaced", r"refugees", r"doctors?", r"nurses?", r"priests?", r"imams?", r"locals?", r"drivers?",
    r"pastors?", r"chiefs?", r"elders?", r"activists?", r"lawyers?", r"pedestrians?", r"fishermen", r"minors?",
    r"teenagers?", r"infants?", r"persons?", r"individuals?", r"inhabitants", r"civilian (?:\w+ )?(?:vehicle|car|bus|home|house)s?",
    r"homes?", r"houses?", r"mosques?", r"churches?", r"schools?", r"hospitals?", r"markets?", r"worshippers",
    r"motorists?", r"politicians?", r"candidates?", r"councillors?", r"officials?", r"relatives", r"wife", r"husband",
    r"son", r"daughter", r"brother", r"sister", r"mother", r"father", r"a resident", r"a man", r"a woman")
ABDUCTION = Guarded(
    ("abduct", "kidnap", "hostage", "captive", "disappeared", "missing"),
    r"abduct(?:ed|ion|ions|s|ing)?", r"kidnapp?(?:ed|ing|ings|s)?", r"hostages?", r"taken captive",
    r"forcibly disappeared", r"went missing", r"held captive", r"taken hostage")
SEXUAL = Guarded(
    ("rape", "raped", "raping", "sexual", "gang"),
    r"rap(?:e|ed|es|ing)", r"sexual(?:ly)? (?:assault(?:ed)?|violence|abuse[ds]?|exploitation)",
    r"gang-?raped?")

# --- Demonstrations ---------------------------------------------------------------------------
PROTEST = Guarded(
    ("protest", "demonstrat", "gathered", "rally", "sit", "picket", "march", "strike", "striking", "walk", "vigil",
     "boycott", "streets", "chant", "demanding", "denouncing", "solidarity", "motorcade", "flash", "blocked", "road",
     "petition", "bang", "pot", "cacerol", "commemorat"),
    r"protest(?:s|ed|ers|ing|ors)?", r"demonstrat(?:ion|ions|ors|ed|e|es|ing|ive)",
    r"gathered (?:[\w'’()-]+,? ){0,6}to (?:mark|protest|demand|denounce|condemn|call for|express|commemorate)",
    r"bang(?:ed|ing) (?:\w+ )?(?:pots|pans)", r"pot-?banging", r"cacerolazos?",
    r"commemorat(?:ed|ing) (?:the )?(?:labou?r day|may day|international workers'? day)", r"rall(?:y|ies|ied|ying)",
    r"sit-ins?", r"picket(?:s|ed|ing)?", r"marched", r"marchers", r"(?-i:march(?:es)?)(?! \d)", r"went on (?:a )?strike", r"on strike",
    r"staged (?:a )?(?:strike|walkout)", r"general strike", r"hunger strike", r"walk-?outs?", r"strik(?:e|ing) workers",
    r"vigils?", r"gathered (?:to|in front|outside|at)", r"boycott(?:ed)?", r"took to the streets", r"chanting",
    r"chanted", r"demanding", r"denouncing", r"in solidarity", r"motorcade", r"flash mob",
    r"blocked (?:[\w'-]+ ){0,3}(?:road|roads|highway|rails|railway|streets?|traffic|bridge|entrance|roundabout|intersection)",
    r"road ?blocks?", r"petition(?:ed)?", cased=("march", "marches"))
#: Riots named as such (with a demonstration: a violent demonstration; without: mob violence).
RIOT = Guarded(("riot", "violent", "unrest", "rampage"),
              r"riot(?:s|ed|ing)?(?! (?:police|gear|squads?|control|units?|officers))",
              r"violent (?:protests?|demonstrations?|protesters|demonstrators|crowds?)",
              r"unrest", r"rampage(?:d)?", r"went on the rampage")
#: What violent crowds do: throwing stones and fire bombs.
CROWD_VIOLENCE = Guarded(
    ("threw", "throwing", "hurl", "pelt", "lobbed", "stone", "molotov", "petrol bomb", "clashed with", "scuffl",
    "brawl", "physical", "fist", "fight"),
    r"(?:threw|throwing|hurled|hurling|pelted|pelting|lobbed) (?:\w+ ){0,3}(?:stones|rocks|molotov|bottles|petrol bombs|"
    r"projectiles|bricks|objects|fire ?bombs|fireworks|firecrackers)", r"stone[- ]pelting", r"pelted", r"stoned",
    r"molotov(?: cocktails?)?", r"petrol bombs?", r"clashed with (?:the )?(?:police|security forces|security personnel|guards)",
    r"scuffled?", r"scuffles", r"brawl(?:s|ed)?", r"(?:physical|fist) ?fights?", r"fistfights?",
    r"(?:a|the) fight broke out")
#: Demonstration tactics that ACLED codes as violent: burning tyres, barricades, blocking roads with fire or stones.
DEMO_TACTICS = Guarded(
    ("tyres", "tires", "objects", "barricad", "branches", "debris", "mattress", "blocked"),
    r"burn(?:ed|t|ing) (?:\w+ ){0,2}(?:tyres|tires|objects|barricades|branches|debris|mattresses)",
    r"(?:tyres|tires|barricades|objects|branches) (?:\w+ ){0,2}(?:on fire|ablaze|were burned|were burnt)",
    r"barricad(?:e|es|ed|ing)(?! (?:themselves|himself|herself))", r"set fire to (?:\w+ ){0,2}(?:tyres|tires|barricades)",
    r"blocked (?:\w+ ){0,4}with (?:\w+ ){0,2}(?:stones|rocks|burning|fire|tyres|tires|debris|trees)")
#: Damage to property (a crowd's, or anyone's: then looting/property destruction).
DESTRUCTION = Guarded(
    ("torched", "set", "vandali", "smashed", "ransacked", "destroyed property", "damag", "broke"),
    r"torched", r"set (?:\w+ ){0,3}(?:on fire|ablaze|alight)", r"set fire", r"vandali[sz](?:ed|ing|m)", r"smashed",
    r"ransacked", r"destroyed property", r"damag(?:ed|ing) (?:\w+ ){0,3}(?:property|propert(?:y|ies)|vehicles?|cars?|"
    r"shops?|buildings?|offices?|facade|windows?|houses?|homes?)", r"broke (?:\w+ ){0,2}windows")
MOB = Guarded(("mob", "lynch", "vigilante", "angry", "jungle", "rioter", "witch", "locals", "residents", "villagers",
              "community", "crowd", "group", "youths", "people"),
             r"mobs?", r"lynch(?:ed|ing|ings)?", r"vigilantes?", r"angry (?:crowd|residents|villagers|youths?)",
             r"mob justice", r"jungle justice", r"rioters", r"witch(?:craft)?",
             r"(?:beaten|beat|stoned|lynched|attacked|assaulted|killed|burned|torched|set (?:on fire|alight|ablaze)) (?:up )?"
             r"(?:\w+ ){0,5}by (?:\w+ ){0,2}(?:locals|residents|villagers|community members|mobs?|crowds?|a group|youths|people)",
             r"(?:locals|residents|villagers|community members|youths|crowds?|group of (?:\w+ )?(?:people|citizens|locals|residents)) "
             r"(?:\w+ )?(?:beat|stoned|lynched|attacked|assaulted|killed|burned|torched|set (?:\w+ ){0,3}(?:on fire|ablaze|alight)|"
             r"set fire|pelted|captured)")
#: Unarmed groups: when they fight each other (or the police) without guns, ACLED calls it mob violence.
CROWD = _cue(r"groups? of (?:\w+ ){0,2}(?:people|youths?|residents|villagers|locals|men|citizens|members|supporters|students|workers)",
               r"supporters", r"community members", r"communities", r"villagers", r"residents", r"locals", r"youths?",
               r"crowds?", r"party members", r"members of (?:the )?(?:\w+ ){0,3}(?:party|community|clan|tribe|families)",
               r"clans?", r"tribes(?:men)?", r"families", r"two groups", r"fans", r"inmates", r"prisoners", r"traders",
               r"vendors", r"sellers", r"drivers", r"students", r"labou?rers",
               # not those who report or treat the fighting ("aid workers said")
               r"(?<!aid )(?<!relief )(?<!rescue )(?<!health )(?<!humanitarian )(?<!medical )workers",
               r"members", r"sticks", r"machetes",
               r"stones", r"rocks", r"bows and arrows", r"clubs", r"knives")
#: Organised armed groups (not the police): their fights are armed clashes.
ARMED_GROUP = _cue(r"militants?", r"militias?", r"militiamen", r"rebels?", r"insurgents?", r"jihadists?", r"fighters?",
                     r"soldiers?", r"troops", r"army", r"military", r"gunmen", r"armed (?:men|group|groups)", r"guns?",
                     r"shot", r"shots", r"shooting", r"opened fire", r"fired", r"bullets?", r"firearms?", r"rifles?",
                     r"armed", r"gunfire", r"(?:exchang\w+ )(?:\w+ )?fire", r"shoot-?outs?", r"divisions?", r"brigades?",
                     r"cartels?", r"gangs?", r"gang members", r"hitmen", r"taliban", r"bandits", r"forces")
#: Demonstrators turning violent ("the protesters attacked the police station").
PROTESTERS_ATTACKED = Guarded(
    ("attacked", "assaulted", "beat", "injured", "torched", "stormed", "clashed", "threw", "damaged", "burned", "burnt",
     "killed", "hurled", "forced", "broke"),
    r"(?:protesters|protestors|demonstrators|rioters|marchers|crowds?) (?:(?!were|was|been|being|got)\w+ ){0,3}"
    r"(?:attacked|assaulted|beat|injured|"
    r"torched|stormed|clashed|threw|damaged|burned|burnt|killed|hurled|forced|broke)",
    r"(?:attacked|stormed|clashed with) (?:[\w(),.'-]+ ){0,10}(?:to|while|during (?:a|the|their)) (?:demonstrat|protest)\w*")
#: An unarmed crowd as the attacker ("villagers beat a man", "a policeman was beaten up by three persons").
CROWD_ATTACK = Guarded(
    ("attacked", "assaulted", "beat", "stoned", "thrashed", "manhandled", "lynched", "torched", "kill", "lynch", "burn"),
    r"(?:group of (?:\w+ ){0,2}(?:people|persons|individuals|youths?|men|citizens|residents|villagers|locals|traders|workers|"
    r"students|assailants|attackers)|crowds?|residents|villagers|locals|youths?|citizens|traders|workers|students|supporters|"
    r"members of the public|community members|employees|relatives|persons|neighbou?rs) (?:\w+ ){0,3}(?:attacked|assaulted|"
    r"beat|stoned|thrashed|manhandled|lynched|torched|(?:attempted|tried) to (?:kill|lynch|burn))",
    r"(?:attacked|assaulted|beaten|thrashed|manhandled|stoned) (?:up )?(?:\w+ ){0,3}by (?:a group of |a crowd of )?(?:\w+ ){0,2}"
    r"(?:people|persons|residents|villagers|locals|youths|citizens|traders|workers|students|supporters|employees|relatives|"
    r"crowds?|neighbou?rs)")
#: A victim who is armed by trade but was not on duty: ACLED counts the attack as violence against a civilian.
OFF_DUTY = _cue(r"off[- ]duty", r"former (?:\w+ )?(?:soldier|officer|policeman|police officer|militant|member|commander)s?",
                  r"retired (?:\w+ )?(?:soldier|officer|policeman|general|colonel)s?")
#: A killing: an abduction that ends in one is coded as the attack.
KILLING = _cue(r"killed", r"killing", r"shot dead", r"murdered", r"stabbed to death", r"beheaded", r"executed",
                 r"(?:body|bodies|corpses?) (?:\w+ ){0,4}(?:found|discovered|recovered)", r"found dead")
#: Harm done to people (then burning and looting are part of an attack, not property destruction alone).
PERSON_HARMED = _cue(r"killed", r"killing", r"injur(?:ed|ing)", r"wound(?:ed|ing)", r"shot", r"beat(?:en|ing)?", r"stabbed",
                       r"assaulted", r"abducted", r"kidnapped", r"raped", r"hacked")
#: Places whose control changes hands (the object of "captured").
TERRITORY = re.compile(r"\s+(?:(?:the|a|an|several|two|three|four|five|\d+|some|many|most|key|strategic|their|its|"
                       r"rebel|government|enemy|army|military)\s+)*(?:[\w'-]+\s+){0,2}?(?:towns?|city|cities|villages?|"
                       r"districts?|areas?|regions?|positions?|checkpoints?|bases?|hills?|camps?|outposts?|territory|"
                       r"territories|localit(?:y|ies)|settlements?|provinces?|headquarters|airport|port|bridge|"
                       r"crossing|strongholds?)\b|\s+(?:the\s+)?(?-i:[A-Z])", re.I)
#: Who took a place: forces of the state, or an armed group against it.
STATE_FORCES = _cue(r"government", r"army", r"military", r"troops", r"soldiers", r"forces", r"police",
                      r"pro-government", r"regime", r"armed forces", r"national (?:army|forces)", r"forces loyal", r"defen[cs]e forces")
NON_STATE = _cue(r"militants?", r"rebels?", r"insurgents?", r"jihadists?", r"taliban", r"militias?", r"militiamen", r"tribesmen",
                   r"separatists?", r"al[- ]shabaa?b", r"boko haram", r"(?-i:IS|ISIS|ISIL|ISWAP|JNIM)", r"anti-government",
                   r"opposition", r"armed groups?", r"gangs?", r"insurgency")
#: Words before violence that make it what a protest is about, not what its crowd did
#: ("against the arrest of men accused of rioting", "after last week's riots").
CAUSE_BEFORE = Cue(re.compile(r"\b(?:since|after|following|over(?! \d)|against|about(?! \d)|accused of|involved in|suspected of|because of|"
                          r"in the wake of|charged with|(?:arrested|detained|jailed|sentenced|charged|punished) for|"
                          r"for (?:participating|taking part|their (?:role|part|participation)) in)\b[^,;:]{0,40}$|"
                          r"\b(?:ban(?:ned|s)?(?: on)?|banning|prohibit\w*|to prevent|to stop)\b"
                          r"(?:(?!,\s+\w+ed\b)[^.;:]){0,60}$", re.I))  # not past ", staged": a clause of its own
#: Words before a clash that make it the setting of another event ("reinforcements arrived as battles continue").
SETTING_BEFORE = Cue(re.compile(r"\b(?:amid|ongoing|in connection (?:to|with)|as|after|following|since|due to|because of|"
                            r"in response to|to prevent|to support)\b(?:\s+\w+){0,3}\s*$", re.I))
#: Firing and its effects: without them a weapon named beside a troop movement is moved, not used.
FIRING = _cue(r"fir(?:ed|ing)", r"shell(?:ed|ing)", r"hit", r"struck", r"landed", r"launch(?:ed|ing)", r"pounded",
                r"bombard\w*", r"target(?:ed|ing)", r"attack(?:ed|s|ing)?", r"explo(?:ded|sions?)", r"killed", r"injured",
                r"wounded", r"damaged", r"destroyed")
#: A dead body found: ACLED codes it as an attack on a civilian.
BODY_FOUND = Guarded(
    ("body", "bodies"),
    r"bod(?:y|ies) (?:of (?:\w+ ){1,4})?(?:was|were) (?:found|discovered|recovered)",
    r"(?:found|discovered|recovered) (?:the )?(?:dead )?bod(?:y|ies)", r"bod(?:y|ies) of (?:\w+ ){1,4}found")
#: Crowd control: said of a crowd, so a protest (or a riot) was there even when the sentence does not say so.
CROWD_CONTROL = Guarded(
    ("dispers", "tear", "rubber", "water cannon", "stun grenade", "pepper spray", "charge", "lathi", "baton", "cane",
     "broke up", "dispel"),
    r"dispers(?:e|ed|es|ing|al)", r"tear ?-?gas", r"rubber (?:bullets|pellets)", r"water cannons?", r"stun grenades?",
    r"pepper spray", r"(?:lathi|baton|cane)[- ]?charge[ds]?", r"broke up", r"dispel(?:led)?")
#: Interventions on a protest (with a protest word in the sentence): dispersal, force, arrests.
INTERVENTION = Guarded(
    ("dispers", "tear", "rubber", "water", "lathi", "baton", "cane", "arrest", "detain", "interven", "removed", "stopped",
     "prevented", "blocked", "beat", "assaulted", "broke", "force", "allow", "stun", "pepper", "charged", "suppress",
     "under", "dragged", "pushed", "manhandled", "attacked", "chased", "tried", "contain", "reopen", "open", "unblock",
     "clear"),
    r"dispers(?:e|ed|ing|al)", r"tear ?-?gas", r"rubber bullets", r"water cannons?", r"(?:lathi|baton|cane)[- ]?charge[ds]?",
    r"batons?",
    r"(?:police|security forces|authorities|officers|gendarmes|soldiers|forces) (?:\w+ ){0,3}(?:arrested|detained|intervened|"
    r"removed|stopped|prevented|dispersed|blocked|beat|assaulted)",
    r"(?:protesters|demonstrators|participants|organi[sz]ers|they|some|several|\d+|dozens|many|people)(?: \w+){0,3} (?:were|was|been) "
    r"(?:\w+ )?(?:arrested|detained|removed)", r"arrest(?:ed|ing) (?:\w+ ){0,2}(?:protesters|demonstrators|participants|organi[sz]ers)",
    r"detain(?:ed|ing) (?:\w+ ){0,2}(?:protesters|demonstrators|participants|organi[sz]ers)",
    r"broke up", r"intervened", r"interfered", r"prevented", r"blocked (?:the )?(?:protest|march|rally)", r"by force",
    r"used force", r"(?:did not|didn't) allow", r"stun grenades?", r"pepper spray", r"charged", r"suppress(?:ed|ing)",
    r"beat (?:the )?(?:protesters|demonstrators)", r"arrests were made", r"under control",
    r"(?:beaten|beat|dragged|pushed|manhandled|assaulted|attacked|chased) (?:\w+ ){0,6}by (?:\w+ ){0,3}(?:police|security forces|"
    r"officers|soldiers|troops|gendarmes)", r"tried to (?:control|stop|prevent|disperse|contain|remove)",
    r"contain(?:ed)? (?:the )?(?:\w+ )?(?:protest|demonstration|crowd|rally|march|protesters|demonstrators)",
    r"attacked (?:the |a )?(?:\w+ )?(?:protest|demonstration|rally|march|sit-in|protesters|demonstrators)",
    r"(?:re-?open|unblock|clear)(?:ed|ing)? (?:the )?(?:road|roads|highway|street|blockade)")
EXCESSIVE = Guarded(
    ("killed", "killing", "shot", "live", "opened", "injured", "wounded"),
    r"(?:protesters?|demonstrators?) (?:were |was )?(?:killed|shot dead)", r"live (?:ammunition|rounds|fire)",
    r"(?:killed|shot dead|killing) (?:\w+ )?(?:protesters?|demonstrators?)", r"opened fire on (?:the )?(?:protesters|demonstrators|crowd)",
    r"live (?:bullets|ammunition)",
    r"(?:protesters?|demonstrators?|marchers) (?:\w+ ){0,2}(?:were|was) (?:\w+ )?(?:shot|injured|wounded|killed)")

# --- Strategic developments, movements, displacement ------------------------------------------
ARREST = Guarded(
    ("arrest", "detain", "apprehended", "taken", "rounded", "custody", "detention"),
    r"arrest(?:ed|s|ing)?", r"detain(?:ed|s|ing)?", r"apprehended", r"taken into custody", r"rounded up",
    r"custody", r"detention")
AGREEMENT = Guarded(
    ("agreement", "ceasefire", "cease", "truce", "peace", "signed", "prisoner", "exchange", "armistice",
     "negotiated", "reconciliation", "surrender", "repatriat"),
    r"agreements?", r"ceasefires?", r"cease-fires?", r"truces?", r"peace (?:deal|accord|talks|agreement|plan)s?",
    r"signed (?:\w+ ){0,3}(?:deal|accord|pact|memorandum|treaty)", r"prisoner (?:exchange|swap)s?",
    r"exchange of (?:prisoners|bodies)", r"armistice",
    r"negotiated", r"reconciliation", r"surrender(?:ed|s)", r"surrender of", r"repatriat(?:ed|ion)")
TRANSFER = Guarded(
    ("handed", "withdr", "pulled", "retreat", "abandoned", "without", "handover"),
    r"handed over", r"withdr(?:ew|awn|aw|awal)", r"pulled out", r"retreat(?:ed|s)?", r"abandoned (?:their|its) positions",
    r"took over (?:\w+ )?without (?:a )?(?:fight|fighting|resistance)", r"handover",
    r"without (?:a )?(?:fight|shot being fired|shots being fired|resistance)")  # "entered Gori without a fight"
MOVEMENT = Guarded(
    ("reinforcement", "deploy", "redeploy", "mobili", "recruit", "convoy", "troop movement", "arrived", "massing", "massed",
     "build", "moved", "moving", "crossed", "crossing", "advanc", "marched", "entered", "sent", "dispatched", "rolled",
     "headed", "heading", "patrol", "training", "graduat", "parade", "exercise", "drill", "volunteers", "movement of",
     "brought in", "fortif", "defect", "pledged", "column", "curfew", "lockdown", "security measures", "test",
     "check", "vehicles", "tanks", "troops", "forces", "soldiers", "fighters", "units", "armour", "armor"),
    r"reinforcements?", r"deploy(?:ed|ment|ments|s|ing)?", r"redeploy(?:ed|ment)?", r"mobili[sz](?:ed|ation|e|ing)",
    r"recruit(?:ed|ment|ing|s)?", r"convoys?", r"troop movements?", r"arrived", r"massing", r"massed", r"build-?up",
    r"moved (?:in|into|to|towards)", r"moving (?:in|into|to|towards)",
    r"(?:vehicles|tanks|troops|forces|soldiers|fighters|units|armou?r) (?:\w+ ){0,2}?(?:moved|were moving|moving|rolled) "
    r"(?:\w+ ){0,2}?(?:from|into|to|towards|through|across)",  # "armoured vehicles moved from Java towards"
    r"crossed", r"crossing", r"(?<!to )advanc(?:ed|e|es|ing)",
    r"marched (?:on|into|towards)", r"entered", r"sent (?:\w+ )?(?:troops|forces|soldiers|reinforcements)",
    r"being sent", r"dispatched", r"rolled (?:in|into)", r"headed (?:to|towards|for)", r"heading (?:to|towards|for)",
    r"patrol(?:led|ling|s)?", r"training", r"graduat(?:ed|ion)", r"parade", r"military exercises?", r"drills?",
    r"volunteers", r"movement of (?:\w+ )?(?:forces|troops)",
    r"brought in (?:\w+ ){0,2}(?:reinforcements|troops|forces|soldiers|fighters|units)", r"fortif(?:ied|ications?|y|ying)",
    r"defect(?:ed|ion|ions)", r"pledged (?:\w+ )?(?:allegiance|loyalty)", r"military columns?",
    r"columns? of (?:\w+ ){0,4}?(?:troops|tanks|vehicles|soldiers|fighters|armou?r)",
    r"(?:impos|declar|announc|institut|enforc|extend|introduc|lift|order)\w* (?:\w+ ){0,4}(?:curfews?|lockdowns?)",
    r"(?:curfews?|lockdowns?) (?:was|were|has been|had been|is) (?:\w+ )?(?:imposed|declared|announced|enforced|extended)",
    r"security measures", r"test[- ]fired", r"(?:missile|weapons?) tests?",
    r"(?:placed|set up|setting up|installed|erected) (?:\w+ ){0,2}check ?points")
BASE = Guarded(
    ("base", "headquarters", "camp", "outpost", "position", "barracks"),
    r"(?:established|set up|setting up|built|opened) (?:a |an |new |their |its )*(?:military )?"
    r"(?:base|bases|headquarters|camp|camps|outpost|outposts|position|positions)",
    r"(?:into|as) (?:a |an )?(?:military )?(?:base|bases|barracks|headquarters|outposts?)")
DISRUPTED = Guarded(
    ("defus", "dismantl", "down", "intercept", "prematur", "did", "failed", "recovered", "seized", "found",
     "discovered", "confiscated", "dispos", "detonated", "cache", "mines", "demining", "mining", "controlled explosion",
     "defen", "neutrali", "drone", "uav"),
    r"defus(?:ed|al|ing)", r"dismantled",
    r"(?:shot|shut|brought) down (?:\w+ ){0,4}(?:drones?|uavs?|missiles?|rockets?|quadcopters?)", r"shot down", r"downed",
    r"(?:missiles?|rockets?|drones?|uavs?|projectiles?|shells?)(?: \w+){0,6} intercepted",
    r"intercept(?:ed|ing|ion of|s) (?:\w+ ){0,6}(?:missiles?|rockets?|drones?|uavs?|projectiles?|shells?)",
    r"exploded prematurely", r"premature(?:ly)? (?:explosion|detonation)", r"(?:did not|failed to|didn't) explode",
    r"(?:recovered|seized|found|discovered|confiscated) (?:\w+ ){0,4}(?:weapons|arms|ammunition|explosives|rifles|guns|"
    r"bombs|grenades|ieds|mines|rockets|mortars|munitions|pistols)", r"bomb disposal", r"disposed",
    r"(?:police|troops|soldiers|forces|army|experts|squad|sappers) (?:\w+ ){0,2}detonated",
    r"(?:shot|shut|brought) down (?:\w+ ){0,4}(?:drones?|uavs?|missiles?|rockets?|quadcopters?)",
    r"seized (?:\w+ )?(?:weapons|arms|ammunition|explosives|rifles|guns)", r"weapons? caches?", r"arms caches?",
    r"cleared (?:\w+ )?mines", r"demining", r"de-mining", r"controlled explosion", r"air defen[cs]e",
    r"neutrali[sz]ed (?:a |an |the )?(?:ied|bomb|explosive|drone|device)", r"destroyed (?:a |an |the )?(?:drone|uav)")
LOOTING = Guarded(
    ("loot", "pillag", "plunder", "ransack", "burn", "destroy", "demolish", "arson", "extort", "stole", "robb",
     "confiscat", "property destruction", "razed", "uproot", "cut down", "seiz", "discovered", "found", "recovered"),
    r"loot(?:ed|ing|ers)?", r"pillag(?:ed|ing|e)", r"plunder(?:ed|ing)?", r"ransack(?:ed|ing)?",
    r"burn(?:ed|t) (?:down )?(?:\w+ )?(?:houses|homes|shops|property|vehicles|huts|a house|the house|crops)",
    r"destroy(?:ed|ing) (?:\w+ )?(?:houses|homes|property|crops|shops)", r"demolish(?:ed|ing)",
    r"arson", r"extort(?:ed|ion)", r"stole", r"stolen", r"robb(?:ed|ery)", r"confiscat(?:ed|ion)",
    r"property destruction", r"razed", r"uproot(?:ed|ing)", r"cut down (?:\w+ ){0,3}trees",
    r"burn(?:ed|t) (?:down )?(?:\w+ ){0,4}(?:house|hut|shop|vehicle|car|truck|tractors?|bulldozer|building|office|"
    r"stadium|tribune|school|church|mosque|crops|fields|farm|property)",
    r"destroy(?:ed|ing) (?:\w+ ){0,4}(?:houses?|homes?|property|crops|shops?|buildings?|schemes?|plants|"
    r"fields|farms?|airstrips?|laboratory|labs?|vehicles?|offices?|bridges?)",
    r"seiz(?:ed|ure of) (?:[\w.,]+ ){0,4}(?:tons?|kilos|kilograms?|kg|packs?|marijuana|marihuana|cannabis|cocaine|drugs|"
    r"heroin|cigarettes|contraband|goods|vehicles?|cars?|trucks?|cattle|livestock|property|food|money|fuel)",
    r"(?:discovered|found|confiscated|recovered) (?:[\w.,]+ ){0,4}(?:marijuana|marihuana|cannabis|cocaine|heroin|drugs|"
    r"contraband|smuggled)")
GOV_REGAINS = Guarded(
    ("recaptur", "regain", "retook", "retake", "liberat", "took back", "back under", "territorial gain",
     "gained control"),
    r"recaptur(?:ed|e|ing)", r"regain(?:ed|ing)? (?:full )?control", r"retook", r"retaken", r"retake",
    r"liberat(?:ed|ing)(?! (?:army|front|movement|organi[sz]ation))", r"took back",
    r"back under (?:government )?control", r"territorial gains?", r"gained control")
NSA_OVERTAKES = Guarded(
    ("captured", "seized", "took", "taken", "overr", "overran", "overtook", "fell to", "control of"),
    r"captured", r"seized control", r"took (?:over )?control", r"taken (?:over )?control",
    r"overr?an", r"overtook", r"took over (?:\w+ ){0,2}(?:towns?|city|villages?|districts?|areas?|bases?|"
    r"checkpoints?|positions?)",
    r"fell to", r"seized (?:the )?(?:town|city|village|district|area|base)", r"under (?:the )?control of")
DISPLACEMENT = Guarded(
    ("refugee", "displac", "fled", "flee", "evacuat", "exodus", "idp", "forced", "left", "leaving", "escap",
     "deport", "expelled", "forcibly", "relocat"),
    r"refugees?(?! camps?)", r"displaced", r"displacement", r"fled", r"fleeing", r"flee", r"evacuat(?:ed|e|es|ion|ing)",
    r"exodus", r"idps?", r"forced to leave", r"left their homes", r"leaving their homes", r"escap(?:ed|ing)",
    r"deport(?:ed|ation)", r"expelled", r"forcibly (?:moved|transferred|relocated)", r"relocat(?:ed|ion)",
    r"(?:residents|civilians|people|families|villagers|inhabitants) (?:have |had |who )?(?:already )?left")
#: Displacement told as the result of violence ("fighting forced 400 villagers to flee"): ACLED codes the
#: displacement (Other), the violence being an event of its own.
DISPLACED_BY = Guarded(
    ("forc", "displac", "evacuat", "fled", "flee"),
    r"forc(?:ed|ing) (?:[\w,.]+ ){0,5}to (?:flee|leave|evacuate|abandon)",  # "forced about 15,000 people to flee"
    r"(?:displaced|evacuated|fled|flee|displacement of (?:\w+ ){0,3}) (?:\w+ ){0,4}(?:following|after|due to|"
    r"because of|amid|as a result of)")
#: Explosive remnants of war (old mines, unexploded shells): ACLED's Other, not an attack.
REMNANTS = Guarded(
    ("unexploded", "uxo", "remnant", "laid", "left", "old", "legacy", "accidentally", "fighting", "war"),
    r"unexploded (?:ordn?ance|bombs?|shells?|munitions?|devices?|mortars?|rockets?)", r"uxos?",
    r"remnants? of (?:the )?war", r"laid (?:\w+ ){0,2}during (?:the )?(?:\w+ ){0,3}war",
    r"(?:left ?over|old|legacy) (?:land ?)?mines?", r"accidentally (?:stepped on|detonated|triggered)",
    r"(?:fighting|war) (?:\w+ ){0,2}in the (?:19|20)\d0s")
#: Political moves (ACLED's Other): bans, declarations, governments formed, prisoners released by one side
#: alone (no agreement), aircraft intercepted (a show of force, no weapon stopped).
POLITICAL = Guarded(
    ("ban", "suspend", "suspension", "halt", "ceas", "sanction", "declared", "martial", "state", "mobili", "recogni",
     "expelled", "closed", "cut", "sever", "ultimatum", "stop", "election", "resign", "appointed", "decree",
     "embargo", "blockade", "annex", "independence", "referendum", "withdrew", "broke", "shut", "released", "freed",
     "approved", "formed", "sworn", "new", "plane", "aircraft", "jet", "bomber", "warship", "vessel"),
    r"ban(?:ned|s|ning)?", r"suspend(?:ed|s|ing)?", r"suspension", r"halt(?:ed|s|ing)?", r"ceas(?:e|ed|ing)", r"sanctions?",
    r"declared", r"martial law", r"state of emergency", r"mobili[sz](?:ed|ation|e)", r"recogni[sz](?:ed|e|es|ing)",
    r"expelled (?:\w+ )?(?:diplomats?|ambassadors?)", r"closed (?:the |its )?(?:border|airspace|embassy)", r"cut (?:off )?(?:ties|relations)",
    r"sever(?:ed)? (?:diplomatic )?(?:ties|relations)", r"ultimatum", r"stop all", r"elections?", r"resign(?:ed|ation)",
    r"appointed", r"decree", r"embargo", r"blockade", r"annex(?:ed|ation)", r"independence", r"referendum",
    r"withdrew (?:its|their) ambassador", r"broke off", r"shut down",
    r"(?:released|freed) (?:\w+ ){0,3}(?:prisoners|detainees|inmates)",
    r"(?:released|freed) (?:\w+ ){0,3}held (?:as )?(?:prisoners|captives?)",
    r"(?:approved|formed|sworn in) (?:a |the )?new government", r"new government (?:was )?(?:approved|formed|sworn in)",
    r"(?:planes?|aircraft|jets?|bombers?|warships?|vessels?) (?:\w+ ){0,3}(?:were |was )?intercepted")
#: Shots fired into the air (a warning, a show of force): no attack when nobody is hurt.
SHOTS_IN_AIR = Guarded(("air",), r"(?:warning )?shots? (?:\w+ ){0,3}(?:fired )?in(?:to)? the air",
                       r"fir(?:ed|ing) (?:\w+ ){0,2}in(?:to)? the air")

# --- Context ------------------------------------------------------------------------------------
CASUALTIES = _cue(r"killed", r"dead", r"died", r"deaths?", r"death toll", r"fatalit(?:y|ies)", r"wounded", r"injur(?:ed|ies|y)",
                    r"casualties", r"victims?", r"bodies", r"lost their lives", r"perished")
#: Words that make a sentence hypothetical or negated: the event is less certain, or none.
HYPOTHETICAL = Guarded(
    ("could", "might", "would", "threaten", "plan", "urged", "called", "calls", "warn", "prepar", "intend", "fear", "risk",
     "case", "possib", "plott"),
    r"could", r"might", r"(?-i:may)", r"would", r"threaten(?:ed|s)? to", r"plan(?:s|ned)? to", r"urged",
    r"called (?:on|for)", r"calls? (?:on|for)", r"if", r"warn(?:ed|s)?", r"prepar(?:ed|ing) to", r"intend(?:s|ed)? to",
    r"fear(?:s|ed)?", r"risk of", r"in case", r"possible", r"possibility",
    r"(?:prepar|plann|plott)(?:ed|ing|es|s)? (?:new |more |further )?(?:attacks?|strikes?|an? (?:attack|strike|offensive|"
    r"assault))",  # "militants were preparing attacks on the camp": nothing has happened yet
    words=("if", "may"), cased=("may",))
NEGATED = Guarded(
    ("denied",),
    r"no (?:\w+ )?(?:clashes|fighting|attacks?|strikes?|shelling|casualties|incidents?|violence|protests?) "
    r"(?:was |were )?(?:reported|recorded)",
    r"did not (?:attack|strike|shell|bomb|fire)", r"denied (?:any )?(?:involvement|responsibility)", words=("no", "did"))
#: Background: the event is history told for context, not news.
BACKGROUND = _words(r"since", r"ago", r"anniversary", r"commemorat(?:e|ed|ing|ion)", r"in memory of", r"history", r"historic",
                    r"former", r"previous(?:ly)?", r"earlier war", r"the \d{4}(?:-\d{2,4})? war")
#: A place after these words is where the event happened ("near Gori" is precision 2).
NEAR = PartCue(re.compile(r"(?:near|outside|around|close to|on the outskirts of|outskirts of|vicinity of|area of|"
                          r"environs of|\d+ ?(?:km|kilometres|kilometers|miles) (?:\w+ )?(?:of|from)|"
                          r"\boff(?: the (?:coast|port|shore|island|city|town) of)?)\s+(?:the\s+)?"
                          r"(?:\w+\s+)?(?:of\s+)?$", re.I),
               ("near", "outside", "around", "close to", "outskirts of", "vicinity of", "area of", "environs of", "km",
                "kilometres", "kilometers", "miles", "off"))  # "off the port of Mokha": at sea nearby
_LOCATIVE_WORDS = ("in|at|near|outside|around|on|into|inside|across|throughout|within|of|to|from|towards?|toward|across|"
                   "over|by|between|and|village|town|city|district|area|province|region")
LOCATIVE = EndCue(re.compile(rf"(?:{_LOCATIVE_WORDS})\s+(?:the\s+)?$", re.I),
                  (*_LOCATIVE_WORDS.replace("towards?", "towards").split("|"), "the"))
#: Before an origin ("from Gori", "leaving Tskhinvali") and before a destination ("to", "for", "into").
ORIGIN_CUE = Cue(re.compile(r"(?:from|leaving|left|fled|fleeing|out of|departed|evacuated from|escaped from|withdrew from|"
                            r"pulled out of|away from)\s+(?:the\s+)?(?:(?!(?:to|into|towards?|for)\s)[\w'’-]+\s+){0,3}$",
                            re.I))  # "fled towards Kisangani" is where they went
DESTINATION_CUE = Cue(re.compile(r"(?:to|into|for|towards?|toward|reached|reaching|arrived in|arrived at|entered|entering|"
                                 r"crossed into|heading to|headed to|bound for|in the direction of)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}$",
                                 re.I))
#: Words after a place name that make it part of a name of a group or institution, not a location.
ACTOR_AFTER = re.compile(r"^(?:'s?|’s?)?\s*(?:People's|Peoples|national|state|armed|army|forces?|military|militia|police|"
                         r"government|authorities|ministry|officials?|president|prime|parliament|news|agency|media|"
                         r"television|tv|radio|embassy|council|federation|republic's|separatists?|rebels?|troops|"
                         r"soldiers|brigade|battalion|regiment|division|corps|guard|border guards?|navy|air force|"
                         r"football|university|airlines?|airways|times|post|daily|tribune|club)\b", re.I)
#: Words before a place name that make it part of a title or an institution's name ("President of Georgia").
_ACTOR_BEFORE_WORDS = ("president|prime minister|minister|ministry|government|parliament|governor|mayor|army|forces|"
                       "authorities|embassy|ambassador|agency|news agency|leader|leadership|people|republic|"
                       "foreign ministry|president of the")
ACTOR_BEFORE = EndCue(re.compile(rf"(?:{_ACTOR_BEFORE_WORDS})\s+(?:of\s+)?(?:the\s+)?$", re.I),
                      (*_ACTOR_BEFORE_WORDS.split("|"), "of", "the"))
