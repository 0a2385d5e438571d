"""The card a link preview shows (WhatsApp, Facebook, LinkedIn: ``og:image``, overrides/partials/deelkaart.html):
one picture for the whole site, 1200 × 630 px, in the site's own typeface (Atkinson Hyperlegible) and colour, with
its title and description, and a gemeente's name and logo when it has them.

Drawn from a template (overrides/pdf/deelkaart.html) by WeasyPrint, which sets the typeface and draws SVG and
bitmap logos alike, then rasterised by pdfium (pypdfium2, pinned) and written as PNG by Pillow: nothing is fetched,
and the same input gives the same bytes (the PNG holds no date). The PNG is cached in ``cache_dir`` under a key of
its HTML, the logo's bytes and every shared PDF input (werkboek/pdf/weasy.py) and this module's own code, so a build without changes draws nothing."""
from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup

from werkboek import ROOT
from werkboek.files import write_atomic
from werkboek.pdf.weasy import cache_key, warnings_seen, write_pdf
from werkboek.werkblad.render import template_env

URI = "assets/images/deelkaart.png"  # where the card is published in the site
WIDTH, HEIGHT = 1200, 630  # the size link previews show without cropping (1.91 : 1)
THEME_LOGO = ROOT / "docs" / "assets" / "images" / "logo.svg"


@dataclass(frozen=True)
class Card:
    title: str
    description: str
    lokaal: object | None = None  # werkboek.lokaal.Lokaal: name, logo and colours of a gemeente's version

    @property
    def alt(self) -> str:
        """The image's text alternative (``og:image:alt``)."""
        naam = getattr(self.lokaal, "naam", None)
        return f"{self.title}{f' — {naam}' if naam else ''}: {self.description}"


def card_html(card: Card) -> str:
    """The card as a one-page HTML document for WeasyPrint. The werkboek's own logo is drawn inline, in white (it
    draws in currentColor); a gemeente's logo is drawn as its file, on white, as on the worksheets."""
    return template_env().get_template("pdf/deelkaart.html").render(
        kaart=card, lokaal=card.lokaal, breedte=WIDTH, hoogte=HEIGHT,
        css=(ROOT / "overrides" / "pdf" / "deelkaart.css").as_uri(),
        werkboek_logo=Markup(THEME_LOGO.read_text(encoding="utf-8").replace("currentColor", "#ffffff")))


def share_card(card: Card, cache_dir: Path | None = None) -> bytes:
    """The card as PNG bytes, from the cache when nothing changed."""
    html = card_html(card)
    logo = getattr(card.lokaal, "logo_pad", None)
    key = cache_key("deelkaart", html, hashlib.sha256(logo.read_bytes()).hexdigest() if logo else "", WIDTH, HEIGHT,
                    Path(__file__).read_bytes())
    cached = cache_dir / f"deelkaart.{key}.png" if cache_dir else None
    if cached is not None and cached.exists():
        return cached.read_bytes()
    before = warnings_seen()
    png = _raster(write_pdf(html, name="deelkaart"))
    if cached is not None and warnings_seen() == before:
        for old in cache_dir.glob("deelkaart.*.png"):
            old.unlink(missing_ok=True)
        write_atomic(cached, png)
    return png


def _raster(pdf: bytes) -> bytes:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    try:
        page = document[0]
        width, _ = page.get_size()  # in points: the template's page is WIDTH css px wide
        image = page.render(scale=WIDTH / width).to_pil().convert("RGB")
    finally:
        document.close()
    if image.size != (WIDTH, HEIGHT):  # a rounding pixel
        image = image.crop((0, 0, WIDTH, HEIGHT)) if image.width >= WIDTH and image.height >= HEIGHT else \
            image.resize((WIDTH, HEIGHT))
    out = io.BytesIO()
    image.save(out, "PNG", optimize=True)
    return out.getvalue()
