"""`mapgen extract` and `mapgen build` on articles: files, folders, dates, review round trip, bad input.

The articles are our own words.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from click.testing import CliRunner

import mapgen
from mapgen.cli import cli
from mapgen.extract import extract_articles
from mapgen.geoparse import MAX_CHARS

STRIKE = "Russian jets bombed Gori on Friday, killing five people, Georgian officials said.\n"
CONVOY = "A convoy of armoured vehicles crossed from North Ossetia into South Ossetia on Saturday.\n"
PROTEST = "On 12 August 2008, about 2,000 people rallied in Tbilisi against the war.\n"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "2008-08-09-gori.md").write_text("---\ntitle: Gori\ndate: 2008-08-09\n---\n\n" + STRIKE, encoding="utf-8")
    (folder / "convoy.html").write_text(
        "<html><head><meta name='date' content='2008-08-10'><title>Convoy</title></head>"
        f"<body><p>{CONVOY}</p><script>var x = 'Kareli was bombed';</script></body></html>", encoding="utf-8")
    (folder / "rally.txt").write_text(PROTEST, encoding="utf-8")
    return folder


def test_extract_folder_to_csv_and_back(runner: CliRunner, articles: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.csv"
    result = runner.invoke(cli, ["extract", str(articles), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == str(out)
    assert "extracted 3 events (3 placed)" in result.stderr
    events = mapgen.read_events(out)
    by_category = {row.category: row for row in events.itertuples()}
    assert set(by_category) == {"strike", "troop_movement", "protest"}
    strike = by_category["strike"]
    assert (strike.location, strike.event_date, strike.fatalities) == ("Gori", "2008-08-08", 5)
    assert strike.source.startswith(str(articles / "2008-08-09-gori.md") + "#char=")
    convoy = by_category["troop_movement"]
    assert (convoy.origin, convoy.destination, convoy.event_date) == ("North Ossetia", "South Ossetia", "2008-08-09")
    assert by_category["protest"].event_date == "2008-08-12"
    assert "Kareli" not in set(events.location.dropna())  # script text is not article text


def test_quote_offsets_point_into_the_file(articles: Path) -> None:
    events = extract_articles(articles / "2008-08-09-gori.md")
    row = events.iloc[0]
    start, end = map(int, row.source.rpartition("#char=")[2].split(","))
    text = (articles / "2008-08-09-gori.md").read_text(encoding="utf-8")
    assert text[start:end] == row.quote  # counted from the top of the file, front matter included


def test_extract_to_stdout_and_jsonl(runner: CliRunner, articles: Path, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["extract", str(articles / "rally.txt")])
    assert result.exit_code == 0
    header, *rows = result.stdout.strip().splitlines()
    assert header.startswith("event_id,category,") and len(rows) == 1 and "Tbilisi" in rows[0]
    out = tmp_path / "events.jsonl"
    assert runner.invoke(cli, ["extract", str(articles), "-o", str(out)]).exit_code == 0
    assert len([json.loads(line) for line in out.read_text().splitlines()]) == 3


def test_published_option_and_missing_date_warning(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "undated.txt"
    path.write_text(STRIKE, encoding="utf-8")
    result = runner.invoke(cli, ["extract", str(path)])
    assert result.exit_code == 0
    assert f"{path}: no publication date found" in result.stderr
    assert mapgen.read_events(_csv(tmp_path, result.stdout)).event_date.isna().all()  # "on Friday": of which week?
    result = runner.invoke(cli, ["extract", str(path), "--published", "2008-08-09"])
    assert "no publication date" not in result.stderr
    assert mapgen.read_events(_csv(tmp_path, result.stdout)).event_date.tolist() == ["2008-08-08"]


def _csv(folder: Path, text: str) -> Path:
    path = folder / "stdout.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_build_maps_articles_and_tables_together(runner: CliRunner, articles: Path, tmp_path: Path) -> None:
    table = tmp_path / "extra.csv"
    table.write_text("category,location,latitude,longitude,event_date\nclash,Java,42.39,44.03,2008-08-10\n",
                     encoding="utf-8")
    out = tmp_path / "map.html"
    result = runner.invoke(cli, ["build", str(articles), str(table), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "mapped 4 of 4 events" in result.stderr
    page = out.read_text(encoding="utf-8")
    for layer in ("Strikes and shelling", "Troop movements", "Protests and riots", "Armed clashes"):
        assert layer in page


def test_reviewed_table_maps_exactly_what_was_kept(runner: CliRunner, articles: Path, tmp_path: Path) -> None:
    """Extract, then a reviewer deletes a row and moves another to a place of their choosing: build maps that."""
    table = tmp_path / "events.csv"
    assert runner.invoke(cli, ["extract", str(articles), "-o", str(table)]).exit_code == 0
    events = mapgen.read_events(table)
    kept = events[events.category != "protest"].copy()  # the rally is deleted
    strike = kept.index[kept.category == "strike"][0]
    kept.loc[strike, ["location", "latitude", "longitude"]] = ["Kareli", None, None]  # fixed by hand: geocode it
    mapgen.write_events(kept, table)
    reviewed = mapgen.read_events(table)
    assert len(reviewed) == 2
    fixed = reviewed[reviewed.category == "strike"].iloc[0]
    assert fixed.location == "Kareli" and math.isclose(fixed.latitude, 42.02, abs_tol=0.05)
    out = tmp_path / "map.html"
    result = runner.invoke(cli, ["build", str(table), "-o", str(out)])
    assert result.exit_code == 0 and "mapped 2 of 2 events" in result.stderr
    page = out.read_text(encoding="utf-8")
    assert "Kareli" in page and "Tbilisi" not in page


@pytest.mark.parametrize(("content", "message"), [
    (b"", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00binary", "binary"),
    (b"Jets bombed G\xf6ri on Friday.", "UTF-8"),
])
def test_bad_article_fails_cleanly_and_keeps_the_old_output(runner: CliRunner, tmp_path: Path, content: bytes,
                                                            message: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    out = tmp_path / "events.csv"
    out.write_text("old table", encoding="utf-8")
    result = runner.invoke(cli, ["extract", str(path), "-o", str(out)])
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and str(path) in lines[0] and message in lines[0]
    assert "Traceback" not in result.output
    assert out.read_text(encoding="utf-8") == "old table"
    result = runner.invoke(cli, ["build", str(path), "-o", str(tmp_path / "map.html")])
    assert result.exit_code == 1 and not (tmp_path / "map.html").exists()


def test_wrong_output_format_is_a_usage_error(runner: CliRunner, articles: Path, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["extract", str(articles), "-o", str(tmp_path / "events.xlsx")])
    assert result.exit_code == 2 and "use a .csv, .geojson or .jsonl file" in result.output


def test_missing_input_is_a_clean_error(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["extract", str(tmp_path / "absent.md")])
    assert result.exit_code == 1 and "absent.md" in result.stderr and "Traceback" not in result.output


def test_long_article_is_read_in_pieces_with_right_offsets(tmp_path: Path) -> None:
    """Longer than one spaCy piece (50,000 characters): events from the end keep exact offsets."""
    filler = "The talks went on through the night without a statement.\n\n" * 900
    text = filler + STRIKE
    path = tmp_path / "long.txt"
    path.write_text(text, encoding="utf-8")
    events = extract_articles(path, published="2008-08-09")
    row = events[events.category == "strike"].iloc[0]
    start, end = map(int, row.source.rpartition("#char=")[2].split(","))
    assert len(text) > 50_000 and text[start:end] == row.quote and row.location == "Gori"


def test_text_over_the_limit_is_refused_before_any_work(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_text("a" * (MAX_CHARS + 1), encoding="utf-8")
    with pytest.raises(mapgen.InputError, match="over the"):
        extract_articles(path)


SEED = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "seeds" / "004_7d0d10c5fa5dd535.txt"


@pytest.mark.skipif(not SEED.exists(), reason="../shared/corpora/seeds is not beside the checkout")
def test_seed_map_shows_the_strikes_as_pins_and_the_convoy_and_refugees_as_arrows() -> None:
    from mapgen.render.features import layer_specs

    gold = json.loads(SEED.with_name(SEED.stem + ".gold.json").read_text(encoding="utf-8"))
    events = mapgen.extract_events(SEED.read_text(encoding="utf-8"), published=gold["published"], source=SEED.name)
    layers = {layer["category"]: layer["features"] for layer in layer_specs(events)}
    pins = {f["title"].rsplit(", ", 1)[-1] for f in layers["strike"] if f["kind"] == "pin"}
    assert {"Kareli", "Gori", "Tskhinvali"} <= pins
    north, south = gold["places"]["North Ossetia"], gold["places"]["South Ossetia"]

    def runs(path: list[list[float]], start: list[float], end: list[float]) -> bool:
        return (abs(path[0][0] - start[0]) < 0.5 and abs(path[-1][0] - end[0]) < 0.5
                and abs(path[0][1] - start[1]) < 0.7 and abs(path[-1][1] - end[1]) < 0.7)

    convoys = [f["path"] for f in layers["troop_movement"] if f["kind"] == "flow"]
    assert any(runs(path, north, south) for path in convoys)  # from North Ossetia, southward
    refugees = [f["path"] for f in layers["displacement"] if f["kind"] == "flow"]
    assert any(runs(path, south, north) and path[-1][0] > path[0][0] for path in refugees)  # north


def test_a_news_page_gives_its_story_not_its_menus_sidebars_or_headline_twice(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Jets hit Gori</title><meta property='article:published_time' content='2008-08-09'>"
        "</head><body><nav><a href='/'>Home</a> | <a href='/w'>World</a></nav>"
        "<header><h1>Jets hit Gori as fighting spreads</h1></header><article>"
        f"<p>{STRIKE}</p><p>Moscow denied targeting civilians.</p>"
        "<aside>Related: Floods in Texas kill 12</aside></article>"
        "<footer>Police arrested two men in Paris. &copy; News Ltd</footer></body></html>", encoding="utf-8")
    events = extract_articles(page)
    assert events[["category", "location", "fatalities", "denied_by", "disputed"]].values.tolist() == [
        ["strike", "Gori", 5, "Moscow", True]]  # one strike: the headline tells the same one; denied
