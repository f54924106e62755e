import json
import re

import pytest

from mapgen import InputError, build_map, read_events, render_html
from mapgen.render.elements import to_js
from mapgen.render.features import event_spec, flow_weight, layer_specs
from tests.conftest import write

HOSTILE = '</script><script>window.pwned=1</script><img src=x onerror="window.pwned=2"> `${x}` \u2028'


@pytest.fixture(scope="module")
def page(example_events):
    return render_html(build_map(example_events, title="Georgia, August 2008"))


def _specs(html):
    """The JSON spec of each layer, read back from the page."""
    return [json.loads(m) for m in re.findall(r"mapgen\.layer\((\{.*?\})\);\n", html)]


def test_one_overlay_per_category_with_every_placed_event(page, example_events):
    specs = _specs(page)
    counts = example_events.category.value_counts().to_dict()
    assert {s["category"]: len(s["features"]) for s in specs} == counts
    assert len({s["color"] for s in specs}) == len(specs)
    for spec in specs:
        assert f'{spec["label"]} ({len(spec["features"])})"' in page  # layer control entry, after its icon
    assert "L.control.layers" in page


def test_page_is_self_contained(page):
    assert "<script src=" not in page
    assert not re.search(r"<link[^>]+href=\"https?:", page)
    assert "cdn.jsdelivr" not in page and "code.jquery" not in page
    assert "L.polylineDecorator" in page  # plugin inlined
    assert "url(images/" not in page      # CSS images are data: URIs
    urls = set(re.findall(r"https?://[^\s\"')\\]+", page))
    tile = {u for u in urls if "{z}" in u}
    assert tile == {"https://tile.openstreetmap.org/{z}/{x}/{y}.png"}


def test_title_legend_and_popup_fields(page):
    assert "mapgen.title(" in page and "Georgia, August 2008" in page
    assert "mapgen.legend(" in page
    specs = {s["category"]: s for s in _specs(page)}
    strike = next(f for f in specs["strike"]["features"] if f["id"] == "ge2008-008")
    rows = {r[0]: r[1] for r in strike["rows"]}
    assert "August 2008" in rows["Date"]
    assert rows["Place"] == "Kareli"
    assert "Denied by" in rows and rows["Disputed"] == "yes"
    assert strike["quote"]


def test_movements_are_arrows_and_displacement_widens(page):
    specs = {s["category"]: s for s in _specs(page)}
    flows = [f for f in specs["troop_movement"]["features"] if f["kind"] == "flow"]
    assert flows and all(len(f["path"]) == 2 for f in flows)
    assert "L.Symbol.arrowHead" in page
    widths = {f["weight"] for f in specs["displacement"]["features"]}
    assert max(widths) > min(widths)
    assert flow_weight("displacement", 100_000) > flow_weight("displacement", 1_000) > 0


def test_region_level_events_are_areas_not_pins(page):
    features = [f for s in _specs(page) for f in s["features"]]
    regional = [f for f in features if f["precision"] == 3]
    assert regional and all(f["kind"] == "area" for f in regional)
    georgia = next(f for f in regional if f["id"] == "ge2008-018")  # the whole country
    assert georgia["radius"] == pytest.approx(149_000, rel=0.02)   # as large as Georgia's 69,700 km²


def test_region_radius_comes_from_the_gazetteer():
    from mapgen.render.build import region_radius

    assert region_radius("South Ossetia", "Georgia") == pytest.approx(51_000, rel=0.05)
    assert region_radius("Gori", None) is None
    assert region_radius("Qwzxplk", None) is None


def test_hostile_text_stays_text(tmp_path):
    path = write(tmp_path / "e.jsonl", json.dumps({"category": "strike", "latitude": 42, "longitude": 44,
                                                   "quote": HOSTILE, "location": HOSTILE}) + "\n")
    html = render_html(build_map(read_events(path), title=HOSTILE))
    assert "window.pwned" in html  # the text is there...
    assert "<script>window.pwned" not in html and "<img src=x" not in html  # ...but never as markup
    assert "\u2028" not in html.split("<script>", 1)[1]


def test_to_js_round_trips_through_json():
    value = {"q": HOSTILE, "n": 1.5}
    assert json.loads(to_js(value)) == value


def test_unplaced_events_are_listed(tmp_path):
    path = write(tmp_path / "e.csv", "event_id,category,location\nok,strike,Gori\nbad,strike,Qwzxplk\n")
    html = render_html(build_map(read_events(path)))
    assert "mapgen.unplaced(" in html and "Qwzxplk: not in the offline gazetteer" in html


def test_output_is_identical_between_runs(example_path):
    first = render_html(build_map(read_events(example_path), title="t"))
    second = render_html(build_map(read_events(example_path), title="t"))
    assert first == second


def test_cdn_links_with_integrity(example_events):
    html = render_html(build_map(example_events, cdn=True))
    links = re.findall(r'(?:src|href)="(https://cdn\.jsdelivr\.net/npm/[^"]+)" integrity="sha384-', html)
    assert sorted(links) == [
        "https://cdn.jsdelivr.net/npm/leaflet-polylinedecorator@1.6.0/dist/leaflet.polylineDecorator.js",
        "https://cdn.jsdelivr.net/npm/leaflet@1.9.4/dist/leaflet.css",
        "https://cdn.jsdelivr.net/npm/leaflet@1.9.4/dist/leaflet.js",
    ]


def test_tiles_by_name_or_none(example_events):
    assert "server.arcgisonline.com" in render_html(build_map(example_events, tiles="Esri.WorldImagery"))
    assert "L.tileLayer" not in render_html(build_map(example_events, tiles="none"))
    with pytest.raises(InputError, match=r"unknown tiles 'Nowhere\.Maps'"):
        build_map(example_events, tiles="Nowhere.Maps")


def test_jupyter_gets_the_same_map(example_events):
    html = build_map(example_events)._repr_html_()
    assert html.count("<iframe") == 1 and "mapgen.legend(" in html  # the whole page, in an iframe


def test_layer_specs_skip_unplaced_rows(tmp_path):
    events = read_events(write(tmp_path / "e.csv", "category,location\nstrike,Qwzxplk\n"))
    assert layer_specs(events) == []
    assert event_spec({"category": "strike"}, None) is None


def test_amounts_in_words_show_as_words(tmp_path):
    header = "category,origin,origin_latitude,origin_longitude,destination,destination_latitude,destination_longitude"
    row = "displacement,Tskhinvali,42.23,43.97,Vladikavkaz,43.04,44.67,displaced: thousands"
    path = write(tmp_path / "e.csv", f"{header},amounts\n{row}\n")
    events = read_events(path)
    assert events.amounts.tolist() == ["displaced: thousands"] and events.isna().displaced.all()
    rows = dict(r[:2] for r in layer_specs(events)[0]["features"][0]["rows"])
    assert rows["Amounts"] == "displaced: thousands" and "Displaced" not in rows
