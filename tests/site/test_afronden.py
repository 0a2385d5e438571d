"""The post-build step without MkDocs (`python -m werkboek afronden SITE_DIR --naar MAP`, werkboek/publish/finish.py): a
site whose pages were written without the step (as another engine would write them: placeholders for every PDF's
pages and size, the content markers) is finished into exactly the site the MkDocs build publishes — every file,
byte for byte — and MkDocs is never imported."""
from __future__ import annotations

import filecmp
import re
import shutil
import subprocess
import sys

import pytest
import yaml
from conftest import ENV, copy_project

from werkboek.pdf.labels import leftovers
from werkboek.publish.swap import MARKER

RUN = """
import sys
from werkboek.cli import main
code = main(sys.argv[1:])
assert not [m for m in sys.modules if m == "mkdocs" or m.startswith("mkdocs.")], "MkDocs geïmporteerd"
sys.exit(code)
"""


def _files(folder):
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def _pages_without_the_step(built_project, tmp_path):
    """A copy of the project and its pages as MkDocs writes them without hooks/finish.py (as another engine would)."""
    project = copy_project(tmp_path / "project")
    shutil.copytree(built_project / ".cache", project / ".cache")  # this session's PDFs: the step reuses them
    hooks = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))["hooks"]
    assert "hooks/finish.py" in hooks
    (project / "alleen-paginas.yml").write_text(
        "INHERIT: mkdocs.yml\nstrict: false\nhooks:\n" + "".join(f"  - {h}\n" for h in hooks
                                                                 if h != "hooks/finish.py"), encoding="utf-8")
    pages = project / "paginas"
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-f", str(project / "alleen-paginas.yml"), "-d", str(pages)],
                            cwd=project, capture_output=True, text=True, env=ENV)
    assert result.returncode == 0, result.stderr[-3000:]
    return project, pages


@pytest.mark.slow
def test_without_pdfs_the_step_serves_the_pages_and_still_guards_them(built_project, built_site, tmp_path):
    """`--zonder-pdf` (the benchmark's build without PDFs): no download is made and the placeholders stay, but the
    pages are served exactly as in the full build where they name no PDF, and the privacy guard still runs."""
    project, pages = _pages_without_the_step(built_project, tmp_path)
    hostile = shutil.copytree(pages, project / "vijandig")
    page = hostile / "01-inleiding.html"
    page.write_text(page.read_text(encoding="utf-8").replace(
        "</head>", '<script src="https://volg.example/t.js"></script></head>'), encoding="utf-8")
    refused = subprocess.run([sys.executable, "-c", RUN, "afronden", str(hostile), "--zonder-pdf"],
                             cwd=project, capture_output=True, text=True, env=ENV)
    assert refused.returncode != 0 and "andere server" in refused.stderr + refused.stdout
    assert "volg.example" in refused.stderr + refused.stdout

    final = project / "klaar"
    result = subprocess.run([sys.executable, "-c", RUN, "afronden", str(pages), "--zonder-pdf", "--naar", str(final)],
                            cwd=project, capture_output=True, text=True, env=ENV)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert [f for f in _files(final) if f.endswith((".pdf", ".zip"))] == []
    assert "training-geven.html" in leftovers(final)
    served = [f for f in _files(final) if f.endswith(".html")]
    assert served == [f for f in _files(built_site) if f.endswith(".html")]
    for name in served:
        text = (final / name).read_text(encoding="utf-8")
        assert "werkboek:inhoud" not in text, name
        if name not in leftovers(final):
            assert text == (built_site / name).read_text(encoding="utf-8"), name


@pytest.mark.slow
def test_the_step_finishes_pages_written_without_it_into_the_built_site(built_project, built_site, tmp_path):
    project, pages = _pages_without_the_step(built_project, tmp_path)
    assert "training-geven.html" in leftovers(pages) and "search/search_index.json" in leftovers(pages)
    assert not (pages / "downloads" / "werkboek.pdf").exists()

    in_place = project / "ter-plekke"
    shutil.copytree(pages, in_place)
    final = project / "klaar"
    result = subprocess.run([sys.executable, "-c", RUN, "afronden", str(pages), "--naar", str(final)],
                            cwd=project, capture_output=True, text=True, env=ENV)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    result = subprocess.run([sys.executable, "-c", RUN, "afronden", str(in_place)],  # no --naar: finished in place
                            cwd=project, capture_output=True, text=True, env=ENV)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]

    assert not pages.exists(), "de map met pagina's is de site geworden"
    assert not (final / MARKER).exists() and leftovers(final) == []
    ours, theirs = set(_files(final)), set(_files(built_site))
    assert ours == theirs, (sorted(ours - theirs), sorted(theirs - ours))
    for finished in (final, in_place):
        match, mismatch, errors = filecmp.cmpfiles(finished, built_site, _files(built_site), shallow=False)
        assert mismatch == [] and errors == [] and _files(finished) == _files(built_site), (finished, mismatch, errors)


@pytest.mark.slow
def test_the_step_refuses_a_folder_without_a_site(tmp_path):
    result = subprocess.run([sys.executable, "-m", "werkboek", "afronden", str(tmp_path)], capture_output=True,
                            text=True, env=ENV)
    assert result.returncode == 1 and "hier staat geen gebouwde site (index.html ontbreekt)" in result.stderr


PDF_LINE = re.compile(r"^INFO\s+-\s+(?:werkblad\s+[\d.]+ |pakket \d+: |werkboek downloads/)([\w-]+\.pdf):.*\(gemaakt\b", re.M)


def test_a_clean_build_renders_every_pdf_once(build_log, built_site):
    """Worksheets, pack parts, packs and the book: one "gemaakt" line per PDF of the site, none twice (the packs
    reuse the worksheets' PDFs; the book renders once, in its own process)."""
    made = PDF_LINE.findall(build_log)
    assert sorted(made) == sorted(p.name for p in built_site.rglob("*.pdf")), made
