"""The download pack per bijeenkomst: the right worksheets in the right order, then posters, homework and the
trainer's agenda; still fillable after merging (unique field names, values read back), tagged, reproducible, and
also made outside MkDocs (`python -m werkboek packs OUT`)."""
from __future__ import annotations

import re
import subprocess
import sys

import pikepdf
import pytest
from conftest import ENV, ROOT
from pypdf import PdfReader, PdfWriter

from werkboek.errors import DataError
from werkboek.pdf.document import pages_label
from werkboek.pdf.merge import merge
from werkboek.training.contents import session_instruments
from werkboek.training.model import clock, load_training
from werkboek.training.packs import build_packs
from werkboek.werkblad.loader import load_instruments

INSTRUMENTS = load_instruments()
BY_NUMBER = {i.nummer: i for i in INSTRUMENTS.values()}
TRAINING = load_training()
# Which worksheets a session holds is checked against Bijlage 1 in tests/unit/test_training.py (the one table).
SHEETS = {s.nummer: [i.nummer for i in session_instruments(s, INSTRUMENTS)] for s in TRAINING.bijeenkomsten}
POSTERS = {5: ["1 Elkaar kennen", "2 Naar elkaar verwijzen", "3/4 Partnerschap en community"]}
SAMPLE = ["Één ëxtra ĳverig: € 12,50", "Zoë’s ĳsje", "€ 3"]
A4, A3 = (595.3, 841.9), (841.9, 1190.6)


def size(page) -> tuple[float, float]:
    box = page.mediabox
    return round(float(box.width), 1), round(float(box.height), 1)


def text(reader: PdfReader, index: int) -> str:
    return " ".join((reader.pages[index].extract_text() or "").split())


@pytest.fixture(scope="module")
def downloads(built_site):
    return built_site / "downloads"


def a4_sheets(n) -> list[str]:
    """The session's worksheets printed on A4 (the pack file); A3 ones go into bijeenkomst-N-a3.pdf."""
    return [nr for nr in SHEETS[n] if BY_NUMBER[nr].pagina.formaat == "A4"]


def a3_sheets(n) -> list[str]:
    return [nr for nr in SHEETS[n] if BY_NUMBER[nr].pagina.formaat == "A3"]


def pack_files(downloads, n) -> list:
    return [f for f in (downloads / f"bijeenkomst-{n}.pdf", downloads / f"bijeenkomst-{n}-a3.pdf") if f.exists()]


def sheet_pages(built_site, number: str) -> int:
    return len(PdfReader(built_site / "werkbladen" / f"{BY_NUMBER[number].id}.pdf").pages)


@pytest.mark.parametrize("n", sorted(SHEETS))
def test_pack_holds_the_right_parts_in_order(built_site, downloads, n):
    reader = PdfReader(downloads / f"bijeenkomst-{n}.pdf")
    session = TRAINING.session(n)
    expected = [f"Werkblad {nr} {BY_NUMBER[nr].titel}" for nr in a4_sheets(n)]
    if session.huiswerk:
        count = len(session.huiswerk.items)
        expected.append(f"{'Opdracht' if count == 1 else 'Opdrachten'} voor bijeenkomst {n + 1}")
    expected.append(f"Agenda bijeenkomst {n} voor de trainer")
    assert [item.title for item in reader.outline] == expected
    pages = sum(sheet_pages(built_site, nr) for nr in a4_sheets(n)) + (1 if session.huiswerk else 0) + 1
    assert len(reader.pages) == pages
    # Each worksheet's title is on its first page, in werkboek order.
    starts = [reader.get_destination_page_number(item) for item in reader.outline]
    for nr, start in zip(a4_sheets(n), starts):
        assert BY_NUMBER[nr].titel in text(reader, start)
    assert starts == sorted(starts)
    # The last page is the trainer's agenda, on one page, with computed times and the materials.
    agenda = text(reader, len(reader.pages) - 1)
    assert f"Bijeenkomst {n}" in agenda and "agenda voor de trainer" in agenda
    last_start, last_end, _ = list(session.timed_rows())[-1]
    assert f"{clock(last_start)}–{clock(last_end)}" in agenda
    for item in session.uitdelen + session.meenemen:
        assert " ".join(item.split()[:3]) in agenda
    if session.huiswerk:
        homework = text(reader, len(reader.pages) - 2)
        assert f"voor bijeenkomst {n + 1}" in homework
        for item in session.huiswerk.items:
            assert " ".join(item.tekst.split()[:5]) in homework


@pytest.mark.parametrize("n", sorted(SHEETS))
def test_pack_parts_are_written_separately(downloads, n):
    assert (downloads / f"bijeenkomst-{n}-agenda.pdf").exists()
    assert len(PdfReader(downloads / f"bijeenkomst-{n}-agenda.pdf").pages) == 1
    assert (downloads / f"bijeenkomst-{n}-huiswerk.pdf").exists() == bool(TRAINING.session(n).huiswerk)


def test_pack_5_prints_the_partnerschapskaart_and_posters_at_a3_in_their_own_file(downloads):
    assert [size(p) for p in PdfReader(downloads / "bijeenkomst-5.pdf").pages] == [(A4[1], A4[0])]  # the agenda
    reader = PdfReader(downloads / "bijeenkomst-5-a3.pdf")
    sizes = [size(p) for p in reader.pages]
    assert sizes[0] == (A3[1], A3[0])  # the partnerschapskaart: A3 landscape
    assert sizes[1:] == [A3] * 3  # the posters: A3 portrait
    assert [item.title for item in reader.outline] == [f"Werkblad {nr} {BY_NUMBER[nr].titel}" for nr in a3_sheets(5)] \
        + [f"Poster {p}" for p in POSTERS[5]]
    source = " ".join((ROOT / "docs" / "11-lokale-samenwerking.md").read_text(encoding="utf-8").split())
    for index, phrase in [(1, "Op de hoogte zijn van wat een andere organisatie doet en wie u waarvoor kunt bereiken"),
                          (1, "Wat is mijn rol?"),
                          (2, "Naar welke vrijwilligers of professionals verwijs ik in de praktijk door?"),
                          (3, "Systematisch toewerken naar een gelijkwaardige samenwerking als partners"),
                          (3, "Een netwerk van partners die elkaar weten te vinden")]:
        assert phrase in source
        assert phrase in text(reader, index)
    for file in downloads.glob("bijeenkomst-5-poster-*.pdf"):
        assert [size(p) for p in PdfReader(file).pages] == [A3]


def test_one_paper_size_per_pack_file(built_site, downloads):
    """A trainer prints each file in one go: every page of a pack file is the same paper (orientation may differ);
    a session with A3 parts has its A3 file, named in the agenda and offered on Training geven."""
    html = (built_site / "training-geven.html").read_text(encoding="utf-8")
    for n in SHEETS:
        for path in pack_files(downloads, n):
            papers = {tuple(sorted(size(p))) for p in PdfReader(path).pages}
            assert len(papers) == 1, f"{path.name}: {papers}"
        a3 = downloads / f"bijeenkomst-{n}-a3.pdf"
        assert a3.exists() == bool(a3_sheets(n) or POSTERS.get(n))
        if a3.exists():
            reader = PdfReader(downloads / f"bijeenkomst-{n}.pdf")
            assert a3.name in text(reader, len(reader.pages) - 1), "de agenda noemt het A3-bestand"
            assert f'href="downloads/{a3.name}"' in html


@pytest.mark.parametrize("n", sorted(SHEETS))
def test_fields_are_unique_and_fillable_after_merging(built_site, downloads, n, tmp_path):
    fields, expected = {}, set()
    for path, numbers in ((downloads / f"bijeenkomst-{n}.pdf", a4_sheets(n)),
                          (downloads / f"bijeenkomst-{n}-a3.pdf", a3_sheets(n))):
        if not numbers:
            continue
        in_file = PdfReader(path).get_fields() or {}
        for nr in numbers:
            expected |= set(PdfReader(built_site / "werkbladen" / f"{BY_NUMBER[nr].id}.pdf").get_fields() or {})
            assert any(name.startswith(BY_NUMBER[nr].id + "__") for name in in_file), (path.name, nr)
        assert not set(fields) & set(in_file)
        fields.update(in_file)
        reader = PdfReader(path)
    assert set(fields) == expected
    # fill the last file with fields (each file stays fillable on its own)
    texts = [name for name, f in in_file.items() if f.get("/FT") == "/Tx"]
    chosen = {name: SAMPLE[i % len(SAMPLE)] for i, name in enumerate(texts[:3] + texts[-2:])}
    for name, f in in_file.items():
        if "/_States_" in f:
            chosen[name] = [s for s in f["/_States_"] if s != "/Off"][-1]
            break
    writer = PdfWriter(clone_from=reader)
    for page in writer.pages:
        if "/Annots" in page:
            writer.update_page_form_field_values(page, chosen, auto_regenerate=False)
    out = tmp_path / "ingevuld.pdf"
    writer.write(out)
    back = PdfReader(out).get_fields()
    assert {name: str(back[name].get("/V")) for name in chosen} == {k: str(v) for k, v in chosen.items()}


@pytest.mark.parametrize("n", sorted(SHEETS))
def test_pack_is_tagged_dutch_and_titled(downloads, n):
    for path in pack_files(downloads, n):
        _tagged(path, n, len(a3_sheets(n)) + len(POSTERS.get(n, [])) if path.stem.endswith("-a3")
                else len(a4_sheets(n)) + (1 if TRAINING.session(n).huiswerk else 0) + 1)


def _tagged(path, n, parts):
    with pikepdf.open(path) as pdf:
        assert str(pdf.Root.Lang) == "nl-NL"
        assert pdf.Root.MarkInfo.Marked
        root = pdf.Root.StructTreeRoot
        assert root.K.S == "/Document"
        assert [str(k.S) for k in root.K.K] == ["/Part"] * parts
        keys = [int(k) for k in root.ParentTree.Nums[::2]]
        assert len(keys) == len(set(keys)) and int(root.ParentTreeNextKey) == max(keys) + 1
        for page in pdf.pages:
            assert int(page.StructParents) in keys
            for annot in page.get("/Annots", []):
                if "/StructParent" in annot:
                    assert int(annot.StructParent) in keys
        assert str(pdf.docinfo["/Title"]).startswith(f"Bijeenkomst {n}")
        assert pdf.Root.ViewerPreferences.DisplayDocTitle


def test_duplicate_field_names_fail_naming_pack_and_field(built_site):
    sheet = (built_site / "werkbladen" / "signaleringskaart.pdf").read_bytes()
    with pytest.raises(DataError) as err:
        merge([("Werkblad 5.3 Signaleringskaart", sheet), ("Werkblad 5.3 opnieuw", sheet)], "bijeenkomst-9",
              "test", 0)
    msg = str(err.value)
    assert "pakket bijeenkomst-9" in msg and "signaleringskaart__" in msg and "Werkblad 5.3 opnieuw" in msg


def test_packs_are_reproducible_and_made_outside_mkdocs(built_site, downloads, tmp_path):
    sheets = {i: built_site / "werkbladen" / f"{i}.pdf" for i in INSTRUMENTS}
    first = build_packs(tmp_path / "a", sheets, cache_dir=None, epoch=1_700_000_000)
    second = build_packs(tmp_path / "b", sheets, cache_dir=None, epoch=1_700_000_000)
    for n in first:
        assert first[n].path.read_bytes() == second[n].path.read_bytes(), f"pakket {n} verschilt"
        for a, b in zip(first[n].parts, second[n].parts):
            assert a.path.read_bytes() == b.path.read_bytes(), a.path.name
    # The build wrote the same packs as the plain function (same worksheets, same date).
    assert first[1].pages == len(PdfReader(downloads / "bijeenkomst-1.pdf").pages)


def test_command_line(tmp_path):
    result = subprocess.run([sys.executable, "-m", "werkboek", "packs", str(tmp_path)], cwd=ROOT, env=ENV,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in tmp_path.glob("bijeenkomst-?.pdf")) == [f"bijeenkomst-{n}.pdf" for n in SHEETS]
    assert re.search(r"pakket 3: bijeenkomst-3\.pdf: \d+ pagina’s, \d+ kB", result.stdout)
    assert (tmp_path / "werkbladen" / "signaleringskaart.pdf").exists()


def test_training_page_shows_packs_with_size_and_pages(built_site):
    html = (built_site / "training-geven.html").read_text(encoding="utf-8")
    for n in SHEETS:
        info = PdfReader(built_site / "downloads" / f"bijeenkomst-{n}.pdf")
        assert f'href="downloads/bijeenkomst-{n}.pdf"' in html
        assert f"PDF, {pages_label(len(info.pages))}" in html
        assert f'href="bijlagen/1-trainershandleiding.html#bijeenkomst-{n}"' in html
    assert 'id="bijeenkomst-1"' in (built_site / "bijlagen" / "1-trainershandleiding.html").read_text(encoding="utf-8")
    assert "om de 4 tot 6 weken" in html and "minstens 6 weken" in html
    assert 'href="downloads/werkboek.pdf"' in html
