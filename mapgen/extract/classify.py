"""What kind of event a sentence reports, in ACLED's vocabulary.

The rules follow the codebook's definitions and the order in which it decides between
types: displacement told as the result of fighting is coded as the displacement; a
demonstration is a protest (broken up: an intervention; met with lethal force: excessive
force) unless its crowd turns violent (a violent demonstration), and a violent crowd with
no demonstration is mob violence; weapons stopped (defused, intercepted, seized) are
disrupted weapons use; a place changing hands outranks the fight for it; explosive
weapons used from a distance make "Explosions/Remote violence" unless both sides fight
(a battle); armed violence against unarmed people (or men of arms off duty) is "Violence
against civilians"; the rest of what matters is a "Strategic development". Words that
only tell a protest's cause ("against the arrest of men accused of rioting") or an
event's setting ("as battles continue") do not decide. :func:`combine` types one event
told over several sentences.

>>> classify("Three jets dropped bombs near Kareli.").sub_event_type
'Air/drone strike'
>>> classify("Thousands of refugees are leaving the region.").category
'displacement'
>>> classify("The weather was fine.") is None
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from mapgen.extract import lexicon as lx
from mapgen.schema import ACLED_SUB_EVENT_CATEGORY

#: ACLED event_type of each sub-event type.
EVENT_TYPE = {
    "Air/drone strike": "Explosions/Remote violence",
    "Shelling/artillery/missile attack": "Explosions/Remote violence",
    "Remote explosive/landmine/IED": "Explosions/Remote violence",
    "Grenade": "Explosions/Remote violence",
    "Suicide bomb": "Explosions/Remote violence",
    "Chemical weapon": "Explosions/Remote violence",
    "Armed clash": "Battles",
    "Government regains territory": "Battles",
    "Non-state actor overtakes territory": "Battles",
    "Attack": "Violence against civilians",
    "Abduction/forced disappearance": "Violence against civilians",
    "Sexual violence": "Violence against civilians",
    "Peaceful protest": "Protests",
    "Protest with intervention": "Protests",
    "Excessive force against protesters": "Protests",
    "Violent demonstration": "Riots",
    "Mob violence": "Riots",
    "Agreement": "Strategic developments",
    "Arrests": "Strategic developments",
    "Change to group/activity": "Strategic developments",
    "Disrupted weapons use": "Strategic developments",
    "Headquarters or base established": "Strategic developments",
    "Looting/property destruction": "Strategic developments",
    "Non-violent transfer of territory": "Strategic developments",
    "Other": "Strategic developments",
}


@dataclass(frozen=True, slots=True)
class Kind:
    """The type of event a sentence reports, and how strongly its words say so."""

    category: str
    event_type: str
    sub_event_type: str
    strength: float  # 0..1: explicit cue words (1) down to a guess from casualty words alone
    trigger: tuple[int, int]  # span of the word that decided it (offsets into the sentence)


def _first(pattern: re.Pattern[str] | lx.Cue, text: str) -> tuple[int, int] | None:
    match = pattern.search(text)
    return match.span() if match else None


def classify(sentence: str) -> Kind | None:
    """The event the sentence reports, or None when it reports none."""
    found = _decide(sentence)
    if found is None:
        return None
    sub, strength, span, category = found
    return Kind(category or ACLED_SUB_EVENT_CATEGORY.get(sub, "other"), EVENT_TYPE[sub], sub, strength, span)


#: Demonstration types a later sentence may make a peaceful protest into (see combine).
_PROTESTS = ("Peaceful protest", "Protest with intervention")
#: Violence the other side may answer with fire (then the event is a clash).
_ONE_SIDED_FIRE = ("Shelling/artillery/missile attack", "Grenade", "Remote explosive/landmine/IED", "Attack")
#: Later sentences that settle what an event was: a clash that took a place, a bomb found and defused.
_OUTCOMES = {"Armed clash": ("Government regains territory", "Non-state actor overtakes territory"),
             "Remote explosive/landmine/IED": ("Disrupted weapons use",), "Grenade": ("Disrupted weapons use",)}
#: Strength of a sentence that says how an event ended, which the codebook ranks above how it began (a protest
#: dispersed, a demonstration turned violent, a place taken): above the 0.9 of the sentence telling the start.
OUTCOME = 0.92
#: Strength of a sentence that says both sides fought ("returned fire", "clashed").
TWO_SIDED = 0.9


#: A sentence saying the victims of the event before it were in the drug trade ("Both victims were wanted on
#: drug trafficking charges", "he was sentenced in 2019 for drug trafficking").
_TRAFFICKER_VICTIM = re.compile(
    r"\b(?:victims?|(?:one|both|two|all|each) of (?:the|them)|(?:he|she|they) (?:had|has|have|was|were))\b[^.;]{0,60}?"
    r"\b(?:charges?|charged|convicted|arrested|sentenced|records?|wanted)\b[^.;]{0,50}?\bdrug[- ]trafficking\b", re.I)


def tells_victims_in_the_drug_trade(sentence: str) -> bool:
    """Whether a sentence tells that victims were in the drug trade (charged with or convicted of trafficking)."""
    return bool(_TRAFFICKER_VICTIM.search(sentence))


def as_gang_clash(kind: Kind) -> Kind:
    """An attack whose victims a later sentence ties to the drug trade (:func:`tells_victims_in_the_drug_trade`) as
    a fight between armed groups, as ACLED codes gang killings ("... gunmen killed a man. Police said the victim
    was wanted for drug trafficking."); any other kind unchanged.

    >>> attack = Kind("civilian_violence", "Violence against civilians", "Attack", 1.0, (0, 4))
    >>> as_gang_clash(attack).sub_event_type, tells_victims_in_the_drug_trade("He was wanted for drug trafficking.")
    ('Armed clash', True)
    >>> tells_victims_in_the_drug_trade("Police said the man had a long record of thefts.")
    False
    """
    if kind.sub_event_type != "Attack":
        return kind
    return Kind(ACLED_SUB_EVENT_CATEGORY.get("Armed clash", "clash"), EVENT_TYPE["Armed clash"], "Armed clash",
                kind.strength, kind.trigger)


def combine(first: Kind, then: Kind) -> Kind | None:
    """What one event is when a later sentence of its report changes its ACLED type; None when it does not.

    The codebook types an event by all it is told of: a protest later broken up is a protest with
    intervention, one met with lethal force is excessive force, one whose crowd turned violent (or
    fought) a violent demonstration, and so is a riot that a later sentence ties to one; shelling, a
    grenade or an attack answered with fire is a clash; a clash ending with a place taken is a change
    of territory; a bomb found and then defused is disrupted weapons use. The event keeps its first
    sentence's trigger and strength.

    >>> protest = classify("Hundreds of workers protested outside the factory.")
    >>> combine(protest, classify("Police dispersed them with tear gas.")).sub_event_type
    'Protest with intervention'
    >>> combine(protest, classify("Police arrested twelve of them.")).sub_event_type
    'Protest with intervention'
    >>> combine(protest, classify("Some threw stones at the police.")).sub_event_type
    'Violent demonstration'
    >>> combine(classify("Rebels shelled the army base."), classify("The soldiers returned fire.")).sub_event_type
    'Armed clash'
    >>> combine(protest, classify("The rally ended at noon.")) is None
    True
    """
    a, b = first.sub_event_type, then.sub_event_type
    sub = None
    if a == "Mob violence" and b in _PROTESTS:
        sub = "Violent demonstration"  # a riot a later sentence ties to a demonstration
    elif a in _PROTESTS:
        if b == "Excessive force against protesters":
            sub = b
        elif b in ("Violent demonstration", "Mob violence") or (b == "Armed clash" and then.strength >= TWO_SIDED):
            sub = "Violent demonstration"
        elif a == "Peaceful protest" and b in ("Protest with intervention", "Arrests"):
            sub = "Protest with intervention"
    elif a in _ONE_SIDED_FIRE and b == "Armed clash" and then.strength >= TWO_SIDED:
        sub = "Armed clash"
    elif b in _OUTCOMES.get(a, ()):
        sub = b
    if sub is None or sub == a:
        return None
    return Kind(ACLED_SUB_EVENT_CATEGORY.get(sub, "other"), EVENT_TYPE[sub], sub, first.strength, first.trigger)


#: Explosions of unknown cause (SHELLING's weakest words).
_VAGUE = re.compile(r"explosion|blast", re.I)
#: Aircraft brought down: the fight against them, not an air strike.
_SHOT_DOWN = re.compile(r"shot down|downed", re.I)


def _decide(s: str) -> tuple[str, float, tuple[int, int], str | None] | None:
    """(sub-event type, strength, trigger span, category or None for the sub-type's own)."""
    caused = _first(lx.DISPLACED_BY, s)
    if caused:
        return "Other", 0.85, caused, "displacement"  # the displacement, not the fighting that caused it
    clashes = [match.span() for match in lx.CLASH.finditer(s)]  # found once: _two_sided, _setting_only read all
    clash = clashes[0] if clashes else None
    found = _demonstration(s, clashes)
    if found:
        return found
    shot_down = clash and _SHOT_DOWN.search(s, *clash)
    suicide = _first(lx.SUICIDE, s)
    if suicide and not lx.BOMBER_STOPPED.search(s):
        return "Suicide bomb", 0.95, suicide, None
    chemical = _first(lx.CHEMICAL, s)
    if chemical:
        return "Chemical weapon", 0.9, chemical, None
    remnants = _first(lx.REMNANTS, s)
    if remnants:
        return "Other", 0.8, remnants, None  # an old mine or shell going off: no attack by anyone
    warning = _first(lx.SHOTS_IN_AIR, s)
    if warning and not _first(lx.PERSON_HARMED, s[warning[1]:]) and not _first(lx.CASUALTIES, s):
        return "Other", 0.7, warning, "political"  # shots fired into the air: a show of force, no attack
    disrupted = _first(lx.DISRUPTED, s)
    if disrupted and not _SHOT_DOWN.fullmatch(s, *disrupted):
        return "Disrupted weapons use", 0.85, disrupted, None  # defused, intercepted, seized, went off early
    territory = _territory(s)
    if territory:
        return territory
    strike = _first(lx.AIR_STRIKE, s)
    air = strike or (_first(lx.AIR_ATTACK, s) if _first(lx.AIR_PLATFORM, s) else None)
    if air and _first(lx.AIR_SUPPORT, s):
        air = None  # aircraft backing troops: the ground operation is the event
    shelling = _first(lx.SHELLING, s)
    if clash or shelling or air:
        moved = _first(lx.MOVEMENT, s) or _first(lx.TRANSFER, s)
        if moved and _setting_only(s, clashes, shelling or strike):
            return "Change to group/activity", 0.75, moved, "troop_movement"  # weapons moved, fighting as the setting
    if air and not shot_down:
        return "Air/drone strike", 0.95, air, None
    two_sided = _two_sided(s, clashes) if clash and not shot_down else None
    if two_sided:
        return "Armed clash", TWO_SIDED, two_sided, None
    if shelling and _first(lx.SMALL_ARMS, s) and not _civilian_target(s, shelling):
        return "Armed clash", 0.8, clash or shelling, None  # heavy weapons with infantry fire at an enemy: a fight
    if clash and not shot_down and not shelling:
        harm = _first(lx.ATTACK, s)
        if _civilian_victim(s, clash) or (harm and not _armed_victim(s, harm) and _civilian_victim(s, harm)):
            return "Attack", 0.8, clash, None  # an ambush or raid on unarmed people
        return "Armed clash", 0.85, clash, None
    vague = all(_VAGUE.match(s, m.start(), m.end()) for m in lx.SHELLING.finditer(s)) if shelling else False
    if shelling and not (vague and (_first(lx.REMOTE_EXPLOSIVE, s) or _first(lx.GRENADE, s))):
        # an explosion of unknown cause is weakly a shelling; with a device named, the device says what it was
        return "Shelling/artillery/missile attack", 0.7 if vague else 0.9, shelling, None
    grenade = _first(lx.GRENADE, s)
    if grenade:
        return "Grenade", 0.9, grenade, None
    strike = _first(lx.STRIKE, s)
    if strike and not lx.LABOUR_STRIKE_BEFORE.search(s, max(0, strike[0] - 30), strike[0]) \
            and not _first(lx.REMOTE_EXPLOSIVE, s):
        return "Air/drone strike", 0.7, strike, None  # "One strike hit a tent camp": from the air, most likely
    explosive = _first(lx.REMOTE_EXPLOSIVE, s)
    if explosive:
        return "Remote explosive/landmine/IED", 0.85, explosive, None
    if shot_down:
        return "Armed clash", 0.7, clash, None
    control = _first(lx.CROWD_CONTROL, s)
    if control:
        return "Protest with intervention", 0.5, control, None  # tear gas is for crowds: a gathering was broken up
    sexual = _first(lx.SEXUAL, s)
    if sexual:
        return "Sexual violence", 0.9, sexual, None
    abduction = _first(lx.ABDUCTION, s)
    if abduction and not _first(lx.KILLING, s):  # kidnapped and killed: an attack
        return "Abduction/forced disappearance", 0.9, abduction, None
    attack = _first(lx.ATTACK, s)
    arrest = _first(lx.ARREST, s)
    if attack and arrest and re.match(r"raid|storm", s[attack[0]:], re.I) and not (
            _first(lx.CASUALTIES, s) or _first(lx.PERSON_HARMED, s) or _first(lx.KILLING, s)):
        attack = None  # "forces raided the camp and detained 12 people": the arrests are the event
    if attack:
        destroyed = _first(lx.LOOTING, s) or _first(lx.DESTRUCTION, s)
        if destroyed and not _first(lx.CASUALTIES, s) and not _first(lx.PERSON_HARMED, s):
            return "Looting/property destruction", 0.75, destroyed, None
        # "7 people were killed." names victims, not an attack: it may belong to the event before it
        report = lx.CASUALTIES.match(s, attack[0]) and " by " not in s[attack[1]:] and (
            _PASSIVE.search(s[:attack[0]]) or _COUNT_ONLY.fullmatch(s[:attack[0]]))
        strength = 0.55 if report else None
        if _armed_victim(s, attack):
            return "Armed clash", strength or 0.75, attack, None
        return "Attack", strength or 0.8, attack, None
    body = _first(lx.BODY_FOUND, s)
    if body:
        return "Attack", 0.7, body, None
    destroyed = _first(lx.LOOTING, s) or _first(lx.DESTRUCTION, s)
    if destroyed:
        return "Looting/property destruction", 0.8, destroyed, None
    displacement = _first(lx.DISPLACEMENT, s)
    movement = _first(lx.MOVEMENT, s)
    casualties = _first(lx.CASUALTIES, s)
    if displacement and not (movement and movement[0] < displacement[0] and not casualties):
        return "Other", 0.85, displacement, "displacement"
    if arrest:
        if _side(s, arrest[0]) == "non-state":  # an armed group holding people is abducting them
            return "Abduction/forced disappearance", 0.8, arrest, None
        return "Arrests", 0.8, arrest, "political"
    agreement = _first(lx.AGREEMENT, s)
    if agreement and _CALL_FOR.search(s, max(0, agreement[0] - 40), agreement[0]):
        return "Other", 0.6, agreement, "political"  # "called for a ceasefire": a statement, no agreement made
    if agreement:
        return "Agreement", 0.8, agreement, "political"
    base = _first(lx.BASE, s)
    if base:
        return "Headquarters or base established", 0.8, base, "troop_movement"
    transfer = _first(lx.TRANSFER, s)
    if transfer:
        return "Non-violent transfer of territory", 0.7, transfer, "troop_movement"
    political = _first(lx.POLITICAL, s)
    if movement and not (political and re.match(r"mobili", s[political[0]:political[1]], re.I)):
        return "Change to group/activity", 0.75, movement, "troop_movement"
    if political:
        return "Other", 0.65, political, "political"
    if casualties:
        if _armed_victim(s, casualties):
            return "Armed clash", 0.55, casualties, None
        return "Attack", 0.55, casualties, None
    return None


def _demonstration(s: str, clashes: list[tuple[int, int]]) -> tuple[str, float, tuple[int, int], str | None] | None:
    """Protests and riots, by the codebook: who was violent, the crowd (a riot) or the state (an intervention)."""
    clash = clashes[0] if clashes else None
    protest = _own(lx.PROTEST, s)
    riot = _own(lx.RIOT, s)
    violence = _own(lx.CROWD_VIOLENCE, s)
    tactics = _first(lx.DEMO_TACTICS, s)
    mob = _own(lx.MOB, s) if protest else _first(lx.MOB, s)  # "against mob justice" is a protest's topic
    if protest:
        if _first(lx.EXCESSIVE, s):
            return "Excessive force against protesters", OUTCOME, protest, None
        rioters = mob and re.match(r"rioters", s[mob[0]:mob[1]], re.I)
        violent = riot or violence or tactics or (mob if rioters else None) or _own(lx.DESTRUCTION, s) \
            or _first(lx.PROTESTERS_ATTACKED, s) or _own_two_sided(s, clashes)
        if mob and not rioters and not violent:
            return "Mob violence", 0.85, mob, None  # "a mob lynched a man it accused of ..." has no demonstration
        if violent:
            return "Violent demonstration", OUTCOME, violent, None
        if _first(lx.INTERVENTION, s):
            return "Protest with intervention", OUTCOME, protest, None
        return "Peaceful protest", 0.9, protest, None
    if tactics:
        return "Violent demonstration", 0.8, tactics, None  # burning tyres, barricades: a demonstration's means
    named = mob and re.match(r"mob|lynch|vigilante|rioters|jungle", s[mob[0]:], re.I)  # a mob named as such
    thrower = violence and not _own(lx.ARMED_GROUP, s[:violence[0]])  # stones thrown by unarmed people (at anyone)
    if riot or named or thrower:
        return "Mob violence", 0.85, riot or mob or violence, None  # a violent crowd with no demonstration
    if not (mob or clash or _first(lx.CROWD_ATTACK, s)):
        return None
    armed = _own(lx.ARMED_GROUP, s)  # an armed group's violence is a battle or an attack, whatever it throws
    if mob and not armed:
        return "Mob violence", 0.85, mob, None
    if clash and not armed and _first(lx.CROWD, s) and not _SHOT_DOWN.search(s, *clash):
        return "Mob violence", 0.75, clash, None  # two groups fighting with sticks and stones
    if clash is None and not armed and _first(lx.CROWD_ATTACK, s):
        return "Mob violence", 0.75, _first(lx.CROWD_ATTACK, s), None  # a crowd, not an armed group, beat or attacked
    return None


def _territory(s: str) -> tuple[str, float, tuple[int, int], str | None] | None:
    """Control of a place changing hands by force: the government's side regains it, or an armed group takes it."""
    regains = _first(lx.GOV_REGAINS, s)
    overtakes = _first(lx.NSA_OVERTAKES, s)
    found = regains or overtakes
    if found is None:
        return None
    if overtakes and not regains:
        if re.match(r"captured", s[overtakes[0]:], re.I) and not lx.TERRITORY.match(s, overtakes[1]):
            return None  # "captured a soldier": a person, not a place
        if _side(s, overtakes[0]) == "state":
            return "Government regains territory", OUTCOME, overtakes, None
        return "Non-state actor overtakes territory", OUTCOME, overtakes, None
    return "Government regains territory", OUTCOME, found, None


#: Before an agreement's word: what is only asked for ("called for a ceasefire", "urged both sides to agree a truce").
_CALL_FOR = re.compile(r"\b(?:call(?:ed|s|ing)? for|urg(?:ed|es|ing)|demand(?:ed|s|ing)?|propos(?:ed|es|ing)|"
                       r"push(?:ed|es|ing)? for|seek(?:s|ing)?|sought|appeal(?:ed|s)? for|press(?:ed|es)? for|"
                       r"reject(?:ed|s)?)\b[^.;]{0,30}$", re.I)
#: How far before an act (characters) its doer is looked for.
DOER_WINDOW = 100


def _side(s: str, at: int) -> str | None:
    """Whose side the doer of the act at ``at`` is on, "state" or "non-state" (None when the words do not say):
    the nearest before the act of a named group (``geodata/actors.csv``: the Arakan Army is an armed group,
    whatever "Army" says; anywhere before it: "SDF fighters searched the village for wanted men and, finding
    none, they detained their brothers") and of the words DOER_WINDOW before it that say who (troops, police;
    rebels)."""
    from mapgen.geoparse.actors import actor_sides

    start = max(0, at - DOER_WINDOW)
    doer = s[start:at]
    named = actor_sides(s[:at])
    told = [(last, side) for _, last, side in named]
    for side, cue in (("non-state", lx.NON_STATE), ("state", lx.STATE_FORCES)):
        # (the "Army" of "Arakan Army" is the name's, already told)
        if (found := _first(cue, doer)) is not None and not any(
                first <= start + found[0] < last for first, last, _ in named):
            told.append((start + found[1], side))
    return max(told)[1] if told else None


#: A cue word in the past tense ("vandalized"), unless a preposition makes it a noun's ("the arrest of").
_PAST = re.compile(r"\w+ed\b")
_OF_BEFORE = re.compile(r"\b(?:of|in|for)\s+$")


def _own(pattern: lx.Cue, s: str) -> tuple[int, int] | None:
    """The first match not told as a protest's cause or topic ("against the arrest of men accused of rioting")."""
    for match in pattern.finditer(s):
        verb = _PAST.match(s, match.start(), match.end()) and not _OF_BEFORE.search(s, 0, match.start())
        if verb or not lx.CAUSE_BEFORE.search(s, max(0, match.start() - 60), match.start()):
            return match.span()  # a verb in the past ("vandalized") tells what was done, not what was protested
    return None


def _own_two_sided(s: str, clashes: list[tuple[int, int]]) -> tuple[int, int] | None:
    span = _two_sided(s, clashes)
    return span if span and not lx.CAUSE_BEFORE.search(s, max(0, span[0] - 60), span[0]) else None


def _setting_only(s: str, clashes: list[tuple[int, int]], weapons: tuple[int, int] | None) -> bool:
    """Whether the sentence's fighting words (``clashes``) only set the scene ("as battles continue") and its
    weapons (heavy ones or air strikes) are named without being fired ("withdrew two missile batteries")."""
    if not clashes and not weapons:
        return False  # nothing to set the scene
    if any(not lx.SETTING_BEFORE.search(s, max(0, start - 40), start) for start, _ in clashes):
        return False
    return not (weapons and _first(lx.FIRING, s)) and not any(
        _first(p, s) for p in (lx.ATTACK, lx.ABDUCTION, lx.REMOTE_EXPLOSIVE, lx.CASUALTIES))


def _two_sided(s: str, clashes: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The first clash word saying both sides fought ("clashed", "returned fire"), not one-sided fire."""
    return next((span for span in clashes if lx.TWO_SIDED.match(s, span[0])), None)


def _civilian_victim(s: str, trigger: tuple[int, int]) -> bool:
    """Whether an ambush, raid or assault fell on unarmed people (or on men of arms off duty)."""
    if _first(lx.OFF_DUTY, s):
        return True
    if _first(lx.ARMED, s[trigger[0]:trigger[1]]):
        return False  # "fired at the positions of"
    before = s[:trigger[0]]
    victim = before[-80:] if _PASSIVE.search(before) else s[trigger[1]:trigger[1] + 80]
    civilians = _first(lx.CIVILIANS, victim)
    armed = _first(lx.ARMED, victim)
    return civilians is not None and (armed is None or civilians[0] < armed[0])


#: What may stand before "killed" in a bare casualty count ("1 killed, 7 injured", "At least 12 dead").
_COUNT_ONLY = re.compile(r"\W*(?:(?:at least|about|around|some|up to|more than|over|nearly|\d[\d,]*|one|two|three|four|"
                         r"five|six|seven|eight|nine|ten|several|dozens|many|a|no one|nobody|none)\s*)*", re.I)
_PASSIVE = re.compile(r"\b(?:was|were|been|being|got)\s+(?:\w+ )?$", re.I)


#: Attackers named as the trigger ("gunmen", "attackers"); the preposition before an object ("fired at");
#: where the object's phrase ends.
_ATTACKERS = re.compile(r"gunmen|attackers", re.I)
#: Before "off-duty": the source does not know ("it is unclear whether the soldier was off-duty").
_UNSURE_BEFORE = re.compile(r"\b(?:not clear|unclear|unknown|not known)\b[^.;\]]*\b(?:if|whether)\b[^.;\]]*$", re.I)
_AIM = re.compile(r"^\s*(?:at|on|upon|against)\s")
_CLAUSE_END = re.compile(r"[,.;]| by | in | near ")


def _armed_victim(s: str, trigger: tuple[int, int]) -> bool:
    """Whether the one attacked is armed (soldiers, a base): then a fight, not violence against civilians.

    The victim is the subject of a passive ("a soldier was shot by gunmen") or the object
    of an active verb ("gunmen attacked a checkpoint"); attackers' own words do not count.
    """
    off = _first(lx.OFF_DUTY, s)
    if off is not None and not _UNSURE_BEFORE.search(s, max(0, off[0] - 50), off[0]):
        return False  # an off-duty soldier is a civilian at the time (but not "unclear if he was off-duty")
    if lx.ARMED_CASUALTIES.search(s):
        return True
    if _ATTACKERS.match(s, *trigger):  # the attackers: their victim follows the verb
        verb = lx.ATTACK.search(s, trigger[1])
        trigger = verb.span() if verb else trigger
    before = s[:trigger[0]]
    if _PASSIVE.search(before):
        clause = before[max(before.rfind(","), before.rfind("."), 0):]
        victim = clause[-80:]
    else:
        after = s[trigger[1]:trigger[1] + 80]
        victim = _CLAUSE_END.split(_AIM.sub(" ", after), maxsplit=1)[0]
    armed = _first(lx.ARMED, victim) or _armed_group_member(victim)
    civilians = _first(lx.CIVILIANS, victim)
    return armed is not None and (civilians is None or armed[0] < civilians[0])


#: After a named group: one of its people ("a QSD member", "an Al Shabaab fighter", "two Houthi commanders").
_MEMBER_AFTER = re.compile(r"\s+(?:members?|fighters?|commanders?|militants?|operatives?|gunmen|elements?|"
                           r"officers?|soldiers?|personnel|leaders?|recruits?)\b", re.I)


def _armed_group_member(victim: str) -> tuple[int, int] | None:
    """The span of a member of an armed group the text names ("a QSD member": ``geodata/actors.csv``), if any;
    a group's political wing or its civilians are not meant ("a Hamas official" is not matched)."""
    from mapgen.geoparse.actors import named_groups

    for start, end, _name in named_groups(victim):
        if _MEMBER_AFTER.match(victim, end):
            return start, end
    return None  # (an acronym alone says nothing: "two CNL members" are a party's)


def _civilian_target(s: str, trigger: tuple[int, int]) -> bool:
    """Whether fire was aimed at civilians or their homes (words after the weapon), not at armed men."""
    aim = re.search(r"\b(?:at|on|upon|towards|into|against)\s", s[trigger[1]:])  # the target follows "at"
    target = s[trigger[1] + aim.end():] if aim else s[trigger[1]:]
    civilians = _first(lx.CIVILIANS, target)
    armed = _first(lx.ARMED, target)
    return civilians is not None and (armed is None or civilians[0] < armed[0])
