"""The section anchors and cross-references as Python-Markdown extensions, run with plain `markdown.markdown()` on
small werkboeken in a temporary docs folder (no MkDocs): ids, links from pages in and outside sub-folders, links in
raw HTML, the Verantwoording's wrong references, and the errors that stop a build."""
from __future__ import annotations

import itertools
import re
from pathlib import Path

import markdown
import pytest
import yaml
from conftest import ROOT
from mkdocs.utils import get_relative_url

from werkboek.markdown import TekstFout
from werkboek.markdown.pagina import which_page
from werkboek.sections import read_dir
from werkboek.site import page_url, relative_url

PAGES = {
    "03-over-eenzaamheid.md": "# 3 Over eenzaamheid\n\n## 3.4 Simone (17) vertelt\n\nTekst.\n",
    "05-herkennen.md": "# 5 Herkennen\n\n## 5.3 Signaleringskaart\n\nTekst.\n",
    "kennisbronnen/index.md": "# 12 Kennisbronnen\n\nTekst.\n",
    "kennisbronnen/12-8-actie-leren.md": "# Kennisbron 12.8 Actie-leren\n\nTekst.\n",
    "bijlagen/1-trainershandleiding.md": "# Bijlage 1 Trainershandleiding\n\nTekst.\n",
    "verantwoording.md": "# Verantwoording\n\nTekst.\n",
}


def werkboek(folder: Path, pages: dict[str, str] = PAGES, ingrepen: list | None = None) -> tuple[Path, Path]:
    docs = folder / "docs"
    for name, text in pages.items():
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text(text, encoding="utf-8")
    data = folder / "verantwoording.yml"
    data.write_text(yaml.safe_dump({"ingrepen": ingrepen or [entry("voorbeeld", "05-herkennen.md", None)]},
                                   allow_unicode=True), encoding="utf-8")
    return docs, data


def entry(ident: str, page: str, verwijzing: dict | None) -> dict:
    out = {"id": ident, "groep": "tekst", "titel": "Een ingreep", "plaats": {"pagina": page, "anker": "s5-3"},
           "bron": "Wat het werkboek drukt.", "uitgave": "Wat deze uitgave doet.", "reden": "Waarom."}
    return out | ({"verwijzing": verwijzing} if verwijzing else {})


def convert(text: str, docs: Path, data: Path, use_directory_urls: bool = False, toc: bool = True) -> str:
    config = {"docs_dir": str(docs), "verantwoording": str(data), "use_directory_urls": use_directory_urls}
    extensions = ["attr_list", "md_in_html", *(["toc"] if toc else []), "werkboek.markdown.ankers",
                  "werkboek.markdown.verwijzingen"]
    return markdown.markdown(text, extensions=extensions,
                             extension_configs={"werkboek.markdown.verwijzingen": config})


def links(html: str) -> dict[str, str]:
    return {label: href for href, label in re.findall(r'<a class="verwijzing" href="([^"]*)">(.*?)</a>', html)}


def test_numbered_headings_get_their_stable_ids():
    html = markdown.markdown(
        "# 5 Herkennen\n\n## 5.3 Signaleringskaart\n\n### Instructie\n\n## Voor wie?\n\n"
        "## 5.4 Eigen { #eigen-id }\n",
        extensions=["attr_list", "toc", "werkboek.markdown.ankers"])
    ids = re.findall(r'<h[1-3] id="([^"]+)"', html)
    assert ids == ["h5", "s5-3", "instructie", "voor-wie", "eigen-id"]
    for heading, key in (("# Kennisbron 12.8 Actie-leren", "s12-8"), ("# Bijlage 1 Trainershandleiding", "b1"),
                         ("# 12 Kennisbronnen", "h12")):
        assert f'id="{key}"' in markdown.markdown(heading, extensions=["toc", "werkboek.markdown.ankers"])


def test_references_become_links_relative_to_the_page_they_are_on(tmp_path):
    docs, data = werkboek(tmp_path)
    text = "Zie §3.4, zie 5.3, kennisbron 12.8, hoofdstuk 3, hoofdstuk 12 en bijlage 1."
    top = links(convert("# 5 Herkennen\n\n" + text, docs, data))
    assert top == {"§3.4": "03-over-eenzaamheid.html#s3-4", "5.3": "#s5-3",
                   "kennisbron 12.8": "kennisbronnen/12-8-actie-leren.html#s12-8",
                   "hoofdstuk 3": "03-over-eenzaamheid.html", "hoofdstuk 12": "kennisbronnen/index.html",
                   "bijlage 1": "bijlagen/1-trainershandleiding.html"}
    deeper = links(convert("# Kennisbron 12.8 Actie-leren\n\n" + text, docs, data))
    assert deeper == {"§3.4": "../03-over-eenzaamheid.html#s3-4", "5.3": "../05-herkennen.html#s5-3",
                      "kennisbron 12.8": "#s12-8", "hoofdstuk 3": "../03-over-eenzaamheid.html",
                      "hoofdstuk 12": "index.html", "bijlage 1": "../bijlagen/1-trainershandleiding.html"}
    own = links(convert("# Bijlage 1 Trainershandleiding\n\nZie bijlage 1 en §5.3.", docs, data))
    assert own == {"bijlage 1": "#", "§5.3": "../05-herkennen.html#s5-3"}
    directories = links(convert("# Kennisbron 12.8 Actie-leren\n\n" + text, docs, data, use_directory_urls=True))
    assert directories["§3.4"] == "../../03-over-eenzaamheid/#s3-4" and directories["hoofdstuk 12"] == "../"


def test_the_words_around_a_reference_stay_as_written(tmp_path):
    docs, data = werkboek(tmp_path)
    html = convert("# 3 Over eenzaamheid\n\n(zie ook 5.3) en Kennisbron 12.8; hoofdstuk 3.5 is geen hoofdstuk.",
                   docs, data)
    assert '(zie ook <a class="verwijzing" href="05-herkennen.html#s5-3">5.3</a>)' in html
    assert '<a class="verwijzing" href="kennisbronnen/12-8-actie-leren.html#s12-8">Kennisbron 12.8</a>;' in html
    assert "hoofdstuk 3.5 is" in html


def test_references_in_raw_html_are_links_and_headings_links_and_code_are_left_alone(tmp_path):
    docs, data = werkboek(tmp_path)
    html = convert("# 3 Over eenzaamheid\n\n<div class=\"agenda\"><p>Lees hoofdstuk 5.</p></div>\n\n"
                   "## 3.5 Na §5.3\n\n[bijlage 1](https://example.org/) `§5.3`\n", docs, data)
    assert '<p>Lees <a class="verwijzing" href="05-herkennen.html">hoofdstuk 5</a>.</p>' in html
    assert '<h2 id="s3-5">3.5 Na §5.3</h2>' in html
    assert list(links(html)) == ["hoofdstuk 5"]


def test_the_table_of_contents_keeps_plain_heading_text(tmp_path):
    docs, data = werkboek(tmp_path)
    md = markdown.Markdown(extensions=["toc", "werkboek.markdown.ankers", "werkboek.markdown.verwijzingen"],
                           extension_configs={"werkboek.markdown.verwijzingen": {"docs_dir": str(docs),
                                                                                  "verantwoording": str(data)}})
    html = md.convert("# 3 Over eenzaamheid\n\n## 3.5 Na §5.3\n\nZie §5.3.")
    assert md.toc_tokens[0]["children"][0]["name"] == "3.5 Na §5.3"
    assert links(html) == {"§5.3": "05-herkennen.html#s5-3"}


@pytest.mark.parametrize("text, named", [
    ("Zie ook §9.9 voor meer.", "'§9.9'"),
    ("Lees kennisbron 12.9 erbij.", "'kennisbron 12.9'"),
    ("Zie bijlage 7.", "'bijlage 7'"),
    ("Zie hoofdstuk 4.", "'hoofdstuk 4'"),
])
def test_a_reference_to_what_does_not_exist_stops_naming_page_and_reference(tmp_path, text, named):
    docs, data = werkboek(tmp_path)
    with pytest.raises(TekstFout) as caught:
        convert(f"# Kennisbron 12.8 Actie-leren\n\n{text}", docs, data)
    message = str(caught.value)
    assert message.startswith("kennisbronnen/12-8-actie-leren.md: verwijzing naar een onderdeel dat niet bestaat")
    assert named in message


def test_references_on_a_page_the_docs_do_not_know_stop_the_build(tmp_path):
    docs, data = werkboek(tmp_path)
    assert "<a" not in convert("# Nergens\n\nGeen verwijzingen.", docs, data)
    with pytest.raises(TekstFout, match=r"eerste kop.*'§5\.3'"):
        convert("Zie §5.3.", docs, data)


def test_a_wrong_reference_of_the_print_links_where_meant_and_shows_what_is_printed(tmp_path):
    wrong = {"gedrukt": "§3.1 Werken in netwerken", "tekst": "§5.3 Signaleringskaart", "doel": "s5-3"}
    docs, data = werkboek(tmp_path, ingrepen=[entry("verwijzing-3-1", "kennisbronnen/12-8-actie-leren.md", wrong)])
    html = convert("# Kennisbron 12.8 Actie-leren\n\nZie §3.1 Werken in netwerken, en §3.4.", docs, data)
    assert ('<a class="verwijzing" href="../05-herkennen.html#s5-3">§5.3 Signaleringskaart</a> '
            '<a class="redactie" href="../verantwoording.html#verwijzing-3-1" data-redactie="verwijzing-3-1"') in html
    assert "in het werkboek: ‘§3.1 Werken in netwerken’" in html
    assert links(html)["§3.4"] == "../03-over-eenzaamheid.html#s3-4"
    with pytest.raises(TekstFout, match=r"kennisbronnen/12-8-actie-leren.md: de verkeerde verwijzing "
                                        r"'§3.1 Werken in netwerken' .* staat niet \(meer\) op deze pagina"):
        convert("# Kennisbron 12.8 Actie-leren\n\nDe verwijzing is weg.", docs, data)


def test_a_wrong_reference_to_an_anchor_on_its_page_must_find_that_anchor(tmp_path):
    wrong = {"gedrukt": "schema op p.63", "tekst": "het schema hieronder", "doel": "#schema"}
    docs, data = werkboek(tmp_path, ingrepen=[entry("verwijzing-p63", "05-herkennen.md", wrong)])
    html = convert("# 5 Herkennen\n\nZie schema op p.63.\n\n<table id=\"schema\"></table>", docs, data)
    assert '<a class="verwijzing" href="#schema">het schema hieronder</a>' in html
    with pytest.raises(TekstFout, match="'schema op p.63 → #schema'"):
        convert("# 5 Herkennen\n\nZie schema op p.63.", docs, data)


def test_the_page_is_known_by_its_first_heading(tmp_path):
    docs, _ = werkboek(tmp_path, {**PAGES, "dubbel-a.md": "# Dubbel\n", "dubbel-b.md": "# Dubbel\n"})
    assert which_page('<h1 id="b1">Bijlage 1 Trainershandleiding<a class="headerlink" href="#b1">#</a></h1>',
                      docs) == "bijlagen/1-trainershandleiding.md"
    assert which_page("<h1>Dubbel</h1>", docs) is None, "a heading two pages share names neither"
    assert which_page("<p>geen kop</p>", docs) is None


def test_every_page_of_the_werkboek_is_known_by_its_first_heading():
    docs = ROOT / "docs"
    titled = {src_uri: m.group(1) for src_uri, text in read_dir(docs).items() if (m := re.search(r"^# (.+)$", text, re.M))}
    assert len(titled) > 25
    for src_uri, title in titled.items():
        html = markdown.markdown(f"# {title}", extensions=["toc"])
        assert which_page(html, docs) == src_uri, src_uri


def test_urls_between_pages_are_the_ones_mkdocs_writes():
    """Every pair of the werkboek's pages, both URL layouts: the same relative URL as MkDocs' own function."""
    pages = sorted(read_dir(ROOT / "docs"))
    for directory_urls in (False, True):
        urls = [page_url(p, directory_urls) for p in pages]
        for url, base in itertools.product(urls, urls):
            assert relative_url(url, base) == get_relative_url(url, base), (url, base)


def test_a_section_added_while_serving_is_found_by_the_next_conversion(tmp_path):
    """`make serve` converts pages again after an edit: what the extensions read from docs/ follows the edit."""
    docs, data = werkboek(tmp_path)
    with pytest.raises(TekstFout, match="'§5.9'"):
        convert("# 3 Over eenzaamheid\n\nZie §5.9.", docs, data)
    page = docs / "05-herkennen.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n## 5.9 Nieuw\n\nTekst.\n", encoding="utf-8")
    assert links(convert("# 3 Over eenzaamheid\n\nZie §5.9.", docs, data)) == {"§5.9": "05-herkennen.html#s5-9"}
