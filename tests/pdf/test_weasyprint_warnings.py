"""A WeasyPrint warning (an unknown CSS property, a missing font or image) is not ignored: it is a warning under
MkDocs' logger, so a strict build fails; a PDF made with one is never cached; and a test during which WeasyPrint
warns fails (tests/conftest.py, like WeasyPrint's own assert_no_logs)."""
from __future__ import annotations

import logging

import pytest
from conftest import mkdocs_build

from werkboek.pdf import weasy

BAD = '<html lang="nl"><body><p style="accent-color: red">Tekst</p></body></html>'


@pytest.mark.weasyprint_warns
def test_a_weasyprint_warning_is_logged_under_mkdocs(caplog):
    with caplog.at_level(logging.WARNING):
        weasy.write_pdf(BAD, name="proef")
    ours = [r for r in caplog.records if r.name.startswith("mkdocs.") and r.levelno == logging.WARNING]
    assert len(ours) == 1 and "accent-color" in ours[0].getMessage() and "proef" in ours[0].getMessage()


@pytest.mark.weasyprint_warns
def test_a_pdf_made_with_a_warning_is_not_cached(tmp_path):
    first = weasy.render(BAD, tmp_path, "proef")
    assert first[1] == "gemaakt" and list(tmp_path.iterdir()) == []
    assert weasy.render(BAD, tmp_path, "proef")[1] == "gemaakt"
    done = weasy.reuse(tmp_path / "klaar.pdf", lambda: weasy.write_pdf(BAD))
    assert done[1] == "gemaakt" and not (tmp_path / "klaar.pdf").exists()


def test_a_clean_pdf_is_cached(tmp_path):
    html = BAD.replace(' style="accent-color: red"', "")
    assert weasy.render(html, tmp_path, "proef")[1] == "gemaakt"
    assert weasy.render(html, tmp_path, "proef")[1] == "ongewijzigd"


@pytest.mark.slow
def test_a_weasyprint_warning_fails_a_strict_build(project_copy):
    page = project_copy / "docs" / "01-inleiding.md"
    page.write_text(page.read_text(encoding="utf-8") + '\n<p style="accent-color: red">Proef.</p>\n', encoding="utf-8")
    site = project_copy / "site"
    result = mkdocs_build(project_copy, site)
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "WeasyPrint" in output and "accent-color" in output
    assert not site.exists()


@pytest.mark.weasyprint_warns
def test_a_warning_in_the_books_own_process_is_logged_and_counted_here(caplog, tmp_path):
    """The post-build step renders the book in a second process (werkboek/publish/finish.py): what WeasyPrint says there
    reaches this process's log under mkdocs (a strict build fails on it) and its warning count (the command line)."""
    from werkboek.publish.finish import _Book

    before = weasy.warnings_seen()
    with caplog.at_level(logging.WARNING), _Book(True, (BAD, tmp_path / "boek.pdf", None, "Boek", 0, "")) as book:
        assert book.future is not None and book.pool._mp_context.get_start_method() == "spawn"
        info, seconds = book.result()
    assert info.pages == 1 and (tmp_path / "boek.pdf").read_bytes()[:5] == b"%PDF-" and seconds > 0
    ours = [r for r in caplog.records if r.name.startswith("mkdocs.") and r.levelno == logging.WARNING]
    assert len(ours) == 1 and "accent-color" in ours[0].getMessage()
    assert weasy.warnings_seen() == before + 1
