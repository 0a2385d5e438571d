"""Begrippenlijst terms show their definition on hover and on keyboard focus. The definitions are read from
docs/begrippenlijst.md itself (one source); the first occurrence of a term in each section is marked.

The definitions are not in the pages' text (so search finds a definition on the begrippenlijst only, and a page
carries one element per term): each term is a button naming its term, every page with terms has one shared, empty
tooltip, and begrippen.js fills it from one generated script file (DEFINITIONS_JS; a script, not JSON, so it also
loads from file:// in the offline copy)."""
from __future__ import annotations

import json
import re

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from markupsafe import Markup

from werkboek.htmltext import map_text
from werkboek.render import template_env

GLOSSARY = "begrippenlijst.md"
SECTION = re.compile(r"(?=<h[12] id=\")")
DEFINITIONS_JS = "assets/javascripts/begrippen-definities.js"
TOOLTIP_ID = "begrip-uitleg"
_terms: dict[str, str] = {}


def parse_definitions(markdown: str) -> dict[str, str]:
    """A Markdown definition list ("Term" then ": definition") → {term: definition}."""
    terms, lines = {}, markdown.splitlines()
    for n, line in enumerate(lines[:-1]):
        nxt = lines[n + 1]
        if line.strip() and not line.startswith((":", "#", " ", "<", "!")) and nxt.startswith(": "):
            text = [nxt[2:].strip()]
            for more in lines[n + 2:]:
                if not more.startswith("    "):
                    break
                text.append(more.strip())
            terms[line.strip()] = " ".join(text)
    return terms


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


def definitions_script(terms: dict[str, str]) -> str:
    """The definitions as a script that begrippen.js reads (window.werkboekBegrippen = {term: definition})."""
    return f"window.werkboekBegrippen = {json.dumps(terms, ensure_ascii=False, sort_keys=True)};\n"


def _pattern(term: str) -> re.Pattern:
    return re.compile(r"(?<![\w-])(" + re.escape(term) + r")(s|en)?(?![\w-])", re.I)


def on_page_content(html, page, config, files):
    if not _terms or page.file.src_uri == GLOSSARY:
        return html
    patterns = {term: _pattern(term) for term in sorted(_terms, key=len, reverse=True)}
    button = template_env().get_template("partials/begrip.html")

    def mark_section(section: str) -> str:
        done: set[str] = set()

        def in_text(text: str) -> str:
            for term, pattern in patterns.items():
                if term in done:
                    continue
                m = pattern.search(text)
                if not m:
                    continue
                done.add(term)
                tip = button.render(uitleg_id=TOOLTIP_ID, tekst=Markup(m.group(0)), term=term)
                # Keep looking for other terms in the text on both sides of this one.
                return in_text(text[: m.start()]) + tip + in_text(text[m.end():])
            return text

        return map_text(section, in_text)

    marked = "".join(mark_section(s) for s in SECTION.split(html))
    if marked == html:
        return html
    return marked + template_env().get_template("partials/begrip-uitleg.html").render(uitleg_id=TOOLTIP_ID)
