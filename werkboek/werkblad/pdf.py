"""Fillable, tagged, reproducible PDF worksheets, one per instrument. Callable without MkDocs:
``python -m werkboek pdf OUT [ids…]`` or ``build_all(out)``."""
from __future__ import annotations

import hashlib
import io
import json
import re
import time
from dataclasses import dataclass
from pathlib import Path

import pikepdf

from werkboek import TEMPLATES_DIR, WERKBOEK_TITEL
from werkboek.files import write_atomic
from werkboek.pdf.document import Sized, finalize, page_count, source_date
from werkboek.pdf.weasy import cache_key, warnings_seen, write_pdf
from werkboek.werkblad.loader import load_instruments
from werkboek.werkblad.render import template_env
from werkboek.werkblad.schema import Instrument
from werkboek.werkblad.tooltips import field_tooltips

CSS = TEMPLATES_DIR / "pdf" / "werkblad.css"
DA_GS = re.compile(rb"/\S+\s+gs\s*")
DA_FONT = re.compile(rb"/(\S+)\s+([\d.]+)\s+Tf")
FIELD_FONT = pikepdf.Name("/Helv")


@dataclass(frozen=True)
class PdfInfo(Sized):
    id: str
    path: Path
    pages: int
    size: int


def page_size(instrument: Instrument) -> str:
    return f"{instrument.pagina.formaat} {'landscape' if instrument.pagina.orientatie == 'liggend' else 'portrait'}"


def document_title(instrument: Instrument) -> str:
    return f"{instrument.nummer} {instrument.titel} — {WERKBOEK_TITEL}"


def document_subject(instrument: Instrument) -> str:
    return f"Invulbaar werkblad {instrument.nummer} {instrument.titel} uit het werkboek {WERKBOEK_TITEL}."


def render_html(instrument: Instrument, lokaal=None, epoch: int | None = None) -> str:
    epoch = source_date() if epoch is None else epoch
    template = template_env().get_template("pdf/werkblad.html")
    return template.render(
        instrument=instrument,
        lokaal=lokaal,
        pdf=None,
        titel=document_title(instrument),
        werkboek_titel=getattr(lokaal, "site_titel", None) or WERKBOEK_TITEL,
        beschrijving=document_subject(instrument),
        voetregel=f"Werkboek {WERKBOEK_TITEL} (2015)",  # the source notes are printed once, after the items
        datum=time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(epoch)),
        css=CSS.as_uri(),
        paginaformaat=page_size(instrument),
    )


def _finish(raw: bytes, title: str, epoch: int, subject: str = "", tooltips: dict[str, str] | None = None) -> bytes:
    """Repair what WeasyPrint's forms leave behind, then save deterministically."""
    with pikepdf.open(io.BytesIO(raw)) as pdf:
        acro = pdf.Root.get("/AcroForm")
        if acro is not None:
            # Checked boxes must be drawn from their own appearance: poppler hides them with NeedAppearances.
            if "/NeedAppearances" in acro:
                del acro["/NeedAppearances"]
            for field in acro.Fields:
                _repair_field(field)
                if tooltips and str(field.get("/T", "")) in tooltips:
                    field.TU = pikepdf.String(tooltips[str(field.T)])
            # WeasyPrint lists radio buttons both under their group and at the top level; only the group belongs there.
            kids = {k.objgen for f in acro.Fields for k in f.get("/Kids", [])}
            acro.Fields = pikepdf.Array([f for f in acro.Fields if f.objgen not in kids])
            _standard_field_font(pdf, acro)
            _share_appearances(pdf)
        return finalize(pdf, title, epoch, subject)


def _repair_field(field) -> None:
    if "/DA" in field:
        field.DA = pikepdf.String(DA_GS.sub(b"", bytes(field.DA)))
    kids = field.get("/Kids")
    if kids is not None:
        # Radio buttons: the group carries the name; kids with their own /T make the group unsettable.
        for kid in kids:
            if "/T" in kid:
                del kid["/T"]
            if "/TU" in kid:
                del kid["/TU"]
            if "/DA" in kid:
                kid.DA = pikepdf.String(DA_GS.sub(b"", bytes(kid.DA)))


def _fields(acro):
    for field in acro.Fields:
        yield field
        yield from field.get("/Kids", [])


def _standard_field_font(pdf, acro) -> None:
    """Fields write in Helvetica (standard 14, WinAnsi: é ë € …), so no font is embedded whole for them."""
    used = set()
    for field in _fields(acro):
        if "/DA" in field:
            da = bytes(field.DA)
            used.update(m.group(1) for m in DA_FONT.finditer(da))
            field.DA = pikepdf.String(DA_FONT.sub(lambda m: b"/Helv " + m.group(2) + b" Tf", da))
    fonts = acro.DR.get("/Font") if "/DR" in acro else None
    if fonts is None:
        return
    fonts[FIELD_FONT] = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica,
        Encoding=pikepdf.Name.WinAnsiEncoding))
    content = b"".join(page.Contents.read_bytes() if isinstance(page.Contents, pikepdf.Stream)
                       else b"".join(c.read_bytes() for c in page.Contents) for page in pdf.pages)
    for name in used:
        if b"/" + name + b" " in content:
            continue  # also used for text on the page: keep it
        key = pikepdf.Name("/" + name.decode())
        if key in fonts:
            del fonts[key]
        for page in pdf.pages:
            page_fonts = page.Resources.get("/Font")
            if page_fonts is not None and key in page_fonts:
                del page_fonts[key]


def _share_appearances(pdf) -> None:
    """Identical appearance streams (every checked radio of one size) are stored once."""
    seen: dict[bytes, pikepdf.Object] = {}
    for page in pdf.pages:
        for annot in page.get("/Annots", []):
            normal = annot.get("/AP", {}).get("/N")
            if not isinstance(normal, pikepdf.Dictionary):
                continue
            for state in list(normal.keys()):
                stream = normal[state]
                if not isinstance(stream, pikepdf.Stream):
                    continue
                key = hashlib.sha256(stream.read_raw_bytes() + repr(stream.stream_dict.get("/BBox")).encode()).digest()
                if key in seen:
                    normal[state] = seen[key]
                else:
                    seen[key] = stream


def render_pdf(instrument: Instrument, lokaal=None, epoch: int | None = None) -> bytes:
    epoch = source_date() if epoch is None else epoch
    html = render_html(instrument, lokaal, epoch)
    raw = write_pdf(html, pdf_forms=True, name=instrument.id)
    return _finish(raw, document_title(instrument), epoch, document_subject(instrument), field_tooltips(html))


def inputs_hash(instrument: Instrument, lokaal=None, epoch: int = 0) -> str:
    """The worksheet's cache key: its instrument, the local settings and the date, with everything every PDF is
    made from (werkboek.pdf.weasy.cache_key)."""
    local = json.dumps(getattr(lokaal, "cache_key", lambda: None)(), sort_keys=True, default=str)
    return cache_key("werkblad", instrument.model_dump_json(), local, epoch)


def build_one(instrument: Instrument, out_dir: Path, cache_dir: Path | None = None, lokaal=None,
              epoch: int | None = None, log=None) -> PdfInfo:
    """Write ``out_dir/<id>.pdf``, reusing a cached copy when none of its inputs changed."""
    epoch = source_date() if epoch is None else epoch
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / f"{instrument.id}.pdf"
    cached = None
    if cache_dir is not None:
        cache_dir.mkdir(parents=True, exist_ok=True)
        cached = cache_dir / f"{instrument.id}-{inputs_hash(instrument, lokaal, epoch)}.pdf"
    if cached is not None and cached.exists():
        data, status = cached.read_bytes(), "ongewijzigd"
    else:
        before = warnings_seen()
        data, status = render_pdf(instrument, lokaal, epoch), "gemaakt"
        if cached is not None and warnings_seen() == before:  # a PDF made with a warning is made again next time
            write_atomic(cached, data)
            # Keep a few versions per worksheet (upstream and local builds alternate), drop older ones.
            versions = sorted(cache_dir.glob(f"{instrument.id}-*.pdf"), key=lambda p: p.stat().st_mtime, reverse=True)
            for old in versions[4:]:
                old.unlink(missing_ok=True)
    if cached is None or cached.resolve() != target.resolve():
        write_atomic(target, data)
    info = PdfInfo(instrument.id, target, page_count(data), len(data))
    if log:
        log(f"werkblad {instrument.nummer:>5} {instrument.id}.pdf: {info.pages} p., {info.size_label} ({status})")
    return info


def build_all(out_dir: Path, ids=None, cache_dir: Path | None = None, lokaal=None, log=None) -> dict[str, PdfInfo]:
    instruments = load_instruments()
    chosen = [instruments[i] for i in ids] if ids else list(instruments.values())
    epoch = source_date()
    return {i.id: build_one(i, Path(out_dir), cache_dir, lokaal, epoch, log) for i in chosen}
