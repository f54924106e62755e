"""Render: events to a layered, self-contained HTML map (folium/Leaflet)."""

from mapgen.render.build import build_map, render_html, save_map

__all__ = ["build_map", "render_html", "save_map"]
