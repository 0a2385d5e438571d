"""The built site: strict build, every numbered section a heading, cross-references resolve, glossary tooltips
from the begrippenlijst, instruments on their pages with their downloads, the fasemodel where it belongs."""
from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

from werkboek.pages import fasemodel

SECTIONS = {3: 5, 4: 3, 5: 3, 6: 10, 7: 6, 8: 7, 9: 2, 10: 3, 11: 6, 12: 8}


def _phase_by_chapter() -> dict[int, str]:
    """Chapter → the label of its phase, from data/fasemodel.yml (the ring's label for its chapters)."""
    _, ring, fases = fasemodel.load()
    return {f["hoofdstuk"]: f["label"] for f in fases} | {chapter: ring["label"] for chapter in ring["hoofdstukken"]}


PHASE_BY_CHAPTER = _phase_by_chapter()


def pages(site: Path):
    return {p.relative_to(site).as_posix(): p.read_text(encoding="utf-8") for p in site.rglob("*.html")
            if "assets" not in p.parts}


def headings(text: str):
    return {m.group(1): re.sub(r"<[^>]+>", "", m.group(2)) for m in
            re.finditer(r'<h[1-3] id="([^"]+)"[^>]*>(.*?)</h[1-3]>', text, re.S)}


def test_every_numbered_section_and_bijlage_is_a_heading(built_site):
    found = {}
    for page, text in pages(built_site).items():
        for ident, title in headings(text).items():
            found[ident] = (page, title)
    for chapter, count in SECTIONS.items():
        for n in range(1, count + 1):
            ident = f"s{chapter}-{n}"
            assert ident in found, f"§{chapter}.{n} ontbreekt als kop"
            assert found[ident][1].removeprefix("Kennisbron ").startswith(f"{chapter}.{n} "), found[ident]
    for n in (1, 2, 3):
        assert any(t.startswith(f"Bijlage {n} ") for _, t in found.values()), f"bijlage {n}"
    for chapter in range(1, 13):
        assert any(t.startswith(f"{chapter} ") and i == f"h{chapter}" for i, (_, t) in found.items()), chapter


def test_every_cross_reference_resolves(built_site):
    site = pages(built_site)
    ids = {page: set(re.findall(r'\bid="([^"]+)"', text)) for page, text in site.items()}
    count = 0
    for page, text in site.items():
        for href in re.findall(r'<a class="verwijzing" href="([^"]+)"', text):
            count += 1
            target, _, anchor = html.unescape(href).partition("#")
            target_page = (Path(page).parent / target).as_posix() if target else page
            target_page = str(Path(target_page)).replace("\\", "/")
            target_page = re.sub(r"[^/]+/\.\./", "", target_page)
            assert target_page in site, f"{page}: {href} wijst naar een pagina die niet bestaat"
            if anchor:
                assert anchor in ids[target_page], f"{page}: {href} wijst naar een kop die niet bestaat"
    assert count > 40, "verwacht tientallen verwijzingen in de lopende tekst"


def test_typical_references_are_links(built_site):
    text = (built_site / "05-herkennen.html").read_text(encoding="utf-8")
    assert re.search(r'<a class="verwijzing" href="03-over-eenzaamheid.html#s3-4">§3.4</a>', text)
    intro = (built_site / "01-inleiding.html").read_text(encoding="utf-8")
    assert re.search(r'<a class="verwijzing" href="kennisbronnen/12-8-actie-leren.html#s12-8">kennisbron 12.8</a>', intro)
    assert re.search(r'<a class="verwijzing" href="bijlagen/1-trainershandleiding.html">bijlage 1</a>', intro)
    assert re.search(r'<a class="verwijzing" href="03-over-eenzaamheid.html">hoofdstuk 3</a>', intro)


def test_glossary_terms_carry_definitions(built_site):
    """Every term is marked somewhere as a button naming its term and described by the page's one shared tooltip;
    the definitions come from one generated script, not from the pages."""
    from werkboek.pages.begrippen import DEFINITIONS_JS, TOOLTIP_ID, parse_definitions

    terms = parse_definitions((Path(__file__).resolve().parents[2] / "docs" / "begrippenlijst.md").read_text())
    assert set(terms) >= {"Eenzaamheid", "Sociaal isolement", "Sociaal netwerk", "Handelingsverlegenheid",
                          "Vraagverlegenheid", "Interventie"}
    site = pages(built_site)
    everything = "\n".join(site.values())
    for term in terms:
        pattern = (r'<button type="button" class="begrip__term" data-begrip="' + re.escape(html.escape(term)) +
                   r'" aria-describedby="' + TOOLTIP_ID + r'">' + re.escape(term[0]) + r'?' + re.escape(term[1:]))
        assert re.search(pattern, everything, re.I), f"begrip {term} is nergens gemarkeerd"
    for name, text in site.items():
        marked = "begrip__term" in text
        assert text.count(f'id="{TOOLTIP_ID}"') == (1 if marked else 0), name
        if marked:
            assert re.search(rf'<div class="begrip__uitleg" id="{TOOLTIP_ID}" role="tooltip" data-search-exclude hidden>'
                             r"</div>", text), name
    script = (built_site / DEFINITIONS_JS).read_text(encoding="utf-8")
    data = json.loads(script.removeprefix("window.werkboekBegrippen = ").rstrip().removesuffix(";"))
    assert data == terms


def test_every_instrument_is_on_its_page_with_a_download(built_site):
    from werkboek.werkblad.loader import load_instruments

    site = pages(built_site)
    for ident, instrument in load_instruments().items():
        holders = [p for p, t in site.items() if f'id="werkblad-{ident}"' in t and p != "werkbladen.html"]
        assert len(holders) == 1, ident
        text = site[holders[0]]
        assert re.match(rf"{instrument.hoofdstuk:02d}-", holders[0]), holders[0]
        assert f'href="werkbladen/{ident}.pdf" download>Download werkblad (PDF, invulbaar)</a>' in text
        assert (built_site / "werkbladen" / f"{ident}.pdf").exists()
    overview = site["werkbladen.html"]
    assert overview.count("<tr>") == len(load_instruments()) + 1


@pytest.mark.parametrize("chapter", sorted(PHASE_BY_CHAPTER))
def test_fasemodel_highlights_the_chapters_phase(built_site, chapter):
    page = next(p for p in built_site.glob(f"{chapter:02d}-*.html"))
    text = page.read_text(encoding="utf-8")
    assert text.count('class="fasemodel') >= 1
    active = re.findall(r'class="fasemodel__(?:fase|ring) is-actief"', text)
    assert len(active) == 1
    assert f"Dit hoofdstuk: {PHASE_BY_CHAPTER[chapter]}." in text


def test_fasemodel_in_chapter_two_highlights_nothing(built_site):
    text = (built_site / "02-gefaseerde-benadering.html").read_text(encoding="utf-8")
    assert 'class="fasemodel' in text and "is-actief" not in text


def test_callouts_mark_the_werkboeks_own_forms_of_text(built_site):
    text = (built_site / "03-over-eenzaamheid.html").read_text(encoding="utf-8")
    assert '<section class="callout callout--trainingsopdracht" aria-labelledby="s3-1">' in text
    assert '<section class="callout callout--praktijkopdracht" aria-labelledby="s5-2">' in (
        built_site / "05-herkennen.html").read_text(encoding="utf-8")
    assert '<section class="callout callout--instrument" aria-labelledby="s5-3">' in (
        built_site / "05-herkennen.html").read_text(encoding="utf-8")
    assert 'class="callout callout--kennisbron"' in (built_site / "kennisbronnen" / "12-3-dialoog-en-discussie.html").read_text()


def test_no_extraction_artefacts_left(built_site):
    for page, text in pages(built_site).items():
        body = re.sub(r"<[^>]+>", " ", text.split('<article', 1)[-1].split("</article>", 1)[0])
        assert not re.search(r"Eenzaam ben je niet alleen\s+\d+", body), page
        assert "A.P B. P" not in body and "- - - - -" not in body, page


def test_site_is_dutch_and_searchable(built_site):
    index = (built_site / "index.html").read_text(encoding="utf-8")
    assert '<html lang="nl"' in index
    assert (built_site / "search" / "search_index.json").exists()


def test_every_local_link_and_asset_exists(built_site):
    """Raw-HTML links (downloads, worksheets) escape MkDocs' own link check: every relative href/src must exist."""
    missing = []
    for page, text in pages(built_site).items():
        for ref in re.findall(r'(?:href|src)="([^"#?]+)(?:[#?][^"]*)?"', text):
            if re.match(r"^[a-z]+:", ref) or ref.startswith("//"):
                continue
            ref = html.unescape(ref)
            target = built_site / ref.lstrip("/") if ref.startswith("/") else (built_site / page).parent / ref
            if not target.exists():
                missing.append(f"{page}: {ref}")
    assert not missing, "\n".join(missing[:20])
    index = (built_site / "index.html").read_text(encoding="utf-8")
    assert 'href="downloads/werkboek.pdf"' in index and 'href="downloads/werkboek-offline.zip"' in index


def test_lists_the_site_joins_into_a_sentence_end_with_one_full_stop(built_site):
    """"Meenemen: …; Drie grote vellen … partnerschap en community." — an item that ends with a full stop of its
    own (data/training.yml) is not given a second one when the list is closed."""
    from werkboek.training.model import load_training

    page = (built_site / "training-geven.html").read_text(encoding="utf-8")
    text = html.unescape(re.sub(r"<[^>]+>", "", page))
    items = [x for s in load_training().bijeenkomsten for x in s.uitdelen + s.meenemen]
    assert any(x.endswith(".") for x in items), "geen item met een eigen punt: de test toetst niets"
    doubled = [m.group(0) for m in re.finditer(r".{0,40}(?<![.…])\.\.(?!\.)", text)]
    assert not doubled, doubled


SECTIONING = {"article", "section", "aside", "nav"}
HEADINGS = {f"h{n}" for n in range(1, 7)}


def test_every_page_has_one_h1_as_its_articles_heading(built_site):
    """The document outline a screen reader offers: each page has exactly one h1, and it is the heading of the page's
    article (the first heading whose nearest sectioning element is the article), never inside a <section> of its own
    (a kennisbron page is one callout: a div, not a section around its h1)."""
    import lxml.html

    wrong = []
    for path in sorted(built_site.rglob("*.html")):
        name = path.relative_to(built_site).as_posix()
        tree = lxml.html.fromstring(path.read_bytes())
        for inert in tree.xpath("//template"):  # not in the document (the planner's print-outs, copied in to print)
            inert.drop_tree()
        h1s = tree.xpath("//h1")
        articles = tree.xpath("//article")
        if len(h1s) != 1 or len(articles) != 1:
            wrong.append(f"{name}: {len(h1s)} h1, {len(articles)} article")
            continue

        def sectioning(element):
            return next((a for a in element.iterancestors() if a.tag in SECTIONING), None)

        own = [h for h in articles[0].iter(*HEADINGS) if sectioning(h) is articles[0]]
        if not own or own[0] is not h1s[0]:
            wrong.append(f"{name}: de kop van het artikel is "
                         f"{own[0].tag + ' ' + own[0].text_content()[:40] if own else 'er niet'}, niet de h1")
    assert not wrong, "\n".join(wrong)
