"""The fork guide's source links: on the fork guide (docs/eigen-versie.md) the marker comment `<!-- bron: … -->` is
replaced by links to the site's source repository and its Fork page (overrides/partials/bron-links.html) where the
build knows that repository (werkboek/bron.py, from the environment); without it the comment is removed, the page
keeps its plain text and no link appears.

Configuration: `docs_dir` and `pagina` (the fork guide in it), which is known by its own first heading
(werkboek.markdown.pagina). Runs on the finished HTML (a postprocessor: the comment is raw HTML)."""
from __future__ import annotations

import re

from markdown import Extension

from . import PagePostprocessor, TekstFout, project_path, register_page_stages
from .pagina import which_page
from ..bron import OMGEVING, source_repository
from ..loader import DataError
from ..render import template_env

MARKER = re.compile(r"<!-- bron:.*?-->", re.S)


def with_source_links(html: str, bron: str | None) -> str:
    """``html`` with the marker comment replaced by the links (or just removed when ``bron`` is None)."""
    links = template_env().get_template("partials/bron-links.html").render(bron=bron) if bron else ""
    return MARKER.sub(lambda m: links, html, count=1)


class BronlinksPostprocessor(PagePostprocessor):
    def __init__(self, md, config: dict):
        super().__init__(md)
        self.config = config

    def page(self, text: str) -> str:
        if which_page(text, project_path(self.config["docs_dir"])) != self.config["pagina"]:
            return text
        try:
            bron = source_repository()
        except DataError as exc:
            raise TekstFout(f"{OMGEVING}: {exc}") from None
        return with_source_links(text, bron)


class BronlinksExtension(Extension):
    def __init__(self, **kwargs):
        self.config = {
            "docs_dir": ["docs", "the folder of the werkboek's pages (relative: to the project folder)"],
            "pagina": ["eigen-versie.md", "the fork guide, in docs_dir"],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md):
        register_page_stages(md)
        md.postprocessors.register(BronlinksPostprocessor(md, self.getConfigs()), "werkboek_bronlinks", 2)


def makeExtension(**kwargs):
    return BronlinksExtension(**kwargs)
