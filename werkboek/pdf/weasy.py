"""WeasyPrint rendering with a cache, shared by the worksheets (werkboek.werkblad.pdf), the training packs
(werkboek.training.packs) and the book (werkboek.book.build).

Every PDF is rendered the same way: tagged (PDF/UA-1), custom metadata kept, compressed, relative URLs resolved
from the project root. ``render()`` caches the raw PDF; ``reuse()`` keeps a finished PDF, so a build without changes
opens no PDF at all. Every cache key comes from ``cache_key()``: the data of that one PDF plus everything every PDF
is made from (templates, styles, fonts, the code that renders and finishes, the PDF libraries' versions).

WeasyPrint reports problems (an unknown CSS property, a missing font or image) through its own logger, which MkDocs
does not count. Each one is logged again as a warning under ``mkdocs``, so a strict build fails on it, and a PDF
made with a warning is never cached, so the next build warns again."""
from __future__ import annotations

import functools
import hashlib
import logging
from importlib.metadata import version
from pathlib import Path

from werkboek import ROOT, TEMPLATES_DIR
from werkboek.files import tree, write_atomic
from werkboek.memo import files_stamp, memoized

PDF_DIR = TEMPLATES_DIR / "pdf"
CODE_DIR = Path(__file__).resolve().parent.parent
# What every PDF is made from besides its own data: the print templates and the partials they share with the site,
# the style sheets (the PDF ones import the site's), the fonts, and the werkboek package's code.
INPUTS = [PDF_DIR, TEMPLATES_DIR / "partials", ROOT / "docs" / "assets" / "stylesheets",
          ROOT / "docs" / "assets" / "fonts", CODE_DIR]
# The code that cannot change a PDF's bytes, by a rule rather than a list of files: the step after the pages
# (werkboek/publish/) and the command line run after, or around, everything that makes PDFs, and nothing that makes
# a PDF imports them (tests/unit/test_architecture.py). Every other module, a new one too, is part of every PDF's key.
AFTER_PDFS = ("publish",)
COMMAND_LINE = ("__main__.py", "cli.py")
LIBRARIES = ("weasyprint", "pikepdf", "pydyf")

log = logging.getLogger("mkdocs.werkboek.weasyprint")  # under "mkdocs": a strict build counts its warnings
_warnings = 0  # WeasyPrint warnings seen in this process


def pdf_code(path: Path) -> bool:
    """Whether a file of the werkboek package is code that PDFs are made with (see AFTER_PDFS)."""
    relative = path.relative_to(CODE_DIR)
    return (path.suffix == ".py" and relative.parts[0] not in AFTER_PDFS
            and relative.as_posix() not in COMMAND_LINE)


def _input_files() -> list[Path]:
    return [path for entry in INPUTS for path in tree(entry) if entry != CODE_DIR or pdf_code(path)]


def _inputs_digest() -> bytes:
    def digest() -> bytes:
        h = hashlib.sha256()
        for path in files:
            h.update(path.relative_to(ROOT).as_posix().encode() + b"\0" + path.read_bytes())
        return h.digest()

    files = _input_files()
    return memoized("pdf-inputs", files_stamp(files), digest)


@functools.lru_cache(maxsize=1)
def library_versions() -> dict[str, str]:
    """Read once per process: looking up installed versions costs milliseconds, and a build asks for every PDF."""
    return {name: version(name) for name in LIBRARIES}


def cache_key(*data) -> str:
    """The one cache key of a PDF: ``data`` (what this PDF alone is made from: its HTML or its instrument, title,
    subject, date …) together with every shared input — templates, styles, fonts, the source of the modules that
    render and finish PDFs — and the versions of WeasyPrint, pikepdf and pydyf."""
    h = hashlib.sha256(_inputs_digest())
    h.update(repr(sorted(library_versions().items())).encode())
    for part in data:
        h.update(b"\0" + (part if isinstance(part, bytes) else str(part).encode()))
    return h.hexdigest()[:20]


class _Collect(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record):
        self.messages.append(record.getMessage())


@functools.lru_cache(maxsize=1)
def shared_fonts():
    """One WeasyPrint font configuration per process: every document declares the same @font-face rules
    (overrides/pdf/lettertypen.css), and a fresh configuration decompresses and registers each WOFF2 font again
    for every document (a fifth of all rendering time). The output is byte-identical either way
    (tests/pdf/test_shared_fonts.py)."""
    from weasyprint.text.fonts import FontConfiguration

    return FontConfiguration()


def write_pdf(html: str, pdf_forms: bool = False, name: str = "", font_config=None) -> bytes:
    """WeasyPrint ``html`` to a tagged PDF (uncached), with the process's shared font configuration unless
    ``font_config`` is given. WeasyPrint's warnings are logged again under mkdocs."""
    global _warnings
    import weasyprint  # only when something must be rendered: importing it takes a second

    collect = _Collect()
    source = logging.getLogger("weasyprint")
    source.addHandler(collect)
    try:
        data = weasyprint.HTML(string=html, base_url=str(ROOT), url_fetcher=local_only()).write_pdf(
            pdf_forms=pdf_forms, pdf_variant="pdf/ua-1", custom_metadata=True, uncompressed_pdf=False,
            font_config=shared_fonts() if font_config is None else font_config)
    finally:
        source.removeHandler(collect)
    for message in collect.messages:
        log.warning(f"WeasyPrint{f' ({name})' if name else ''}: {message}")
    _warnings += len(collect.messages)
    return data


def relay(messages: list[str]) -> None:
    """Log again, and count, the WeasyPrint warnings another process saw (the book renders in its own process)."""
    global _warnings
    for message in messages:
        log.warning(message)
    _warnings += len(messages)


class collected_warnings:
    """``with collected_warnings() as messages:`` — the warnings this process logs for WeasyPrint meanwhile (to be
    ``relay()``ed by the process that waits for them)."""

    def __enter__(self) -> list[str]:
        self._handler = _Collect()
        log.addHandler(self._handler)
        return self._handler.messages

    def __exit__(self, *exc) -> None:
        log.removeHandler(self._handler)


def warnings_seen() -> int:
    """How many WeasyPrint warnings this process has seen: a cache compares it before and after making a PDF."""
    return _warnings


def local_only():
    """A WeasyPrint URL fetcher that reads files of the project and data: URLs, nothing else: no request to another
    host (privacy) and no file outside the project (a logo that points elsewhere), whatever slips into the HTML."""
    from urllib.parse import urlsplit
    from urllib.request import url2pathname

    from weasyprint.urls import URLFetcher

    root = ROOT.resolve()

    class LocalOnly(URLFetcher):
        def fetch(self, url, headers=None):
            parts = urlsplit(url)
            if parts.scheme == "data" or (
                    parts.scheme == "file" and parts.netloc in ("", "localhost")
                    and Path(url2pathname(parts.path)).resolve().is_relative_to(root)):
                return super().fetch(url, headers)
            raise ValueError(f"niet geladen: {url} (alleen bestanden van het project)")

    return LocalOnly()


def render(html: str, cache_dir: Path | None, name: str, pdf_forms: bool = False) -> tuple[bytes, str]:
    """WeasyPrint ``html`` to PDF (tagged, PDF/UA-1), cached by ``cache_key()``. Returns (raw PDF, status)."""
    key = cache_key("weasyprint", html, pdf_forms)
    cached = cache_dir / f"{name}.{key}.pdf" if cache_dir else None
    if cached is not None and cached.exists():
        return cached.read_bytes(), "ongewijzigd"
    before = warnings_seen()
    raw = write_pdf(html, pdf_forms, name)
    if cached is not None and warnings_seen() == before:
        cache_dir.mkdir(parents=True, exist_ok=True)
        for old in cache_dir.glob(f"{name}.*.pdf"):
            old.unlink(missing_ok=True)
        write_atomic(cached, raw)
    return raw, "gemaakt"


def reuse(cached: Path | None, make) -> tuple[bytes, str]:
    """The finished PDF at ``cached`` if it exists ("ongewijzigd"), else ``make()``, written there unless WeasyPrint
    warned while making it ("gemaakt")."""
    if cached is not None and cached.exists():
        return cached.read_bytes(), "ongewijzigd"
    before = warnings_seen()
    data = make()
    if cached is not None and warnings_seen() == before:
        write_atomic(cached, data)
    return data, "gemaakt"
