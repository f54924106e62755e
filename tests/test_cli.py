import re
import subprocess
import sys

import pytest
from click.testing import CliRunner

from mapgen.cli import cli
from tests.conftest import ROOT, write


@pytest.fixture
def runner():
    return CliRunner()


def test_build_writes_the_map_and_prints_its_path(runner, example_path, tmp_path):
    out = tmp_path / "map.html"
    result = runner.invoke(cli, ["build", str(example_path), "-o", str(out), "--title", "Test map"])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == str(out)
    assert "mapped 40 of 40 events" in result.stderr
    assert out.read_text().startswith("<!DOCTYPE html>")


def test_build_defaults_to_output_folder(runner, example_path, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(cli, ["build", str(example_path)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "output" / "events.html").is_file()


def test_build_reports_what_could_not_be_placed(runner, tmp_path):
    path = write(tmp_path / "e.csv", "event_id,category,location,latitude,longitude\n"
                 "a,strike,,41.9,44.1\nb,strike,Kareli,,\n")
    result = runner.invoke(cli, ["build", str(path), "-o", str(tmp_path / "m.html")])
    assert result.exit_code == 0
    assert "1 event(s) could not be placed: Kareli (ambiguous" in result.stderr
    assert "mapped 1 of 2 events" in result.stderr


@pytest.mark.parametrize(("content", "message"), [
    (None, "no such file"),
    ("", "is empty"),
    ("a,b\n1,2\n", "no usable columns"),
    ("latitude,longitude\n91,0\n", "row 1: latitude 91 is out of range"),
])
def test_bad_input_fails_cleanly_and_keeps_the_old_output(runner, tmp_path, content, message):
    path = tmp_path / "in.csv"
    if content is not None:
        write(path, content)
    out = write(tmp_path / "map.html", "old map")
    result = runner.invoke(cli, ["build", str(path), "-o", str(out)])
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0] == f"Error: {path}: {lines[0].split(': ', 2)[2]}"
    assert message in lines[0]
    assert "Traceback" not in result.output
    assert out.read_text() == "old map"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []


def test_unknown_tiles_is_a_clean_error(runner, example_path, tmp_path):
    result = runner.invoke(cli, ["build", str(example_path), "-o", str(tmp_path / "m.html"), "--tiles", "Nope"])
    assert result.exit_code == 1 and "unknown tiles 'Nope'" in result.stderr
    assert not (tmp_path / "m.html").exists()


def test_unwritable_output_is_a_clean_error(runner, example_path, tmp_path):
    blocker = write(tmp_path / "file", "x")
    result = runner.invoke(cli, ["build", str(example_path), "-o", str(blocker / "m.html")])
    assert result.exit_code == 1 and "Traceback" not in result.output


def test_geocode_command(runner):
    result = runner.invoke(cli, ["geocode", "Tskhinvali", "Kareli", "--country", "Georgia"])
    assert result.exit_code == 0
    assert re.search(r"^Kareli\t42\.02\d+\t43\.89\d+\tGE\tcity$", result.stdout, re.M)
    assert runner.invoke(cli, ["geocode", "Qwzxplk"]).exit_code == 1


def test_every_command_has_help_and_is_in_the_readme(runner):
    readme = (ROOT / "README.md").read_text()
    for name, command in cli.commands.items():
        assert command.help, name
        assert runner.invoke(cli, [name, "--help"]).exit_code == 0
        assert f"mapgen {name}" in readme, f"README does not document `mapgen {name}`"


def test_python_dash_m(tmp_path):
    result = subprocess.run([sys.executable, "-m", "mapgen", "--help"], capture_output=True, text=True,
                            check=False, cwd=tmp_path)
    assert result.returncode == 0 and "build" in result.stdout


ARTICLE = "---\ntitle: Night of shelling\n---\nShelling hit Tskhinvali overnight, and jets bombed Kareli and Gori.\n"


def test_geoparse_command_table_and_files(runner, tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    write(folder / "a.md", ARTICLE)
    write(folder / "b.html", "<html><body><script>var Paris;</script><p>Refugees reached Vladikavkaz.</p>"
          "</body></html>")
    result = runner.invoke(cli, ["geoparse", str(folder)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.strip().splitlines()
    assert lines[0].startswith("source\tstart\tend\ttext\tname\tlatitude")
    texts = [line.split("\t")[3] for line in lines[1:]]
    assert texts == ["Tskhinvali", "Kareli", "Gori", "Vladikavkaz"]
    out = tmp_path / "mentions.json"
    assert runner.invoke(cli, ["geoparse", str(folder / "a.md"), "-o", str(out)]).exit_code == 0
    import json

    rows = json.loads(out.read_text())
    assert rows[0]["text"] == "Tskhinvali" and rows[0]["country_code"] == "GE"


@pytest.mark.parametrize(("content", "message"), [
    (b"", "is empty"), (b"\x00\x01binary", "is binary"), ("Tbilisi caf\xe9".encode("latin-1"), "not UTF-8"),
])
def test_geoparse_bad_articles(runner, tmp_path, content, message):
    path = write(tmp_path / "a.txt", content)
    result = runner.invoke(cli, ["geoparse", str(path)])
    assert result.exit_code == 1 and message in result.stderr and "Traceback" not in result.output


def test_geocode_with_user_gazetteer_and_near(runner, tmp_path):
    gazetteer = write(tmp_path / "g.csv", "name,lat,lon\nKvaisi checkpoint,42.52,43.65\n")
    result = runner.invoke(cli, ["geocode", "Kvaisi checkpoint", "--gazetteer", str(gazetteer)])
    assert result.exit_code == 0 and "42.52000\t43.65000" in result.stdout
    result = runner.invoke(cli, ["geocode", "Paris", "--near", "Texas"])
    assert result.exit_code == 0 and "\tUS\tcity" in result.stdout


def test_build_with_user_gazetteer(runner, tmp_path):
    gazetteer = write(tmp_path / "g.csv", "name,lat,lon\nKvaisi checkpoint,42.52,43.65\n")
    table = write(tmp_path / "e.csv", "event_id,category,location\na,clash,Kvaisi checkpoint\n")
    out = tmp_path / "m.html"
    result = runner.invoke(cli, ["build", str(table), "-o", str(out), "--gazetteer", str(gazetteer)])
    assert result.exit_code == 0, result.output
    assert "mapped 1 of 1 events" in result.stderr
    bad = runner.invoke(cli, ["build", str(table), "-o", str(out), "--gazetteer", str(gazetteer),
                              "--geocoder", "nominatim"])
    assert bad.exit_code == 2 and "--gazetteer extends the offline gazetteer" in bad.output
