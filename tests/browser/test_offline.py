"""The offline copy (downloads/werkboek-offline.zip): complete, reproducible, and — unzipped and opened from the
file system in Chromium — navigation, search and the worksheets work without a single request leaving file://."""
from __future__ import annotations

import calendar
import re
import time
import zipfile
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
from conftest import SCRIPTS_DONE
from quality_helpers import DESKTOP, html_pages, new_page

from werkboek.publish import offline_zip as zipper

ZIP = "downloads/werkboek-offline.zip"


@pytest.fixture(scope="module")
def offline_zip(built_site) -> Path:
    path = built_site / ZIP
    assert path.is_file(), f"{ZIP} ontbreekt in de site"
    return path


def test_zip_holds_the_whole_site_but_not_itself(built_site, offline_zip):
    with zipfile.ZipFile(offline_zip) as zf:
        names = zf.namelist()
        assert zf.testzip() is None
    prefix = zipper.FOLDER + "/"
    assert all(n.startswith(prefix) for n in names)
    inside = {n.removeprefix(prefix) for n in names}
    assert set(html_pages(built_site)) - zipper.SKIPPED_PAGES <= inside
    assert not zipper.SKIPPED_PAGES & inside
    expected = {p.relative_to(built_site).as_posix() for p in zipper.site_files(built_site)}
    assert inside == expected | {"LEESMIJ.txt"}
    assert ZIP not in inside and not any(n.endswith(".zip") for n in inside)
    assert {"search/search_index.js", "assets/javascripts/vendor/iframe-worker-shim.js"} <= inside
    pdfs = {p.relative_to(built_site).as_posix() for p in (built_site / "werkbladen").glob("*.pdf")}
    assert pdfs and pdfs <= inside


def test_zip_is_reproducible(built_site, offline_zip, tmp_path):
    with zipfile.ZipFile(offline_zip) as zf:
        infos = zf.infolist()
    assert infos[0].filename.endswith("/LEESMIJ.txt")
    assert [i.filename for i in infos[1:]] == sorted(i.filename for i in infos[1:])  # then sorted
    assert len({i.date_time for i in infos}) == 1
    again = tmp_path / "opnieuw.zip"
    zipper.write_zip(built_site, again, epoch=calendar.timegm(infos[0].date_time + (0, 0, 0)))
    assert again.read_bytes() == offline_zip.read_bytes(), "zip niet reproduceerbaar (of de site veranderde na het zippen)"


def test_zip_date_comes_from_source_date_epoch(tmp_path, monkeypatch):
    site = tmp_path / "site"
    (site / "sub").mkdir(parents=True)
    (site / "b.html").write_text("<p>b</p>")
    (site / "sub" / "a.css").write_text("a {}")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    first, second = tmp_path / "1.zip", tmp_path / "2.zip"
    zipper.write_zip(site, first)
    (site / "b.html").touch()
    zipper.write_zip(site, second)
    assert first.read_bytes() == second.read_bytes()
    with zipfile.ZipFile(first) as zf:
        assert [i.filename for i in zf.infolist()] == [f"{zipper.FOLDER}/LEESMIJ.txt", f"{zipper.FOLDER}/b.html",
                                                       f"{zipper.FOLDER}/sub/a.css"]
        assert {i.date_time for i in zf.infolist()} == {time.gmtime(1700000000)[:6]}


@pytest.mark.browser
@pytest.mark.slow
def test_unzipped_site_works_from_the_file_system(browser, offline_zip, tmp_path):
    with zipfile.ZipFile(offline_zip) as zf:
        zf.extractall(tmp_path)
    root = tmp_path / zipper.FOLDER
    requests: list[str] = []
    with new_page(browser, DESKTOP) as page:
        page.on("request", lambda r: requests.append(r.url))
        page.goto((root / "index.html").as_uri(), wait_until="load")
        assert page.locator("h1").first.inner_text().startswith("Eenzaam ben je niet alleen")

        # Follow a navigation link.
        page.locator('article a[href="01-inleiding.html"]').first.click()
        page.wait_for_url(re.compile(r"/01-inleiding\.html$"))
        page.wait_for_function(SCRIPTS_DONE)  # the theme's script starts after the first paint
        assert page.locator("h1").first.inner_text().startswith("1 Inleiding")

        # Search (the '/' key focuses the search field; the index comes from search/search_index.js).
        page.keyboard.press("/")
        assert page.evaluate("document.activeElement.matches('input.md-search__input')")
        page.keyboard.type("eenzaamheid")
        results = page.locator(".md-search-result__item")
        results.first.wait_for(timeout=10_000)
        assert results.count() > 3
        assert "eenzaamheid" in page.locator(".md-search-result").inner_text().lower()

        # A worksheet's PDF link points at a file that is there.
        page.goto((root / "05-herkennen.html").as_uri(), wait_until="load")
        hrefs = page.eval_on_selector_all('a[href$=".pdf"]', "els => els.map(a => a.href)")
        assert hrefs, "geen PDF-link op 05-herkennen.html"
        for href in hrefs:
            assert href.startswith("file://"), href
            assert Path(unquote(urlparse(href).path)).is_file(), f"PDF ontbreekt: {href}"
        page.wait_for_load_state("networkidle")

        # A term's definition shows from file:// too (the definitions are a script, not fetched JSON).
        term = page.locator(".begrip__term").first
        term.focus()
        tip = page.locator("#begrip-uitleg")
        assert tip.is_visible() and tip.inner_text().startswith(term.get_attribute("data-begrip") + ": ")

    assert any(u.endswith("search_index.js") for u in requests), "zoekindex niet geladen"
    outside = sorted({u for u in requests if not u.startswith(("file://", "data:", "blob:"))})
    assert not outside, "verzoeken buiten file://:\n" + "\n".join(outside)


def test_zip_leaves_out_the_unfinished_marker_of_the_staging_folder(tmp_path):
    """The zip is written while the site is still in its staging folder, which carries a "do not publish" marker
    until it is swapped into place (werkboek/publish/swap.py): the marker must not ship in the zip."""
    from werkboek.publish.swap import MARKER

    site = tmp_path / "site.bouwen"
    site.mkdir()
    (site / "index.html").write_text("<p>a</p>")
    (site / MARKER).write_text("onvoltooid")
    zipper.write_zip(site, site / zipper.ZIP_PATH, epoch=0)
    with zipfile.ZipFile(site / zipper.ZIP_PATH) as zf:
        assert sorted(zf.namelist()) == [f"{zipper.FOLDER}/LEESMIJ.txt", f"{zipper.FOLDER}/index.html"]


LINK = re.compile(r'<(?:a|link|script|img|source|iframe)\b[^>]*?\b(?:href|src)="([^"]*)"', re.I)


def test_offline_copy_has_no_dead_local_link(offline_zip, tmp_path):
    """Every link in every page of the offline copy that stays on this computer leads to a file in the copy (the home
    page's link to the zip itself is left out of the copy)."""
    with zipfile.ZipFile(offline_zip) as zf:
        zf.extractall(tmp_path)
    root = tmp_path / zipper.FOLDER
    dead, checked = [], 0
    for page in sorted(root.rglob("*.html")):
        for href in LINK.findall(page.read_text(encoding="utf-8")):
            target = href.split("#", 1)[0].split("?", 1)[0]
            if not target or re.match(r"^[a-z][a-z0-9+.-]*:", target, re.I):
                continue  # a link within the page, or to the web, mail or phone
            checked += 1
            path = (root / target.lstrip("/")) if target.startswith("/") else (page.parent / unquote(target))
            if target.startswith("/") or not path.resolve().is_file():
                dead.append(f"{page.relative_to(root)}: {href}")
    assert checked > 1000
    assert not dead, f"{len(dead)} dode links in de offline versie:\n" + "\n".join(sorted(set(dead))[:20])
    home = (root / "index.html").read_text(encoding="utf-8")
    assert "werkboek-offline.zip" not in home and "downloads/werkboek.pdf" in home


def test_leesmij_speaks_to_the_reader_as_u():
    text = zipper.LEESMIJ
    assert re.search(r"\buw browser\b", text)
    assert not re.search(r"\b(je|jij|jouw)\b", text.split("\n", 1)[1], re.I), "LEESMIJ zegt 'je'; de site zegt 'u'"


def test_zip_cache_reuses_only_an_identical_site(tmp_path):
    hook = zipper
    site, cache = tmp_path / "site", tmp_path / "cache"
    site.mkdir()
    (site / "a.html").write_text("<p>een</p>")
    fresh, cached, changed = tmp_path / "vers.zip", tmp_path / "cache.zip", tmp_path / "anders.zip"
    hook.write_zip(site, fresh, epoch=1700000000)
    hook.write_zip(site, tmp_path / "eerste.zip", epoch=1700000000, cache_dir=cache)
    hook.write_zip(site, cached, epoch=1700000000, cache_dir=cache)
    assert cached.read_bytes() == fresh.read_bytes(), "de bewaarde zip wijkt af van een nieuw gemaakte"
    (site / "a.html").write_text("<p>twee</p>")
    hook.write_zip(site, changed, epoch=1700000000, cache_dir=cache)
    with zipfile.ZipFile(changed) as zf:
        assert zf.read(f"{hook.FOLDER}/a.html") == b"<p>twee</p>", "oude zip gebruikt na een wijziging"
