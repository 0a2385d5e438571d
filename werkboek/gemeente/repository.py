"""Where the site's source code lives, when the build knows it. GitHub Actions knows it and passes it to the build as
WERKBOEK_BRON (server URL + owner/name, see .github/workflows/publiceren.yml); a local build does not, and then the
site links nowhere rather than to a guessed address."""
from __future__ import annotations

import os
import re

from werkboek.errors import DataError

OMGEVING = "WERKBOEK_BRON"
REPOSITORY_URL = re.compile(r"https://[A-Za-z0-9.-]+(?::[0-9]{1,5})?/[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+")


def source_repository(environ=None) -> str | None:
    """The repository's web address (https://host/owner/name), or None when the build does not know it."""
    environ = os.environ if environ is None else environ
    value = (environ.get(OMGEVING) or "").strip().rstrip("/")
    if not value:
        return None
    if not REPOSITORY_URL.fullmatch(value) or "/../" in value + "/" or "/./" in value + "/":
        raise DataError(f"{OMGEVING}={value[:200]!r}: dat is geen adres van een repository; verwacht bijvoorbeeld "
                        f"https://github.com/gemeente/werkboek (GitHub Actions zet het zelf)")
    return value
