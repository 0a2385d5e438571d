"""Download packs for the training (Bijlage 1): one PDF per bijeenkomst with everything the trainer prints.

Callable without MkDocs: ``python -m werkboek packs OUT`` or ``build_packs(out)``. A pack holds, in this order:

1. the session's worksheets (fillable; fields are copied with the pages, so they stay fillable after merging),
2. the session's posters (bijeenkomst 5: the three strategy sheets for the walls, A3),
3. the homework sheet "Opdracht(en) voor bijeenkomst n+1" (from ``huiswerk``; none after the last session),
4. a one-page agenda for the trainer: computed times, the materials, and what is in the pack.

Each part is also written as its own file (worksheets stay at werkbladen/<id>.pdf), so one part can be printed.
A pack file holds one paper size, so a trainer prints each file in one go: A3 parts (bijeenkomst 5's
partnerschapskaart and posters) go into ``bijeenkomst-N-a3.pdf``, listed in the agenda and on Training geven.

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
class PackFile(Sized):
    path: Path
    pages: int
    size: int


@dataclass(frozen=True)
class Pack(Sized):
    number: int
    path: Path
    pages: int
    size: int
    parts: list[Part] = field(default_factory=list)
    a3: PackFile | None = None  # the A3 parts in their own file (one paper size per file)


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
        # One paper size per file: the A3 parts go into their own file, printed in one go on A3.
        a3 = [_is_a3(data) for _, data in datas]
        a3_name = f"bijeenkomst-{n}-a3.pdf"
        contents, page = [], 1
        for part, big in zip(parts, a3):
            if not big:
                contents.append((_span(page, part.pages), part.title))
                page += part.pages
        contents.append((f"{page}", "Agenda voor de trainer (deze pagina)"))
        if any(a3):
            contents.append(("", f"Apart bestand op A3: {a3_name}"))
            a3_page = 1
            for part, big in zip(parts, a3):
                if big:
                    contents.append((_span(a3_page, part.pages), f"{part.title} (A3)"))
                    a3_page += part.pages
        rendered("agenda", f"bijeenkomst-{n}-agenda", f"Agenda bijeenkomst {n} voor de trainer",
                 agenda_html(session, contents, lokaal))
        a3.append(False)  # the agenda: A4
        if parts[-1].pages != 1:
            raise DataError(f"{training_path}: de agenda van bijeenkomst {n} past niet op één pagina "
                            f"({parts[-1].pages} pagina's); kort de bijzonderheden in of pas pakket.css aan")

        title = f"Bijeenkomst {n}: pakket voor de trainer — {titel}"
        main = _pack_file(out_dir / f"bijeenkomst-{n}.pdf", [d for d, big in zip(datas, a3) if not big], title,
                          session, store, epoch, log, n)
        big_file = None
        if any(a3):
            big_file = _pack_file(out_dir / a3_name, [d for d, big in zip(datas, a3) if big],
                                  f"Bijeenkomst {n}: A3-deel van het pakket voor de trainer — {titel}",
                                  session, store, epoch, log, n)
        packs[n] = Pack(n, main.path, main.pages, main.size, parts, big_file)
        if log:
            log(f"pakket {n}: " + ", ".join(p.title for p in parts))
    return packs


def _span(first: int, pages: int) -> str:
    return f"{first}" if pages == 1 else f"{first}–{first + pages - 1}"


def _pack_file(path: Path, datas: list[tuple[str, bytes]], title: str, session, store, epoch, log, n) -> PackFile:
    """Merge parts of one paper size into one file (cached by a hash of the parts)."""
    key = _merge_key(datas, title, epoch)
    stem = path.stem
    cached = store / f"{stem}.{key}.pdf" if store else None
    if cached is not None and cached.exists():
        data, status = cached.read_bytes(), "ongewijzigd"
    else:
        data, status = merge(datas, stem, title, epoch, f"Thema: {session.thema}"), "gemaakt"
        if cached is not None:
            for old in store.glob(f"{stem}.*.pdf"):
                if old.name.count(".") == 2:  # <stem>.<key>.pdf, not another file's
                    old.unlink(missing_ok=True)
            write_atomic(cached, data)
    write_atomic(path, data)
    if log:
        log(f"pakket {n}: {path.name}: {pages_label(page_count(data))}, {size_label(len(data))} ({status})")
    return PackFile(path, page_count(data), len(data))
