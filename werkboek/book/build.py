"""The whole werkboek as one printable PDF ("Print van werkboek", downloads/werkboek.pdf).

Made from the same rendered HTML as the website (the written pages carry their content between two markers,
werkboek/publish/finish.py reads it), so the book and the site never differ. ``assemble()`` makes one HTML document of it; ``build_book()``
renders it with WeasyPrint and the print stylesheet overrides/pdf/boek.css, cached by a hash of that HTML.

What the book holds: every nav page whose first heading is numbered (chapters 1–11, 12 Kennisbronnen and the
kennisbronnen 12.1–12.8, bijlagen) plus the begrippenlijst, in nav order; not the home page or the pages about the
website's downloads (Werkbladen, Training geven). A cover and a table of contents with page numbers come first.

How the site's HTML becomes a book:

- every id gets the page's prefix (``p-05-herkennen--s5-3``), and so do the references to ids (``href="#…"``,
  ``for``, ``aria-labelledby``, ``aria-describedby``, SVG ``href``), so ids stay unique in one document;
- links between book pages become internal (``#p-05-herkennen--s5-3``, a whole page: ``#p-05-herkennen``);
  cross-references (class ``verwijzing``) then print their page: "zie §5.3, p. 23" (boek.css, target-counter);
  links to anything else on the site (PDF downloads, other pages: the Verantwoording the edition's markers point to)
  lead to the online site when the build knows its address (werkboek/publish/site_address.py), else lose their
  link; either way they keep their text and kind (class ``buiten-boek``); links to other websites stay;
- the site's "#" heading links and the term tooltips' explanations go (the begrippenlijst is in the book);
- an instrument that is its own section ("5.3 Instrument: Signaleringskaart") starts on a new page and is followed
  by one, landscape instruments on landscape pages: blank, printable pages (inputs are drawn, not PDF fields);
- local images are embedded, so the HTML alone determines the PDF (and its cache key);
- inline SVG (the fasemodel) gets its styles inside it (overrides/pdf/boek-svg.css): WeasyPrint applies no other;
  its ring label, drawn along a path on the site, is set straight (WeasyPrint draws no text on a path).
"""
from __future__ import annotations

import base64
import html as htmllib
import io
import mimetypes
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

import pikepdf

from werkboek import TEMPLATES_DIR
from werkboek.files import write_atomic
from werkboek.htmltext import strip_tags
from werkboek.pages.fasemodel import CX, CY, R_RING_IN, R_RING_OUT
from werkboek.pdf.document import Sized, finalize, page_count, pages_label
from werkboek.pdf.weasy import cache_key, render, reuse
from werkboek.sections import heading_key
from werkboek.werkblad.render import template_env

CSS = TEMPLATES_DIR / "pdf" / "boek.css"
SVG_CSS = TEMPLATES_DIR / "pdf" / "boek-svg.css"
GLOSSARY = "begrippenlijst.md"
H1 = re.compile(r"<h1\b[^>]*>(.*?)</h1>", re.S)
HEADING = re.compile(r"<h([1-3])\b([^>]*)>(.*?)</h\1>", re.S)
ID_ATTR = re.compile(r'\b(id|for|aria-labelledby|aria-describedby|aria-controls)="([^"]*)"')
HREF = re.compile(r'(?<![\w-])((?:xlink:)?href)="([^"]*)"')
LINK = re.compile(r"<a\b([^>]*)>(.*?)</a>", re.S)
IMG_SRC = re.compile(r'(<img\b[^>]*?\bsrc=")([^"]+)(")')
HEADERLINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.S)
TOOLTIP = re.compile(r'<div class="begrip__uitleg"[^>]*>.*?</div>', re.S)
TERM_BUTTON = re.compile(r'<button\b[^>]*class="begrip__term"[^>]*>(.*?)</button>', re.S)
INSTRUMENT_SECTION = re.compile(
    r'<section class="callout callout--instrument"([^>]*)>(\s*<h2\b.*?</h2>\s*)<form class="werkblad ([^"]*)"', re.S)
SVG_REF = re.compile(r'<(?!a[\s>])[a-zA-Z][\w:-]*\b[^>]*\bhref="#[^>]*>')
SVG_OPEN = re.compile(r"<svg\b[^>]*>")
RING_TEXT = re.compile(r'<text class="(fasemodel__ringtekst[^"]*)"[^>]*><textPath\b[^>]*>(.*?)</textPath></text>', re.S)
SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)
# A written page carries its content between these markers (overrides/partials/content.html): the book is read from
# the written site, whatever engine wrote it; the post-build step removes the markers (werkboek/publish/finish.py).
CONTENT = re.compile(r"<!--werkboek:inhoud-->(.*?)<!--/werkboek:inhoud-->", re.S)
CONTENT_MARKERS = re.compile(r"<!--/?werkboek:inhoud-->")
SOFT_HYPHEN = "\u00ad"  # added to headings of the page as shown only (werkboek/pages/hyphenation.py)


@dataclass(frozen=True)
class BookPage:
    src_uri: str  # "05-herkennen.md"
    url: str  # "05-herkennen.html"
    html: str  # page.content after every hook


@dataclass(frozen=True)
class BookInfo(Sized):
    path: Path
    pages: int
    size: int
    status: str

    @property
    def label(self) -> str:
        return f"PDF, {pages_label(self.pages)}, {self.size_label}"


def written_content(page_html: str) -> str | None:
    """A written page's content as the book reads it (the page's content without the soft hyphens only the page as
    shown carries), or None when the page carries no markers (e.g. not rebuilt by `mkdocs serve --dirty`)."""
    m = CONTENT.search(page_html)
    return None if m is None else m.group(1).replace(SOFT_HYPHEN, "")


def without_markers(page_html: str) -> str:
    return CONTENT_MARKERS.sub("", page_html)


def in_book(page: BookPage) -> bool:
    """A numbered first heading (chapter, kennisbron, bijlage), or the begrippenlijst."""
    if page.src_uri == GLOSSARY:
        return True
    m = H1.search(page.html)
    return bool(m) and heading_key(1, strip_tags(HEADERLINK.sub("", m.group(1))).strip()) is not None


def prefix_of(src_uri: str) -> str:
    return "p-" + re.sub(r"[^a-z0-9]+", "-", src_uri.removesuffix(".md").lower()).strip("-")


def kind_of(page: BookPage) -> str:
    m = H1.search(page.html)
    key = heading_key(1, strip_tags(HEADERLINK.sub("", m.group(1))).strip()) if m else None
    if key is None:
        return "begrippen"
    return {"h": "hoofdstuk", "b": "bijlage", "s": "kennisbron"}[key[0]]


def _rewrite(page: BookPage, prefix: str, targets: dict[str, str], site_dir: Path | None,
             site_url: str | None = None) -> str:
    html = HEADERLINK.sub("", page.html)
    html = TOOLTIP.sub("", html)
    html = TERM_BUTTON.sub(r'<span class="begrip__term">\1</span>', html)

    def ids(m: re.Match) -> str:
        values = " ".join(f"{prefix}--{v}" for v in m.group(2).split())
        return f'{m.group(1)}="{values}"'

    html = ID_ATTR.sub(ids, html)

    def target(href: str) -> str | None:
        """The book-internal href for a site href, the online page's address for a page the book does not hold (when
        the site's address is known; '' else: a link to drop), None to keep."""
        if SCHEME.match(href) or href.startswith("//"):
            return None
        path, _, fragment = href.partition("#")
        if not path:
            return f"#{prefix}--{fragment}" if fragment else f"#{prefix}"
        url = posixpath.normpath(posixpath.join(posixpath.dirname(page.url), path))
        other = targets.get(url)
        if other is None:
            online = site_url and not url.startswith("../") and url != ".."
            return f"{site_url}{url}{'#' + fragment if fragment else ''}" if online else ""
        return f"#{other}--{fragment}" if fragment else f"#{other}"

    def link(m: re.Match) -> str:
        attrs, text = m.group(1), m.group(2)
        href = re.search(r'\bhref="([^"]*)"', attrs)
        if not href:
            return m.group(0)
        new = target(htmllib.unescape(href.group(1)))
        if new is None:
            return m.group(0)
        if new == "":  # a page the book does not hold: the text stays, with its kind (e.g. redactie: styled)
            kind = re.search(r'\bclass="([^"]*)"', attrs)
            return f'<span class="buiten-boek{" " + kind.group(1) if kind else ""}">{text}</span>'
        attrs = attrs.replace(href.group(0), f'href="{htmllib.escape(new)}"')
        attrs = re.sub(r"\sdownload\b(=\"[^\"]*\")?", "", attrs)
        if not new.startswith("#"):  # to the online site: the text keeps its kind and its look, as a span would
            kind = re.search(r'\bclass="([^"]*)"', attrs)
            attrs = (attrs.replace(kind.group(0), f'class="buiten-boek {kind.group(1)}"') if kind
                     else f' class="buiten-boek"{attrs}')
        return f"<a{attrs}>{text}</a>"

    def local_ref(m: re.Match) -> str:
        return HREF.sub(lambda h: f'{h.group(1)}="#{prefix}--{h.group(2)[1:]}"' if h.group(2).startswith("#")
                        else h.group(0), m.group(0))

    # References inside the page from other elements than links (SVG <textPath href="#…">, <use>).
    html = SVG_REF.sub(local_ref, html)
    html = LINK.sub(link, html)

    def image(m: re.Match) -> str:
        src = m.group(2)
        if SCHEME.match(src) or site_dir is None:
            return m.group(0)
        file = (site_dir / posixpath.normpath(posixpath.join(posixpath.dirname(page.url), src))).resolve()
        if not file.is_file():
            return m.group(0)
        kind = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
        return f"{m.group(1)}data:{kind};base64,{base64.b64encode(file.read_bytes()).decode()}{m.group(3)}"

    html = IMG_SRC.sub(image, html)

    # WeasyPrint styles inline SVG only from styles inside it.
    svg_css = " ".join(re.sub(r"/\*.*?\*/", "", SVG_CSS.read_text(encoding="utf-8"), flags=re.S).split())
    html = SVG_OPEN.sub(lambda m: f"{m.group(0)}<style>{svg_css}</style>", html)

    # WeasyPrint draws no text along a path: the fasemodel's ring label goes straight, at the top and the bottom.
    ring = iter(range(1_000_000))

    def ring_text(m: re.Match) -> str:
        middle = (R_RING_IN + R_RING_OUT) / 2
        y = CY - middle + 5 if next(ring) % 2 == 0 else CY + middle + 5
        return f'<text class="{m.group(1)}" x="{CX}" y="{y:.0f}" text-anchor="middle" font-size="13">{m.group(2)}</text>'

    html = RING_TEXT.sub(ring_text, html)

    def instrument(m: re.Match) -> str:
        landscape = " boek-werkblad--liggend" if "werkblad--liggend" in m.group(3) else ""
        return (f'<section class="callout callout--instrument boek-werkblad{landscape}"{m.group(1)}>{m.group(2)}'
                f'<form class="werkblad {m.group(3)}"')

    return INSTRUMENT_SECTION.sub(instrument, html)


def _toc(part: str, prefix: str, kind: str) -> list[dict]:
    """Entries of the table of contents: every page's h1, and the h2 sections of chapters."""
    entries = []
    for m in HEADING.finditer(part):
        level, attrs, text = int(m.group(1)), m.group(2), strip_tags(m.group(3)).strip()
        ident = re.search(r'\bid="([^"]+)"', attrs)
        if not ident or 'class="werkblad' in attrs:
            continue
        if level == 1:
            entries.append({"level": 2 if kind == "kennisbron" else 1, "href": f"#{prefix}", "text": text,
                            "kind": kind})
        elif level == 2 and kind == "hoofdstuk":
            entries.append({"level": 2, "href": f"#{ident.group(1)}", "text": text, "kind": kind})
    return entries


def assemble(pages: list[BookPage], title: str, description: str = "", copyright: str = "",
             site_dir: Path | None = None, lokaal=None, site_url: str | None = None) -> str:
    """One HTML document of the book pages (cover, contents, the pages in order). ``site_url``: the site's address
    (werkboek/publish/site_address.py), to which links to pages the book does not hold then lead."""
    chosen = [p for p in pages if in_book(p)]
    targets = {p.url: prefix_of(p.src_uri) for p in chosen}
    parts, toc = [], []
    for page in chosen:
        prefix, kind = prefix_of(page.src_uri), kind_of(page)
        body = _rewrite(page, prefix, targets, site_dir, site_url)
        toc += _toc(body, prefix, kind)
        parts.append({"id": prefix, "kind": kind, "html": body})
    return template_env().get_template("pdf/boek.html").render(
        titel=title, beschrijving=description, copyright=copyright, delen=parts, inhoud=toc, lokaal=lokaal,
        css=CSS.as_uri())


def finished_path(html: str, cache_dir: Path, title: str, epoch: int, subject: str = "") -> Path:
    """Where the finished book for these inputs is kept (it exists when nothing changed since it was made)."""
    return cache_dir / f"werkboek.{cache_key('boek', html, title, subject, epoch)}.klaar.pdf"


def latest_finished(cache_dir: Path) -> Path | None:
    """The most recently made book in the cache (any inputs), or None."""
    books = sorted(cache_dir.glob("werkboek.*.klaar.pdf"), key=lambda p: p.stat().st_mtime) if cache_dir.is_dir() else []
    return books[-1] if books else None


def build_book(html: str, target: Path, cache_dir: Path | None, title: str, epoch: int,
               subject: str = "") -> BookInfo:
    """Render the book (cached by ``cache_key()`` of its HTML), set its metadata, write ``target``."""
    final = finished_path(html, cache_dir, title, epoch, subject) if cache_dir else None

    def make() -> bytes:
        raw, _ = render(html, cache_dir, "werkboek")
        with pikepdf.open(io.BytesIO(raw)) as pdf:
            pdf.Root.PageMode = pikepdf.Name.UseOutlines
            return finalize(pdf, title, epoch, subject)

    data, status = reuse(final, make)  # nothing changed: no PDF is opened or saved
    return publish(data, target, status)


def publish(data: bytes, target: Path, status: str) -> BookInfo:
    """Write a finished book to ``target`` (atomically) and describe it."""
    write_atomic(target, data)
    return BookInfo(target, page_count(data), len(data), status)
