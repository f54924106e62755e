import json

import pandas as pd
import pytest

from mapgen import InputError, read_events, unplaced, write_events
from mapgen.errors import UnknownFormatError
from tests.conftest import write

HEADER = "event_id,category,event_date,location,latitude,longitude,country,fatalities,quote\n"


def test_example_reads_and_geocodes_every_row(example_events):
    assert len(example_events) == 40
    assert example_events.geometry.notna().all()
    assert unplaced(example_events) == []
    assert set(example_events.category) >= {"strike", "troop_movement", "displacement"}
    kareli = example_events[example_events.location == "Kareli"].iloc[0]
    assert kareli.latitude == pytest.approx(42.02, abs=0.01)  # Georgia's Kareli, not India's


def test_flows_are_lines_from_origin_to_destination(example_events):
    flows = example_events[example_events.category.isin(["troop_movement", "displacement"])]
    lines = flows[flows.geometry.geom_type == "LineString"]
    assert len(lines) >= 10
    row = lines[lines.origin == "Vladikavkaz"].iloc[0]  # origin given by name only
    start = row.geometry.coords[0]
    assert start == pytest.approx((44.67, 43.04), abs=0.02)


@pytest.mark.parametrize("suffix", [".csv", ".geojson", ".jsonl"])
def test_round_trip(example_events, tmp_path, suffix):
    path = write_events(example_events, tmp_path / f"events{suffix}")
    again = read_events(path)
    columns = [c for c in again.columns if c != "geometry"]
    pd.testing.assert_frame_equal(pd.DataFrame(again[columns]), pd.DataFrame(example_events[columns]))
    assert again.geometry.geom_equals(example_events.geometry).all()


def test_edited_csv_maps_exactly_what_was_kept(example_events, tmp_path):
    path = write_events(example_events, tmp_path / "events.csv")
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    frame = frame[frame.event_id != "ge2008-014"]
    frame.loc[frame.event_id == "ge2008-008", ["latitude", "longitude"]] = ["42.03", "43.90"]
    frame.to_csv(path, index=False)
    edited = read_events(path)
    assert len(edited) == 39 and "ge2008-014" not in set(edited.event_id)
    assert edited.set_index("event_id").loc["ge2008-008", "latitude"] == 42.03


def test_names_without_coordinates_are_geocoded_with_table_context(tmp_path):
    path = write(tmp_path / "e.csv", HEADER + "1,strike,2008-08-09,Gori,,,Georgia,,\n"
                 "2,strike,2008-08-08,Kareli,,,,,\n3,strike,2008-08-09,Qwzxplk,,,,,\n")
    events = read_events(path)
    by_id = events.set_index("event_id")
    assert by_id.loc["1", "latitude"] == pytest.approx(41.99, abs=0.01)
    assert by_id.loc["2", "latitude"] == pytest.approx(42.02, abs=0.01)  # Georgia is the table's country
    assert by_id.loc["2", "geo_precision"] == 1
    assert [(u["event_id"], u["name"], u["reason"]) for u in unplaced(events)] == [
        ("3", "Qwzxplk", "not in the offline gazetteer")]


def test_a_town_of_the_tables_country_known_by_another_spelling_beats_a_namesake_abroad(tmp_path):
    # GeoNames calls Jenin "Janin" and files "Jenin" as its other name; a Polish village is called Jenin
    path = write(tmp_path / "e.csv", "location,country,category\nNablus,Palestine,clash\nJenin,,clash\n")
    jenin = read_events(path).iloc[1]
    assert (round(jenin.latitude, 1), round(jenin.longitude, 1)) == (32.5, 35.3)


def test_ambiguous_name_is_reported_not_guessed(tmp_path):
    path = write(tmp_path / "e.csv", "location,category\nKareli,strike\n")
    events = read_events(path)
    assert events.geometry.isna().all()
    [item] = unplaced(events)
    assert item["reason"].startswith("ambiguous: Kareli")


def test_missing_event_ids_are_made_deterministic(tmp_path):
    path = write(tmp_path / "e.csv", "category,latitude,longitude\nstrike,42,44\nclash,41,43\n")
    first, second = read_events(path), read_events(path)
    assert list(first.event_id) == list(second.event_id)
    assert all(i.startswith("ev-") for i in first.event_id)


def test_category_defaults_acled_types_and_the_reverse(tmp_path):
    path = write(tmp_path / "e.csv", "category,event_type,sub_event_type,latitude,longitude\n"
                 "strike,,,42,44\n,Battles,Armed clash,41,43\n")
    events = read_events(path)
    assert list(events.event_type) == ["Explosions/Remote violence", "Battles"]
    assert list(events.sub_event_type) == ["Air/drone strike", "Armed clash"]
    assert list(events.category) == ["strike", "clash"]


def test_geojson_points_and_lines(tmp_path):
    data = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [44.11, 41.98]},
         "properties": {"category": "strike", "location": "Gori"}},
        {"type": "Feature", "geometry": {"type": "LineString", "coordinates": [[44.67, 43.04], [43.97, 42.23]]},
         "properties": {"category": "troop_movement", "origin": "Vladikavkaz", "destination": "Tskhinvali"}},
    ]}
    events = read_events(write(tmp_path / "e.geojson", json.dumps(data)))
    assert list(events.geometry.geom_type) == ["Point", "LineString"]
    assert events.iloc[1].origin_latitude == 43.04


def test_acled_export_is_detected(tmp_path):
    text = ("event_id_cnty,event_date,time_precision,event_type,sub_event_type,actor1,actor2,country,admin1,"
            "location,latitude,longitude,geo_precision,source,notes,fatalities\n"
            'GEO1,9-May-20,1,Protests,Peaceful protest,Protesters (Georgia),,Georgia,Tbilisi,Tbilisi,41.69,44.83,'
            '1,Civil.ge,"On 9 May 2020, people rallied in Tbilisi.",0\n')
    [event] = read_events(write(tmp_path / "acled.csv", text)).itertuples()
    assert (event.event_id, event.category, event.event_date, event.time_precision) == (
        "GEO1", "protest", "2020-05-09", "day")
    assert event.quote.startswith("On 9 May 2020")


def test_real_acled_export(shared):
    events = read_events(shared / "corpora" / "acled" / "acled_dev.csv")
    assert len(events) > 2000
    assert events.event_id.is_unique
    assert events.event_date.str.match(r"^\d{4}-\d{2}-\d{2}$").all()
    assert set(events.category) <= {"strike", "clash", "troop_movement", "displacement", "civilian_violence",
                                    "protest", "political", "other"}
    assert events.geometry.notna().mean() > 0.99


def test_several_inputs_become_one_table(example_path, tmp_path):
    other = write(tmp_path / "more.csv", "event_id,category,latitude,longitude\nx1,strike,42,44\n")
    assert len(read_events([example_path, other])) == 41
    with pytest.raises(InputError, match="appears in more than one input"):
        read_events([example_path, example_path])


BAD_INPUTS = [
    ("missing.csv", None, "no such file"),
    ("empty.csv", "", "is empty"),
    ("blank.csv", "\n\n  \n", "is empty"),
    ("binary.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00", "is binary"),
    ("latin1.csv", "location,category\nBogot\xe1,strike\n".encode("latin-1"), "not UTF-8"),
    ("events.xyz", "hello world", "unknown format"),
    ("ragged.csv", "latitude,longitude\n1,2\n3,4,5,6\n", "malformed CSV"),
    ("header.csv", "latitude,longitude,category\n", "header but no events"),
    ("cols.csv", "name,value\nfoo,1\n", "no usable columns"),
    ("lat.csv", "latitude,longitude\n95,44\n", "row 1: latitude 95 is out of range"),
    ("lon.csv", "latitude,longitude\n42,44\n42,-190\n", "row 2: longitude -190 is out of range"),
    ("nan.csv", "latitude,longitude\nabc,44\n", "row 1: latitude 'abc' is not a number"),
    ("pair.csv", "latitude,longitude\n42,\n", "row 1: latitude is given without its pair"),
    ("cat.csv", "category,latitude,longitude\nairstrike,42,44\n", "category 'airstrike' is not one of"),
    ("date.csv", "event_date,latitude,longitude\nsoon,42,44\n", "event_date 'soon' is not a date"),
    ("count.csv", "fatalities,latitude,longitude\n-3,42,44\n", "fatalities '-3' is not a whole number"),
    ("prec.csv", "geo_precision,latitude,longitude\n7,42,44\n", "geo_precision 7 must be 1, 2 or 3"),
    ("dup.csv", "event_id,latitude,longitude\na,42,44\na,41,43\n", "row 2: event_id 'a' repeats row 1"),
    ("bad.json", "{not json", "malformed JSON at line 1"),
    ("list.json", "[1, 2]", "record 1 is not an object"),
    ("geom.geojson", '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},'
                     '"geometry":{"type":"Polygon","coordinates":[]}}]}', "is not a Point or LineString"),
    ("nofeat.geojson", '{"type":"FeatureCollection","features":[]}', "has no features"),
    ("lines.jsonl", '{"latitude": 1, "longitude": 2}\n{oops\n', "malformed JSON Lines at line 2"),
]


@pytest.mark.parametrize(("name", "content", "message"), BAD_INPUTS, ids=[b[0] for b in BAD_INPUTS])
def test_bad_input_names_the_file_and_the_problem(tmp_path, name, content, message):
    path = tmp_path / name
    if content is not None:
        write(path, content)
    with pytest.raises(InputError) as caught:
        read_events(path)
    text = str(caught.value)
    assert text.startswith(str(path) + ": ")
    assert message in text
    assert "\n" not in text


def test_unknown_format_is_its_own_error(tmp_path):
    with pytest.raises(UnknownFormatError):
        read_events(write(tmp_path / "x.bin", "just words"))
