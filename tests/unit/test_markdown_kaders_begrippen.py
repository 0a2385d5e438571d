"""Callouts, glossary terms and the search text as Python-Markdown extensions, run with plain `markdown.markdown()`
on small inputs (no MkDocs)."""
from __future__ import annotations

import re
from pathlib import Path

import markdown
import pytest

from werkboek.markdown import TekstFout
from werkboek.pages.begrippen import TOOLTIP_ID

BASE = ["attr_list", "md_in_html", "tables", "toc", "werkboek.markdown.ankers"]

BEGRIPPENLIJST = """# Begrippenlijst

Sociaal isolement
: Het hebben van weinig contacten.

Eenzaamheid
: Het gevoel een goede relatie te missen.
"""


def callouts(html: str) -> list[tuple[str, str | None]]:
    return re.findall(r'<section class="callout callout--([a-z]+)"(?: aria-labelledby="([^"]+)")?>', html)


def test_opdrachten_and_instrumenten_are_each_in_their_callout():
    html = markdown.markdown(
        "# 5 Herkennen\n\nInleiding.\n\n## 5.1 Trainingsopdracht: Signaleren\n\nDoe dit.\n\n### Instructie\n\nStap.\n\n"
        "## 5.2 Wat zien we?\n\nTekst.\n\n## 5.3 Instrument: Signaleringskaart\n\nDe kaart.\n\n"
        "## 5.4 Praktijkopdracht: In de wijk\n\nGa.\n",
        extensions=[*BASE, "werkboek.markdown.kaders"])
    assert callouts(html) == [("trainingsopdracht", "s5-1"), ("instrument", "s5-3"), ("praktijkopdracht", "s5-4")]
    first = html[html.index('<section class="callout callout--trainingsopdracht"'):]
    assert first.index("Stap.") < first.index("</section>") < first.index("5.2 Wat zien we?"), \
        "a callout holds its section up to the next h2, h3s included"
    assert html.startswith('<h1 id="h5">') and "<p>Inleiding.</p>" in html.split("<section")[0]


def test_a_kennisbron_page_is_one_callout_and_a_plain_page_none():
    html = markdown.markdown("# Kennisbron 12.5 Feedback\n\n## Regels\n\nTekst.",
                             extensions=[*BASE, "werkboek.markdown.kaders"])
    # The whole page is the callout: a <div>, so the page's h1 stays its article's heading (no <section> around it).
    assert html.startswith('<div class="callout callout--kennisbron">\n<h1 id="s12-5">') and html.endswith("</div>")
    assert "<section" not in html
    plain = markdown.markdown("# 1 Inleiding\n\n## Voor wie?\n\nTekst.", extensions=[*BASE, "werkboek.markdown.kaders"])
    assert callouts(plain) == []


def terms(html: str) -> list[tuple[str, str]]:
    return re.findall(r'<button type="button" class="begrip__term" data-begrip="([^"]+)" '
                      rf'aria-describedby="{TOOLTIP_ID}">(.*?)</button>', html)


@pytest.fixture
def docs(tmp_path) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "begrippenlijst.md").write_text(BEGRIPPENLIJST, encoding="utf-8")
    (folder / "05-herkennen.md").write_text("# 5 Herkennen\n", encoding="utf-8")
    return folder


def with_terms(text: str, docs: Path) -> str:
    return markdown.markdown(text, extensions=[*BASE, "werkboek.markdown.verwijzingen", "werkboek.markdown.begrippen"],
                             extension_configs={"werkboek.markdown.begrippen": {"docs_dir": str(docs)},
                                                "werkboek.markdown.verwijzingen": {"docs_dir": str(docs)}})


def test_a_term_is_marked_where_it_first_occurs_in_each_section(docs):
    html = with_terms("# 5 Herkennen\n\nEenzaamheid en sociaal isolement; weer eenzaamheid.\n\n"
                      "## 5.1 Opnieuw\n\nOver eenzaamheid.\n\n### Sociaal isolement\n\nGeen kop.", docs)
    assert terms(html) == [("Eenzaamheid", "Eenzaamheid"), ("Sociaal isolement", "sociaal isolement"),
                           ("Eenzaamheid", "eenzaamheid")]
    assert html.count(f'id="{TOOLTIP_ID}"') == 1 and html.endswith("</div>"), "one shared tooltip, at the end"
    assert "Het gevoel" not in html, "the definition is not in the page's text"


def test_terms_stay_out_of_references_headings_and_the_table_of_contents(docs):
    md = markdown.Markdown(extensions=[*BASE, "werkboek.markdown.begrippen"],
                           extension_configs={"werkboek.markdown.begrippen": {"docs_dir": str(docs)}})
    html = md.convert("# 5 Herkennen\n\n## 5.1 Eenzaamheid herkennen\n\n[eenzaamheid](https://example.org/)")
    assert terms(html) == [] and md.toc_tokens[0]["children"][0]["name"] == "5.1 Eenzaamheid herkennen"


def test_the_begrippenlijst_itself_is_left_as_written(docs):
    html = with_terms(BEGRIPPENLIJST, docs)
    assert terms(html) == [] and TOOLTIP_ID not in html


def test_a_begrippenlijst_without_terms_stops_the_build(docs):
    (docs / "begrippenlijst.md").write_text("# Begrippenlijst\n\nNog niets.\n", encoding="utf-8")
    with pytest.raises(TekstFout, match="begrippenlijst.md: geen begrippen gevonden"):
        with_terms("# 5 Herkennen\n\nEenzaamheid.", docs)


def test_table_cells_labels_and_lines_stay_apart_for_the_search_index():
    text = '<table><tr><td>Tijd</td><td>Wat</td></tr></table>\n\n<p><label>Naam</label><input name="n"><br><b>x</b></p>'
    plain = markdown.markdown(text)
    assert "<td>Tijd</td><td>Wat</td>" in plain, "the input runs together without the extension"
    html = markdown.markdown(text, extensions=["werkboek.markdown.zoektekst"])
    assert "<td>Tijd</td>\n<td>Wat</td>" in html and "</label>\n<input" in html and "<br>\n<b>" in html
