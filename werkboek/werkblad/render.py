"""Render instruments to HTML from the shared Jinja partials in overrides/partials/werkblad/.

The website and the PDF renderer both use ``template_env()`` include
the same partials; only the ``medium`` variable differs ("web" or "pdf").
"""
from __future__ import annotations

import functools
import os
from dataclasses import dataclass

import jinja2

from werkboek import TEMPLATES_DIR
from werkboek.werkblad.filling import form_version
from werkboek.werkblad.schema import Instrument

SEP = "__"


def field_name(instrument: Instrument, *parts: str) -> str:
    """A PDF field name: instrument id and item ids joined by '__' (unique across a merged pack)."""
    return SEP.join((instrument.id, *parts))


def flow_columns(block):
    """Place the boxes of a flowchart in columns: each box one column right of the furthest box pointing to it."""
    depth = flow_depths(block)
    columns: list[list] = [[] for _ in range(max(depth.values()) + 1)]
    for box in block.vakken:
        columns[depth[box.id]].append(box)
    return columns


def flow_depths(block) -> dict[str, int]:
    depth = {b.id: 0 for b in block.vakken}
    for _ in block.vakken:
        for arrow in block.pijlen:
            depth[arrow.naar] = max(depth[arrow.naar], depth[arrow.van] + 1)
    return depth


@dataclass
class FlowCell:
    box: object
    column: int  # grid column (1-based): boxes in odd columns, arrows in the even columns between them
    row: int
    rows: int
    columns: int = 1
    sibling: str | None = None  # among the boxes its parent leads to: "enig", "eerste", "midden", "laatste"


def flow_grid(block):
    """Lay a flowchart out as a tree on a grid, like the printed card: each box in the column of its depth, spanning
    the rows of the boxes it leads to; a box without successors reaches to the last column. Boxes sit at the top of
    their rows, so the arrow from a box runs straight into its first successor and a line down the connector column
    reaches the others (each connector piece lives in its target's rows: no row heights need to be known).
    Returns (cells, number of box columns, number of rows). Arrows to a box that already has a parent are left to
    the text list (the chart is drawn as a tree)."""
    depth = flow_depths(block)
    ids = [b.id for b in block.vakken]
    children: dict[str, list[str]] = {i: [] for i in ids}
    has_parent: set[str] = set()
    for arrow in block.pijlen:
        if arrow.naar not in has_parent and depth[arrow.naar] == depth[arrow.van] + 1:
            children[arrow.van].append(arrow.naar)
            has_parent.add(arrow.naar)
    last = max(depth.values())
    span: dict[str, tuple[int, int]] = {}
    next_row = 1

    def place(ident):
        nonlocal next_row
        if not children[ident]:
            span[ident] = (next_row, 1)
            next_row += 1
            return
        for child in children[ident]:
            place(child)
        first = span[children[ident][0]][0]
        end = sum(span[children[ident][-1]])
        span[ident] = (first, end - first)

    for ident in ids:
        if ident not in has_parent:
            place(ident)
    boxes = {b.id: b for b in block.vakken}
    sibling: dict[str, str] = {}
    for kids in children.values():
        for n, kid in enumerate(kids):
            sibling[kid] = ("enig" if len(kids) == 1 else "eerste" if n == 0
                            else "laatste" if n == len(kids) - 1 else "midden")
    cells = []
    for ident in ids:
        row, rows = span[ident]
        cells.append(FlowCell(boxes[ident], 2 * depth[ident] + 1, row, rows,
                              1 if children[ident] else 2 * (last - depth[ident]) + 1, sibling.get(ident)))
    return cells, last + 1, next_row - 1


def install_globals(env: jinja2.Environment) -> jinja2.Environment:
    env.globals.update(field_name=field_name, flow_columns=flow_columns, flow_grid=flow_grid,
                       form_version=form_version)
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


def print_only(src_uri: str, abs_src_path: str | None) -> bool:
    """Whether a file of the theme folder is a print template (overrides/pdf/: PDF stylesheets, templates, the field
    font), which the published site must not carry: both media share overrides/partials/, so they live there."""
    if not src_uri.startswith("pdf/") or not abs_src_path:
        return False
    # MkDocs gives the theme's files relative to the working folder when mkdocs.yml was named relatively (-f)
    return "/overrides/pdf/" in os.path.abspath(abs_src_path).replace("\\", "/")
