"""An instrument's HTML on a web page, and the same instrument in the whole-book PDF.

A web page gets the light markup (medium "web": fewer elements for a phone to lay out); the book draws the
instrument as blank pages from the markup the web page had before (medium "boek"), so the book stays as it was.
Both are rendered together from the same partials and context; ``book_forms()`` swaps them in a page's content
before the book reads it, and stops the build if a page's instrument is not the one rendered (something changed it
in between; the search-text step, which only adds line breaks between tags, runs on both), rather than print a
different worksheet in the book."""
from __future__ import annotations

import re

from .htmltext import separate_words
from .render import compact, template_env

TEMPLATE = "partials/werkblad/instrument.html"
FORM_START = re.compile(r'<form class="werkblad\b')

# web markup → book markup of every instrument rendered in this process (a few kB each, 16 instruments)
_book: dict[str, str] = {}


def web_form(**context) -> str:
    """The instrument for a web page (``context`` as the template expects, without ``medium``); remembers its book
    markup for ``book_forms()``."""
    template = template_env().get_template(TEMPLATE)
    web = compact(template.render(medium="web", **context))
    # as the page's content holds them when the book reads it (hooks/search_text.py ran on it)
    _book[separate_words(web)] = separate_words(compact(template.render(medium="boek", **context)))
    return web


def book_forms(html: str, page: str = "") -> str:
    """``html`` (a page's content) with every instrument in its book markup."""
    forms = len(FORM_START.findall(html))
    swapped = 0
    for web, book in _book.items():
        if forms == swapped:
            break
        found = html.count(web)
        if found:
            html = html.replace(web, book)
            swapped += found
    if swapped != forms:
        raise ValueError(f"{page}: {forms - swapped} werkblad(en) op deze pagina zijn na het renderen veranderd; "
                         "het boek kan ze niet als werkblad afdrukken")
    return html
