"""A fork as GitHub Pages publishes it: built with the address the Pages workflow passes (WERKBOEK_ADRES, a sub-path
of the account's host) and served under that sub-path, a missing path answered with the site's 404.html as Pages
does. The home page and missing pages (at any depth) load everything they ask for; the sitemap lists every page;
every page has its canonical link and its link preview (Open Graph), whose card exists at its address; the book's
markers link to the online Verantwoording. Without an address (the session's own build) the tags that need one are
left out and the rest stays."""
from __future__ import annotations

import functools
import html
import http.server
import os
import re
import shutil
import threading
from datetime import datetime, timezone
from pathlib import Path
from xml.etree import ElementTree

import pytest
from PIL import Image
from pypdf import PdfReader

from conftest import ROOT, copy_project, mkdocs_build, scripts_awaited

pytestmark = pytest.mark.slow

SUB_PATH = "werkboek-kopie"
ADDRESS = f"https://voorbeeld.github.io/{SUB_PATH}/"
CARD = "assets/images/deelkaart.png"
MISSING = (f"/{SUB_PATH}/bestaat-niet.html", f"/{SUB_PATH}/kennisbronnen/weg/nog-dieper/pagina.html",
           f"/{SUB_PATH}/werkbladen/")


@pytest.fixture(scope="module")
def fork_site(tmp_path_factory, built_project) -> Path:
    """The project built with a Pages address, into <served>/werkboek-kopie/ (the session build's cache reused)."""
    base = tmp_path_factory.mktemp("adres")
    project = copy_project(base / "project")
    shutil.copytree(built_project / ".cache", project / ".cache")
    site = base / "served" / SUB_PATH
    result = mkdocs_build(project, site, env={"WERKBOEK_ADRES": ADDRESS.rstrip("/")})  # as configure-pages gives it
    assert result.returncode == 0, result.stdout + result.stderr
    return site


@pytest.fixture(scope="module")
def pages_server(fork_site):
    """Serves the folder above the site, as <host>/werkboek-kopie/; a missing file gets 404.html with status 404."""
    not_found = (fork_site / "404.html").read_bytes()

    class Pages(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def list_directory(self, path):  # Pages lists no folder: a folder without index.html is not found
            self.send_error(404)

        def send_error(self, code, message=None, explain=None):
            if code != 404:
                return super().send_error(code, message, explain)
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(not_found)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(not_found)

    httpd = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Pages, directory=str(fork_site.parent)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def site_pages(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): p.read_text(encoding="utf-8") for p in sorted(site.rglob("*.html"))}


def meta(page: str) -> dict[str, str]:
    return {m.group(1): html.unescape(m.group(2))
            for m in re.finditer(r'<meta (?:property|name)="((?:og|twitter):[\w:]+)" content="([^"]*)"', page)}


def canonical(page: str) -> str | None:
    m = re.search(r'<link rel="canonical" href="([^"]+)"', page)
    return m and m.group(1)


@pytest.mark.browser
@pytest.mark.parametrize("width", [390, 1280])
def test_home_and_missing_pages_load_everything_under_the_sub_path(pages_server, browser, width, tmp_path):
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="nl-NL")
    page = scripts_awaited(context.new_page())
    failed: list[str] = []
    requested: list[str] = []
    page.on("requestfailed", lambda r: failed.append(f"{r.url} ({r.failure})"))
    page.on("request", lambda r: requested.append(r.url))
    # the page itself is answered 404 (a missing page); everything it asks for must be there
    page.on("response", lambda r: r.status >= 400 and not r.request.is_navigation_request() and failed.append(
        f"{r.url} ({r.status}, op {r.frame.url})"))
    try:
        for path in (f"/{SUB_PATH}/", *MISSING):
            url = pages_server + path
            response = page.goto(url, wait_until="networkidle")
            assert response.status == (200 if path.endswith(f"{SUB_PATH}/") else 404), path
            if path != f"/{SUB_PATH}/":
                assert page.locator("h1").inner_text() == "Pagina niet gevonden"
                page.screenshot(path=str(tmp_path / f"404-{width}.png"))
                home = page.locator("a", has_text="Naar de startpagina").get_attribute("href")
                assert home == f"/{SUB_PATH}/index.html"
            # styled: the site's stylesheets apply (header in the werkboek's colour, text in its own typeface)
            assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).backgroundColor") == \
                "rgb(107, 45, 92)", path
            assert "Atkinson Hyperlegible" in page.evaluate("getComputedStyle(document.body).fontFamily"), path
        assert not failed, "\n".join(failed)
        outside = [u for u in requested if u.startswith(pages_server) and not u.startswith(f"{pages_server}/{SUB_PATH}/")]
        assert not outside, f"gevraagd buiten de site: {outside}"
    finally:
        context.close()


def test_sitemap_and_canonical_links_name_every_page_at_its_address(fork_site):
    pages = site_pages(fork_site)
    listed = [el.text for el in ElementTree.parse(fork_site / "sitemap.xml").getroot().iter(
        "{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    expected = {ADDRESS + name for name in pages if name != "404.html"}
    assert set(listed) == expected
    # dated reproducibly: SOURCE_DATE_EPOCH, else the last commit (the test's copy has none: 0), never the clock
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH", 0))
    dates = {el.text for el in ElementTree.parse(fork_site / "sitemap.xml").getroot().iter(
        "{http://www.sitemaps.org/schemas/sitemap/0.9}lastmod")}
    assert dates == {datetime.fromtimestamp(epoch, timezone.utc).date().isoformat()}
    for name, text in pages.items():
        assert canonical(text) == (None if name == "404.html" else ADDRESS + name), name


def test_every_page_carries_its_link_preview_and_the_card_exists(fork_site):
    description = " ".join(ROOT.joinpath("mkdocs.yml").read_text(encoding="utf-8").split("site_description: >-")[1]
                           .split("\nsite_url")[0].split())
    wrong = []
    for name, text in site_pages(fork_site).items():
        tags = meta(text)
        title = re.search(r"<h1\b[^>]*>(.*?)</h1>", text, re.S).group(1)
        title = " ".join(html.unescape(re.sub(r"<a class=\"headerlink\".*?</a>|<[^>]+>", "", title)).split())
        expected = {
            "og:locale": "nl_NL", "og:description": description, "og:type": "website",
            "og:title": "Eenzaam ben je niet alleen" if name in ("index.html", "404.html") else title.replace("\u00ad", ""),
            "og:image": ADDRESS + CARD, "og:image:width": "1200", "og:image:height": "630",
            "twitter:card": "summary_large_image"}
        if name != "404.html":  # the not-found page has no address of its own
            expected["og:url"] = ADDRESS + name
        wrong += [f"{name}: {key} = {tags.get(key)!r}, verwacht {value!r}"
                  for key, value in expected.items() if tags.get(key) != value]
        if not tags.get("og:image:alt", "").startswith("Eenzaam ben je niet alleen"):
            wrong.append(f"{name}: og:image:alt {tags.get('og:image:alt')!r}")
    assert not wrong, "\n".join(wrong[:20])
    card = fork_site / CARD  # the image is where its absolute address points, under the sub-path
    with Image.open(card) as image:
        assert (image.format, image.size) == ("PNG", (1200, 630))
        assert image.convert("RGB").getpixel((20, 20)) == (107, 45, 92)  # the werkboek's colour


def test_without_an_address_the_tags_that_need_one_are_left_out(built_site):
    for name, text in site_pages(built_site).items():
        tags = meta(text)
        assert not {"og:url", "og:image", "twitter:card"} & tags.keys(), name
        assert canonical(text) is None, name
        assert tags["og:locale"] == "nl_NL" and tags["og:title"] and tags["og:description"], name
    assert not (built_site / CARD).exists()
    assert "<loc>" not in (built_site / "sitemap.xml").read_text(encoding="utf-8")
    page_404 = (built_site / "404.html").read_text(encoding="utf-8")
    assert 'href="/assets/stylesheets/werkboek.css"' in page_404  # a local build: served at its host's root


def test_the_books_markers_link_to_the_online_verantwoording(fork_site, built_site):
    """Every marker of the edition's choices for a worksheet ("keuzes van deze uitgave bij dit werkblad") is in the
    book as a link to its entry in the online Verantwoording; without an address the book has no such link."""
    from werkboek.werkblad.loader import load_instruments

    expected = {f"{ADDRESS}verantwoording.html#keuzes-werkblad-{i.id}" for i in load_instruments().values() if i.keuzes}
    assert expected

    def links(site: Path) -> set[str]:
        found = set()
        for page in PdfReader(site / "downloads" / "werkboek.pdf").pages:
            for annot in page.get("/Annots") or []:
                action = annot.get_object().get("/A")
                if action is not None and "/URI" in action:
                    found.add(str(action["/URI"]))
        return found

    online = links(fork_site)
    assert expected <= online, sorted(expected - online)
    assert not {u for u in links(built_site) if "verantwoording.html" in u}


def test_the_pdfs_link_to_no_other_host_than_the_site_itself(fork_site):
    """With an address, the book links to the online site; still no PDF links to any other host, and none runs
    anything (tests/pdf/test_pdf_quality.py's check, the site's own address allowed)."""
    import pikepdf
    from test_pdf_quality import action_problems

    problems = []
    for path in sorted(fork_site.rglob("*.pdf")):
        with pikepdf.open(path) as pdf:
            problems += action_problems(pdf, path.relative_to(fork_site).as_posix(), own=ADDRESS)
    assert not problems, "\n".join(problems[:20])
    with pikepdf.open(fork_site / "downloads" / "werkboek.pdf") as pdf:
        assert action_problems(pdf, "werkboek.pdf"), "zonder het eigen adres telt een link naar de site als elders"


def test_every_link_of_the_not_found_page_stays_inside_the_site(fork_site):
    """404.html is shown at any address: each of its own links and assets is absolute under the site's sub-path and
    exists (the navigation, the ways back, the styles, scripts, fonts and images)."""
    page = (fork_site / "404.html").read_text(encoding="utf-8")
    refs = [html.unescape(r) for r in re.findall(r'(?:href|src)="([^"#?]+)(?:[#?][^"]*)?"', page)
            if not re.match(r"^[a-z]+:", r) and not r.startswith("//")]
    assert len(refs) > 20
    outside = [r for r in refs if not r.startswith(f"/{SUB_PATH}/")]
    assert not outside, outside
    missing = [r for r in refs if not (fork_site.parent / r.lstrip("/")).exists()]
    assert not missing, missing
