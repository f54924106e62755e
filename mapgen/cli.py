"""The ``mapgen`` command: a thin shell over the Python API.

Each command parses options, calls the library and turns :class:`MapgenError` into a
one-line message and exit code 1 (click's usage errors exit with 2).
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from mapgen import __version__
from mapgen.errors import MapgenError

F = TypeVar("F", bound=Callable[..., Any])


def _errors(func: F) -> F:
    """Turn mapgen's own errors into one-line messages without a traceback."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except MapgenError as err:
            raise click.ClickException(str(err)) from None
        except OSError as err:
            name = err.filename or ""
            raise click.ClickException(f"{name}: {err.strerror or err}" if name else str(err)) from None

    return wrapper  # type: ignore[return-value]


def _geocoder(name: str, gazetteers: tuple[Path, ...]) -> Any:
    """The geocoder a command uses: a named one, or the offline gazetteer with user files."""
    if gazetteers:
        if name != "offline":
            raise click.UsageError("--gazetteer extends the offline gazetteer; it cannot be used with --geocoder")
        from mapgen.geocode import load_gazetteer

        return load_gazetteer(*gazetteers)
    return name


PUBLISHED = click.option("--published", metavar="DATE",
                         help="The articles' date (YYYY-MM-DD), for 'yesterday', 'on Tuesday' and dates without a "
                              "year [default: each article's front matter, dateline or file name].")
GAZETTEER = click.option("--gazetteer", "gazetteers", multiple=True, type=click.Path(path_type=Path),
                         help="User gazetteer (CSV or GeoJSON: name, latitude, longitude, aliases); "
                              "its entries extend and override the built-in ones. Repeatable.")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="mapgen")
def cli() -> None:
    """Turn reports of armed conflict into layered, self-contained HTML maps."""


@cli.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="HTML file to write [default: output/<first input's name>.html].")
@click.option("--title", help="Title shown on the map [default: from the input's name].")
@click.option("--subtitle", help="Line under the title.")
@click.option("--tiles", default="OpenStreetMap.Mapnik", show_default=True,
              help="Basemap: an xyzservices name (OpenTopoMap, Esri.WorldImagery...) or 'none'.")
@click.option("--cdn", is_flag=True, help="Link Leaflet from a CDN instead of inlining it.")
@click.option("--geocoder", default="offline", show_default=True,
              help="Geocoder for rows that give place names without coordinates: offline, or a geopy "
                   "service such as nominatim (online, opt-in).")
@PUBLISHED
@GAZETTEER
@_errors
def build(inputs: tuple[Path, ...], output: Path | None, title: str | None, subtitle: str | None,
          tiles: str, cdn: bool, geocoder: str, published: str | None, gazetteers: tuple[Path, ...]) -> None:
    """Map events to one HTML page: events tables (our CSV/GeoJSON/JSON Lines, ACLED CSV exports)
    and news articles (.txt, .md, .html, or folders of them), whose events are extracted first.

    Rows that name a place without coordinates are geocoded offline; what cannot be
    placed is reported here and listed on the map.
    """
    from mapgen.io import read_events, unplaced
    from mapgen.render import build_map, save_map

    articles, tables = _split_inputs(inputs)
    service = _geocoder(geocoder, gazetteers)
    frames = [read_events(tables, geocoder=service)] if tables else []
    if articles:
        frames.append(_extract(articles, published, gazetteers))
    events = frames[0] if len(frames) == 1 else _concat(frames)
    output = output or Path("output") / f"{inputs[0].stem}.html"
    title = title or inputs[0].stem.replace("-", " ").replace("_", " ").strip().capitalize()
    missing = unplaced(events)
    page = build_map(events, title=title, subtitle=subtitle, tiles=tiles, cdn=cdn, unplaced=missing)
    save_map(page, output)
    placed = int(events.geometry.notna().sum())
    if missing:
        names = ", ".join(sorted({f"{u['name'] or '(no name)'} ({u['reason'].split(';')[0]})"
                                  for u in missing}))
        click.echo(f"mapgen: {len({u['event_id'] for u in missing})} event(s) could not be placed: {names}",
                   err=True)
    click.echo(f"mapgen: mapped {placed} of {len(events)} events", err=True)
    click.echo(str(output))


@cli.command()
@click.argument("names", nargs=-1, required=True)
@click.option("--country", help="Only places in this country (name or ISO code).")
@click.option("--near", help="Pick the namesake closest to this place (e.g. --near Texas).")
@click.option("--geocoder", default="offline", show_default=True,
              help="offline, or a geopy service such as nominatim (online, opt-in, cached).")
@GAZETTEER
@_errors
def geocode(names: tuple[str, ...], country: str | None, near: str | None, geocoder: str,
            gazetteers: tuple[Path, ...]) -> None:
    """Look up place names; prints name, latitude, longitude, country and feature, tab-separated."""
    from mapgen.geocode import geocode as lookup

    service = _geocoder(geocoder, gazetteers)
    failed = 0
    for name in names:
        place = lookup(name, country=country, near=near, geocoder=service)
        if place is None:
            failed += 1
            click.echo(f"{name}\t\t\t\tnot found or ambiguous")
        else:
            click.echo(f"{name}\t{place.latitude:.5f}\t{place.longitude:.5f}\t{place.country_code or ''}\t"
                       f"{place.feature}")
    if failed:
        sys.exit(1)


def _split_inputs(inputs: tuple[Path, ...]) -> tuple[list[Path], list[Path]]:
    """(articles, tables): .txt/.md/.html files and folders are articles, the rest tables."""
    from mapgen.io.articles import ARTICLE_SUFFIXES

    articles = [p for p in inputs if p.is_dir() or p.suffix.lower() in ARTICLE_SUFFIXES]
    return articles, [p for p in inputs if p not in articles]


def _extract(articles: list[Path], published: str | None, gazetteers: tuple[Path, ...]) -> Any:
    """Events of the articles, saying which ones had no date."""
    from mapgen.extract import extract_articles

    gazetteer = _geocoder("offline", gazetteers) if gazetteers else None
    events = extract_articles(articles, published=published, gazetteer=gazetteer)
    for warning in events.attrs.get("warnings", []):
        click.echo(f"mapgen: {warning}", err=True)
    return events


def _concat(frames: list[Any]) -> Any:
    import pandas as pd

    from mapgen.schema import conform

    unplaced = [u for f in frames for u in f.attrs.get("unplaced", [])]
    events = conform(pd.concat(frames, ignore_index=True))
    events.attrs["unplaced"] = unplaced
    return events


@cli.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Events table to write: .csv, .geojson or .jsonl [default: CSV on standard output].")
@PUBLISHED
@GAZETTEER
@_errors
def extract(inputs: tuple[Path, ...], output: Path | None, published: str | None,
            gazetteers: tuple[Path, ...]) -> None:
    """Extract dated, sourced, placed events from articles (.txt, .md, .html files or folders).

    The same event reported by several articles becomes one row listing every source.
    Review the table (fix a place, delete a row), then map it with ``mapgen build``.
    """
    from mapgen.io import WRITE_FORMATS, write_events

    if output is not None and output.suffix.lower() not in WRITE_FORMATS:
        raise click.UsageError(f"{output}: use a .csv, .geojson or .jsonl file")
    events = _extract(list(inputs), published, gazetteers)
    placed = int(events.geometry.notna().sum())
    click.echo(f"mapgen: extracted {len(events)} events ({placed} placed)", err=True)
    if output is None:
        from mapgen.schema import COLUMNS

        click.echo(events[[c for c in COLUMNS if c != "geometry"]].to_csv(index=False, lineterminator="\n"), nl=False)
        return
    write_events(events, output)
    click.echo(str(output))


MENTION_COLUMNS = ("source", "start", "end", "text", "name", "latitude", "longitude", "geonameid",
                   "country_code", "feature", "admin1", "score")


@cli.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the mentions to a .csv, .json or .jsonl file [default: a table on standard output].")
@click.option("--country", help="Hint: the country the texts are about (name or ISO code).")
@click.option("--demonyms", is_flag=True, help="Also list demonyms (Georgian, Ossetian) with their country.")
@GAZETTEER
@_errors
def geoparse(inputs: tuple[Path, ...], output: Path | None, country: str | None, demonyms: bool,
             gazetteers: tuple[Path, ...]) -> None:
    """Find and place every place name in articles (.txt, .md, .html files or folders)."""
    import csv
    import io
    import json

    from mapgen._atomic import atomic_writer
    from mapgen.geocode import OfflineGazetteer
    from mapgen.geoparse import geoparse as parse
    from mapgen.io.articles import article_paths, read_article

    gazetteer = _geocoder("offline", gazetteers) if gazetteers else OfflineGazetteer.default()
    rows = []
    for path in article_paths(list(inputs)):
        article = read_article(path)
        for toponym in parse(article.text, context={"country": country} if country else None,
                             gazetteer=gazetteer, demonyms=demonyms):
            rows.append({"source": str(path), **{k: v for k, v in toponym.as_dict().items()
                                                   if k in MENTION_COLUMNS}})
    if output is None:
        click.echo("\t".join(MENTION_COLUMNS))
        for row in rows:
            click.echo("\t".join("" if row[c] is None else " ".join(str(row[c]).split()) for c in MENTION_COLUMNS))
        return
    suffix = output.suffix.lower()
    if suffix not in (".csv", ".json", ".jsonl"):
        raise click.UsageError(f"{output}: use a .csv, .json or .jsonl file")
    with atomic_writer(output) as handle:
        if suffix == ".csv":
            buffer = io.StringIO()
            writer = csv.DictWriter(buffer, fieldnames=MENTION_COLUMNS, lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
            handle.write(buffer.getvalue())
        elif suffix == ".jsonl":
            handle.writelines(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
        else:
            json.dump(rows, handle, ensure_ascii=False, indent=1)
    click.echo(str(output))


def main() -> None:
    """Entry point of the ``mapgen`` console script."""
    cli(prog_name="mapgen")
