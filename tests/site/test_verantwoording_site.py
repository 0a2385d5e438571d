"""The Verantwoording on the built site: every entry is on the page and links to its place; every place exists and
carries a visible marker linking back; every marker points to an existing entry; the printed agendas'
contradictions appear where the trainer reads the agenda; the fixes the source comparison asked for are in place."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import ROOT

from werkboek.htmltext import strip_tags
from werkboek.pages.verantwoording import all_items, markers_in
from werkboek.training.model import load_training
from werkboek.werkblad.loader import load_instruments

DOCS = ROOT / "docs"


@pytest.fixture(scope="module")
def items():
    return all_items(DOCS, load_instruments(), load_training())


def html_of(site: Path, src: str) -> str:
    return (site / src.replace(".md", ".html")).read_text(encoding="utf-8")


def text_of(html: str) -> str:
    """Visible text, without the glossary's tooltips."""
    html = re.sub(r'<span class="begrip__uitleg".*?</span>', "", html, flags=re.S)
    return re.sub(r"\s+", " ", strip_tags(html))


def test_the_page_says_what_the_source_was_and_that_nothing_was_added(built_site):
    html = html_of(built_site, "verantwoording.md")
    first = text_of(re.search(r"<article.*?</h1>(.*?)</p>", html, re.S).group(1))
    assert "gedrukte werkboek" in first and "(2015)" in first and "niets toegevoegd" in first


def test_the_page_is_in_the_navigation_next_to_bijlage_3(built_site):
    tags = re.findall(r'<a [^>]*class="md-nav__link[^"]*"[^>]*>', html_of(built_site, "index.md"))
    names = [re.search(r'href="([^"]+)"', t).group(1).rsplit("/", 1)[-1] for t in tags if "href=" in t]
    assert "verantwoording.html" in names
    assert names.index("verantwoording.html") == names.index("3-bestudeerde-instrumenten.html") + 1


def test_every_entry_is_on_the_page_and_its_place_exists_and_carries_a_marker(built_site, items):
    page = html_of(built_site, "verantwoording.md")
    for item in items:
        entry = re.search(rf'<h3 id="{item.id}">.*?(?=<h[23] |</article>)', page, re.S)
        assert entry, f"no entry for {item.id} on the Verantwoording page"
        href = f'{item.pagina.replace(".md", ".html")}#{item.anker}'
        assert f'href="{href}"' in entry.group(0), (item.id, href)
        place = html_of(built_site, item.pagina)
        assert f'id="{item.anker}"' in place, f"{item.pagina} has no anchor #{item.anker} ({item.id})"
        assert item.id in markers_in(place), f"{item.pagina} carries no marker for {item.id}"


def test_every_marker_points_to_an_existing_entry_and_says_something(built_site, items):
    known = {item.id for item in items}
    page_ids = set(re.findall(r'<h3 id="([^"]+)"', html_of(built_site, "verantwoording.md")))
    seen = set()
    for path in built_site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        for m in re.finditer(r'<a class="redactie" href="([^"]*)" data-redactie="([^"]+)"[^>]*>(.*?)</a>', html, re.S):
            href, ident, label = m.groups()
            assert ident in known and ident in page_ids, f"{path.name}: marker for unknown entry '{ident}'"
            assert href.endswith(f"verantwoording.html#{ident}"), (path.name, href)
            assert text_of(label).strip(), path.name
            seen.add(ident)
        assert markers_in(html) <= known, path.name
    assert seen == known


def test_the_printed_agendas_contradictions_are_shown_where_the_trainer_reads_the_agenda(built_site):
    training = load_training()
    bijlage = html_of(built_site, "bijlagen/1-trainershandleiding.md")
    geven = html_of(built_site, "training-geven.md")
    assert "<details" not in bijlage and "kolom Tijd noemt" not in bijlage + geven
    for s in training.bijeenkomsten:
        for html in (bijlage, geven):
            note = re.search(rf'<div class="agenda__tegenspraak"[^>]*bijeenkomst {s.nummer}">(.*?)</div>', html, re.S)
            assert bool(note) == bool(s.disagreements() or s.mismatch), s.nummer
            for d in s.disagreements():
                text = text_of(note.group(1))
                assert f"{d.row.wat}. Werkboek: Duur ‘{d.row.bron_duur}’, Totale tijd" in text
                assert f"{d.bron_vorige or '0.00'}–{d.row.bron_totaal}" in text and s.choice_for(d.row).reden in text
        for start, end, row in s.timed_rows():
            if row.bron_eind != end:
                assert f"werkboek: t/m {row.bron_totaal}" in bijlage and f"werkboek: t/m {row.bron_totaal}" in geven
            if row.bron_bereik:
                assert f"werkboek: {row.bron_duur}" in bijlage and f"werkboek: {row.bron_duur}" in geven


@pytest.mark.parametrize("page, target, printed", [
    ("07-luisteren.md", 'href="#s7-2">§7.2 Aandacht voor het verhaal</a>', "in het werkboek: ‘§7.1 Aandacht voor het verhaal’"),
    ("kennisbronnen/12-2-lokale-samenwerking.md", 'href="../04-werken-in-netwerken.html">hoofdstuk 4 Werken in netwerken</a>',
     "in het werkboek: ‘§3.1 Werken in netwerken’"),
    ("kennisbronnen/12-1-typen-eenzaamheid.md", 'href="#schema-acht-typen">het schema hieronder</a>', "in het werkboek: ‘schema op p.63’"),
])
def test_wrong_references_lead_to_the_meant_section_and_say_what_the_print_has(built_site, page, target, printed):
    html = html_of(built_site, page)
    assert target in html
    link = html.index(target)
    assert printed in html[link:link + 600]


def test_chapter_two_opens_with_its_own_opening_text(built_site):
    opening = "Veel interventies om eenzaamheid of sociaal isolement aan te pakken"
    assert opening not in text_of(html_of(built_site, "01-inleiding.md"))
    two = html_of(built_site, "02-gefaseerde-benadering.md")
    after_title = two[two.index("</h1>"):]
    assert text_of(after_title[:after_title.index('class="fasemodel')]).strip().startswith(opening)


def test_dialoog_and_discussie_are_two_lists_not_paired_rows(built_site):
    html = html_of(built_site, "kennisbronnen/12-3-dialoog-en-discussie.md")
    article = re.search(r"<article.*?</article>", html, re.S).group(0)
    assert "<table" not in article
    lists = re.findall(r"<ul>(.*?)</ul>", re.search(r'class="twee-lijsten".*?</div>\s*</div>', article, re.S).group(0), re.S)
    assert [len(re.findall(r"<li>", ul)) for ul in lists] == [7, 8]


def test_bijlage_2_shows_what_is_and_is_not_there(built_site):
    html = html_of(built_site, "bijlagen/2-effectonderzoek.md")
    box = text_of(re.search(r'<div class="figuur-ontbreekt">(.*?)</div>', html, re.S).group(1))
    assert "De figuur staat niet in deze uitgave" in box and "Niet beschikbaar" in box
    assert "1 = helemaal oneens" in box and "7 = helemaal eens" in box and "Voor, Na" in box
    assert box.count("Vaardigheid:") == 2 and "Attitude:" in box and "Kennis:" in box


def pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    return " ".join(" ".join((p.extract_text() or "") for p in PdfReader(path).pages).split())


def test_each_contradiction_is_in_the_trainers_agenda_pdf(built_site):
    for s in load_training().bijeenkomsten:
        text = pdf_text(built_site / "downloads" / f"bijeenkomst-{s.nummer}-agenda.pdf")
        squeezed = text.replace(" ", "")
        assert ("spreekt zichzelf hier tegen" in text) == bool(s.disagreements() or s.mismatch), s.nummer
        for d in s.disagreements():
            words = [d.row.wat, f"Duur‘{d.row.bron_duur}’", f"{d.bron_vorige or '0.00'}–{d.row.bron_totaal}", s.choice_for(d.row).reden]
            for w in words:
                assert w.replace(" ", "") in squeezed, (s.nummer, w)
        for start, end, row in s.timed_rows():
            if row.bron_eind != end:
                assert f"werkboek:t/m{row.bron_totaal}".replace(" ", "") in squeezed, (s.nummer, row.wat)
            if row.bron_bereik:
                assert f"werkboek:{row.bron_duur}".replace(" ", "") in squeezed, (s.nummer, row.wat)


@pytest.mark.parametrize("ident, words", [("partnerschapskaart", "§11.4"), ("verwijskaart", "pijlen"),
                                          ("reflector-voel-ik-me-eenzaam", "§10.1")])
def test_the_worksheets_the_edition_built_say_so_in_the_pdf(built_site, ident, words):
    text = pdf_text(built_site / "werkbladen" / f"{ident}.pdf")
    assert "Deze uitgave:" in text and words in text
