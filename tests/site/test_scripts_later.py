"""A page's text is drawn before its scripts start (issue 23: Lighthouse's Largest Contentful Paint on a phone counted
the theme's 35 kB script, fetched and run before the text was drawn). Every script a built page fetches waits, inert,
in its <template id="scripts-later">, in the theme's order with the polyfill first; the browser test
(tests/browser/test_first_paint.py) shows that they start after the first paint and that the theme still starts."""
from __future__ import annotations

from pathlib import Path

import lxml.html


def early_scripts(html: str) -> tuple[list[str], list[str]]:
    """(scripts fetched as the page is read, scripts waiting in the template) by their address."""
    doc = lxml.html.fromstring(html)
    early, later = [], []
    for script in doc.iter("script"):
        if script.get("src"):
            waiting = any(a.tag == "template" and a.get("id") == "scripts-later" for a in script.iterancestors())
            (later if waiting else early).append(script.get("src"))
    return early, later


def test_no_page_fetches_a_script_before_its_first_paint(built_site: Path):
    problems, pages = [], 0
    for page in sorted(built_site.rglob("*.html")):
        early, later = early_scripts(page.read_text(encoding="utf-8"))
        name = page.relative_to(built_site).as_posix()
        problems += [f"{name}: {src}" for src in early]
        names = [src.rsplit("/", 1)[-1] for src in later]
        if not (names and names[0] == "iframe-worker-shim.js" and names[1].startswith("bundle.")):
            problems.append(f"{name}: scripts later in de verkeerde volgorde of ontbrekend: {names}")
        pages += 1
    assert pages > 20
    assert not problems, "scripts die vóór de eerste weergave geladen worden:\n" + "\n".join(problems)


def test_the_check_sees_a_script_in_the_page():
    early, later = early_scripts('<html><head><script src="a.js"></script></head><body><template id="scripts-later">'
                                 '<script src="b.js"></script></template><script>inline()</script></body></html>')
    assert early == ["a.js"] and later == ["b.js"]
