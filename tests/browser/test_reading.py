"""Reading the werkboek in Chromium: the home page, search, cross-reference links, the fasemodel, term tooltips."""
from __future__ import annotations

import re

import pytest

from conftest import scripts_awaited

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
    tip = page.locator("#" + term.get_attribute("aria-describedby"))
    assert page.locator(".begrip__uitleg").count() == 1, "één gedeelde uitleg per pagina"
    assert not tip.is_visible()
    term.focus()
    assert tip.is_visible()
    name = term.get_attribute("data-begrip")
    assert tip.inner_text().startswith(f"{name}: ") and len(tip.inner_text()) > len(name) + 20
    page.keyboard.press("Escape")
    assert not tip.is_visible()
    term.evaluate("el => el.blur()")  # a focused term keeps showing its definition; now the pointer alone
    page.mouse.move(0, 0)
    term.hover()
    assert tip.is_visible()
    # WCAG 1.4.13: the pointer can move onto the explanation without it closing.
    box = tip.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2, steps=5)
    page.wait_for_timeout(500)
    assert tip.is_visible()
    page.mouse.move(0, 0)
    page.wait_for_timeout(500)
    assert not tip.is_visible()


def test_each_term_shows_its_own_definition(page, server):
    page.goto(f"{server}/06-bespreekbaar-maken.html")
    terms = page.locator(".begrip__term")
    names = set()
    for n in range(terms.count()):
        term = terms.nth(n)
        name = term.get_attribute("data-begrip")
        if name in names:
            continue
        names.add(name)
        term.focus()
        tip = page.locator("#begrip-uitleg")
        assert tip.is_visible() and tip.inner_text().startswith(f"{name}: "), name
        assert term.evaluate("el => el.getAttribute('aria-describedby')") == "begrip-uitleg"
    assert len(names) >= 3


def test_term_definition_opens_on_a_tap_and_stays_on_the_phone_screen(browser, server):
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="nl-NL", has_touch=True)
    page = scripts_awaited(context.new_page())
    try:
        page.goto(f"{server}/01-inleiding.html")
        term = page.locator(".begrip__term").first
        term.scroll_into_view_if_needed()
        term.tap()
        tip = page.locator("#begrip-uitleg")
        assert tip.is_visible()
        box = tip.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390, box
    finally:
        context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_term_definition_is_opaque(browser, server, scheme):
    """The text under an open definition does not show through it."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    page = scripts_awaited(context.new_page())
    try:
        page.goto(f"{server}/06-bespreekbaar-maken.html")
        page.locator(".begrip__term").first.focus()
        background = page.locator("#begrip-uitleg").evaluate("el => getComputedStyle(el).backgroundColor")
        assert background.startswith("rgb(") or background.endswith(", 1)"), background
    finally:
        context.close()


def test_buttons_side_by_side_are_the_same_height(browser, server, built_site):
    """A row of buttons (a worksheet's "Download werkblad" link next to its "Download ingevuld" button, and any
    other) lines up: a <button> styled as a button sets its text like a link styled as one."""
    from quality_helpers import ALL_SHEETS_LAID_OUT, DESKTOP, html_pages, new_page

    uneven, rows = [], 0
    with new_page(browser, DESKTOP) as page:
        for url in html_pages(built_site):
            page.goto(f"{server}/{url}", wait_until="load")
            page.add_style_tag(content=ALL_SHEETS_LAID_OUT)
            found = page.evaluate("""() => {
                const groups = new Map();
                for (const b of document.querySelectorAll('.md-typeset .md-button')) {
                    const r = b.getBoundingClientRect();
                    if (!r.height) continue;
                    const g = groups.get(b.parentElement) || [];
                    g.push([r.top + r.height / 2, Math.round(r.height), b.textContent.trim()]);
                    groups.set(b.parentElement, g);
                }
                const rows = [];  // buttons next to each other: the middle of one within the other's height
                for (const g of groups.values())
                    for (const [i, a] of g.entries())
                        for (const b of g.slice(i + 1))
                            if (Math.abs(a[0] - b[0]) < Math.max(a[1], b[1]) / 2) rows.push([a.slice(1), b.slice(1)]);
                return rows;
            }""")
            rows += len(found)
            uneven += [f"{url}: {a} / {b}" for a, b in found if a[0] != b[0]]
    assert rows >= 10, "te weinig rijen met knoppen naast elkaar gevonden"
    assert not uneven, "knoppen naast elkaar met verschillende hoogte:\n" + "\n".join(uneven)
