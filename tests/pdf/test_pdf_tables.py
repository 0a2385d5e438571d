"""Tables a screen reader can follow in every PDF the site offers (PDF/UA-1 §7.5): every TH carries /Scope by its
place (/Column in the table head or in a row of headers only, /Row otherwise) and an /ID that the structure tree's
/IDTree resolves; every data cell's /Headers names each header over it, also one that spans several columns."""
from __future__ import annotations

import io
from pathlib import Path

import pikepdf
import pytest

from werkboek.pdf.document import finish_raw
from werkboek.pdf.weasy import write_pdf

pytestmark = pytest.mark.slow


def _kids(elem) -> list:
    kids = elem.get("/K")
    kids = [] if kids is None else kids if isinstance(kids, pikepdf.Array) else [kids]
    return [k for k in kids if isinstance(k, pikepdf.Dictionary) and "/S" in k]


def _table_attrs(elem) -> pikepdf.Dictionary:
    attrs = elem.get("/A")
    for a in attrs if isinstance(attrs, pikepdf.Array) else [attrs]:
        if isinstance(a, pikepdf.Dictionary) and a.get("/O") == pikepdf.Name.Table:
            return a
    return pikepdf.Dictionary()


def _grid(table):
    """(section, row, first column, colspan, rowspan, element) of each cell, placed as a reader's table model
    places them (cells skip the columns that a rowspan above still covers)."""
    rows = []
    for kid in _kids(table):
        if kid.S in ("/THead", "/TBody", "/TFoot"):
            rows += [(str(kid.S), tr) for tr in _kids(kid) if tr.S == "/TR"]
        elif kid.S == "/TR":
            rows.append(("/TBody", kid))
    cells, taken = [], set()
    for r, (section, tr) in enumerate(rows):
        c = 0
        for cell in (k for k in _kids(tr) if k.S in ("/TH", "/TD")):
            while (r, c) in taken:
                c += 1
            attrs = _table_attrs(cell)
            cs, rs = int(attrs.get("/ColSpan", 1)), int(attrs.get("/RowSpan", 1))
            taken |= {(r + i, c + j) for i in range(rs) for j in range(cs)}
            cells.append((section, r, c, cs, rs, cell))
            c += cs
    return cells


def _tables(elem):
    for kid in _kids(elem):
        if kid.S == "/Table":
            yield kid
        else:
            yield from _tables(kid)


def table_problems(pdf: pikepdf.Pdf, name: str) -> tuple[list[str], int, int]:
    """Problems, the number of header cells checked, and of headers spanning columns whose cells were checked."""
    problems, headers, spanning = [], 0, 0
    root = pdf.Root.get("/StructTreeRoot")
    tables = list(_tables(root)) if root is not None else []
    id_tree = pikepdf.NameTree(root.IDTree) if tables and "/IDTree" in root else {}
    seen_ids: set[str] = set()
    for t, table in enumerate(tables, 1):
        cells = _grid(table)
        place = {cell.objgen: "/Column" if section == "/THead" or all(k.S == "/TH" for _, rr, *_, k in cells if rr == r)
                 else "/Row" for section, r, c, cs, rs, cell in cells if cell.S == "/TH"}
        for section, r, c, cs, rs, cell in cells:
            if cell.S != "/TH":
                continue
            headers += 1
            where = f"{name}: tabel {t}, rij {r + 1}, kolom {c + 1}"
            expected = place[cell.objgen]
            scope = _table_attrs(cell).get("/Scope")
            if scope is None:
                problems.append(f"{where}: TH zonder /Scope")
            elif str(scope) != expected:
                problems.append(f"{where}: TH met /Scope {scope}, verwacht {expected}")
            key = str(cell.get("/ID", ""))
            if not key:
                problems.append(f"{where}: TH zonder /ID")
                continue
            if key in seen_ids:
                problems.append(f"{where}: /ID {key!r} komt twee keer voor")
            seen_ids.add(key)
            if key not in id_tree or id_tree[key].objgen != cell.objgen:
                problems.append(f"{where}: /ID {key!r} staat niet (goed) in de /IDTree")
        for section, r, c, cs, rs, cell in cells:
            if cell.S != "/TD":
                continue
            named = {str(h) for h in _table_attrs(cell).get("/Headers", [])}
            for hs, hr, hc, hcs, hrs, header in cells:
                if header.S != "/TH":
                    continue
                over = hr < r and place[header.objgen] == "/Column" and hc < c + cs and c < hc + hcs
                beside = place[header.objgen] == "/Row" and hc < c and hr < r + rs and r < hr + hrs
                if (over or beside) and str(header.get("/ID", "")) not in named:
                    problems.append(f"{name}: tabel {t}, rij {r + 1}, kolom {c + 1}: /Headers mist de kop in rij "
                                    f"{hr + 1}, kolom {hc + 1}")
                if over and hcs > 1:
                    spanning += 1
    return problems, headers, spanning


def _report(problems: list[str]) -> str:
    return f"{len(problems)} problemen:\n" + "\n".join(problems[:60])


def test_every_table_header_in_every_pdf_has_its_scope_and_every_cell_its_headers(built_site: Path):
    problems, headers, spanning, kinds = [], 0, 0, set()
    for path in sorted(built_site.rglob("*.pdf")):
        with pikepdf.open(path) as pdf:
            found, n, s = table_problems(pdf, path.relative_to(built_site).as_posix())
        problems += found
        headers += n
        spanning += s
        if n:
            kinds.add(path.parent.name if path.name != "werkboek.pdf" else "boek")
    # the worksheets, the packs and agendas, and the book all hold tables; a header spans columns in 6.10
    assert kinds == {"werkbladen", "downloads", "boek"} and headers > 200 and spanning > 0, (kinds, headers, spanning)
    assert not problems, _report(problems)


HTML = """<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>t</title></head><body>
<table><thead>
<tr><td></td><th colspan="2">Eerste keer</th><th colspan="2">Tweede keer</th></tr>
<tr><th>Stelling</th><th>A</th><th>B</th><th>A</th><th>B</th></tr></thead>
<tbody><tr><th rowspan="2">Ik mis mensen</th><td>1</td><td>2</td><td>3</td><td>4</td></tr>
<tr><td>5</td><td>6</td><td>7</td><td>8</td></tr></tbody></table>
<table><tbody><tr><th>Tijd</th><th>Wat</th></tr><tr><td>9.00</td><th>Welkom</th></tr></tbody></table>
</body></html>"""


def test_the_check_fails_on_what_weasyprint_writes_and_passes_after_finishing():
    raw = write_pdf(HTML, name="tabellen")
    with pikepdf.open(io.BytesIO(raw)) as pdf:
        before, n, _ = table_problems(pdf, "ruw")
    assert n == 11 and any("zonder /Scope" in p for p in before)
    assert any("mist de kop in rij 1, kolom 4" in p for p in before), before  # 'Tweede keer' over its 2nd column
    finished = finish_raw(raw, "Tabellen", 0)
    with pikepdf.open(io.BytesIO(finished)) as pdf:
        after, n, spanning = table_problems(pdf, "af")
        assert not after, _report(after)
        assert n == 11 and spanning == 8  # 2 rows x 4 cells, each under a header of 2 columns
        scopes = [str(_table_attrs(cell).get("/Scope")) for table in _tables(pdf.Root.StructTreeRoot)
                  for *_, cell in _grid(table) if cell.S == "/TH"]
        # second table: a header row in the body heads columns; 'Welkom' heads its row
        assert scopes == ["/Column"] * 7 + ["/Row"] + ["/Column", "/Column", "/Row"]
    # finishing twice (a pack finishes PDFs that were finished alone) gives the same bytes
    assert finish_raw(finished, "Tabellen", 0) == finished
