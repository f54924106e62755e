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
from typing import TYPE_CHECKING, Any

from mapgen.extract.classify import classify
from mapgen.extract.events import extract_events
from mapgen.extract.merge import merge_events
from mapgen.extract.sentences import split_sentences

if TYPE_CHECKING:
    import geopandas as gpd

    from mapgen.geocode.gazetteer import OfflineGazetteer

__all__ = ["classify", "extract_articles", "extract_events", "merge_events", "split_sentences"]


def extract_articles(paths: str | Path | Sequence[str | Path], *, published: str | date | None = None,
                     gazetteer: OfflineGazetteer | None = None, merge: bool = True) -> gpd.GeoDataFrame:
    """Events of every article named (.txt, .md, .html; folders are searched), merged across articles.

    Each article's date is ``published`` if given, else its front matter or HTML
    <meta>, a dateline, or its file name. When none is found, dates the text states
    outright are kept and the others left empty; the frame's ``attrs["warnings"]``
    says which files had no date.
    """
    import pandas as pd

    from mapgen.extract.dates import document_date, parse_published
    from mapgen.io.articles import article_paths, read_article
    from mapgen.schema import conform, empty_events

    items = [Path(paths)] if isinstance(paths, (str, Path)) else [Path(p) for p in paths]
    given = parse_published(published)
    frames = []
    warnings: list[str] = []
    for path in article_paths(items):
        article = read_article(path)
        day = given
        if day is None:
            day, _where = document_date(article.text, meta=article.meta, filename=path.name)
        if day is None:
            warnings.append(f"{path}: no publication date found (give --published, front matter 'date:', or a "
                            "date in the file name); only dates the text states outright are used")
        found = extract_events(article.text, published=day, source=str(path), gazetteer=gazetteer)
        if article.offset:  # char offsets count from the top of the file, front matter included
            found["source"] = found["source"].str.replace(r"#char=(\d+),(\d+)$", _shifted(article.offset), regex=True)
        frames.append(found)
    frames = [f for f in frames if len(f)]
    events = conform(pd.concat(frames, ignore_index=True)) if frames else empty_events()
    if merge and len(events):
        events = merge_events(events)
    events.attrs["warnings"] = warnings
    return events


def _shifted(offset: int) -> Any:
    """A replacement for ``#char=a,b`` that adds ``offset`` to both ends."""
    return lambda m: f"#char={int(m[1]) + offset},{int(m[2]) + offset}"
