"""What the macros' templates show besides the training (werkboek/training/agenda.py), computed without MkDocs
(werkboek/pages/macros.py supplies the URLs): the fasemodel's labels and the worksheet overview. ``href(target)`` turns
a site path ("werkbladen/x.pdf") into a URL relative to the page being rendered."""
from __future__ import annotations

from werkboek.pages import fasemodel


def phase_labels(data: tuple | None = None) -> dict[str, str]:
    """Phase id → label, the ring's included (``data``: what ``fasemodel.load()`` returns)."""
    _, ring, fases = data or fasemodel.load()
    return {f["id"]: f["label"] for f in fases} | {ring["id"]: ring["label"]}


def worksheet_rows(instruments, infos, chapter_pages, href) -> list[dict]:
    """One row per instrument for the worksheet overview: the instrument, its section on its chapter's page, its
    PDF (``infos``: id → PdfInfo, as the worksheets hook wrote them)."""
    rows = []
    for ident, item in instruments.items():
        info = infos.get(ident)
        rows.append({
            "instrument": item,
            "chapter_url": href(chapter_pages.get(item.hoofdstuk, "index.md")) + f"#s{item.nummer.replace('.', '-')}",
            "pdf_url": href(f"werkbladen/{info.path.name}") if info else None,
            "info": info,
        })
    return rows
