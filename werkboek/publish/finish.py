"""Everything after the pages are written, callable without MkDocs: ``python -m werkboek afronden SITE_DIR``
(hooks/finish.py calls exactly this at the end of a MkDocs build).

1. The book's pages are read from the written site (each page carries its content between two markers,
   overrides/partials/content.html), in navigation order (mkdocs.yml, werkboek/publish/site_config.py), each worksheet in
   its book markup (werkboek/werkblad/web.py); the markers go, and so does the pages' layout whitespace
   (werkboek/publish/minify.py), which the book never sees.
2. The whole werkboek (downloads/werkboek.pdf) renders in a second process, started at once, while this one makes
   the worksheets (werkbladen/<id>.pdf and .pdf.js) and then the training packs, which reuse the worksheets'
   PDFs. Each process has one WeasyPrint font configuration; every PDF is cached by its inputs (werkboek/pdf/weasy.py)
   and rendered once. When nothing they are made from changed since a build, step 1 and 2 are one copy from that
   build's record (werkboek/publish/record.py): no source is made again, no PDF opened.
3. Every PDF's pages and size are filled in wherever a written file names them (werkboek/pdf/labels.py).
4. The offline zip, then the privacy guard (nothing loaded from another server).
5. The site is put in place in one step (werkboek/publish/swap.py): a failed or concurrent build never leaves a
   half-written site. ``staging``: a folder claimed by the caller (the MkDocs hook claims it before MkDocs writes);
   ``final``: the folder to publish to (the command line: ``--naar``); neither: the folder is finished in place and
   carries the unfinished-build marker until it is.

``pdfs=False`` (the hook: environment variable WERKBOEK_ZONDER_PDF=1) leaves out steps 2–4's downloads: no worksheets,
packs, book or zip, and pages keep their placeholders; the markers, the layout whitespace, the privacy guard and the
swap stay. It is the benchmark's "build without PDFs", so that a no-change build is compared with the same build minus
the PDF work only, and a quick look at the pages' text.

Under `mkdocs serve` (``serve=True``) nothing waits for a new book: the previous one is published with its label
until the new one, rendered in the background, replaces it; the offline zip follows it (werkboek/publish/background.py).
"""
from __future__ import annotations

import functools
import multiprocessing
import os
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from werkboek import ROOT
from werkboek.book.build import (
    BookPage,
    assemble,
    build_book,
    finished_path,
    latest_finished,
    without_markers,
    written_content,
)
from werkboek.book.build import publish as publish_book
from werkboek.errors import DataError
from werkboek.pages import macros
from werkboek.pdf.document import source_date
from werkboek.pdf.labels import fill_site, fill_text, pdf_key, planned_worksheets, site_values
from werkboek.pdf.weasy import collected_warnings, relay, warnings_seen
from werkboek.publish import background
from werkboek.publish.minify import minify_html
from werkboek.publish.offline_zip import ZIP_PATH, write_zip
from werkboek.publish.privacy import scan_site
from werkboek.publish.record import Record, record_key, restore
from werkboek.publish.record import save as save_record
from werkboek.publish.site_config import SiteConfig, read_site_config
from werkboek.publish.swap import MARKER, Staging, adopt, mark_unfinished, release
from werkboek.publish.swap import publish as publish_site
from werkboek.site import BOOK
from werkboek.training.check import check_training
from werkboek.training.model import load_training
from werkboek.training.packs import build_packs, plan_packs
from werkboek.werkblad.filling import pdf_script
from werkboek.werkblad.loader import load_instruments
from werkboek.werkblad.pdf import build_one
from werkboek.werkblad.web import book_forms

BOOK_SUBJECT = "Afdrukversie van het hele werkboek"
BOOK_UNKNOWN = "PDF, A4"  # `mkdocs serve`, before any book exists
ZONDER_PDF = "WERKBOEK_ZONDER_PDF"  # environment: "1" = pdfs=False (hooks/finish.py; the benchmark sets it)
RECORDS = "afronden"  # in .cache/: the step's record of what it made (werkboek/publish/record.py)


@dataclass
class Steps:
    """What the step did (for the caller's log and tests)."""

    worksheets: int = 0
    packs: int = 0
    book: str = ""
    published: Path | None = None


def finish_site(site_dir: Path, config_file: Path = ROOT / "mkdocs.yml", *, staging: Staging | None = None,
             final: Path | None = None, serve: bool = False, may_publish=lambda: True, log=print,
             pdfs: bool = True) -> Steps:
    """Finish the written site in ``site_dir`` (see the module text). Raises DataError (Dutch, naming the file)
    on bad input; the published site is then untouched. ``may_publish()`` is asked right before the swap (MkDocs'
    strict mode: no warnings)."""
    site_dir = Path(site_dir).absolute()
    own_claim = staging is None and final is not None
    if own_claim:
        staging = adopt(Path(final), site_dir, on_wait=lambda: log(
            f"Er loopt al een andere bouw naar {final}; deze wacht tot die klaar is."))
    elif staging is None and not serve:
        mark_unfinished(Staging(site_dir, site_dir, -1))  # finished in place: marked until it is
    try:
        steps = _finish(site_dir, Path(config_file), serve, log) if pdfs else _pages_only(site_dir, log)
        if not may_publish():
            return steps  # the caller abandons the staging folder
        if staging is not None:
            publish_site(staging)
            steps.published = staging.final
        elif not serve:
            (site_dir / MARKER).unlink(missing_ok=True)
            steps.published = site_dir
        return steps
    except BaseException:
        if own_claim:
            release(staging)  # the folder keeps its marker: never published; the site stays as it was
        raise


def planned_files(config_file: Path) -> list[str]:
    """Every PDF this step will write, as a path in the site (pages link to them before they exist): the worksheets,
    the packs and their own parts, and the book when the navigation has pages."""
    config = read_site_config(config_file)
    root, docs_dir = config.root, config.docs_dir
    forms, training = root / "forms", root / "data" / "training.yml"
    instruments = load_instruments(forms) if forms.is_dir() else {}
    out = [p.site_path for p in planned_worksheets(instruments).values()]
    if instruments and training.is_file():
        for pack in plan_packs(load_training(training), instruments, docs_dir).values():
            out += [pack.main.site_path] + ([pack.a3.site_path] if pack.a3 else [])
            out += [part.planned.site_path for part in pack.parts if part.kind != "werkblad"]
    return out + ([BOOK] if config.pages else [])


def _finish(site_dir: Path, config_file: Path, serve: bool, log) -> Steps:
    started = time.perf_counter()
    config = read_site_config(config_file)
    epoch, cache = source_date(), config.root / ".cache"
    key = record_key(site_dir, config, config_file, epoch)  # from the pages as written, before they are served
    recorded = restore(cache / RECORDS, key, site_dir)
    if recorded is not None:
        steps = _as_recorded(site_dir, recorded, log)
    else:
        steps = _make(site_dir, config, key, epoch, cache, serve, log, started)
    _zip(site_dir, cache, serve, log)
    _guard(site_dir)
    log(f"afronden: klaar ({time.perf_counter() - started:.1f} s)")  # read by the benchmark
    return steps


def _make(site_dir: Path, config: SiteConfig, key: str, epoch: int, cache: Path, serve: bool, log,
          started: float) -> Steps:
    """Make the downloads (each PDF from its own cache where it is there) and fill in their labels; keep a record
    of them under ``key`` when all were made, and made without a warning."""
    root, lokaal = config.root, config.lokaal
    steps, warned = Steps(), warnings_seen()

    pages = _book_pages(site_dir, config, log)
    _serve_pages(site_dir)  # the book has read them

    book_html = None
    if pages:
        book_html = assemble(pages, config.title, config.description, config.copyright, site_dir, lokaal,
                             site_url=config.site_url)
        (cache / "boek").mkdir(parents=True, exist_ok=True)
        (cache / "boek" / "werkboek.html").write_text(book_html, encoding="utf-8")  # the book's source, to inspect
    book_args = (book_html, site_dir / BOOK, cache / "boek" / "opslag", config.title, epoch, BOOK_SUBJECT)
    new_book = book_html is not None and not finished_path(book_html, *book_args[2:]).exists()
    later = serve and new_book  # `mkdocs serve`: never wait for a new book

    with _Book(new_book and not serve, book_args) as book:
        worksheets = _worksheets(site_dir, root, cache, lokaal, epoch, log)
        packs = _packs(site_dir, config, root, cache, worksheets, lokaal, epoch, log)
        steps.worksheets, steps.packs = len(worksheets), len(packs)
        if book_html is not None and not later:
            info, seconds = book.result()
            steps.book = info.label
            log(f"werkboek {BOOK}: {info.label} ({'gemaakt' if info.status == 'gemaakt' else 'ongewijzigd'}, "
                f"{seconds:.1f} s)")  # read by the benchmark: the book's own time, in its process

    target = site_dir / BOOK
    if serve and (not target.is_file() or target.stat().st_size == 0):  # not (yet) remade: the last one made
        previous = latest_finished(book_args[2])
        if previous is not None:
            publish_book(previous.read_bytes(), target, "vorige")
        else:
            target.unlink(missing_ok=True)
    known = site_values(site_dir)
    book_key = pdf_key(BOOK)
    if serve and book_key not in known:
        known[book_key] = {"label": BOOK_UNKNOWN}
    originals = fill_site(site_dir, known)
    if later:
        _book_later(book_args, site_dir, originals, log, started)
    elif (book_html is not None or not config.pages) and warnings_seen() == warned:  # all made, and made well
        made = [path for sheet in worksheets.values() for path in (sheet, _script_of(sheet))]
        made += [path for pack in packs.values() for path in pack.files()]
        made += [target] if book_html is not None else []
        save_record(cache / RECORDS, key, site_dir, Record(
            sorted({p.relative_to(site_dir).as_posix() for p in made}), known, steps.worksheets, steps.packs,
            steps.book))
    return steps


def _as_recorded(site_dir: Path, recorded: Record, log) -> Steps:
    """Nothing the downloads are made from changed since the record was made, and its files are back in place:
    the pages as served, with the recorded pages and sizes filled in."""
    _serve_pages(site_dir)
    log(f"werkbladen, pakketten en werkboek: ongewijzigd sinds een vorige build ({len(recorded.files)} bestanden "
        f"uit .cache/{RECORDS})")
    fill_site(site_dir, recorded.labels)
    return Steps(recorded.worksheets, recorded.packs, recorded.book)


def _pages_only(site_dir: Path, log) -> Steps:
    """``pdfs=False``: the pages as served (no markers, no layout whitespace) and the privacy guard; no downloads."""
    started = time.perf_counter()
    _serve_pages(site_dir)
    _guard(site_dir)
    log(f"afronden zonder PDF's: klaar ({time.perf_counter() - started:.1f} s)")
    return Steps()


def _serve_pages(site_dir: Path) -> None:
    """Every page as served: without the book's content markers and without layout whitespace."""
    for page in site_dir.rglob("*.html"):
        text = page.read_bytes().decode("utf-8", "surrogateescape")
        served = minify_html(without_markers(text))
        if served != text:
            page.write_bytes(served.encode("utf-8", "surrogateescape"))


def _book_pages(site_dir: Path, config: SiteConfig, log) -> list[BookPage]:
    """The navigation's pages as written, in order; none when a page was not (re)written with its content
    markers (`mkdocs serve --dirty` rebuilds only changed pages: the book would be partial)."""
    pages = []
    context = functools.cache(lambda: macros.load_context(config.root, config.docs_dir, config.directory_urls,
                                                          lokaal=config.lokaal))
    for src, url in config.pages:
        path = site_dir / url
        if not path.is_file():
            continue
        content = written_content(path.read_bytes().decode("utf-8", "surrogateescape"))
        if content is None:
            log(f"werkboek {BOOK}: niet opnieuw gemaakt, niet alle pagina's zijn opnieuw opgebouwd ({url})")
            return []
        # the page shows its worksheets in the web's light markup; the book prints them as it always did
        content = book_forms(content, src, functools.partial(macros.instrument_context, context(), src))
        pages.append(BookPage(src, url, content))
    return pages


class _Book:
    """The book rendered in a second process while the worksheets and packs render here (``render``: it must be
    rendered; otherwise it is taken from the cache here, when asked for)."""

    def __init__(self, render: bool, args: tuple):
        self.args, self.pool, self.future = args, None, None
        if render:
            self.pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"))
            self.future = self.pool.submit(_render_book, os.getpid(), *args)

    def __enter__(self):
        return self

    def result(self):
        """(BookInfo, seconds it took in the process that made it)."""
        if self.future is None:
            started = time.perf_counter()
            return build_book(*self.args), time.perf_counter() - started
        info, messages, seconds = self.future.result()
        relay(messages)
        return info, seconds

    def __exit__(self, *exc):
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)


def _render_book(parent: int, *args):
    """In the book's process: the book, the WeasyPrint warnings it gave (the parent logs them again), its time."""
    background.exit_with_parent(parent)  # a build stopped meanwhile leaves no book rendering for nobody
    started = time.perf_counter()
    with collected_warnings() as messages:
        info = build_book(*args)
    return info, list(messages), time.perf_counter() - started


def _worksheets(site_dir: Path, root: Path, cache: Path, lokaal, epoch: int, log) -> dict[str, Path]:
    forms = root / "forms"
    if not forms.is_dir():
        return {}
    started = time.perf_counter()
    instruments = load_instruments(forms)
    out, paths = site_dir / "werkbladen", {}
    for instrument in instruments.values():
        info = build_one(instrument, out, cache / "werkbladen" / "opslag", lokaal, epoch, log=log)
        paths[instrument.id] = info.path
        # The same PDF as a script, for filling it in a page opened from file:// (werkboek/werkblad/filling.py).
        _script_of(info.path).write_text(pdf_script(instrument.id, info.path.read_bytes()), encoding="utf-8")
    log(f"werkbladen: {len(paths)} PDF's klaar ({time.perf_counter() - started:.1f} s)")  # read by the benchmark
    return paths


def _script_of(pdf: Path) -> Path:
    """A worksheet's PDF as a script, next to it (werkbladen/<id>.pdf.js)."""
    return pdf.with_name(f"{pdf.name}.js")


def _packs(site_dir: Path, config: SiteConfig, root: Path, cache: Path, worksheets, lokaal, epoch: int, log) -> dict:
    path = root / "data" / "training.yml"
    if not path.is_file() or not worksheets:
        return {}
    started = time.perf_counter()
    training = check_training(path, config.docs_dir)
    packs = build_packs(site_dir / "downloads", worksheets, cache / "training", config.docs_dir, path, lokaal,
                        epoch, log=log, training=training)
    log(f"pakketten: {len(packs)} klaar ({time.perf_counter() - started:.1f} s)")  # read by the benchmark
    return packs


def _book_later(args: tuple, site_dir: Path, originals: dict[Path, str], log, started: float) -> None:
    """`mkdocs serve`: the previous book now (already filled in), the new one in the background, then its label
    on every page that names it (from the pages as written, kept in ``originals``)."""
    html, target, store = args[0], args[1], args[2]
    log(f"werkboek {BOOK}: wordt op de achtergrond bijgewerkt"
        + (" (tot dan de vorige versie)" if target.exists() else ""))

    def step(current) -> None:
        scratch = store.parent / "serve-werkboek.pdf"
        info = background.in_child(current, build_book, html, scratch, *args[2:])
        with background.publishing(current) as ok:
            if ok:
                info = publish_book(scratch.read_bytes(), target, info.status)
                known = site_values(site_dir)
                for path, text in originals.items():
                    if path.is_file():
                        path.write_bytes(fill_text(text, known, path.name, path.suffix in (".json", ".js"))
                                         .encode("utf-8", "surrogateescape"))
                log(f"werkboek {BOOK}: {info.label} (bijgewerkt op de achtergrond, "
                    f"{time.perf_counter() - started:.1f} s)")

    background.later(step)


def _zip(site_dir: Path, cache: Path, serve: bool, log) -> None:
    if not serve:
        size = write_zip(site_dir, site_dir / ZIP_PATH, cache_dir=cache / "offline")
        log(f"offline-versie {ZIP_PATH}: {size / 1024 / 1024:.1f} MB")
        return

    def step(current) -> None:
        with background.publishing(current) as ok:  # the site is not cleaned for a new build while it is read
            if ok:
                size = write_zip(site_dir, site_dir / ZIP_PATH, cache_dir=cache / "offline")
                log(f"offline-versie {ZIP_PATH}: {size / 1024 / 1024:.1f} MB (op de achtergrond)")

    background.later(step)


def _guard(site_dir: Path) -> None:
    """Privacy: the site loads nothing from another server (werkboek/publish/privacy.py); ordinary links are fine."""
    problems = scan_site(site_dir)
    if problems:
        lines = [f"  {file}: {url} ({what})" for file, what, url in problems[:20]]
        more = f"\n  … en nog {len(problems) - 20}" if len(problems) > 20 else ""
        raise DataError(
            "De site laadt bestanden van een andere server. Dat mag niet: dan ziet die server elk bezoek.\n"
            + "\n".join(lines) + more
            + "\nZet het bestand zelf in docs/assets/ en verwijs daar naar (links met <a href> naar andere sites mogen wel).")

