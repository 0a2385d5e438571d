"""Long words in headings get soft hyphens (werkboek/pages/hyphenation.py) in the page as written, after the search index
and the book have read the page's content, so neither holds a soft hyphen."""
from __future__ import annotations

from werkboek.pages.hyphenation import hyphenate_headings


def on_post_page(output, page, config):
    return hyphenate_headings(output)
