"""The local file (gemeente.yml): the example loads; every kind of bad input gives a Dutch message that names the
file, the line and what to do; values are text as written; colours keep their contrast; rendered values are
escaped."""
from __future__ import annotations

import json
import re
import textwrap
from pathlib import Path
from types import SimpleNamespace

import pytest

from werkboek import ROOT, WERKBOEK_TITEL
from werkboek.errors import DataError
from werkboek.gemeente import BESTAND, OMGEVING, checks
from werkboek.gemeente.colours import contrast
from werkboek.gemeente.load import chosen_file, load_gemeente
from werkboek.gemeente.model import Gemeente
from werkboek.werkblad.loader import load_instruments
from werkboek.werkblad.render import template_env

VOORBEELD = ROOT / "voorbeelden" / "gemeente-voorbeeld.yml"


def _image(fmt: str, colour=(29, 90, 115)) -> bytes:
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (8, 4), colour).save(out, fmt)
    return out.getvalue()


PNG, JPG = _image("PNG"), _image("JPEG")
SVG = (b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1">'
       b'<rect width="1" height="1"/></svg>')


def write(tmp_path: Path, text: str, name: str = BESTAND) -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


def load(tmp_path: Path, text: str) -> Gemeente:
    return load_gemeente(write(tmp_path, text), root=tmp_path, forms_dir=ROOT / "forms")


def error(tmp_path: Path, text: str) -> str:
    with pytest.raises(DataError) as info:
        load(tmp_path, text)
    return str(info.value)


# --- the example --------------------------------------------------------------------------------------------------

def test_example_loads_with_every_slot_and_sector_it_names():
    lokaal = load_gemeente(VOORBEELD)
    assert lokaal.naam == "Gemeente Dorpshaven"
    assert lokaal.site_titel == "Eenzaam ben je niet alleen in Dorpshaven"
    assert lokaal.logo_url.startswith("file:///") and lokaal.logo_url.endswith("voorbeelden/dorpshaven-logo.svg")
    main = lokaal.contacten["vragen-en-advies"]
    assert isinstance(main, dict)
    assert main == {"naam": "Steunpunt Samen Dorpshaven", "telefoon": "0900-1234567", "email": "steunpunt@example.nl",
                    "website": "https://www.example.nl/steunpunt-samen", "van": "09:00", "tot": "17:00",
                    "dagen": "maandag t/m vrijdag"}
    verwijskaart = load_instruments()["verwijskaart"]
    slots = {c.id for b in verwijskaart.blokken for c in ([b.contact] if b.contact else [])
             + [c for v in b.vakken for c in v.contacten]}
    assert set(lokaal.contacten) == slots, "the example fills in every slot of the verwijskaart"
    assert lokaal.sector_voorbeeld("persoonlijke-netwerkkaart", "buurt").startswith("Buurthuis De Vuurtoren")
    assert lokaal.sector_voorbeeld("mijn-talenten-en-wensen", "buurt") is None


def test_example_is_fictional():
    text = VOORBEELD.read_text(encoding="utf-8")
    assert "verzonnen" in text
    assert set(re.findall(r"@([\w.-]+)", text)) == {"example.nl"}


def test_cache_key_is_json_and_follows_every_local_change(tmp_path):
    (tmp_path / "logo.png").write_bytes(PNG)
    base = "naam: Gemeente A\nlogo: logo.png\nverwijskaart:\n  advies-1:\n    naam: B\n"
    key = load(tmp_path, base).cache_key()
    json.dumps(key)
    assert load(tmp_path, base.replace("naam: B", "naam: C")).cache_key() != key
    (tmp_path / "logo.png").write_bytes(_image("PNG", (192, 57, 43)))
    assert load(tmp_path, base).cache_key() != key, "a new logo (same file name) must re-render the PDFs"


def test_minimal_file_and_empty_values_stay_fillable(tmp_path):
    lokaal = load(tmp_path, """
        naam: Wijk De Brug
        verwijskaart:
          vragen-en-advies:
            naam: Buurtteam De Brug
            telefoon:
            email: ""
        netwerkkaart:
          buurt:
    """)
    assert lokaal.site_titel == WERKBOEK_TITEL
    assert lokaal.logo_url is None and lokaal.kleuren is None and lokaal.kleuren_css() == ""
    assert lokaal.contacten == {"vragen-en-advies": {"naam": "Buurtteam De Brug"}}
    assert lokaal.netwerkkaart == {}


def test_values_are_text_as_written(tmp_path):
    """YAML would read 9:00 as 540 and 0201234567 as an octal number; the file's values stay text."""
    lokaal = load(tmp_path, """
        naam: Gemeente 2026
        verwijskaart:
          vragen-en-advies:
            naam: Loket
            telefoon: 0201234567
            van: 9:00
            tot: 17.30 uur
            dagen: Ma, wo en vr
    """)
    assert lokaal.naam == "Gemeente 2026"
    assert lokaal.contacten["vragen-en-advies"] == {
        "naam": "Loket", "telefoon": "0201234567", "van": "09:00", "tot": "17:30", "dagen": "Ma, wo en vr"}


@pytest.mark.parametrize("number", [
    "010-1234567", "0512-345678", "06-12345678", "06 12 34 56 78", "0612345678", "0900-1234", "0900-1234567",
    "0800-1234567", "+31 6 12345678", "+31 (0)20 1234567", "0031 6 12345678", "14 0512", "14 020", "(0512) 34 56 78",
])
def test_dutch_phone_numbers_are_accepted(number):
    assert checks.phone(number)


@pytest.mark.parametrize("number", [
    "12345", "06-1234", "06-123456789", "+32 2 123 45 67", "+1 555 0100", "0900-12345", "14 05", "112", "bel ons",
    "06-12345678 (na 18 uur)",
])
def test_other_phone_numbers_are_refused(number):
    with pytest.raises(ValueError, match="telefoonnummer"):
        checks.phone(number)


@pytest.mark.parametrize("days", ["maandag t/m vrijdag", "ma-vr", "dinsdag en donderdag", "Maandag, woensdag, vrijdag",
                                  "zaterdag tot en met zondag", "werkdagen"])
def test_weekdays_are_accepted(days):
    assert checks.days(days) == days


# --- bad input: (file, line, fragments of the message) -----------------------------------------------------------

CASES = {
    "onbekende-sleutel": ("""
        naam: Gemeente A
        site_titl: Mijn werkboek
    """, 2, ["veld 'site_titl'", "onbekende sleutel 'site_titl'", "Bedoelt u 'site_titel'?"]),
    "onbekende-contactsleutel": ("""
        naam: Gemeente A
        verwijskaart:
          vragen-en-advies:
            naam: Loket
            telefon: 06-12345678
    """, 5, ["verwijskaart.vragen-en-advies.telefon", "Bedoelt u 'telefoon'?"]),
    "onbekende-regel": ("""
        naam: Gemeente A
        verwijskaart:
          contact-niet-plus:
            naam: Loket
    """, 3, ["onbekende regel van de verwijskaart 'contact-niet-plus'", "Bedoelt u 'contact-niet-pluis'?"]),
    "onbekend-vak": ("""
        naam: Gemeente A
        netwerkkaart:
          buurten: Buurthuis
    """, 3, ["onbekend vak van de netwerkkaart 'buurten'", "Bedoelt u 'buurt'?"]),
    "naam-ontbreekt": ("""
        site_titel: Mijn werkboek
    """, 1, ["veld 'naam'", "ontbreekt", "verplicht"]),
    "naam-leeg": ("""
        site_titel: Mijn werkboek
        naam:
    """, 2, ["veld 'naam'", "is leeg"]),
    "contactnaam-ontbreekt": ("""
        naam: Gemeente A
        verwijskaart:
          advies-1:
            telefoon: 06-12345678
    """, 3, ["verwijskaart.advies-1.naam", "ontbreekt"]),
    "e-mail": ("""
        naam: Gemeente A
        verwijskaart:
          advies-1:
            naam: Loket
            email: loket@gemeente
    """, 5, ["'loket@gemeente' is geen geldig e-mailadres"]),
    "telefoon": ("""
        naam: Gemeente A
        verwijskaart:
          advies-2:
            naam: Loket
            telefoon: 06-1234
    """, 5, ["verwijskaart.advies-2.telefoon", "'06-1234' is geen geldig Nederlands telefoonnummer", "14 0512"]),
    "buitenlands-nummer": ("""
        naam: Gemeente A
        verwijskaart:
          advies-2:
            naam: Loket
            telefoon: +32 2 123 45 67
    """, 5, ["geen geldig Nederlands telefoonnummer"]),
    "tijd": ("""
        naam: Gemeente A
        verwijskaart:
          vragen-en-advies:
            naam: Loket
            van: 9 uur
    """, 5, ["'9 uur' is geen tijd", "09:00"]),
    "tijd-25-uur": ("""
        naam: Gemeente A
        verwijskaart:
          vragen-en-advies:
            naam: Loket
            tot: "25:00"
    """, 5, ["'25:00' is geen tijd"]),
    "van-na-tot": ("""
        naam: Gemeente A
        verwijskaart:
          vragen-en-advies:
            naam: Loket
            van: "17:00"
            tot: "09:00"
    """, 5, ["'van' (17:00) moet eerder zijn dan 'tot' (09:00)"]),
    "dag": ("""
        naam: Gemeente A
        verwijskaart:
          vragen-en-advies:
            naam: Loket
            dagen: maandag t/m vrijdg
    """, 5, ["'vrijdg'", "geen dag van de week", "Bedoelt u 'vrijdag'?"]),
    "dag-halve-reeks": ("""
        naam: Gemeente A
        verwijskaart:
          vragen-en-advies:
            naam: Loket
            dagen: maandag t/m
    """, 5, ["niet te lezen als dagen"]),
    "dagen-op-een-regel": ("""
        naam: Gemeente A
        verwijskaart:
          advies-1:
            naam: Loket
            dagen: maandag
    """, 5, ["'dagen' past niet bij deze regel", "naam, telefoon, email"]),
    "website": ("""
        naam: Gemeente A
        verwijskaart:
          vragen-en-advies:
            naam: Loket
            website: onze facebookpagina
    """, 5, ["'onze facebookpagina' is geen webadres"]),
    "script-in-naam": ("""
        naam: Gemeente <script>alert('x')</script>
    """, 1, ["veld 'naam'", "bevat HTML of een script", "zonder < en >"]),
    "html-in-contact": ("""
        naam: Gemeente A
        verwijskaart:
          advies-1:
            naam: <b>Loket</b>
    """, 4, ["verwijskaart.advies-1.naam", "bevat HTML"]),
    "html-in-voorbeeld": ("""
        naam: Gemeente A
        netwerkkaart:
          buurt: Buurthuis <a href="https://example.nl">De Brug</a>
    """, 3, ["netwerkkaart.buurt", "bevat HTML"]),
    "aanhalingsteken-in-titel": ("""
        naam: Gemeente A
        site_titel: Het "eenzaamheid" werkboek
    """, 2, ["recht aanhalingsteken"]),
    "kleur-te-licht": ("""
        naam: Gemeente A
        kleuren:
          hoofdkleur: "#ffcc00"
    """, 3, ["te weinig contrast met wit", "4,5 : 1", "donkerdere kleur"]),
    "kleur-zonder-aanhalingstekens": ("""
        naam: Gemeente A
        kleuren:
          hoofdkleur: #1d5a73
    """, 3, ["tussen aanhalingstekens"]),
    "kleur-geen-code": ("""
        naam: Gemeente A
        kleuren:
          hoofdkleur: blauw
    """, 3, ["'blauw' is geen kleur"]),
    "logo-ontbreekt": ("""
        naam: Gemeente A
        logo: logo-gemeente.png
    """, 2, ["het logobestand 'logo-gemeente.png' bestaat niet"]),
    "logo-geen-plaatje": ("""
        naam: Gemeente A
        logo: tekst.png
    """, 2, ["'tekst.png' is geen geldig PNG-plaatje"]),
    "logo-verkeerde-soort": ("""
        naam: Gemeente A
        logo: logo.gif
    """, 2, ["gebruik een .svg-, .png- of .jpg-bestand"]),
    "logo-met-script": ("""
        naam: Gemeente A
        logo: script.svg
    """, 2, ["bevat een script"]),
    "logo-buiten-project": ("""
        naam: Gemeente A
        logo: ../logo.png
    """, 2, ["pad vanaf de hoofdmap"]),
    "lijst-in-plaats-van-tekst": ("""
        naam:
          - Gemeente A
    """, 1, ["verwacht tekst", "lijst"]),
    "yaml-fout": ("""
        naam: Gemeente A
        verwijskaart:
          advies-1:
           naam: Loket
          - telefoon: 06-12345678
    """, 5, ["geen geldige YAML", "inspringing"]),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_input_names_file_line_and_remedy(tmp_path, case):
    text, line, fragments = CASES[case]
    (tmp_path / "tekst.png").write_text("dit is geen plaatje")
    (tmp_path / "logo.gif").write_bytes(b"GIF89a")
    (tmp_path / "script.svg").write_bytes(SVG.replace(b"<rect", b'<script>alert(1)</script><rect'))
    message = error(tmp_path, text)
    first = message.splitlines()[0]
    assert first.startswith(f"{BESTAND}, regel {line}:"), message
    for fragment in fragments:
        assert fragment in first, message


def test_every_problem_is_reported_at_once_in_line_order(tmp_path):
    message = error(tmp_path, """
        naam: Gemeente A
        verwijskaart:
          vragen-en-advies:
            naam: Loket
            telefoon: 06-1234
            email: geen-adres
        netwerkkaart:
          buurten: x
    """)
    lines = [int(m) for m in re.findall(r"regel (\d+):", message)]
    assert lines == [5, 6, 8]


def test_logo_types_are_recognised_by_content(tmp_path):
    (tmp_path / "logo.svg").write_bytes(SVG)
    (tmp_path / "logo.jpg").write_bytes(JPG)
    (tmp_path / "png-als-svg.svg").write_bytes(PNG)
    assert load(tmp_path, "naam: A\nlogo: logo.svg\n").logo_pad == (tmp_path / "logo.svg").resolve()
    assert load(tmp_path, "naam: A\nlogo: logo.jpg\n").logo_url.endswith("/logo.jpg")
    assert "geen geldig SVG-plaatje" in error(tmp_path, "naam: A\nlogo: png-als-svg.svg\n")


def test_theme_colours_keep_contrast(tmp_path):
    lokaal = load(tmp_path, 'naam: A\nkleuren:\n  hoofdkleur: "#1f6f8b"\n  accentkleur: "#0b3d4f"\n')
    css = lokaal.kleuren_css()
    light, dark = css.split('[data-md-color-scheme="slate"]')
    var = lambda block, name: re.search(rf"{re.escape(name)}: (#[0-9a-f]{{6}})", block).group(1)  # noqa: E731
    for name in ("--md-primary-fg-color", "--md-primary-fg-color--light", "--md-primary-fg-color--dark",
                 "--md-accent-fg-color", "--md-typeset-a-color", "--wb-accent"):
        assert contrast(var(light, name), "#ffffff") >= 4.5, name
    assert contrast(var(light, "--wb-accent"), var(light, "--wb-fill")) >= 4.5
    for name in ("--md-typeset-a-color", "--wb-accent", "--md-accent-fg-color"):
        assert contrast(var(dark, name), "#33292f") >= 4.5, name
    assert contrast("#ffffff", var(dark, "--md-primary-fg-color")) >= 4.5
    assert lokaal.pdf_css().startswith(":root { --wb-accent: #1f6f8b;")


# --- which file --------------------------------------------------------------------------------------------------

def test_file_is_chosen_by_environment_then_default(tmp_path):
    assert chosen_file(tmp_path, environ={}) is None
    write(tmp_path, "naam: A\n")
    assert chosen_file(tmp_path, environ={}) == tmp_path / BESTAND
    other = write(tmp_path, "naam: B\n", "andere.yml")
    assert chosen_file(tmp_path, environ={OMGEVING: "andere.yml"}) == other
    with pytest.raises(DataError, match="bestaat niet"):
        chosen_file(tmp_path, environ={OMGEVING: "voorbeelden/nergens.yml"})


# --- rendering ---------------------------------------------------------------------------------------------------

def test_rendered_local_values_are_escaped():
    """The file refuses markup, and even a value that slipped past is escaped where the templates render it."""
    sneaky = "Loket <script>alert(1)</script> & co"
    lokaal = SimpleNamespace(
        naam=sneaky, logo_url=None, site_titel="T", contacten={
            "vragen-en-advies": {"naam": sneaky, "telefoon": "06-12345678", "email": "a@example.nl"},
            "advies-1": {"naam": sneaky}},
        sector_voorbeeld=lambda i, s: sneaky, pdf_css=lambda: "")
    env = template_env()
    for ident in ("verwijskaart", "persoonlijke-netwerkkaart"):
        instrument = load_instruments()[ident]
        for template, extra in (("partials/werkblad/instrument.html", {"medium": "web", "pdf": None}),
                                ("pdf/werkblad.html", {"pdf": None, "titel": "t", "werkboek_titel": "w",
                                                       "uitgever": "u", "beschrijving": "b", "voetregel": "v",
                                                       "datum": "d", "css": "", "paginaformaat": "A4"})):
            html = env.get_template(template).render(instrument=instrument, lokaal=lokaal, **extra)
            assert "<script>" not in html
            assert "Loket &lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in html


def test_checks_across_fields_are_reported_with_the_others(tmp_path):
    message = error(tmp_path, """
        naam: Gemeente A
        verwijskaart:
          vragen-en-advies:
            naam: Loket
            van: "17:00"
            tot: "09:00"
          advies-1:
            naam: Loket
            email: geen-adres
            dagen: maandag
    """)
    assert re.findall(r"regel (\d+):", message) == ["5", "9", "10"]
    assert "'van' (17:00) moet eerder zijn" in message and "'dagen' past niet" in message


def test_a_key_written_twice_is_reported(tmp_path):
    message = error(tmp_path, """
        naam: Gemeente A
        verwijskaart:
          advies-1:
            naam: Loket
          advies-1:
            naam: Wijkteam
    """)
    assert message.startswith("gemeente.yml, regel ")
    assert "'advies-1' staat twee keer in hetzelfde blok (regel 3 en regel 5)" in message


def test_one_build_reads_the_file_once_and_again_after_each_change(tmp_path, monkeypatch):
    """The site's settings, the macros and the step after the pages all ask for the gemeente: one validation per
    content of the file, its forms and its logo."""
    from werkboek.gemeente import load as loading

    reads = []
    real = loading.read_gemeente_text
    monkeypatch.setattr(loading, "read_gemeente_text", lambda *a: reads.append(a) or real(*a))
    (tmp_path / "logo.png").write_bytes(PNG)
    path = tmp_path / "gemeente.yml"
    path.write_text("naam: Gemeente A\nlogo: logo.png\n", encoding="utf-8")
    first = load_gemeente(path, tmp_path, ROOT / "forms")
    assert load_gemeente(path, tmp_path, ROOT / "forms") is first and len(reads) == 1
    path.write_text("naam: Gemeente B\nlogo: logo.png\n", encoding="utf-8")
    assert load_gemeente(path, tmp_path, ROOT / "forms").naam == "Gemeente B" and len(reads) == 2
    (tmp_path / "logo.png").write_bytes(_image("PNG", (192, 57, 43)))
    assert load_gemeente(path, tmp_path, ROOT / "forms").cache_key() != first.cache_key() and len(reads) == 3
