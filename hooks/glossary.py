"""Begrippenlijst terms show their definition on hover and on keyboard focus. The definitions are read from
docs/begrippenlijst.md itself (one source) and written once, as a script (werkboek/glossary.py); the first
occurrence of a term in each section is marked."""
from __future__ import annotations

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from werkboek.glossary import DEFINITIONS_JS, definitions_script, mark_terms, parse_definitions

GLOSSARY = "begrippenlijst.md"
_terms: dict[str, str] = {}


def on_files(files, config):
    _terms.clear()
    file = files.get_file_from_path(GLOSSARY)
    if file is None:
        return files
    with open(file.abs_src_path, encoding="utf-8") as f:
        _terms.update(parse_definitions(f.read()))
    if not _terms:
        raise PluginError(f"{GLOSSARY}: geen begrippen gevonden; verwacht een lijst 'Begrip' met ': definitie' eronder")
    files.append(File.generated(config, DEFINITIONS_JS, content=definitions_script(_terms)))
    return files


def on_page_markdown(markdown, page, config, files):
    # The terms are the begrippenlijst's search tags (Material's search ranks a tag above any title or text), so
    # searching a term finds its definition first; the theme shows no tags on the page itself (no tags plugin).
    if page.file.src_uri == GLOSSARY and _terms:
        page.meta["tags"] = list(_terms)
    return markdown


def on_page_content(html, page, config, files):
    if not _terms or page.file.src_uri == GLOSSARY:
        return html
    return mark_terms(html, _terms)
