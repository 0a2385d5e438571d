"""What a person sees on a printed or viewed worksheet, one test per class of defect: write-in fields wide enough for
what they hold; written answers on ruled lines whose fields sit on their rule (so typed text sits on the line in
every viewer); no heading as the last thing on a page; tooltips that read as the question; the 11.5 Verwijskaart on
one page, also filled in by a gemeente with the longest values gemeente.yml allows."""
from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path

import pikepdf
import pytest
import yaml
from conftest import ROOT

from werkboek.werkblad.loader import load_instruments
from werkboek.werkblad.schema import Checklist, Columns, Prompts, Scale, Sectors, Table

INSTRUMENTS = load_instruments()
MM = 72 / 25.4
LINE_PITCH_MM = 7.5  # --wb-line-height in overrides/pdf/werkblad.css
# The narrowest a write-in field may be for what it holds (mm): a date "12-03-2026", a time "09:00", a number,
# a word or two ("Fotograferen"), a name (a person or organisation), and any other text.
MIN_WIDTH_MM = {"datum": 25, "tijd": 14, "getal": 10, "woord": 28, "naam": 40, "tekst": 45}
REGEL = re.compile(r"__regel-(\d+)$")


def pdf_path(built_site, ident) -> Path:
    return built_site / "werkbladen" / f"{ident}.pdf"


def widgets(path):
    """(page number, name, rect in points, /DA, /Ff) of every text widget."""
    with pikepdf.open(path) as pdf:
        for number, page in enumerate(pdf.pages, 1):
            for annot in page.get("/Annots", []):
                if annot.get("/FT") != "/Tx":
                    continue
                x0, y0, x1, y1 = (float(v) for v in annot.Rect)
                yield (number, str(annot.T), (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)),
                       str(annot.get("/DA", "")), int(annot.get("/Ff", 0)))


def field_kind(instrument, name: str) -> str:
    """What a text field holds, from the data (a table column's invoer) or from what the form asks (Datum, tijd)."""
    parts = REGEL.sub("", name).split("__")[1:]
    for block in instrument.blokken:
        if isinstance(block, Table) and parts[:1] == [block.id] and len(parts) == 3:
            column = next((c for c in block.kolommen if c.id == parts[2]), None)
            if column is not None:
                return column.invoer
        if isinstance(block, Checklist) and len(parts) == 1:
            group = next((g for g in block.groepen if g.id == parts[0]), None)
            if group is not None:
                return group.invoer
    if parts[-1] == "datum":
        return "datum"
    if parts[-1] in ("van", "tot") and len(parts) == 2:
        return "tijd"  # the verwijskaart's "Bereikbaar van … tot …"
    if parts[-1] in ("naam", "van", "label", "tekst") or parts[-1].startswith("contact") or parts[-1].startswith("advies"):
        return "naam"
    return "tekst"


@pytest.mark.parametrize("ident", sorted(INSTRUMENTS))
def test_write_in_fields_are_wide_enough_for_what_they_hold(built_site, ident):
    instrument = INSTRUMENTS[ident]
    rows = defaultdict(dict)
    for page, name, (x0, _, x1, _), _, _ in widgets(pdf_path(built_site, ident)):
        kind = field_kind(instrument, name)
        width = (x1 - x0) / MM
        assert width >= MIN_WIDTH_MM[kind], f"p. {page}: {name} ({kind}) is {width:.0f} mm breed"
        if REGEL.search(name):
            rows[REGEL.sub("", name).rsplit("__", 1)[0]][kind] = max(width, rows[REGEL.sub("", name).rsplit("__", 1)[0]].get(kind, 0))
    # In a table the column people write text in is the widest; a date or a number column is narrower.
    for block in instrument.blokken:
        if isinstance(block, Table) and any(c.invoer != "tekst" for c in block.kolommen):
            for row in block.rijen:
                widths = rows[f"{instrument.id}__{block.id}__{row.id}"]
                assert widths["tekst"] == max(widths.values()), (row.id, widths)


def answers_with_lines(instrument):
    """Every written answer of the data and its number of printed lines."""
    for b in instrument.blokken:
        if isinstance(b, (Prompts, Sectors)):
            for q in b.items:
                yield f"{instrument.id}__{b.id}__{q.id}", q.regels
        elif isinstance(b, Table):
            for r in b.rijen:
                for c in b.kolommen:
                    yield f"{instrument.id}__{b.id}__{r.id}__{c.id}", b.regels
        elif isinstance(b, Columns):
            for c in b.kolommen:
                yield f"{instrument.id}__{b.id}__{c.id}", b.regels
        elif isinstance(b, Scale) and b.notitie:
            for item in b.items:
                yield f"{instrument.id}__{item.id}__notitie", b.notitie_regels
        elif isinstance(b, Checklist) and not b.afvinken:
            for g in b.groepen:
                if g.extra_regels:
                    yield f"{instrument.id}__{g.id}", g.extra_regels
        elif getattr(b, "aantekeningen", 0):
            yield f"{instrument.id}__{b.id}__aantekeningen", b.aantekeningen


def _render(path, page, tmp_path, dpi=100):
    prefix = tmp_path / f"p{page}"
    subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", "-f", str(page), "-l", str(page), str(path), str(prefix)],
                   check=True, capture_output=True)
    from PIL import Image

    return Image.open(next(tmp_path.glob(f"p{page}*.png"))).convert("L")


@pytest.mark.parametrize("ident", sorted(INSTRUMENTS))
def test_written_answers_are_ruled_lines_each_a_field_on_its_rule(built_site, ident, tmp_path):
    """A multi-line field's line pitch differs per viewer (poppler, pdf.js, PDFium), so typed text would cross the
    printed ruling in some of them. Each printed line is its own single-line field, which every viewer centres
    vertically: the fields follow each other at the ruling's pitch, each one's bottom on its printed rule, at ≥ 10 pt."""
    path = pdf_path(built_site, ident)
    found = list(widgets(path))
    assert not [name for _, name, _, _, flags in found if flags & (1 << 12)], "meerregelige velden"
    by_name = {name: (page, rect, da) for page, name, rect, da, _ in found}
    pages = {}
    with pikepdf.open(path) as pdf:
        heights = [float(p.MediaBox[3]) for p in pdf.pages]
    for answer, count in answers_with_lines(INSTRUMENTS[ident]):
        lines = [by_name[f"{answer}__regel-{n}"] for n in range(1, count + 1)]
        for n, (page, (x0, y0, x1, y1), da) in enumerate(lines, 1):
            size = float(re.search(r"([\d.]+)\s+Tf", da).group(1))
            assert size >= 10, f"{answer} regel {n}: {size} pt"
            if n > 1 and lines[n - 2][0] == page:
                previous = lines[n - 2][1]
                assert abs(previous[0] - x0) < 0.5 and abs(previous[2] - x1) < 0.5, f"{answer}: regels niet onder elkaar"
                pitch = (previous[1] - y0) / MM
                assert abs(pitch - LINE_PITCH_MM) < 0.2, f"{answer} regel {n}: afstand {pitch:.2f} mm"
            # the printed rule: a line of ink right at the bottom of the field, across its width
            if page not in pages:
                pages[page] = _render(path, page, tmp_path)
            image, scale = pages[page], 100 / 72
            top = int((heights[page - 1] - y0) * scale) - 2
            band = image.crop((int(x0 * scale) + 2, top, int(x1 * scale) - 2, top + 4))
            columns = [min(band.getpixel((x, y)) for y in range(band.height)) for x in range(band.width)]
            inked = sum(1 for value in columns if value < 215) / len(columns)
            assert inked > 0.9, f"p. {page}: {answer} regel {n} staat niet op een lijn ({inked:.0%})"


def headings(instrument) -> set[str]:
    """Texts that head what follows them: block titles and section headings, group titles, questions."""
    out = set()
    for b in instrument.blokken:
        out.update(t for t in (getattr(b, "titel", None), getattr(b, "sectie", None)) if t)
        for g in getattr(b, "groepen", []):
            out.add(g.titel)
        if isinstance(b, (Prompts, Sectors)):
            out.update(q.tekst for q in b.items)
        if isinstance(b, Columns):
            out.update(c.kop for c in b.kolommen)
    return {" ".join(h.split()) for h in out}


def page_lines(path):
    """Per page: the text lines from top to bottom, without the running header and footer."""
    xml = subprocess.run(["pdftotext", "-bbox-layout", str(path), "-"], check=True, capture_output=True, text=True).stdout
    xml = re.sub(r"<!DOCTYPE[^>]*>", "", xml)
    root = ET.fromstring(xml)
    ns = {"x": "http://www.w3.org/1999/xhtml"}
    for page in root.iterfind(".//x:page", ns):
        height = float(page.get("height"))
        lines = []
        for line in page.iterfind(".//x:line", ns):
            words = [w.text or "" for w in line.iterfind("x:word", ns)]
            y = float(line.get("yMax"))
            if 12 * MM < y < height - 10 * MM:
                lines.append((y, " ".join(words)))
        yield [text for _, text in sorted(lines)]


@pytest.mark.parametrize("ident", sorted(INSTRUMENTS))
def test_no_heading_is_the_last_thing_on_a_page(built_site, ident):
    heads = headings(INSTRUMENTS[ident])
    pages = list(page_lines(pdf_path(built_site, ident)))
    for number, lines in enumerate(pages[:-1], 1):
        if lines:
            assert not any(lines[-1] == h or h.endswith(lines[-1]) and len(lines[-1]) > 3 for h in heads), \
                f"p. {number} eindigt met de kop '{lines[-1]}'"


def vocabulary() -> set[str]:
    """Every word the forms and the worksheet templates show."""
    words: set[str] = set()

    def walk(value):
        if isinstance(value, str):
            words.update(w.lower() for w in re.findall(r"\w+", value))
        elif isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    for path in (ROOT / "forms").glob("*.yml"):
        walk(yaml.safe_load(path.read_text(encoding="utf-8")))
    for path in (ROOT / "overrides" / "partials" / "werkblad").glob("*.html"):
        walk(re.sub(r"\{[{%#].*?[}%#]\}", " ", path.read_text(encoding="utf-8"), flags=re.S))
    return words


VOCABULARY = vocabulary()


@pytest.mark.parametrize("ident", sorted(INSTRUMENTS))
def test_field_tooltips_read_as_the_question_without_glued_words(built_site, ident):
    with pikepdf.open(pdf_path(built_site, ident)) as pdf:
        for page in pdf.pages:
            for annot in page.get("/Annots", []):
                for field in (annot, annot.get("/Parent")):
                    if field is None or "/TU" not in field:
                        continue
                    tooltip = str(field.TU)
                    glued = [w for w in re.findall(r"\w+", tooltip) if not w.isdigit() and w.lower() not in VOCABULARY]
                    assert not glued, f"{field.get('/T', annot.get('/T'))}: '{tooltip}' ({glued})"


# Agreed with gemeente.yml's checks: the longest values a gemeente can enter on the verwijskaart.
LONGEST = {"naam": 60, "site_titel": 60, "contact naam": 60, "email": 60, "website": 80}


def _longest_gemeente(tmp_path) -> Path:
    text = (ROOT / "voorbeelden" / "gemeente-voorbeeld.yml").read_text(encoding="utf-8")
    name = ("Stichting Welzijn Ouderen en Mantelzorg Groot-Dorpshaven-Noord" * 2)[:LONGEST["contact naam"]]
    email = ("steunpunt.samen.groot-dorpshaven" * 3)[:LONGEST["email"] - len("@example.nl")] + "@example.nl"
    website = ("https://www.example.nl/" + "steunpunt-samen-tegen-eenzaamheid-" * 3)[:LONGEST["website"]]
    text = re.sub(r"(\n\s+naam:) .*", lambda m: f"{m.group(1)} {name}", text)
    text = re.sub(r"(\n\s+email:) .*", lambda m: f"{m.group(1)} {email}", text)
    text = re.sub(r"(\n\s+website:) .*", lambda m: f"{m.group(1)} {website}", text)
    text = re.sub(r"(\nnaam:) .*", lambda m: f"{m.group(1)} {name[:LONGEST['naam']]}", text)
    text = re.sub(r"(\nsite_titel:) .*", lambda m: f"{m.group(1)} {name[:LONGEST['site_titel']]}", text)
    path = tmp_path / "gemeente.yml"
    path.write_text(text, encoding="utf-8")
    return path


def _overprinted_words(path) -> list[str]:
    """Pairs of words whose boxes overlap on a page (text printed over text)."""
    xml = subprocess.run(["pdftotext", "-bbox", str(path), "-"], check=True, capture_output=True, text=True).stdout
    out = []
    for page in re.findall(r"<page.*?</page>", xml, flags=re.S):
        boxes = [tuple(float(v) for v in m[:4]) + (m[4],) for m in
                 re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', page)]
        for i, a in enumerate(boxes):
            for b in boxes[i + 1:]:
                if min(a[2], b[2]) - max(a[0], b[0]) > 1 and min(a[3], b[3]) - max(a[1], b[1]) > 2:
                    out.append(f"{a[4]} / {b[4]}")
    return out


@pytest.mark.parametrize("gemeente", ["voorbeeld", "langste waarden"])
def test_verwijskaart_is_one_landscape_page_also_filled_in_by_a_gemeente(gemeente, tmp_path):
    from werkboek.gemeente.load import load_gemeente
    from werkboek.werkblad.pdf import render_pdf

    source = ROOT / "voorbeelden" / "gemeente-voorbeeld.yml" if gemeente == "voorbeeld" else _longest_gemeente(tmp_path)
    lokaal = load_gemeente(source, ROOT)
    path = tmp_path / "verwijskaart.pdf"
    path.write_bytes(render_pdf(INSTRUMENTS["verwijskaart"], lokaal, epoch=0))
    with pikepdf.open(path) as pdf:
        assert len(pdf.pages) == 1
        box = [float(v) for v in pdf.pages[0].MediaBox]
        assert box[2] > box[3], "liggend"
    # -raw: in the order drawn, so a value wrapped over two lines inside its box reads as one
    text = "".join(subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True).stdout.split())
    for contact in lokaal.contacten.values():
        for value in contact.values():
            assert "".join(value.split()) in text, f"{value} ontbreekt"
    assert not _overprinted_words(path)


def test_verwijskaart_prints_each_box_once_with_matching_quotes(built_site):
    text = " ".join(subprocess.run(["pdftotext", "-raw", str(pdf_path(built_site, "verwijskaart")), "-"],
                                   capture_output=True, text=True).stdout.split())
    for box in INSTRUMENTS["verwijskaart"].blokken[0].vakken:
        assert text.count(box.tekst) == 1, f"'{box.tekst}' staat {text.count(box.tekst)} keer op de kaart"
    assert "“niet pluis”" in text


@pytest.mark.parametrize("ident", sorted(i for i in INSTRUMENTS if INSTRUMENTS[i].bron))
def test_source_notes_are_printed_once(built_site, ident):
    text = " ".join(subprocess.run(["pdftotext", "-raw", str(pdf_path(built_site, ident)), "-"],
                                   capture_output=True, text=True).stdout.split())
    for note in INSTRUMENTS[ident].bron:
        opening = " ".join(note.split()[:6])
        assert text.count(opening) == 1, f"'{opening}' staat {text.count(opening)} keer in de PDF"
