"""What every PDF of the werkboek shares after WeasyPrint wrote it: ``finalize()`` (language, title, dates from the
source, deterministic save), the date of the source (``source_date()``), page counts and the labels readers see
for a PDF's pages and size."""
from __future__ import annotations

import functools
import io
import os
import subprocess
import time

import pikepdf

from werkboek import ROOT
from werkboek.pdf.table_scope import add_table_headers


class Sized:
    """For a record of a written file with a ``size`` in bytes: its size as readers see it ("24 kB")."""

    size: int

    @property
    def size_label(self) -> str:
        return size_label(self.size)

    @property
    def pages_label(self) -> str:
        return pages_label(self.pages)


def size_label(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / 1024 / 1024:.1f} MB".replace(".", ",")
    return f"{max(1, round(size / 1024))} kB"


def pages_label(pages: int) -> str:
    return f"{pages} {'pagina' if pages == 1 else 'pagina’s'}"


def source_date() -> int:
    """SOURCE_DATE_EPOCH, else the last commit's time, else 0: never the clock, so builds are reproducible."""
    if "SOURCE_DATE_EPOCH" in os.environ:
        return int(os.environ["SOURCE_DATE_EPOCH"])
    try:
        out = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True, check=True)
        return int(out.stdout.strip() or 0)
    except (OSError, subprocess.CalledProcessError, ValueError):
        return 0


def finish_raw(raw: bytes, title: str, epoch: int, subject: str = "") -> bytes:
    """``finalize()`` a PDF as WeasyPrint wrote it."""
    with pikepdf.open(io.BytesIO(raw)) as pdf:
        return finalize(pdf, title, epoch, subject)


def pdf_date(epoch: int) -> str:
    return time.strftime("D:%Y%m%d%H%M%S+00'00'", time.gmtime(epoch))


def finalize(pdf: pikepdf.Pdf, title: str, epoch: int, subject: str = "") -> bytes:
    """Language, title shown in the window, table headers a screen reader can follow, dates from the source,
    deterministic save."""
    add_table_headers(pdf)
    pdf.Root.Lang = pikepdf.String("nl-NL")
    pdf.Root.ViewerPreferences = pikepdf.Dictionary(DisplayDocTitle=True)
    iso = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(epoch))
    with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
        meta["dc:title"] = title
        meta["dc:language"] = ["nl-NL"]
        meta["xmp:CreateDate"] = iso
        meta["xmp:ModifyDate"] = iso
        meta["pdfuaid:part"] = "1"
        if subject:
            meta["dc:description"] = subject
    pdf.docinfo["/Title"] = title
    pdf.docinfo["/CreationDate"] = pdf.docinfo["/ModDate"] = pikepdf.String(pdf_date(epoch))
    if subject:
        pdf.docinfo["/Subject"] = subject
    out = io.BytesIO()
    pdf.save(out, deterministic_id=True, object_stream_mode=pikepdf.ObjectStreamMode.generate,
             compress_streams=True, recompress_flate=False)
    return out.getvalue()


@functools.lru_cache(maxsize=256)
def page_count(data: bytes) -> int:
    """Pages of a PDF given as bytes; remembered per content (a build counts the same PDF for its worksheet, its
    pack and the labels on the pages)."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        return len(pdf.pages)
