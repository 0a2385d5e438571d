"""Hostile and odd input in gemeente.yml and its logo (tests/fixtures/gemeente-vijandig): each is refused with the
Dutch message paired with it in verwacht.yml (file, line, field), without a traceback, before anything is
expanded; legitimate logos and files still pass."""
from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest
import yaml

from werkboek import ROOT
from werkboek.errors import DataError
from werkboek.gemeente import BESTAND
from werkboek.gemeente.load import load_gemeente
from werkboek.gemeente.logo import MAX_PIXELS, check_logo
from werkboek.gemeente.svg_logo import SvgProblem, check_svg

FIXTURES = Path(__file__).parent.parent / "fixtures" / "gemeente-vijandig"
VERWACHT = yaml.safe_load((FIXTURES / "verwacht.yml").read_text(encoding="utf-8"))
VOORBEELD = ROOT / "voorbeelden" / "gemeente-voorbeeld.yml"


def _project(tmp_path: Path) -> Path:
    shutil.copytree(FIXTURES / "logos", tmp_path / "logos")
    return tmp_path


def _first_line(root: Path) -> str:
    with pytest.raises(DataError) as info:
        load_gemeente(root / BESTAND, root=root, forms_dir=ROOT / "forms")
    message = str(info.value)
    assert "Traceback" not in message
    return message.splitlines()[0]


def test_every_fixture_has_its_expected_message():
    logos = {p.name for p in (FIXTURES / "logos").iterdir()}
    files = {p.name for p in FIXTURES.glob("*.yml")} - {"verwacht.yml"}
    assert logos == set(VERWACHT["logos"]) and files == set(VERWACHT["bestanden"])


@pytest.mark.parametrize("logo", sorted(VERWACHT["logos"]))
def test_hostile_logo_is_refused_naming_file_line_field_and_logo_line(tmp_path, logo):
    root = _project(tmp_path)
    (root / BESTAND).write_text(f"naam: Gemeente Dorpshaven\nlogo: logos/{logo}\n", encoding="utf-8")
    expected = VERWACHT["logos"][logo]
    first = _first_line(root)
    assert first.startswith(f"{BESTAND}, regel 2: veld 'logo': het logo 'logos/{logo}' "), first
    for fragment in expected["melding"]:
        assert fragment in first, first
    if "logo_regel" in expected:
        assert f"(regel {expected['logo_regel']} van het logo)" in first, first


@pytest.mark.parametrize("name", sorted(VERWACHT["bestanden"]))
def test_hostile_file_is_refused_naming_file_and_line(tmp_path, name, monkeypatch):
    shutil.copy(FIXTURES / name, tmp_path / BESTAND)

    composed = []
    compose = yaml.compose
    monkeypatch.setattr(yaml, "compose", lambda *a, **k: composed.append(1) or compose(*a, **k))
    expected = VERWACHT["bestanden"][name]
    first = _first_line(tmp_path)
    assert first.startswith(f"{BESTAND}, regel {expected['regel']}: "), first
    if "veld" in expected:
        assert first.startswith(f"{BESTAND}, regel {expected['regel']}: veld '{expected['veld']}': "), first
    for fragment in expected["melding"]:
        assert fragment in first, first
    if "veld" not in expected:
        assert composed == [], "a file the guard refuses must be refused before YAML composes (expands) it"


def test_a_file_over_the_size_limit_is_refused_before_reading(tmp_path):
    (tmp_path / BESTAND).write_text("naam: Gemeente Dorpshaven\nsite_titel: " + "x" * 200_000 + "\n", encoding="utf-8")
    first = _first_line(tmp_path)
    assert first.startswith(f"{BESTAND}: het bestand is te groot (195 kB); maximaal 100 kB"), first


def test_a_symlinked_logo_pointing_outside_the_project_is_refused(tmp_path):
    outside = tmp_path / "buiten"
    outside.mkdir()
    shutil.copy(ROOT / "voorbeelden" / "dorpshaven-logo.svg", outside / "logo.svg")
    root = tmp_path / "project"
    root.mkdir()
    (root / "logo.svg").symlink_to(outside / "logo.svg")
    (root / BESTAND).write_text("naam: Gemeente Dorpshaven\nlogo: logo.svg\n", encoding="utf-8")
    first = _first_line(root)
    assert first.startswith(f"{BESTAND}, regel 2: veld 'logo': 'logo.svg' verwijst"), first
    assert "naar een bestand buiten het project" in first
    # A symlink inside the project is fine, and the published path is the real file.
    (root / "logo.svg").unlink()
    shutil.copy(outside / "logo.svg", root / "echt.svg")
    (root / "logo.svg").symlink_to("echt.svg")
    lokaal = load_gemeente(root / BESTAND, root=root, forms_dir=ROOT / "forms")
    assert lokaal.logo_pad == (root / "echt.svg").resolve()


def test_the_example_and_legitimate_logos_pass(tmp_path):
    from PIL import Image

    assert load_gemeente(VOORBEELD).logo
    check_svg((ROOT / "voorbeelden" / "dorpshaven-logo.svg").read_bytes())
    Image.new("RGB", (MAX_PIXELS, 40), (29, 90, 115)).save(tmp_path / "breed.png")
    Image.new("RGB", (600, 300), (29, 90, 115)).save(tmp_path / "logo.jpg")
    assert check_logo("breed.png", tmp_path) == (tmp_path / "breed.png").resolve()
    assert check_logo("logo.jpg", tmp_path)
    # What editors write: XML declaration, DOCTYPE, comments, gradients, internal references, classes in <style>,
    # an embedded PNG, data-* attributes, xml:space, accents and '&amp;' in the title.
    (tmp_path / "rijk.svg").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n'
        '<!-- Generator: Adobe Illustrator -->\n'
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" version="1.1" '
        'viewBox="0 0 100 40" xml:space="preserve" data-name="Laag 1">\n'
        '<title>Gemeente Súdwest-Fryslân &amp; IJsselmeer</title>\n'
        '<style>.st0{fill:url(#verloop)} .st1{font-family:"Atkinson Hyperlegible"}</style>\n'
        '<defs><linearGradient id="verloop"><stop offset="0" stop-color="#1d5a73"/></linearGradient>\n'
        '<clipPath id="c"><rect width="10" height="10"/></clipPath></defs>\n'
        '<g clip-path="url(#c)" style="opacity:.9"><path class="st0" d="M0 0h10v10z"/></g>\n'
        '<use xlink:href="#c" transform="translate(20 0)"/>\n'
        '<image width="1" height="1" href="data:image/png;base64,iVBORw0KGgo="/>\n'
        '<text class="st1" x="30" y="20">Dorpshaven</text>\n'
        '</svg>\n', encoding="utf-8")
    assert check_logo("rijk.svg", tmp_path)


@pytest.mark.parametrize("svg", [
    # The same attack written differently: the check reads the XML as a browser does.
    b'<svg xmlns="http://www.w3.org/2000/svg"><SCRIPT>alert(1)</SCRIPT></svg>',
    b'<svg xmlns="http://www.w3.org/2000/svg"><rect ONCLICK="alert(1)"/></svg>',
    b'<svg xmlns="http://www.w3.org/2000/svg"><use href=" &#x6A;avascript:alert(1)"/></svg>',
    b'<svg xmlns="http://www.w3.org/2000/svg"><use href="&#10;https://example.com/a.svg#x"/></svg>',
    b'<svg xmlns="http://www.w3.org/2000/svg"><rect style="fill:u\\72l(https://example.com/)"/></svg>',
    b'<svg xmlns="http://www.w3.org/2000/svg"><style>@import url(https://example.com/a.css);</style></svg>',
    b'<svg xmlns="http://www.w3.org/2000/svg"><image href="data:image/svg+xml;base64,PHN2Zz4="/></svg>',
    b'<svg xmlns="http://www.w3.org/2000/svg"><feImage href="https://example.com/a.png"/></svg>',
    b'<svg xmlns="http://www.w3.org/2000/svg" xml:base="https://example.com/"><use href="#a"/></svg>',
    b'<svg xmlns="http://www.w3.org/2000/svg"><rect mask="url(file:///etc/passwd)"/></svg>',
    b'<svg xmlns="http://www.w3.org/2000/svg"><iframe xmlns="http://www.w3.org/1999/xhtml"/></svg>',
    b'<html xmlns="http://www.w3.org/1999/xhtml"><svg xmlns="http://www.w3.org/2000/svg"/></html>',
    b'<svg xmlns="http://www.w3.org/2000/svg"><rect/>',
])
def test_svg_variants_of_attacks_are_refused(svg):
    with pytest.raises(SvgProblem):
        check_svg(svg)


def test_names_with_quotes_ampersands_accents_and_ij_are_accepted(tmp_path):
    """A legitimate file with quotes, &, é and ĳ passes the guard and the whole check; ĳ is written as ij (the
    printed font has no ĳ)."""
    (tmp_path / BESTAND).write_text(
        'naam: "Gemeente \'s-Hertogenbosch & Súdwest-Fryslân"\nsite_titel: Samen tegen eenzaamheid in de Ĳssel\n'
        'verwijskaart:\n  advies-1:\n    naam: Stichting “Welzijn & Zorg” Ĳsselmonde\n', encoding="utf-8")
    lokaal = load_gemeente(tmp_path / BESTAND, root=tmp_path, forms_dir=ROOT / "forms")
    assert lokaal.naam == "Gemeente 's-Hertogenbosch & Súdwest-Fryslân"
    assert lokaal.contacten["advies-1"]["naam"] == "Stichting “Welzijn & Zorg” IJsselmonde"
    assert lokaal.site_titel == "Samen tegen eenzaamheid in de IJssel"
    assert os.path.getsize(tmp_path / BESTAND) < 1024


def test_the_privacy_scan_also_reads_svg_files(tmp_path):
    """Defence in depth: were a logo with an outside reference ever published, the build's privacy scan finds it."""
    from werkboek.publish.privacy import scan_site

    for name in ("extern-plaatje.svg", "lokaal-bestand.svg", "css-extern.svg"):
        shutil.copy(FIXTURES / "logos" / name, tmp_path / name)
    (tmp_path / "verstopt.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg"><image href="&#x68;ttps://example.com/p.png"/></svg>',
        encoding="utf-8")
    found = {(path, url) for path, _, url in scan_site(tmp_path)}
    assert found == {("extern-plaatje.svg", "https://tracker.example.com/pixel.png"),
                     ("css-extern.svg", "https://tracker.example.com/verf.svg#a"),
                     ("verstopt.svg", "https://example.com/p.png")}


def test_a_symlink_loop_as_logo_gets_a_dutch_message(tmp_path):
    (tmp_path / "a.svg").symlink_to("b.svg")
    (tmp_path / "b.svg").symlink_to("a.svg")
    (tmp_path / BESTAND).write_text("naam: Gemeente Dorpshaven\nlogo: a.svg\n", encoding="utf-8")
    first = _first_line(tmp_path)
    assert first.startswith(f"{BESTAND}, regel 2: veld 'logo': het logobestand 'a.svg' is niet te openen"), first


def test_every_gemeente_value_a_markdown_page_inserts_goes_through_platte_tekst():
    """Markdown pages are rendered by Jinja *before* Markdown: a value inserted there must be escaped for both."""
    sources = [*(ROOT / "docs").rglob("*.md"), *(ROOT / "overrides" / "partials").rglob("*.md")]
    checked = 0
    for path in sources:
        text = path.read_text(encoding="utf-8")
        for expr in re.findall(r"\{\{(.*?)\}\}", text, re.S) + re.findall(r"\{%-?\s*set\s+\w+\s*=(.*?)-?%\}", text, re.S):
            if re.search(r"\blokaal\.(naam|site_titel)|\bcontact\.\w+|config\.site_name|\bcontact\b\.get", expr):
                checked += 1
                assert "plain_text" in expr, f"{path.relative_to(ROOT)}: {{{{{expr.strip()}}}}} zonder plain_text"
    assert checked >= 5, "the toegankelijkheidsverklaring inserts the gemeente's name, title and contact"


@pytest.mark.parametrize("value, shown", [
    ("[meer info](jav&#x61;script:alert(1))", "<p>[meer info](jav&amp;#x61;script:alert(1))</p>"),
    ("**vet** en *schuin* `code`", "<p>**vet** en *schuin* `code`</p>"),
    ("# Kop", "<p># Kop</p>"), ("- lijst", "<p>- lijst</p>"), ("1. een", "<p>1. een</p>"),
    ("a | b", "<p>a | b</p>"), ("{ .lead }", "<p>{ .lead }</p>"), ("!!! note", "<p>!!! note</p>"),
    ("3 > 2 < 4 & “é” ’s", "<p>3 &gt; 2 &lt; 4 &amp; “é” &#39;s</p>".replace("&#39;", "’")),
])
def test_platte_tekst_shows_exactly_what_was_typed(value, shown):
    import markdown

    from werkboek.pages.plain_text import plain_text

    converter = markdown.Markdown(extensions=["abbr", "admonition", "attr_list", "def_list", "md_in_html", "tables"])
    assert converter.convert(plain_text(value)) == shown


@pytest.mark.weasyprint_warns  # the refused images are reported (and would stop a strict build)
def test_weasyprint_reads_only_project_files_and_data_urls(monkeypatch):
    """Defence in depth: whatever reaches a PDF's HTML, WeasyPrint fetches nothing from another host and reads no
    file outside the project."""
    from weasyprint.urls import URLFetcher

    from werkboek.pdf import weasy

    fetched = []
    real = URLFetcher.fetch
    monkeypatch.setattr(URLFetcher, "fetch", lambda self, url, *a, **k: fetched.append(url) or real(self, url, *a, **k))
    logo = (ROOT / "voorbeelden" / "dorpshaven-logo.svg").as_uri()
    pdf = weasy.write_pdf(f'<p>Logo</p><img src="{logo}"><img src="https://example.com/pixel.png">'
                          '<img src="file:///etc/hostname"><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">')
    assert pdf.startswith(b"%PDF")
    assert logo in fetched and any(u.startswith("data:") for u in fetched)
    assert not [u for u in fetched if u.startswith(("https:", "http:")) or "/etc/" in u], fetched
