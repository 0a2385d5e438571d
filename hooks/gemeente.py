"""A gemeente's own version: read the local file (``WERKBOEK_GEMEENTE``, else ``gemeente.yml`` if it exists) before
every other hook, and apply it: the site's title, the footer, the logo, the theme colours, and
``config.extra["lokaal"]`` for the verwijskaart, the netwerkkaart and the PDF worksheets (werkboek/lokaal.py).

Without the file nothing changes: every page and PDF shows the source's blank, fillable versions. A bad file stops
the build with one Dutch message per problem, each naming the file and the line."""
from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from werkboek.afbeelding import intrinsic_size
from werkboek.loader import DataError
from werkboek.lokaal import OMGEVING, chosen_file, display_name, load_lokaal
from werkboek.site_config import local_texts

log = logging.getLogger("mkdocs.hooks.gemeente")

LOGO = "assets/images/gemeente-logo"
KLEUREN_CSS = "assets/stylesheets/gemeente.css"

_state: dict = {}


@event_priority(200)
def on_config(config):
    root = Path(config.config_file_path).parent
    _state.clear()
    path = None
    try:
        path = chosen_file(root)
        lokaal = load_lokaal(path, root) if path else None
    except DataError as exc:
        name = display_name(path, root) if path else OMGEVING
        raise PluginError(
            f"{name}: de lokale gegevens bevatten fouten. Pas het bestand aan en bouw opnieuw.\n{exc}") from None
    config.extra["lokaal"] = lokaal
    _logo_size(config, Path(config.docs_dir), lokaal)
    if lokaal is None:
        return config
    _state.update(path=path, lokaal=lokaal)
    log.info(f"lokale versie: {lokaal.naam} ({display_name(path, root)})")
    config.site_name, config.copyright = local_texts(lokaal, config.site_name, config.copyright)
    if lokaal.logo:
        config.theme["logo"] = LOGO + lokaal.logo_pad.suffix.lower()
    if lokaal.kleuren:
        config.extra_css.append(KLEUREN_CSS)
    return config


def _logo_size(config, docs: Path, lokaal) -> None:
    """The logo's width and height for overrides/partials/logo.html (room reserved before it loads)."""
    path = lokaal.logo_pad if lokaal is not None and lokaal.logo else docs / (config.theme.get("logo") or "")
    config.extra["logo_maat"] = intrinsic_size(path) if path.is_file() else None


def on_files(files, config):
    lokaal = config.extra.get("lokaal")
    if lokaal is None:
        return files
    if lokaal.logo:
        files.append(File.generated(config, config.theme["logo"], abs_src_path=str(lokaal.logo_pad)))
    if lokaal.kleuren:
        files.append(File.generated(config, KLEUREN_CSS, content=lokaal.kleuren_css()))
    return files


def on_serve(server, config, builder):
    lokaal = _state.get("lokaal")
    if lokaal is not None:
        server.watch(str(_state["path"]))
        if lokaal.logo:
            server.watch(str(lokaal.logo_pad))
    return server
