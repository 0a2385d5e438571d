"""Tables a screen reader can follow in a tagged PDF (PDF/UA-1 §7.5): every ``TH`` gets ``/Scope`` (``/Column`` or
``/Row``, by its place) and an ``/ID`` unique in the document, listed in the structure tree's ``/IDTree``; every
``TD`` gets ``/Headers`` naming all headers over it, also a header that spans several columns or rows.

WeasyPrint tags tables (``Table``/``THead``/``TBody``/``TFoot``/``TR``/``TH``/``TD``, with ``/ColSpan`` and
``/RowSpan``) but writes no ``/Scope``; its ``/Headers`` give a spanning header to the first column under it only,
and its IDs repeat when PDFs are merged. This module recomputes all of it from the tagged structure alone, so it
runs the same on a worksheet, a pack, an agenda and the book (any number of times: the result is the same)."""
from __future__ import annotations

from dataclasses import dataclass

import pikepdf

GROUPS = ("/THead", "/TBody", "/TFoot")
TABLE = pikepdf.Name("/Table")


@dataclass
class Cell:
    elem: pikepdf.Dictionary
    header: bool
    section: str
    row: int
    col: int
    colspan: int
    rowspan: int
    scope: str = ""


def _kids(elem) -> list:
    kids = elem.get("/K")
    if kids is None:
        return []
    kids = kids if isinstance(kids, pikepdf.Array) else [kids]
    return [k for k in kids if isinstance(k, pikepdf.Dictionary) and "/S" in k]


def _table_attributes(elem) -> pikepdf.Dictionary:
    """The cell's attribute dictionary owned by /Table (made if missing; an /A array keeps its other owners)."""
    attrs = elem.get("/A")
    if isinstance(attrs, pikepdf.Dictionary) and attrs.get("/O") == TABLE:
        return attrs
    found = [a for a in (attrs if isinstance(attrs, pikepdf.Array) else [attrs] if attrs is not None else [])
             if isinstance(a, pikepdf.Dictionary) and a.get("/O") == TABLE]
    if found:
        return found[0]
    table = pikepdf.Dictionary(O=TABLE)
    if attrs is None:
        elem.A = table
    else:
        elem.A = pikepdf.Array([*(attrs if isinstance(attrs, pikepdf.Array) else [attrs]), table])
    return table


def _span(elem, key: str) -> int:
    attrs = elem.get("/A")
    for a in (attrs if isinstance(attrs, pikepdf.Array) else [attrs] if attrs is not None else []):
        if isinstance(a, pikepdf.Dictionary) and a.get("/O") == TABLE and key in a:
            return max(1, int(a[key]))
    return 1


def table_cells(table) -> list[Cell]:
    """The cells of one tagged table in reading order, each placed on the grid (row, first column, spans)."""
    rows: list[tuple[str, pikepdf.Dictionary]] = []
    for kid in _kids(table):
        if kid.S in GROUPS:
            rows += [(str(kid.S), tr) for tr in _kids(kid) if tr.S == "/TR"]
        elif kid.S == "/TR":
            rows.append(("/TBody", kid))
    cells, taken = [], set()
    for r, (section, tr) in enumerate(rows):
        c = 0
        for elem in _kids(tr):
            if elem.S not in ("/TH", "/TD"):
                continue
            while (r, c) in taken:
                c += 1
            colspan, rowspan = _span(elem, "/ColSpan"), _span(elem, "/RowSpan")
            taken.update((r + i, c + j) for i in range(rowspan) for j in range(colspan))
            cells.append(Cell(elem, elem.S == "/TH", section, r, c, colspan, rowspan))
            c += colspan
    return cells


def scope_of(cell: Cell, cells: list[Cell]) -> str:
    """A header in the table head, or in a row of headers only, heads its column(s); any other heads its row."""
    if cell.section == "/THead" or all(other.header for other in cells if other.row == cell.row):
        return "/Column"
    return "/Row"


def headers_of(cell: Cell, cells: list[Cell]) -> list[Cell]:
    """Row headers left of the cell in its row(s), then column headers above it in its column(s), top down."""
    rows = range(cell.row, cell.row + cell.rowspan)
    cols = range(cell.col, cell.col + cell.colspan)
    row_headers = [h for h in cells if h.scope == "/Row" and h.col < cell.col
                   and set(rows) & set(range(h.row, h.row + h.rowspan))]
    col_headers = [h for h in cells if h.scope == "/Column" and h.row < cell.row
                   and set(cols) & set(range(h.col, h.col + h.colspan))]
    return row_headers + col_headers


def _tables(elem, seen: set):
    for kid in _kids(elem):
        if kid.objgen != (0, 0):
            if kid.objgen in seen:
                continue
            seen.add(kid.objgen)
        if kid.S == "/Table":
            yield kid
        else:
            yield from _tables(kid, seen)


def add_table_headers(pdf: pikepdf.Pdf) -> None:
    """Give every table in the structure tree its /Scope, /ID, /Headers and the document its /IDTree."""
    root = pdf.Root.get("/StructTreeRoot")
    if root is None:
        return
    ids: dict[str, pikepdf.Object] = {}
    for table in _tables(root, set()):
        cells = table_cells(table)
        for cell in cells:
            if cell.header:
                cell.scope = scope_of(cell, cells)
                _table_attributes(cell.elem).Scope = pikepdf.Name(cell.scope)
                key = f"th-{len(ids) + 1}"
                cell.elem.ID = pikepdf.String(key)
                ids[key] = cell.elem
        for cell in cells:
            if cell.header:
                continue
            attrs = _table_attributes(cell.elem)
            headers = [str(h.elem.ID) for h in headers_of(cell, cells)]
            if headers:
                attrs.Headers = pikepdf.Array([pikepdf.String(h) for h in headers])
            elif "/Headers" in attrs:
                del attrs.Headers
    if "/IDTree" in root:
        del root.IDTree
    if ids:
        tree = pikepdf.NameTree.new(pdf)
        for key, elem in ids.items():
            tree[key] = elem if elem.is_indirect else pdf.make_indirect(elem)
        root.IDTree = tree.obj
