"""The pages and size of every PDF the site offers, as pages show them ("PDF, 2 pagina’s, 24 kB"), filled in after
the PDFs exist.

Pages are written before any PDF is made (the PDFs are made after the pages, werkboek/publish/finish.py), so a page writes
a placeholder where a PDF's pages or size go: ``@@pdf-<hash of the PDF's path in the site>-<field>@@`` (ASCII, no
word, no Markdown or HTML character: it passes Markdown, the glossary, cross-references, the search index and JSON
unchanged). ``fill_site()`` then replaces every placeholder in every text file of the site (pages, the search index
and Material's offline copy of it, anything else), escaped for JSON in .json and .js files. A placeholder naming a
PDF the site does not hold stops with a Dutch message naming the file.
"""
from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

from werkboek.errors import DataError
from werkboek.pdf.document import page_count, pages_label, size_label

FIELDS = ("paginas", "paginatekst", "grootte", "label")
PLACEHOLDER = re.compile(r"@@pdf-([0-9a-f]{12})-([a-z]+)@@")
TEXT_SUFFIXES = {".html", ".htm", ".json", ".js", ".xml", ".txt", ".css", ".svg", ".md", ".map"}
JSON_SUFFIXES = {".json", ".js"}  # the search index as JSON, and Material's offline plugin's copy as a script


def pdf_key(site_path: str) -> str:
    """How placeholders and ``site_values()`` name the PDF at ``site_path``."""
    return hashlib.sha256(site_path.encode("utf-8")).hexdigest()[:12]


def placeholder(site_path: str, field: str) -> str:
    """The text a page writes for ``field`` of the PDF at ``site_path`` ("werkbladen/signaleringskaart.pdf")."""
    if field not in FIELDS:
        raise ValueError(field)
    return f"@@pdf-{pdf_key(site_path)}-{field}@@"


@dataclass(frozen=True)
class Planned:
    """A PDF the site will hold, as a page shows it before it exists: its path in the site and placeholders."""

    site_path: str

    @property
    def path(self) -> Path:
        return Path(self.site_path)

    @property
    def pages(self) -> str:
        return placeholder(self.site_path, "paginas")

    @property
    def pages_label(self) -> str:
        return placeholder(self.site_path, "paginatekst")

    @property
    def size_label(self) -> str:
        return placeholder(self.site_path, "grootte")

    @property
    def label(self) -> str:
        return placeholder(self.site_path, "label")


class ShownPlanned:
    """For a record of a PDF to be made whose ``planned`` is its Planned: its path, pages and size as pages show
    them (the packs' plan, werkboek/training/packs.py)."""

    planned: Planned

    @property
    def path(self) -> Path:
        return self.planned.path

    @property
    def pages_label(self) -> str:
        return self.planned.pages_label

    @property
    def size_label(self) -> str:
        return self.planned.size_label


def planned_worksheets(instruments) -> dict[str, Planned]:
    """Instrument id → its worksheet as pages show it before it is made (werkbladen/<id>.pdf)."""
    return {ident: Planned(f"werkbladen/{ident}.pdf") for ident in instruments}


def values(pages: int, size: int) -> dict[str, str]:
    """Every field's text for a PDF of ``pages`` pages and ``size`` bytes."""
    return {"paginas": str(pages), "paginatekst": pages_label(pages), "grootte": size_label(size),
            "label": f"PDF, {pages_label(pages)}, {size_label(size)}"}


def site_values(site_dir: Path) -> dict[str, dict[str, str]]:
    """Placeholder hash → field → text, for every PDF in ``site_dir``."""
    out = {}
    for pdf in sorted(site_dir.rglob("*.pdf")):
        data = pdf.read_bytes()
        if not data:
            raise DataError(f"{pdf.relative_to(site_dir).as_posix()}: deze PDF is niet gemaakt (het bestand is "
                            "leeg), maar de pagina's noemen hem; de site is niet vervangen")
        out[pdf_key(pdf.relative_to(site_dir).as_posix())] = values(page_count(data), len(data))
    return out


def fill_text(text: str, known: dict[str, dict[str, str]], where: str, as_json: bool = False) -> str:
    """``text`` with every placeholder replaced; one naming a PDF not in ``known`` stops with a Dutch message."""
    def sub(m: re.Match) -> str:
        fields = known.get(m.group(1))
        if fields is None or m.group(2) not in fields:
            raise DataError(f"{where}: de plaatshouder {m.group(0)} noemt een PDF die de site niet bevat (of een "
                            f"onbekend veld). Elke PDF die een pagina noemt, moet gemaakt zijn; bouw opnieuw, en "
                            f"controleer anders de macro die hem schreef.")
        value = fields[m.group(2)]
        return json.dumps(value)[1:-1] if as_json else value

    return PLACEHOLDER.sub(sub, text)


def text_files(site_dir: Path) -> list[Path]:
    return sorted(p for p in site_dir.rglob("*") if p.suffix.lower() in TEXT_SUFFIXES and p.is_file())


def fill_site(site_dir: Path, known: dict[str, dict[str, str]] | None = None, skip=()) -> dict[Path, str]:
    """Fill every placeholder in every text file of ``site_dir`` (``known``: default, the site's own PDFs). Returns
    the original text of each file that held one (to fill again later, e.g. when the book is remade under `mkdocs
    serve`). Files in ``skip`` are left alone. Nothing is written unless every placeholder could be filled."""
    known = site_values(site_dir) if known is None else known
    originals, filled = {}, {}
    for path in text_files(site_dir):
        if path in skip:
            continue
        text = path.read_bytes().decode("utf-8", "surrogateescape")  # bytes kept as they are (line ends too)
        if "@@pdf-" not in text:
            continue
        where = path.relative_to(site_dir).as_posix()
        filled[path] = fill_text(text, known, where, as_json=path.suffix.lower() in JSON_SUFFIXES)
        originals[path] = text
    for path, text in filled.items():
        path.write_bytes(text.encode("utf-8", "surrogateescape"))
    return originals


def leftovers(site_dir: Path) -> list[str]:
    """Every file of ``site_dir`` that still holds a placeholder (a finished site holds none)."""
    return [p.relative_to(site_dir).as_posix() for p in text_files(site_dir)
            if PLACEHOLDER.search(p.read_text(encoding="utf-8", errors="replace"))]
