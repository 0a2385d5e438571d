"""Shared by the quality tests in this folder: the pages of a built site, the viewports, and browser contexts."""
from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

from conftest import scripts_awaited

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
VIEWPORTS = {"desktop": DESKTOP, "phone": PHONE}

# Transitions off: the tests look at the end state of what focus or a click shows, not halfway through it.
NO_TRANSITIONS = "*, *::before, *::after { transition: none !important; animation: none !important; }"

# A worksheet is laid out only when it comes near the screen (content-visibility in werkboek.css); until then what is
# in it has no box, no rendered text (innerText) and counts as not visible. A test looks at a sheet as a reader
# does: it goes there first (reach), or, to check every sheet at once, has them all laid out (ALL_SHEETS_LAID_OUT).
ALL_SHEETS_LAID_OUT = "form.werkblad { content-visibility: visible !important; }"


def reach(locator) -> None:
    """Scroll to what the locator finds, as a reader does, and wait until it is laid out and shown."""
    locator.scroll_into_view_if_needed()
    locator.page.wait_for_function("el => el.checkVisibility({contentVisibilityAuto: true})",
                                   arg=locator.element_handle())


def html_pages(site: Path) -> list[str]:
    """Every HTML page of the site, relative to it (posix), sorted."""
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))


@contextmanager
def new_page(browser, viewport: dict, color_scheme: str = "light"):
    context = browser.new_context(viewport=viewport, locale="nl-NL", color_scheme=color_scheme)
    try:
        yield scripts_awaited(context.new_page())
    finally:
        context.close()
