"""What the steps after the pages (werkboek/publish/finish.py) need from the site's configuration, read from mkdocs.yml
with the project's own YAML reader (never through a site engine's objects): the title, description and copyright as
the site shows them (a gemeente's version changes the title and the copyright: werkboek/gemeente/site_changes.py), the
gemeente's settings, the pages in navigation order with their URLs (the book's order), and the docs folder."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from werkboek.datafile import read_yaml
from werkboek.gemeente.site_changes import site_changes
from werkboek.publish.site_address import site_address
from werkboek.site import page_url


@dataclass(frozen=True)
class SiteConfig:
    root: Path
    docs_dir: Path
    title: str
    description: str
    copyright: str
    pages: list[tuple[str, str]]  # (source, URL) of every page in the navigation, in its order
    lokaal: object | None = None  # the gemeente's settings (werkboek.gemeente.model.Gemeente), None upstream
    directory_urls: bool = True  # mkdocs.yml use_directory_urls
    site_url: str | None = None  # the site's public address ending in "/" (publish/site_address.py), None: unknown


def nav_sources(nav) -> list[str]:
    """The Markdown sources of a ``nav`` as mkdocs.yml writes it, in order (links to other sites left out)."""
    out = []
    for item in nav or []:
        values = [item] if isinstance(item, str) else list(item.values()) if isinstance(item, dict) else []
        for value in values:
            if isinstance(value, list):
                out += nav_sources(value)
            elif isinstance(value, str) and value.endswith(".md"):
                out.append(value)
    return out


def read_site_config(config_file: Path) -> SiteConfig:
    config_file = Path(config_file)
    data, _ = read_yaml(config_file)
    data = data or {}
    root = config_file.parent
    docs = root / (data.get("docs_dir") or "docs")
    site = site_changes(root, docs, data.get("copyright") or "", (data.get("theme") or {}).get("logo"))
    directory_urls = bool(data.get("use_directory_urls", True))
    return SiteConfig(root=root, docs_dir=docs, title=site.site_name or data.get("site_name") or "",
                      description=data.get("site_description") or "",
                      copyright=site.copyright if site.lokaal is not None else data.get("copyright") or "",
                      pages=[(src, page_url(src, directory_urls)) for src in nav_sources(data.get("nav"))],
                      lokaal=site.lokaal, directory_urls=directory_urls, site_url=site_address(data.get("site_url")))
