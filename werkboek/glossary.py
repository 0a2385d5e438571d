"""The begrippenlijst's terms in the text: every term of docs/begrippenlijst.md (a definition list, the one source)
is marked where it first occurs in each section, with its definition as a tooltip (overrides/partials/begrip.html)."""
from __future__ import annotations

import re

from markupsafe import Markup

from .deflist import definitions
from .htmltext import map_text
from .render import template_env

SECTION = re.compile(r"(?=<h[12] id=\")")


def parse_definitions(markdown: str) -> dict[str, str]:
    """A Markdown definition list ("Term" then ": definition") → {term: its first definition}."""
    return {term: defs[0] for term, defs in definitions(markdown) if defs}


def _pattern(term: str) -> re.Pattern:
    return re.compile(r"(?<![\w-])(" + re.escape(term) + r")(s|en)?(?![\w-])", re.I)


def mark_terms(html: str, terms: dict[str, str]) -> str:
    """Mark the first occurrence of every term in each section (h1/h2) of ``html`` with its definition."""
    patterns = {term: _pattern(term) for term in sorted(terms, key=len, reverse=True)}
    counter = iter(range(1, 10_000))

    tooltip = template_env().get_template("partials/begrip.html")

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
                uid = f"begrip-{next(counter)}"
                tip = tooltip.render(uid=uid, tekst=Markup(m.group(0)), term=term, definitie=terms[term])
                # Keep looking for other terms in the text on both sides of this one.
                return in_text(text[: m.start()]) + tip + in_text(text[m.end():])
            return text

        return map_text(section, in_text)

    return "".join(mark_section(s) for s in SECTION.split(html))
