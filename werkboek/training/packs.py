"""Download packs for the training (Bijlage 1): one PDF per bijeenkomst with everything the trainer prints.

Callable without MkDocs: ``python -m werkboek packs OUT`` or ``build_packs(out)``. A pack holds, in this order:

1. the session's worksheets (fillable; fields are copied with the pages, so they stay fillable after merging),
2. the session's posters (bijeenkomst 5: the three strategy sheets for the walls, A3),
3. the homework sheet "Opdracht(en) voor bijeenkomst n+1" (from ``huiswerk``; none after the last session),
4. a one-page agenda for the trainer: computed times, the materials, and what is in the pack.

Each part is also written as its own file (worksheets stay at werkbladen/<id>.pdf), so one part can be printed.
A pack file holds one paper size, so a trainer prints each file in one go: A3 parts (bijeenkomst 5's
partnerschapskaart and posters) go into ``bijeenkomst-N-a3.pdf``, listed in the agenda and on Training geven.

What goes in a pack and why: werkboek/training/contents.py; the agenda, homework and poster pages:
werkboek/training/pack_pages.py; merging: werkboek/pdf/merge.py; checks of data/training.yml: werkboek/training/check.py.

Everything is reproducible and cached by werkboek.pdf.weasy.cache_key() (every input, code and library versions
included): each part by its HTML, the merged pack by its parts; dates come from ``werkboek.pdf.document.source_date()`` and
ids are deterministic.
"""
from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass, field
from pathlib import Path

import pikepdf

from werkboek import ROOT, WERKBOEK_TITEL
from werkboek.errors import DataError
from werkboek.files import write_atomic
from werkboek.pdf.document import Sized, finish_raw, page_count, pages_label, size_label, source_date
from werkboek.pdf.labels import Planned, ShownPlanned
from werkboek.pdf.merge import merge
from werkboek.pdf.weasy import cache_key, render, reuse
from werkboek.sections import scan_dir
from werkboek.training.check import check_training
from werkboek.training.contents import Poster, session_instruments, session_posters
from werkboek.training.model import TRAINING_PATH, Training
from werkboek.training.pack_pages import agenda_html, homework_html, poster_html
from werkboek.werkblad.loader import load_instruments
from werkboek.werkblad.pdf import build_one

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

    def files(self) -> list[Path]:
        """Every file this pack is: its A4 file, its A3 file, and each part's own file."""
        return [self.path] + ([self.a3.path] if self.a3 else []) + [part.path for part in self.parts]


def _is_a3(data: bytes) -> bool:
    with pikepdf.open(io.BytesIO(data)) as pdf:
        box = pdf.pages[0].mediabox
        return max(float(box[2]) - float(box[0]), float(box[3]) - float(box[1])) > 1100  # A4: 842 pt, A3: 1191 pt


def _merge_key(parts: list[tuple[str, bytes]], title: str, epoch: int) -> str:
    return cache_key("pakket", title, epoch, *(label.encode() + hashlib.sha256(data).digest() for label, data in parts))


POSTER_A3 = True  # overrides/pdf/pakket-poster.html: @page { size: A3 }; checked against every rendered poster
DOWNLOADS = "downloads"  # where the packs and their own parts are in the site (worksheets: werkbladen/)


@dataclass(frozen=True)
class PartPlan(ShownPlanned):
    """A part of a pack, known from the data before anything is rendered (so pages can list it: werkboek/pages/views.py);
    its pages and size are placeholders until it exists (werkboek/pdf/labels.py)."""

    kind: str  # "werkblad", "poster", "huiswerk" or "agenda"
    title: str
    name: str  # the file's stem: the instrument id for worksheets, "bijeenkomst-N-…" otherwise
    a3: bool
    ident: str = ""  # instrument id for worksheets
    poster: Poster | None = None

    @property
    def planned(self) -> Planned:
        folder = "werkbladen" if self.kind == "werkblad" else DOWNLOADS
        return Planned(f"{folder}/{self.name}.pdf")


@dataclass(frozen=True)
class PackPlan(ShownPlanned):
    """A bijeenkomst's pack as pages show it before it is made."""

    number: int
    parts: list[PartPlan]
    main: Planned
    a3: Planned | None

    @property
    def planned(self) -> Planned:
        return self.main


def session_plan(session, instruments, sections, docs_dir: Path = DOCS_DIR) -> list[PartPlan]:
    """The parts of a session's pack in order: its worksheets, posters, homework, and last the trainer's agenda."""
    n = session.nummer
    parts = [PartPlan("werkblad", f"Werkblad {i.nummer} {i.titel}", i.id, i.pagina.formaat == "A3", i.id)
             for i in session_instruments(session, instruments, sections)]
    parts += [PartPlan("poster", f"Poster {p.label} {p.title}", f"bijeenkomst-{n}-{p.slug}", POSTER_A3, poster=p)
              for p in session_posters(session, docs_dir)]
    if session.huiswerk:
        count = len(session.huiswerk.items)
        parts.append(PartPlan("huiswerk", f"{'Opdracht' if count == 1 else 'Opdrachten'} voor bijeenkomst "
                              f"{session.huiswerk.voor_bijeenkomst}", f"bijeenkomst-{n}-huiswerk", False))
    parts.append(PartPlan("agenda", f"Agenda bijeenkomst {n} voor de trainer", f"bijeenkomst-{n}-agenda", False))
    return parts


def plan_packs(training: Training, instruments, docs_dir: Path = DOCS_DIR) -> dict[int, PackPlan]:
    """Every session's pack as pages show it before it is made (the same plan build_packs() renders)."""
    sections = scan_dir(docs_dir)
    plans = {}
    for session in training.bijeenkomsten:
        n = session.nummer
        parts = session_plan(session, instruments, sections, docs_dir)
        a3 = Planned(f"{DOWNLOADS}/bijeenkomst-{n}-a3.pdf") if any(p.a3 for p in parts) else None
        plans[n] = PackPlan(n, parts, Planned(f"{DOWNLOADS}/bijeenkomst-{n}.pdf"), a3)
    return plans


def build_packs(out_dir: Path, worksheets: dict[str, Path] | None = None, cache_dir: Path | None = None,
                docs_dir: Path = DOCS_DIR, training_path: Path = TRAINING_PATH, lokaal=None,
                epoch: int | None = None, log=None, training: Training | None = None) -> dict[int, Pack]:
    """Write ``out_dir/bijeenkomst-N.pdf`` and its parts for every session, as ``session_plan()`` lists them.
    ``worksheets`` maps instrument ids to their PDF (as the worksheets step wrote them); missing ones are rendered
    here (cached like werkboek.werkblad.pdf does)."""
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
        plan = session_plan(session, instruments, sections, docs_dir)
        parts: list[Part] = []
        datas: list[tuple[str, bytes]] = []

        def add(kind, title, data, path, ident=""):
            parts.append(Part(kind, title, path, page_count(data), len(data), ident))
            datas.append((title, data))

        def rendered(part: PartPlan, html):
            full_title, subject = f"{part.title} — {titel}", f"Training {titel}, bijeenkomst {n}"
            # The finished part is cached too (by everything it is made from), so a no-change build opens no PDF.
            key = cache_key("pakketdeel", html, full_title, subject, epoch)
            final = store / f"{part.name}.{key}.klaar.pdf" if store else None
            data, status = reuse(final, lambda: finish_raw(render(html, store, part.name)[0], full_title, epoch,
                                                           subject))
            path = out_dir / f"{part.name}.pdf"
            write_atomic(path, data)
            add(part.kind, part.title, data, path)
            if log:
                log(f"pakket {n}: {path.name}: {pages_label(parts[-1].pages)}, {size_label(len(data))} ({status})")

        for part in plan[:-1]:
            if part.kind == "werkblad":
                if part.ident not in worksheets:
                    sheet_cache = cache_dir / "werkbladen" if cache_dir else None
                    info = build_one(instruments[part.ident], out_dir / "werkbladen", sheet_cache, lokaal, epoch)
                    worksheets[part.ident] = info.path
                path = Path(worksheets[part.ident])
                add("werkblad", part.title, path.read_bytes(), path, part.ident)
            elif part.kind == "poster":
                rendered(part, poster_html(part.poster, session, lokaal))
            else:
                rendered(part, homework_html(session, sections, instruments, lokaal))
        # One paper size per file: the A3 parts go into their own file, printed in one go on A3.
        a3 = [_is_a3(data) for _, data in datas]
        for part, big in zip(plan, a3):
            if part.a3 != big:
                raise DataError(f"pakket {n}: {part.title} is {'A3' if big else 'A4'}, maar het plan (dat de pagina "
                                f"Training geven toont) zegt {'A3' if part.a3 else 'A4'}; pas werkboek/training/packs.py aan")
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
        rendered(plan[-1], agenda_html(session, contents, lokaal))
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
