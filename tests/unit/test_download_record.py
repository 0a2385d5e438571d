"""The post-build step's record (werkboek/publish/record.py): every file the downloads are made from is in its key,
and a record is only used whole."""
from __future__ import annotations

import shutil
from dataclasses import replace

import pytest

from werkboek.publish import record as download_record
from werkboek.publish.record import Record, record_key, restore, save
from werkboek.publish.site_config import SiteConfig

# A tiny project with one file in every place the key reads (the theme and the code are pointed at its own folders).
FILES = {
    "forms/vragenlijst.yml": "titel: Vragenlijst\n",
    "data/training.yml": "bijeenkomsten: []\n",
    "docs/01-inleiding.md": "# 1 Inleiding\n",
    "docs/assets/logo.svg": "<svg/>",
    "overrides/pdf/werkblad.html": "<p>{{ titel }}</p>",
    "hooks/gemeente.py": "x = 1\n",
    "werkboek/werkblad/pdf.py": "y = 2\n",
    "mkdocs.yml": "site_name: Werkboek\n",
    "gemeente.yml": "naam: Ergens\n",
    "site/01-inleiding.html": "<h1>1 Inleiding</h1>",
    "site/bijlagen/bijlage-1.html": "<h1>Bijlage 1</h1>",
}


class Gemeente:
    def __init__(self, naam):
        self.naam = naam

    def cache_key(self):
        return {"naam": self.naam}


def _project(root, monkeypatch):
    for name, text in FILES.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    monkeypatch.setattr(download_record, "TEMPLATES_DIR", root / "overrides")
    monkeypatch.setattr(download_record, "CODE_DIR", root / "werkboek")
    return SiteConfig(root=root, docs_dir=root / "docs", title="Werkboek", description="", copyright="",
                      pages=[("01-inleiding.md", "01-inleiding.html")], lokaal=Gemeente("Ergens"))


def _key(config, epoch=1700000000):
    return record_key(config.root / "site", config, config.root / "mkdocs.yml", epoch)


@pytest.mark.parametrize("name", sorted(FILES))
def test_a_change_to_any_file_the_downloads_are_made_from_changes_the_key(tmp_path, monkeypatch, name):
    config = _project(tmp_path, monkeypatch)
    before = _key(config)
    with open(tmp_path / name, "a", encoding="utf-8") as f:
        f.write(" ")
    assert _key(config) != before


def test_a_new_file_changes_the_key(tmp_path, monkeypatch):
    config = _project(tmp_path, monkeypatch)
    before = _key(config)
    (tmp_path / "docs" / "assets" / "foto.png").write_bytes(b"\x89PNG")
    assert _key(config) != before


@pytest.mark.parametrize("change", [
    lambda c: replace(c, title="Ander werkboek"),
    lambda c: replace(c, description="Iets"),
    lambda c: replace(c, copyright="© Ergens"),
    lambda c: replace(c, pages=[]),
    lambda c: replace(c, lokaal=Gemeente("Elders")),
    lambda c: replace(c, lokaal=None),
    lambda c: replace(c, directory_urls=False),
])
def test_the_sites_settings_and_the_gemeente_are_in_the_key(tmp_path, monkeypatch, change):
    config = _project(tmp_path, monkeypatch)
    assert _key(change(config)) != _key(config)


def test_the_date_of_the_build_and_the_pdf_libraries_are_in_the_key(tmp_path, monkeypatch):
    config = _project(tmp_path, monkeypatch)
    before = _key(config)
    assert _key(config, epoch=1700000001) != before
    monkeypatch.setattr(download_record, "library_versions", lambda: {"weasyprint": "0"})
    assert _key(config) != before


def test_the_key_does_not_depend_on_where_the_project_is(tmp_path, monkeypatch):
    """A copy of the project (a test's copy, a CI checkout elsewhere) with the same files has the same key."""
    config = _project(tmp_path / "hier", monkeypatch)
    first = _key(config)
    shutil.copytree(tmp_path / "hier", tmp_path / "daar")
    other = _project(tmp_path / "daar", monkeypatch)
    assert _key(other) == first


def _made(site):
    files = {"werkbladen/a.pdf": b"%PDF a", "werkbladen/a.pdf.js": b"var a;", "downloads/boek.pdf": b"%PDF boek"}
    for name, data in files.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_bytes(data)
    return files, Record(sorted(files), {"abc": {"label": "PDF, 1 pagina, 1 kB"}}, 1, 0, "PDF, 1 pagina, 1 kB")


def test_a_record_gives_back_every_file_and_label(tmp_path):
    files, record = _made(tmp_path / "site")
    save(tmp_path / "opslag", "sleutel", tmp_path / "site", record)
    new = tmp_path / "nieuw"
    for name in files:  # as the hook announces them: empty
        (new / name).parent.mkdir(parents=True, exist_ok=True)
        (new / name).write_bytes(b"")
    back = restore(tmp_path / "opslag", "sleutel", new)
    assert back is not None
    assert {name: (new / name).read_bytes() for name in files} == files
    assert (back.labels, back.worksheets, back.book) == (record.labels, 1, "PDF, 1 pagina, 1 kB")
    assert restore(tmp_path / "opslag", "andere-sleutel", new) is None


@pytest.mark.parametrize("damage", ["index", "bestand weg", "bestand korter"])
def test_an_unfinished_or_damaged_record_is_never_used(tmp_path, damage):
    files, record = _made(tmp_path / "site")
    save(tmp_path / "opslag", "sleutel", tmp_path / "site", record)
    folder = tmp_path / "opslag" / "sleutel"
    if damage == "index":
        (folder / download_record.INDEX).unlink()
    elif damage == "bestand weg":
        (folder / "bestanden" / "werkbladen" / "a.pdf").unlink()
    else:
        (folder / "bestanden" / "downloads" / "boek.pdf").write_bytes(b"%PDF")
    new = tmp_path / "nieuw"
    new.mkdir()
    assert restore(tmp_path / "opslag", "sleutel", new) is None
    assert list(new.iterdir()) == []  # nothing written


def test_only_the_newest_records_are_kept(tmp_path):
    _, record = _made(tmp_path / "site")
    keys = [f"sleutel-{i}" for i in range(download_record.KEEP + 2)]
    for key in keys:
        save(tmp_path / "opslag", key, tmp_path / "site", record)
    kept = sorted(p.name for p in (tmp_path / "opslag").iterdir())
    assert len(kept) == download_record.KEEP and keys[-1] in kept


def test_a_pipe_in_a_folder_is_never_read(tmp_path, monkeypatch):
    """A fork's docs/ holding a named pipe (or a link to a device) would make reading it wait for ever."""
    import os

    config = _project(tmp_path, monkeypatch)
    before = _key(config)
    os.mkfifo(tmp_path / "docs" / "pijp")
    (tmp_path / "docs" / "apparaat").symlink_to("/dev/zero")
    assert _key(config) == before
