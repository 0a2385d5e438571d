"""The whole werkboek as one PDF (downloads/werkboek.pdf): contents with the right page numbers, a bookmark per
chapter, every section 3.1–12.8 in the text, cross-references with their page, chapters on right-hand pages,
instruments as printable (not fillable) pages, made from the same HTML as the site and cached by it."""
from __future__ import annotations

import re

import pytest
from conftest import ROOT
from pypdf import PdfReader

from werkboek.book.build import BookPage, assemble, build_book, in_book, prefix_of
from werkboek.sections import scan_dir

SECTIONS = scan_dir(ROOT / "docs")
CHAPTERS = {k: s for k, s in SECTIONS.items() if re.fullmatch(r"h\d+", k)}
NUMBERED = {k: s for k, s in SECTIONS.items() if re.fullmatch(r"s(\d+)-\d+", k) and 3 <= int(k[1:].split("-")[0]) <= 12}


def norm(text: str) -> str:
    return " ".join(text.replace("\u00ad", "").split())


@pytest.fixture(scope="module")
def book(built_site):
    path = built_site / "downloads" / "werkboek.pdf"
    assert path.exists(), "downloads/werkboek.pdf ontbreekt"
    return PdfReader(path)


@pytest.fixture(scope="module")
def pages(book):
    return [norm(p.extract_text() or "") for p in book.pages]


@pytest.fixture(scope="module")
def outline(book):
    def walk(items, level=1):
        for item in items:
            if isinstance(item, list):
                yield from walk(item, level + 1)
            else:
                yield level, item.title, book.get_destination_page_number(item) + 1
    return list(walk(book.outline))


def test_a_bookmark_per_chapter_and_section(outline):
    top = [title for level, title, _ in outline if level == 1]
    for key in sorted(CHAPTERS, key=lambda k: int(k[1:])):
        assert CHAPTERS[key].title in top, CHAPTERS[key].title
    for name in ("Inhoud", "Begrippenlijst", "Bijlage 1 Trainershandleiding", "Bijlage 2 Effectonderzoek",
                 "Bijlage 3 Bestudeerde instrumenten"):
        assert name in top
    titles = [norm(title) for _, title, _ in outline]
    for key, section in NUMBERED.items():
        assert norm(section.title) in titles, section.title
    # Kennisbronnen sit under 12 Kennisbronnen.
    levels = {norm(title): level for level, title, _ in outline}
    assert levels["Kennisbron 12.1 Typen eenzaamheid en sociaal isolement"] == 2
    assert levels["5.3 Instrument: Signaleringskaart"] == 2


def test_every_section_3_1_to_12_8_is_in_the_text(pages):
    text = " ".join(pages)
    assert len(NUMBERED) >= 50 and "s12-8" in NUMBERED
    for key, section in sorted(NUMBERED.items()):
        assert norm(section.title) in text, section.title
    assert "Kennisbron 12.8 Actie-leren" in text


def test_contents_have_the_right_page_numbers(pages, outline):
    start = next(i for i, t in enumerate(pages) if "Inhoud" in t and "1 Inleiding" in t)
    toc = " ".join(pages[start:start + 4])
    targets = {norm(title): page for level, title, page in outline}
    checked = 0
    for key in list(CHAPTERS) + ["s5-3", "s11-6", "s12-8"]:
        title = norm(SECTIONS[key].title)
        m = re.search(re.escape(title) + r"\s*\.{3,}\s*(\d+)", toc)
        assert m, f"{title} staat niet met paginanummer in de inhoudsopgave"
        assert int(m.group(1)) == targets[title], title
        checked += 1
    assert checked >= 15


def test_chapters_start_on_a_right_hand_page(outline):
    for level, title, page in outline:
        if level == 1:
            assert page % 2 == 1, f"{title} begint op pagina {page} (links)"


def test_running_header_names_the_chapter(pages, outline):
    start = next(page for level, title, page in outline if title.startswith("5 Herkennen"))
    following = next(page for level, title, page in outline if title.startswith("6 Bespreekbaar"))
    right = [n for n in range(start + 1, following) if n % 2 == 1 and pages[n - 1]]
    left = [n for n in range(start + 1, following) if n % 2 == 0 and pages[n - 1]]
    assert right and left
    for n in right:
        assert "5 Herkennen van eenzaamheid en sociaal isolement" in pages[n - 1]
    for n in left:
        assert "Eenzaam ben je niet alleen" in pages[n - 1] and str(n) in pages[n - 1]


def test_cross_references_show_the_page(pages, outline):
    text = " ".join(pages)
    targets = {norm(title).split(" ")[0]: page for level, title, page in outline}
    refs = re.findall(r"§(\d{1,2}\.\d{1,2}), p\.\s?(\d+)", text)
    assert len(refs) >= 5, "verwijzingen zonder paginanummer"
    for number, page in refs:
        if number in targets:
            assert int(page) == targets[number], f"§{number} verwijst naar p. {page}"


def test_instruments_are_printable_pages_not_fields(book, outline):
    assert not book.get_fields(), "het boek hoort geen invulvelden te hebben"
    sizes = {(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in book.pages}
    assert sizes == {(595, 842), (842, 595)}  # A4, and landscape pages for landscape instruments
    signaleringskaart = next(page for _, title, page in outline if title == "5.3 Instrument: Signaleringskaart")
    # the title, then (where the data records choices) the small link to this edition's choices, then the text
    first = norm(book.pages[signaleringskaart - 1].extract_text()).replace(" keuzes van deze uitgave bij dit werkblad", "")
    assert first.split(" ")[:4] == ["5.3", "Instrument:", "Signaleringskaart", "Deze"] or \
        "5.3 Instrument: Signaleringskaart Deze signaleringskaart" in first


def test_book_metadata(built_site):
    import pikepdf

    with pikepdf.open(built_site / "downloads" / "werkboek.pdf") as pdf:
        assert str(pdf.Root.Lang) == "nl-NL"
        assert pdf.Root.MarkInfo.Marked and "/StructTreeRoot" in pdf.Root
        assert str(pdf.docinfo["/Title"]) == "Eenzaam ben je niet alleen"


def test_training_page_shows_the_book_with_its_size(built_site, book):
    html = (built_site / "training-geven.html").read_text(encoding="utf-8")
    m = re.search(r"data-werkboek-pdf>\(PDF, (\d+) pagina’s, [\d,]+ [kM]B\)<", html)
    assert m, "de grootte van het werkboek ontbreekt op de pagina Training geven"
    assert int(m.group(1)) == len(book.pages)


# --- the plain functions ----------------------------------------------------------------------------------------

PAGES = [
    BookPage("01-een.md", "01-een.html",
             '<h1 id="h1">1 Een<a class="headerlink" href="#h1">#</a></h1><p id="x">Zie <a class="verwijzing" '
             'href="sub/02-twee.html#s2-1">§2.1</a> en <a href="#x">hier</a>, <a href="werkbladen/a.pdf">pdf</a>, '
             '<a href="https://example.org/">web</a>.</p>'),
    BookPage("sub/02-twee.md", "sub/02-twee.html",
             '<h1 id="h2">2 Twee</h1><h2 id="s2-1">2.1 Deel</h2><label for="f">F</label><input id="f">'
             '<a href="../01-een.html">terug</a>'),
    BookPage("werkbladen.md", "werkbladen.html", "<h1>Werkbladen</h1>"),
]


def test_assemble_prefixes_ids_and_makes_links_internal():
    html = assemble(PAGES, "Boek")
    assert not in_book(PAGES[2]) and "<h1>Werkbladen</h1>" not in html
    one, two = prefix_of("01-een.md"), prefix_of("sub/02-twee.md")
    assert f'id="{one}--h1"' in html and f'id="{two}--s2-1"' in html
    assert f'href="#{two}--s2-1"' in html and f'href="#{one}--x"' in html and f'href="#{one}"' in html
    assert f'for="{two}--f"' in html and f'id="{two}--f"' in html
    assert "headerlink" not in html
    assert '<span class="buiten-boek">pdf</span>' in html and 'href="https://example.org/"' in html
    ids = re.findall(r'\bid="([^"]+)"', html)
    assert len(ids) == len(set(ids))


def test_book_is_cached_by_its_html(tmp_path):
    html = assemble(PAGES, "Boek")
    first = build_book(html, tmp_path / "a.pdf", tmp_path / "cache", "Boek", 0)
    second = build_book(html, tmp_path / "b.pdf", tmp_path / "cache", "Boek", 0)
    assert (first.status, second.status) == ("gemaakt", "ongewijzigd")
    assert (tmp_path / "a.pdf").read_bytes() == (tmp_path / "b.pdf").read_bytes()
    third = build_book(html.replace("Twee", "Drie"), tmp_path / "c.pdf", tmp_path / "cache", "Boek", 0)
    assert third.status == "gemaakt"


def test_kennisbron_12_1_prints_the_page_of_its_schema(pages):
    """The source's "zie schema op p.63" is a link on the web (data/verantwoording.yml); the book prints the schema's
    real page, like every other reference."""
    import yaml

    entries = yaml.safe_load((ROOT / "data" / "verantwoording.yml").read_text(encoding="utf-8"))["ingrepen"]
    reference = next(e["verwijzing"] for e in entries if e["id"] == "verwijzing-p63")
    text = " ".join(pages)
    m = re.search(re.escape(norm(reference["tekst"])) + r",? p\.\s?(\d+)", text)
    assert m, f"12.1: '{reference['tekst']}' zonder paginanummer"
    assert "Typen-indeling op basis van handelingsoriëntaties" in pages[int(m.group(1)) - 1]


def _circle_words() -> set[str]:
    """The words, shorter than the hyphenation limit of .sectoren__midden (werkblad.css), of every circle's centre."""
    from werkboek.werkblad.loader import load_instruments

    centres = [blok.midden for i in load_instruments().values() for blok in i.blokken if getattr(blok, "midden", None)]
    return {w for c in centres for w in (word.strip("?.,!:;") for word in c.split()) if 3 <= len(w) < 9}


def test_no_short_word_in_a_circles_centre_is_hyphenated(built_site):
    """"MIJN TALENTEN" in its circle breaks between the words, never as "TALEN-" / "TEN": in the book and in every
    worksheet PDF (the site shares the rule)."""
    import subprocess

    words = _circle_words()
    assert "TALENTEN" in words
    pdfs = [built_site / "downloads" / "werkboek.pdf", *sorted((built_site / "werkbladen").glob("*.pdf"))]
    broken = []
    for pdf in pdfs:
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        broken += [f"{pdf.name}: {w}" for w in words for k in range(1, len(w))
                   if re.search(re.escape(w[:k]) + "[-\u2010\u00ad]\\s*\\n\\s*" + re.escape(w[k:]), text, re.I)]
    assert not broken, f"afgebroken in een cirkel: {broken}"


@pytest.mark.parametrize("site_url", [None, "https://gemeente.github.io/werkboek-kopie/"])
def test_the_editions_markers_are_set_apart_from_the_text_in_the_book(site_url):
    """Where this edition speaks (the redactie() marker, a link to the Verantwoording, which the book does not hold),
    the book prints a small framed label, as the site shows it, never a sentence that reads as the werkboek's. With
    the site's address known, the label links to the online Verantwoording; without it, it is text."""
    import weasyprint

    from werkboek.werkblad.render import template_env

    marker = template_env().get_template("partials/redactie.html").render(
        id="voetnoten", href="verantwoording.html#voetnoten", label="bron van deze cijfers", titel="Voetnoten")
    html = assemble([BookPage("01-een.md", "01-een.html", f'<h1>1 Een</h1><p id="zin">Zo is het. {marker}</p>')], "Boek",
                    site_url=site_url)
    if site_url:
        assert re.search(rf'<a class="buiten-boek redactie" href="{site_url}verantwoording.html#voetnoten"', html)
    else:
        assert '<span class="buiten-boek redactie">' in html  # the link leaves the book, its kind stays
    document = weasyprint.HTML(string=html, base_url=str(ROOT)).render()

    def boxes(box):
        yield box
        for child in getattr(box, "children", []):
            yield from boxes(child)

    found = {}
    for page in document.pages:
        for box in boxes(page._page_box):
            element = getattr(box, "element", None)
            if element is not None and box.element_tag in ("p", "span", "a"):
                found.setdefault(element.get("class") or element.get("id"), box.style)
    label, text = found["buiten-boek redactie"], found[f"{prefix_of('01-een.md')}--zin"]
    assert label["font_size"] < text["font_size"]
    assert label["border_top_width"] > 0 and label["border_top_style"] == "dashed"


@pytest.mark.parametrize("site_url", [None, "https://gemeente.github.io/werkboek-kopie/"])
def test_every_link_that_leaves_the_book_leads_online_when_the_address_is_known(site_url):
    """The class of item 8: a link to anything on the site the book does not hold (a page, a PDF, from any folder)
    leads to that file on the online site when the build knows the site's address, keeping its text and kind; without
    an address it is text. Links inside the book stay internal, links to other websites stay as they are."""
    page = ('<h1>Kennisbron 12.4 Vragen</h1><p id="a">'
            '<a class="redactie" href="../verantwoording.html#vragen-stellen-tabel">tabelkoppen</a> '
            '<a class="md-button" href="../werkbladen/verwijskaart.pdf" download>Download</a> '
            '<a class="verwijzing" href="../05-herkennen.html#s5-3">§5.3</a> '
            '<a href="https://www.example.nl/x">elders</a></p>')
    html = assemble([BookPage("05-herkennen.md", "05-herkennen.html", '<h1 id="h5">5 Herkennen</h1><h2 id="s5-3">5.3 X</h2>'),
                     BookPage("kennisbronnen/12-4-vragen.md", "kennisbronnen/12-4-vragen.html", page)], "Boek",
                    site_url=site_url)
    assert f'href="#{prefix_of("05-herkennen.md")}--s5-3"' in html
    assert '<a href="https://www.example.nl/x">elders</a>' in html
    if site_url:
        assert f'<a class="buiten-boek redactie" href="{site_url}verantwoording.html#vragen-stellen-tabel">' in html
        assert f'<a class="buiten-boek md-button" href="{site_url}werkbladen/verwijskaart.pdf">' in html
        assert "<span class=\"buiten-boek" not in html
    else:
        assert '<span class="buiten-boek redactie">tabelkoppen</span>' in html
        assert '<span class="buiten-boek md-button">Download</span>' in html
        assert "verantwoording.html" not in html and "verwijskaart.pdf" not in html
