"""The scoring functions of benchmarks/extract.py, on hand-made data (no ../shared, no model)."""

from __future__ import annotations

import doctest
import importlib.util
import json
import sys
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

import mapgen
import mapgen.extract
from mapgen.schema import COLUMNS, conform

BENCHMARK = Path(__file__).resolve().parents[1] / "benchmarks" / "extract.py"


def _load() -> Any:
    spec = importlib.util.spec_from_file_location("benchmark_extract", BENCHMARK)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


bench = _load()

PLACES = {
    "Kareli": [42.0215, 43.8955],
    "Gori": [41.9842, 44.1158],
    "South Ossetia": [42.33, 44.0, 60],
    "Russia": [43.0, 44.7, 400],
}
BATUMI = (41.6168, 41.6367)
VLADIKAVKAZ = (43.0367, 44.6678)
TSKHINVALI = (42.2276, 43.9686)
ANKARA = (39.9199, 32.8543)


def _gold(*events: dict[str, Any]) -> dict[str, Any]:
    return {"document": "test.txt", "published": "2008-08-08", "places": PLACES, "events": list(events)}


def _frame(*rows: dict[str, Any]) -> Any:
    return conform(pd.DataFrame(list(rows)))


def _strike(at: tuple[float, float], quote: str, location: str = "somewhere", category: str = "strike") -> dict:
    return {"category": category, "location": location, "latitude": at[0], "longitude": at[1], "quote": quote,
            "confidence": 0.9}


KARELI = {"id": "kareli", "essential": True, "accept": ["strike"], "location": "Kareli",
          "evidence": "jets dropped bombs ... near Kareli"}
GORI = {"id": "gori", "essential": True, "accept": ["strike"], "location": "Gori",
        "evidence": "a second jet bombed Gori"}


def test_doctests() -> None:
    assert doctest.testmod(bench).failed == 0


def test_km() -> None:
    assert bench.km(*TSKHINVALI, *TSKHINVALI) == 0
    assert bench.km(48.8566, 2.3522, 51.5074, -0.1278) == pytest.approx(343.5, abs=1)  # Paris-London
    assert bench.km(*PLACES["Kareli"], *PLACES["Gori"]) == pytest.approx(18.7, abs=0.1)


# --- seed matching -----------------------------------------------------------------------------
def test_seed_right_and_wrong_row() -> None:
    events = _frame(_strike(PLACES["Kareli"][:2], "Jets dropped bombs near Kareli.", "Kareli"),
                    _strike(BATUMI, "Jets dropped bombs near Batumi.", "Batumi"))
    assert list(events.columns) == list(COLUMNS)
    result = bench.match_seed(_gold(KARELI), events)
    assert result["pairs"] == {"kareli": 0}
    assert (result["essential_found"], result["essential"], result["missing_essential"]) == (1, 1, [])
    assert result["spurious"] == [1]
    assert result["duplicates"] == []
    assert result["precision"] == 0.5
    assert result["outside"] == []


def test_seed_category_must_be_accepted_unless_casualties() -> None:
    clash = _frame(_strike(PLACES["Kareli"][:2], "Fighting near Kareli.", category="clash"))
    assert bench.match_seed(_gold(KARELI), clash)["missing"] == ["kareli"]
    counted = {**KARELI, "accept": ["casualties"]}
    assert bench.match_seed(_gold(counted), clash)["pairs"] == {"kareli": 0}


def test_seed_evidence_breaks_ties_and_extra_rows_are_duplicates() -> None:
    # Kareli and Gori are 19 km apart: each row is within 30 km of both gold places.
    events = _frame(_strike(PLACES["Gori"][:2], "Then a second jet bombed Gori."),
                    _strike(PLACES["Kareli"][:2], "Jets dropped bombs on a depot near Kareli."),
                    _strike(PLACES["Kareli"][:2], "The bombing was confirmed."))
    result = bench.match_seed(_gold(KARELI, GORI), events)
    assert result["pairs"] == {"kareli": 1, "gori": 0}
    assert result["duplicates"] == [2]
    assert result["spurious"] == []
    assert result["precision"] == pytest.approx(2 / 3)


def test_seed_one_to_one_finds_as_many_events_as_possible() -> None:
    # The only row near Gori also quotes the Kareli evidence; the Kareli event has a second row.
    events = _frame(_strike(PLACES["Gori"][:2], "Jets dropped bombs near Kareli and Gori."),
                    _strike(PLACES["Kareli"][:2], "A raid on Kareli."))
    places = {**PLACES, "Gori": [41.9842, 44.1158, 5]}  # so the Kareli row cannot stand for Gori
    result = bench.match_seed({**_gold(KARELI, GORI), "places": places}, events)
    assert result["pairs"] == {"kareli": 1, "gori": 0}


def test_seed_essential_events_are_served_first() -> None:
    # The only row quotes the non-essential event's evidence, but the essential one needs it more.
    raid = {"id": "raid", "essential": False, "accept": ["strike"], "location": "South Ossetia",
            "evidence": "a raid hit the region"}
    events = _frame(_strike(PLACES["Kareli"][:2], "Officials said a raid hit the region."))
    result = bench.match_seed(_gold(raid, KARELI), events)
    assert (result["pairs"], result["missing"]) == ({"kareli": 0}, ["raid"])


def test_seed_flows_need_both_ends_and_regions_use_their_radius() -> None:
    flee = {"id": "flee", "essential": True, "accept": ["displacement"], "origin": "South Ossetia",
            "destination": "Russia", "evidence": "families fled to Russia"}
    right = {"category": "displacement", "origin": "Tskhinvali", "origin_latitude": TSKHINVALI[0],
             "origin_longitude": TSKHINVALI[1], "destination": "Vladikavkaz", "destination_latitude": VLADIKAVKAZ[0],
             "destination_longitude": VLADIKAVKAZ[1], "quote": "Families fled to Russia."}
    no_origin = {**right, "origin": None, "origin_latitude": None, "origin_longitude": None}
    wrong_end = {**right, "destination_latitude": ANKARA[0], "destination_longitude": ANKARA[1]}
    assert bench.match_seed(_gold(flee), _frame(right))["pairs"] == {"flee": 0}
    assert bench.match_seed(_gold(flee), _frame(no_origin, wrong_end))["missing"] == ["flee"]


def test_seed_rows_named_after_a_gold_place_but_drawn_elsewhere() -> None:
    events = _frame(_strike(BATUMI, "Jets bombed Gori.", "Gori"),
                    _strike(PLACES["Gori"][:2], "Jets bombed Gori again.", "gori"),
                    {"category": "strike", "location": "Gori", "quote": "unplaced"},
                    _strike(VLADIKAVKAZ, "Jets took off from Russia.", "Russia"))
    found = bench.match_seed(_gold(GORI), events)["outside"]
    assert [(o["row"], o["role"], o["name"]) for o in found] == [(0, "location", "Gori")]
    assert found[0]["km"] > 200


def test_seed_empty_extraction() -> None:
    result = bench.match_seed(_gold(KARELI), _frame())
    assert (result["precision"], result["missing_essential"], result["outside"]) == (0.0, ["kareli"], [])


# --- ACLED -------------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "iso"), [
    ("9-May-20", "2020-05-09"), ("27-Apr-20", "2020-04-27"), ("30-April-2020", "2020-04-30"),
    ("01 May 2020", "2020-05-01"), ("2020-05-03", "2020-05-03"),
])
def test_parse_acled_date(text: str, iso: str) -> None:
    assert bench.parse_acled_date(text) == iso


def test_parse_acled_date_rejects_nonsense() -> None:
    with pytest.raises(ValueError, match="none of the formats"):
        bench.parse_acled_date("May the ninth")


def test_macro_f1_on_a_tiny_confusion() -> None:
    gold = ["a", "a", "b", "b", "c"]
    predicted = ["a", "b", "b", None, "a"]
    macro, table = bench.macro_f1(gold, predicted)
    assert table["a"] == {"precision": 0.5, "recall": 0.5, "f1": 0.5, "support": 2}
    assert table["b"] == {"precision": 0.5, "recall": 0.5, "f1": 0.5, "support": 2}
    assert table["c"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "support": 1}
    assert macro == pytest.approx(1 / 3)
    # A predicted class absent from gold is a miss for the gold class, not a class of its own.
    macro, table = bench.macro_f1(["a", "a"], ["a", "z"])
    assert set(table) == {"a"}
    assert macro == pytest.approx(2 * 1.0 * 0.5 / 1.5)


def test_best_event_is_the_most_confident_and_the_first_of_equals() -> None:
    events = _frame({"category": "strike", "quote": "one", "confidence": 0.4},
                    {"category": "clash", "quote": "two", "confidence": 0.8},
                    {"category": "protest", "quote": "three", "confidence": 0.8},
                    {"category": "other", "quote": "four"})
    assert bench.best_event(events)["quote"] == "two"
    assert bench.best_event(_frame()) is None
    assert bench.best_event([]) is None


def _acled(**row: str) -> dict[str, str]:
    base = {"event_id_cnty": "XYZ1", "event_date": "9-May-20", "event_type": "Protests",
            "sub_event_type": "Peaceful protest", "location": "Haifa", "latitude": "32.8184",
            "longitude": "34.9885", "geo_precision": "1", "fatalities": "0", "notes": "People marched."}
    return {**base, **row}


def test_score_acled() -> None:
    rows = [_acled(),
            _acled(event_id_cnty="XYZ2", event_type="Battles", sub_event_type="Armed clash", fatalities="3"),
            _acled(event_id_cnty="XYZ3", geo_precision="3"),
            _acled(event_id_cnty="XYZ4", fatalities="2", notes="")]
    right = {"event_type": "Protests", "sub_event_type": "Peaceful protest", "event_date": "2020-05-09",
             "latitude": 32.9, "longitude": 35.0, "fatalities": None}
    wrong = {"event_type": "Battles", "sub_event_type": "Armed clash", "event_date": "2020-05-08",
             "latitude": 33.5, "longitude": 35.0, "fatalities": 3}
    metrics, table, misses = bench.score_acled(rows, [right, wrong, right, None])
    assert metrics["rows"] == 4 and metrics["rows_with_event"] == 3
    assert metrics["event_type_accuracy"] == 0.75
    assert metrics["event_date_exact"] == 0.5
    assert metrics["fatalities_exact"] == 0.75  # no prediction counts as 0 dead: right for XYZ1, not XYZ4
    assert metrics["location_rows"] == 3  # geo_precision 3 is not scored
    assert metrics["location_25km"] == pytest.approx(1 / 3)
    assert metrics["unplaced"] == pytest.approx(1 / 3)  # XYZ4 has no event
    assert metrics["wrong_pins"] == 0.0  # XYZ2 is 77 km off and gives no precision
    far = {**wrong, "latitude": 35.5, "geo_precision": 1}
    assert bench.score_acled(rows[:2], [right, far])[0]["wrong_pins"] == 0.5
    assert table["Armed clash"]["f1"] == 1.0
    assert table["Peaceful protest"]["recall"] == pytest.approx(2 / 3)
    assert metrics["sub_event_type_macro_f1"] == pytest.approx((1.0 + 0.8) / 2)
    assert {(m["id"], m["metric"]) for m in misses} == {
        ("XYZ2", "event_date"), ("XYZ2", "location"),
        ("XYZ4", "event_type"), ("XYZ4", "sub_event_type"), ("XYZ4", "event_date"), ("XYZ4", "location"),
        ("XYZ4", "fatalities")}
    located = next(m for m in misses if m["id"] == "XYZ2" and m["metric"] == "location")
    assert located["gold"] == ["Haifa", 32.8184, 34.9885] and located["km"] > 25


def test_reachable_counts_what_the_gazetteer_could_place() -> None:
    """The ceiling of location within 25 km: a name of the notes with a gazetteer entry near the coded point."""
    rows = [_acled(notes="People marched in Haifa."),  # by its coded name
            _acled(event_id_cnty="XYZ2", location="Qaryat Nowhere", notes="Shelling hit Qaryat Nowhere near Haifa."),
            _acled(event_id_cnty="XYZ3", location="Qaryat Nowhere", notes="Shelling hit Qaryat Nowhere.",
                   latitude="29.0", longitude="30.0"),
            _acled(event_id_cnty="XYZ4", geo_precision="3", notes="Nothing near anything.")]
    ceiling = bench.reachable(rows)
    assert ceiling["rows"] == 3  # geo_precision 3 is not scored
    assert ceiling["by_name"] == pytest.approx(1 / 3)
    assert ceiling["any_name"] == pytest.approx(2 / 3)  # XYZ2 through Haifa; nothing of XYZ3's is near
    assert bench.reachable([_acled()])["any_name"] == 0.0  # notes that name no place: nothing to draw


def test_skips_without_shared(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                              capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "argv", ["extract.py", "--shared", str(tmp_path / "absent")])
    assert bench.main() == 0
    assert capsys.readouterr().out.startswith("skipped:")


# --- the whole run, on a hand-made ../shared and a fake extraction ----------------------------
def _fake_extract(text: str, *, published: str | None = None, source: str | None = None) -> Any:
    if "Gori" not in text:
        return _frame()
    return _frame({**_strike(PLACES["Gori"][:2], text, "Gori"), "event_type": "Explosions/Remote violence",
                   "sub_event_type": "Air/drone strike", "event_date": published or "2020-05-09",
                   "source": source})


def _fake_many(texts: list[str], *, sources: list[str], **_: Any) -> Any:
    """extract_many as the fake extract_events would give it: the rows of every text in one frame."""
    frames = [_fake_extract(text, source=f"{source}#char=0,{len(text)}") for text, source in
              zip(texts, sources, strict=True)]
    return conform(pd.concat(frames, ignore_index=True))


def test_main_reports_and_writes_misses(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    seeds, acled = tmp_path / "corpora" / "seeds", tmp_path / "corpora" / "acled"
    seeds.mkdir(parents=True)
    acled.mkdir(parents=True)
    (seeds / "004_7d0d10c5fa5dd535.txt").write_text("A second jet bombed Gori.", encoding="utf-8")
    (seeds / "004_7d0d10c5fa5dd535.gold.json").write_text(json.dumps(_gold(KARELI, GORI)), encoding="utf-8")
    header = "event_id_cnty,event_date,event_type,sub_event_type,location,latitude,longitude,geo_precision," \
             "fatalities,notes\n"
    (acled / "acled_dev.csv").write_text(
        header + 'GEO1,9-May-20,Explosions/Remote violence,Air/drone strike,Gori,41.9842,44.1158,1,0,"Jets hit Gori."\n'
        'GEO2,9-May-20,Protests,Peaceful protest,Tbilisi,41.6941,44.8337,1,0,"People marched in Tbilisi."\n',
        encoding="utf-8")
    monkeypatch.setattr(mapgen, "extract_events", _fake_extract, raising=False)
    monkeypatch.setattr(mapgen.extract, "extract_many", _fake_many)
    errors = tmp_path / "misses.jsonl"
    monkeypatch.setattr(sys, "argv", ["extract.py", "--shared", str(tmp_path), "--skip-throughput",
                                      "--errors", str(errors), "--verbose"])
    assert bench.main() == 0
    out = capsys.readouterr().out
    assert "essential events found      1/2 ✗" in out and "missing: kareli" in out
    assert "event_type accuracy         0.500 ✗  (target >= 0.85)" in out
    assert "Peaceful protest" in out  # the --verbose table
    misses = [json.loads(line) for line in errors.read_text(encoding="utf-8").splitlines()]
    assert [(m["metric"], m.get("gold")) for m in misses if m["part"] == "seed"] == [("missing", "kareli")]
    assert {(m["id"], m["metric"]) for m in misses if m["part"] == "acled"} == {
        ("GEO2", "event_type"), ("GEO2", "sub_event_type"), ("GEO2", "event_date"), ("GEO2", "location")}
