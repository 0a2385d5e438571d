"""The macros (werkboek/pages/macros.py) as plain functions of an explicit context, without MkDocs: small contexts built
here, links relative to the page in both URL schemes, and the errors that stop a build name the page."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from werkboek import ROOT
from werkboek.errors import DataError
from werkboek.pages import macros
from werkboek.pages.fasemodel import load as load_fasemodel
from werkboek.pages.verantwoording import Item
from werkboek.sections import scan_dir
from werkboek.site import chapter_sources, page_url, relative_url
from werkboek.training.model import load_training
from werkboek.werkblad.loader import load_instrument
from werkboek.werkblad.pdf import PdfInfo

FORM = """\
id: proefblad
nummer: "5.3"
titel: Proefblad
soort: instrument
hoofdstuk: 5
fase: herkennen
blokken:
  - soort: vragen
    id: vragen
    items:
      - {id: eerste, tekst: "Wat ziet u?", regels: 2}
"""

PAGES = {
    "05-herkennen.md": "# 5 Herkennen\n\n## 5.3 Proefblad\n",
    **{f"{n:02d}-hoofdstuk.md": f"# {n} Hoofdstuk\n" for n in (4, 6, 7, 8, 9, 10, 11)},
    "notities.md": "# Notities\n",
    "kennisbronnen/index.md": "# 12 Kennisbronnen\n",
    "bijlagen/1-trainershandleiding.md": "# Bijlage 1 Trainershandleiding\n",
    "verantwoording.md": "# Verantwoording\n",
}

ENTRY = Item(id="voetnoten", groep="tekst", titel="Voetnoten", pagina="05-herkennen.md", anker="s5-3", bron="",
             uitgave="", reden="")


@pytest.fixture
def docs(tmp_path) -> Path:
    for name, text in PAGES.items():
        (tmp_path / "docs" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "docs" / name).write_text(text, encoding="utf-8")
    return tmp_path / "docs"


@pytest.fixture
def instrument(tmp_path):
    path = tmp_path / "forms" / "proefblad.yml"
    path.parent.mkdir()
    path.write_text(FORM, encoding="utf-8")
    return load_instrument(path)


def small(docs, instrument, directory_urls=False, pdf_infos=None) -> macros.Context:
    return macros.Context(
        instruments={instrument.id: instrument}, training=load_training(), fasemodel=load_fasemodel(),
        sections=scan_dir(docs), chapters=chapter_sources(docs), verantwoording={ENTRY.id: ENTRY},
        places={ENTRY.id: "5.3 Proefblad"}, directory_urls=directory_urls, pdf_infos=pdf_infos or {})


def hrefs(html: str) -> list[str]:
    return re.findall(r'href="([^"]*)"', html)


# Pages and URLs --------------------------------------------------------------------------------------------------

def test_chapter_pages_come_from_the_file_names(docs):
    assert chapter_sources(docs) == {5: "05-herkennen.md", 12: "kennisbronnen/index.md",
                                     **{n: f"{n:02d}-hoofdstuk.md" for n in (4, 6, 7, 8, 9, 10, 11)}}
    (docs / "05-tweede.md").write_text("# 5 Nog een\n", encoding="utf-8")  # the first in name order wins
    (docs / "5-kort.md").write_text("# 5 Kort\n", encoding="utf-8")  # not a chapter file name
    assert chapter_sources(docs)[5] == "05-herkennen.md"


def test_the_chapter_pages_are_the_chapters_in_the_navigation():
    """Read from docs/ by file name, they are exactly the chapter files listed in mkdocs.yml's nav."""
    def files(item):
        if isinstance(item, str):
            yield item
        elif isinstance(item, dict):
            for value in item.values():
                yield from (files(value) if isinstance(value, str) else (f for v in value for f in files(v)))
        else:
            for value in item:
                yield from files(value)

    nav = list(files(yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["nav"]))
    chapters = chapter_sources(ROOT / "docs")
    assert sorted(chapters.values()) == sorted(f for f in nav if re.match(r"\d\d-", f) or f == "kennisbronnen/index.md")
    assert sorted(chapters) == list(range(1, 13))


@pytest.mark.parametrize("src,flat,directories", [
    ("index.md", "index.html", ""),
    ("05-herkennen.md", "05-herkennen.html", "05-herkennen/"),
    ("kennisbronnen/index.md", "kennisbronnen/index.html", "kennisbronnen/"),
    ("bijlagen/1-trainershandleiding.md", "bijlagen/1-trainershandleiding.html", "bijlagen/1-trainershandleiding/"),
])
def test_page_url_in_both_schemes(src, flat, directories):
    assert page_url(src, False) == flat
    assert page_url(src, True) == directories


@pytest.mark.parametrize("url,page,expected", [
    ("werkbladen/x.pdf", "index.html", "werkbladen/x.pdf"),
    ("werkbladen/x.pdf", "kennisbronnen/index.html", "../werkbladen/x.pdf"),
    ("werkbladen/x.pdf", "05-herkennen/", "../werkbladen/x.pdf"),
    ("werkbladen/x.pdf", "", "werkbladen/x.pdf"),
    ("05-herkennen.html", "05-herkennen.html", "05-herkennen.html"),
    ("kennisbronnen/", "kennisbronnen/12-1/", "../"),
    ("", "a/b/", "../.."),
    ("a/./b/../c.md", "a/d.md", "c.md"),
])
def test_relative_url(url, page, expected):
    assert relative_url(url, page) == expected


# Macros ----------------------------------------------------------------------------------------------------------

def test_instrument_renders_the_form_and_links_its_pdf_relative_to_the_page(docs, instrument):
    info = PdfInfo(id="proefblad", path=Path("/elders/proefblad.pdf"), pages=2, size=31_000)
    ctx = small(docs, instrument, pdf_infos={"proefblad": info})
    html = macros.instrument(ctx, "05-herkennen.md", "proefblad")
    assert re.findall(r'name="([^"]+)"', html) == ["proefblad__vragen__eerste__regel-1", "proefblad__vragen__eerste__regel-2"]
    assert "werkbladen/proefblad.pdf" in hrefs(html)
    assert info.pages_label in html and info.size_label in html
    assert "../werkbladen/proefblad.pdf" in hrefs(macros.instrument(ctx, "kennisbronnen/index.md", "proefblad"))
    directories = small(docs, instrument, directory_urls=True, pdf_infos={"proefblad": info})
    assert "../werkbladen/proefblad.pdf" in hrefs(macros.instrument(directories, "05-herkennen.md", "proefblad"))


def test_instrument_without_its_pdf_has_no_download(docs, instrument):
    html = macros.instrument(small(docs, instrument), "05-herkennen.md", "proefblad")
    assert "Wat ziet u?" in html
    assert not any(h.endswith(".pdf") for h in hrefs(html))


def test_unknown_instrument_names_the_page_and_the_known_ones(docs, instrument):
    with pytest.raises(DataError, match=r"^05-herkennen\.md: instrument\('bestaat-niet'\) bestaat niet; "
                                        r"bekende instrumenten: proefblad$"):
        macros.instrument(small(docs, instrument), "05-herkennen.md", "bestaat-niet")


def test_redactie_links_to_its_entry_in_both_schemes(docs, instrument):
    html = macros.redactie(small(docs, instrument), "bijlagen/1-trainershandleiding.md", "voetnoten", "bron")
    assert hrefs(html) == ["../verantwoording.html#voetnoten"]
    assert ">bron<" in html and "Voetnoten" in html
    html = macros.redactie(small(docs, instrument, directory_urls=True), "05-herkennen.md", "voetnoten")
    assert hrefs(html) == ["../verantwoording/#voetnoten"]


def test_unknown_redactie_id_names_the_page(docs, instrument):
    with pytest.raises(DataError, match=r"^06-hoofdstuk\.md: redactie\('geen-idee'\) bestaat niet in de "
                                        r"Verantwoording; bekende ids: voetnoten$"):
        macros.redactie(small(docs, instrument), "06-hoofdstuk.md", "geen-idee")


def test_fasemodel_links_each_phase_to_its_chapter_page(docs, instrument):
    ctx = small(docs, instrument)
    html = macros.fasemodel(ctx, "kennisbronnen/index.md", "herkennen")
    midden, ring, fases = load_fasemodel()
    expected = {"../" + ctx.url(ctx.chapters[f["hoofdstuk"]]) for f in fases}
    assert {h for h in hrefs(html) if not h.startswith("#")} == expected and "../05-herkennen.html" in expected
    assert 'id="fasemodel-herkennen-titel"' in html
    assert "fasemodel-overzicht" in macros.fasemodel(ctx, "05-herkennen.md")


def test_a_phase_that_does_not_exist_names_the_page(docs, instrument):
    with pytest.raises(DataError, match=r"^05-herkennen\.md: fasemodel: onbekende fase 'zwemmen'; bekende fases: "):
        macros.fasemodel(small(docs, instrument), "05-herkennen.md", "zwemmen")


def test_fasemodel_draws_the_phases_it_is_given(docs, instrument):
    midden, ring, fases = load_fasemodel()
    two = dataclass_replace(small(docs, instrument), fasemodel=(midden, ring, fases[:2]))
    html = macros.fasemodel(two, "05-herkennen.md", fases[0]["id"])
    assert fases[0]["label"].split()[0] in html and fases[2]["label"].split()[0] not in html
    with pytest.raises(DataError, match=f"onbekende fase '{fases[2]['id']}'"):
        macros.fasemodel(two, "05-herkennen.md", fases[2]["id"])


def test_werkbladen_overzicht_links_each_sheet_to_its_section(docs, instrument):
    html = macros.werkbladen_overzicht(small(docs, instrument), "index.md")
    assert "05-herkennen.html#s5-3" in hrefs(html)


def dataclass_replace(ctx, **changes):
    from dataclasses import replace

    return replace(ctx, **changes)


# The whole project's context (read from the files, as the build does) -------------------------------------------

@pytest.fixture(scope="module")
def project():
    return macros.load_context(ROOT, ROOT / "docs")


def test_agenda_links_point_to_existing_sections(project):
    for session in project.training.bijeenkomsten:
        html = macros.agenda(project, "bijlagen/1-trainershandleiding.md", session.nummer)
        for href in hrefs(html):
            path, _, anchor = href.partition("#")
            target = (Path("bijlagen") / path).as_posix()
            if target.endswith(".html") and not target.startswith("bijlagen/../verantwoording"):
                src = Path(re.sub(r"[^/]+/\.\./", "", target)).with_suffix(".md").as_posix()
                assert src in {s.src_uri for s in project.sections.values()}, href
                if anchor:
                    assert any(s.src_uri == src and s.anchor == anchor for s in project.sections.values()), href


def test_an_agenda_that_does_not_exist_names_the_page(project):
    last = max(s.nummer for s in project.training.bijeenkomsten)
    with pytest.raises(DataError, match=rf"^bijlagen/1-trainershandleiding\.md: agenda\({last + 1}\): .*"
                                        rf"bijeenkomst {last + 1} bestaat niet"):
        macros.agenda(project, "bijlagen/1-trainershandleiding.md", last + 1)


def test_training_geven_links_bijlage_1_as_markdown_and_the_book_as_url(project):
    text = macros.training_geven(project, "training-geven.md")
    assert "](bijlagen/1-trainershandleiding.md" in text
    assert 'href="downloads/werkboek.pdf"' in text
    directories = dataclass_replace(project, directory_urls=True)
    assert 'href="../downloads/werkboek.pdf"' in macros.training_geven(directories, "training-geven.md")


def test_verantwoording_lists_every_entry_with_a_link_to_its_page(project):
    text = macros.verantwoording(project, "verantwoording.md")
    for item in project.verantwoording.values():
        assert f"### {item.titel} {{ #{item.id} }}" in text
        assert f"]({item.pagina}#{item.anker})" in text or f"]({item.pagina})" in text


# The adapter (hooks/macros.py), with a stand-in for the macros plugin: it reads only the project folder, the config as
# a mapping and the page's source path (MkDocs: page.file.src_uri; Zensical: page.path) -------------------------

class FakeEnv:
    def __init__(self, conf: dict, page):
        self.project_dir, self.conf, self.page = str(ROOT), conf, page
        self.variables, self.macros, self.filters = {}, {}, {}

    def macro(self, fn, name=""):
        self.macros[name or fn.__name__] = fn

    def filter(self, fn, name=""):
        self.filters[name or fn.__name__] = fn


def adapter():
    import importlib.util

    spec = importlib.util.spec_from_file_location("macros_adapter", ROOT / "hooks" / "macros.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("page", [
    type("MkDocsPage", (), {"file": type("File", (), {"src_uri": "kennisbronnen/index.md"})()})(),
    type("ZensicalPage", (), {"path": "kennisbronnen/index.md"})(),
])
def test_the_adapter_registers_every_macro_and_names_the_page_as_either_engine_gives_it(page, monkeypatch):
    monkeypatch.delenv("WERKBOEK_GEMEENTE", raising=False)
    env = FakeEnv({"docs_dir": "docs", "use_directory_urls": False, "extra": {"lokaal": None}}, page)
    adapter().define_env(env)
    assert sorted(env.macros) == sorted(m.__name__ for m in macros.MACROS)
    assert "plain_text" in env.filters and env.variables["lokaal"] is None
    assert 'href="../05-herkennen.html"' in env.macros["fasemodel"]("herkennen")
    with pytest.raises(DataError, match=r"^kennisbronnen/index\.md: instrument\('x'\)"):
        env.macros["instrument"]("x")


def test_without_the_gemeente_hook_the_adapter_reads_the_gemeente_file_itself(monkeypatch):
    monkeypatch.setenv("WERKBOEK_GEMEENTE", str(ROOT / "voorbeelden" / "gemeente-voorbeeld.yml"))
    env = FakeEnv({"docs_dir": "docs", "use_directory_urls": True}, None)  # no "lokaal" in extra: no hooks ran
    adapter().define_env(env)
    assert env.variables["lokaal"].naam == "Gemeente Dorpshaven"
    assert "Steunpunt Samen Dorpshaven" in env.macros["instrument"]("verwijskaart")
    monkeypatch.delenv("WERKBOEK_GEMEENTE")
    upstream = FakeEnv({"docs_dir": "docs", "use_directory_urls": True, "extra": {"lokaal": None}}, None)
    adapter().define_env(upstream)
    assert "Dorpshaven" not in upstream.macros["instrument"]("verwijskaart")
