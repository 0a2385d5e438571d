"""Render instruments to HTML from the shared Jinja partials in overrides/partials/werkblad/.

The website and the PDF renderer both use ``template_env()`` include
the same partials; only the ``medium`` variable differs ("web" or "pdf").
"""
from __future__ import annotations

import functools

import jinja2

from . import TEMPLATES_DIR
from .invullen import form_version
from .schema import Instrument

SEP = "__"


def field_name(instrument: Instrument, *parts: str) -> str:
    """A PDF field name: instrument id and item ids joined by '__' (unique across a merged pack)."""
    return SEP.join((instrument.id, *parts))


def flow_columns(block):
    """Place the boxes of a flowchart in columns: each box one column right of the furthest box pointing to it."""
    depth = {b.id: 0 for b in block.vakken}
    for _ in block.vakken:
        for arrow in block.pijlen:
            depth[arrow.naar] = max(depth[arrow.naar], depth[arrow.van] + 1)
    columns: list[list] = [[] for _ in range(max(depth.values()) + 1)]
    for box in block.vakken:
        columns[depth[box.id]].append(box)
    return columns


def install_globals(env: jinja2.Environment) -> jinja2.Environment:
    env.globals.update(field_name=field_name, flow_columns=flow_columns, form_version=form_version)
    return env


@functools.lru_cache(maxsize=1)
def template_env() -> jinja2.Environment:
    """One environment per process, so each template is compiled once per build."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES_DIR)),
        # HTML and SVG partials escape every value; Markdown partials (.md) produce Markdown, not HTML.
        autoescape=jinja2.select_autoescape(["html", "svg", "xml"], default_for_string=True, default=True),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return install_globals(env)


def compact(html: str) -> str:
    """Drop blank lines and indentation so Markdown passes the HTML through untouched."""
    return "\n".join(line.strip() for line in html.splitlines() if line.strip())
