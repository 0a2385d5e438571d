"""mkdocs-macros module: a thin adapter over werkboek/pages/macros.py, where the macros and their documentation live.

Each time the plugin loads it (MkDocs: once per build; Zensical: once per page), it builds the macros' context at
the first macro call from what the engine knows: the project folder, docs_dir, the URL scheme (use_directory_urls)
and the gemeente's settings as hooks/gemeente.py left them in ``extra`` (where no hook ran, it reads the gemeente's
file itself). The PDFs are made after the pages (werkboek/publish/finish.py): pages show their pages and sizes as
placeholders. Each macro is then called with that context and the Markdown source of the page being rendered. It
reads nothing that Zensical's emulation of mkdocs-macros lacks (``env.project_dir``, ``env.conf`` as a mapping, the
page's source path).

Variable: ``lokaal``, the gemeente's settings (None upstream). Filter: plain_text, for every gemeente value a
Markdown page inserts (werkboek/pages/plain_text.py).
"""
from __future__ import annotations

import functools
from pathlib import Path

from werkboek.gemeente.site_changes import site_changes
from werkboek.pages import macros
from werkboek.pages.plain_text import plain_text
from werkboek.site import LOKAAL, gemeente_settings


def define_env(env):
    root = Path(env.project_dir)
    docs = root / env.conf.get("docs_dir", "docs")
    lokaal = _lokaal(env.conf, root, docs)
    env.variables["lokaal"] = lokaal  # pages read the gemeente's settings: {{ lokaal.naam | plain_text }}
    env.filter(plain_text)
    context = functools.cache(lambda: macros.load_context(
        root, docs, bool(env.conf.get("use_directory_urls")), lokaal=lokaal))
    for macro in macros.MACROS:
        env.macro(_bound(macro, context, env), macro.__name__)


def _lokaal(conf, root: Path, docs: Path):
    """The gemeente's settings as hooks/gemeente.py read them; an engine without hooks reads them here."""
    if LOKAAL in (conf.get("extra") or {}):
        return gemeente_settings(conf)
    return site_changes(root, docs, None, None).lokaal


def _bound(macro, context, env):
    @functools.wraps(macro)
    def call(*args, **kwargs):
        page = env.page
        source = getattr(getattr(page, "file", None), "src_uri", None) or getattr(page, "path", "?")
        return macro(context(), source, *args, **kwargs)

    return call
