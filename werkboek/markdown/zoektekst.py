"""Search text: words in table cells, captions, legends, labels and lines stay apart in the search index
(werkboek.htmltext.separate_words). Runs on the finished HTML, after every other werkboek extension (a
postprocessor), so the tables and worksheets those write are covered too."""
from __future__ import annotations

from markdown import Extension

from . import PagePostprocessor, register_page_stages

from ..htmltext import separate_words


class ZoektekstPostprocessor(PagePostprocessor):
    def page(self, text: str) -> str:
        return separate_words(text)


class ZoektekstExtension(Extension):
    def extendMarkdown(self, md):
        register_page_stages(md)
        md.postprocessors.register(ZoektekstPostprocessor(md), "werkboek_zoektekst", 1)  # the last of them


def makeExtension(**kwargs):
    return ZoektekstExtension(**kwargs)
