"""Soft hyphens in long Dutch words of headings (and of the partnerschapskaart's narrow column headings), so a heading
such as "10.3 Reflector Ondersteuningsvaardigheden" breaks at a syllable on a phone instead of running off the screen
or breaking mid-syllable. Browsers do not reliably hyphenate Dutch
themselves (Chromium on Linux ships no hyphenation dictionaries: `hyphens: auto` does nothing there), so the break
points come from pyphen's Dutch dictionary at build time. Only the page as shown gets them: the search index and
the book PDF read the text without them."""
from __future__ import annotations

import re
from functools import lru_cache

import pyphen

from werkboek.htmltext import map_text

SOFT_HYPHEN = "\u00ad"
MIN_LENGTH = 12  # shorter words fit a phone's line at heading size
MIN_LENGTH_NARROW = 8  # a partnerschapskaart column is a fifth of the text width
HEADING = re.compile(r"(<h([1-6])\b[^>]*>)(.*?)(</h\2>)", re.S)
NARROW_COLUMN = re.compile(r'(<(label|p)\b[^>]*\bclass="kolom__(?:kop|vraag)"[^>]*>)(.*?)(</\2>)', re.S)
NO_SKIP: set[str] = set()


@lru_cache(maxsize=1)
def _dictionary() -> pyphen.Pyphen:
    return pyphen.Pyphen(lang="nl_NL")


def hyphenate_word(word: str) -> str:
    return _dictionary().inserted(word, hyphen=SOFT_HYPHEN)


@lru_cache(maxsize=4)
def _words(min_length: int) -> re.Pattern:
    return re.compile(rf"[^\W\d_]{{{min_length},}}")


def hyphenate_text(text: str, min_length: int = MIN_LENGTH) -> str:
    """Soft hyphens in every word of at least ``min_length`` letters."""
    return _words(min_length).sub(lambda m: hyphenate_word(m.group(0)), text)


def hyphenate_headings(html: str) -> str:
    """``html`` with soft hyphens in the long words of every h1–h6 and narrow column heading (text only; tags and
    attributes untouched)."""
    def element(min_length: int):
        def sub(m: re.Match) -> str:
            text = map_text(m.group(3), lambda t: hyphenate_text(t, min_length), skip=NO_SKIP)
            return m.group(1) + text + m.group(4)
        return sub

    return NARROW_COLUMN.sub(element(MIN_LENGTH_NARROW), HEADING.sub(element(MIN_LENGTH), html))
