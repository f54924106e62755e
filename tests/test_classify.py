"""ACLED sub-event types of single sentences, the codebook's precedence between them, and events told
over several sentences (combine). Every sentence here is our own."""

from __future__ import annotations

import pytest

from mapgen.extract import classify
from mapgen.extract.classify import EVENT_TYPE, combine
from mapgen.schema import ACLED_SUB_EVENT_CATEGORY


def _sub(sentence: str) -> str | None:
    kind = classify(sentence)
    return None if kind is None else kind.sub_event_type


# --- one sentence of each sub-event type ---------------------------------------------------------
@pytest.mark.parametrize(("sentence", "sub_event_type"), [
    # Protests
    ("Several hundred teachers marched to the ministry to demand back pay.", "Peaceful protest"),
    ("Students held a sit-in at the university gate over tuition fees.", "Peaceful protest"),
    ("Riot police used tear gas to break up a rally of opposition supporters.", "Protest with intervention"),
    ("Police detained twenty demonstrators who had gathered outside the governor's office.",
     "Protest with intervention"),
    ("Officers baton-charged a crowd of protesting farmers near the market.", "Protest with intervention"),
    ("Security forces opened fire on the protesters, killing three of them.", "Excessive force against protesters"),
    ("Troops fired live ammunition at a peaceful march in the capital.", "Excessive force against protesters"),
    # Riots
    ("Protesters threw stones at police and set a patrol car on fire.", "Violent demonstration"),
    ("Demonstrators blocked the highway with burning tyres to denounce power cuts.", "Violent demonstration"),
    ("Angry youths barricaded the main road with rocks and branches.", "Violent demonstration"),
    ("A mob lynched a man accused of stealing a motorbike.", "Mob violence"),
    ("Villagers beat two suspected thieves and handed them to the police.", "Mob violence"),
    ("Inmates rioted in the central prison and took two guards hostage.", "Mob violence"),
    ("Supporters of rival parties clashed with sticks and stones after the vote count.", "Mob violence"),
    # Battles
    ("Rebels ambushed an army convoy on the northern road.", "Armed clash"),
    ("Soldiers and insurgents exchanged fire for two hours near the border post.", "Armed clash"),
    ("Government troops recaptured the town from the rebels after a week of fighting.",
     "Government regains territory"),
    ("Militants overran an army outpost and took control of the district centre.",
     "Non-state actor overtakes territory"),
    # Violence against civilians
    ("Gunmen shot dead a shopkeeper in front of his store.", "Attack"),
    ("Armed men ambushed a minibus and killed four passengers.", "Attack"),
    ("Bandits kidnapped a village chief and demanded a ransom.", "Abduction/forced disappearance"),
    ("Two women were raped by armed men near the camp.", "Sexual violence"),
    # Explosions/Remote violence
    ("Fighter jets struck a fuel depot outside the city.", "Air/drone strike"),
    ("A drone strike hit a car carrying two commanders.", "Air/drone strike"),
    ("Rockets fired from across the river landed in a residential area.", "Shelling/artillery/missile attack"),
    ("Artillery shelled the outskirts of the town overnight.", "Shelling/artillery/missile attack"),
    ("Government troops turned anti-aircraft guns on rebel trenches outside the town.",
     "Shelling/artillery/missile attack"),
    ("A roadside bomb destroyed a police vehicle.", "Remote explosive/landmine/IED"),
    ("A man threw a hand grenade into a crowded bar.", "Grenade"),
    ("A suicide bomber blew himself up at the entrance of a mosque.", "Suicide bomb"),
    # Strategic developments
    ("Bomb disposal experts defused an explosive device planted under a bridge.", "Disrupted weapons use"),
    ("Air defences intercepted two missiles over the capital.", "Disrupted weapons use"),
    ("Police found a cache of rifles and ammunition in an abandoned house.", "Disrupted weapons use"),
    ("Troops shot down a drone over the airbase.", "Disrupted weapons use"),
    ("The two sides signed a ceasefire agreement in the capital.", "Agreement"),
    ("The armed group surrendered to the army and handed in its weapons.", "Agreement"),
    ("Police arrested a journalist at his home on charges of sedition.", "Arrests"),
    ("Gunmen on motorbikes shot dead a QSD member near the market.", "Armed clash"),  # a named group's man is armed
    ("Unknown attackers shot dead three NDS members outside a mosque.", "Armed clash"),
    ("Separatists killed a ranger near the school.", "Armed clash"),
    ("Militiamen beat and wounded two CNL members.", "Attack"),  # a party's members are civilians
    ("A column of about 30 Russian armoured vehicles moved from Java towards Tskhinvali.", "Change to group/activity"),
    ("Russian forces later entered Gori without a fight.", "Non-violent transfer of territory"),
    ("The foreign minister called for a ceasefire in a telephone call.", "Other"),  # asked for, not agreed
    ("The two sides agreed a ceasefire in Geneva.", "Agreement"),
    ("One strike hit a tent camp, and another a house in the Jabalia refugee camp.", "Air/drone strike"),
    ("An Israeli strike on a school sheltering displaced families killed 12.", "Air/drone strike"),
    ("A general strike hit transport across the country.", "Peaceful protest"),  # a labour strike
    ("Israeli forces raided the camp and detained at least 12 people.", "Arrests"),  # a raid with no harm told
    ("Troops raided the camp, killed two men and detained five.", "Attack"),
    ("SDF fighters swept through a village and detained six men.", "Abduction/forced disappearance"),  # an armed group
    ("The Arakan Army said it had captured a military base.", "Non-state actor overtakes territory"),
    ("The army said it had captured the town.", "Government regains territory"),
    ("Army reinforcements were deployed to the border area.", "Change to group/activity"),
    ("The governor imposed a night curfew on the city.", "Change to group/activity"),
    ("The militia set up a new base in the abandoned school.", "Headquarters or base established"),
    ("Fighters looted shops in the market and left.", "Looting/property destruction"),
    ("Unknown people set fire to a parked truck at night.", "Looting/property destruction"),
    ("Police seized two tons of cannabis hidden in a lorry.", "Looting/property destruction"),
    ("Soldiers razed farmland belonging to villagers.", "Looting/property destruction"),
    ("A shepherd was injured when an unexploded shell went off in his field.", "Other"),
    ("Border guards fired warning shots into the air as the boats approached.", "Other"),
    ("The government freed forty rebel prisoners as a goodwill gesture.", "Other"),
])
def test_sub_event_type(sentence: str, sub_event_type: str) -> None:
    kind = classify(sentence)
    assert kind is not None, sentence
    assert kind.sub_event_type == sub_event_type, sentence
    assert kind.event_type == EVENT_TYPE[sub_event_type]
    assert sentence[kind.trigger[0]:kind.trigger[1]].strip(), "the trigger spans words of the sentence"


def test_categories_follow_the_schema() -> None:
    assert classify("Rebels ambushed an army convoy on the northern road.").category == "clash"
    assert classify("A mob lynched a man accused of stealing a motorbike.").category == ACLED_SUB_EVENT_CATEGORY[
        "Mob violence"]
    assert classify("Heavy fighting forced thousands of families to flee their villages.").category == "displacement"
    assert classify("The governor imposed a night curfew on the city.").category == "troop_movement"


# --- precedence --------------------------------------------------------------------------------
@pytest.mark.parametrize(("sentence", "sub_event_type"), [
    # the crowd's violence outranks the police's intervention; lethal force on a peaceful crowd outranks both
    ("Marchers hurled rocks at officers, who answered with tear gas and water cannon.", "Violent demonstration"),
    ("Police dispersed the rally and two protesters were shot dead.", "Excessive force against protesters"),
    # violence named as what a protest is about is not the protest's own
    ("Relatives protested against the detention of two men accused of rioting.", "Peaceful protest"),
    ("Residents protested peacefully, a week after the riots in the prison.", "Peaceful protest"),
    ("Traders protesting against the new market tax vandalized the town hall.", "Violent demonstration"),
    # heavy weapons with infantry fire at an enemy make a fight; both sides firing outranks the weapon
    ("Separatists fired mortars and small arms at army positions near the village.", "Armed clash"),
    ("The two armies exchanged artillery fire along the frontline.", "Armed clash"),
    ("Mortar shells fell on a crowded market.", "Shelling/artillery/missile attack"),
    ("Rebels fired 14.5mm guns and sniper rifles at homes in the old town.", "Shelling/artillery/missile attack"),
    # a pounding is a bombardment, by guns unless aircraft are named
    ("Government forces pounded rebel-held villages in the hills.", "Shelling/artillery/missile attack"),
    ("Warplanes pounded the southern suburbs for a second night.", "Air/drone strike"),
    # aircraft backing a ground operation: the operation is the event
    ("Commandos backed by helicopters raided a rebel camp, killing twelve fighters.", "Armed clash"),
    # a change of control outranks the fight that brought it
    ("After heavy clashes, the army retook the bridge.", "Government regains territory"),
    # the victim decides between a fight and an attack on civilians
    ("Gunmen shot dead two soldiers at a checkpoint.", "Armed clash"),
    ("Gunmen shot dead an off-duty soldier at a wedding.", "Attack"),
    ("A soldier was shot dead by gunmen at a market [unclear whether he was off-duty].", "Armed clash"),
    # displacement told as the result of fighting is coded as the displacement
    ("Heavy fighting forced thousands of families to flee their villages.", "Other"),
    # a bomb that was stopped is no bombing; an old mine going off is no attack
    ("Soldiers killed two suicide bombers before they reached the gate.", "Armed clash"),
    ("Engineers defused a roadside bomb found near the school.", "Disrupted weapons use"),
    ("A boy stepped on an old landmine laid during the civil war.", "Other"),
    # an armed group's fight is a clash even with stones thrown; a crowd without a demonstration is a mob
    ("Villagers threw stones at a man they accused of witchcraft.", "Mob violence"),
    ("A crowd of motorcycle taxi drivers stoned two soldiers at a checkpoint.", "Mob violence"),
    ("Gang members clashed with police in the old quarter.", "Armed clash"),
    # fighting that only sets the scene of a troop movement
    ("Reinforcements arrived at the front as battles continued in the area.", "Change to group/activity"),
    ("The army withdrew two missile batteries from the region.", "Change to group/activity"),
])
def test_precedence(sentence: str, sub_event_type: str) -> None:
    assert _sub(sentence) == sub_event_type, sentence


@pytest.mark.parametrize("sentence", [
    "The minister will visit the province next week.",
    "Prices of bread rose again this month.",
    "Health workers launched a campaign to combat the virus.",
    "Riot police stood guard outside the stadium.",
    "The authorities banned all marches and rallies until further notice.",
])
def test_no_event_or_no_protest(sentence: str) -> None:
    kind = classify(sentence)
    assert kind is None or kind.category not in {"protest", "clash", "strike", "civilian_violence"}, (sentence, kind)


def test_captured_people_are_no_territory() -> None:
    assert _sub("Rebels captured two soldiers near the river.") != "Non-state actor overtakes territory"
    assert _sub("Rebels captured the town of Olda after a short battle.") == "Non-state actor overtakes territory"


# --- one event, several sentences -------------------------------------------------------------
PROTEST = "Hundreds of nurses protested outside the health ministry."


@pytest.mark.parametrize(("first", "then", "sub_event_type"), [
    (PROTEST, "Police dispersed them with tear gas.", "Protest with intervention"),
    (PROTEST, "Police arrested twelve of them.", "Protest with intervention"),
    (PROTEST, "Some threw stones at the police.", "Violent demonstration"),
    (PROTEST, "Two demonstrators were shot dead by soldiers.", "Excessive force against protesters"),
    ("Rioters smashed the windows of two banks overnight.", "The damage followed a week of protests over prices.",
     "Violent demonstration"),
    ("Rebels shelled the army base.", "The soldiers returned fire.", "Armed clash"),
    ("A man threw a grenade at a police patrol.", "The officers reacted with gunfire.", "Armed clash"),
    ("Gunmen raided a farm on the edge of the town.", "Police arriving at the scene returned fire.", "Armed clash"),
    ("Soldiers and rebels clashed near the dam.", "The rebels then took control of the dam.",
     "Non-state actor overtakes territory"),
    ("An explosive device was found on the roadside.", "Sappers defused it an hour later.", "Disrupted weapons use"),
])
def test_combine(first: str, then: str, sub_event_type: str) -> None:
    a, b = classify(first), classify(then)
    assert a is not None and b is not None
    merged = combine(a, b)
    assert merged is not None, (first, then)
    assert (merged.sub_event_type, merged.event_type) == (sub_event_type, EVENT_TYPE[sub_event_type])
    assert (merged.strength, merged.trigger) == (a.strength, a.trigger), "the first sentence's words stay the trigger"


@pytest.mark.parametrize(("first", "then"), [
    (PROTEST, "The rally ended at noon."),  # still peaceful
    ("Gunmen shot dead a shopkeeper in front of his store.", "Police arrested two suspects."),  # another event
    ("Marchers hurled rocks at officers.", "Police dispersed them with tear gas."),  # a riot stays a riot
])
def test_combine_keeps_the_type(first: str, then: str) -> None:
    a, b = classify(first), classify(then)
    assert a is not None and b is not None
    assert combine(a, b) is None


# --- the cheap pre-check of the patterns ---------------------------------------------------------
def _sentences_here() -> list[str]:
    import re
    from pathlib import Path

    return re.findall(r'"([A-Z][^"]{15,}[.!?])"', Path(__file__).read_text(encoding="utf-8"))


def test_guarded_patterns_miss_nothing() -> None:
    """A pattern's stem test never hides a match the pattern itself finds (every example sentence here)."""
    from mapgen.extract import lexicon as lx

    guarded = [getattr(lx, name) for name in dir(lx) if isinstance(getattr(lx, name), lx.Guarded)]
    sentences = _sentences_here()
    assert len(guarded) > 20 and len(sentences) > 80
    for pattern in guarded:
        for sentence in sentences:
            assert (pattern.search(sentence) is None) == (pattern.pattern.search(sentence) is None), sentence


def test_end_and_part_tests_miss_nothing() -> None:
    """A pattern searched only in texts ending with (or holding) one of its words finds what it finds without
    the test: in the 60 characters before every position of every example sentence here."""
    from mapgen.extract import lexicon as lx

    cues = [v for v in vars(lx).values() if isinstance(v, (lx.EndCue, lx.PartCue))]
    sentences = [*_sentences_here(), "Russian troops shelled the outskirts of the  Gori.", "The President of the\nUN."]
    assert len(cues) >= 3 and len(sentences) > 80
    for sentence in sentences:
        for end in range(len(sentence) + 1):
            before = sentence[max(0, end - 60):end]
            for cue in cues:
                found, plain = cue.search(before), cue.pattern.search(before)
                assert (found and found.span()) == (plain and plain.span()), (before, cue.pattern.pattern[:40])


def test_guarded_needs_word_beginnings() -> None:
    from mapgen.extract.lexicon import Guarded

    with pytest.raises(ValueError, match="3 letters"):
        Guarded(("to",), r"to kill")


@pytest.mark.parametrize(("sentence", "sub_event_type"), [
    ("Residents banged pots and pans from their balconies against the governor.", "Peaceful protest"),
    ("Dock workers commemorated Labour Day with speeches at the port gates.", "Peaceful protest"),
    ("Nurses gathered at the clinic (in the old town), to denounce unpaid wages.", "Peaceful protest"),
    ("A physical fight broke out between two councillors during the session.", "Mob violence"),
    # a ban "to stop" something is a protest's topic, but not past a comma opening a clause of its own
    ("Traders stranded by the rules imposed to stop the virus, staged a demonstration at the depot.",
     "Peaceful protest"),
])
def test_protest_and_riot_cues_of_everyday_reports(sentence: str, sub_event_type: str) -> None:
    assert _sub(sentence) == sub_event_type


def test_a_states_confrontation_is_no_clash_of_protesters():
    from mapgen import extract_events

    rally = extract_events("Some 10,000 protesters cheered the president outside parliament in Tbilisi, backing him in "
                           "Georgia's confrontation with Russia.")
    assert list(rally["sub_event_type"]) == ["Peaceful protest"]
    fight = extract_events("Protesters had a violent confrontation with police in Tbilisi.")
    assert list(fight["sub_event_type"]) == ["Violent demonstration"]


def test_aid_workers_reporting_a_battle_make_it_no_mob_violence():
    from mapgen import extract_events

    rows = extract_events("Fighting spread to the outskirts of Kutum, and aid workers said thousands had fled.")
    assert list(rows["sub_event_type"]) == ["Armed clash", "Other"]  # the battle, and the flight it tells of
    rows = extract_events("Construction workers clashed with security guards in Kutum.")
    assert list(rows["sub_event_type"]) == ["Mob violence"]
