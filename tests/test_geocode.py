from collections import Counter

import pytest

from mapgen.errors import GeocoderError
from mapgen.geocode import OfflineGazetteer, Place, geocode, get_geocoder
from mapgen.geocode.normalize import normalize
from mapgen.geocode.resolve import choose


@pytest.fixture(scope="module")
def gazetteer():
    return OfflineGazetteer.default()


@pytest.mark.parametrize(("a", "b"), [
    ("Ts'khinvali", "Tskhinvali"), ("Tsʼkhinvali", "tskhinvali"), ("Ts’khinvali", "TSKHINVALI"),
    ("Khan-Younis", "Khan Younis"), ("  Gori ", "gori"), ("Sant Julià de Lòria", "sant julia de loria"),
    ("St. Petersburg", "st petersburg"), ("The Hague", "hague"),
    ("Diyarbakır", "Diyarbakir"), ("Şırnak", "Sirnak"), ("Łódź", "Lodz"), ("Đà Nẵng", "Da Nang"),
])
def test_normalize_folds_spelling_variants(a, b):
    assert normalize(a) == normalize(b)


@pytest.mark.parametrize(("name", "key"), [
    ("' Gori", "gori"), ("Khan  Younis", "khan younis"), ("Khan\tYounis", "khan younis"), ("x . y", "x y"),
    ("Gori,", "gori"), ("(Gori)", "gori"), ("Gori 2", "gori 2"), ("Sant`Anna", "santanna"), ("THE  HAGUE", "hague"),
])
def test_normalize_ascii_fast_path_folds_like_the_expression(name, key):
    assert normalize(name) == key


def test_normalize_knows_every_ascii_apostrophe():
    from mapgen.geocode.normalize import _APOSTROPHES

    assert {c for c in _APOSTROPHES if c.isascii()} == {"'", "`"}  # the fast path tests for these two


def test_a_name_written_without_its_undecomposable_letters_is_the_main_name(gazetteer):
    [town] = [p for p in gazetteer.main_candidates("Diyarbakir") if p.feature == "city"]
    assert town.name == "Diyarbakır" and not town.alternate


def test_normalize_keeps_distinct_names_apart():
    assert normalize("Gori") != normalize("Gorin")
    assert normalize("Гори") == "гори"


@pytest.mark.parametrize(("name", "country", "lat", "lon"), [
    ("Tskhinvali", None, 42.23, 43.97),
    ("Ts'khinvali", None, 42.23, 43.97),
    ("Tbilisi", None, 41.69, 44.83),
    ("Gori", None, 41.99, 44.11),
    ("Poti", None, 42.14, 41.67),          # not Teresina, whose old name was Poti
    ("Kareli", "Georgia", 42.02, 43.90),
    ("Kareli", "GE", 42.02, 43.90),
    ("South Ossetia", None, 42.33, 43.97),
    ("Roki Tunnel", None, 42.62, 44.10),
    ("Vladikavkaz", None, 43.04, 44.67),
])
def test_exact_lookup(name, country, lat, lon):
    place = geocode(name, country=country)
    assert place is not None
    assert place.latitude == pytest.approx(lat, abs=0.02)
    assert place.longitude == pytest.approx(lon, abs=0.02)


def test_country_beats_a_state_or_town_of_the_same_name():
    place = geocode("Georgia")
    assert (place.feature, place.country_code, place.geo_precision) == ("country", "GE", 3)
    assert geocode("USA").country_code == "US"


def test_ambiguous_name_without_context_is_not_guessed(gazetteer):
    assert {p.country_code for p in gazetteer.candidates("Kareli")} >= {"GE", "IN"}
    assert geocode("Kareli") is None
    assert geocode("Kareli", country="India").country_code == "IN"


def test_unknown_names_and_countries(gazetteer):
    assert geocode("Qwzxplk") is None
    assert gazetteer.candidates("Kareli", country="Atlantis") == []
    assert gazetteer.candidates("") == []


def test_choose_uses_context_and_dominance():
    ge = Place("Kareli", 42.02, 43.90, country_code="GE", population=6746)
    india = Place("Kareli", 22.92, 79.06, country_code="IN", population=29929)
    assert choose([india, ge], Counter({"GE": 2}))[0] is ge
    place, reason = choose([india, ge], Counter())
    assert place is None and reason.startswith("ambiguous: Kareli (IN), Kareli (GE)")
    big = Place("Moscow", 55.75, 37.62, country_code="RU", population=10_000_000)
    small = Place("Moscow", 46.73, -117.0, country_code="US", population=25_000)
    assert choose([big, small], Counter())[0] is big
    assert choose([], Counter()) == (None, "not in the offline gazetteer")


def test_alternate_names_rank_after_main_names(gazetteer):
    candidates = gazetteer.candidates("Poti")
    assert candidates[0].country_code == "GE" and not candidates[0].alternate
    assert any(c.alternate for c in candidates[1:])


@pytest.mark.parametrize("name", ["Poti", "Kareli", "Georgia", "Khan Younis", "Khān Yūnis", "Tiflis", "Qwzxplk", "",
                                  "San Jose", "Washington"])
def test_main_candidates_are_the_candidates_by_their_main_name(gazetteer, name):
    fresh = OfflineGazetteer(gazetteer.index_dir)  # main names first, then all candidates
    main = fresh.main_candidates(name)
    assert main == [p for p in fresh.candidates(name) if not p.alternate] == fresh.main_candidates(name)
    again = OfflineGazetteer(gazetteer.index_dir)  # all candidates first
    assert again.candidates(name) == gazetteer.candidates(name)
    assert again.main_candidates(name) == main


@pytest.mark.parametrize("min_population", [100_000, 5_000_000])
def test_well_known_names_are_keyed_by_their_normalised_names(gazetteer, min_population):
    names = gazetteer.well_known_names(min_population)
    assert len(names) > 5_000
    assert all(normalize(name) == key for key, name in names.items())  # the stored keys
    assert names["new york city"] == "New York City"
    assert ("oakland" in names) == (min_population <= 400_000)  # a town of 419,000


def test_registry_names_the_valid_geocoders():
    assert get_geocoder("offline") is OfflineGazetteer.default()
    with pytest.raises(GeocoderError, match="choose one of: offline"):
        get_geocoder("nominatimm")


def test_index_loads_fast_once_built(gazetteer):
    """A second process maps the index instead of reading GeoNames (timing is in benchmarks/)."""
    fresh = OfflineGazetteer(gazetteer.index_dir)
    assert fresh.candidates("Tbilisi")[0].name == "Tbilisi"


def test_curated_other_names_of_first_level_regions():
    gazetteer = OfflineGazetteer.default()
    assert [(p.country_code, p.feature) for p in gazetteer.candidates("Extrême-Nord")][:1] == [("CM", "admin1")]
    assert ("BO", "admin1") in [(p.country_code, p.feature) for p in gazetteer.candidates("Beni")]
    assert [(p.country_code, p.feature) for p in gazetteer.candidates("North Sinai")] == [("EG", "admin1")]
    assert [(p.country_code, p.feature) for p in gazetteer.candidates("Metropolitana")] == [("CL", "admin1")]
    assert all(p.feature != "admin1" for p in gazetteer.candidates("Center"))


def test_vast_regions_are_drawn_at_their_middle_not_at_their_towns():
    """Ontario's towns line the Great Lakes; the province is drawn at its curated centre, not 330 km south."""
    from mapgen._resources import geodata_csv
    gazetteer = OfflineGazetteer.default()
    for row in geodata_csv("admin1_centres.csv"):
        regions = [p for p in gazetteer.candidates(row["admin1"])
                   if p.feature == "admin1" and p.country_code == row["country_code"]]
        assert regions, f"{row['country_code']} {row['admin1']} is not a first-level region of the data"
        place = regions[0]
        assert (place.latitude, place.longitude) == (float(row["latitude"]), float(row["longitude"]))
    ontario = geocode("Ontario", country="CA")
    assert ontario.feature == "admin1" and ontario.latitude == 49.25


def test_a_big_citys_close_respelling_is_one_of_its_main_names():
    """ "Idleb", "Kharkov": as the press writes them; not a name of more words, a short one, or another
    place's own name."""
    gazetteer = OfflineGazetteer.default()
    for written, name in (("Idleb", "Idlib"), ("Kharkov", "Kharkiv")):
        assert [p.name for p in gazetteer.main_candidates(written)][:1] == [name]
    assert gazetteer.main_candidates("Springfield City") == [] and gazetteer.main_candidates("Gaz") == []
    assert [p.name for p in gazetteer.main_candidates("Media")] == ["Media"]  # Pennsylvania's, not Médéa
