"""The fork guide (docs/eigen-versie.md) links to the site's source repository and its Fork page where the build
knows that repository; without it the page keeps its plain text and no link appears (werkboek/bron.py)."""
from __future__ import annotations

from mkdocs.exceptions import PluginError

from werkboek.bron import FORK_GUIDE, OMGEVING, source_repository, with_source_links
from werkboek.loader import DataError

_state: dict = {}


def on_config(config):
    try:
        _state["bron"] = source_repository()
    except DataError as exc:
        raise PluginError(f"{OMGEVING}: {exc}") from None
    return config


def on_page_content(html, page, config, files):
    return with_source_links(html, _state.get("bron")) if page.file.src_uri == FORK_GUIDE else html
