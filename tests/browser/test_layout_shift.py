"""Nothing moves while a page loads, so on a phone a reader never loses the line they started reading: a web font
that arrives after the first paint is not swapped in (the text stays in the metric-matched system font), the basis
fonts are asked for with the HTML, and the logo and the fasemodel have their size before they load. The fonts are
held back on purpose here, as on a slow connection."""
from __future__ import annotations

import time

import pytest
from quality_helpers import DESKTOP, PHONE, new_page

pytestmark = [pytest.mark.browser, pytest.mark.slow]

# The home page, a chapter with worksheets, and the chapter whose fasemodel moved when the font swapped in.
PAGES = ["index.html", "06-bespreekbaar-maken.html", "11-lokale-samenwerking.html"]
OBSERVE = """window.__shifts = [];
new PerformanceObserver(list => { for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shifts.push(
  {value: e.value, nodes: (e.sources || []).map(s => s.node ? (s.node.nodeName + ' ' + (s.node.className?.baseVal
  ?? s.node.className ?? '')) : '?')}); }).observe({type: 'layout-shift', buffered: true});"""
FONT_DELAY_S = 0.6


def _slow_font(route):
    time.sleep(FONT_DELAY_S)
    route.continue_()


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_pages_do_not_shift_when_the_web_font_arrives(browser, server, viewport):
    size = PHONE if viewport == "phone" else DESKTOP
    found = []
    with new_page(browser, size) as page:
        page.context.route("**/*.woff2", _slow_font)
        page.add_init_script(OBSERVE)
        for url in PAGES:
            page.goto(f"{server}/{url}", wait_until="load")
            page.evaluate("document.fonts.ready.then(() => true)")
            page.wait_for_timeout(int(FONT_DELAY_S * 1000) + 300)
            shifts = page.evaluate("window.__shifts")
            score = sum(s["value"] for s in shifts)
            # A shift score of 0.01 is a line moving ~1 % of the screen; the unmatched fallback moved 0.15.
            if score > 0.01:
                found.append(f"{url}: {score:.3f} {[s['nodes'] for s in shifts]}")
    assert not found, "layout verschuift bij het laden:\n" + "\n".join(found)


def test_images_and_the_fasemodel_have_their_size_before_they_load(browser, server):
    with new_page(browser, PHONE) as page:
        page.goto(f"{server}/11-lokale-samenwerking.html", wait_until="load")
        unsized = page.evaluate("""() => [...document.querySelectorAll('img, .fasemodel svg')]
            .filter(el => !(el.getAttribute('width') && el.getAttribute('height')))
            .map(el => el.outerHTML.slice(0, 80))""")
        assert not unsized, f"zonder width/height: {unsized}"
        # The attributes must give the right shape: the rendered box keeps the image's own aspect ratio.
        ratios = page.evaluate("""() => [...document.querySelectorAll('img, .fasemodel svg')]
            .filter(el => el.getBoundingClientRect().width > 0)
            .map(el => [el.outerHTML.slice(0, 60), el.getAttribute('width') / el.getAttribute('height'),
                        el.getBoundingClientRect().width / el.getBoundingClientRect().height])""")
        for what, declared, shown in ratios:
            assert abs(declared - shown) < 0.05, f"{what}: width/height {declared:.2f}, getoond {shown:.2f}"


def test_the_basis_fonts_are_requested_with_the_page(browser, server):
    with new_page(browser, PHONE) as page:
        fonts = []
        page.on("requestfinished", lambda r: fonts.append(r.url) if r.url.endswith(".woff2") else None)
        page.goto(f"{server}/06-bespreekbaar-maken.html", wait_until="load")
        preloads = page.evaluate("""() => [...document.querySelectorAll('link[rel=preload][as=font]')]
            .map(l => [l.href, l.crossOrigin])""")
        assert {h.rsplit("/", 1)[-1] for h, _ in preloads} == {"atkinson-hyperlegible-400-normal-basis.woff2",
                                                              "atkinson-hyperlegible-700-normal-basis.woff2"}
        assert all(c == "anonymous" for _, c in preloads), "preload zonder crossorigin wordt twee keer geladen"
        for href, _ in preloads:
            assert fonts.count(href) == 1, f"{href}: {fonts.count(href)} keer geladen"
