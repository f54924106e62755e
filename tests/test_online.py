"""Online geocoders, against a fake Nominatim on 127.0.0.1 (never the real network)."""

from __future__ import annotations

import socket
import sqlite3
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fake_geocoder import FakeNominatim

from mapgen.errors import GeocoderError
from mapgen.geocode import OfflineGazetteer, Place, get_geocoder
from mapgen.geocode.base import Geocoder
from mapgen.geocode.online import GeocoderFallbackWarning, OnlineGeocoder, online_geocoder


class NoFallback(Geocoder):
    """A fallback that fails the test if it is used."""

    name = "no-fallback"

    def candidates(self, name: str, *, country: str | None = None) -> list[Place]:
        raise AssertionError(f"fell back for {name!r}")

    def country_code(self, country: str) -> str | None:
        return None


@pytest.fixture
def fake() -> Iterator[FakeNominatim]:
    with FakeNominatim(slow_seconds=2.0) as server:
        yield server


@pytest.fixture(scope="module")
def offline() -> OfflineGazetteer:
    return OfflineGazetteer.default()


def make(fake: FakeNominatim, tmp_path: Path, **options: Any) -> OnlineGeocoder:
    """An OnlineGeocoder asking ``fake``: no delays, 1 s timeouts (the slow mode takes 2), a cache in ``tmp_path``."""
    settings: dict[str, Any] = {
        "service": "nominatim", "min_delay_seconds": 0, "timeout": 1.0, "max_retries": 2, "backoff": 0,
        "cache_path": tmp_path / "geocode-cache.sqlite", "fallback": NoFallback(),
        "service_options": {"domain": fake.domain, "scheme": "http"},
    }
    return OnlineGeocoder(**{**settings, **options})


# -- answers ---------------------------------------------------------------------------------------

def test_lookup_returns_places_from_the_service(fake, tmp_path):
    geocoder = make(fake, tmp_path, fallback=None)
    [place] = geocoder.candidates("Tbilisi")
    assert (place.name, place.latitude, place.longitude) == ("Tbilisi", 41.6934591, 44.8014495)
    assert (place.source, place.country_code, place.country, place.feature) == ("nominatim", "GE", "Georgia", "city")
    assert place.bbox == (44.5979, 41.5869, 45.0118, 41.844) and place.geonameid is None
    assert fake.requests[0]["q"] == ["Tbilisi"] and fake.requests[0]["addressdetails"] == ["1"]
    assert geocoder._fallback is None  # the offline gazetteer is loaded only when needed


@pytest.mark.parametrize(("name", "feature"), [
    ("Georgia", "country"), ("Shida Kartli", "admin1"), ("Roki Tunnel", "landmark"), ("Gori", "city"),
])
def test_features_follow_nominatims_address_type(fake, tmp_path, name, feature):
    assert make(fake, tmp_path).candidates(name)[0].feature == feature


def test_country_restricts_the_search(fake, tmp_path, offline):
    geocoder = make(fake, tmp_path, fallback=offline)
    assert [p.country_code for p in geocoder.candidates("Gori")] == ["GE", "CY"]
    assert [p.admin1 for p in geocoder.candidates("Gori", country="GE")] == ["Shida Kartli"]
    assert [p.country_code for p in geocoder.candidates("Gori", country="Cyprus")] == ["CY"]
    assert [r.get("countrycodes") for r in fake.requests] == [None, ["ge"], ["cy"]]
    assert geocoder.country_code("Georgia") == "GE"


# -- the cache -------------------------------------------------------------------------------------

def test_second_lookup_is_a_cache_hit_even_in_a_new_instance(fake, tmp_path):
    first = make(fake, tmp_path).candidates("Tbilisi")
    assert make(fake, tmp_path).candidates("Tbilisi") == first
    geocoder = make(fake, tmp_path)
    assert geocoder.candidates("  Tbilisi ") == first
    assert fake.count == 1
    geocoder.candidates("Tbilisi", country="GE")  # another question, another request
    assert fake.count == 2


def test_not_found_is_cached(fake, tmp_path):
    geocoder = make(fake, tmp_path)
    assert geocoder.candidates("Atlantis") == []
    assert make(fake, tmp_path).candidates("Atlantis") == []
    assert fake.count == 1


def test_cache_is_sqlite_in_wal_mode_in_a_folder_it_creates(fake, tmp_path):
    path = tmp_path / "new" / "folder" / "cache.sqlite"
    make(fake, tmp_path, cache_path=path).candidates("Gori")
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        assert conn.execute("SELECT service, query FROM answers").fetchall() == [("nominatim", "Gori")]


def test_cache_defaults_to_mapgen_cache_dir(fake, tmp_path, monkeypatch):
    monkeypatch.setenv("MAPGEN_CACHE_DIR", str(tmp_path / "env"))
    geocoder = make(fake, tmp_path, cache_path=None)
    assert geocoder.cache_path == tmp_path / "env" / "geocode-cache.sqlite"
    geocoder.candidates("Tbilisi")
    assert geocoder.cache_path.is_file()


def test_an_unusable_cache_warns_and_geocodes_anyway(fake, tmp_path):
    geocoder = make(fake, tmp_path, cache_path=tmp_path)  # a folder, not a database file
    with pytest.warns(RuntimeWarning, match="MAPGEN_CACHE_DIR"):
        assert geocoder.candidates("Tbilisi")[0].source == "nominatim"


# -- failures --------------------------------------------------------------------------------------

def test_timeouts_are_retried_then_fall_back_to_the_offline_gazetteer(fake, tmp_path, offline):
    fake.mode = "slow"
    geocoder = make(fake, tmp_path, timeout=0.2, max_retries=1, fallback=offline)
    with pytest.warns(GeocoderFallbackWarning, match=r"'nominatim'.*GeocoderTimedOut.*2 attempts") as caught:
        places = geocoder.candidates("Tbilisi")
    assert len(caught) == 1 and fake.count == 2
    assert places[0].source == "geonames" and places[0].latitude == pytest.approx(41.69, abs=0.01)


@pytest.mark.parametrize(("retry_after", "wait"), [(None, 0.5), ("3", 3.0), ("3600", 60.0)])
def test_rate_limited_then_success(fake, tmp_path, retry_after, wait):
    fake.retry_after = retry_after
    fake.then("rate-limited")
    geocoder = make(fake, tmp_path, backoff=0.5)
    waits: list[float] = []
    geocoder._sleep = waits.append  # record the waits instead of sleeping
    assert geocoder.candidates("Tbilisi")[0].source == "nominatim"
    assert fake.count == 2 and waits == [wait]  # Retry-After honoured, capped at max_wait_seconds


def test_server_errors_are_retried_with_backoff_then_fall_back(fake, tmp_path, offline):
    fake.mode = "error"
    geocoder = make(fake, tmp_path, backoff=0.5, fallback=offline)
    waits: list[float] = []
    geocoder._sleep = waits.append  # record the waits instead of sleeping
    with pytest.warns(GeocoderFallbackWarning, match="'nominatim' failed for 'Gori'.*GeocoderServiceError"):
        places = geocoder.candidates("Gori", country="GE")
    assert fake.count == 3 and waits == [0.5, 1.0]
    assert {p.country_code for p in places} == {"GE"} and places[0].source == "geonames"


def test_garbage_answers_fall_back(fake, tmp_path, offline):
    fake.mode = "garbage"
    with pytest.warns(GeocoderFallbackWarning, match="GeocoderParseError"):
        places = make(fake, tmp_path, fallback=offline).candidates("Tbilisi")
    assert places[0].source == "geonames" and fake.count == 3


def test_failures_are_not_cached(fake, tmp_path, offline):
    fake.mode = "error"
    geocoder = make(fake, tmp_path, max_retries=0, fallback=offline)
    with pytest.warns(GeocoderFallbackWarning):
        assert geocoder.candidates("Tbilisi")[0].source == "geonames"
    fake.mode = "ok"  # the service recovers
    assert geocoder.candidates("Tbilisi")[0].source == "nominatim"
    assert fake.count == 2


@pytest.mark.parametrize("mode", ["unauthorized", "forbidden"])
def test_refused_requests_raise_without_fallback_or_retry(fake, tmp_path, mode):
    fake.mode = mode
    with pytest.raises(GeocoderError, match=r"refused.*api_key.*service_options"):
        make(fake, tmp_path).candidates("Tbilisi")
    assert fake.count == 1


def test_services_that_need_a_key_say_how_to_give_it():
    with pytest.raises(GeocoderError, match=r"'opencage' cannot be set up.*api_key.*service_options"):
        OnlineGeocoder(service="opencage")


# -- politeness ------------------------------------------------------------------------------------

def test_requests_are_spaced_by_min_delay(fake, tmp_path):
    # A delay far longer than two requests take, even on a loaded machine; the waits are recorded, not slept.
    geocoder = make(fake, tmp_path, min_delay_seconds=30.0)
    waits: list[float] = []
    geocoder._sleep = waits.append  # record the waits instead of sleeping
    geocoder.candidates("Tbilisi")
    geocoder.candidates("Tbilisi")  # a cache hit: no request, no wait
    assert waits == []
    geocoder.candidates("Gori")
    assert len(waits) == 1 and 20 < waits[0] <= 30.0


def test_user_agent_names_mapgen(fake, tmp_path):
    import mapgen

    assert make(fake, tmp_path).user_agent == f"mapgen/{mapgen.__version__}"
    assert make(fake, tmp_path, user_agent="me@example.org")._geocoder.headers["User-Agent"] == "me@example.org"


# -- the registry ----------------------------------------------------------------------------------

def test_get_geocoder_makes_a_nominatim_without_any_request(tmp_path, monkeypatch):
    def no_network(*args: object, **kwargs: object) -> None:
        raise AssertionError("a request was made")

    monkeypatch.setenv("MAPGEN_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(socket.socket, "connect", no_network)
    geocoder = get_geocoder("nominatim")
    assert isinstance(geocoder, OnlineGeocoder) and geocoder.name == "nominatim"
    assert not geocoder.cache_path.exists()


def test_online_geocoder_passes_options(fake, tmp_path):
    geocoder = online_geocoder("Nominatim", known=["offline"], min_delay_seconds=0, cache_path=tmp_path / "c.sqlite",
                               service_options={"domain": fake.domain, "scheme": "http"})
    assert geocoder.candidates("Gori")[0].source == "nominatim"


def test_unknown_names_list_the_valid_ones():
    with pytest.raises(GeocoderError, match=r"unknown geocoder 'nominatimm'; choose one of: offline, .*nominatim") as e:
        get_geocoder("nominatimm")
    assert str(e.value).endswith("(did you mean 'nominatim'?)")


def test_importing_the_module_does_not_import_geopy():
    code = "import sys, mapgen.geocode.online; print('geopy' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60)
    assert result.stdout.strip() == "False"


# -- several processes sharing one cache -----------------------------------------------------------

WORKER = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from mapgen.geocode.online import OnlineGeocoder

    domain, cache, ready, go, *names = sys.argv[1:]
    geocoder = OnlineGeocoder(service="nominatim", cache_path=cache, min_delay_seconds=0, timeout=5,
                              service_options={"domain": domain, "scheme": "http"})
    Path(ready).touch()
    while not Path(go).exists():
        time.sleep(0.005)
    for _ in range(2):
        for name in names:
            print(name, len(geocoder.candidates(name)))
""")


def test_processes_share_one_cache(fake, tmp_path):
    cache, go = tmp_path / "shared" / "cache.sqlite", tmp_path / "go"
    names = ["Tbilisi", "Gori", "Georgia", *(f"Nowhere {i}" for i in range(40))]
    workers = [subprocess.Popen(
        [sys.executable, "-c", WORKER, fake.domain, str(cache), str(tmp_path / f"ready{i}"), str(go),
         *(names if i % 2 else names[::-1])],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for i in range(3)]
    deadline = time.monotonic() + 60
    while not all((tmp_path / f"ready{i}").exists() for i in range(3)) and time.monotonic() < deadline:
        time.sleep(0.01)
    go.touch()  # all at once, on a cache file none of them has created yet
    outputs = [worker.communicate(timeout=60) for worker in workers]
    expected = {"Tbilisi 1", "Gori 2", "Georgia 1", *(f"Nowhere {i} 0" for i in range(40))}
    for (stdout, stderr), worker in zip(outputs, workers, strict=True):
        assert worker.returncode == 0 and stderr == ""
        assert set(stdout.splitlines()) == expected and len(stdout.splitlines()) == 2 * len(names)
    assert len(names) <= fake.count <= 3 * len(names)  # each name asked at most once per process
    before = fake.count
    geocoder = make(fake, tmp_path, cache_path=cache)
    assert [len(geocoder.candidates(n)) for n in names[:3]] == [1, 2, 1] and fake.count == before
