"""What a gemeente's own file (``WERKBOEK_GEMEENTE``, else ``gemeente.yml`` if it exists; werkboek/gemeente/model.py) changes
on the site, computed without a site engine: the site's title, the footer, the logo (and its size, so the header
keeps its room while it loads), the theme colours as a stylesheet, and the files to add. hooks/gemeente.py applies
it to MkDocs' config. Without the file nothing changes."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from markupsafe import escape

from werkboek.errors import DataError
from werkboek.gemeente import OMGEVING
from werkboek.gemeente.image import intrinsic_size
from werkboek.gemeente.load import chosen_file, display_name, load_gemeente
from werkboek.gemeente.model import Gemeente

LOGO = "assets/images/gemeente-logo"
KLEUREN_CSS = "assets/stylesheets/gemeente.css"


@dataclass(frozen=True)
class Extra:
    """A file the site gains: copied from ``path`` or written with ``content``."""

    uri: str
    path: Path | None = None
    content: str | None = None


@dataclass(frozen=True)
class SiteChanges:
    lokaal: Gemeente | None  # None: the source's blank versions
    logo_size: tuple[int, int] | None  # width, height of the logo shown (the gemeente's or the theme's)
    source: str | None = None  # the file read, as the messages name it
    site_name: str | None = None  # None: unchanged
    copyright: str | None = None
    logo: str | None = None  # the logo's site path, None: the theme's own
    extra_css: tuple[str, ...] = ()
    files: tuple[Extra, ...] = ()
    watch: tuple[Path, ...] = field(default=())  # what `serve` rebuilds on

    @property
    def message(self) -> str:
        return f"lokale versie: {self.lokaal.naam} ({self.source})"


def site_changes(root: Path, docs_dir: Path, copyright: str | None, theme_logo: str | None,
               environ=None) -> SiteChanges:
    """The changes for this build. A bad file raises DataError: the file's name, then one Dutch line per problem."""
    root = Path(root)
    path = None
    try:
        path = chosen_file(root, environ)
        lokaal = load_gemeente(path, root) if path else None
    except DataError as exc:
        name = display_name(path, root) if path else OMGEVING
        raise DataError(
            f"{name}: de lokale gegevens bevatten fouten. Pas het bestand aan en bouw opnieuw.\n{exc}") from None
    own_logo = lokaal is not None and lokaal.logo
    shown = lokaal.logo_pad if own_logo else Path(docs_dir) / (theme_logo or "")
    logo_size = intrinsic_size(shown) if shown.is_file() else None
    if lokaal is None:
        return SiteChanges(None, logo_size)
    logo = LOGO + lokaal.logo_pad.suffix.lower() if own_logo else None
    files = ((Extra(logo, path=lokaal.logo_pad),) if logo else ()) + (
        (Extra(KLEUREN_CSS, content=lokaal.kleuren_css()),) if lokaal.kleuren else ())
    return SiteChanges(
        lokaal=lokaal, logo_size=logo_size, source=display_name(path, root),
        site_name=lokaal.site_titel, copyright=f"Lokale versie: {escape(lokaal.naam)}. {copyright or ''}".strip(),
        logo=logo, extra_css=(KLEUREN_CSS,) if lokaal.kleuren else (), files=files,
        watch=(path,) + ((lokaal.logo_pad,) if lokaal.logo else ()))
