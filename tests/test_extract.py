"""Event extraction: sentences, types, roles, claims, dates, counts, merging, articles and bad input.

Example sentences are our own; the seed report in ../shared is checked when it is there.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import pandas as pd
import pytest

import mapgen
from mapgen.extract import classify, extract_articles, extract_events, merge_events, split_sentences
from mapgen.extract.roles import actors, claims, denials

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEED = SHARED / "corpora" / "seeds" / "004_7d0d10c5fa5dd535.txt"


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2, dl = math.radians(lat1), math.radians(lat2), math.radians(lon2 - lon1)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(h))


# --- sentences ---------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "expected"), [
    ("Lt. Col. Smith arrived. Troops left at 5 p.m. Friday.",
     ["Lt. Col. Smith arrived.", "Troops left at 5 p.m. Friday."]),
    ("The U.S. embassy closed. Staff left.", ["The U.S. embassy closed.", "Staff left."]),
    ("GORI, Georgia\nJets struck the town. Nobody died.", ["GORI, Georgia", "Jets struck the town.", "Nobody died."]),
    ("A line that wraps\nin the middle, of a sentence, goes on.",
     ["A line that wraps\nin the middle, of a sentence, goes on."]),
    ('"We will fight," he said. Then he left.', ['"We will fight," he said.', "Then he left."]),
])
def test_sentences(text: str, expected: list[str]) -> None:
    assert [text[s.start:s.end] for s in split_sentences(text)] == expected


def test_paragraphs_are_numbered() -> None:
    text = "One. Two.\n\nThree.\n\n\nFour."
    assert [s.paragraph for s in split_sentences(text)] == [0, 0, 1, 2]


# --- event types -------------------------------------------------------------------------------
@pytest.mark.parametrize(("sentence", "sub_event_type", "category"), [
    ("Warplanes bombed the market.", "Air/drone strike", "strike"),
    ("A drone strike hit a car on the highway.", "Air/drone strike", "strike"),
    ("Rebels fired mortars at the army base.", "Shelling/artillery/missile attack", "strike"),
    ("The city came under heavy artillery fire overnight.", "Shelling/artillery/missile attack", "strike"),
    ("A roadside bomb exploded as a patrol passed.", "Remote explosive/landmine/IED", "strike"),
    ("A suicide bomber blew himself up at a checkpoint.", "Suicide bomb", "strike"),
    ("Someone threw a grenade into the police station.", "Grenade", "strike"),
    ("Government troops clashed with rebels for hours.", "Armed clash", "clash"),
    ("The two sides exchanged fire along the front.", "Armed clash", "clash"),
    ("The army recaptured the town after heavy fighting.", "Government regains territory", "clash"),
    ("Gunmen shot dead two farmers in their fields.", "Attack", "civilian_violence"),
    ("Militants abducted a teacher from the village.", "Abduction/forced disappearance", "civilian_violence"),
    ("Hundreds of students protested peacefully outside parliament.", "Peaceful protest", "protest"),
    ("Police fired tear gas to disperse the protesters.", "Protest with intervention", "protest"),
    ("Protesters torched cars and threw stones at police.", "Violent demonstration", "protest"),
    ("Villagers beat a suspected thief to death.", "Mob violence", "protest"),
    ("Two groups of youths clashed with sticks and stones.", "Mob violence", "protest"),
    ("Soldiers fired mortars and small arms at rebel positions.", "Armed clash", "clash"),
    ("Gunmen shot dead a policeman at a checkpoint.", "Armed clash", "clash"),
    ("Farmers found the body of a man with gunshot wounds.", "Attack", "civilian_violence"),
    ("An angry mob lynched a suspected thief.", "Mob violence", "protest"),
    ("Thousands of refugees fled across the border.", "Other", "displacement"),
    ("A convoy of tanks crossed into the region.", "Change to group/activity", "troop_movement"),
    ("The president announced the mobilisation of reservists.", "Other", "political"),
    ("The two sides signed a ceasefire agreement.", "Agreement", "political"),
    ("Police arrested six opposition activists.", "Arrests", "political"),
    ("Soldiers defused an explosive device on the road.", "Disrupted weapons use", "other"),
    ("Fighters looted shops in the market.", "Looting/property destruction", "other"),
])
def test_classify(sentence: str, sub_event_type: str, category: str) -> None:
    kind = classify(sentence)
    assert kind is not None, sentence
    assert (kind.sub_event_type, kind.category) == (sub_event_type, category)


@pytest.mark.parametrize("sentence", [
    "The weather in the capital was mild.",
    "The minister will visit the region next week.",
    "The May market drew visitors from the whole valley.",
])
def test_no_event(sentence: str) -> None:
    assert classify(sentence) is None


# --- actors, claims, denials -------------------------------------------------------------------
def test_claims() -> None:
    assert [c.who for c in claims("According to the state news agency, shelling continued.")] == ["state news agency"]
    assert [c.who for c in claims("Refugees are leaving the city, says the United Nations refugee agency.")] == [
        "United Nations refugee agency"]
    assert [c.who for c in claims("Just after 9 a.m., Georgian police sources reported that jets struck.")] == [
        "Georgian police sources"]
    assert claims("12 soldiers are reported dead.") == []
    assert claims("It said nothing.") == []
    assert [c.who for c in claims("Troops entered the valley, where officials said five people died.")] == [
        "officials"]
    assert claims("The army denied reports that it had withdrawn from the town.") == []  # a denier, not a source
    # a deed, not a report: "declared a state of emergency", "announced the mobilisation"
    assert [c.who for c in claims("Militias took the town, residents said, as the government declared a state "
                                  "of emergency.")] == ["residents"]
    assert [c.who for c in claims("Five people died, the army announced.")] == ["army"]


def test_denials() -> None:
    assert [c.who for c in denials("The Defence Ministry denied the reports.")] == ["Defence Ministry"]
    said = "A spokesman for the Interior Ministry called these reports \"false\"."
    assert [c.who for c in denials(said)] == ["Interior Ministry"]
    assert denials("Nobody was hurt.") == []
    assert denials("In 2014 the peninsula was annexed after a disputed referendum.") == []  # an adjective
    assert [c.who for c in denials("Jets were shot down, although Moscow denied any had crossed.")] == ["Moscow"]


def test_actors() -> None:
    sentence = "On August 7 Georgian troops launched an offensive against Ossetian militias."
    assert actors(sentence, sentence.index("launched")) == ("Georgian troops", "Ossetian militias")
    passive = "The pilot was captured and killed by Ossetian fighters."
    assert actors(passive, passive.index("killed")) == ("Ossetian fighters", None)
    pair = "M23 rebels and the Congolese army fought for control of Sake."  # the one, against the other
    assert actors(pair, pair.index("fought")) == ("M23 rebels", "Congolese army")
    drones = "Russian forces launched 87 drones at Kyiv."  # the weapons are no actor
    assert actors(drones, drones.index("launched") + 9) == ("Russian forces", None)
    act = "Militia fighters searched homes in Raqqa and detained four men."  # the act and its object are no actor
    assert actors(act, act.index("detained")) == ("Militia fighters", None)
    claim = "The Arakan Army said it had captured a base."  # a group telling its own act did it
    assert actors(claim, claim.index("captured"), skip=[(4, 15)]) == ("Arakan Army", None)
    other = "The Arakan Army said the rebels had captured a base."  # telling another's act: not the doer
    assert actors(other, other.index("captured"), skip=[(4, 15)])[0] != "Arakan Army"


# --- whole texts -------------------------------------------------------------------------------
def _one(events, **expected):  # type: ignore[no-untyped-def]
    assert len(events) == 1, events[["category", "location", "quote"]]
    row = events.iloc[0]
    for key, value in expected.items():
        assert row[key] == value, (key, row[key], value)
    return row


def test_strike_with_place_date_time_count_and_claim() -> None:
    text = ("At 10:00 a.m. local time, two jets dropped bombs near the town of Kareli, Georgian officials "
            "reported.")
    events = extract_events(text, published="2008-08-08", source="report.txt")
    row = _one(events, category="strike", sub_event_type="Air/drone strike", location="Kareli",
               event_date="2008-08-08", time="10:00", time_precision="minute", geo_precision=2,
               claimed_by="Georgian officials", country="Georgia")
    assert _km(row.latitude, row.longitude, 42.02, 43.90) < 10
    assert row.source == f"report.txt#char=0,{len(text)}"
    assert row.quote == text
    assert row.event_id.startswith("ev-")
    assert 0 < row.confidence <= 1


def test_movement_has_origin_and_destination() -> None:
    text = "A convoy of 20 trucks carrying 400 volunteers crossed from North Ossetia to South Ossetia on Friday."
    row = _one(extract_events(text, published="2008-08-09"), category="troop_movement", origin="North Ossetia",
               destination="South Ossetia", event_date="2008-08-08", people=400)
    assert row.geometry.geom_type == "LineString"
    assert row.origin_latitude > row.destination_latitude  # north to south


def test_displacement_flow_and_vague_amount() -> None:
    text = "Thousands of residents are fleeing South Ossetia, most for North Ossetia, the UN refugee agency says."
    row = _one(extract_events(text, published="2008-08-08"), category="displacement", origin="South Ossetia",
               destination="North Ossetia", claimed_by="UN refugee agency")
    assert row.isna()["displaced"]  # "thousands" is not a number
    assert row["amounts"] == "displaced: thousands"  # but it is kept, as words


def test_people_who_fled_towards_two_towns_went_to_both_and_came_from_neither() -> None:
    rows = extract_events("About 30,000 people fled towards Goma and Sake on 2 June 2026.")
    assert list(rows["location"]) == ["Goma", "Sake"] and rows["origin"].isna().all()
    assert rows["displaced"].tolist()[0] == 30000 and rows["displaced"].isna().tolist()[1]  # the count: on the first
    row = _one(extract_events("About 3,000 people fled Goma for Sake."), origin="Goma", destination="Sake")
    assert row.displaced == 3000


def test_country_destination_points_at_the_near_part_of_the_country() -> None:
    text = "The government of South Ossetia said it will evacuate children to Russia."
    row = _one(extract_events(text, published="2008-08-08"), category="displacement", destination="Russia",
               origin="South Ossetia")
    assert _km(row.destination_latitude, row.destination_longitude, 43.0, 44.7) < 400


def test_follow_up_sentence_adds_to_the_event_and_denial_marks_it_disputed() -> None:
    text = ("Georgian officials said jets dropped bombs near Gori. Seven people were injured by the bombing.\n\n"
            "Later that day shelling hit Tskhinvali.")
    events = extract_events(text, published="2008-08-08")
    assert events.location.tolist() == ["Gori", "Tskhinvali"]
    assert events.injured.tolist()[0] == 7
    denied = extract_events(text.replace("Seven people", "The Russian Defence Ministry denied the reports. Seven "
                                                        "people"), published="2008-08-08")
    assert denied.iloc[0].denied_by == "Russian Defence Ministry"
    assert bool(denied.iloc[0].disputed)


def test_casualties_and_dates_relative_to_publication() -> None:
    text = "Yesterday two soldiers were killed and five wounded when rebels attacked a checkpoint near Gori."
    row = _one(extract_events(text, published="2008-08-10"), fatalities=2, injured=5, event_date="2008-08-09",
               category="clash")
    assert row.geo_precision == 2


def test_background_keeps_its_own_year() -> None:
    text = "In 1991-92 fighting around Tskhinvali killed about 1,000 people."
    row = _one(extract_events(text, published="2008-08-08"))
    assert row.event_date.startswith("1991")
    assert row.time_precision == "year"


def test_without_a_publication_date_only_stated_dates_are_used() -> None:
    events = extract_events("On 9 May 2020, militants attacked a police post in Kismayo, killing 2 officers. "
                            "Yesterday rebels shelled Gori.")
    assert events.event_date.tolist()[0] == "2020-05-09"
    assert events.isna()["event_date"].tolist()[1:] == [True] * (len(events) - 1)


def test_unresolved_place_is_kept_unplaced_not_guessed() -> None:
    events = extract_events("Troops shelled Zzyzxgrad, a village of no gazetteer, on 3 March 2022.")
    assert len(events) <= 1
    if len(events):
        assert events.geometry.isna().all() or events.iloc[0].location != "Zzyzxgrad"


def test_empty_and_eventless_texts_give_empty_frames() -> None:
    assert len(extract_events("")) == 0
    assert list(extract_events("The weather in Tbilisi was mild.").columns) == list(mapgen.COLUMNS)


@pytest.mark.parametrize(("value", "problem"), [
    (b"bytes", "needs text"),
    ("a\x00b", "NUL"),
    ("x" * 5_000_001, "limit"),
])
def test_bad_text(value: object, problem: str) -> None:
    with pytest.raises(mapgen.InputError, match=problem):
        extract_events(value)  # type: ignore[arg-type]


def test_bad_published_date() -> None:
    with pytest.raises(mapgen.InputError, match="cannot read the date"):
        extract_events("Jets bombed Gori.", published="someday")


# --- merging and articles ---------------------------------------------------------------------
def test_merge_keeps_one_row_per_event_with_every_source(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("---\ndate: 2008-08-08\n---\nRussian jets bombed Gori today, killing 5 people.\n")
    (tmp_path / "b.md").write_text("---\ndate: 2008-08-08\n---\nJets bombed Gori today. 7 people were killed.\n"
                                   "Protesters rallied in Tbilisi today.\n")
    events = extract_articles(tmp_path)
    strikes = events[events.category == "strike"]
    assert len(strikes) == 1
    assert strikes.iloc[0].fatalities == 7
    sources = strikes.iloc[0].source.split("; ")
    assert [s.split("#")[0] for s in sources] == [str(tmp_path / "a.txt"), str(tmp_path / "b.md")]
    start, end = map(int, sources[0].split("#char=")[1].split(","))
    assert (tmp_path / "a.txt").read_text()[start:end].startswith("Russian jets bombed Gori")
    assert (events.category == "protest").sum() == 1
    assert merge_events(events.iloc[0:0]).empty


def test_articles_without_dates_warn(tmp_path: Path) -> None:
    (tmp_path / "note.txt").write_text("Yesterday jets bombed Gori.\n")
    events = extract_articles(tmp_path / "note.txt")
    assert "no publication date" in events.attrs["warnings"][0]
    assert events.isna()["event_date"].all()
    dated = tmp_path / "2008-08-09-note.txt"
    dated.write_text("Yesterday jets bombed Gori.\n")
    assert extract_articles(dated).event_date.tolist() == ["2008-08-08"]


@pytest.mark.parametrize(("content", "problem"), [
    (b"", "empty"),
    (b"\x00\x01binary", "binary"),
    ("Jets bombed Gori.".encode("utf-16"), "binary|UTF-8"),
    (b"Jets bombed G\xf6ri.", "UTF-8"),
])
def test_bad_articles(tmp_path: Path, content: bytes, problem: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(mapgen.InputError, match=problem) as err:
        extract_articles(path)
    assert str(path) in str(err.value)


# --- the seed report --------------------------------------------------------------------------
@pytest.mark.skipif(not SEED.exists(), reason="../shared/corpora/seeds is not beside the checkout")
def test_seed_report_essential_events() -> None:
    gold = json.loads(SEED.with_name(SEED.stem + ".gold.json").read_text())
    events = extract_events(SEED.read_text(), published=gold["published"], source=SEED.name)
    places = gold["places"]

    def near(lat: float, lon: float, name: str) -> bool:
        point = places[name]
        return _km(lat, lon, point[0], point[1]) <= (point[2] if len(point) > 2 else 30)

    for event in (e for e in gold["events"] if e["essential"]):
        accept = set(event["accept"])
        rows = events[events.category.isin(accept)]
        if "location" in event:
            ok = any(near(r.latitude, r.longitude, event["location"]) for r in rows.itertuples()
                     if not math.isnan(r.latitude))
        else:
            ok = any(near(r.origin_latitude, r.origin_longitude, event["origin"])
                     and near(r.destination_latitude, r.destination_longitude, event["destination"])
                     for r in rows.itertuples() if not math.isnan(r.origin_latitude)
                     and not math.isnan(r.destination_latitude))
        assert ok, event["id"]


def test_later_sentences_that_change_the_type_make_one_event() -> None:
    events = extract_events("On 3 May 2020, about 200 people protested in Gori. Police dispersed them with tear gas.")
    assert events[["sub_event_type", "location", "people"]].values.tolist() == [
        ["Protest with intervention", "Gori", 200]]
    assert events.iloc[0].quote.endswith("tear gas.")
    events = extract_events("On 3 May 2020, rebels shelled an army post near Kareli. The soldiers returned fire.")
    assert events.sub_event_type.tolist() == ["Armed clash"]


def test_a_later_sentence_about_another_place_stays_its_own_event() -> None:
    events = extract_events("On 3 May 2020, about 200 people protested in Gori. "
                            "In Tbilisi, police dispersed a crowd with tear gas.")
    assert events.location.tolist() == ["Gori", "Tbilisi"]


def test_a_sentence_without_a_place_takes_the_story_s_place_only_when_the_story_stays_in_one_area() -> None:
    one_area = ("On 3 May 2020, jets bombed Gori and Kareli.\n\n"
                "On 4 May 2020, two soldiers were killed by a roadside bomb.")
    row = extract_events(one_area).iloc[-1]
    assert row.fatalities == 2 and row.location in {"Gori", "Kareli"} and row.geo_precision >= 2  # near, not exact
    moving = ("On 3 May 2020, jets bombed Gori. On the same day, rebels shelled Batumi.\n\n"
              "On 4 May 2020, two soldiers were killed by a roadside bomb.")
    row = extract_events(moving).iloc[-1]
    assert row.fatalities == 2 and row.isna().latitude  # Gori or Batumi would be a guess: left unplaced


def test_windows_line_ends_split_paragraphs_and_keep_offsets() -> None:
    text = "GORI, Georgia\r\n\r\nJets struck the town.\r\nNobody died.\r\n\r\nTroops left.\r\n"
    spans = split_sentences(text)
    assert [text[s.start:s.end] for s in spans] == ["GORI, Georgia", "Jets struck the town.", "Nobody died.",
                                                    "Troops left."]
    assert [s.paragraph for s in spans] == [0, 1, 1, 2]


@pytest.mark.parametrize(("text", "expected"), [
    ("On 3 May 2020, a roadside bomb exploded near a patrol in Kareli. The explosion killed one soldier.",
     [("Remote explosive/landmine/IED", "Kareli", 1)]),
    ("On 3 May 2020, gunmen killed two farmers in Gori. Another 3 were killed later in the day.",
     [("Attack", "Gori", 5)]),
    ("On 3 May 2020, gunmen killed two farmers in Gori. Two people were killed in the attack.",
     [("Attack", "Gori", 2)]),
])
def test_casualty_sentences_add_to_the_event_they_point_back_to(text: str, expected: list[tuple]) -> None:
    events = extract_events(text)
    assert [tuple(r) for r in events[["sub_event_type", "location", "fatalities"]].values.tolist()] == expected


def test_one_event_per_place_of_a_list_with_the_counts_on_the_first() -> None:
    events = extract_events("On 3 May 2020, Russian jets bombed Kareli and Gori, killing five people.")
    assert events[["category", "location", "fatalities"]].astype(object).where(events.notna(), None).values.tolist() \
        == [["strike", "Kareli", 5], ["strike", "Gori", None]]
    assert events.event_id.is_unique and events.quote.nunique() == 1
    assert extract_events("On 3 May 2020, jets bombed Gori, Georgia.").location.tolist() == ["Gori"]  # a container


def test_one_event_per_province_of_a_list_of_provinces() -> None:
    events = extract_events("On 3 May 2026, air defences shot down 65 drones over the Kyiv, Chernihiv and Sumy "
                            "regions.")
    assert events[["location", "geo_precision"]].values.tolist() == [["Kyiv", 3], ["Chernihiv", 3], ["Sumy", 3]]


def test_a_list_of_places_each_with_its_own_locative_is_one_event_each_near_where_it_says() -> None:
    events = extract_events("On 2 June 2026, US warplanes struck Houthi targets in Hodeidah and near Sanaa airport.")
    assert events[["location", "geo_precision"]].values.tolist() == [["Hodeidah", 1], ["Sanaa", 2]]


def test_another_of_the_same_told_in_a_clause_of_its_own_is_one_more_event() -> None:
    events = extract_events("On 2 June 2026, one strike hit a tent camp west of Khan Younis, and another a house in "
                            "the Jabalia refugee camp.")
    assert events[["location", "geo_precision"]].values.tolist() == [["Khan Younis", 2], ["Jabalia", 1]]


def test_a_place_not_placed_has_no_precision() -> None:
    [row] = extract_events("Gunmen attacked the village of Kibirizi on 1 June 2026.").itertuples()
    assert row.location == "Kibirizi" and pd.isna(row.latitude) and pd.isna(row.geo_precision)


def test_a_text_given_no_date_goes_by_its_datelines() -> None:
    rows = extract_events("BAMAKO, Mali (June 2, 2026) - Jihadists killed 14 soldiers near Gao on Sunday.")
    assert [str(d)[:10] for d in rows["event_date"]] == ["2026-05-31"]


def test_named_groups_act_and_victims_are_targets() -> None:
    row = _one(extract_events("The paramilitary Rapid Support Forces shelled a camp near El Fasher on 3 June 2026."))
    assert row.actor1 == "Rapid Support Forces"
    row = _one(extract_events("Suspected jihadists killed 14 soldiers in an ambush near Gao on 1 June 2026."))
    assert (row.actor1, row.actor2) == ("Suspected jihadists", "soldiers")


def test_a_foreign_states_forces_taking_a_town_overtake_it() -> None:
    row = _one(extract_events("Russian troops captured the town of Vuhledar in Donetsk on 2 June 2026."))
    assert row.sub_event_type == "Non-state actor overtakes territory"
    row = _one(extract_events("Ukrainian troops recaptured the town of Vuhledar in Donetsk on 2 June 2026."))
    assert row.sub_event_type == "Government regains territory"


def test_a_town_outside_the_province_the_sentence_opens_with_is_a_namesake() -> None:
    # the gazetteer's only Novooleksandrivka lies in Luhansk: the one meant is somewhere in Donetsk
    row = _one(extract_events("In the Donetsk region, Russian troops captured the village of Novooleksandrivka on 2 "
                              "June 2026."))
    assert (row.location, row.geo_precision) == ("Donetsk", 3)
    row = _one(extract_events("In Idlib province, regime forces shelled Kafr Nabl on 2 June 2026."))
    assert (row.location, row.geo_precision) == ("Kafr Nabl", 1)  # what was shelled is where


def test_the_other_sides_reply_is_an_event_of_its_own() -> None:
    rows = extract_events("Rebel fighters shelled a camp in El Fasher on 3 June 2026. The army said its aircraft "
                          "struck rebel positions east of the city in response.")
    assert rows[["sub_event_type", "location", "geo_precision", "actor1"]].values.tolist() == [
        ["Shelling/artillery/missile attack", "El Fasher", 1, "Rebel fighters"],
        ["Air/drone strike", "El Fasher", 2, "army"]]


def test_at_sea_off_a_port_is_near_the_port() -> None:
    row = _one(extract_events("Missiles were fired at a freighter in the Red Sea off the port of Mokha on 1 June "
                              "2026."))
    assert (row.location, row.geo_precision) == ("Mokha", 2)


def test_a_division_called_a_state_is_a_place_not_an_institution() -> None:
    row = _one(extract_events("On 2 June 2026, fighting intensified in Rakhine state, where rebels attacked a base. "
                              "Talks are to resume in Bangkok."))
    assert (row.location, row.geo_precision) == ("Rakhine", 3)


def test_what_has_gone_on_since_a_date_is_background() -> None:
    assert extract_events("Israeli forces have killed 30 people in Jenin since Monday.", published="2026-06-05").empty
    rows = extract_events("Jets bombed Gori on Friday, the first strike since March.", published="2008-08-09")
    assert [str(d)[:10] for d in rows["event_date"]] == ["2008-08-08"]  # "since March" dates nothing


def test_the_leads_event_told_again_in_the_next_paragraph_is_one_event() -> None:
    text = ("Troops bombed a monastery in Sagaing on 26 May 2026, killing 11 civilians, a resistance group said.\n\n"
            "The air strike hit the village in Sagaing at around 2 a.m., the group said.")
    row = _one(extract_events(text))
    assert (row.sub_event_type, row.fatalities, row.claimed_by) == ("Air/drone strike", 11, "resistance group")


def test_people_arriving_from_a_place_went_where_the_sentence_puts_them() -> None:
    row = _one(extract_events("On 3 March 2024, in Maracay, Aragua state, some 250 refugees arrived from Zulia "
                              "state."))
    assert (row.origin, row.destination, row.location, row.displaced) == ("Zulia", "Maracay", "Maracay", 250)


def test_undated_events_of_later_paragraphs_take_the_storys_day() -> None:
    text = ("NAIROBI, June 25, 2026 (AP) - Police fired tear gas at protesters in Nairobi on Tuesday.\n\n"
            "Similar protests were held in Mombasa.")
    assert [str(d)[:10] for d in extract_events(text)["event_date"]] == ["2026-06-23", "2026-06-23"]


def test_a_force_noun_opening_a_sentence_is_its_actor() -> None:
    row = _one(extract_events("Officers arrested 47 people in Kisumu on 25 June 2026, according to the ministry."))
    assert (row.actor1, row.claimed_by) == ("Officers", "ministry")


def test_a_headline_naming_the_region_s_city_is_the_body_s_event_told_again() -> None:
    text = ("Shelling hits Zaporizhzhia\n\nRussian artillery shelled the town of Orikhiv on 13 March 2026, killing "
            "two civilians.")
    assert list(extract_events(text)["location"]) == ["Orikhiv"]
    text = "Shelling hits Kharkiv\n\nRussian artillery shelled the town of Orikhiv on 13 March 2026."
    assert list(extract_events(text)["location"]) == ["Kharkiv", "Orikhiv"]  # 250 km apart: two events


def test_residents_who_have_left_a_town_are_displaced() -> None:
    row = _one(extract_events("Hundreds of residents have left Orikhiv for Zaporizhzhia this week.",
                              published="2026-03-14"))
    assert (row.category, row.location) == ("displacement", "Zaporizhzhia")


def test_fighting_that_forced_thousands_to_flee_is_the_flight_not_another_fight() -> None:
    text = ("Rebels and soldiers fought in Sake on 9 February 2026.\n\n"
            "The fighting forced about 15,000 people to flee towards Goma, the UN said.")
    assert list(extract_events(text)["category"]) == ["clash", "displacement"]


def test_a_denial_opening_its_sentence_disputes_the_event_before_it_and_tells_none() -> None:
    text = ("TBILISI, 9 August 2026 - Georgian officials said Russian aircraft bombed a base near Tbilisi on Saturday. "
            "Moscow denied that its planes had entered Georgian airspace.")
    row = _one(extract_events(text))
    assert (row.claimed_by, row.denied_by, row.disputed) == ("Georgian officials", "Moscow", True)


def test_unarmed_people_crossing_into_a_region_are_a_flight_with_their_number() -> None:
    row = _one(extract_events("On 9 August 2026, about 2,000 people crossed the Roki Tunnel into North Ossetia."))
    assert (row.category, row.destination, row.people) == ("displacement", "North Ossetia", 2000)
    row = _one(extract_events("On 7 May 2026, students entered the university in Tbilisi to demand free tuition."))
    assert row.category != "displacement"


def test_attacks_being_prepared_have_not_happened() -> None:
    [done] = extract_events("On 3 May 2026, militants attacked a camp near Gao.")["confidence"]
    [planned] = extract_events("On 3 May 2026, militants were preparing attacks on a camp near Gao.")["confidence"]
    assert planned < done / 1.5


def test_a_weak_far_reading_does_not_stop_the_story_s_place_being_the_fallback() -> None:
    from mapgen.extract.events import _fallback
    from mapgen.geoparse import Toponym

    gori = Toponym(0, 4, "Gori", "Gori", 41.98, 44.11, 1, "GE", "city", 0.93)
    kareli = Toponym(10, 16, "Kareli", "Kareli", 42.02, 43.9, 2, "GE", "city", 0.9)
    namesake = Toponym(20, 26, "Pasali", "Pasali", 9.0, 125.0, 3, "PH", "city", 0.2)  # a weak guess, far away
    assert _fallback([gori, kareli, namesake], gori) is gori
    strong = Toponym(20, 26, "Batumi", "Batumi", 41.64, 41.63, 4, "GE", "city", 0.93)  # 220 km off, named surely
    assert _fallback([gori, kareli, strong], gori) is None


def test_a_capital_inside_an_entity_the_model_made_of_it_and_its_region():
    # spaCy reads "Bamako (Bamako" as one organisation
    events = extract_events("On 3 June 2021, traders in Bamako (Bamako) marched against new market taxes.")
    assert events.iloc[0]["location"] == "Bamako" and abs(events.iloc[0]["latitude"] - 12.65) < 0.2


def test_a_name_before_a_division_word_is_the_division_s_place():
    # the model reads "Batsari LGA" as an organisation and "Ghoryan" (GeoNames: Ghōriyān) as a people
    events = extract_events("On 9 June 2021, gunmen attacked two villages in Batsari LGA (Katsina), killing 3 farmers.")
    assert events.iloc[0]["location"] == "Batsari"
    events = extract_events("On 4 June 2021, a police officer was shot dead by gunmen in Ghoryan district center, "
                            "Herat.")
    assert events.iloc[0]["location"] == "Ghoryan" and abs(events.iloc[0]["longitude"] - 61.49) < 0.1


def test_the_first_word_of_a_place_the_gazetteer_lacks_is_no_pin():
    # "Bani Siyah" is a Yemeni area; Baní is a Dominican town
    events = extract_events("On 2 June 2021, Saudi forces fired shells at Bani Siyah area (Raizh, Sadah), wounding "
                            "a shepherd.")
    assert not (events["country"] == "Dominican Republic").any()


def test_a_bolivian_department_written_without_its_article():
    # "Beni" is GeoNames' El Beni here, not the Congolese town
    events = extract_events("On 5 June 2021, in Rurrenabaque, Beni, nurses protested outside the town hospital over "
                            "unpaid wages.")
    assert events.iloc[0]["location"] == "Rurrenabaque" and events.iloc[0]["country"] == "Bolivia"


def test_a_sentence_shifted_in_time_is_another_event_dated_from_the_one_before() -> None:
    text = ("Overnight, drones attacked Odesa, injuring a dozen people, the governor said. "
            "Two days earlier, a missile strike on the port killed four.")
    rows = extract_events(text, published="2024-03-20")
    assert [str(d)[:10] for d in rows["event_date"]] == ["2024-03-20", "2024-03-18"]
    assert list(rows["fatalities"].fillna(-1)) == [-1, 4]  # the four died in the earlier strike
    followed = extract_events("Gunmen kidnapped a man in Gori on 3 May. A day later his body was found.")
    assert len(followed) == 1  # how the kidnapping ended, not another event


def test_a_day_without_a_year_is_the_last_one_before_publication_unless_close_ahead() -> None:
    rows = extract_events("On the night of 7-8 August, artillery shelled Tskhinvali.", published="2024-03-20")
    assert [str(d)[:10] for d in rows["event_date"]] == ["2023-08-07"]
    # (a day close ahead is this year's: see dates._closest_day)


def test_a_placeless_sentence_with_a_vague_count_is_an_event_of_the_place_before_it() -> None:
    rows = extract_events("Artillery shelled Tskhinvali for hours on Friday. Hundreds of civilians fled north.",
                          published="2008-08-09")
    assert list(rows["category"]) == ["strike", "displacement"]
    assert list(rows["location"]) == ["Tskhinvali", "Tskhinvali"]
    assert "hundreds" in str(rows["amounts"].iloc[1]).lower()


def test_a_day_the_paragraph_gave_relative_to_publication_carries_to_its_next_sentences() -> None:
    rows = extract_events("On Tuesday jets bombed Gori. Seven people were killed in a second raid on Kareli.",
                          published="2008-08-14")
    assert [str(d)[:10] for d in rows["event_date"]] == ["2008-08-12", "2008-08-12"]


def test_people_fleeing_in_numbers_beside_another_event_are_a_flow_of_their_own() -> None:
    rows = extract_events("Shelling hit Gori on Friday and some 3,000 people fled to Tbilisi.", published="2008-08-09")
    strike, flight = rows.itertuples()
    assert (strike.category, strike.location) == ("strike", "Gori")
    assert pd.isna(strike.displaced)  # the people who fled are the flight's
    assert (flight.category, flight.origin, flight.destination, flight.displaced) == (
        "displacement", "Gori", "Tbilisi", 3000)
    rows = extract_events("Fighting spread to Kutum, and 40,000 people fled towards the Chadian border.")
    assert list(rows["destination"].fillna("")) == ["", "Chad"]
    assert list(extract_events("Jets bombed Gori, killing five people.")["category"]) == ["strike"]


def test_an_unarmed_crossing_after_a_flight_is_the_flight_going_on() -> None:
    rows = extract_events("Some 40,000 people fled Kutum towards the border. Many crossed into Chad.")
    assert list(rows["category"]) == ["displacement", "displacement"]
    rows = extract_events("Some 40,000 people fled Kutum towards the border. Soldiers crossed into Chad.")
    assert list(rows["category"]) == ["displacement", "troop_movement"]  # armed men are forces moving


def test_the_city_a_dateline_names_is_where_in_the_city_happened() -> None:
    rows = extract_events("TAIZ, 5 June 2026 - Snipers killed a boy in the city on Thursday.")
    assert rows[["location", "geo_precision"]].values.tolist() == [["Taiz", 1]]  # spelt as a place, not TAIZ
    rows = extract_events("TAIZ, 5 June 2026 - Snipers killed a boy on Thursday.")
    assert rows[["location", "geo_precision"]].values.tolist() == [["Taiz", 2]]  # somewhere about Taiz


def test_a_datelines_date_is_the_reports_not_the_events() -> None:
    rows = extract_events("Gori, 9 August 2008 - Jets bombed Kareli on Thursday.", published="2008-08-09")
    assert [str(d)[:10] for d in rows["event_date"]] == ["2008-08-07"]
    rows = extract_events("GORI, Georgia (August 9, 2008) — Jets bombed Kareli.", published="2008-08-09")
    assert [str(d)[:10] for d in rows["event_date"]] == ["2008-08-09"]  # the day of the report, by default


@pytest.mark.parametrize("published", [["2020-01-01"], ["2020-01-01"] * 3])
def test_one_publication_date_per_text_or_none(published: list[str]) -> None:
    from mapgen.extract import extract_many

    with pytest.raises(mapgen.InputError, match="one published date"):
        extract_many(["Jets bombed Gori.", "Rain in Tbilisi."], published=published)


def test_a_mexican_colonia_is_no_uruguayan_department() -> None:
    events = extract_events("On 3 June 2026, in Culiacan, Sinaloa, gunmen killed a man in Colonia Las Quintas. "
                            "Soldiers later clashed with the gunmen in Colonia Guadalupe.")
    assert set(events["location"]) == {"Culiacan"} and events["latitude"].notna().all()


def test_a_killing_whose_victim_was_in_the_drug_trade_is_a_clash_between_armed_groups() -> None:
    # as ACLED codes gang killings; the sentence about the victim's past is no event of its own
    text = ("On 6 June 2026, in Recife, Pernambuco, a man was shot dead by two gunmen on a motorcycle. "
            "The victim had been charged with drug trafficking in 2024.")
    events = extract_events(text)
    assert events[["sub_event_type", "event_date"]].values.tolist() == [["Armed clash", "2026-06-06"]]
    other = text.replace("had been charged with drug trafficking in 2024", "had a long criminal record")
    assert extract_events(other)["sub_event_type"].tolist() == ["Attack"]
