"""What a gemeente's file changes on the site (werkboek/gemeente/site_changes.py), without MkDocs: nothing without a file;
title, footer, logo, colours and the files to add with one; a bad file is one Dutch message naming it."""
from __future__ import annotations

import pytest

from werkboek import ROOT
from werkboek.errors import DataError
from werkboek.gemeente import OMGEVING
from werkboek.gemeente.image import intrinsic_size
from werkboek.gemeente.load import load_gemeente
from werkboek.gemeente.site_changes import KLEUREN_CSS, LOGO, site_changes
from werkboek.werkblad.render import print_only

VOORBEELD = ROOT / "voorbeelden" / "gemeente-voorbeeld.yml"
THEME_LOGO = "assets/images/logo.svg"


def test_without_a_file_nothing_changes_but_the_logo_keeps_its_room(tmp_path):
    site = site_changes(tmp_path, ROOT / "docs", "© werkboek", THEME_LOGO, environ={})
    assert site.lokaal is None and site.site_name is None and site.copyright is None and site.logo is None
    assert site.files == () and site.extra_css == () and site.watch == ()
    assert site.logo_size == intrinsic_size(ROOT / "docs" / THEME_LOGO) is not None


def test_the_example_changes_title_footer_logo_and_colours():
    site = site_changes(ROOT, ROOT / "docs", "Werkboek <2015>", THEME_LOGO, environ={OMGEVING: str(VOORBEELD)})
    lokaal = load_gemeente(VOORBEELD)
    assert site.site_name == lokaal.site_titel
    assert site.copyright == "Lokale versie: Gemeente Dorpshaven. Werkboek <2015>"
    assert site.logo == LOGO + ".svg" and site.logo_size == intrinsic_size(lokaal.logo_pad)
    assert site.extra_css == (KLEUREN_CSS,)
    assert [(f.uri, f.path, f.content) for f in site.files] == [
        (LOGO + ".svg", lokaal.logo_pad, None), (KLEUREN_CSS, None, lokaal.kleuren_css())]
    assert site.watch == (VOORBEELD, lokaal.logo_pad)
    assert site.message == "lokale versie: Gemeente Dorpshaven (voorbeelden/gemeente-voorbeeld.yml)"


def test_the_name_in_the_footer_is_escaped(tmp_path):
    path = tmp_path / "gemeente.yml"
    path.write_text(VOORBEELD.read_text(encoding="utf-8").replace("naam: Gemeente Dorpshaven",
                                                                  "naam: Gemeente Dorp & Haven", 1), encoding="utf-8")
    site = site_changes(ROOT, ROOT / "docs", "", THEME_LOGO, environ={OMGEVING: str(path)})
    assert site.copyright == "Lokale versie: Gemeente Dorp &amp; Haven."


def test_a_bad_file_is_one_message_naming_it(tmp_path):
    path = tmp_path / "gemeente.yml"
    path.write_text("naam: Gemeente X\nkleuren:\n  hoofdkleur: geel\n", encoding="utf-8")
    with pytest.raises(DataError) as info:
        site_changes(ROOT, ROOT / "docs", "", THEME_LOGO, environ={OMGEVING: str(path)})
    first, *rest = str(info.value).splitlines()
    assert first == f"{path}: de lokale gegevens bevatten fouten. Pas het bestand aan en bouw opnieuw."
    assert rest and all(str(path) in line for line in rest if line.strip()), rest


def test_a_named_file_that_does_not_exist_names_the_setting(tmp_path):
    with pytest.raises(DataError, match=rf"^{OMGEVING}: de lokale gegevens bevatten fouten"):
        site_changes(tmp_path, ROOT / "docs", "", THEME_LOGO, environ={OMGEVING: "weg.yml"})


@pytest.mark.parametrize("uri,path,expected", [
    ("pdf/werkblad.css", "/p/overrides/pdf/werkblad.css", True),
    ("pdf/werkblad.css", "C:\\p\\overrides\\pdf\\werkblad.css", True),
    ("pdf/werkblad.css", "overrides/pdf/werkblad.css", True),  # mkdocs build -f mkdocs.yml (a relative name)
    ("pdf/eigen.pdf", "/p/docs/pdf/eigen.pdf", False),
    ("assets/stylesheets/werkboek.css", "/p/overrides/assets/stylesheets/werkboek.css", False),
    ("pdf/x.css", None, False),
])
def test_print_templates_are_not_published(uri, path, expected):
    assert print_only(uri, path) is expected
