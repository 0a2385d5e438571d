"""Shared by the quality tests in this folder: the pages of a built site, the viewports, and browser contexts."""
from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
VIEWPORTS = {"desktop": DESKTOP, "phone": PHONE}

# Transitions off: the tests look at the end state of what focus or a click shows, not halfway through it.
NO_TRANSITIONS = "*, *::before, *::after { transition: none !important; animation: none !important; }"


def html_pages(site: Path) -> list[str]:
    """Every HTML page of the site, relative to it (posix), sorted."""
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))


@contextmanager
def new_page(browser, viewport: dict, color_scheme: str = "light"):
    context = browser.new_context(viewport=viewport, locale="nl-NL", color_scheme=color_scheme)
    try:
        yield context.new_page()
    finally:
        context.close()
