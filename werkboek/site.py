"""Facts about the site's pages that macros and hooks share, from the docs folder and the URL scheme passed in
explicitly (``directory_urls``: MkDocs' ``use_directory_urls``), never from a site engine's objects: which page holds
each chapter, the URL a Markdown source is written to, and relative links between them."""
from __future__ import annotations

import posixpath
import re
from pathlib import Path

CHAPTER_FILE = re.compile(r"^(\d{2})-[a-z0-9-]+\.md$")
KENNISBRONNEN = "kennisbronnen/index.md"  # chapter 12
BOOK = "downloads/werkboek.pdf"  # where the site holds the book (werkboek/book/build.py makes it)


def chapter_sources(docs_dir: Path) -> dict[int, str]:
    """Chapter number → its Markdown source, from the file names in docs/ (01-inleiding.md … 11-…; chapter 12 is
    kennisbronnen/index.md). The first file in name order wins when two share a number."""
    docs = Path(docs_dir)
    pages: dict[int, str] = {}
    for path in sorted(docs.glob("*.md")):
        if (m := CHAPTER_FILE.match(path.name)) and int(m.group(1)) not in pages:
            pages[int(m.group(1))] = path.name
    if (docs / KENNISBRONNEN).is_file():
        pages.setdefault(12, KENNISBRONNEN)
    return pages


def page_url(src_uri: str, directory_urls: bool) -> str:
    """The URL a Markdown source is written to: ``x.md`` → ``x.html``, or with directory URLs ``x/`` (``index.md``
    → ``""``), as MkDocs writes it."""
    src = src_uri.removesuffix(".md")
    if directory_urls:
        return "" if src == "index" else (src.removesuffix("index") if src.endswith("index") else src + "/")
    return src + ".html"


def relative_url(url: str, other: str) -> str:
    """``url`` relative to the page at ``other`` (both site paths; ``other``'s last part is a file when it holds a
    dot). Same result as MkDocs' ``get_relative_url``."""
    directory, _, name = other.rpartition("/")
    if "." in name:
        other = directory
    here, there = _parts(other), _parts(url)
    common = 0
    for a, b in zip(here, there):
        if a != b:
            break
        common += 1
    rel = "/".join([".."] * (len(here) - common) + there[common:]) or "."
    return rel + "/" if url.endswith("/") else rel


def _parts(path: str) -> list[str]:
    path = posixpath.normpath(path if path.startswith("/") else "/" + path)[1:]
    return path.split("/") if path else []


# What the build hooks hand on to the macros, in the config's ``extra`` (any mapping with ``get``).
LOKAAL = "lokaal"


def gemeente_settings(config):
    """The gemeente's settings (see werkboek.gemeente.model), or None upstream."""
    return (config.get("extra") or {}).get(LOKAAL)
