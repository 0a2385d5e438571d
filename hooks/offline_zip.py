"""Writes the whole site as one zip to read without internet (werkboek/offline_zip.py), at the end of the build:
after Material's offline plugin wrote search/search_index.js at priority -100, before hooks/atomic_build.py swaps
the site into place at -200. Under `mkdocs serve` it is written after the reload, in the background, after the
book (werkboek/background.py)."""
from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.plugins import event_priority

from werkboek import background
from werkboek.offline_zip import ZIP_PATH, write_zip

log = logging.getLogger("mkdocs.hooks.offline_zip")


@event_priority(-150)
def on_post_build(config):
    site_dir = Path(config.site_dir)
    cache = Path(config.config_file_path).parent / ".cache" / "offline"
    if not background.serving():
        size = write_zip(site_dir, site_dir / ZIP_PATH, cache_dir=cache)
        log.info(f"offline-versie {ZIP_PATH}: {size / 1024 / 1024:.1f} MB")
        return

    def step(current) -> None:
        with background.publishing(current) as ok:  # the site is not cleaned for a new build while it is read
            if ok:
                size = write_zip(site_dir, site_dir / ZIP_PATH, cache_dir=cache)
                log.info(f"offline-versie {ZIP_PATH}: {size / 1024 / 1024:.1f} MB (op de achtergrond)")

    background.later(step)
