"""Open maps from disk in headless Chromium, offline, and use them as a reader would."""

from __future__ import annotations

import json
import time

import pytest
from click.testing import CliRunner

from mapgen.cli import cli
from tests.browser.conftest import requested_urls
from tests.conftest import EXAMPLE, write

pytestmark = pytest.mark.browser
TILES = "https://tile.openstreetmap.org/"


def _open(browser, path):
    browser.get_log("browser")
    requested_urls(browser)
    browser.get(path.as_uri())
    deadline = time.time() + 10
    while time.time() < deadline:
        if browser.execute_script("return !!(window.mapgen && window.L && document.readyState == 'complete')"):
            return
        time.sleep(0.1)
    raise AssertionError("the map did not start")


@pytest.fixture(scope="module")
def demo_map(tmp_path_factory):
    """The demo map, built as `make demo` builds it."""
    out = tmp_path_factory.mktemp("demo") / "georgia-2008.html"
    result = CliRunner().invoke(cli, ["build", str(EXAMPLE), "-o", str(out), "--title", "Georgia, August 2008"])
    assert result.exit_code == 0, result.output
    return out


def test_demo_map_works_offline(browser, demo_map, example_events):
    _open(browser, demo_map)
    assert browser.execute_script("return L.version") == "1.9.4"
    counts = browser.execute_script(
        "var out = {}; Object.keys(mapgen.layers).forEach(function (k) {"
        "  out[k] = mapgen.layers[k].getLayers().length; }); return out;")
    assert counts == example_events.category.value_counts().to_dict()
    assert browser.execute_script("return document.querySelectorAll('.leaflet-marker-icon').length") > 0
    assert browser.execute_script("return document.querySelectorAll('.leaflet-control-layers-overlays input')"
                                  ".length") == len(counts)
    time.sleep(0.5)
    errors = [e for e in browser.get_log("browser")
              if e["level"] == "SEVERE" and TILES not in e["message"]]
    assert errors == []
    outside = [u for u in requested_urls(browser)
               if not u.startswith(("file:", "data:", TILES))]
    assert outside == []


def test_toggling_an_overlay_hides_it(browser, demo_map):
    _open(browser, demo_map)
    before = browser.execute_script("return document.querySelectorAll('.leaflet-marker-icon').length")
    strikes = browser.execute_script(
        "return mapgen.layers.strike.getLayers().filter(function (l) { return l instanceof L.Marker; }).length")
    labels = browser.find_elements("css selector", ".leaflet-control-layers-overlays label")
    label = next(item for item in labels if item.text.startswith("Strikes and shelling"))
    label.find_element("css selector", "input").click()
    assert browser.execute_script("return mapgen.layers.strike._map") is None
    after = browser.execute_script("return document.querySelectorAll('.leaflet-marker-icon').length")
    assert after == before - strikes
    label.find_element("css selector", "input").click()
    assert browser.execute_script("return mapgen.layers.strike._map !== null")


def test_popup_shows_the_source_and_quote(browser, demo_map):
    _open(browser, demo_map)
    text = browser.execute_script(
        "var layer = mapgen.layers.strike.getLayers()[0]; layer.openPopup();"
        "return document.querySelector('.mapgen-popup').innerText;")
    assert "Date" in text and "Source" in text
    assert browser.execute_script("return document.querySelector('.mapgen-popup blockquote') !== null")


def test_hostile_text_is_inert(browser, tmp_path):
    hostile = '</script><script>window.pwned=1</script><img src=x onerror="window.pwned=2">'
    source = write(tmp_path / "e.jsonl", json.dumps(
        {"category": "strike", "latitude": 42, "longitude": 44, "quote": hostile, "location": hostile,
         "source": hostile}) + "\n")
    out = tmp_path / "m.html"
    result = CliRunner().invoke(cli, ["build", str(source), "-o", str(out), "--tiles", "none",
                                      "--title", hostile])
    assert result.exit_code == 0, result.output
    _open(browser, out)
    text = browser.execute_script(
        "mapgen.layers.strike.getLayers()[0].openPopup();"
        "return document.querySelector('.mapgen-popup blockquote').textContent;")
    assert text == hostile
    assert browser.execute_script("return window.pwned === undefined")
    assert browser.execute_script("return document.querySelectorAll('.mapgen-popup img').length") == 0
    assert browser.execute_script("return document.querySelector('.mapgen-title h1').textContent") == hostile


def test_small_embed_folds_the_reading_notes(browser, demo_map):
    browser.set_window_size(640, 420)
    try:
        _open(browser, demo_map)
        assert browser.execute_script("return document.querySelector('.mapgen-legend details').open") is False
        title = browser.execute_script("return document.querySelector('.mapgen-title').getBoundingClientRect()")
        layers = browser.execute_script(
            "return document.querySelector('.leaflet-control-layers').getBoundingClientRect()")
        assert title["right"] <= layers["left"]  # the title and the layer list do not overlap
    finally:
        browser.set_window_size(1280, 900)
    _open(browser, demo_map)
    assert browser.execute_script("return document.querySelector('.mapgen-legend details').open") is True
