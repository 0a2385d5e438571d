"""A gemeente at the limits (tests/fixtures/gemeente-grenzen): every value at its maximum length, full of Markdown,
entity-encoded script links, quotes, &, accents, ĳ and long words without spaces. The build accepts it; the site
shows every value as plain text (checked in the HTML and in Chromium: no script runs, no link but the allowed
ones); every PDF keeps its number of pages and nothing overprints."""
from __future__ import annotations

import html
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import ROOT, copy_project, mkdocs_build, scripts_awaited
from pypdf import PdfReader

from werkboek.gemeente.characters import MAXIMA
from werkboek.gemeente.load import load_gemeente
from werkboek.gemeente.logo import check_logo

pytestmark = pytest.mark.slow

GRENZEN = "tests/fixtures/gemeente-grenzen/gemeente.yml"
VIJANDIG = ROOT / "tests" / "fixtures" / "gemeente-vijandig" / "logos"


@pytest.fixture(scope="module")
def lokaal():
    return load_gemeente(ROOT / GRENZEN)


@pytest.fixture(scope="module")
def grenzen_site(tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("grenzen")
    project = base / "project"
    copy_project(project, ROOT, "gemeente.yml")
    shutil.copy(ROOT / GRENZEN, project / GRENZEN)
    site = base / "site"
    result = mkdocs_build(project, site, env={"WERKBOEK_GEMEENTE": GRENZEN})
    assert result.returncode == 0, (result.stdout + result.stderr)[-4000:]
    return site


def _values(lokaal) -> list[str]:
    values = [lokaal.naam, lokaal.site_titel]
    values += [v for contact in lokaal.contacten.values() for v in contact.values()]
    return values + list(lokaal.netwerkkaart.values())


def test_the_fixture_reaches_every_maximum(lokaal):
    """Values typed once: the maxima come from werkboek/gemeente/characters.py, the fixture must reach them."""
    reached = {"naam": len(lokaal.naam), "site_titel": len(lokaal.site_titel),
               "netwerkkaart": max(map(len, lokaal.netwerkkaart.values()))}
    assert len(lokaal.netwerkkaart) == 8, "every sector of the netwerkkaart filled"
    for contact in lokaal.contacten.values():
        for field, value in contact.items():
            reached[f"contact.{field}"] = max(reached.get(f"contact.{field}", 0), len(value))
    for kind in ("naam", "site_titel", "netwerkkaart", "contact.naam", "contact.email", "contact.website"):
        assert reached[kind] == MAXIMA[kind], kind
    assert "IJssel" in lokaal.site_titel and "ĳ" not in lokaal.site_titel, "ĳ prints as ij"


# --- the site: plain text everywhere, links only where meant ------------------------------------------------------

def _pages(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): p.read_text(encoding="utf-8") for p in site.rglob("*.html")}


def _text(page: str) -> str:
    page = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def test_every_value_shows_as_typed_and_no_markup_comes_from_it(grenzen_site, lokaal):
    pages = _pages(grenzen_site)
    everything = " ".join(_text(p) for p in pages.values())
    for value in _values(lokaal):
        assert value in everything, f"'{value}' staat nergens letterlijk op de site"
    verklaring = pages["toegankelijkheid.html"]
    assert lokaal.naam in _text(verklaring) and lokaal.site_titel in _text(verklaring)
    for page, source in pages.items():
        for href in re.findall(r'href="([^"]*)"', source):
            target = re.sub(r"[\x00-\x20]", "", html.unescape(href)).lower()
            assert not target.startswith(("javascript:", "data:", "vbscript:")), f"{page}: {href}"
        for made in ("<strong>Gemeente</strong>", "<em>Eenzaam</em>", "<code>code</code>", "<strong>vet</strong>",
                     "<em>Zin op zondag</em>",
                     '<a href="https://example.com/x"', '<a href="jav'):
            assert made not in source, f"{page}: '{made}' kwam uit een gemeentewaarde"


def test_only_website_email_and_phone_become_links(grenzen_site, lokaal):
    html_page = (grenzen_site / "11-lokale-samenwerking.html").read_text(encoding="utf-8")
    local = {f"tel:{c['telefoon'].replace(' ', '').replace('-', '')}" for c in lokaal.contacten.values()
             if "telefoon" in c}
    local |= {f"mailto:{c['email']}" for c in lokaal.contacten.values() if "email" in c}
    local |= {c["website"] for c in lokaal.contacten.values() if "website" in c}
    found = {html.unescape(h) for h in re.findall(r'href="((?:tel:|mailto:|https?:)[^"]*)"', html_page)}
    assert local <= found
    assert {h for h in found - local if "example" in h} == set(), "a link made from a name or example"
    assert all(h.startswith(("tel:", "mailto:", "https://")) for h in local)


def test_no_script_runs_on_the_published_logo_and_toegankelijkheid_page(grenzen_site, browser):
    import functools
    import http.server
    import threading

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(grenzen_site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    context = browser.new_context()
    page = scripts_awaited(context.new_page())
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    try:
        page.goto(f"{base}/toegankelijkheid.html")
        assert page.evaluate("[...document.querySelectorAll('a')].filter(a => /^\\s*(javascript|data):/i"
                             ".test(a.getAttribute('href') || '')).length") == 0
        for link in page.locator("article a").all():
            href = link.get_attribute("href") or ""
            if not href.startswith(("http", "mailto:", "tel:")):
                link.click(no_wait_after=True)
                page.goto(f"{base}/toegankelijkheid.html")
        logo = re.search(r'src="([^"]*gemeente-logo\.svg)"', (grenzen_site / "index.html").read_text()).group(1)
        page.goto(f"{base}/{logo}")
        assert page.evaluate("document.documentElement.localName") == "svg"
        assert page.evaluate("document.getElementsByTagNameNS('*', 'script').length") == 0
        assert dialogs == []
    finally:
        context.close()
        httpd.shutdown()


@pytest.mark.parametrize("name", ["script-met-prefix.svg", "script-xhtml.svg", "event-handler.svg"])
def test_the_hostile_logo_fixtures_are_real_attacks_and_refused(browser, tmp_path, name):
    """Opened directly, each fixture runs its script in Chromium: that is what the logo check keeps off the site."""
    shutil.copy(VIJANDIG / name, tmp_path / name)
    context = browser.new_context()
    page = scripts_awaited(context.new_page())
    try:
        page.goto((tmp_path / name).as_uri())
        page.wait_for_function("document.title === 'gehackt'", timeout=5000)
    finally:
        context.close()
    with pytest.raises(ValueError, match="het logo"):
        check_logo(name, tmp_path)


# --- the PDFs: same pages as the blank version, no overprint -------------------------------------------------------

def _pdfs(site: Path) -> list[Path]:
    return sorted((site / "werkbladen").glob("*.pdf")) + sorted((site / "downloads").glob("*.pdf"))


def test_every_pdf_keeps_its_number_of_pages(grenzen_site, built_site):
    for path in _pdfs(grenzen_site):
        blank = built_site / path.relative_to(grenzen_site)
        assert blank.exists(), blank
        assert len(PdfReader(path).pages) == len(PdfReader(blank).pages), path.name
    assert len(PdfReader(grenzen_site / "werkbladen" / "persoonlijke-netwerkkaart.pdf").pages) == 2


def _words(pdf: Path) -> list[tuple[float, float, list[tuple[float, float, float, float, str]]]]:
    out = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = []
    for page in re.finditer(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', out, re.S):
        words = [(float(a), float(b), float(c), float(d), html.unescape(w)) for a, b, c, d, w in re.findall(
            r'<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">(.*?)</word>', page.group(3))]
        pages.append((float(page.group(1)), float(page.group(2)), words))
    return pages


def overprint(pages) -> list[str]:
    """Words that lie on top of each other or outside the page."""
    problems = []
    for number, (width, height, words) in enumerate(pages, 1):
        for x0, y0, x1, y1, word in words:
            if x0 < -1 or y0 < -1 or x1 > width + 1 or y1 > height + 1:
                problems.append(f"p. {number}: '{word}' valt buiten de pagina")
        ordered = sorted(words)
        for i, (ax0, ay0, ax1, ay1, aw) in enumerate(ordered):
            for bx0, by0, bx1, by1, bw in ordered[i + 1:]:
                if bx0 >= ax1:
                    break
                dx = min(ax1, bx1) - max(ax0, bx0)
                dy = min(ay1, by1) - max(ay0, by0)
                if dx > 0.3 * min(ax1 - ax0, bx1 - bx0) and dy > 0.3 * min(ay1 - ay0, by1 - by0):
                    problems.append(f"p. {number}: '{aw}' en '{bw}' staan over elkaar")
    return problems


def test_the_overprint_check_catches_overprint():
    page = [(100, 100, [(10, 10, 40, 20, "Naam"), (30, 12, 60, 22, "Tel:"), (10, 30, 40, 40, "ok")])]
    assert overprint(page) == ["p. 1: 'Naam' en 'Tel:' staan over elkaar"]
    assert overprint([(100, 100, [(90, 10, 130, 20, "lang")])]) == ["p. 1: 'lang' valt buiten de pagina"]


def test_nothing_overprints_in_any_worksheet_or_pack(grenzen_site):
    problems = []
    for path in _pdfs(grenzen_site):
        if path.name in ("werkboek.pdf", "verwijskaart.pdf"):
            continue
        problems += [f"{path.name}, {p}" for p in overprint(_words(path))]
    assert problems == [], "\n".join(problems[:40])


def test_nothing_overprints_in_the_verwijskaart(grenzen_site):
    """The maxima of its contact fields were agreed with the verwijskaart's layout (issue 9)."""
    problems = overprint(_words(grenzen_site / "werkbladen" / "verwijskaart.pdf"))
    assert problems == [], "\n".join(problems[:40])


def test_nothing_overprints_in_the_book_where_the_gemeente_appears(grenzen_site, lokaal):
    pages = _words(grenzen_site / "downloads" / "werkboek.pdf")
    marks = ("Súdwest", "Welzijnsorganisatie", "Koffieochtenden", "Dorpshaven")
    chosen = [p for p in pages if any(m in w[4] for w in p[2] for m in marks)]
    assert chosen, "the book shows the gemeente somewhere"
    assert overprint(chosen) == []
