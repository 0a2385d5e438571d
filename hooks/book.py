"""The whole werkboek as one PDF (downloads/werkboek.pdf), from the same rendered HTML as the site: every page's
content is collected while the site builds (after every other hook changed it), and once the pages are written
werkboek/book.py assembles it in nav order and renders it, cached by a hash of that HTML (a build without changes
reuses it). The book can only exist after the pages render, so the "Training geven" page, which rendered before,
gets the book's pages and size filled in here. One progress line.

Under `mkdocs serve` a changed book never holds up the reload (werkboek/background.py): the pages are served at
once with the most recent book made before, and the new one replaces it, with its label on the "Training geven"
page, when it is ready (a log line says so). `mkdocs build` always waits for it."""
from __future__ import annotations

import logging
import re
import time
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from werkboek import background
from werkboek.book import BookPage, assemble, build_book, finished_path, latest_finished, publish
from werkboek.loader import DataError
from werkboek.pdf import source_date
from werkboek.site import local_settings
from werkboek.werkblad_html import book_forms

log = logging.getLogger("mkdocs.hooks.book")
TARGET = "downloads/werkboek.pdf"
SUBJECT = "Afdrukversie van het hele werkboek"
MARKER = re.compile(r"(<span\b[^>]*\bdata-werkboek-pdf\b[^>]*>)(.*?)(</span>)", re.S)

_state: dict = {}


def on_startup(command, dirty):
    background.serving(command)


def on_pre_build(config):
    if background.serving():
        background.new_build()  # stop making the previous version's book: its text is out of date


def on_config(config):
    _state.clear()
    _state.update(order=[], pages={})
    return config


def on_nav(nav, config, files):
    _state["order"] = [page.file.src_uri for page in nav.pages]
    return nav


@event_priority(-100)
def on_page_content(html, page, config, files):
    try:
        content = book_forms(html, page.file.src_uri)
    except ValueError as exc:
        raise PluginError(str(exc)) from None
    _state["pages"][page.file.src_uri] = BookPage(page.file.src_uri, page.url, content)
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
        store, epoch = cache / "opslag", source_date()
        args = (html, site_dir / TARGET, store, title, epoch, SUBJECT)
        if background.serving() and not finished_path(html, store, title, epoch, SUBJECT).exists():
            _later(args, pages + _others(collected), site_dir, started)
            return
        info = build_book(*args)
    except DataError as exc:
        raise PluginError(f"werkboek.pdf: {exc}") from None
    log.info(f"werkboek {TARGET}: {info.label} ({'gemaakt' if info.status == 'gemaakt' else 'ongewijzigd'}, "
             f"{time.perf_counter() - started:.1f} s)")
    _fill_labels(pages + _others(collected), site_dir, info.label)


def _others(collected: dict) -> list[BookPage]:
    return [p for src, p in collected.items() if src not in _state["order"]]


def _fill_labels(pages: list[BookPage], site_dir: Path, label: str) -> None:
    """The book's pages and size where a page mentions it (data-werkboek-pdf)."""
    for page in pages:
        if "data-werkboek-pdf" not in page.html:
            continue
        path = site_dir / page.url
        if path.is_file():
            text = path.read_text(encoding="utf-8")
            path.write_text(MARKER.sub(lambda m: f"{m.group(1)}({label}){m.group(3)}", text), encoding="utf-8")


def _later(args: tuple, pages: list[BookPage], site_dir: Path, started: float) -> None:
    """`mkdocs serve`: publish the previous book now, make the new one in the background (see the module text)."""
    html, target, store = args[0], args[1], args[2]
    previous = latest_finished(store)
    if previous is not None:
        info = publish(previous.read_bytes(), target, "vorige")
        _fill_labels(pages, site_dir, info.label)
    log.info(f"werkboek {TARGET}: wordt op de achtergrond bijgewerkt"
             + (" (tot dan de vorige versie)" if previous is not None else ""))

    def step(current) -> None:
        scratch = store.parent / "serve-werkboek.pdf"
        info = background.in_child(current, build_book, html, scratch, *args[2:])
        with background.publishing(current) as ok:
            if ok:
                info = publish(scratch.read_bytes(), target, info.status)
                _fill_labels(pages, site_dir, info.label)
                log.info(f"werkboek {TARGET}: {info.label} (bijgewerkt op de achtergrond, "
                         f"{time.perf_counter() - started:.1f} s)")

    background.later(step)
