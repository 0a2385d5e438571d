"""Privacy guard: the site loads nothing from another server (no CDN, no web fonts, no trackers), so a visit is seen
by nobody but the host. After the build, every .html and .css file written is scanned for assets from another host
— script src, stylesheets, preloads, icons, images, iframes, media, CSS url() and @import — and the build stops,
naming the file and the URL. Ordinary links (<a href>) to other sites are fine: they load nothing until clicked.

Runs late in on_post_build (after every other hook has written its files), before hooks/atomic_build.py swaps the
new site into place (priority -200), so a failed check leaves the previous site untouched."""
from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from werkboek.privacy import scan_site


@event_priority(-190)
def on_post_build(config):
    problems = scan_site(Path(config.site_dir))
    if problems:
        lines = [f"  {file}: {url} ({what})" for file, what, url in problems[:20]]
        more = f"\n  … en nog {len(problems) - 20}" if len(problems) > 20 else ""
        raise PluginError(
            "De site laadt bestanden van een andere server. Dat mag niet: dan ziet die server elk bezoek.\n"
            + "\n".join(lines) + more
            + "\nZet het bestand zelf in docs/assets/ en verwijs daar naar (links met <a href> naar andere sites mogen wel).")
