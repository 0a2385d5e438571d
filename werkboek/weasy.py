"""WeasyPrint rendering with a cache, shared by the worksheets (werkboek.pdf), the training packs
(werkboek.packs) and the book (werkboek.book).

Every PDF is rendered the same way: tagged (PDF/UA-1), custom metadata kept, compressed, relative URLs resolved
from the project root. ``render()`` caches the raw PDF by a hash of its HTML and style inputs; ``reuse()`` keeps a
finished PDF by a key its caller computes, so a build without changes opens no PDF at all."""
from __future__ import annotations

import hashlib
from pathlib import Path

from . import ROOT, TEMPLATES_DIR
from .files import write_atomic

PDF_DIR = TEMPLATES_DIR / "pdf"
# Style inputs of every WeasyPrint render (besides the HTML itself): a change to any invalidates the cache.
STYLE_INPUTS = [PDF_DIR, ROOT / "docs" / "assets" / "fonts", ROOT / "docs" / "assets" / "stylesheets"]


def style_hash() -> bytes:
    h = hashlib.sha256()
    for folder in STYLE_INPUTS:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            h.update(path.name.encode())
            h.update(path.read_bytes())
    return h.digest()


def write_pdf(html: str, pdf_forms: bool = False) -> bytes:
    """WeasyPrint ``html`` to a tagged PDF (uncached)."""
    import weasyprint  # only when something must be rendered: importing it takes a second

    return weasyprint.HTML(string=html, base_url=str(ROOT)).write_pdf(
        pdf_forms=pdf_forms, pdf_variant="pdf/ua-1", custom_metadata=True, uncompressed_pdf=False)


def render(html: str, cache_dir: Path | None, name: str, pdf_forms: bool = False) -> tuple[bytes, str]:
    """WeasyPrint ``html`` to PDF (tagged, PDF/UA-1), cached by a hash of the HTML, the style inputs and the
    WeasyPrint version. Returns (raw PDF, status)."""
    from importlib.metadata import version

    h = hashlib.sha256(html.encode())
    h.update(style_hash())
    h.update(version("weasyprint").encode() + str(pdf_forms).encode())
    key = h.hexdigest()[:20]
    cached = cache_dir / f"{name}.{key}.pdf" if cache_dir else None
    if cached is not None and cached.exists():
        return cached.read_bytes(), "ongewijzigd"
    raw = write_pdf(html, pdf_forms)
    if cached is not None:
        cache_dir.mkdir(parents=True, exist_ok=True)
        for old in cache_dir.glob(f"{name}.*.pdf"):
            old.unlink(missing_ok=True)
        write_atomic(cached, raw)
    return raw, "gemaakt"


def reuse(cached: Path | None, make) -> tuple[bytes, str]:
    """The finished PDF at ``cached`` if it exists ("ongewijzigd"), else ``make()`` written there ("gemaakt")."""
    if cached is not None and cached.exists():
        return cached.read_bytes(), "ongewijzigd"
    data = make()
    if cached is not None:
        write_atomic(cached, data)
    return data, "gemaakt"
