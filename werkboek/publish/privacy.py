"""Privacy scan: every .html, .css and .svg file of a built site is checked for assets loaded from another host — script
src, stylesheets, preloads, icons, images, iframes, media, CSS url() and @import. Ordinary links (<a href>) to
other sites are fine: they load nothing until clicked. werkboek/publish/finish.py stops the build on a finding."""
from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

# An absolute URL with a host: http://, https:// or protocol-relative //host.
EXTERNAL = re.compile(r"^\s*(?:https?:)?//", re.I)
CSS_URL = re.compile(r"""url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))\s*\)""", re.I)
CSS_IMPORT = re.compile(r"""@import\s+(?:"([^"]*)"|'([^']*)')""", re.I)
CSS_COMMENT = re.compile(r"/\*.*?\*/", re.S)

# <link rel=…> values that make the browser fetch (or connect to) the href.
FETCHING_RELS = {"stylesheet", "preload", "modulepreload", "prefetch", "prerender", "preconnect", "dns-prefetch",
                 "icon", "shortcut", "apple-touch-icon", "apple-touch-icon-precomposed", "mask-icon", "manifest"}
# tag → attributes that load something when the page is shown.
SRC_ATTRS = {
    "script": ("src",), "img": ("src", "srcset"), "iframe": ("src",), "frame": ("src",), "embed": ("src",),
    "object": ("data",), "source": ("src", "srcset"), "video": ("src", "poster"), "audio": ("src",),
    "track": ("src",), "input": ("src",), "image": ("href", "xlink:href"), "use": ("href", "xlink:href"),
    "feimage": ("href", "xlink:href"),
}


def css_urls(css: str) -> list[str]:
    """Every url() and @import target in a style sheet (comments ignored)."""
    css = CSS_COMMENT.sub("", css)
    found = ["".join(m.groups(default="")) for m in CSS_URL.finditer(css)]
    found += ["".join(m.groups(default="")) for m in CSS_IMPORT.finditer(css)]
    return found


class _AssetScanner(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str]] = []  # (what, url)
        self._in_style = False

    def _add(self, what: str, value: str | None, srcset: bool = False) -> None:
        if not value:
            return
        urls = [part.strip().split()[0] for part in value.split(",") if part.strip()] if srcset else [value]
        self.found += [(what, url.strip()) for url in urls if EXTERNAL.match(url)]

    def handle_starttag(self, tag, attrs):
        attrs = {name.lower(): value for name, value in attrs}
        if tag == "link":
            rels = set((attrs.get("rel") or "").lower().split())
            if rels & FETCHING_RELS:
                self._add(f'<link rel="{attrs.get("rel")}">', attrs.get("href"))
                self._add(f'<link rel="{attrs.get("rel")}" imagesrcset>', attrs.get("imagesrcset"), srcset=True)
        for attr in SRC_ATTRS.get(tag, ()):
            self._add(f"<{tag} {attr}>", attrs.get(attr), srcset=attr.endswith("srcset"))
        if attrs.get("style"):
            for url in css_urls(attrs["style"]):
                self._add(f"<{tag} style> url()", url)
        if tag == "style":
            self._in_style = True

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag):
        if tag == "style":
            self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            for url in css_urls(data):
                self._add("<style> url()/@import", url)


# Cheap first look: a page without any attribute or url() pointing at another host needs no parsing.
MAYBE_EXTERNAL = re.compile(
    r"""(?:\b(?:src|href|srcset|imagesrcset|data|poster)\s*=\s*["']?|url\(\s*["']?|@import\s+["'])\s*(?:https?:)?//""",
    re.I)


def external_assets_html(html: str, quick: bool = True) -> list[tuple[str, str]]:
    if quick and not MAYBE_EXTERNAL.search(html):
        return []
    scanner = _AssetScanner()
    scanner.feed(html)
    scanner.close()
    return scanner.found


def external_assets_css(css: str) -> list[tuple[str, str]]:
    return [("url()/@import", url) for url in css_urls(css) if EXTERNAL.match(url)]


def scan_site(site_dir: Path) -> list[tuple[str, str, str]]:
    """(file relative to the site, what, url) for every external asset in the site's .html, .css and .svg files."""
    problems = []
    for path in sorted(site_dir.rglob("*")):
        suffix = path.suffix.lower()
        if suffix not in (".html", ".htm", ".css", ".svg") or not path.is_file():
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        if suffix == ".css":
            found = external_assets_css(text)
        else:  # an SVG (a gemeente's logo) is read whole: its references may be written as character references
            found = external_assets_html(text, quick=suffix != ".svg")
        problems += [(path.relative_to(site_dir).as_posix(), what, url) for what, url in found]
    return problems
