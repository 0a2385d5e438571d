"""Placeholders for PDF labels (werkboek/pdf/labels.py): pages are written before the PDFs exist, and the post-build
step fills every placeholder in every text file of the site once they do — as the pages show them, and escaped for
JSON in the search index. A placeholder naming a PDF the site does not hold stops with a Dutch message."""
from __future__ import annotations

import json

import pikepdf
import pytest

from werkboek.book.build import without_markers, written_content
from werkboek.errors import DataError
from werkboek.pages.hyphenation import hyphenate_headings
from werkboek.pdf.document import pages_label, size_label
from werkboek.pdf.labels import FIELDS, PLACEHOLDER, Planned, fill_site, leftovers, placeholder, planned_worksheets


def _pdf(path, pages: int) -> int:
    path.parent.mkdir(parents=True, exist_ok=True)
    with pikepdf.new() as pdf:
        for _ in range(pages):
            pdf.add_blank_page()
        pdf.save(path)
    return path.stat().st_size


@pytest.fixture
def site(tmp_path):
    sizes = {"werkbladen/a.pdf": _pdf(tmp_path / "werkbladen" / "a.pdf", 1),
             "downloads/b.pdf": _pdf(tmp_path / "downloads" / "b.pdf", 3)}
    return tmp_path, sizes


def test_a_placeholder_passes_markdown_and_names_no_word():
    text = placeholder("werkbladen/signaleringskaart.pdf", "grootte")
    assert PLACEHOLDER.fullmatch(text)
    assert text.isascii() and not any(c in text for c in "<>&\"'*_[]()`\\")
    assert "signaleringskaart" not in text  # no word a glossary or cross-reference could match


def test_every_placeholder_is_filled_in_pages_and_search_index(site):
    site_dir, sizes = site
    a, b = Planned("werkbladen/a.pdf"), Planned("downloads/b.pdf")
    page = site_dir / "index.html"
    page.write_text(f"<p>PDF, {a.pages_label}, {a.size_label}</p><td>{b.pages}</td><span>({b.label})</span>",
                    encoding="utf-8")
    index = site_dir / "search" / "search_index.json"
    index.parent.mkdir()
    index.write_text(json.dumps({"docs": [{"text": f"PDF, {b.pages_label}, {b.size_label}"}]}), encoding="utf-8")
    script = site_dir / "search" / "search_index.js"
    script.write_text("var __index = " + index.read_text(encoding="utf-8"), encoding="utf-8")

    originals = fill_site(site_dir)

    assert set(originals) == {page, index, script}
    assert leftovers(site_dir) == []
    assert page.read_text(encoding="utf-8") == (
        f"<p>PDF, 1 pagina, {size_label(sizes['werkbladen/a.pdf'])}</p><td>3</td>"
        f"<span>(PDF, 3 pagina’s, {size_label(sizes['downloads/b.pdf'])})</span>")
    expected = f"PDF, {pages_label(3)}, {size_label(sizes['downloads/b.pdf'])}"
    assert json.loads(index.read_text(encoding="utf-8"))["docs"][0]["text"] == expected
    assert "\\u2019" in index.read_text(encoding="utf-8")  # escaped as the search plugin writes it
    assert json.loads(script.read_text(encoding="utf-8").removeprefix("var __index = "))["docs"][0]["text"] == expected


def test_every_field_of_every_planned_worksheet_has_a_value(site):
    site_dir, _ = site
    page = site_dir / "werkbladen.html"
    planned = planned_worksheets({"a": None})["a"]
    page.write_text(" ".join(placeholder(planned.site_path, f) for f in FIELDS), encoding="utf-8")
    fill_site(site_dir)
    assert leftovers(site_dir) == []


def test_an_unknown_placeholder_stops_with_a_dutch_message_and_writes_nothing(site):
    site_dir, _ = site
    good = site_dir / "a.html"
    good.write_text(Planned("werkbladen/a.pdf").size_label, encoding="utf-8")
    unfilled = good.read_text(encoding="utf-8")
    bad = site_dir / "training-geven.html"
    text = f"<p>{Planned('downloads/bestaat-niet.pdf').label}</p>"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as err:
        fill_site(site_dir)
    message = str(err.value)
    assert message.startswith("training-geven.html: de plaatshouder @@pdf-")
    assert "noemt een PDF die de site niet bevat" in message
    assert bad.read_text(encoding="utf-8") == text and good.read_text(encoding="utf-8") == unfilled


def test_an_unknown_field_stops_too(site):
    site_dir, _ = site
    (site_dir / "a.html").write_text(Planned("werkbladen/a.pdf").pages.replace("paginas", "kleur"), encoding="utf-8")
    with pytest.raises(DataError, match="onbekend veld"):
        fill_site(site_dir)


def test_an_empty_pdf_is_a_pdf_that_was_not_made(site):
    site_dir, _ = site
    (site_dir / "downloads" / "leeg.pdf").write_bytes(b"")
    with pytest.raises(DataError, match="downloads/leeg.pdf: deze PDF is niet gemaakt"):
        fill_site(site_dir)


def test_the_book_reads_a_written_page_as_its_content_was():
    """The page as shown has soft hyphens in its headings; the book reads the content without them."""
    content = '<h2 id="s10-3">10.3 Reflector Ondersteuningsvaardigheden</h2>\n<p>Tekst &amp; meer</p>\n'
    page = hyphenate_headings(f"<html><body><h1>Kop</h1><!--werkboek:inhoud-->{content}<!--/werkboek:inhoud-->"
                              "</body></html>")
    assert "\u00ad" in page
    assert written_content(page) == content
    assert without_markers(page) == page.replace("<!--werkboek:inhoud-->", "").replace("<!--/werkboek:inhoud-->", "")
    assert written_content(without_markers(page)) is None  # a page not rewritten (serve --dirty): no book
