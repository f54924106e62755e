"""mapgen's exceptions: one tree, messages that name the input and the fix.

Every error mapgen raises on purpose derives from :class:`MapgenError`; the CLI turns
them into a one-line message and a non-zero exit code. Subclasses also inherit the
built-in they resemble, so ``except ValueError`` keeps working for library users.
"""

from __future__ import annotations

from pathlib import Path


class MapgenError(Exception):
    """Root of every error mapgen raises on purpose."""


class InputError(MapgenError, ValueError):
    """An input file or value cannot be used; the message names the file and the problem.

    >>> str(InputError("no events", source="events.csv"))
    'events.csv: no events'
    """

    def __init__(self, message: str, *, source: str | Path | None = None) -> None:
        self.source = str(source) if source is not None else None
        self.problem = message
        super().__init__(f"{self.source}: {message}" if self.source else message)


class UnknownFormatError(InputError):
    """The input is not one of the formats mapgen reads."""


class OutputError(MapgenError, OSError):
    """An output file cannot be written."""


class GeocoderError(MapgenError, LookupError):
    """A geocoder is unknown or cannot be used."""
