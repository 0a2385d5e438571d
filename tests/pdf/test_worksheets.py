"""Every instrument's PDF worksheet: fields exactly as the data says, fillable and read back, rendered by poppler
with a checked box visible, A4/A3 as the data says, and byte-identical when rebuilt."""
from __future__ import annotations

import subprocess

import pikepdf
import pytest
from fields_oracle import expected_fields
from pypdf import PdfReader, PdfWriter

from werkboek.werkblad.loader import load_instruments
from werkboek.werkblad.pdf import render_pdf

INSTRUMENTS = load_instruments()
SAMPLE = "Één ëxtra ĳverig: € 12,50 — ‘zó’"
PAGE_MM = {"A4": (210, 297), "A3": (297, 420)}


def pdf_path(built_site, ident):
    return built_site / "werkbladen" / f"{ident}.pdf"


def actual_fields(path) -> dict[str, tuple]:
    fields = {}
    for name, f in (PdfReader(path).get_fields() or {}).items():
        ft, flags = f.get("/FT"), int(f.get("/Ff", 0))
        if ft == "/Btn" and flags & (1 << 15):
            fields[name] = ("radio", [str(o) for o in f.get("/Opt", [])])
        elif ft == "/Btn":
            fields[name] = ("checkbox", None)
        elif ft == "/Tx":
            fields[name] = ("multiline" if flags & (1 << 12) else "text", None)
        else:
            fields[name] = (str(ft), None)
    return fields


@pytest.mark.parametrize("ident", sorted(INSTRUMENTS))
def test_fields_match_the_data(built_site, ident):
    path = pdf_path(built_site, ident)
    assert path.exists(), f"{path} ontbreekt"
    actual, expected = actual_fields(path), expected_fields(INSTRUMENTS[ident])
    assert not [n for n in actual if n.startswith("unknown")]
    assert sorted(set(expected) - set(actual)) == [], "velden ontbreken in de PDF"
    assert sorted(set(actual) - set(expected)) == [], "onverwachte velden in de PDF"
    assert actual == expected


@pytest.mark.parametrize("ident", sorted(INSTRUMENTS))
def test_every_field_has_a_tooltip(built_site, ident):
    for name, field in (PdfReader(pdf_path(built_site, ident)).get_fields() or {}).items():
        assert str(field.get("/TU", "")).strip(), f"{name} heeft geen tooltip"


@pytest.mark.parametrize("ident", sorted(INSTRUMENTS))
def test_every_field_fills_and_reads_back(built_site, ident, tmp_path):
    reader = PdfReader(pdf_path(built_site, ident))
    values = {}
    for name, field in (reader.get_fields() or {}).items():
        if field.get("/FT") == "/Tx":
            values[name] = f"{SAMPLE} ({name[-12:]})"
        elif "/_States_" in field:
            states = [s for s in field["/_States_"] if s != "/Off"]
            values[name] = states[-1]
    if not values:
        assert not INSTRUMENTS[ident].blokken or all(b.soort == "lijst" and not b.aantekeningen
                                                      for b in INSTRUMENTS[ident].blokken)
        return
    writer = PdfWriter(clone_from=reader)
    for page in writer.pages:
        writer.update_page_form_field_values(page, values, auto_regenerate=False)
    out = tmp_path / "ingevuld.pdf"
    writer.write(out)
    back = {n: f.get("/V") for n, f in (PdfReader(out).get_fields() or {}).items()}
    for name, value in values.items():
        assert str(back[name]) == str(value), name


@pytest.mark.parametrize("ident", sorted(INSTRUMENTS))
def test_page_size_as_the_data_says(built_site, ident):
    instrument = INSTRUMENTS[ident]
    w, h = PAGE_MM[instrument.pagina.formaat]
    if instrument.pagina.orientatie == "liggend":
        w, h = h, w
    with pikepdf.open(pdf_path(built_site, ident)) as pdf:
        for page in pdf.pages:
            box = [float(x) for x in page.MediaBox]
            assert abs((box[2] - box[0]) * 25.4 / 72 - w) < 1 and abs((box[3] - box[1]) * 25.4 / 72 - h) < 1


def _render(path, out_prefix, resolution=40):
    result = subprocess.run(["pdftoppm", "-png", "-r", str(resolution), "-f", "1", "-l", "1", str(path), str(out_prefix)],
                            capture_output=True, text=True)
    assert result.returncode == 0 and not result.stderr.strip(), result.stderr
    return sorted(out_prefix.parent.glob(out_prefix.name + "*.png"))[0]


def _dark_pixels(png, box):
    """Dark pixels inside a box (x0, y0, x1, y1 in pixels) of a rendered page."""
    from PIL import Image  # a WeasyPrint dependency

    with Image.open(png) as image:
        gray = image.convert("L").crop(box)
        return sum(1 for value in gray.get_flattened_data() if value < 67)


def test_a_checked_box_is_visible_when_rendered(built_site, tmp_path):
    source = pdf_path(built_site, "interesses-en-waarden")
    with pikepdf.open(source) as pdf:
        page_index, widget = next((n, a) for n, p in enumerate(pdf.pages) for a in p.get("/Annots", [])
                                  if a.get("/FT") == "/Btn" and "/Parent" not in a)
        mediabox = [float(x) for x in pdf.pages[page_index].MediaBox]
        rect = [float(x) for x in widget.Rect]
    reader = PdfReader(source)
    name = next(n for n, f in reader.get_fields().items() if f.get("/FT") == "/Btn")
    writer = PdfWriter(clone_from=reader)
    writer.update_page_form_field_values(writer.pages[page_index], {name: "/on"}, auto_regenerate=False)
    checked = tmp_path / "aangevinkt.pdf"
    writer.write(checked)
    dpi = 100
    scale = dpi / 72
    x0, x1 = sorted((rect[0], rect[2]))
    y0, y1 = sorted((rect[1], rect[3]))
    box = (int(x0 * scale) + 2, int((mediabox[3] - y1) * scale) + 2, int(x1 * scale) - 2, int((mediabox[3] - y0) * scale) - 2)
    empty = _dark_pixels(_render(source, tmp_path / "leeg", dpi), box)
    ticked = _dark_pixels(_render(checked, tmp_path / "vol", dpi), box)
    assert ticked > empty + 3, (empty, ticked)


@pytest.mark.parametrize("ident", ["signaleringskaart", "reflector-voel-ik-me-eenzaam", "verwijskaart"])
def test_rebuilding_gives_identical_bytes(ident):
    instrument = INSTRUMENTS[ident]
    assert render_pdf(instrument, epoch=1_700_000_000) == render_pdf(instrument, epoch=1_700_000_000)


def test_six_ten_has_two_rounds_and_no_score(built_site):
    fields = actual_fields(pdf_path(built_site, "reflector-voel-ik-me-eenzaam"))
    rounds = {n.rsplit("__", 1)[-1] for n, (kind, _) in fields.items() if kind == "radio"}
    assert rounds == {"eerste-keer", "tweede-keer"}
    text = "".join(p.extract_text() for p in PdfReader(pdf_path(built_site, "reflector-voel-ik-me-eenzaam")).pages)
    assert "score" not in text.lower().replace("de score op zich", "").replace("waardering scores", "")


def test_partnerschapskaart_is_a3_landscape_filled_right_to_left(built_site):
    with pikepdf.open(pdf_path(built_site, "partnerschapskaart")) as pdf:
        assert len(pdf.pages) == 1
        annots = {str(a.T): float(a.Rect[0]) for a in pdf.pages[0].Annots if "/T" in a}
    steps = sorted(INSTRUMENTS["partnerschapskaart"].blokken[0].kolommen, key=lambda k: k.stap)
    xs = [annots[f"partnerschapskaart__{INSTRUMENTS['partnerschapskaart'].blokken[0].id}__{k.id}__regel-1"] for k in steps]
    assert xs == sorted(xs, reverse=True), "stap 1 staat rechts, de laatste stap links"


@pytest.mark.parametrize("ident", sorted(INSTRUMENTS))
def test_no_field_covers_another(built_site, ident):
    """Every field has its own place on the page (a checkbox over a writing line cannot be filled in)."""
    with pikepdf.open(pdf_path(built_site, ident)) as pdf:
        for number, page in enumerate(pdf.pages, 1):
            rects = []
            for annot in page.get("/Annots", []):
                if annot.get("/Subtype") != "/Widget":
                    continue
                x0, y0, x1, y1 = (float(v) for v in annot.Rect)
                rects.append((min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1), str(annot.get("/T", annot.get("/Parent", {}).get("/T", "")))))
            for i, a in enumerate(rects):
                for b in rects[i + 1:]:
                    overlap_x = min(a[2], b[2]) - max(a[0], b[0])
                    overlap_y = min(a[3], b[3]) - max(a[1], b[1])
                    assert overlap_x <= 0.5 or overlap_y <= 0.5, f"p. {number}: {a[4]} overlapt {b[4]}"
