"""The site's public address (``https://host/path/``), when the build knows it.

GitHub Actions knows it: the Pages workflow asks ``actions/configure-pages`` and passes its ``base_url`` to the build
as WERKBOEK_ADRES (.github/workflows/publiceren.yml). A gemeente's fork is served under a sub-path
(``https://<account>.github.io/<naam-van-de-kopie>/``), and only with its address do the pages that are shown at
another address than their own (404.html) find their styles, does the sitemap list the pages, and do the pages carry
canonical links and the link previews' ``og:url`` and ``og:image`` (overrides/partials/deelkaart.html). ``site_url``
in mkdocs.yml is the fallback (empty upstream; a gemeente changes nothing there). A local build knows no address:
its pages link to each other relatively, as always, and leave out what needs one.

Read by hooks/gemeente.py (MkDocs' ``site_url``) and werkboek/publish/site_config.py (the steps after the pages: the book's
links to the online site), so both use the same address."""
from __future__ import annotations

import os
import re

from werkboek.errors import DataError

OMGEVING = "WERKBOEK_ADRES"
# http(s), a host (and port), and a path of plain segments: no query, fragment, user or "..".
ADDRESS = re.compile(r"https?://[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?(?::[0-9]{1,5})?(?:/[A-Za-z0-9_.~%-]+)*/?")


def site_address(configured: str | None = None, environ=None) -> str | None:
    """The site's address ending in "/", from WERKBOEK_ADRES, else ``configured`` (mkdocs.yml's ``site_url``), else
    None. A value that is no web address raises DataError, in Dutch, naming where it came from."""
    environ = os.environ if environ is None else environ
    from_environment = (environ.get(OMGEVING) or "").strip()
    value = from_environment or (configured or "").strip()
    if not value:
        return None
    if not ADDRESS.fullmatch(value) or re.search(r"/\.{1,2}(?:/|$)", value):
        source = OMGEVING if from_environment else "mkdocs.yml, site_url"
        raise DataError(f"{source}={value[:200]!r}: dat is geen webadres van de site; verwacht bijvoorbeeld "
                        f"https://gemeente.github.io/werkboek/ (GitHub Actions zet het zelf)")
    return value if value.endswith("/") else value + "/"
