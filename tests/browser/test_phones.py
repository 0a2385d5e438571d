"""Reading on a phone (390 × 844): no page scrolls sideways, every wide table shows all its parts (as cards, or in a
box that says it scrolls and that a keyboard can reach), long heading words break at a syllable; and finding things
with the search box: the first results for typical searches, with snippets that read as sentences, and the search
index downloaded only when search is used."""
from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from quality_helpers import ALL_SHEETS_LAID_OUT, DESKTOP, PHONE, html_pages, new_page, reach

from werkboek.pages.begrippen import parse_definitions

pytestmark = [pytest.mark.browser]

OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  return [document.documentElement.scrollWidth, width];
}"""

# Boxes in the article that are wider than the room they have: each must be a box that scrolls (overflow-x auto),
# be marked by schuiftabellen.js with a visible hint before it, and be reachable by keyboard (a tab stop itself or
# something focusable inside). Anything cut off without that is hidden from the reader.
HIDDEN_PARTS = """() => {
  const problems = [];
  for (const el of document.querySelectorAll('article *')) {
    const style = getComputedStyle(el);
    if (!['auto', 'scroll', 'hidden', 'clip'].includes(style.overflowX)) continue;
    if (el.scrollWidth <= el.clientWidth + 1 || el.closest('.md-typeset__scrollwrap ~ *')) continue;
    if (el.getClientRects().length === 0 || el.clientWidth <= 1 || el.matches('textarea, input, .md-ellipsis, .sr-only')) continue;
    const hint = el.previousElementSibling;
    const marked = el.classList.contains('is-schuifbaar') && hint && hint.classList.contains('schuifhint') && !hint.hidden
      && hint.getBoundingClientRect().height > 0;
    const keyboard = el.tabIndex >= 0 || el.querySelector('a[href], button, input, select, textarea, [tabindex]');
    if (style.overflowX === 'hidden' || style.overflowX === 'clip' || !marked || !keyboard)
      problems.push(el.tagName.toLowerCase() + '.' + [...el.classList].join('.') + ' ' + el.scrollWidth + '>' + el.clientWidth);
  }
  return problems;
}"""


def test_no_page_scrolls_sideways_and_no_wide_table_hides_a_part_on_a_phone(browser, server, built_site):
    wide, hidden = [], []
    with new_page(browser, PHONE) as page:
        for url in html_pages(built_site):
            page.goto(f"{server}/{url}", wait_until="load")
            page.evaluate("document.fonts.ready.then(() => true)")
            page.add_style_tag(content=ALL_SHEETS_LAID_OUT)  # every sheet as a reader sees it on reaching it
            page.wait_for_timeout(50)
            scroll, width = page.evaluate(OVERFLOW)
            if scroll > width:
                wide.append(f"{url}: {scroll} px breed")
            hidden += [f"{url}: {p}" for p in page.evaluate(HIDDEN_PARTS)]
    assert not wide, "pagina’s die op 390 px opzij scrollen:\n" + "\n".join(wide)
    assert not hidden, "brede onderdelen zonder hint of toetsenbordtoegang:\n" + "\n".join(hidden)


@pytest.mark.parametrize("url,table", [("bijlagen/1-trainershandleiding.html", ".agenda__tabel"),
                                       ("werkbladen.html", ".werkbladen-overzicht")])
def test_tables_become_cards_with_column_labels_on_a_phone(browser, server, url, table):
    with new_page(browser, PHONE) as page:
        page.goto(f"{server}/{url}", wait_until="load")
        headers = page.locator(f"{table} thead th").all_inner_texts()
        cells = page.locator(f"{table} tbody [data-label]")  # data cells and the row headers (Tijd, Nr.)
        assert cells.count() > 5
        for n in range(min(cells.count(), 40)):
            cell = cells.nth(n)
            label = cell.get_attribute("data-label")
            assert label in headers, label
            if not cell.inner_text().strip():
                continue
            box = cell.bounding_box()
            assert box and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], (label, box)
            shown = cell.evaluate("el => getComputedStyle(el, '::before').content")
            assert label in shown, (label, shown)


def test_scale_grid_scrolls_with_a_visible_hint_on_a_phone(browser, server):
    with new_page(browser, PHONE) as page:
        page.goto(f"{server}/10-terug-en-vooruitblikken.html", wait_until="load")
        grid = page.locator("#werkblad-reflector-ondersteuningsvaardigheden table").first
        assert "is-schuifbaar" in grid.get_attribute("class")
        hint = grid.locator("xpath=preceding-sibling::*[1]")
        reach(hint)
        assert "schuif" in hint.inner_text()
        grid.locator("input, textarea").last.focus()
        assert grid.evaluate("el => el.scrollLeft") > 0, "het laatste veld komt niet in beeld"  # keyboard scrolls it
    with new_page(browser, DESKTOP) as page:
        page.goto(f"{server}/10-terug-en-vooruitblikken.html", wait_until="load")
        assert page.locator(".schuifhint:visible").count() == 0, "hint op een scherm waar alles past"


# Every text field of a worksheet with its width, and whether its visible label stands beside it (ends below the
# field's top) instead of above it. Fields in a box that scrolls sideways count at their own width.
FIELDS = """() => [...document.querySelectorAll('form.werkblad input[type=text], form.werkblad textarea')]
  .filter(f => f.getClientRects().length > 0)
  .map(f => {
    const box = f.getBoundingClientRect();
    const label = [...(f.labels || [])].map(l => l.getBoundingClientRect()).find(r => r.width > 0 && r.height > 0);
    return {id: f.id, width: Math.round(box.width), beside: !!label && label.bottom > box.top + 1};
  })"""


def test_every_worksheet_field_has_room_to_write_with_its_label_above_on_a_phone(browser, server, built_site):
    """11.5 Verwijskaart's contact fields were 77–120 px wide beside labels of 160–200 px; the scales' note lines
    81–93 px, 8.6's own lines 119 px. On a phone a label stands above its field and every field is 200 px or more."""
    narrow, beside, counted = [], [], 0
    with new_page(browser, PHONE) as page:
        for url in html_pages(built_site):
            if 'class="werkblad' not in (built_site / url).read_text(encoding="utf-8"):
                continue
            page.goto(f"{server}/{url}", wait_until="load")
            page.evaluate("document.fonts.ready.then(() => true)")
            page.add_style_tag(content=ALL_SHEETS_LAID_OUT)  # content-visibility: auto skips sheets off screen
            page.wait_for_timeout(50)
            for field in page.evaluate(FIELDS):
                counted += 1
                if field["width"] < 200:
                    narrow.append(f"{url}: {field['id']} is {field['width']} px breed")
                if field["beside"]:
                    beside.append(f"{url}: het label van {field['id']} staat naast het veld")
    assert counted > 300, counted  # every sheet's fields were measured, not a few
    assert not narrow, f"{len(narrow)} velden smaller dan 200 px op 390 px:\n" + "\n".join(narrow[:40])
    assert not beside, f"{len(beside)} labels naast hun veld op 390 px:\n" + "\n".join(beside[:40])


def test_long_heading_words_break_at_a_syllable_on_a_phone(browser, server):
    with new_page(browser, PHONE) as page:
        page.goto(f"{server}/10-terug-en-vooruitblikken.html", wait_until="load")
        heading = page.locator("#s10-3")
        lines = heading.evaluate("""el => { const r = document.createRange(); r.selectNodeContents(el);
                                            return [...r.getClientRects()].map(b => Math.round(b.right)); }""")
        assert max(lines) <= PHONE["width"]
        box = heading.bounding_box()
        assert box["x"] + box["width"] <= PHONE["width"]


def _search(page, server, query: str):
    page.goto(f"{server}/index.html")
    page.locator("input.md-search__input").click()
    page.keyboard.type(query, delay=20)
    results = page.locator(".md-search-result__item")
    results.first.wait_for(timeout=10_000)
    page.wait_for_timeout(300)
    return results


@pytest.mark.parametrize("query,first", [
    ("subjectieve beleving", "begrippenlijst.html"),
    ("netwerkkaart", "08-wensen-en-talenten.html"),
    ("verwijskaart", "11-lokale-samenwerking.html"),
])
def test_search_finds_the_right_page_first_with_readable_snippets(page, server, query, first):
    results = _search(page, server, query)
    href = results.first.locator("a").first.get_attribute("href")
    assert re.split(r"[?#]", href)[0].endswith(first), href
    articles = page.locator(".md-search-result__article")
    snippets = articles.all_inner_texts()
    assert snippets and query.split()[0] in " ".join(snippets[:3]).lower()
    for n, snippet in enumerate(snippets):
        assert not re.search(r"eenzaamheid\s*Eenzaamheid:", snippet)
        glued = re.search(r"[a-zà-ÿ]{4}[.?:)]?[A-Z][a-zà-ÿ]", snippet)
        if glued:  # a defect unless the page itself has the words together (a quoted source, a name)
            url = articles.nth(n).locator("xpath=ancestor::a[1]").get_attribute("href").split("?")[0].split("#")[0]
            source = html.unescape(re.sub(r"<[^>]+>", " ", page.request.get(url).text().replace("\u00ad", "")))
            assert glued.group(0) in source, f"aan elkaar geplakt: {snippet}"


def test_a_term_definition_is_found_where_the_text_says_it(page, server):
    """The definition of eenzaamheid is on the begrippenlijst and in chapter 1's own text: only there."""
    _search(page, server, "subjectieve beleving")
    items = page.locator(".md-search-result__item")
    holding = {re.split(r"[?#]", items.nth(n).locator("a").first.get_attribute("href"))[0].rsplit("/", 1)[-1]
               for n in range(items.count()) if "subjectieve beleving" in items.nth(n).inner_text().lower()}
    assert holding == {"begrippenlijst.html", "01-inleiding.html"}, holding


def test_404_page_leads_back_home_and_to_search(page, server):
    page.goto(f"{server}/404.html")
    assert page.locator("h1").first.inner_text() == "Pagina niet gevonden"
    assert page.locator("html").get_attribute("lang") == "nl"
    page.locator("#niet-gevonden-zoekterm").fill("netwerkkaart")
    page.locator("form.niet-gevonden__zoeken button").click()
    page.wait_for_url(re.compile(r"/index\.html\?q=netwerkkaart"))
    results = page.locator(".md-search-result__item")
    results.first.wait_for(timeout=10_000)
    assert "netwerkkaart" in page.locator(".md-search-result").inner_text().lower()
    page.goto(f"{server}/404.html")
    page.get_by_role("link", name="Naar de startpagina").click()
    page.wait_for_url(re.compile(r"/index\.html$"))
    assert page.locator("h1").first.inner_text().rstrip("#").strip() == "Eenzaam ben je niet alleen"


def test_the_search_index_is_fetched_when_search_is_used_not_while_reading(browser, server):
    """Reading a chapter on a phone does not download the search index (the whole site's text: the largest file of a
    page view); tapping the search icon does, and the search then finds as before."""
    with new_page(browser, PHONE) as page:
        asked = []
        page.on("request", lambda request: asked.append(request.url))
        page.goto(f"{server}/06-bespreekbaar-maken.html", wait_until="networkidle")
        assert not [url for url in asked if "search_index" in url]
        page.locator("label.md-header__button[for=__search]").click()
        page.keyboard.type("netwerkkaart", delay=20)
        results = page.locator(".md-search-result__item")
        results.first.wait_for(timeout=10_000)
        assert "netwerkkaart" in page.locator(".md-search-result").inner_text().lower()
        assert [url for url in asked if url.endswith("/search/search_index.json")]


@pytest.mark.parametrize("keys", ["click", "/"])
def test_search_on_a_wide_screen_finds_after_a_click_or_the_key(page, server, keys):
    page.goto(f"{server}/06-bespreekbaar-maken.html", wait_until="networkidle")
    if keys == "click":
        page.locator("input.md-search__input").click()
    else:
        page.keyboard.press(keys)
    page.keyboard.type("verwijskaart", delay=20)
    page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
    assert "verwijskaart" in page.locator(".md-search-result").inner_text().lower()


def test_a_chosen_result_marks_the_search_terms_on_its_page(page, server):
    """A search result opens its page with ?h=: the page loads the index at once and marks the terms, in the text
    and in the heading, whose long words carry soft hyphens ("Per-soon-lij-ke net-werk-kaart")."""
    page.goto(f"{server}/08-wensen-en-talenten.html?h=netwerkkaart", wait_until="networkidle")
    marks = page.locator("article mark")
    marks.first.wait_for(timeout=10_000)
    page.wait_for_function("document.querySelectorAll('article p mark').length > 0", timeout=10_000)  # the theme's
    assert {text.replace("\u00ad", "").lower() for text in marks.all_text_contents()} == {"netwerkkaart"}
    assert page.locator("#s8-7 mark").all_text_contents() == ["net\u00adwerk\u00adkaart"]


SOFT_HYPHENATED = re.compile(r"[^\W\d_]*\u00ad[\w\u00ad]*")


INERT = re.compile(r"<template\b.*?</template>", re.S)


def test_every_soft_hyphenated_heading_word_is_marked_when_searched(browser, server, built_site):
    """The class: each word that hooks/hyphenation.py gave soft hyphens, in every heading of every page, is marked
    when the page is opened with that word as the search term (?h=), as the theme marks words without them."""
    headings = re.compile(r"<(h[1-6])\b[^>]*>(.*?)</\1>", re.S)
    missed = []
    with new_page(browser, DESKTOP) as page:
        for url in html_pages(built_site):
            # Headings a reader sees: not those of an inert <template> (the planner's print-outs, copied in to print).
            text = INERT.sub("", (built_site / url).read_text(encoding="utf-8"))
            words = sorted({w.replace("\u00ad", "").lower() for _, h in headings.findall(text)
                            for w in SOFT_HYPHENATED.findall(re.sub(r"<[^>]+>", " ", h))})
            if not words:
                continue
            page.goto(f"{server}/{url}?h={'+'.join(words)}", wait_until="load")
            marked = {m.replace("\u00ad", "").lower() for m in page.evaluate(
                "[...document.querySelectorAll('article :is(h1, h2, h3, h4, h5, h6) mark')].map(m => m.textContent)")}
            missed += [f"{url}: {w}" for w in words if not any(w in m for m in marked)]
    assert not missed, "niet gemarkeerd in een kop:\n" + "\n".join(missed[:20])


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP])
def test_box_icons_leave_the_title_free(browser, server, built_site, viewport):
    """The icon of a box title ("Verder lezen …") sits before its text, not on its first letter."""
    covered = []
    with new_page(browser, viewport) as page:
        for url in html_pages(built_site):
            page.goto(f"{server}/{url}", wait_until="load")
            covered += [f"{url}: {t}" for t in page.evaluate("""() => [...document.querySelectorAll('.admonition-title')]
              .filter(t => { const icon = getComputedStyle(t, '::before'); if (icon.content === 'none') return false;
                             const text = [...t.childNodes].find(n => n.nodeType === 3 && n.textContent.trim());
                             if (!text) return false;
                             const r = document.createRange(); r.selectNodeContents(text);
                             const box = t.getBoundingClientRect();
                             const iconRight = box.left + parseFloat(icon.left) + parseFloat(icon.width);
                             return r.getClientRects()[0].left < iconRight - 0.5; })
              .map(t => t.textContent.trim().slice(0, 40))""")]
    assert not covered, "icoon over de titel:\n" + "\n".join(covered)


TERMS = list(parse_definitions((Path(__file__).resolve().parents[2] / "docs" / "begrippenlijst.md").read_text(encoding="utf-8")))


@pytest.mark.parametrize("term", TERMS)
def test_searching_a_term_finds_the_begrippenlijst_first(page, server, term):
    """Every term of the begrippenlijst (read from the page itself) leads to its definition first, also where a
    chapter section carries the term in its title."""
    results = _search(page, server, term.lower())
    href = results.first.locator("a").first.get_attribute("href")
    assert re.split(r"[?#]", href)[0].endswith("begrippenlijst.html"), f"{term}: eerste resultaat {href}"


LAST_LINES = """() => Array.from(document.querySelectorAll('.md-typeset .md-button')).flatMap(b => {
    const walker = document.createTreeWalker(b, NodeFilter.SHOW_TEXT), chars = [];
    for (let node; (node = walker.nextNode());)
        for (let i = 0; i < node.length; i++) {
            const range = document.createRange();
            range.setStart(node, i); range.setEnd(node, i + 1);
            const rect = range.getBoundingClientRect();
            if (rect.height) chars.push([Math.round(rect.top), node.data[i]]);
        }
    if (!chars.length) return [];
    const last = Math.max(...chars.map(([top]) => top));
    const first = Math.min(...chars.map(([top]) => top));
    const line = chars.filter(([top]) => top === last).map(([, c]) => c).join('').trim();
    return last > first ? [[b.textContent.trim(), line]] : [];
})"""


def test_a_wrapped_button_label_never_leaves_a_number_alone_on_a_phone(browser, server, built_site):
    """A button whose label wraps on a phone ("Download A3-deel bijeenkomst 5") keeps its number with the word
    before it: a lone "5" on the last line reads as a second button."""
    alone = []
    with new_page(browser, PHONE) as page:
        for url in html_pages(built_site):
            page.goto(f"{server}/{url}", wait_until="load")
            page.add_style_tag(content=ALL_SHEETS_LAID_OUT)
            alone += [f"{url}: {label!r} eindigt met de regel {line!r}" for label, line in page.evaluate(LAST_LINES)
                      if re.fullmatch(r"[\d.,:–-]+", line)]
    assert not alone, "\n".join(alone)
