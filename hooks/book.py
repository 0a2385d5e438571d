"""The whole werkboek as one PDF (downloads/werkboek.pdf), from the same rendered HTML as the site: every page's
content is collected while the site builds (after every other hook changed it), and once the pages are written
werkboek/book.py assembles it in nav order and renders it, cached by a hash of that HTML (a build without changes
reuses it). The book can only exist after the pages render, so the "Training geven" page, which rendered before,
gets the book's pages and size filled in here. One progress line."""
from __future__ import annotations

import logging
import re
import time
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from werkboek.book import BookPage, assemble, build_book
from werkboek.loader import DataError
from werkboek.pdf import source_date
from werkboek.site import local_settings

log = logging.getLogger("mkdocs.hooks.book")
TARGET = "downloads/werkboek.pdf"
MARKER = re.compile(r"(<span\b[^>]*\bdata-werkboek-pdf\b[^>]*>)(.*?)(</span>)", re.S)

_state: dict = {}


def on_config(config):
    _state.clear()
    _state.update(order=[], pages={})
    return config


def on_nav(nav, config, files):
    _state["order"] = [page.file.src_uri for page in nav.pages]
    return nav


@event_priority(-100)
def on_page_content(html, page, config, files):
    _state["pages"][page.file.src_uri] = BookPage(page.file.src_uri, page.url, html)
    return html


@event_priority(50)
def on_post_build(config):
    collected = _state.get("pages", {})
    pages = [collected[src] for src in _state.get("order", []) if src in collected]
    if not pages:
        return
    if len(pages) < len(_state["order"]):  # `serve --dirty` rebuilds only changed pages: the book would be partial
        log.info(f"werkboek {TARGET}: niet opnieuw gemaakt, niet alle pagina's zijn opnieuw opgebouwd")
        return
    site_dir = Path(config.site_dir)
    title = config.site_name
    started = time.perf_counter()
    try:
        html = assemble(pages, title, config.site_description or "", config.copyright or "", site_dir,
                        local_settings(config))
        cache = Path(config.config_file_path).parent / ".cache" / "boek"
        cache.mkdir(parents=True, exist_ok=True)
        (cache / "werkboek.html").write_text(html, encoding="utf-8")  # the book's source, to inspect
        info = build_book(html, site_dir / TARGET, cache / "opslag", title, source_date(),
                          "Afdrukversie van het hele werkboek")
    except DataError as exc:
        raise PluginError(f"werkboek.pdf: {exc}") from None
    log.info(f"werkboek {TARGET}: {info.label} ({'gemaakt' if info.status == 'gemaakt' else 'ongewijzigd'}, "
             f"{time.perf_counter() - started:.1f} s)")
    for page in pages + [p for src, p in collected.items() if src not in _state["order"]]:
        if "data-werkboek-pdf" not in page.html:
            continue
        path = site_dir / page.url
        if path.is_file():
            text = path.read_text(encoding="utf-8")
            path.write_text(MARKER.sub(lambda m: f"{m.group(1)}({info.label}){m.group(3)}", text), encoding="utf-8")
