"""mkdocs-macros module: a thin adapter over werkboek/macros.py, where the macros and their documentation live.

Once per build, at the first macro call (after the hooks that make PDFs ran), it builds the macros' context from what
the engine knows: the project folder, docs_dir, the URL scheme (use_directory_urls) and what earlier hooks left in
``extra`` (the gemeente's settings, the worksheets' and packs' PDFs). Each macro is then called with that context and
the Markdown source of the page being rendered. It reads nothing that Zensical's emulation of mkdocs-macros lacks
(``env.project_dir``, ``env.conf`` as a mapping, the page's source path).

Filter: platte_tekst, for every gemeente value a Markdown page inserts (werkboek/platte_tekst.py).
"""
from __future__ import annotations

import functools
from pathlib import Path

from werkboek import macros
from werkboek.platte_tekst import platte_tekst
from werkboek.site import local_settings, packs, pdf_infos


def define_env(env):
    env.filter(platte_tekst)  # gemeente values inside Markdown pages: {{ lokaal.naam | platte_tekst }}
    context = functools.cache(lambda: _context(env))
    for macro in macros.MACROS:
        env.macro(_bound(macro, context, env), macro.__name__)


def _context(env) -> macros.Context:
    conf, root = env.conf, Path(env.project_dir)
    return macros.load_context(root, root / conf.get("docs_dir", "docs"), bool(conf.get("use_directory_urls")),
                               lokaal=local_settings(conf), pdf_infos=pdf_infos(conf), packs=packs(conf))


def _bound(macro, context, env):
    @functools.wraps(macro)
    def call(*args, **kwargs):
        page = env.page
        source = getattr(getattr(page, "file", None), "src_uri", None) or getattr(page, "path", "?")
        return macro(context(), source, *args, **kwargs)

    return call
