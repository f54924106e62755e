"""Shared fixtures. Tests read ../shared when it is there and skip cleanly when not."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "georgia-2008" / "events.csv"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def example_path() -> Path:
    return EXAMPLE


@pytest.fixture(scope="session")
def example_events():
    from mapgen import read_events

    return read_events(EXAMPLE)


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside the checkout")
    return SHARED


def write(path: Path, text: str | bytes) -> Path:
    """Write a small input file for a test."""
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path
