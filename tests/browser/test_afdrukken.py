"""Printing a page of the site from the browser, with its worksheets filled in: no heading is the last thing on a
printed page (it stays with what follows), no form field shows a resize grip, and the buttons that only work on a
screen are not printed. Every page of the built site, headings taken from the page itself."""
from __future__ import annotations

import re
import subprocess

import pytest

from quality_helpers import DESKTOP, html_pages, new_page

pytestmark = [pytest.mark.browser, pytest.mark.slow]

HEADINGS = ("h1, h2, h3, h4, .werkblad__kop, .werkblad .blok__titel, .werkblad legend, .werkblad .groep__titel, "
            ".werkblad .vraag__tekst, .werkblad .sector__vraag, .werkblad .kolom__kop, .werkblad .sectoren__kop")
FILL = """form => Array.from(form.elements).forEach((el, n) => {
    if (!el.name || el.type === 'button') return;
    if (el.type === 'checkbox' || el.type === 'radio') el.checked = true;
    else el.value = el.tagName === 'TEXTAREA' ? 'Antwoord ' + n + ' é ë €\\ntweede regel\\nderde regel' : 'Antwoord ' + n;
    el.dispatchEvent(new Event('input', {bubbles: true})); })"""


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="module")
def printed(browser, server, built_site) -> dict[str, tuple[list[str], list[str], list[str]]]:
    """page → (text of each printed page, heading texts, fields with a resize grip in print)."""
    out = {}
    with new_page(browser, DESKTOP) as page:
        for url in html_pages(built_site):
            page.goto(f"{server}/{url}", wait_until="load")
            for form in page.locator("form.werkblad").all():
                form.evaluate(FILL)
            page.emulate_media(media="print")
            headings = [_norm(t) for t in page.eval_on_selector_all(HEADINGS, "els => els.map(e => e.innerText)")]
            grips = page.eval_on_selector_all(
                ".werkblad textarea, .werkblad input",
                "els => els.filter(e => getComputedStyle(e).resize !== 'none').map(e => e.name)")
            shown = page.eval_on_selector_all(
                "[data-actie], .werkblad__bewaren, .werkblad__download",
                "els => els.filter(e => e.getClientRects().length).map(e => e.className || e.dataset.actie)")
            text = subprocess.run(["pdftotext", "-", "-"], input=page.pdf(format="A4"), capture_output=True,
                                  check=True).stdout.decode("utf-8")
            out[url] = (text.split("\f")[:-1], [h for h in headings if h], grips + shown)
            page.emulate_media(media="screen")
    return out


def test_no_heading_is_the_last_line_of_a_printed_page(printed):
    stranded = []
    for url, (pages, headings, _) in printed.items():
        for number, text in enumerate(pages[:-1], start=1):
            lines = [_norm(line) for line in text.splitlines() if _norm(line)]
            if not lines:
                continue
            last, two = lines[-1], " ".join(lines[-2:])
            # the heading itself, or the last two lines of a heading that wraps
            if any(h == last or (len(lines) > 1 and h.endswith(two) and h != two) or h == two for h in headings):
                stranded.append(f"{url} p. {number}: '{last}'")
    assert not stranded, "kop als laatste regel van een afgedrukte pagina:\n" + "\n".join(stranded)


def test_printed_fields_have_no_resize_grip_and_no_screen_buttons(printed):
    found = {url: extra for url, (_, _, extra) in printed.items() if extra}
    assert not found, f"in de afdruk: sleepgrepen of knoppen voor het scherm: {found}"
