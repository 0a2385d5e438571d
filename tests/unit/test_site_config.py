"""What the post-build step reads from mkdocs.yml without MkDocs (werkboek/publish/site_config.py): the pages in navigation
order with their URLs (the book's order), and the title and copyright as a gemeente's version shows them."""
from __future__ import annotations

import shutil

import yaml

from werkboek import ROOT
from werkboek.publish.site_config import nav_sources, read_site_config


def test_the_navigation_order_and_urls_are_those_of_mkdocs_yml():
    config = read_site_config(ROOT / "mkdocs.yml")
    data = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config.pages[0] == ("index.md", "index.html") and config.docs_dir == ROOT / "docs"
    assert [src for src, _ in config.pages] == nav_sources(data["nav"])
    assert all(url == src.removesuffix(".md") + ".html" for src, url in config.pages)  # use_directory_urls: false
    assert config.title == data["site_name"] and config.copyright == data["copyright"]


def test_nested_sections_and_external_links():
    nav = [{"Home": "index.md"}, {"Deel": ["a.md", {"B": "b/index.md"}, {"Elders": "https://example.org/"}]}, "c.md"]
    assert nav_sources(nav) == ["index.md", "a.md", "b/index.md", "c.md"]


def test_directory_urls_and_a_gemeentes_title(tmp_path, monkeypatch):
    (tmp_path / "docs").mkdir()
    for folder in ("forms", "voorbeelden"):  # the gemeente file is checked against the forms; its logo
        shutil.copytree(ROOT / folder, tmp_path / folder)
    (tmp_path / "mkdocs.yml").write_text("site_name: Werkboek\ncopyright: Tekst\nnav:\n  - index.md\n  - x/index.md\n"
                                         "  - y.md\n", encoding="utf-8")
    (tmp_path / "gemeente.yml").write_text((ROOT / "voorbeelden" / "gemeente-voorbeeld.yml").read_text(
        encoding="utf-8"), encoding="utf-8")
    monkeypatch.delenv("WERKBOEK_GEMEENTE", raising=False)
    config = read_site_config(tmp_path / "mkdocs.yml")
    assert config.pages == [("index.md", ""), ("x/index.md", "x/"), ("y.md", "y/")]
    assert config.lokaal is not None and config.title == config.lokaal.site_titel
    assert config.copyright == f"Lokale versie: {config.lokaal.naam}. Tekst"
