"""First paint on a phone (issue 23): the page's own scripts and the theme's start after the first contentful paint
(their requests begin after it), and the theme still starts (its document$ emits, as it does on DOMContentLoaded),
on every chapter page."""
from __future__ import annotations

import re

import pytest

from quality_helpers import PHONE, html_pages, new_page

pytestmark = [pytest.mark.browser]

AFTER_LOAD = """async () => {
  const started = await new Promise(done => {
    setTimeout(() => done(false), 10000);  // a guard against waiting forever, not a speed goal
    const wait = () => window.document$ ? document$.subscribe(() => done(true)) : setTimeout(wait, 20);
    wait();
  });
  const fcp = performance.getEntriesByName("first-contentful-paint")[0];
  const scripts = performance.getEntriesByType("resource").filter(r => r.initiatorType === "script"
    && /\\/assets\\/javascripts\\/(?!workers\\/)/.test(r.name));
  return {started, fcp: fcp && fcp.startTime,
          early: scripts.filter(r => r.startTime < fcp.startTime).map(r => r.name), scripts: scripts.length};
}"""


def test_scripts_start_after_the_first_paint_and_the_theme_still_starts(browser, server, built_site):
    chapters = [url for url in html_pages(built_site) if re.match(r"^\d\d-", url)]
    assert len(chapters) >= 10
    problems = []
    with new_page(browser, PHONE) as page:
        for url in chapters + ["index.html"]:
            page.goto(f"{server}/{url}", wait_until="load")
            found = page.evaluate(AFTER_LOAD)
            if not found["started"]:
                problems.append(f"{url}: het thema start niet")
            if found["fcp"] is None or found["scripts"] < 5:
                problems.append(f"{url}: geen eerste weergave of scripts gemeten ({found})")
            problems += [f"{url}: {src} begon vóór de eerste weergave" for src in found["early"]]
        # the search (the theme's script) works: it finds a chapter
        page.goto(f"{server}/06-bespreekbaar-maken.html", wait_until="load")
        page.locator("label.md-search__icon, label[for='__search']").first.click()
        page.locator("input.md-search__input").fill("netwerkkaart")
        page.wait_for_selector(".md-search-result__item", timeout=15000)
    assert not problems, "\n".join(problems)
