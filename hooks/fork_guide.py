"""The fork guide (docs/eigen-versie.md) links to the site's source repository and its Fork page where the build
knows that repository (werkboek/bron.py); without it the page keeps its plain text and no link appears."""
from __future__ import annotations

import re

from mkdocs.exceptions import PluginError

from werkboek.bron import OMGEVING, source_repository
from werkboek.loader import DataError
from werkboek.render import template_env

PAGE = "eigen-versie.md"
MARKER = re.compile(r"<!-- bron:.*?-->", re.S)
_state: dict = {}


def on_config(config):
    try:
        _state["bron"] = source_repository()
    except DataError as exc:
        raise PluginError(f"{OMGEVING}: {exc}") from None
    return config


def with_source_links(html: str, bron: str | None) -> str:
    """``html`` with the marker comment replaced by the links (or just removed when ``bron`` is None)."""
    links = template_env().get_template("partials/bron-links.html").render(bron=bron) if bron else ""
    return MARKER.sub(lambda m: links, html, count=1)


def on_page_content(html, page, config, files):
    if page.file.src_uri != PAGE:
        return html
    return with_source_links(html, _state.get("bron"))
