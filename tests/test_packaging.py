import csv
import importlib
import json
import os
import subprocess
import sys
import tomllib
import zipfile

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


def test_installed_wheel_works_outside_the_checkout(tmp_path, example_path):
    """`pip install .` (not editable): geodata and the vendored assets are inside the package."""
    wheels = tmp_path / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(wheels), str(ROOT)],
                   check=True, capture_output=True)
    target = tmp_path / "site"
    [wheel] = wheels.glob("mapgen-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        archive.extractall(target)
    assert "mapgen/geodata/regions.csv" in names
    assert "mapgen/render/vendor/leaflet/dist/leaflet.js" in names
    assert "mapgen/render/templates/mapgen.js" in names
    out = tmp_path / "map.html"
    code = ("import sys; from mapgen.cli import main; import mapgen; "
            "assert mapgen.__file__.startswith(sys.argv[1]), mapgen.__file__; "
            "sys.argv = ['mapgen', 'build', sys.argv[2], '-o', sys.argv[3]]; main()")
    env = {k: v for k, v in os.environ.items() if k in ("HOME", "PATH", "MAPGEN_CACHE_DIR")}
    result = subprocess.run([sys.executable, "-c", code, str(target), str(example_path), str(out)],
                            capture_output=True, text=True, cwd=tmp_path, env={**env, "PYTHONPATH": str(target)},
                            check=False)
    assert result.returncode == 0, result.stderr
    assert "mapped 40 of 40 events" in result.stderr
    assert "L.polylineDecorator" in out.read_text()
