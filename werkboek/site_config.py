"""What the steps after the pages (werkboek/afronden.py) need from the site's configuration, read from mkdocs.yml
with the project's own YAML reader (never through MkDocs' objects): the title, description and copyright as the
site shows them (a gemeente's version changes the title and the copyright), the pages in navigation order with
their URLs (the book's order), and the docs folder."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from markupsafe import escape

from .datafile import read_yaml
from .site import _nav_files, page_url_of


@dataclass(frozen=True)
class SiteConfig:
    root: Path
    docs_dir: Path
    title: str
    description: str
    copyright: str
    pages: list[tuple[str, str]]  # (source, URL) of every page in the navigation, in its order


def local_texts(lokaal, title: str, copyright: str) -> tuple[str, str]:
    """The site's title and copyright line for a gemeente's version (``lokaal``; None: unchanged)."""
    if lokaal is None:
        return title, copyright
    return lokaal.site_titel, f"Lokale versie: {escape(lokaal.naam)}. {copyright or ''}".strip()


def read_site_config(config_file: Path, lokaal=None) -> SiteConfig:
    config_file = Path(config_file)
    data, _ = read_yaml(config_file)
    data = data or {}
    root = config_file.parent
    urls = {"use_directory_urls": data.get("use_directory_urls", True)}
    title, copyright = local_texts(lokaal, data.get("site_name") or "", data.get("copyright") or "")
    return SiteConfig(root=root, docs_dir=root / (data.get("docs_dir") or "docs"), title=title,
                      description=data.get("site_description") or "", copyright=copyright,
                      pages=[(src, page_url_of(urls, src)) for src in _nav_files(data.get("nav") or [])
                             if src.endswith(".md")])
