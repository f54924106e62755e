"""How each event category looks on the map: label, colour and icon.

Colours follow the Okabe-Ito palette (distinguishable with the common forms of colour
blindness); icons are small SVG glyphs of our own, drawn in white on the colour.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final


@dataclass(frozen=True, slots=True)
class CategoryStyle:
    """The look of one map layer."""

    label: str
    color: str
    glyph: str  # SVG path data in a 24x24 box, drawn in white

    def svg(self, size: int = 26) -> str:
        """The icon as inline SVG: a coloured disc with the white glyph."""
        return (
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="{size}" viewBox="0 0 24 24" '
            f'aria-hidden="true"><circle cx="12" cy="12" r="11" fill="{self.color}" stroke="#fff" '
            f'stroke-width="1.5"/><path d="{self.glyph}" fill="#fff"/></svg>'
        )


STYLES: Final[dict[str, CategoryStyle]] = {
    "strike": CategoryStyle(
        "Strikes and shelling", "#D55E00",
        "M12 4l1.8 4.2 4.4-1.5-1.9 4.2 4 2.3-4.5.8.6 4.6-3.4-3.1L12 20l-1-4.5-3.4 3.1.6-4.6-4.5-.8 "
        "4-2.3-1.9-4.2 4.4 1.5z"),
    "clash": CategoryStyle(
        "Armed clashes", "#882255",
        "M6.4 5L12 10.6 17.6 5 19 6.4 13.4 12 19 17.6 17.6 19 12 13.4 6.4 19 5 17.6 10.6 12 5 6.4z"),
    "troop_movement": CategoryStyle(
        "Troop movements", "#0072B2", "M7 5h4l6 7-6 7H7l6-7z"),
    "displacement": CategoryStyle(
        "Displacement", "#009E73",
        "M12 4a2.2 2.2 0 110 4.4A2.2 2.2 0 0112 4zm-3 5.5h6l1.5 5h-2l-.5 5.5h-4l-.5-5.5h-2z"),
    "civilian_violence": CategoryStyle(
        "Violence against civilians", "#6A3D9A",
        "M10.6 5h2.8l-.5 9h-1.8zm1.4 10.5a1.8 1.8 0 110 3.6 1.8 1.8 0 010-3.6z"),
    "protest": CategoryStyle(
        "Protests and riots", "#E69F00", "M7 4h1.8v16H7zm2.6 1H18l-2.2 3.5L18 12H9.6z"),
    "political": CategoryStyle(
        "Political developments", "#56B4E9", "M12 4l8 4v1.5H4V8zM6 11h2v6H6zm5 0h2v6h-2zm5 0h2v6h-2zM4 18h16v2H4z"),
    "other": CategoryStyle(
        "Other events", "#666666", "M12 8.5a3.5 3.5 0 110 7 3.5 3.5 0 010-7z"),
}
