import pandas as pd
import pytest
from shapely.geometry import LineString, Point

from mapgen.schema import CATEGORIES, COLUMNS, category_for, conform, empty_events, event_id_for


def test_columns_are_the_documented_schema():
    assert COLUMNS[0] == "event_id"
    assert COLUMNS[-1] == "geometry"
    assert len(COLUMNS) == len(set(COLUMNS)) == 33
    assert list(empty_events().columns) == list(COLUMNS)
    assert str(empty_events().crs) == "EPSG:4326"


@pytest.mark.parametrize(("event_type", "sub", "category"), [
    ("Explosions/Remote violence", "Air/drone strike", "strike"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack", "strike"),
    ("Battles", "Armed clash", "clash"),
    ("Strategic developments", "Change to group/activity", "troop_movement"),
    ("Strategic developments", "Agreement", "political"),
    ("Riots", "Mob violence", "protest"),
    ("Violence against civilians", None, "civilian_violence"),
    (None, None, "other"),
])
def test_acled_types_map_to_layers(event_type, sub, category):
    assert category_for(event_type, sub) == category
    assert category in CATEGORIES


def test_event_id_is_deterministic_and_depends_on_the_facts():
    row = {"category": "strike", "location": "Gori", "event_date": "2008-08-09"}
    assert event_id_for(row) == event_id_for(dict(row))
    assert event_id_for(row) != event_id_for({**row, "location": "Kareli"})
    assert event_id_for({**row, "latitude": float("nan")}) == event_id_for({**row, "latitude": None})


def test_conform_builds_points_and_lines():
    frame = pd.DataFrame([
        {"event_id": "a", "category": "strike", "latitude": 42.0, "longitude": 44.1},
        {"event_id": "b", "category": "troop_movement", "latitude": 42.2, "longitude": 43.9,
         "origin_latitude": 43.0, "origin_longitude": 44.6, "destination_latitude": 42.2,
         "destination_longitude": 43.9},
        {"event_id": "c", "category": "political"},
    ])
    events = conform(frame)
    assert list(events.columns) == list(COLUMNS)
    assert events.geometry.iloc[0] == Point(44.1, 42.0)
    assert events.geometry.iloc[1] == LineString([(44.6, 43.0), (43.9, 42.2)])
    assert events.geometry.iloc[2] is None
    assert str(events["fatalities"].dtype) == "Int64"
