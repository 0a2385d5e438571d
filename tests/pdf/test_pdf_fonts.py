"""One typeface: every font in every PDF the site offers (on every page, in every form XObject and field appearance,
in the form's resources) is one that a print stylesheet names in a font-family, or Helvetica, which
werkboek.werkblad.pdf chooses for the form fields. A glyph the chosen typeface lacks would otherwise be drawn in whatever
font the system finds (DejaVu Sans drew the '→' in the agendas and the book)."""
from __future__ import annotations

import io
import re
from pathlib import Path

import pikepdf
import pytest

from werkboek import TEMPLATES_DIR
from werkboek.pdf.weasy import write_pdf

pytestmark = pytest.mark.slow

GENERIC = {"serif", "sans-serif", "monospace", "cursive", "fantasy", "system-ui", "inherit", "initial", "unset",
           "emoji", "math", "ui-serif", "ui-sans-serif", "ui-monospace"}
FIELD_FONT = "Helvetica"  # werkboek.werkblad.pdf._standard_field_font: the form fields write in the standard Helvetica


def _key(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower())


def chosen_families() -> set[str]:
    """Every family a print stylesheet names (font-family in a rule or an @font-face), generic keywords left out."""
    families = {FIELD_FONT}
    for css in (TEMPLATES_DIR / "pdf").glob("*.css"):
        for value in re.findall(r"font-family\s*:\s*([^;}]+)", css.read_text(encoding="utf-8")):
            for family in value.replace("!important", "").split(","):
                family = family.strip().strip("\"'").strip()
                if family and family.lower() not in GENERIC:
                    families.add(family)
    return families


def _fonts(resources, seen: set, found: set) -> None:
    if not isinstance(resources, pikepdf.Dictionary):
        return
    for font in (resources.get("/Font") or {}).values():
        found.add(str(font.get("/BaseFont", "?")))
        for descendant in font.get("/DescendantFonts", []):
            found.add(str(descendant.get("/BaseFont", "?")))
        if "/Resources" in font:  # a Type 3 font draws with resources of its own
            _fonts(font.Resources, seen, found)
    for xobject in (resources.get("/XObject") or {}).values():
        if xobject.objgen in seen:
            continue
        seen.add(xobject.objgen)
        _fonts(xobject.get("/Resources"), seen, found)


def pdf_fonts(pdf: pikepdf.Pdf) -> set[str]:
    """The base font names, subset prefix (ABCDEF+) removed, of every font the PDF can draw with."""
    found, seen = set(), set()
    for page in pdf.pages:
        _fonts(page.get("/Resources"), seen, found)
        for annot in page.get("/Annots", []):
            appearances = annot.get("/AP") or {}
            for kind in appearances.values():
                for stream in [kind] if isinstance(kind, pikepdf.Stream) else list(kind.values()):
                    if isinstance(stream, pikepdf.Stream):
                        _fonts(stream.get("/Resources"), seen, found)
    acro = pdf.Root.get("/AcroForm")
    if acro is not None:
        _fonts(acro.get("/DR"), seen, found)
    return {re.sub(r"^[A-Z]{6}\+", "", name.lstrip("/")) for name in found}


def unchosen(fonts: set[str], families: set[str]) -> list[str]:
    """Fonts whose name does not start with a chosen family (Atkinson-Hyperlegible-Bold is of Atkinson Hyperlegible;
    DejaVu-Sans is not of DejaVu Serif)."""
    keys = [_key(f) for f in families]
    return sorted(f for f in fonts if not any(_key(f).startswith(k) for k in keys))


def test_every_pdf_draws_only_in_the_typefaces_its_stylesheets_choose(built_site: Path):
    families = chosen_families()
    assert {"Atkinson Hyperlegible", FIELD_FONT} <= families
    problems, counted = [], 0
    for path in sorted(built_site.rglob("*.pdf")):
        with pikepdf.open(path) as pdf:
            fonts = pdf_fonts(pdf)
        counted += bool(fonts)
        problems += [f"{path.relative_to(built_site).as_posix()}: {font}" for font in unchosen(fonts, families)]
    assert counted > 30
    assert not problems, "lettertypen die geen stijlblad koos (een teken ontbrak in het gekozen lettertype):\n" + \
        "\n".join(problems)


def test_the_check_names_a_fallback_font():
    """A character Atkinson Hyperlegible lacks ('→') is drawn in a fallback: the check must see it."""
    css = (TEMPLATES_DIR / "pdf" / "lettertypen.css").as_uri()
    html = (f'<html lang="nl"><head><title>t</title><link rel="stylesheet" href="{css}"><style>'
            'body { font-family: "Atkinson Hyperlegible", sans-serif; }</style></head>'
            '<body><p>0.50 → 1.30 en 0.50–1.30</p></body></html>')
    with pikepdf.open(io.BytesIO(write_pdf(html, name="pijl"))) as pdf:
        fonts = pdf_fonts(pdf)
    assert any(f.startswith("Atkinson") for f in fonts)
    assert unchosen(fonts, chosen_families()) != []
    with pikepdf.open(io.BytesIO(write_pdf(html.replace(" → ", "–"), name="streep"))) as pdf:
        assert unchosen(pdf_fonts(pdf), chosen_families()) == []
