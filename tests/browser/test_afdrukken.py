"""Printing a page of the site from the browser, with its worksheets filled in: no heading is the last thing on a
printed page (it stays with what follows), no form field shows a resize grip, and the buttons that only work on a
screen are not printed; every worksheet is printed whole. Every page of the built site, headings taken from the page itself."""
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

# A worksheet's title and the answer FILL typed in its last text field: both in the print means the sheet is printed
# whole, down to its end (a sheet that is not laid out until it comes near the screen prints like any other).
LAST_ANSWER = """form => { const n = Array.from(form.elements).map((el, i) => [el, i])
    .filter(([el]) => el.name && el.tagName === 'INPUT' && el.type === 'text').map(([, i]) => i).pop();
    return [form.querySelector('.werkblad__kop').textContent, n === undefined ? '' : 'Antwoord ' + n]; }"""


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="module")
def printed(browser, server, built_site) -> dict[str, tuple[list[str], list[str], list[str], list[tuple[str, str]]]]:
    """page → (text of each printed page, heading texts, fields with a resize grip in print, (title, answer in its
    last text field) of each worksheet)."""
    out = {}
    with new_page(browser, DESKTOP) as page:
        for url in html_pages(built_site):
            page.goto(f"{server}/{url}", wait_until="load")
            sheets = []
            for form in page.locator("form.werkblad").all():
                form.evaluate(FILL)
                sheets.append(form.evaluate(LAST_ANSWER))
            page.emulate_media(media="print")
            headings = [_norm(t) for t in page.eval_on_selector_all(HEADINGS, "els => els.map(e => e.innerText)")]
            grips = page.eval_on_selector_all(
                ".werkblad textarea, .werkblad input",
                "els => els.filter(e => getComputedStyle(e).resize !== 'none').map(e => e.name)")
            shown = page.eval_on_selector_all(
                "[data-actie], .werkblad__bewaren, .werkblad__download, .werkblad__let-op, .werkblad__eerder",
                "els => els.filter(e => e.getClientRects().length).map(e => e.className || e.dataset.actie)")
            text = subprocess.run(["pdftotext", "-", "-"], input=page.pdf(format="A4"), capture_output=True,
                                  check=True).stdout.decode("utf-8")
            out[url] = (text.split("\f")[:-1], [h for h in headings if h], grips + shown, [s for s in sheets if s[1]])
            page.emulate_media(media="screen")
    return out


def test_no_heading_is_the_last_line_of_a_printed_page(printed):
    stranded = []
    for url, (pages, headings, _, _) in printed.items():
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
    found = {url: extra for url, (_, _, extra, _) in printed.items() if extra}
    assert not found, f"in de afdruk: sleepgrepen of knoppen voor het scherm: {found}"


def test_every_worksheet_is_printed_whole(printed):
    missing = []
    for url, (pages, _, _, sheets) in printed.items():
        text = _norm(" ".join(pages))
        missing += [f"{url}: {title} / {answer}" for title, answer in sheets
                    if _norm(title) not in text or not re.search(re.escape(answer) + r"\b", text)]
    assert sum(len(sheets) for *_, sheets in printed.values()) >= 10, "te weinig werkbladen gevonden om te controleren"
    assert not missing, "werkblad niet (helemaal) afgedrukt:\n" + "\n".join(missing)
