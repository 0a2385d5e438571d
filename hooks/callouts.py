"""The werkboek's own forms of text: a section headed "Trainingsopdracht", "Praktijkopdracht" or "Instrument"
(and every kennisbron page) is wrapped in a callout of its kind, the same way everywhere."""
from __future__ import annotations

import re

from markupsafe import Markup

from werkboek.htmltext import strip_tags
from werkboek.render import template_env

H2 = re.compile(r"(?=<h2 id=\")")  # Markdown headings; headings inside forms carry no id
H1 = re.compile(r"<h1[^>]*>(.*?)</h1>", re.S)
KIND = re.compile(r"^\s*\d{1,2}\.\d{1,2}\s+(Trainingsopdracht|Praktijkopdracht|Instrument)\b")
HEADING_ID = re.compile(r'<h[12][^>]*\bid="([^"]+)"')


def _wrap(kind: str, chunk: str) -> str:
    ident = HEADING_ID.match(chunk)
    html = template_env().get_template("partials/callout.html").render(
        soort=kind, kop_id=ident.group(1) if ident else None, inhoud=Markup(chunk))
    return html + "\n"


def on_page_content(html, page, config, files):
    h1 = H1.search(html)
    if h1 and strip_tags(h1.group(1)).strip().startswith("Kennisbron "):
        return _wrap("kennisbron", html)
    chunks = H2.split(html)
    out = []
    for chunk in chunks:
        heading = re.match(r"<h2[^>]*>(.*?)</h2>", chunk, re.S)
        kind = KIND.match(strip_tags(heading.group(1))) if heading else None
        out.append(_wrap(kind.group(1).lower(), chunk) if kind else chunk)
    return "".join(out)
