"""What search and the small print of the built site give a reader: the search index holds each page's running text
(no term definitions, fasemodel labels or run-together cells), the begrippenlijst ranks first for its terms, and the
details a reader or gemeente meets: typographic apostrophes, the Dutch 404 page, the fork guide as a page, soft
hyphens in long heading words. (Kennisbron 12.1's link to its schema: tests/site/test_verantwoording_site.py.)"""
from __future__ import annotations

import html
import json
import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
GLUED = re.compile(r"[a-zà-ÿ]{4}[.?:)]?[A-Z][a-zà-ÿ]")  # "welkomZie", "netwerkTijdsplanning"


def index(site: Path) -> list[dict]:
    return json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]


def text_of(doc: dict) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", doc["text"]))


def source_text(location: str) -> str:
    """The Markdown of the page a search result points to, whitespace collapsed."""
    md = ROOT / "docs" / location.split("#")[0].replace(".html", ".md")
    return " ".join(md.read_text(encoding="utf-8").split()) if md.exists() else ""


def visible_text(page: str) -> str:
    page = re.sub(r"<(script|style)\b.*?</\1>|<!--.*?-->", " ", page, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", page))


def test_definitions_are_only_found_where_the_text_says_them(built_site):
    from werkboek.pages.begrippen import parse_definitions

    terms = parse_definitions((ROOT / "docs" / "begrippenlijst.md").read_text(encoding="utf-8"))
    docs = index(built_site)
    for term, definition in terms.items():
        words = " ".join(definition.split()[:6])
        found = {d["location"].split("#")[0] for d in docs if words in " ".join(text_of(d).split())}
        assert "begrippenlijst.html" in found, term
        stray = {loc for loc in found - {"begrippenlijst.html"} if words not in source_text(loc)}
        assert not stray, f"de definitie van {term} staat in de zoekindex van {sorted(stray)}"
    subjectief = [d for d in docs if "subjectieve beleving" in text_of(d)]
    assert len(subjectief) <= 3, [d["location"] for d in subjectief]
    assert not any(re.search(r"eenzaamheid\s*Eenzaamheid:", text_of(d)) for d in docs)


def test_fasemodel_labels_and_the_worksheet_overview_are_not_indexed(built_site):
    fasemodel = yaml.safe_load((ROOT / "data" / "fasemodel.yml").read_text(encoding="utf-8"))
    docs = index(built_site)
    for d in docs:
        assert "Zes fases rond de" not in d["text"], d["location"]
    ring = fasemodel["ring"]["label"]
    assert not any(f"{ring} {ring}" in text_of(d) for d in docs)
    overview = [d for d in docs if d["location"].startswith("werkbladen.html")]
    assert overview and not any("Pagina’s" in d["text"] or re.search(r"\d kB", d["text"]) for d in overview)


def test_table_cells_and_lines_do_not_run_together_in_the_index(built_site):
    """A lower-case word glued to a capitalised one in the index ("welkomZie") is a defect unless the page itself
    has them together (a quoted source, a name like "WeasyPrint"): read with every tag as a space, the page must
    hold the same letters."""
    pages: dict[str, str] = {}
    glued = []
    for d in index(built_site):
        name = d["location"].split("#")[0]
        if name not in pages:
            raw = (built_site / name).read_text(encoding="utf-8").replace("\u00ad", "")
            pages[name] = html.unescape(re.sub(r"<[^>]+>", " ", raw))
        for m in GLUED.finditer(text_of(d)):
            if m.group(0) not in pages[name]:
                glued.append(f"{d['location']}: …{text_of(d)[max(0, m.start() - 20):m.end() + 10]}…")
    assert not glued, "\n".join(glued[:20])


def test_begrippenlijst_is_boosted_in_search(built_site):
    entries = [d for d in index(built_site) if d["location"].startswith("begrippenlijst.html")]
    assert entries and all(d.get("boost", 1) > 1 for d in entries)


def test_apostrophes_are_typographic_in_what_readers_see(built_site):
    straight = []
    for page in sorted(built_site.rglob("*.html")):
        for m in re.finditer(r"\w'\w+", visible_text(page.read_text(encoding="utf-8"))):
            straight.append(f"{page.relative_to(built_site)}: {m.group(0)}")
    assert not straight, "rechte apostrof in de tekst (gebruik ’):\n" + "\n".join(straight[:20])


def test_404_page_is_dutch_with_ways_back(built_site):
    page = (built_site / "404.html").read_text(encoding="utf-8")
    assert '<html lang="nl"' in page
    assert "Not found" not in page and "<h1>Pagina niet gevonden</h1>" in page
    assert re.search(r'<a href="[^"]*index\.html">Naar de startpagina</a>', page)
    assert re.search(r'<form class="niet-gevonden__zoeken" action="[^"]*index\.html" method="get" role="search">', page)
    assert 'name="q"' in page


def test_fork_guide_is_a_page_and_the_readme_points_to_it(built_site):
    page = (built_site / "eigen-versie.html").read_text(encoding="utf-8")
    source = (ROOT / "docs" / "eigen-versie.md").read_text(encoding="utf-8")
    steps = re.findall(r"^## (Stap \d: .+)$", source, re.M)
    assert len(steps) >= 4
    for step in steps:
        assert html.escape(step, quote=False) in visible_text(page), step
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "(docs/eigen-versie.md)" in readme
    for step in steps:  # one source: the README does not repeat the guide
        assert step not in readme, f"README herhaalt '{step}'; de handleiding staat alleen in docs/eigen-versie.md"
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert 'href="eigen-versie.html"' in home and "README-bestand" not in visible_text(home)
    nav = (built_site / "01-inleiding.html").read_text(encoding="utf-8")
    link = re.search(r'<a href="eigen-versie.html"[^>]*class="md-nav__link[^"]*"[^>]*>(.*?)</a>', nav, re.S)
    assert link and " ".join(visible_text(link.group(1)).split()) == "Een eigen versie maken", "niet in de navigatie"
    # This build does not know its repository (no WERKBOEK_BRON): no link to a guessed address.
    assert "/fork" not in page and "bron-links" not in page and "<!-- bron:" not in page


def test_long_heading_words_carry_soft_hyphens(built_site):
    page = (built_site / "10-terug-en-vooruitblikken.html").read_text(encoding="utf-8")
    heading = re.search(r'<h2 id="s10-3"[^>]*>(.*?)</h2>', page, re.S).group(1)
    assert "On\u00adder\u00adsteu\u00adnings\u00advaar\u00addig\u00adhe\u00adden" in heading
    titles = " ".join(d["title"] for d in index(built_site))
    assert "Ondersteuningsvaardigheden" in titles and "\u00ad" not in titles, "zachte afbreekstreepjes in de zoekindex"


def test_fork_guide_links_to_the_repository_only_when_known():
    from werkboek.markdown.bronlinks import with_source_links

    page = '<ol><li>x</li></ol><!-- bron: here\nthe links --><ol><li>Open de pagina</li></ol>'
    known = with_source_links(page, "https://github.com/gemeente/werkboek")
    assert '<a href="https://github.com/gemeente/werkboek">https://github.com/gemeente/werkboek</a>' in known
    assert '<a href="https://github.com/gemeente/werkboek/fork">' in known and "<!--" not in known
    unknown = with_source_links(page, None)
    assert "<a " not in unknown and "<!--" not in unknown and "Open de pagina" in unknown


def test_search_and_the_site_hold_the_werkboeks_pages_only(built_site):
    """Only the werkboek's own pages (the Markdown pages of docs/: the navigation's and those kept out of it) are
    themed pages and in the search index; a file that ships next to code (a vendored licence) is a plain file, never a
    page. The licence itself is published, as it came with the code."""
    import yaml as pyyaml

    from werkboek.publish.site_config import nav_sources

    config = pyyaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    sources = set(nav_sources(config["nav"])) | {line.strip().lstrip("/") for line in
                                                 config.get("not_in_nav", "").splitlines() if line.strip()}
    werkboek = {src.removesuffix(".md") + ".html" for src in sources}
    indexed = {d["location"].split("#")[0] for d in index(built_site)}
    assert indexed == werkboek, f"in de zoekindex maar geen pagina van het werkboek: {sorted(indexed - werkboek)}"
    themed = {p.relative_to(built_site).as_posix() for p in built_site.rglob("*.html")}
    assert themed == werkboek | {"404.html"}, sorted(themed - werkboek)
    markdown_assets = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "docs" / "assets").rglob("*.md"))
    assert not markdown_assets, f"wordt een pagina; lever het als platte tekst (.txt): {markdown_assets}"
    assert (built_site / "assets" / "javascripts" / "vendor" / "pdf-lib-LICENSE.txt").is_file()
