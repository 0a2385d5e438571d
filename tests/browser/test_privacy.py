"""Privacy: a visit is seen by nobody but the host. In Chromium every page (and a search) requests nothing outside
the site's own origin; at build time the post-build step (werkboek/publish/finish.py) stops a build whose HTML or CSS would load anything
from another host, and such a failed build leaves no site behind."""
from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT, mkdocs_build
from quality_helpers import DESKTOP, html_pages, new_page

from werkboek.publish import privacy

LOCAL_SCHEMES = ("data:", "blob:")


@pytest.mark.browser
@pytest.mark.slow
def test_pages_request_nothing_from_another_origin(browser, server, built_site):
    requests: list[tuple[str, str]] = []
    current = {"page": ""}
    with new_page(browser, DESKTOP) as page:
        page.on("request", lambda r: requests.append((current["page"], r.url)))
        for url in html_pages(built_site):
            current["page"] = url
            page.goto(f"{server}/{url}", wait_until="networkidle")
        # Searching loads the search worker, the index and the Dutch stemmer.
        current["page"] = "index.html (zoeken)"
        page.goto(f"{server}/index.html", wait_until="networkidle")
        page.keyboard.press("/")
        page.keyboard.type("eenzaamheid")
        page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
        page.wait_for_load_state("networkidle")
    assert len(requests) > len(html_pages(built_site))
    foreign = [f"{where}: {url}" for where, url in requests
               if not url.startswith(server + "/") and not url.startswith(LOCAL_SCHEMES)]
    assert not foreign, "verzoeken naar een andere server:\n" + "\n".join(sorted(set(foreign)))


def test_guard_finds_assets_from_other_hosts_and_allows_links():
    guard = privacy
    html = """<html><head>
      <link rel="stylesheet" href="https://cdn.example.org/a.css"><link rel="preconnect" href="//fonts.example.org">
      <link rel="icon" href="http://example.org/favicon.ico"><link rel="canonical" href="https://werkboek.example.nl/">
      <link rel="stylesheet" href="assets/own.css"><script src="https://unpkg.com/iframe-worker/shim"></script>
      <style>@import url("https://fonts.example.org/css2"); .x { background: url(data:image/png;base64,AAAA) }</style>
      </head><body><a href="https://www.example.org/meer">meer</a><img src="img/own.png"
      srcset="own.png 1x, https://img.example.org/b.png 2x"><iframe src="https://video.example.org/embed"></iframe>
      <div style="background-image: url('//img.example.org/c.png')"></div>
      <svg xmlns="http://www.w3.org/2000/svg"><image href="https://img.example.org/d.svg"/></svg></body></html>"""
    found = {url for _, url in guard.external_assets_html(html)}
    assert found == {"https://cdn.example.org/a.css", "//fonts.example.org", "http://example.org/favicon.ico",
                     "https://unpkg.com/iframe-worker/shim", "https://fonts.example.org/css2",
                     "https://img.example.org/b.png", "https://video.example.org/embed", "//img.example.org/c.png",
                     "https://img.example.org/d.svg"}
    css = """/* url(https://in.a.comment/x.png) */ @import 'https://fonts.example.org/x.css';
      .a { mask: url('data:image/svg+xml;utf8,<svg xmlns="http://www.w3.org/2000/svg"></svg>') }
      .b { background: url(../img/own.png) } @font-face { src: url("//fonts.example.org/f.woff2") }"""
    assert {url for _, url in guard.external_assets_css(css)} == {"https://fonts.example.org/x.css",
                                                                  "//fonts.example.org/f.woff2"}


def test_built_site_has_no_external_assets_and_no_cdn_shim(built_site):
    assert privacy.scan_site(built_site) == []
    index = (built_site / "index.html").read_text(encoding="utf-8")
    assert 'src="assets/javascripts/vendor/iframe-worker-shim.js"' in index
    assert "unpkg.com" not in index and "cdn.jsdelivr" not in index


def _tiny_project(tmp_path: Path, body: str) -> Path:
    """A throwaway Material project with only the post-build step (atomic build and guard; no PDFs to make)."""
    project = tmp_path / "klein"
    (project / "docs").mkdir(parents=True)
    (project / "docs" / "index.md").write_text(f"# Test\n\n{body}\n", encoding="utf-8")
    (project / "mkdocs.yml").write_text(
        "site_name: Test\nstrict: true\nuse_directory_urls: false\n"
        "theme:\n  name: material\n  font: false\n  language: nl\n"
        f"hooks:\n  - {ROOT / 'hooks' / 'finish.py'}\n",
        encoding="utf-8")
    return project


@pytest.mark.slow
def test_a_page_loading_an_external_script_stops_the_build_and_leaves_no_site(tmp_path):
    clean = _tiny_project(tmp_path / "goed", 'Een [link naar elders](https://www.example.org/) mag.')
    result = mkdocs_build(clean, tmp_path / "goed" / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    assert (tmp_path / "goed" / "site" / "index.html").is_file()

    project = _tiny_project(tmp_path / "fout", '<script src="https://cdn.example.org/volg.js"></script>')
    site = tmp_path / "fout" / "site"
    result = mkdocs_build(project, site)
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "index.html: https://cdn.example.org/volg.js (<script src>)" in output, output
    assert not site.exists(), "een mislukte build liet een site-map achter"
    assert not site.with_name("site.bouwen").exists(), "een mislukte build liet de tijdelijke map achter"
