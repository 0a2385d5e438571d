"""What "Mijn antwoorden" and the worksheets' script rest on, without a browser: the page lists every worksheet with
fields, each with its fields exactly as its form has them (checked against the independent oracle of the data),
its place and its blank PDF; the worksheets link to the page; how 6.10's answers moved is web only (the PDF and the
book's markup have no place for it)."""
from __future__ import annotations

import html
import json
import re

import pytest

from conftest import ROOT
from fields_oracle import expected_fields
from werkboek.pages import macros
from werkboek.pages.antwoorden import PAGE, form_fields
from werkboek.werkblad.web import render_form


@pytest.fixture(scope="module")
def context():
    return macros.load_context(ROOT, ROOT / "docs")


def _kind(kind, options):
    return {"text": "tekst", "checkbox": "vink"}.get(kind, options)


@pytest.mark.parametrize("ident", sorted(macros.load_instruments()))
def test_the_fields_read_from_a_form_are_its_fields(context, ident):
    form = macros.instrument(context, "05-herkennen.md", ident)
    want = {name: _kind(kind, options) for name, (kind, options) in expected_fields(context.instruments[ident]).items()}
    assert form_fields(form) == want


def test_the_page_lists_every_worksheet_with_fields_with_its_place_and_pdf(context):
    out = macros.mijn_antwoorden(context, PAGE)
    rows = re.findall(r'<tr data-instrument="([^"]+)" data-versie="[0-9a-f]{12}" data-pdf="([^"]+)" '
                      r'data-velden="([^"]+)" hidden>.*?<a href="([^"]+)">', out, re.S)
    with_fields = sorted(i for i, item in context.instruments.items() if expected_fields(item))
    assert sorted(r[0] for r in rows) == with_fields
    chapters = context.chapter_urls()
    for ident, pdf, fields, link in rows:
        item = context.instruments[ident]
        assert pdf == f"werkbladen/{ident}.pdf"
        assert link == f"{chapters[item.hoofdstuk]}#werkblad-{ident}"
        assert json.loads(html.unescape(fields)) == {
            name.removeprefix(f"{ident}__"): _kind(kind, options)
            for name, (kind, options) in expected_fields(item).items()}


def test_every_worksheet_links_to_the_page_and_speaks_to_its_reader_as_u(context):
    for ident in context.instruments:
        form = macros.instrument(context, "kennisbronnen/index.md", ident)
        if 'data-actie="download"' not in form:
            continue
        assert f'<a href="../{PAGE.replace(".md", ".html")}">Mijn antwoorden</a>' in form
        shown = re.sub(r"<[^>]+>", " ", form[form.index('class="werkblad__download"'):])
        assert not re.search(r"\b(je|jij|jouw)\b", shown, re.I), shown


def test_how_the_answers_moved_is_on_the_web_only(context):
    ident = "reflector-voel-ik-me-eenzaam"
    ctx = macros.instrument_context(context, "06-bespreekbaar-maken.md", ident)
    web = render_form("web", **ctx)
    assert web.count('class="schaal__verschillen"') == 1
    for medium in ("pdf", "boek"):
        assert "schaal__verschil" not in render_form(medium, **ctx), medium
