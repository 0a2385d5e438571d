"""Download packs for the training (Bijlage 1): one PDF per bijeenkomst with everything the trainer prints.

Callable without MkDocs: ``python -m werkboek packs OUT`` or ``build_packs(out)``. A pack holds, in this order:

1. the session's worksheets (fillable; fields are copied with the pages, so they stay fillable after merging),
2. the session's posters (bijeenkomst 5: the three strategy sheets for the walls, A3),
3. the homework sheet "Opdracht(en) voor bijeenkomst n+1" (from ``huiswerk``; none after the last session),
4. a one-page agenda for the trainer: computed times, the materials, and what is in the pack.

Each part is also written as its own file (worksheets stay at werkbladen/<id>.pdf), so one part can be printed.

What goes in a pack and why: werkboek/session_contents.py; the agenda, homework and poster pages:
werkboek/pack_pages.py; merging: werkboek/pdfmerge.py; checks of data/training.yml: werkboek/training_check.py.

Everything is reproducible and cached by werkboek.weasy.cache_key() (every input, code and library versions
included): each part by its HTML, the merged pack by its parts; dates come from ``werkboek.pdf.source_date()`` and
ids are deterministic.
"""
from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass, field
from pathlib import Path

import pikepdf

from . import ROOT, WERKBOEK_TITEL
from .files import write_atomic
from .loader import DataError
from .pack_pages import agenda_html, homework_html, poster_html
from .pdf import Sized, finish_raw, page_count, pages_label, size_label
from .pdfmerge import merge
from .sections import scan_dir
from .session_contents import session_instruments, session_posters
from .training import TRAINING_PATH, Training
from .training_check import check_training
from .weasy import cache_key, render, reuse

DOCS_DIR = ROOT / "docs"


@dataclass(frozen=True)
class Part(Sized):
    kind: str  # "werkblad", "poster", "huiswerk" or "agenda"
    title: str
    path: Path
    pages: int
    size: int
    ident: str = ""  # instrument id for worksheets


@dataclass(frozen=True)
class Pack(Sized):
    number: int
    path: Path
    pages: int
    size: int
    parts: list[Part] = field(default_factory=list)


def _is_a3(data: bytes) -> bool:
    with pikepdf.open(io.BytesIO(data)) as pdf:
        box = pdf.pages[0].mediabox
        return max(float(box[2]) - float(box[0]), float(box[3]) - float(box[1])) > 1100  # A4: 842 pt, A3: 1191 pt


def _merge_key(parts: list[tuple[str, bytes]], title: str, epoch: int) -> str:
    return cache_key("pakket", title, epoch, *(label.encode() + hashlib.sha256(data).digest() for label, data in parts))


def build_packs(out_dir: Path, worksheets: dict[str, Path] | None = None, cache_dir: Path | None = None,
                docs_dir: Path = DOCS_DIR, training_path: Path = TRAINING_PATH, lokaal=None,
                epoch: int | None = None, log=None, training: Training | None = None) -> dict[int, Pack]:
    """Write ``out_dir/bijeenkomst-N.pdf`` and its parts for every session. ``worksheets`` maps instrument ids to
    their PDF (as the worksheets hook wrote them); missing ones are rendered here (cached like werkboek.pdf does)."""
    from .loader import load_instruments
    from .pdf import build_one, source_date

    epoch = source_date() if epoch is None else epoch
    out_dir = Path(out_dir)
    instruments = load_instruments()
    training = training or check_training(training_path, docs_dir, instruments)
    sections = scan_dir(docs_dir)
    worksheets = dict(worksheets or {})
    store = cache_dir / "opslag" if cache_dir else None
    titel = getattr(lokaal, "site_titel", None) or WERKBOEK_TITEL
    packs = {}
    for session in training.bijeenkomsten:
        n = session.nummer
        parts: list[Part] = []
        datas: list[tuple[str, bytes]] = []

        def add(kind, title, data, path, ident=""):
            parts.append(Part(kind, title, path, page_count(data), len(data), ident))
            datas.append((title, data))

        for instrument in session_instruments(session, instruments, sections):
            if instrument.id not in worksheets:
                sheet_cache = cache_dir / "werkbladen" if cache_dir else None
                info = build_one(instrument, out_dir / "werkbladen", sheet_cache, lokaal, epoch)
                worksheets[instrument.id] = info.path
            path = Path(worksheets[instrument.id])
            add("werkblad", f"Werkblad {instrument.nummer} {instrument.titel}", path.read_bytes(), path, instrument.id)

        def rendered(kind, name, title, html):
            full_title, subject = f"{title} — {titel}", f"Training {titel}, bijeenkomst {n}"
            # The finished part is cached too (by everything it is made from), so a no-change build opens no PDF.
            key = cache_key("pakketdeel", html, full_title, subject, epoch)
            final = store / f"{name}.{key}.klaar.pdf" if store else None
            data, status = reuse(final, lambda: finish_raw(render(html, store, name)[0], full_title, epoch, subject))
            path = out_dir / f"{name}.pdf"
            write_atomic(path, data)
            add(kind, title, data, path)
            if log:
                log(f"pakket {n}: {path.name}: {pages_label(parts[-1].pages)}, {size_label(len(data))} ({status})")

        for poster in session_posters(session, docs_dir):
            rendered("poster", f"bijeenkomst-{n}-{poster.slug}", f"Poster {poster.label} {poster.title}",
                     poster_html(poster, session, lokaal))
        if session.huiswerk:
            html = homework_html(session, sections, instruments, lokaal)
            count = len(session.huiswerk.items)
            rendered("huiswerk", f"bijeenkomst-{n}-huiswerk",
                     f"{'Opdracht' if count == 1 else 'Opdrachten'} voor bijeenkomst {session.huiswerk.voor_bijeenkomst}",
                     html)
        contents, page = [], 1
        for part, (_, data) in zip(parts, datas):
            span = f"{page}" if part.pages == 1 else f"{page}–{page + part.pages - 1}"
            contents.append((span, part.title + (" (A3)" if _is_a3(data) else "")))
            page += part.pages
        contents.append((f"{page}", "Agenda voor de trainer (deze pagina)"))
        rendered("agenda", f"bijeenkomst-{n}-agenda", f"Agenda bijeenkomst {n} voor de trainer",
                 agenda_html(session, contents, lokaal))
        if parts[-1].pages != 1:
            raise DataError(f"{training_path}: de agenda van bijeenkomst {n} past niet op één pagina "
                            f"({parts[-1].pages} pagina's); kort de bijzonderheden in of pas pakket.css aan")

        title = f"Bijeenkomst {n}: pakket voor de trainer — {titel}"
        key = _merge_key(datas, title, epoch)
        cached = store / f"bijeenkomst-{n}.{key}.pdf" if store else None
        if cached is not None and cached.exists():
            data, status = cached.read_bytes(), "ongewijzigd"
        else:
            data, status = merge(datas, f"bijeenkomst-{n}", title, epoch, f"Thema: {session.thema}"), "gemaakt"
            if cached is not None:
                for old in store.glob(f"bijeenkomst-{n}.*.pdf"):
                    old.unlink(missing_ok=True)
                write_atomic(cached, data)
        path = out_dir / f"bijeenkomst-{n}.pdf"
        write_atomic(path, data)
        packs[n] = Pack(n, path, page_count(data), len(data), parts)
        if log:
            log(f"pakket {n}: {path.name}: {pages_label(packs[n].pages)}, {size_label(len(data))} ({status}): "
                + ", ".join(p.title for p in parts))
    return packs
