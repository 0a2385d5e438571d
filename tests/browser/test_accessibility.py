"""Accessibility as users meet it: every page passes axe-core's WCAG 2.1 A/AA rules at desktop and phone width (and
in the dark scheme), keyboard users get a working skip link and a focus outline they can see on every stop, and
every field of a worksheet has a name a screen reader can read out."""
from __future__ import annotations

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from axe_playwright_python.sync_playwright import Axe
from quality_helpers import ALL_SHEETS_LAID_OUT, DESKTOP, NO_TRANSITIONS, PHONE, VIEWPORTS, html_pages, new_page

pytestmark = [pytest.mark.browser, pytest.mark.slow]

AXE_OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
CHAPTER_WITH_INSTRUMENT = "05-herkennen.html"


def _describe(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        targets = ", ".join(" ".join(map(str, n["target"])) for n in v["nodes"][:8])
        more = f" (+{len(v['nodes']) - 8})" if len(v["nodes"]) > 8 else ""
        lines.append(f"{v['page']}: {v['id']} [{v['impact']}] {targets}{more} — {v['help']}")
    return "\n".join(lines)


@pytest.mark.parametrize("viewport,scheme", [("desktop", "light"), ("phone", "light"), ("desktop", "dark"), ("phone", "dark")])
def test_every_page_passes_axe_wcag21_aa(browser, server, built_site, viewport, scheme):
    axe = Axe()
    found = []
    with new_page(browser, VIEWPORTS[viewport], scheme) as page:
        for url in html_pages(built_site):
            page.goto(f"{server}/{url}", wait_until="load")
            page.evaluate("document.fonts.ready.then(() => true)")
            # every worksheet as a reader sees it on reaching it: axe measures colours at the place of a field whose
            # sheet is not laid out yet, and finds what lies there instead (the footer)
            page.add_style_tag(content=ALL_SHEETS_LAID_OUT)
            result = axe.run(page, options=AXE_OPTIONS)
            found += [{**v, "page": url} for v in result.response["violations"]]
    assert not found, f"axe ({viewport}, {scheme}): {len(found)} overtredingen\n" + _describe(found)


def test_skip_link_appears_on_first_tab_and_skips_to_the_content(browser, server):
    with new_page(browser, DESKTOP) as page:
        page.goto(f"{server}/{CHAPTER_WITH_INSTRUMENT}", wait_until="load")
        skip = page.locator("a.md-skip")
        assert skip.count() == 1, "geen skip-link (a.md-skip) op de pagina"
        assert skip.evaluate("el => getComputedStyle(el).opacity") == "0", "skip-link is zichtbaar vóór Tab"
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.classList.contains('md-skip')"), "eerste Tab gaat niet naar de skip-link"
        page.wait_for_function("getComputedStyle(document.querySelector('a.md-skip')).opacity === '1'", timeout=2000)
        box = skip.bounding_box()
        assert box and box["width"] > 0 and box["height"] > 0 and 0 <= box["y"] < DESKTOP["height"]
        on_top = page.evaluate("""() => { const s = document.querySelector('a.md-skip'), r = s.getBoundingClientRect();
                                          const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
                                          return s === hit || s.contains(hit); }""")
        assert on_top, "skip-link ligt onder een ander element"
        target = skip.get_attribute("href")
        assert target.startswith("#") and page.locator(target).count() == 1, f"skip-link wijst naar {target}"
        page.keyboard.press("Enter")
        page.wait_for_function(f"location.hash === {target!r}")
        assert page.locator(target).bounding_box()["y"] < DESKTOP["height"]


# For the focused element (or the label drawn for a visually hidden toggle): its outline, whether it is on screen,
# and the contrast of the outline against what lies behind it (WCAG 2.4.7; 3:1 as in WCAG 2.2's 2.4.13).
FOCUS_STATE = """() => {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  let shown = el;
  // Material's palette toggle is a pair of zero-size radios; the one label on display is what shows their focus.
  if (el.matches('input.md-option')) {
    const label = [...el.parentElement.querySelectorAll('label')].find(l => getComputedStyle(l).display !== 'none');
    if (label) shown = label;
  }
  const cs = getComputedStyle(shown);
  const parse = c => { const m = c.match(/^rgba?\\(([^)]+)\\)$/); if (!m) return null;
                       const p = m[1].split(/[ ,\\/]+/).filter(Boolean).map(Number); return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1]; };
  const over = (top, below) => { const a = top[3]; return [0, 1, 2].map(i => top[i] * a + below[i] * (1 - a)).concat([1]); };
  const offset = parseFloat(cs.outlineOffset) || 0;
  const layers = [];
  for (let n = offset < 0 ? shown : shown.parentElement; n; n = n.parentElement) {
    const c = parse(getComputedStyle(n).backgroundColor);
    if (c && c[3] > 0) { layers.push(c); if (c[3] >= 1) break; }
  }
  let bg = [255, 255, 255, 1];
  for (const c of layers.reverse()) bg = over(c, bg);
  const oc = parse(cs.outlineColor);
  const lum = c => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
                     return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]); };
  let contrast = null;
  if (oc) { const o = over(oc, bg), a = lum(o), b = lum(bg); contrast = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05); }
  const r = shown.getBoundingClientRect();
  const name = (el.getAttribute('aria-label') || el.textContent || el.name || el.id || '').trim().replace(/\\s+/g, ' ').slice(0, 40);
  const cls = typeof el.className === 'string' ? el.className : (el.className.baseVal || '');
  return {what: `${el.tagName.toLowerCase()}${cls ? '.' + cls.trim().split(/\\s+/).join('.') : ''} "${name}"`,
          style: cs.outlineStyle, width: parseFloat(cs.outlineWidth) || 0, color: cs.outlineColor,
          contrast, onScreen: r.width > 0 && r.height > 0 && r.right > 0 && r.bottom > 0 && r.left < innerWidth && r.top < innerHeight};
}"""


@pytest.mark.parametrize("viewport,scheme", [("desktop", "light"), ("phone", "light"), ("desktop", "dark"), ("phone", "dark")])
def test_every_focus_stop_has_a_visible_outline(browser, server, viewport, scheme):
    problems, seen = [], 0
    with new_page(browser, VIEWPORTS[viewport], scheme) as page:
        page.goto(f"{server}/{CHAPTER_WITH_INSTRUMENT}", wait_until="load")
        page.add_style_tag(content=NO_TRANSITIONS)
        first = None
        for _ in range(1500):
            page.keyboard.press("Tab")
            handle = page.evaluate_handle("document.activeElement")
            if page.evaluate("document.activeElement.matches('.md-search__input')"):
                try:  # the theme opens the search on focus a moment later: measure the ring it then shows
                    page.wait_for_function("document.querySelector('[data-md-toggle=search]').checked", timeout=2000)
                except PlaywrightTimeout:
                    pass
            if first is not None and page.evaluate("([a, b]) => a === b", [handle, first]):
                break  # around the whole page once
            state = page.evaluate(FOCUS_STATE)
            if state is None:
                if first is not None:
                    break
                continue
            first = first or handle
            seen += 1
            what = state["what"]
            if state["style"] == "none" or state["width"] < 2:
                problems.append(f"{what}: geen focusrand ({state['style']} {state['width']}px)")
            elif state["contrast"] is None or state["contrast"] < 3:
                problems.append(f"{what}: focusrand {state['color']} te weinig contrast ({state['contrast']})")
            if not state["onScreen"]:
                problems.append(f"{what}: krijgt focus maar staat niet in beeld")
    assert seen > 20, f"maar {seen} focusstops gevonden"
    assert not problems, f"{CHAPTER_WITH_INSTRUMENT} ({viewport}, {scheme}):\n" + "\n".join(problems)


ACCESSIBLE_NAMES = """() => [...document.querySelectorAll('form.werkblad input, form.werkblad textarea, form.werkblad select')]
  .filter(el => el.type !== 'hidden')
  .map(el => {
    const byIds = (el.getAttribute('aria-labelledby') || '').split(/\\s+/).filter(Boolean)
      .map(id => document.getElementById(id)).filter(Boolean).map(n => n.textContent).join(' ');
    const labels = [...(el.labels || [])].map(l => l.textContent).join(' ');
    const name = [byIds, el.getAttribute('aria-label') || '', labels, el.getAttribute('title') || ''].join(' ').trim();
    return {field: el.name || el.id || el.outerHTML.slice(0, 80), named: name.length > 0};
  })"""


def test_every_worksheet_field_has_an_accessible_name(browser, server, built_site):
    pages = [CHAPTER_WITH_INSTRUMENT] + [u for u in html_pages(built_site) if u != CHAPTER_WITH_INSTRUMENT
                                         and 'class="werkblad' in (built_site / u).read_text(encoding="utf-8")]
    unnamed, fields = [], 0
    with new_page(browser, DESKTOP) as page:
        for url in pages:
            page.goto(f"{server}/{url}", wait_until="domcontentloaded")
            found = page.evaluate(ACCESSIBLE_NAMES)
            if url == CHAPTER_WITH_INSTRUMENT:
                assert len(found) > 10, f"{url}: geen velden in form.werkblad gevonden"
            fields += len(found)
            unnamed += [f"{url}: {f['field']}" for f in found if not f["named"]]
    assert not unnamed, f"{len(unnamed)} van {fields} velden zonder toegankelijke naam:\n" + "\n".join(unnamed)


def _open_search(page):
    page.keyboard.press("/")
    page.keyboard.type("eenzaamheid")
    page.locator(".md-search-result__item").first.wait_for(timeout=10_000)


def _open_drawer(page):
    page.locator('label.md-header__button[for="__drawer"]').click()
    page.wait_for_function("document.getElementById('__drawer').checked")


def _show_term(page):
    page.locator(".begrip__term").first.focus()
    page.locator(".begrip__uitleg").first.wait_for(state="visible")


@pytest.mark.parametrize("state,viewport,scheme", [
    ("zoeken", "desktop", "light"), ("zoeken", "phone", "dark"), ("menu", "phone", "light"), ("menu", "phone", "dark"),
    ("begrip", "desktop", "light"), ("begrip", "desktop", "dark"), ("begrip", "phone", "light")])
def test_opened_search_menu_and_term_pass_axe(browser, server, state, viewport, scheme):
    """What only shows after a click: search results, the phone menu, a term's explanation."""
    axe = Axe()
    with new_page(browser, VIEWPORTS[viewport], scheme) as page:
        page.goto(f"{server}/{CHAPTER_WITH_INSTRUMENT}", wait_until="load")
        page.add_style_tag(content=NO_TRANSITIONS)
        {"zoeken": _open_search, "menu": _open_drawer, "begrip": _show_term}[state](page)
        found = [{**v, "page": f"{CHAPTER_WITH_INSTRUMENT} ({state})"}
                 for v in axe.run(page, options=AXE_OPTIONS).response["violations"]]
    assert not found, f"axe ({state}, {viewport}, {scheme}):\n" + _describe(found)


# Rules Lighthouse's accessibility score runs beyond the WCAG-tagged set above: a link or button whose visible words
# are missing from its name (speech users say what they see), and a dialog without a name.
LIGHTHOUSE_RULES = {"runOnly": {"type": "rule", "values": ["label-content-name-mismatch", "aria-dialog-name"]}}


def test_every_page_passes_the_rules_lighthouse_adds(browser, server, built_site):
    axe = Axe()
    found = []
    with new_page(browser, PHONE) as page:
        for url in html_pages(built_site):
            page.goto(f"{server}/{url}", wait_until="load")
            result = axe.run(page, options=LIGHTHOUSE_RULES)
            found += [{**v, "page": url} for v in result.response["violations"]]
    assert not found, f"axe (Lighthouse-regels): {len(found)} overtredingen\n" + _describe(found)
