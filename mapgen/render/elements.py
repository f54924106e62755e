"""The branca/folium elements of a mapgen map: assets, event layers, legend, title, panels.

Data reaches the page only as JSON inside ``<script>``, escaped so that no input can
close the script or inject markup; the runtime (``templates/mapgen.js``) turns it into
DOM nodes with ``textContent``.
"""

from __future__ import annotations

import json
from typing import Any

from branca.element import Element, Figure, MacroElement
from folium.map import Layer
from jinja2 import Template

from mapgen.render import assets as _assets

_JS_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def to_js(value: Any) -> str:
    """JSON for a ``<script>`` block: deterministic, and inert whatever the strings hold.

    >>> to_js({"q": "</script><b>"})
    '{"q":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e"}'
    """
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False)
    for char, escape in _JS_ESCAPES.items():
        text = text.replace(char, escape)
    return text


class Assets(MacroElement):
    """Puts Leaflet, its plugin and mapgen's runtime in the page header, inlined or linked."""

    def __init__(self, *, cdn: bool = False) -> None:
        super().__init__()
        self._name = "MapgenAssets"
        self.cdn = cdn

    def render(self, **kwargs: Any) -> None:
        figure = self.get_root()
        assert isinstance(figure, Figure), "Assets must be added to a map in a Figure"
        for number, asset in enumerate(_assets.ASSETS):
            if self.cdn:
                url, integrity = _assets.cdn_url(asset)
                tag = (f'<link rel="stylesheet" href="{url}" integrity="{integrity}" crossorigin="anonymous"/>'
                       if asset.kind == "css" else
                       f'<script src="{url}" integrity="{integrity}" crossorigin="anonymous"></script>')
            else:
                text = _assets.inline_text(asset)
                tag = f"<style>{text}</style>" if asset.kind == "css" else f"<script>{text}</script>"
            figure.header.add_child(Element(tag), name=f"mapgen_asset_{number}")
        figure.header.add_child(Element(f"<style>{_assets.runtime('css')}</style>"), name="mapgen_css")
        figure.header.add_child(Element(f"<script>{_assets.runtime('js')}</script>"), name="mapgen_js")
        super().render(**kwargs)


class EventLayer(Layer):
    """One toggleable overlay holding every drawable event of one category."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            var {{ this.get_name() }} = mapgen.layer({{ this.spec_js }});
        {% endmacro %}
        """
    )

    def __init__(self, spec: dict[str, Any]) -> None:
        count = len(spec["features"])
        # The layer control doubles as the legend: icon, name and count (our own markup and text).
        label = f'<span class="mapgen-swatch">{spec["icon"]}</span>{spec["label"]} ({count})'
        super().__init__(name=label, overlay=True, control=True, show=True)
        self._name = "EventLayer"
        self.category = spec["category"]
        self.spec_js = to_js(spec)


class Call(MacroElement):
    """A call ``mapgen.<function>(map, spec)`` of the runtime, with JSON data."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            mapgen.{{ this.function }}({{ this._parent.get_name() }}, {{ this.spec_js }});
        {% endmacro %}
        """
    )

    def __init__(self, function: str, spec: dict[str, Any]) -> None:
        super().__init__()
        self._name = f"Mapgen{function.title()}"
        self.function = function
        self.spec_js = to_js(spec)
