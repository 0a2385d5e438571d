"""Search text: words in table cells, captions, legends, labels and lines stay apart in the search index
(werkboek.htmltext.separate_words). Runs on the finished HTML, after every other werkboek extension (a
postprocessor), so the tables and worksheets those write are covered too."""
from __future__ import annotations

from werkboek.htmltext import separate_words
from werkboek.markdown import PageExtension, PagePostprocessor


class ZoektekstPostprocessor(PagePostprocessor):
    def page(self, text: str) -> str:
        return separate_words(text)


class ZoektekstExtension(PageExtension):
    processor = ZoektekstPostprocessor
    name = "werkboek_zoektekst"
    priority = 1


def makeExtension(**kwargs):
    return ZoektekstExtension(**kwargs)
