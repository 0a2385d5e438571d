"""A gemeente's own version, before every other hook: werkboek/gemeente/site_changes.py reads the local file and says what
changes (title, footer, logo, colours); this applies it to MkDocs' config and files, and hands the settings on as
``config.extra["lokaal"]`` (werkboek/site.py) to the verwijskaart, the netwerkkaart and the PDF worksheets. It also
sets the site's address (werkboek/publish/site_address.py: the Pages workflow passes it; a local build has none).
A bad file stops the build with one Dutch message per problem, each naming the file and the line."""
from __future__ import annotations

import logging
import os
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from werkboek.errors import DataError
from werkboek.gemeente.site_changes import site_changes
from werkboek.pdf.document import source_date
from werkboek.publish.site_address import site_address
from werkboek.site import LOKAAL

log = logging.getLogger("mkdocs.hooks.gemeente")
_state: dict = {}


@event_priority(200)
def on_config(config):
    try:
        config.site_url = site_address(config.site_url)  # WERKBOEK_ADRES from the Pages workflow, else mkdocs.yml
        if config.site_url:  # the sitemap then dates every page: by the last commit, as every PDF, never by the clock
            os.environ.setdefault("SOURCE_DATE_EPOCH", str(source_date()))
        site = site_changes(Path(config.config_file_path).parent, Path(config.docs_dir), config.copyright,
                          config.theme.get("logo"))
    except DataError as exc:
        raise PluginError(str(exc)) from None
    _state["site"] = site
    config.extra[LOKAAL], config.extra["logo_maat"] = site.lokaal, site.logo_size
    if site.lokaal is not None:
        log.info(site.message)
        config.site_name, config.copyright = site.site_name, site.copyright
        config.theme["logo"] = site.logo or config.theme.get("logo")
        config.extra_css.extend(site.extra_css)
    return config


def on_files(files, config):
    for extra in _state["site"].files:
        path = str(extra.path) if extra.path else None
        files.append(File.generated(config, extra.uri, abs_src_path=path, content=extra.content))
    return files


def on_serve(server, config, builder):
    for path in _state["site"].watch if "site" in _state else ():
        server.watch(str(path))
    return server
