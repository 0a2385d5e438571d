"""Link previews: with a site address known (werkboek/publish/site_address.py, set by hooks/gemeente.py), the site gains its
card (werkboek/publish/share_card.py: the site's title, description, colour, typeface, and a gemeente's name and logo) and
tells the pages where it is (``config.extra["deelkaart"]``, read by overrides/partials/deelkaart.html). Without an
address nothing is drawn: a preview could not find the card."""
from __future__ import annotations

from pathlib import Path

from mkdocs.structure.files import File

from werkboek.publish.share_card import HEIGHT, URI, WIDTH, Card, share_card
from werkboek.site import LOKAAL

KEY = "deelkaart"


def on_files(files, config):
    config.extra[KEY] = None
    if not config.site_url:
        return files
    card = Card(config.site_name, " ".join((config.site_description or "").split()), config.extra.get(LOKAAL))
    png = share_card(card, Path(config.config_file_path).parent / ".cache" / "deelkaart")
    files.append(File.generated(config, URI, content=png))
    config.extra[KEY] = {"url": config.site_url + URI, "alt": card.alt, "breedte": WIDTH, "hoogte": HEIGHT}
    return files
