"""Event extraction: from news text to dated, sourced, geolocated events.

The stage in pieces, each usable alone: :func:`split_sentences`, :func:`classify`
(ACLED types), :mod:`~mapgen.extract.dates`, :mod:`~mapgen.extract.counts`,
:mod:`~mapgen.extract.roles` (actors, claims, denials), :func:`extract_events` (one
text), :func:`extract_articles` (files and folders) and :func:`merge_events` (the same
event from several articles).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from mapgen.extract.classify import classify
from mapgen.extract.events import extract_events, extract_many
from mapgen.extract.merge import merge_events
from mapgen.extract.sentences import split_sentences

if TYPE_CHECKING:
    import geopandas as gpd

    from mapgen.geocode.gazetteer import OfflineGazetteer

__all__ = ["classify", "extract_articles", "extract_events", "extract_many", "merge_events", "split_sentences"]


def extract_articles(paths: str | Path | Sequence[str | Path], *, published: str | date | None = None,
                     gazetteer: OfflineGazetteer | None = None, merge: bool = True) -> gpd.GeoDataFrame:
    """Events of every article named (.txt, .md, .html; folders are searched), merged across articles.

    Each article's date is ``published`` if given, else its front matter or HTML
    <meta>, a dateline, or its file name. When none is found, dates the text states
    outright are kept and the others left empty; the frame's ``attrs["warnings"]``
    says which files had no date.
    """
    from mapgen.extract.dates import document_date, parse_published
    from mapgen.io.articles import article_paths, read_article

    items = [Path(paths)] if isinstance(paths, (str, Path)) else [Path(p) for p in paths]
    given = parse_published(published)
    texts, days, sources, offsets = [], [], [], {}
    warnings: list[str] = []
    for path in article_paths(items):
        article = read_article(path)
        day = given
        if day is None:
            day, _where = document_date(article.text, meta=article.meta, filename=path.name)
        if day is None:
            warnings.append(f"{path}: no publication date found (give --published, front matter 'date:', or a "
                            "date in the file name); only dates the text states outright are used")
        texts.append(article.text)
        days.append(day)
        sources.append(str(path))
        offsets[str(path)] = article.offset or 0
    events = extract_many(texts, published=days, sources=sources, gazetteer=gazetteer)
    if any(offsets.values()) and len(events):  # char offsets count from the top of the file, front matter included
        events["source"] = [_shifted(s, offsets) for s in events["source"]]
    if merge and len(events):
        events = merge_events(events)
    events.attrs["warnings"] = warnings
    return events


def _shifted(source: str, offsets: dict[str, int]) -> str:
    """``a.md#char=5,9`` moved by the length of a.md's front matter."""
    name, _, span = source.rpartition("#char=")
    start, _, end = span.partition(",")
    shift = offsets.get(name, 0)
    return f"{name}#char={int(start) + shift},{int(end) + shift}" if shift else source
