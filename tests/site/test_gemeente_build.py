"""A gemeente's own version, built end to end: the example gemeente's details on the site and in the PDFs; the
blank source version without a local file; bad local files stop the build without writing a site; and a fork that
only adds gemeente.yml (and a logo) takes in upstream changes without conflicts."""
from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import ROOT, copy_project, mkdocs_build
from PIL import Image
from pypdf import PdfReader

pytestmark = pytest.mark.slow

EXAMPLE = "voorbeelden/gemeente-voorbeeld.yml"


@pytest.fixture(scope="module")
def voorbeeld_site(tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("gemeente")
    project = copy_project(base / "project", ROOT, "gemeente.yml")
    site = base / "site"
    result = mkdocs_build(project, site, env={"WERKBOEK_GEMEENTE": EXAMPLE})
    assert result.returncode == 0, result.stdout + result.stderr
    assert "lokale versie: Gemeente Dorpshaven" in result.stderr + result.stdout
    return site


def text_of(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def worksheet(site: Path, ident: str) -> Path:
    return site / "werkbladen" / f"{ident}.pdf"


def pdf_text(path: Path) -> str:
    return " ".join(" ".join(page.extract_text() or "" for page in PdfReader(path).pages).split())


# --- the example gemeente ----------------------------------------------------------------------------------------

def test_verwijskaart_page_links_the_contacts(voorbeeld_site):
    html = (voorbeeld_site / "11-lokale-samenwerking.html").read_text(encoding="utf-8")
    for link in ('href="tel:09001234567">0900-1234567</a>',
                 'href="mailto:steunpunt@example.nl">steunpunt@example.nl</a>',
                 'href="https://www.example.nl/steunpunt-samen"', 'href="tel:0612345678">06-12345678</a>',
                 'href="tel:09007654321">0900-7654321</a>', 'href="mailto:wijkteam@example.nl"',
                 'href="mailto:poh@example.nl"'):
        assert link in html, link
    text = text_of(html)
    for value in ("Steunpunt Samen Dorpshaven", "09:00", "17:00", "maandag t/m vrijdag", "Wijkverpleging Dorpshaven",
                  "Ouderenadviseur Welzijn Dorpshaven", "Praktijkondersteuner huisartsenpraktijk Het Haventje"):
        assert value in text, value
    # Filled-in parts are text and links, not input fields.
    assert 'name="verwijskaart__vragen-en-advies__telefoon"' not in html
    assert 'name="verwijskaart__contact-niet-pluis"' not in html


def test_verwijskaart_pdf_is_filled_in_and_carries_name_and_logo(voorbeeld_site):
    path = worksheet(voorbeeld_site, "verwijskaart")
    # The gemeente's contacts are printed on the card (they wrap, so long names fit); what it left empty stays a field.
    fields = set(PdfReader(path).get_fields() or {})
    text = " ".join(pdf_text(path).split())
    for value in ["Steunpunt Samen Dorpshaven", "0900-1234567", "steunpunt@example.nl", "09:00", "17:00",
                  "maandag t/m vrijdag", "Wijkverpleging Dorpshaven", "06-12345678", "wijkteam@example.nl"]:
        assert value in text, value
    for filled in ["vragen-en-advies__naam", "vragen-en-advies__telefoon", "vragen-en-advies__email",
                   "vragen-en-advies__van", "vragen-en-advies__tot", "vragen-en-advies__dagen", "contact-niet-pluis",
                   "contact-komt-er-niet-uit"]:
        assert f"verwijskaart__{filled}" not in fields, filled
    reader = PdfReader(path)
    assert reader.metadata.author == "Gemeente Dorpshaven"
    assert "Gemeente Dorpshaven" in pdf_text(path)
    # The logo: a tagged figure with its text alternative, drawn in the top right corner of the first page.
    import pikepdf

    with pikepdf.open(path) as pdf:
        alts = [str(o.Alt) for o in pdf.objects if isinstance(o, pikepdf.Dictionary) and "/Alt" in o]
    assert "Logo Gemeente Dorpshaven" in alts
    png = subprocess.run(["pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "1", str(path)],
                         capture_output=True, check=True).stdout
    image = Image.open(io.BytesIO(png)).convert("RGB")
    w, h = image.size
    corner = image.crop((int(w * 0.85), 0, w, int(h * 0.2)))
    teal = sum(n for n, (r, g, b) in corner.getcolors(maxcolors=1 << 16)
               if abs(r - 0x1d) < 40 and abs(g - 0x5a) < 40 and abs(b - 0x73) < 40)
    assert teal > 20, "the logo is drawn in the top right corner"


def test_every_worksheet_names_the_gemeente(voorbeeld_site):
    for path in sorted((voorbeeld_site / "werkbladen").glob("*.pdf")):
        assert PdfReader(path).metadata.author == "Gemeente Dorpshaven", path.name


def test_netwerkkaart_shows_local_examples_after_the_source_examples(voorbeeld_site):
    text = text_of((voorbeeld_site / "08-wensen-en-talenten.html").read_text(encoding="utf-8"))
    source = text.index("Bijv. buren, buurthuis, activiteiten in de buurt")
    local = text.index("Gemeente Dorpshaven: Buurthuis De Vuurtoren, koffieochtend op dinsdag")
    assert source < local
    assert "Buurthuis De Vuurtoren" in pdf_text(worksheet(voorbeeld_site, "persoonlijke-netwerkkaart"))


def test_title_footer_logo_and_colours(voorbeeld_site):
    html = (voorbeeld_site / "index.html").read_text(encoding="utf-8")
    assert "<title>Home - Eenzaam ben je niet alleen in Dorpshaven</title>" in html
    assert "Lokale versie: Gemeente Dorpshaven." in text_of(html)
    assert 'src="assets/images/gemeente-logo.svg"' in html
    assert (voorbeeld_site / "assets/images/gemeente-logo.svg").read_bytes() == \
        (ROOT / "voorbeelden/dorpshaven-logo.svg").read_bytes()
    assert 'href="assets/stylesheets/gemeente.css"' in html
    assert "--md-primary-fg-color: #1d5a73" in (voorbeeld_site / "assets/stylesheets/gemeente.css").read_text()


def test_toegankelijkheidsverklaring_names_the_gemeente(voorbeeld_site):
    index = (voorbeeld_site / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<a href="toegankelijkheid\.html"[^>]*>Toegankelijkheid</a>', index)
    text = text_of((voorbeeld_site / "toegankelijkheid.html").read_text(encoding="utf-8"))
    assert "Gemeente Dorpshaven wil dat iedereen deze website" in text
    assert "Steunpunt Samen Dorpshaven, telefoon 0900-1234567, e-mail steunpunt@example.nl" in text
    assert "{{" not in text and "{%" not in text


# --- the source version, without a local file ---------------------------------------------------------------------

def test_without_local_file_everything_stays_blank(built_site):
    html = (built_site / "11-lokale-samenwerking.html").read_text(encoding="utf-8")
    assert "tel:" not in html and "mailto:" not in html
    assert 'name="verwijskaart__vragen-en-advies__telefoon"' in html
    assert 'name="verwijskaart__contact-niet-pluis"' in html
    fields = PdfReader(worksheet(built_site, "verwijskaart")).get_fields()
    assert all(not f.get("/V") for f in fields.values())
    index = (built_site / "index.html").read_text(encoding="utf-8")
    assert "Lokale versie" not in index and "gemeente.css" not in index and "gemeente-logo" not in index
    assert re.search(r'<a href="toegankelijkheid\.html"[^>]*>Toegankelijkheid</a>', index)
    text = text_of((built_site / "toegankelijkheid.html").read_text(encoding="utf-8"))
    assert "De uitgever van deze website wil dat iedereen" in text


# --- bad local files stop the build and write no site ---------------------------------------------------------------

BAD = {
    "onbekende-sleutel": ("naam: Gemeente A\nsite_titl: X\n", 2, "Bedoelt u 'site_titel'?"),
    "telefoon": ("naam: Gemeente A\nverwijskaart:\n  advies-1:\n    naam: Loket\n    telefoon: 06-1234\n", 5,
                 "'06-1234' is geen geldig Nederlands telefoonnummer"),
    "script": ("naam: Gemeente <script>alert(1)</script>\n", 1, "bevat HTML of een script"),
    "van-na-tot": ("naam: A\nverwijskaart:\n  vragen-en-advies:\n    naam: L\n    van: '18:00'\n    tot: '09:00'\n", 5,
                   "moet eerder zijn dan 'tot'"),
    "logo": ("naam: Gemeente A\nlogo: logo.png\n", 2, "'logo.png' is geen geldig PNG-plaatje"),
    "kleur": ("naam: Gemeente A\nkleuren:\n  hoofdkleur: '#ffcc00'\n", 3, "te weinig contrast met wit"),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_local_file_stops_the_build(project_copy, tmp_path, case):
    text, line, fragment = BAD[case]
    (project_copy / "gemeente.yml").write_text(text, encoding="utf-8")
    (project_copy / "logo.png").write_text("geen plaatje")
    site = tmp_path / "uit" / "site"
    result = mkdocs_build(project_copy, site)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert f"gemeente.yml, regel {line}:" in output, output
    assert fragment in output, output
    assert "de lokale gegevens bevatten fouten" in output
    assert not site.exists() and not site.with_name("site.bouwen").exists()
    assert not (tmp_path / "uit").exists() or not any((tmp_path / "uit").iterdir())


def test_named_file_that_does_not_exist_stops_the_build(project_copy, tmp_path):
    site = tmp_path / "site"
    result = mkdocs_build(project_copy, site, env={"WERKBOEK_GEMEENTE": "voorbeelden/nergens.yml"})
    assert result.returncode != 0
    assert "WERKBOEK_GEMEENTE=voorbeelden/nergens.yml: dat bestand bestaat niet" in result.stdout + result.stderr
    assert not site.exists()


def test_bad_local_file_keeps_the_previous_site(project_copy, tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("vorige versie")
    (project_copy / "gemeente.yml").write_text("naam: Gemeente A\nverwijskaart:\n  advies-1:\n    email: x\n")
    result = mkdocs_build(project_copy, site)
    assert result.returncode != 0
    assert [p.name for p in site.iterdir()] == ["index.html"]
    assert (site / "index.html").read_text() == "vorige versie"


# --- a fork takes in upstream changes -----------------------------------------------------------------------------

GIT_ENV = {**os.environ, "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.nl",
           "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.nl", "GIT_CONFIG_NOSYSTEM": "1"}


def git(cwd: Path, *args: str) -> str:
    result = subprocess.run(["git", "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false", *args], cwd=cwd,
                            capture_output=True, text=True, env=GIT_ENV)
    assert result.returncode == 0, f"git {' '.join(args)}\n{result.stdout}\n{result.stderr}"
    return result.stdout + result.stderr


def test_fork_with_own_gemeente_takes_in_upstream_changes(project_copy, tmp_path):
    upstream = project_copy
    git(upstream, "init", "-q")
    git(upstream, "add", ".")
    git(upstream, "commit", "-q", "-m", "Werkboek")
    fork = tmp_path / "fork"
    git(tmp_path, "clone", "-q", str(upstream), str(fork))

    # The gemeente: copy the example to gemeente.yml, with its own logo at the root.
    shutil.copy(fork / "voorbeelden" / "dorpshaven-logo.svg", fork / "logo-dorpshaven.svg")
    own = (fork / EXAMPLE).read_text(encoding="utf-8")
    own = own.replace("logo: voorbeelden/dorpshaven-logo.svg", "logo: logo-dorpshaven.svg")
    own = own.replace("telefoon: 06-12345678", "telefoon: 06-11223344")
    (fork / "gemeente.yml").write_text(own, encoding="utf-8")
    git(fork, "add", "gemeente.yml", "logo-dorpshaven.svg")
    git(fork, "commit", "-q", "-m", "Gemeente Dorpshaven: eigen verwijskaart")

    # Upstream: a change to a chapter and to the contact template.
    chapter = upstream / "docs" / "05-herkennen.md"
    chapter.write_text(chapter.read_text(encoding="utf-8") + "\nEen nieuwe alinea van de redactie.\n", encoding="utf-8")
    template = upstream / "overrides" / "partials" / "werkblad" / "contact.html"
    changed = template.read_text(encoding="utf-8").replace('("telefoon", "Tel")', '("telefoon", "Telefoon")')
    assert changed != template.read_text(encoding="utf-8")
    template.write_text(changed, encoding="utf-8")
    git(upstream, "commit", "-q", "-am", "Redactie: hoofdstuk 5 en contactblok")

    out = git(fork, "pull", "--no-rebase", "--no-edit", "origin", "main")
    assert "CONFLICT" not in out
    assert git(fork, "status", "--porcelain") == ""
    assert "Een nieuwe alinea van de redactie." in (fork / "docs" / "05-herkennen.md").read_text(encoding="utf-8")
    assert '("telefoon", "Telefoon")' in (fork / "overrides/partials/werkblad/contact.html").read_text(encoding="utf-8")
    assert "06-11223344" in (fork / "gemeente.yml").read_text(encoding="utf-8")

    # The merged fork builds with its own details and upstream's changes (gemeente.yml is found by default).
    site = tmp_path / "fork-site"
    result = mkdocs_build(fork, site)
    assert result.returncode == 0, result.stdout + result.stderr
    page = (site / "11-lokale-samenwerking.html").read_text(encoding="utf-8")
    assert 'href="tel:0611223344">06-11223344</a>' in page
    assert "Telefoon:" in text_of(page)
    assert "Een nieuwe alinea van de redactie." in text_of((site / "05-herkennen.html").read_text(encoding="utf-8"))
    assert (site / "assets/images/gemeente-logo.svg").exists()
