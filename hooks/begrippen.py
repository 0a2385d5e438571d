"""Begrippenlijst, the two MkDocs-specific parts (the terms in the text: werkboek/markdown/begrippen.py): the
generated definitions script that begrippen.js reads, and the terms as the begrippenlijst's search tags (Material's
search ranks a tag above any title or text, so searching a term finds its definition first; the theme shows no tags
on the page itself)."""
from __future__ import annotations

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from werkboek.errors import DataError
from werkboek.pages.begrippen import DEFINITIONS_JS, GLOSSARY_PAGE, definitions_script, glossary_terms

_terms: dict[str, str] = {}
_state = {"page": GLOSSARY_PAGE}


def on_files(files, config):
    _terms.clear()
    # the page the begrippen extension reads (mkdocs.yml), so both agree
    page = _state["page"] = config.mdx_configs.get("werkboek.markdown.begrippen", {}).get("begrippenlijst",
                                                                                         GLOSSARY_PAGE)
    file = files.get_file_from_path(page)
    if file is not None:
        try:
            _terms.update(glossary_terms(page, file.content_string))
        except DataError as exc:
            raise PluginError(str(exc)) from None
        files.append(File.generated(config, DEFINITIONS_JS, content=definitions_script(_terms)))
    return files


def on_page_markdown(markdown, page, config, files):
    if page.file.src_uri == _state["page"] and _terms:
        page.meta["tags"] = list(_terms)
    return markdown
