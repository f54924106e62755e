"""The browser assets a map needs, as data: inlined into the page or linked from a CDN.

Leaflet and Leaflet.PolylineDecorator are vendored from exact npm versions (see
``vendor/assets.lock.json`` and ``scripts/fetch_assets.py``); mapgen's own runtime
(``templates/mapgen.js`` and ``mapgen.css``) is always inlined.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from dataclasses import dataclass
from functools import cache
from typing import Final, Literal

from mapgen._resources import assets

CDN: Final = "https://cdn.jsdelivr.net/npm"


@dataclass(frozen=True, slots=True)
class Asset:
    """One JS or CSS file of an npm package."""

    package: str
    path: str
    kind: Literal["js", "css"]


#: In load order.
ASSETS: Final = (
    Asset("leaflet", "dist/leaflet.css", "css"),
    Asset("leaflet", "dist/leaflet.js", "js"),
    Asset("leaflet-polylinedecorator", "dist/leaflet.polylineDecorator.js", "js"),
)


@cache
def lock() -> dict[str, dict]:
    """The asset lock, keyed by package name."""
    data = json.loads(assets().joinpath("assets.lock.json").read_text(encoding="utf-8"))
    return {p["name"]: p for p in data["packages"]}


def _read(package: str, path: str) -> bytes:
    data = assets().joinpath(package, path).read_bytes()
    expected = lock()[package]["files"][path]
    if hashlib.sha256(data).hexdigest() != expected:
        raise RuntimeError(f"vendored asset {package}/{path} does not match assets.lock.json; "
                           "reinstall mapgen or run scripts/fetch_assets.py")
    return data


@cache
def inline_text(asset: Asset) -> str:
    """The file's text, with CSS images turned into data: URIs so nothing is fetched."""
    text = _read(asset.package, asset.path).decode("utf-8")
    if asset.kind == "css":
        folder = asset.path.rsplit("/", 1)[0]

        def data_uri(match: re.Match[str]) -> str:
            image = _read(asset.package, f"{folder}/{match[1]}")
            return f"url(data:image/png;base64,{base64.b64encode(image).decode()})"

        text = re.sub(r"url\((images/[\w.-]+\.png)\)", data_uri, text)
    if "</script" in text.lower() or "</style" in text.lower():
        raise RuntimeError(f"{asset.path} cannot be inlined safely")
    return text


def cdn_url(asset: Asset) -> tuple[str, str]:
    """The CDN address of the asset and its subresource-integrity hash."""
    version = lock()[asset.package]["version"]
    digest = hashlib.sha384(_read(asset.package, asset.path)).digest()
    return f"{CDN}/{asset.package}@{version}/{asset.path}", "sha384-" + base64.b64encode(digest).decode()


@cache
def runtime(kind: Literal["js", "css"]) -> str:
    """mapgen's own map runtime (always inlined)."""
    from importlib.resources import files

    return files("mapgen.render").joinpath("templates", f"mapgen.{kind}").read_text(encoding="utf-8")
