"""Glossary terms: every term of the begrippenlijst is marked where it first occurs in each section of a page, for
its tooltip (werkboek.pages.begrippen.mark_terms); the begrippenlijst itself is left as it is.

Configuration: `docs_dir` and `begrippenlijst` (the page in it that holds the definition list). The terms are read
from that page (werkboek.pages.begrippen.glossary_terms); which page is being converted is read from its own first
heading (werkboek.markdown.pagina). Runs on the finished HTML (a postprocessor, after `kaders`)."""
from __future__ import annotations

from werkboek.errors import DataError
from werkboek.markdown import DOCS_DIR_OPTION, PageExtension, PagePostprocessor, TekstFout
from werkboek.markdown.pagina import which_page
from werkboek.pages.begrippen import GLOSSARY_PAGE, glossary_terms, mark_terms


class BegrippenPostprocessor(PagePostprocessor):
    def page(self, text: str) -> str:
        docs, page = self.docs(), self.config["begrippenlijst"]
        source = docs.sources.get(page)
        if source is None:
            return text
        try:
            terms = glossary_terms(page, source)
        except DataError as exc:
            raise TekstFout(str(exc)) from None
        if which_page(text, docs) == page:
            return text
        return mark_terms(text, terms)


class BegrippenExtension(PageExtension):
    processor = BegrippenPostprocessor
    name = "werkboek_begrippen"
    priority = 8
    options = {
        "docs_dir": DOCS_DIR_OPTION,
        "begrippenlijst": [GLOSSARY_PAGE, "the page in docs_dir with the terms and their definitions"],
    }


def makeExtension(**kwargs):
    return BegrippenExtension(**kwargs)
