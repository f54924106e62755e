"""Where a sentence's event happened: mapgen.extract.places.choose on hand-made readings, and end to end.

The sentences are our own. Hand-made toponyms keep the unit tests independent of geoparsing;
the end-to-end tests at the bottom run the whole extraction.
"""

from __future__ import annotations

from collections import Counter

import pytest

from mapgen.extract import extract_events
from mapgen.extract.places import choose, countries, label
from mapgen.geoparse import Toponym

#: name -> (latitude, longitude, country code, feature)
PLACES = {
    "Gori": (41.98, 44.11, "GE", "city"), "Kareli": (42.02, 43.90, "GE", "city"),
    "Georgia": (42.0, 43.5, "GE", "country"), "Shida Kartli": (42.1, 44.0, "GE", "admin1"),
    "Tskhinvali": (42.23, 43.97, "GE", "city"), "Batumi": (41.64, 41.63, "GE", "city"),
    "Vladikavkaz": (43.04, 44.67, "RU", "city"), "Russia": (60.0, 100.0, "RU", "country"),
    "Nadas": (46.2, 22.0, "RO", "city"), "Paris": (48.85, 2.35, "FR", "city"),
    "Tbilisi": (41.69, 44.83, "GE", "city"), "North Ossetia": (43.05, 44.3, "RU", "region"),
    "Black Sea": (43.4, 34.3, None, "region"), "Odesa": (46.48, 30.72, "UA", "city"),
}


def _read(sentence: str, *names: str, unresolved: tuple[str, ...] = ()) -> list[Toponym]:
    """Toponyms for ``names`` where they first occur in ``sentence`` (after the previous one)."""
    out, at = [], 0
    for name in names:
        start = sentence.index(name, at)
        at = start + len(name)
        if name in unresolved:
            out.append(Toponym(start, at, name, None, None, None, None, None, None, 0.5))
            continue
        lat, lon, cc, feature = PLACES[name]
        out.append(Toponym(start, at, name, name, lat, lon, 1, cc, feature, 0.9))
    return out


def _where(category: str, sentence: str, *names: str, unresolved: tuple[str, ...] = (),
           about: Counter[str] | None = None) -> tuple[str | None, bool]:
    choice = choose(category, sentence, 0, _read(sentence, *names, unresolved=unresolved), about=about)
    return (choice.location.text if choice.location else None), choice.near


# --- containers ----------------------------------------------------------------------------------
@pytest.mark.parametrize(("sentence", "names"), [
    ("Jets bombed Gori, Georgia.", ("Gori", "Georgia")),
    ("Jets bombed Gori (Shida Kartli, Georgia).", ("Gori", "Shida Kartli", "Georgia")),
    ("Jets bombed Gori district (Shida Kartli).", ("Gori", "Shida Kartli")),
    ("Troops entered Kareli town in rural Gori.", ("Kareli", "Gori")),
    ("Shells fell on Gori in Georgia.", ("Gori", "Georgia")),
])
def test_the_contained_place_is_the_location_not_its_container(sentence: str, names: tuple[str, ...]) -> None:
    assert _where("strike", sentence, *names) == (names[0], False)


@pytest.mark.parametrize("sentence", ["Jets bombed Shida Kartli (Gori) overnight.",
                                      "Patients protested at a centre in Shida Kartli (Gori)."])
def test_a_town_in_brackets_after_its_province_is_the_location(sentence: str) -> None:
    category = "protest" if "protested" in sentence else "strike"
    assert _where(category, sentence, "Shida Kartli", "Gori") == ("Gori", False)
    # a town elsewhere says nothing of where in the province
    assert _where(category, sentence.replace("Gori", "Paris"), "Shida Kartli", "Paris")[0] == "Shida Kartli"


def test_an_unknown_place_is_drawn_at_its_nearest_written_container_marked_near() -> None:
    sentence = "Militants shelled Zxqvillage (Gori, Shida Kartli) overnight."
    assert _where("strike", sentence, "Zxqvillage", "Gori", "Shida Kartli", unresolved=("Zxqvillage",)) == (
        "Gori", True)


@pytest.mark.parametrize(("sentence", "quarter"), [
    ("Militants shelled homes in Rustaveli Street, and in the east of Tbilisi city.", "Rustaveli Street"),
    ("Militants shelled the Vake area of the west of Tbilisi.", "Vake"),
])
def test_a_quarter_the_gazetteer_lacks_is_drawn_in_its_town_marked_near(sentence: str, quarter: str) -> None:
    assert _where("strike", sentence, quarter, "Tbilisi", unresolved=(quarter,)) == ("Tbilisi", True)


def test_a_district_written_after_its_city_and_a_hyphen_is_drawn_in_the_city() -> None:
    # "Tbilisi-Zxqdistrict, Shida Kartli": not the province, where the gazetteer lacks the district
    sentence = "Nurses marched in Tbilisi-Zxqdistrict, Shida Kartli, on Monday."
    assert _where("protest", sentence, "Tbilisi", "Zxqdistrict", "Shida Kartli", unresolved=("Zxqdistrict",)) == (
        "Tbilisi", True)


def test_a_town_read_in_another_province_than_the_one_written_around_it_is_a_namesake() -> None:
    sentence = "Shells hit Batumi sector (Shida Kartli) overnight."
    batumi = Toponym(11, 17, "Batumi", "Batumi", 41.64, 41.63, 1, "GE", "city", 0.9, admin1="Adjara")
    region = Toponym(26, 38, "Shida Kartli", "Shida Kartli", 42.1, 44.0, 2, "GE", "admin1", 0.9, admin1="Shida Kartli")
    choice = choose("strike", sentence, 0, [batumi, region])
    assert (choice.location.text, choice.near) == ("Shida Kartli", True)  # somewhere there, not in Adjara
    gori = Toponym(11, 15, "Gori", "Gori", 41.98, 44.11, 3, "GE", "city", 0.9, admin1="Shida Kartli")
    sentence = "Shells hit Gori sector (Shida Kartli) overnight."
    region = Toponym(24, 36, "Shida Kartli", "Shida Kartli", 42.1, 44.0, 2, "GE", "admin1", 0.9, admin1="Shida Kartli")
    assert choose("strike", sentence, 0, [gori, region]).location.text == "Gori"


def test_a_town_written_with_the_city_of_its_municipality_in_brackets_is_the_location() -> None:
    sentence = "Residents blocked roads in Kareli (Municipality of Gori, Shida Kartli) on Monday."
    assert _where("protest", sentence, "Kareli", "Gori", "Shida Kartli") == ("Kareli", False)


def test_an_unknown_place_without_a_container_stays_unplaced() -> None:
    sentence = "Militants shelled Zxqvillage overnight, not far from where Gori residents live."
    location, _ = _where("strike", sentence, "Zxqvillage", unresolved=("Zxqvillage",))
    assert location == "Zxqvillage"  # the row keeps the name and gets no coordinates


def test_a_place_read_outside_the_container_the_text_names_is_a_misread_namesake() -> None:
    sentence = "Rebels looted crops in Nadas in rural Gori in Georgia."
    location, near = _where("other", sentence, "Nadas", "Gori", "Georgia")
    assert location == "Gori"  # Nadas was read in Romania: not the village in rural Gori
    assert not near or location != "Nadas"


def test_a_bare_comma_between_distant_towns_is_a_list_not_a_container() -> None:
    sentence = "Protests were held in Tbilisi, Batumi and elsewhere."
    assert _where("protest", sentence, "Tbilisi", "Batumi")[0] == "Tbilisi"


def test_a_town_does_not_contain_a_country() -> None:
    sentence = "A car bomb exploded near the Bank of Georgia branch in Gori."
    assert _where("strike", sentence, "Georgia", "Gori")[0] == "Gori"


# --- names that are not where it happened ----------------------------------------------------------
@pytest.mark.parametrize(("sentence", "names", "expected"), [
    ("A Kareli man was shot dead in Gori.", ("Kareli", "Gori"), "Gori"),
    ("Gunmen attacked the Central Bank of Georgia office in Tbilisi.", ("Georgia", "Tbilisi"), "Tbilisi"),
    ("Workers of Paris Confectionery protested in Gori.", ("Paris", "Gori"), "Gori"),
    ("Police dispersed a protest in Tbilisi against Russia's troops in Tskhinvali.",
     ("Tbilisi", "Russia", "Tskhinvali"), "Tbilisi"),
])
def test_names_of_people_institutions_and_fragments_are_not_locations(sentence: str, names: tuple[str, ...],
                                                                      expected: str) -> None:
    assert _where("protest", sentence, *names)[0] == expected


def test_a_place_in_another_country_than_the_text_is_about_loses() -> None:
    sentence = "Protesters marched in Vladikavkaz and in Gori."
    about = Counter({"GE": 4.0, "RU": 1.0})
    assert _where("protest", sentence, "Vladikavkaz", "Gori", about=about)[0] == "Gori"
    assert _where("protest", sentence, "Vladikavkaz", "Gori", about=Counter({"RU": 3.0, "GE": 1.0}))[0] == \
        "Vladikavkaz"


def test_near_is_kept() -> None:
    assert _where("strike", "Bombs fell near Kareli.", "Kareli") == ("Kareli", True)


# --- flows ---------------------------------------------------------------------------------------
def test_movement_from_and_to() -> None:
    sentence = "A convoy crossed from Vladikavkaz to Tskhinvali."
    choice = choose("troop_movement", sentence, 0, _read(sentence, "Vladikavkaz", "Tskhinvali"))
    assert (choice.origin.text, choice.destination.text, choice.location) == ("Vladikavkaz", "Tskhinvali", None)


def test_evacuation_to_a_destination_takes_the_other_place_as_origin() -> None:
    sentence = "The authorities of Tskhinvali will evacuate children to Russia."
    choice = choose("displacement", sentence, 0, _read(sentence, "Tskhinvali", "Russia"))
    assert (choice.origin.text, choice.destination.text) == ("Tskhinvali", "Russia")


# --- helpers ---------------------------------------------------------------------------------------
def test_countries_weighs_towns_over_country_names() -> None:
    sentence = "Gori, Kareli, Russia"
    assert countries(_read(sentence, "Gori", "Kareli", "Russia")) == Counter({"GE": 2.0, "RU": 0.5})


@pytest.mark.parametrize(("text", "expected"), [("Russia's", "Russia"), ("Gori,", "Gori"), ("Punjab (", "Punjab"),
                                                ("Georgia’s", "Georgia"), ("Gori", "Gori")])
def test_label(text: str, expected: str) -> None:
    assert label(Toponym(0, len(text), text, None, None, None, None, None, None, 0.5)) == expected


# --- end to end ------------------------------------------------------------------------------------
def test_unknown_village_in_a_province_named_like_its_capital_is_drawn_at_the_province() -> None:
    events = extract_events("On 3 May 2021, militants shelled the area of Verkhnokamianka, Luhansk.")
    row = events.iloc[0]
    assert row.location == "Luhansk" and row.geo_precision == 3  # the oblast, drawn as an area, not the city
    assert row.admin1 == "Luhansk"


def test_district_written_with_its_province_is_the_location() -> None:
    events = extract_events("On 3 May 2021, six airstrikes hit Majzar district (Marib).")
    assert events.iloc[0].location == "Majzar"
    assert events.iloc[0].geo_precision == 2


def test_a_possessor_hands_its_role_cue_to_the_place_it_owns() -> None:
    sentence = "A column of tanks crossed from Russia's North Ossetia into Tskhinvali."
    choice = choose("troop_movement", sentence, 0, _read(sentence, "Russia", "North Ossetia", "Tskhinvali"),
                    about=Counter({"GE": 3.0, "RU": 1.0}))
    assert (choice.origin.text, choice.destination.text) == ("North Ossetia", "Tskhinvali")


def test_an_institution_of_a_country_is_not_where_it_happened() -> None:
    sentence = "Russia's Defence Ministry said jets had bombed Kareli."
    assert _where("strike", sentence, "Russia", "Kareli")[0] == "Kareli"


def test_a_sentence_naming_places_only_as_speakers_gives_no_location() -> None:
    sentence = "Georgia's Foreign Ministry condemned the raid."
    assert _where("political", sentence, "Georgia") == (None, False)  # the event takes its place from around it


def test_where_protesters_came_from_is_not_where_they_protested() -> None:
    sentence = "Protesters from Gori and Kareli gathered in Tbilisi City."
    assert _where("protest", sentence, "Gori", "Kareli", "Tbilisi")[0] == "Tbilisi"  # "City" is no longer name


def test_a_place_in_the_province_named_like_its_capital_is_inside_it_however_far_from_the_capital() -> None:
    sentence = "Gunmen raided a village in Batumi district (Gori)."
    far = _read(sentence, "Batumi", "Gori")
    far = [far[0].__class__(**{**far[0].as_dict(), "admin1": "Shida Kartli"}),
           far[1].__class__(**{**far[1].as_dict(), "admin1": "Shida Kartli"})]
    assert choose("civilian_violence", sentence, 0, far).location.text == "Batumi"  # 240 km, same province


def test_a_town_written_with_its_own_province_keeps_the_town_reading() -> None:
    from mapgen.geocode.gazetteer import OfflineGazetteer
    from mapgen.geoparse import geoparse

    sentence = "On 3 May 2020, shots were fired in the North Zone of Rio de Janeiro, Rio de Janeiro."
    gazetteer = OfflineGazetteer.default()
    mine = geoparse(sentence, gazetteer=gazetteer)
    place = choose("clash", sentence, 0, mine, gazetteer=gazetteer).location
    assert place is not None and place.feature == "city" and abs(place.latitude + 22.9) < 0.3


@pytest.mark.parametrize("sentence", ["TBILISI, Aug 9 (Reuters) - Russian jets bombed Gori on Friday.",
                                      "TBILISI - Russian jets bombed Gori on Friday.",
                                      "Tbilisi: Russian jets bombed Gori on Friday."])
def test_a_dateline_is_where_the_report_was_filed_not_where_it_happened(sentence: str) -> None:
    name = "TBILISI" if sentence.startswith("TBILISI") else "Tbilisi"
    tbilisi = PLACES["Tbilisi"]
    mine = _read(sentence, "Gori")
    mine.insert(0, Toponym(0, len(name), name, "Tbilisi", tbilisi[0], tbilisi[1], 1, "GE", "city", 0.9))
    assert choose("strike", sentence, 0, mine).location.text == "Gori"


def test_a_weak_namesake_far_from_everything_else_the_text_names_is_not_drawn() -> None:
    sentence = "Rebels shelled houses in Nadas (Gori) overnight."
    mine = _read(sentence, "Nadas", "Gori")
    weak = mine[0].__class__(**{**mine[0].as_dict(), "score": 0.3})
    assert choose("strike", sentence, 0, [weak, mine[1]]).location.text == "Gori"
    alone = "Rebels shelled houses in Nadas overnight; in Gori all was calm."
    mine = _read(alone, "Nadas", "Gori")
    weak = mine[0].__class__(**{**mine[0].as_dict(), "score": 0.3})
    choice = choose("strike", alone, 0, [weak], context=[weak, mine[1]])
    assert choice.location.text == "Nadas" and choice.location.latitude is None  # kept by name, unplaced


def test_a_hill_or_sector_is_a_kind_of_place_before_its_container() -> None:
    sentence = "Rebels fought on Nadas hill (Gori, Shida Kartli)."
    assert _where("clash", sentence, "Nadas", "Gori", "Shida Kartli")[0] == "Gori"  # Nadas was read in Romania


def test_the_other_places_of_the_location_s_list_come_along() -> None:
    sentence = "Protests were held in Tbilisi, Gori and Kareli, not in Russia."
    choice = choose("protest", sentence, 0, _read(sentence, "Tbilisi", "Gori", "Kareli", "Russia"))
    assert choice.location.text == "Tbilisi" and [t.text for t in choice.also] == ["Gori", "Kareli"]


def test_a_country_loses_to_a_place_inside_it_that_the_sentence_names() -> None:
    sentence = "Critics of the system in Georgia gathered outside the bank in Gori."
    assert _where("protest", sentence, "Georgia", "Gori")[0] == "Gori"


def test_the_of_of_a_title_is_no_locative() -> None:
    sentence = "The rally was held to oppose supporters of the President of Georgia."
    assert _where("protest", sentence, "Georgia") == (None, False)


def test_people_from_the_villages_of_a_place_did_not_protest_there() -> None:
    sentence = "People from the bordering villages of Gori staged a protest in Tbilisi."
    assert _where("protest", sentence, "Gori", "Tbilisi")[0] == "Tbilisi"


def test_a_place_a_direction_points_from_only_says_where_the_other_lies() -> None:
    sentence = "Jets bombed Kareli district west of Gori city."
    assert _where("strike", sentence, "Kareli", "Gori")[0] == "Kareli"


def test_a_container_read_far_away_in_another_country_is_the_namesake_not_the_town() -> None:
    sentence = "Rallies were held in Tbilisi town (Nadas)."
    town, container = _read(sentence, "Tbilisi", "Nadas")
    weak = Toponym(container.start, container.end, "Nadas", "Nadas", 46.2, 22.0, 1, "RO", "admin1", 0.6)
    choice = choose("protest", sentence, 0, [town, weak])
    assert choice.location.text == "Tbilisi" and not choice.near


def test_a_container_that_its_own_container_confirms_makes_the_far_namesake_the_misread_one() -> None:
    sentence = "Rallies were held in Nadas village (Gori, Shida Kartli)."
    town, gori, region = _read(sentence, "Nadas", "Gori", "Shida Kartli")
    weaker = [town, Toponym(gori.start, gori.end, "Gori", "Gori", 41.98, 44.11, 1, "GE", "city", 0.7), region]
    choice = choose("protest", sentence, 0, weaker)
    assert choice.location.text == "Gori" and choice.near  # not Nadas, Romania


def test_a_country_inside_an_organisation_named_with_its_acronym_is_not_where_it_happened() -> None:
    from mapgen.geoparse import geoparse

    sentence = ("Officers broke up a meeting of leaders of the African Party for the Independence "
                "of Guinea and Cape Verde (PAIGC).")
    assert choose("political", sentence, 0, geoparse(sentence)).location is None  # not Cabo Verde, out to sea
    # an acronym that does not spell the name before it leaves its places be
    sentence = "Police detained members of the Youth Front in Bissau (AFP)."
    assert choose("political", sentence, 0, geoparse(sentence)).location.text == "Bissau"


@pytest.mark.parametrize(("sentence", "names", "expected"), [
    ("Drones struck the Black Sea port of Odesa.", ("Black Sea", "Odesa"), "Odesa"),
    ("Drones struck a depot in the east of the Black Sea port city of Odesa.", ("Black Sea", "Odesa"), "Odesa"),
    ("Drones struck a warehouse in Nadas in the Black Sea port city.", ("Nadas", "Black Sea"), "Nadas"),
    ("A drone hit a tanker in the Black Sea off Odesa.", ("Black Sea", "Odesa"), "Black Sea"),
])
def test_a_sea_qualifying_a_port_is_neither_the_location_nor_a_container(sentence: str, names: tuple[str, ...],
                                                                          expected: str) -> None:
    assert _where("strike", sentence, *names)[0] == expected


def test_an_unknown_place_in_a_port_the_sea_qualifies_is_not_drawn_on_the_sea() -> None:
    sentence = "Shells hit the Zorka area in the north of the Black Sea port city on Monday."
    choice = choose("strike", sentence, 0, _read(sentence, "Zorka", "Black Sea", unresolved=("Zorka",)))
    assert choice.location.text == "Zorka" and choice.location.latitude is None and not choice.near
    sentence = "Drones struck the Black Sea port of Zorka."  # somewhere on its coast: not its middle
    choice = choose("strike", sentence, 0, _read(sentence, "Black Sea", "Zorka", unresolved=("Zorka",)))
    assert choice.location.text == "Zorka" and choice.location.latitude is None
    sentence = "Shells hit the Zorka area in the north of the Black Sea on Monday."  # the sea itself contains it
    choice = choose("strike", sentence, 0, _read(sentence, "Zorka", "Black Sea", unresolved=("Zorka",)))
    assert choice.near and choice.location.text == "Black Sea"


def test_an_area_the_event_happened_outside_of_is_not_its_place() -> None:
    sentence = "Jets were bombing villages outside Shida Kartli in Georgia proper."
    assert _where("strike", sentence, "Shida Kartli", "Georgia")[0] == "Georgia"
    sentence = "Jets bombed villages outside North Ossetia."  # nothing else named: the area, as a region
    assert _where("strike", sentence, "North Ossetia")[0] == "North Ossetia"
    sentence = "Crowds gathered outside Georgia's parliament in Tbilisi."  # outside its parliament, not Georgia
    assert _where("protest", sentence, "Georgia", "Tbilisi")[0] == "Tbilisi"


def test_what_a_dispute_is_about_is_not_its_place() -> None:
    sentence = "Thousands rallied in Tbilisi over Georgia's confrontation with Russia over North Ossetia."
    assert _where("protest", sentence, "Tbilisi", "Georgia", "Russia", "North Ossetia")[0] == "Tbilisi"
    sentence = "Thousands rallied, backing him in the confrontation with Russia over North Ossetia."
    assert _where("protest", sentence, "Russia", "North Ossetia")[0] is None


def test_a_recipient_of_aid_or_sanctions_is_not_where_it_happened() -> None:
    sentence = "The offensive was made possible by military aid to Tbilisi."
    assert _where("clash", sentence, "Tbilisi") == (None, False)


def test_a_territory_named_by_its_people_is_labelled_by_its_country() -> None:
    territory = Toponym(10, 18, "Georgian", "Georgia", 42.0, 43.5, 1, "GE", "country", 0.9, how="territory")
    assert label(territory) == "Georgia"


def test_a_country_acting_or_called_on_is_an_actor_not_a_place() -> None:
    sentence = ("The president of Georgia ordered a mobilisation, citing an invasion by Russia, "
                "and urged Russia to halt.")
    assert _where("political", sentence, "Georgia", "Russia", "Russia")[0] is None  # placed from around it
    sentence = "Jets bombed Gori, and Tbilisi urged Russia to stop."
    assert _where("strike", sentence, "Gori", "Tbilisi", "Russia")[0] == "Gori"


def test_an_opening_frame_gives_way_to_the_places_the_sentence_puts_the_event_in() -> None:
    sentence = "In Georgia, jets bombed Kareli and Gori overnight."
    assert _where("strike", sentence, "Georgia", "Kareli", "Gori")[0] == "Kareli"
    sentence = "In Tbilisi, officials said two houses burned in Gori overnight."
    assert _where("strike", sentence, "Tbilisi", "Gori")[0] == "Gori"
    sentence = "In Gori, shells hit two houses."  # the frame is the only place
    assert _where("strike", sentence, "Gori")[0] == "Gori"


def test_a_bracketed_other_name_does_not_hide_the_container() -> None:
    sentence = "Soldiers fired at boats off the coast of Zorka (Zorki) in northern Georgia."
    choice = choose("strike", sentence, 0, _read(sentence, "Zorka", "Georgia", unresolved=("Zorka",)))
    assert choice.location.text == "Georgia" and choice.near


def test_a_town_and_its_vicinity_in_a_province_is_the_town() -> None:
    sentence = "Forces shelled Kareli and its vicinity in Shida Kartli using artillery."
    assert _where("strike", sentence, "Kareli", "Shida Kartli")[0] == "Kareli"
