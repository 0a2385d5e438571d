"""Reading the werkboek in Chromium: the home page, search, cross-reference links, the fasemodel, term tooltips."""
from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser


def test_home_page_loads_and_says_what_this_is(page, server):
    page.goto(f"{server}/index.html")
    assert page.locator("h1").first.inner_text().rstrip("#").strip() == "Eenzaam ben je niet alleen"
    body = page.locator("article").inner_text()
    for way in ("Online lezen", "De training geven", "Een eigen versie maken"):
        assert way in body
    assert page.locator('a[href="werkbladen.html"]').count() >= 1
    assert page.locator('a[href^="11-lokale-samenwerking.html#s11-5"]').count() >= 1


def test_searching_eenzaamheid_returns_results(page, server):
    page.goto(f"{server}/index.html")
    search = page.locator("input.md-search__input")
    search.click()
    page.keyboard.type("eenzaamheid", delay=30)  # Material listens to key events, not to fill()
    results = page.locator(".md-search-result__item")
    results.first.wait_for(timeout=10_000)
    assert results.count() > 5
    assert re.match(r"\d+ overeenkomende documenten", page.locator(".md-search-result__meta").inner_text())
    assert "eenzaamheid" in page.locator(".md-search-result").inner_text().lower()


def test_a_section_link_lands_on_its_heading(page, server):
    page.goto(f"{server}/05-herkennen.html")
    page.locator("a.verwijzing", has_text="§3.4").first.click()
    page.wait_for_url(re.compile(r"03-over-eenzaamheid\.html#s3-4$"))
    heading = page.locator("#s3-4")
    assert heading.inner_text().startswith("3.4 Simone")
    box = heading.bounding_box()
    assert box is not None and 0 <= box["y"] < page.viewport_size["height"]


def test_section_6_10_is_reachable_from_home_in_two_clicks(page, server):
    page.goto(f"{server}/index.html")
    page.locator("article").get_by_role("link", name="Bespreekbaar maken", exact=True).first.click()
    page.wait_for_url(re.compile(r"06-bespreekbaar-maken\.html"))
    # The page's table of contents sits under the chapter in the navigation (toc.integrate).
    page.locator('.md-nav--primary .md-nav--secondary a[href="#s6-10"]').click()
    assert page.locator("#s6-10").inner_text().startswith("6.10 Instrument")
    assert page.locator("#werkblad-reflector-voel-ik-me-eenzaam").is_visible()


def test_fasemodel_on_chapter_6_highlights_bespreekbaar_maken(page, server):
    page.goto(f"{server}/06-bespreekbaar-maken.html")
    active = page.locator(".fasemodel .fasemodel__fase.is-actief")
    assert active.count() == 1
    link = page.locator(".fasemodel a.fasemodel__link:has(.fasemodel__fase.is-actief)")
    assert "Bespreekbaar maken (dit hoofdstuk)" in link.get_attribute("aria-label")
    assert "Dit hoofdstuk: Bespreekbaar maken." in page.locator(".fasemodel desc").first.text_content()
    fill = active.evaluate("el => getComputedStyle(el).fill")
    other = page.locator(".fasemodel .fasemodel__fase:not(.is-actief)").first.evaluate("el => getComputedStyle(el).fill")
    assert fill != other


def test_term_definition_shows_on_hover_and_keyboard_focus(page, server):
    page.goto(f"{server}/06-bespreekbaar-maken.html")
    term = page.locator(".begrip__term").first
    tip = page.locator(".begrip__uitleg").first
    assert not tip.is_visible()
    term.focus()
    assert tip.is_visible()
    assert ":" in tip.inner_text()
    page.keyboard.press("Escape")
    assert not tip.is_visible()
    page.mouse.move(0, 0)
    term.hover()
    assert tip.is_visible()
