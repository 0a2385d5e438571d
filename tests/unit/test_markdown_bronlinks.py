"""The fork guide's source links as a Python-Markdown extension, run with plain `markdown.markdown()` (no MkDocs):
links where the build knows the repository, none where it does not, only on the fork guide itself."""
from __future__ import annotations

import markdown
import pytest

from werkboek.gemeente.repository import OMGEVING
from werkboek.markdown import TekstFout

GUIDE = "# Een eigen versie maken\n\n## Stap 1\n\n<!-- bron: the links go here -->\n\n1. Open de pagina.\n"


@pytest.fixture
def docs(tmp_path):
    (tmp_path / "eigen-versie.md").write_text(GUIDE, encoding="utf-8")
    (tmp_path / "05-herkennen.md").write_text("# 5 Herkennen\n", encoding="utf-8")
    return tmp_path


def convert(text: str, docs) -> str:
    return markdown.markdown(text, extensions=["toc", "werkboek.markdown.bronlinks"],
                             extension_configs={"werkboek.markdown.bronlinks": {"docs_dir": str(docs)}})


def test_the_fork_guide_links_to_the_repository_the_build_knows(docs, monkeypatch):
    monkeypatch.setenv(OMGEVING, "https://github.com/gemeente/werkboek")
    html = convert(GUIDE, docs)
    assert '<a href="https://github.com/gemeente/werkboek/fork">' in html and "<!--" not in html
    other = convert("# 5 Herkennen\n\n<!-- bron: a choice of this edition -->\n", docs)
    assert "<!-- bron: a choice of this edition -->" in other and "github" not in other, "only on the fork guide"


def test_without_a_known_repository_the_guide_keeps_its_text_and_links_nowhere(docs, monkeypatch):
    monkeypatch.delenv(OMGEVING, raising=False)
    html = convert(GUIDE, docs)
    assert "<a " not in html and "<!--" not in html and "Open de pagina." in html


def test_a_strange_repository_address_stops_the_build(docs, monkeypatch):
    monkeypatch.setenv(OMGEVING, "javascript:alert(1)")
    with pytest.raises(TekstFout, match=f"{OMGEVING}=.*geen adres van een repository"):
        convert(GUIDE, docs)
