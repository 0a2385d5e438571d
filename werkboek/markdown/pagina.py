"""Which page of docs/ is being converted, read from the page itself (the URLs between pages: werkboek.site).

A Markdown extension is not told which file it converts. Every werkboek page has one first-level heading, and no
two pages share its text (werkboek.sections.page_titles reads them from docs/), so the converted HTML's first <h1>
names its page."""
from __future__ import annotations

import html as htmllib
import re
from pathlib import Path

from werkboek.sections import Docs, page_titles

H1 = re.compile(r"<h1\b[^>]*>(.*?)</h1>", re.S)
PERMALINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.S)
TAG = re.compile(r"<[^>]+>")


def title_of(html: str) -> str | None:
    """The visible text of the first <h1> in ``html`` (without the heading's permalink), or None."""
    m = H1.search(html)
    if not m:
        return None
    return " ".join(htmllib.unescape(TAG.sub("", PERMALINK.sub("", m.group(1)))).split()) or None


def which_page(html: str, docs: Docs | Path) -> str | None:
    """The path in the docs folder (e.g. "bijlagen/1-trainershandleiding.md") of the page whose converted HTML is
    ``html``, or None when no page there has its first heading. ``docs``: the folder, or its pages as read."""
    title = title_of(html)
    if not title:
        return None
    return (docs.titles() if isinstance(docs, Docs) else page_titles(Path(docs))).get(title)
