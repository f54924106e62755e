"""Read news articles (plain text, Markdown, HTML) into text that geoparsing and extraction use.

Offsets reported downstream are offsets into :attr:`Article.text`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from mapgen.errors import InputError

ARTICLE_SUFFIXES = {".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown",
                    ".html": "html", ".htm": "html"}
_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.S)
#: Largest article read (bytes); bigger files are refused with a clear message.
MAX_BYTES = 20_000_000


@dataclass(frozen=True, slots=True)
class Article:
    """The text of one article and what its file says about it."""

    text: str
    source: str
    title: str | None = None
    meta: dict[str, str] = field(default_factory=dict)  # front matter or HTML <meta> (e.g. date)
    #: Characters of the file before ``text`` (front matter), so offsets can point into the file;
    #: None for HTML, whose text is not a slice of the file.
    offset: int | None = 0


def read_article(path: str | Path) -> Article:
    """The text of a .txt, .md or .html file (HTML reduced to its readable text).

    >>> import tempfile, os
    >>> f = tempfile.NamedTemporaryFile("w", suffix=".html", delete=False)
    >>> _ = f.write("<html><head><title>T</title><script>x()</script></head><body><p>Gori &amp; Kareli</p>"); f.close()
    >>> read_article(f.name).text, read_article(f.name).title; os.unlink(f.name)
    ('Gori & Kareli', 'T')
    """
    source = Path(path)
    if not source.exists():
        raise InputError("no such file", source=source)
    if source.is_dir():
        raise InputError("is a folder; give the files in it", source=source)
    data = source.read_bytes()
    if len(data) > MAX_BYTES:
        raise InputError(f"is {len(data):,} bytes, over the {MAX_BYTES:,} limit for one article", source=source)
    if not data.strip():
        raise InputError("is empty", source=source)
    if b"\x00" in data[:8192]:
        raise InputError("is binary, not a text, Markdown or HTML article", source=source)
    try:
        raw = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise InputError(f"is not UTF-8 text (bad byte at offset {err.start}); save it as UTF-8",
                         source=source) from None
    kind = ARTICLE_SUFFIXES.get(source.suffix.lower()) or ("html" if raw.lstrip()[:1] == "<" else "text")
    if kind == "html":
        parser = _TextOfHtml()
        parser.feed(raw)
        parser.close()
        return Article(parser.text(), str(source), parser.title, parser.meta, offset=None)
    meta: dict[str, str] = {}
    offset = 0
    if match := _FRONT_MATTER.match(raw):
        offset = match.end()
        for line in match[1].splitlines():
            key, sep, value = line.partition(":")
            if sep and key.strip():
                meta[key.strip().lower()] = value.strip().strip("\"'")
        raw = raw[match.end():]
    title = meta.get("title") or next((line.lstrip("# ").strip() for line in raw.splitlines() if line.strip()), None)
    return Article(raw, str(source), title, meta, offset=offset)


_BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article", "header",
           "blockquote", "pre", "table", "ul", "ol", "dd", "dt", "figcaption"}
#: Not the article's text: code, and a page's navigation, sidebars ("Related: ..."), footers and forms.
_SKIP = {"script", "style", "noscript", "template", "svg", "head", "nav", "aside", "footer", "form", "button",
         "select", "iframe", "menu", "dialog"}


class _TextOfHtml(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0
        self.in_title = False
        self.title: str | None = None
        self.meta: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self.in_title = True
        elif tag == "meta":
            values = dict(attrs)
            key = values.get("property") or values.get("name") or values.get("itemprop")
            if key and values.get("content"):
                self.meta[key.lower()] = values["content"] or ""
        if tag in _SKIP:
            self.skip += 1
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title = (self.title or "") + data.strip()
        elif not self.skip:
            self.parts.append(data)

    def text(self) -> str:
        text = re.sub(r"[ \t\r\f\v]+", " ", "".join(self.parts))
        text = re.sub(r" *\n *", "\n", text)
        return re.sub(r"\n{3,}", "\n\n", text).strip()


def article_paths(inputs: list[Path]) -> list[Path]:
    """The article files named, with folders expanded to the articles inside them (sorted)."""
    out: list[Path] = []
    for path in inputs:
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES)
            if not found:
                raise InputError("holds no .txt, .md or .html articles", source=path)
            out.extend(found)
        else:
            out.append(path)
    return out
