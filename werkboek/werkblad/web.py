"""An instrument's HTML on a web page, and the same instrument in the whole-book PDF.

A web page gets the light markup (medium "web": fewer elements for a phone to lay out); the book draws the
instrument as blank pages from the markup the web page had before (medium "boek"), so the book stays as it was.
Both come from the same partials and the same context (werkboek/pages/macros.py ``instrument_context``). The book reads the
written pages (werkboek/publish/finish.py); ``book_forms()`` swaps each instrument on a page for its book markup, and stops
if the page's instrument shows other text than the one rendered from that context (something changed it in
between), rather than print a different worksheet in the book. The search-text step, which only adds line breaks between
tags (werkboek/markdown/zoektekst.py), ran on the page's content, so it runs on both here too."""
from __future__ import annotations

import re
from html import unescape
from typing import Callable

from werkboek.htmltext import separate_words, strip_tags
from werkboek.werkblad.render import compact, template_env

TEMPLATE = "partials/werkblad/instrument.html"
FORM = re.compile(r'<form class="werkblad\b[^>]*\bdata-instrument="([^"]+)"[^>]*>.*?</form>', re.S)  # never nested


def render_form(medium: str, **context) -> str:
    """The instrument (``context`` as the template expects) for ``medium``: "web", "boek" or "pdf"."""
    return compact(template_env().get_template(TEMPLATE).render(medium=medium, **context))


def web_form(**context) -> str:
    return render_form("web", **context)


def book_forms(html: str, page: str, context_of: Callable[[str], dict]) -> str:
    """``html`` (a page's content as written) with every instrument in its book markup; ``context_of(id)`` is the
    context the page rendered instrument ``id`` with. Each form is found by its own element (``data-instrument``),
    and must show what that context renders: the same text, word for word (another engine may drop attributes or
    change the whitespace between tags; a changed text stops the build)."""
    def swap(m: re.Match) -> str:
        context = context_of(m.group(1))
        web, book = (separate_words(render_form(medium, **context)) for medium in ("web", "boek"))
        if m.group(0) != web and _shown(m.group(0)) != _shown(web):
            raise ValueError(f"{page}: werkblad '{m.group(1)}' is na het renderen veranderd; het boek kan het niet "
                             "als werkblad afdrukken")
        return book

    return FORM.sub(swap, html)


def _shown(html: str) -> str:
    """The text a form shows, without whitespace (an engine may add or drop it between tags) and with character
    references resolved."""
    return "".join(unescape(strip_tags(html)).split())
