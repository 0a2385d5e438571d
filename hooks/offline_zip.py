"""Writes the whole site as one zip to read without internet (werkboek/offline_zip.py), at the end of the build:
after Material's offline plugin wrote search/search_index.js at priority -100, before hooks/atomic_build.py swaps
the site into place at -200."""
from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.plugins import event_priority

from werkboek.offline_zip import ZIP_PATH, write_zip

log = logging.getLogger("mkdocs.hooks.offline_zip")


@event_priority(-150)
def on_post_build(config):
    site_dir = Path(config.site_dir)
    size = write_zip(site_dir, site_dir / ZIP_PATH)
    log.info(f"offline-versie {ZIP_PATH}: {size / 1024 / 1024:.1f} MB")
