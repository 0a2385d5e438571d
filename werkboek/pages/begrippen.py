"""The begrippenlijst's terms in the text: every term of docs/begrippenlijst.md (a definition list, the one source)
is marked where it first occurs in each section (overrides/partials/begrip.html).

The definitions are not in the pages' text (so search finds a definition on the begrippenlijst only, and a page
carries one element per term): each term is a button naming its term, a page with terms has one shared, empty
tooltip (overrides/partials/begrip-uitleg.html), and begrippen.js fills it from one generated script
(definitions_script(); a script, not JSON, so it also loads from file:// in the offline copy)."""
from __future__ import annotations

import json
import re

from markupsafe import Markup

from werkboek.deflist import definitions
from werkboek.errors import DataError
from werkboek.htmltext import map_text
from werkboek.werkblad.render import template_env

SECTION = re.compile(r"(?=<h[12] id=\")")
GLOSSARY_PAGE = "begrippenlijst.md"  # in docs/
DEFINITIONS_JS = "assets/javascripts/begrippen-definities.js"
TOOLTIP_ID = "begrip-uitleg"


def parse_definitions(markdown: str) -> dict[str, str]:
    """A Markdown definition list ("Term" then ": definition") → {term: its first definition}."""
    return {term: defs[0] for term, defs in definitions(markdown) if defs}


def glossary_terms(page: str, markdown: str) -> dict[str, str]:
    """The terms of the begrippenlijst ``page`` (its Markdown); a begrippenlijst without any stops the build."""
    terms = parse_definitions(markdown)
    if not terms:
        raise DataError(f"{page}: geen begrippen gevonden; verwacht een lijst 'Begrip' met ': definitie' eronder")
    return terms


def definitions_script(terms: dict[str, str]) -> str:
    """The definitions as a script that begrippen.js reads (window.werkboekBegrippen = {term: definition})."""
    return f"window.werkboekBegrippen = {json.dumps(terms, ensure_ascii=False, sort_keys=True)};\n"


def _pattern(term: str) -> re.Pattern:
    return re.compile(r"(?<![\w-])(" + re.escape(term) + r")(s|en)?(?![\w-])", re.I)


def mark_terms(html: str, terms: dict[str, str]) -> str:
    """Mark the first occurrence of every term in each section (h1/h2) of ``html``; a page with terms gets the
    shared tooltip at its end."""
    patterns = {term: _pattern(term) for term in sorted(terms, key=len, reverse=True)}
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
