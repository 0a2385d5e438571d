"""Bad input stops the build with a message naming the page (and the reference), leaving no site behind."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from conftest import mkdocs_build

CASES = {
    "missing-section": ("05-herkennen.md", "Zie ook §9.9 voor meer.", ["05-herkennen.md", "'§9.9'"]),
    "missing-kennisbron": ("07-luisteren.md", "Lees kennisbron 12.9 erbij.", ["07-luisteren.md", "kennisbron 12.9"]),
    "missing-bijlage": ("01-inleiding.md", "Zie bijlage 7.", ["01-inleiding.md", "bijlage 7"]),
    "broken-link": ("06-bespreekbaar-maken.md", "[weg](bestaat-niet.md)", ["06-bespreekbaar-maken.md", "bestaat-niet.md"]),
    "unknown-instrument": ("05-herkennen.md", '{{ instrument("bestaat-niet") }}',
                           ["05-herkennen.md", "instrument('bestaat-niet') bestaat niet"]),
    "unknown-phase": ("05-herkennen.md", '{{ fasemodel("zwemmen") }}', ["05-herkennen.md", "onbekende fase 'zwemmen'"]),
    "macro-syntax": ("08-wensen-en-talenten.md", "{{ instrument( }}", ["08-wensen-en-talenten.md"]),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_page_fails_and_leaves_no_site(project_copy, case):
    page, addition, fragments = CASES[case]
    path = project_copy / "docs" / page
    path.write_text(path.read_text(encoding="utf-8") + "\n\n" + addition + "\n", encoding="utf-8")
    site = project_copy / "site"
    result = mkdocs_build(project_copy, site)
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    for fragment in fragments:
        assert fragment in output, output[-3000:]
    assert not site.exists(), "een mislukte build mag geen (halve) site achterlaten"
    assert not (project_copy / "site.bouwen").exists()


def test_bad_form_fails_the_build_naming_file_and_line(project_copy):
    form = project_copy / "forms" / "signaleringskaart.yml"
    form.write_text(form.read_text(encoding="utf-8").replace("id: vermoeidheid,", "id: vermoeid.heid,"), encoding="utf-8")
    result = mkdocs_build(project_copy, project_copy / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "signaleringskaart.yml, regel" in output and "'vermoeid.heid' is geen geldige id" in output, output[-2000:]
    assert not (project_copy / "site").exists()


def test_a_failed_build_keeps_the_previous_site(project_copy):
    site = project_copy / "site"
    assert mkdocs_build(project_copy, site).returncode == 0
    marker = site / "index.html"
    before = marker.read_text(encoding="utf-8")
    page = project_copy / "docs" / "05-herkennen.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n\nZie §9.9.\n", encoding="utf-8")
    assert mkdocs_build(project_copy, site).returncode != 0
    assert marker.read_text(encoding="utf-8") == before


# --- hostile gemeente files (tests/fixtures/gemeente-vijandig, with their expected messages) -------------------------

VIJANDIG = Path(__file__).parent.parent / "fixtures" / "gemeente-vijandig"
VERWACHT = yaml.safe_load((VIJANDIG / "verwacht.yml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", ["alias-bom.yml", "cp1252.yml", "utf16.yml", "naam-zonder-spaties.yml",
                                  "logos/script-met-prefix.svg", "logos/reuzenplaatje.png"])
def test_hostile_gemeente_file_stops_the_build_in_dutch_without_a_traceback(project_copy, name):
    if name.startswith("logos/"):
        shutil.copytree(VIJANDIG / "logos", project_copy / "logos")
        (project_copy / "gemeente.yml").write_text(f"naam: Gemeente Dorpshaven\nlogo: {name}\n", encoding="utf-8")
        expected = {"regel": 2, **VERWACHT["logos"][name.removeprefix("logos/")]}
    else:
        shutil.copy(VIJANDIG / name, project_copy / "gemeente.yml")
        expected = VERWACHT["bestanden"][name]
    site = project_copy / "site"
    result = mkdocs_build(project_copy, site)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in output and "Error:" not in output.replace("ERROR", ""), output[-3000:]
    assert f"gemeente.yml, regel {expected['regel']}:" in output, output[-3000:]
    for fragment in expected["melding"]:
        assert fragment in output, output[-3000:]
    assert not site.exists() and not (project_copy / "site.bouwen").exists()
