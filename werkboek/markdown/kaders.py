"""Callouts: a section headed "Trainingsopdracht", "Praktijkopdracht" or "Instrument" (and every kennisbron page)
is wrapped in a callout of its kind (overrides/partials/callout.html), the same way everywhere.

Runs on the finished HTML (a postprocessor, after `verwijzingen`): a section runs from its <h2> to the next one,
which only the whole page shows; the page's kind (a kennisbron) is read from its own first heading."""
from __future__ import annotations

import re

from markupsafe import Markup

from werkboek.htmltext import strip_tags
from werkboek.markdown import PageExtension, PagePostprocessor
from werkboek.markdown.pagina import title_of
from werkboek.werkblad.render import template_env

H2 = re.compile(r"(?=<h2 id=\")")  # Markdown headings; headings inside forms carry no id
KIND = re.compile(r"^\s*\d{1,2}\.\d{1,2}\s+(Trainingsopdracht|Praktijkopdracht|Instrument)\b")
HEADING_ID = re.compile(r'<h[12][^>]*\bid="([^"]+)"')


def _wrap(kind: str, chunk: str, whole_page: bool = False) -> str:
    ident = HEADING_ID.match(chunk)
    html = template_env().get_template("partials/callout.html").render(
        soort=kind, kop_id=ident.group(1) if ident else None, hele_pagina=whole_page, inhoud=Markup(chunk))
    return html + "\n"


def wrap_callouts(html: str) -> str:
    """``html`` with each opdracht and instrument section (or the whole kennisbron page) in its callout."""
    if (title_of(html) or "").startswith("Kennisbron "):
        return _wrap("kennisbron", html, whole_page=True)
    out = []
    for chunk in H2.split(html):
        heading = re.match(r"<h2[^>]*>(.*?)</h2>", chunk, re.S)
        kind = KIND.match(strip_tags(heading.group(1))) if heading else None
        out.append(_wrap(kind.group(1).lower(), chunk) if kind else chunk)
    return "".join(out)


class KadersPostprocessor(PagePostprocessor):
    def page(self, text: str) -> str:
        return wrap_callouts(text)


class KadersExtension(PageExtension):
    processor = KadersPostprocessor
    name = "werkboek_kaders"
    priority = 9


def makeExtension(**kwargs):
    return KadersExtension(**kwargs)
