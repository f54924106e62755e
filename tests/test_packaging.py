import csv
import importlib
import json
import subprocess
import sys
import tomllib

from tests.conftest import ROOT


def test_every_subpackage_is_listed_in_pyproject():
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    found = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "mapgen").rglob("__init__.py")}
    assert found | {"mapgen.geodata"} == listed


def test_vendored_assets_match_their_lock():
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "fetch_assets.py"), "--check"],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    lock = json.loads((ROOT / "mapgen" / "render" / "vendor" / "assets.lock.json").read_text())
    assert {p["name"]: p["version"] for p in lock["packages"]} == {
        "leaflet": "1.9.4", "leaflet-polylinedecorator": "1.6.0"}
    assert all(p["integrity"].startswith("sha512-") for p in lock["packages"])


def test_curated_regions_are_consistent():
    with (ROOT / "geodata" / "regions.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len({r["name"] for r in rows}) == len(rows)
    for row in rows:
        lat, lon = float(row["latitude"]), float(row["longitude"])
        west, south, east, north = (float(row[k]) for k in ("west", "south", "east", "north"))
        assert west < lon < east and south < lat < north, row["name"]
        assert row["feature"] in {"region", "tunnel", "landmark"}


def test_import_is_light():
    code = "import sys, mapgen; print(sorted(m for m in ('pandas', 'geopandas', 'folium') if m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_public_api():
    mapgen = importlib.import_module("mapgen")
    for name in mapgen.__all__:
        assert getattr(mapgen, name) is not None
