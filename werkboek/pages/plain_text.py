"""Gemeente values are plain text wherever they appear. In an HTML template Jinja's autoescape takes care of that;
in a Markdown page (docs/toegankelijkheid.md) a value is inserted *before* Markdown runs, so it is escaped for both:
every character Markdown or its extensions give a meaning
(``*vet*``, ``[link](…)``, ``# kop``, ``| tabel``, ``{ .attr }``, ``!!! kader`` …), so the reader sees exactly what
the gemeente typed, then HTML (``&``, ``<``, ``>``, quotes). The macros expose it as the filter ``plain_text``."""
from __future__ import annotations

import re

from markupsafe import escape

# Python-Markdown's ESCAPED_CHARS with the extensions in mkdocs.yml (tables adds '|'); a backslash before any of
# them shows the character itself. Not '>': HTML escaping makes it '&gt;', which Markdown never reads as a quote.
MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")


def plain_text(value) -> str:
    """``value`` as plain text inside Markdown: one line, HTML-escaped, Markdown-escaped ('' for None)."""
    if value is None:
        return ""
    text = " ".join(str(value).split())
    # Markdown escapes first: escaping '#' after HTML would break the entities that HTML escaping writes.
    return str(escape(MARKDOWN_SPECIAL.sub(r"\\\1", text)))
