"""No cache serves a stale PDF: every cache key comes from werkboek.pdf.weasy.cache_key(), which covers the data, the
templates, styles and fonts, the code that renders and finishes PDFs and the PDF libraries' versions. Tests build in
a copy of the project, never with the developer's .cache/."""
from __future__ import annotations

import re
import shutil

import pytest
from conftest import copy_project, mkdocs_build
from pypdf import PdfReader

from werkboek.pdf import weasy
from werkboek.werkblad.loader import load_instruments

pytestmark = pytest.mark.slow
MARKER = "opnieuw gemaakt door de test"
# One progress line per PDF: worksheets, pack parts and packs, the book; each ends in (gemaakt) or (ongewijzigd …).
PDF_LINE = re.compile(r"^INFO\s+-\s+(werkblad|pakket|werkboek) .*\((gemaakt|ongewijzigd)\b", re.M)


def pdf_lines(log: str) -> list[tuple[str, str, str]]:
    """(kind, line, status) of every PDF progress line."""
    return [(m.group(1), m.group(0), m.group(2)) for m in PDF_LINE.finditer(log)]


def test_the_tests_build_starts_without_any_cache(build_log):
    lines = pdf_lines(build_log)
    assert len([kind for kind, _, _ in lines if kind == "werkblad"]) == len(load_instruments())
    assert {kind for kind, _, _ in lines} == {"werkblad", "pakket", "werkboek"}
    assert [line for _, line, status in lines if status != "gemaakt"] == []


def test_a_change_to_the_finishing_code_remakes_every_pdf(built_project, built_site, tmp_path):
    project = copy_project(tmp_path / "project", built_project)
    shutil.copytree(built_project / ".cache", project / ".cache")  # everything cached from the first build
    code = project / "werkboek" / "pdf" / "document.py"
    text = code.read_text(encoding="utf-8")
    anchor = '    pdf.docinfo["/Title"] = title\n'
    assert anchor in text
    code.write_text(text.replace(anchor, anchor + f'    pdf.docinfo["/Keywords"] = "{MARKER}"\n'), encoding="utf-8")

    site = project / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    before = sorted(p.relative_to(built_site).as_posix() for p in built_site.rglob("*.pdf"))
    after = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.pdf"))
    assert after == before and any(p.startswith("downloads/bijeenkomst-") for p in after)
    stale = [name for name in after if (PdfReader(site / name).metadata or {}).get("/Keywords") != MARKER]
    assert stale == [], f"niet opnieuw gemaakt na een wijziging van finalize(): {stale}"
    assert [line for _, line, status in pdf_lines(result.stdout + result.stderr) if status != "gemaakt"] == []


@pytest.mark.parametrize("library", weasy.LIBRARIES)
def test_the_cache_key_changes_with_each_pdf_librarys_version(monkeypatch, library):
    key = weasy.cache_key("html")
    real = weasy.version
    monkeypatch.setattr(weasy, "version", lambda name: real(name) + ".anders" if name == library else real(name))
    weasy.library_versions.cache_clear()  # read once per process: this process "upgrades" a library
    try:
        assert weasy.cache_key("html") != key
    finally:
        monkeypatch.undo()
        weasy.library_versions.cache_clear()
    assert weasy.cache_key("html") == key


def test_the_cache_key_changes_with_the_data():
    assert weasy.cache_key("a", "b") != weasy.cache_key("a", "c")
    assert weasy.cache_key("ab") != weasy.cache_key("a", "b")


RECORDED = "ongewijzigd sinds een vorige build"


def _site_files(site):
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def test_a_build_without_changes_writes_the_recorded_downloads_and_an_edit_is_never_served_stale(project_copy,
                                                                                                  built_site):
    """The post-build step's record (werkboek/publish/record.py): a build in which nothing changed makes no PDF
    and opens none, and publishes exactly the site the first build did; after an edit to a form, its worksheet
    and everything holding it are made again, and the next build without changes uses the new record."""
    site = project_copy / "site"
    same = mkdocs_build(project_copy, site)
    assert same.returncode == 0, same.stdout + same.stderr
    assert RECORDED in same.stderr and pdf_lines(same.stderr) == []
    assert _site_files(site) == _site_files(built_site)

    form = project_copy / "forms" / "concreet-vervolg.yml"
    form.write_text(form.read_text(encoding="utf-8").replace("kop: Tijdsplanning", "kop: Planning in de tijd"),
                    encoding="utf-8")
    edited = mkdocs_build(project_copy, site)
    assert edited.returncode == 0, edited.stdout + edited.stderr
    assert RECORDED not in edited.stderr
    made = {re.search(r"(\S+\.pdf):", line).group(1) for kind, line, status in pdf_lines(edited.stderr)
            if kind == "werkblad" and status == "gemaakt"}
    assert made == {"concreet-vervolg.pdf"}
    text = " ".join(" ".join(page.extract_text().split())
                    for page in PdfReader(site / "werkbladen" / "concreet-vervolg.pdf").pages)
    assert "Planning in de tijd" in text and "Tijdsplanning" not in text
    after_edit = _site_files(site)

    again = mkdocs_build(project_copy, site)
    assert again.returncode == 0, again.stdout + again.stderr
    assert RECORDED in again.stderr and pdf_lines(again.stderr) == []
    assert _site_files(site) == after_edit
