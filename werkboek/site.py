"""Facts about the site that macros and hooks share, derived from the MkDocs config (never typed twice)."""
from __future__ import annotations

import re

CHAPTER_FILE = re.compile(r"^(\d{2})-[a-z0-9-]+\.md$")


def chapter_pages(config) -> dict[int, str]:
    """Chapter number → its page's URL, from the nav file names (01-inleiding.md … 11-…; 12 = kennisbronnen)."""
    pages = {}
    for entry in _nav_files(config.get("nav") or []):
        name = entry.rsplit("/", 1)[-1]
        if m := CHAPTER_FILE.match(name):
            pages[int(m.group(1))] = _url(config, entry)
        elif entry == "kennisbronnen/index.md":
            pages[12] = _url(config, entry)
    return pages


def page_url_of(config, src_uri: str) -> str:
    """The URL of a Markdown source, as MkDocs will write it."""
    return _url(config, src_uri)


def _url(config, src: str) -> str:
    src = src.removesuffix(".md")
    if config.get("use_directory_urls"):
        return "" if src == "index" else (src.removesuffix("index") if src.endswith("index") else src + "/")
    return src + ".html"


def _nav_files(nav):
    for item in nav:
        if isinstance(item, str):
            yield item
        elif isinstance(item, dict):
            for value in item.values():
                yield from (_nav_files(value) if isinstance(value, list) else [value])


def local_settings(config):
    """The gemeente's settings (see werkboek.lokaal), or None upstream."""
    return config.extra.get("lokaal") if config.get("extra") is not None else None
