"""Tables a screen reader can follow on every page of the built site: a row's header is its first cell, a table's
legend or explanation is its caption (never a data cell in its head), every header of a table with more than one
header row says what it heads (scope), and a header over a group of columns heads a column group that the table
declares (colgroup) with exactly its columns."""
from __future__ import annotations

from pathlib import Path

import lxml.html

from werkboek.werkblad.loader import load_instruments


def _cells(tr):
    return [c for c in tr if c.tag in ("td", "th")]


def _span(cell) -> int:
    return int(cell.get("colspan", "1"))


def table_problems(html: str, name: str) -> tuple[list[str], int]:
    problems, tables = [], 0
    for t, table in enumerate(lxml.html.fromstring(html).iter("table"), 1):
        tables += 1
        where = f"{name}: tabel {t}"
        head_rows = table.xpath("./thead/tr")
        for tr in table.xpath("./thead/tr|./tbody/tr|./tfoot/tr|./tr"):
            cells = _cells(tr)
            for i, cell in enumerate(cells):
                if cell.tag == "th" and cell.get("scope") == "row" and i > 0:
                    problems.append(f"{where}: rijkop {cell.text_content().strip()[:40]!r} staat in kolom {i + 1}, "
                                    "niet vooraan")
        for td in table.xpath("./thead/tr/td"):
            if td.text_content().strip():
                problems.append(f"{where}: tekst in een gewone cel van de kop ({td.text_content().strip()[:40]!r}); "
                                "een legenda hoort in <caption>")
        if len(head_rows) > 1 or table.xpath("./tbody/tr/th[not(@scope)]"):
            for th in table.iter("th"):
                if th.get("scope") not in ("col", "row", "colgroup", "rowgroup"):
                    problems.append(f"{where}: kop {th.text_content().strip()[:40]!r} zonder scope")
        groups, start = [], 0
        for colgroup in table.xpath("./colgroup"):
            span = int(colgroup.get("span", "1"))
            groups.append((start, start + span))
            start += span
        for tr in head_rows:
            col = 0
            for cell in _cells(tr):
                if cell.get("scope") == "colgroup" and (col, col + _span(cell)) not in groups:
                    problems.append(f"{where}: kop {cell.text_content().strip()!r} (scope=colgroup, kolom {col + 1}–"
                                    f"{col + _span(cell)}) heeft geen <colgroup> met precies die kolommen")
                col += _span(cell)
    return problems, tables


def test_every_table_on_every_page_has_headers_a_screen_reader_can_follow(built_site: Path):
    problems, tables, pages = [], 0, 0
    for page in sorted(built_site.rglob("*.html")):
        found, n = table_problems(page.read_text(encoding="utf-8"), page.relative_to(built_site).as_posix())
        problems += found
        tables += n
        pages += n > 0
    assert tables > 20 and pages > 5, (tables, pages)
    assert not problems, f"{len(problems)} problemen:\n" + "\n".join(problems[:40])


def test_the_scale_tables_name_their_legend_as_caption_and_their_rounds_as_column_groups(built_site: Path):
    """The scales with two header levels (a round over its options): derived from the data, not listed by hand."""
    rounds = [i for i in load_instruments().values() for b in i.blokken if b.soort == "schaal" and b.rondes]
    scales = [(i, b) for i in load_instruments().values() for b in i.blokken if b.soort == "schaal"]
    assert rounds and len(scales) >= 3
    pages = {p.read_text(encoding="utf-8") for p in built_site.rglob("*.html")}
    for instrument, blok in scales:
        legend = " ".join(blok.legenda.split())
        captions = [" ".join(c.text_content().split()) for html in pages if legend[:30] in html
                    for c in lxml.html.fromstring(html).xpath("//table[contains(@class, 'schaal')]/caption")]
        assert legend in captions, f"{instrument.nummer}: legenda niet als <caption>"


def test_the_check_catches_the_markup_it_forbids():
    bad = """<table><thead><tr><td colspan="3">1 = nooit; 2 = soms</td></tr>
    <tr><td></td><th scope="colgroup" colspan="2">Eerste keer</th></tr><tr><th>Stelling</th><th>A</th><th>B</th></tr>
    </thead><tbody><tr><td>9.00</td><th scope="row">Welkom</th><td>x</td></tr></tbody></table>"""
    found = " ".join(table_problems(bad, "x")[0])
    for expected in ("niet vooraan", "een legenda hoort in <caption>", "'Stelling' zonder scope",
                     "geen <colgroup> met precies die kolommen"):
        assert expected in found, (expected, found)
    good = """<table><caption>1 = nooit; 2 = soms</caption><colgroup></colgroup><colgroup span="2"></colgroup>
    <thead><tr><td></td><th scope="colgroup" colspan="2">Eerste keer</th></tr>
    <tr><th scope="col">Stelling</th><th scope="col">A</th><th scope="col">B</th></tr></thead>
    <tbody><tr><th scope="row">Welkom</th><td>x</td><td>y</td></tr></tbody></table>"""
    assert table_problems(good, "x") == ([], 1)
