"""Transform the text of rendered HTML outside elements that must stay untouched (links, headings, forms …)."""
from __future__ import annotations

import re
from typing import Callable

TOKEN = re.compile(r"(<!--.*?-->|<[^>]+>)", re.S)
TAG = re.compile(r"<\s*(/)?\s*([a-zA-Z0-9]+)")
VOID = {"br", "img", "input", "hr", "meta", "link", "source", "wbr", "col", "area", "base", "embed", "track"}
SKIP = {"a", "h1", "h2", "h3", "h4", "h5", "h6", "code", "pre", "form", "script", "style", "svg", "button",
        "textarea", "select", "label", "abbr", "dfn", "figcaption", "title", "kbd", "template"}


def map_text(html: str, fn: Callable[[str], str], skip: set[str] = SKIP) -> str:
    """Apply ``fn`` to every text run of ``html`` that is not inside one of the ``skip`` elements."""
    out, depth = [], 0
    stack: list[str] = []
    for part in TOKEN.split(html):
        if not part:
            continue
        if part.startswith("<"):
            out.append(part)
            if part.startswith("<!--"):
                continue
            m = TAG.match(part)
            if not m:
                continue
            closing, name = m.group(1), m.group(2).lower()
            if name not in skip or name in VOID or part.endswith("/>"):
                continue
            if closing:
                if stack and stack[-1] == name:
                    stack.pop()
            else:
                stack.append(name)
            depth = len(stack)
            continue
        out.append(part if depth else fn(part))
    return "".join(out)


def strip_tags(html: str) -> str:
    return re.sub(r"<[^>]+>", "", html)


CELL_OR_BREAK_END = re.compile(r"(</t[hd]>|</caption>|</legend>|</label>|<br\s*/?>)(?=<)", re.I)


def separate_words(html: str) -> str:
    """A line break after table cells, captions, legends, labels and <br> that a tag follows directly, so a text
    extractor that drops tags (the search index) reads "Tijd Wat Duur", not "TijdWatDuur". Browsers render the
    added whitespace as nothing (between cells, after a line break) or as a space (after a label before a field)."""
    return CELL_OR_BREAK_END.sub(lambda m: m.group(1) + "\n", html)
