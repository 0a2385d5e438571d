"""The fork guide's source links: on the fork guide (docs/eigen-versie.md) the marker comment `<!-- bron: … -->` is
replaced by links to the site's source repository and its Fork page (overrides/partials/bron-links.html) where the
build knows that repository (werkboek/gemeente/repository.py, from the environment); without it the comment is removed, the page
keeps its plain text and no link appears.

Configuration: `docs_dir` and `pagina` (the fork guide in it), which is known by its own first heading
(werkboek.markdown.pagina). Runs on the finished HTML (a postprocessor: the comment is raw HTML)."""
from __future__ import annotations

import re

from werkboek.errors import DataError
from werkboek.gemeente.repository import OMGEVING, source_repository
from werkboek.markdown import DOCS_DIR_OPTION, PageExtension, PagePostprocessor, TekstFout
from werkboek.markdown.pagina import which_page
from werkboek.werkblad.render import template_env

MARKER = re.compile(r"<!-- bron:.*?-->", re.S)


def with_source_links(html: str, bron: str | None) -> str:
    """``html`` with the marker comment replaced by the links (or just removed when ``bron`` is None)."""
    links = template_env().get_template("partials/bron-links.html").render(bron=bron) if bron else ""
    return MARKER.sub(lambda m: links, html, count=1)


class BronlinksPostprocessor(PagePostprocessor):
    def page(self, text: str) -> str:
        if which_page(text, self.docs()) != self.config["pagina"]:
            return text
        try:
            bron = source_repository()
        except DataError as exc:
            raise TekstFout(f"{OMGEVING}: {exc}") from None
        return with_source_links(text, bron)


class BronlinksExtension(PageExtension):
    processor = BronlinksPostprocessor
    name = "werkboek_bronlinks"
    priority = 2
    options = {"docs_dir": DOCS_DIR_OPTION, "pagina": ["eigen-versie.md", "the fork guide, in docs_dir"]}


def makeExtension(**kwargs):
    return BronlinksExtension(**kwargs)
