"""PDF quality as users meet it, for every worksheet in the built site (werkbladen/*.pdf): tagged for screen readers
(structure tree, marked content), Dutch as its language, a title in the document info and in XMP, a tooltip on every
field (a radio group's on the group), no JavaScript or automatic actions, no links to other hosts, and it renders in
poppler without a single complaint. The checks that are not about form fields also run on every other PDF the site
offers (downloads/: the whole werkboek, the training packs)."""
from __future__ import annotations

import subprocess
from pathlib import Path

import pikepdf
import pytest

pytestmark = pytest.mark.slow

OTHER_HOST = ("http://", "https://", "//", "ftp://")


def _worksheets(site: Path) -> list[Path]:
    pdfs = sorted((site / "werkbladen").glob("*.pdf"))
    assert pdfs, "geen werkbladen in de site"
    return pdfs


def _all_pdfs(site: Path) -> list[Path]:
    return sorted(site.rglob("*.pdf"))


def _report(problems: list[str]) -> str:
    return f"{len(problems)} problemen:\n" + "\n".join(problems)


def _name(pdf_path: Path, site: Path) -> str:
    return pdf_path.relative_to(site).as_posix()


def _walk(obj, seen: set, path: str = "Root"):
    """Every dictionary reachable from obj (each indirect object once), with a readable path to it."""
    if isinstance(obj, pikepdf.Object) and obj.is_indirect:
        key = obj.objgen
        if key in seen:
            return
        seen.add(key)
    if isinstance(obj, pikepdf.Dictionary) or isinstance(obj, pikepdf.Stream):
        d = obj.stream_dict if isinstance(obj, pikepdf.Stream) else obj
        yield path, d
        for k in list(d.keys()):
            if k in ("/Parent", "/P", "/Pg"):  # back-links: everything below is reached from the top anyway
                continue
            yield from _walk(d[k], seen, f"{path}{k}")
    elif isinstance(obj, pikepdf.Array):
        for i, item in enumerate(obj):
            yield from _walk(item, seen, f"{path}[{i}]")


def _terminal_fields(fields, prefix: str = ""):
    """(full name, field) for every terminal field: one whose kids (if any) are widgets without a /T of their own.
    A radio group is one terminal field; its buttons are widgets (WeasyPrint also lists those in /Fields: they
    are reached through their group here, whose /TU is the one that counts)."""
    for field in fields:
        if "/Parent" in field and "/T" not in field:
            continue  # a widget of a group, not a field of its own
        name = f"{prefix}{field.get('/T', '')}"
        kids = field.get("/Kids")
        if kids is not None and any("/T" in kid for kid in kids):
            yield from _terminal_fields([k for k in kids if "/T" in k], name + ".")
        else:
            yield name, field


def _text(value) -> str:
    return str(value) if value is not None else ""


def tag_problems(pdf: pikepdf.Pdf, name: str) -> list[str]:
    problems, root = [], pdf.Root
    if "/StructTreeRoot" not in root:
        problems.append(f"{name}: niet getagd (geen /StructTreeRoot)")
    mark_info = root.get("/MarkInfo")
    if mark_info is None or not bool(mark_info.get("/Marked", False)):
        problems.append(f"{name}: /MarkInfo /Marked is niet true")
    lang = _text(root.get("/Lang"))
    if not lang.lower().startswith("nl"):
        problems.append(f"{name}: /Lang is {lang!r}, geen Nederlands")
    if not _text(pdf.docinfo.get("/Title")).strip():
        problems.append(f"{name}: geen titel in /Info")
    with pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
        if not _text(meta.get("dc:title")).strip():
            problems.append(f"{name}: geen dc:title in XMP")
    prefs = root.get("/ViewerPreferences")
    if prefs is None or not bool(prefs.get("/DisplayDocTitle", False)):
        problems.append(f"{name}: /ViewerPreferences /DisplayDocTitle is niet true (venster toont bestandsnaam)")
    return problems


def tooltip_problems(pdf: pikepdf.Pdf, name: str) -> tuple[list[str], int]:
    acro = pdf.Root.get("/AcroForm")
    if acro is None or "/Fields" not in acro:
        return [], 0  # a worksheet without fields (to print) needs no tooltips
    problems, counted = [], 0
    for field_name, field in _terminal_fields(acro.Fields):
        counted += 1
        if not _text(field.get("/TU")).strip():
            kind = "keuzerondjes-groep" if field.get("/FT") == "/Btn" and field.get("/Kids") else "veld"
            problems.append(f"{name}: {kind} {field_name!r} zonder tooltip (/TU)")
    return problems, counted


def action_problems(pdf: pikepdf.Pdf, name: str, own: str | None = None) -> list[str]:
    """``own``: the site's own address (werkboek/publish/site_address.py), when the build knows it: the book's links
    to pages it does not hold lead there, and that is no other host."""
    problems = []
    names = pdf.Root.get("/Names")
    if names is not None and "/JavaScript" in names:
        problems.append(f"{name}: /Names /JavaScript")
    action = pdf.Root.get("/OpenAction")
    if isinstance(action, pikepdf.Dictionary) and action.get("/S") != "/GoTo":
        problems.append(f"{name}: /OpenAction {action.get('/S')}")
    for where, d in _walk(pdf.Root, set()):
        if "/JS" in d:
            problems.append(f"{name}: JavaScript (/JS) in {where}")
        elif d.get("/S") == "/JavaScript":
            problems.append(f"{name}: JavaScript-actie in {where}")
        if "/AA" in d:
            problems.append(f"{name}: automatische actie (/AA) in {where}")
        if d.get("/S") in ("/Launch", "/SubmitForm", "/ImportData"):
            problems.append(f"{name}: actie {d.get('/S')} in {where}")
        uri = _text(d.get("/URI"))
        if d.get("/S") == "/URI" and uri.lower().startswith(OTHER_HOST) and not (own and uri.startswith(own)):
            problems.append(f"{name}: link naar een andere server: {_text(d.get('/URI'))} ({where})")
    return problems


def test_every_pdf_is_tagged_dutch_and_titled(built_site):
    problems = []
    for path in _all_pdfs(built_site):
        with pikepdf.open(path) as pdf:
            problems += tag_problems(pdf, _name(path, built_site))
    assert not problems, _report(problems)


def test_every_worksheet_field_has_a_tooltip(built_site):
    problems, counted = [], 0
    for path in _worksheets(built_site):
        with pikepdf.open(path) as pdf:
            found, n = tooltip_problems(pdf, _name(path, built_site))
        problems += found
        counted += n
    assert counted > 0, "geen enkel formulierveld gevonden"
    assert not problems, _report(problems)


def test_no_javascript_automatic_actions_or_links_to_other_hosts(built_site):
    problems = []
    for path in _all_pdfs(built_site):
        with pikepdf.open(path) as pdf:
            problems += action_problems(pdf, _name(path, built_site))
    assert not problems, _report(problems)


def test_the_checks_catch_a_bad_pdf():
    """The checks above, on a PDF that gets everything wrong: they must say so."""
    pdf = pikepdf.new()
    pdf.add_blank_page()
    js = pdf.make_indirect(pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS=pikepdf.String("app.alert(1)")))
    pdf.Root.OpenAction = js
    link = pikepdf.Dictionary(Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Link, Rect=[0, 0, 10, 10],
                              A=pikepdf.Dictionary(S=pikepdf.Name.URI, URI=pikepdf.String("https://volger.example")))
    field = pdf.make_indirect(pikepdf.Dictionary(FT=pikepdf.Name.Tx, T=pikepdf.String("naam"),
                                                 AA=pikepdf.Dictionary(K=js)))
    group = pdf.make_indirect(pikepdf.Dictionary(FT=pikepdf.Name.Btn, T=pikepdf.String("keuze"), Ff=49152))
    widget = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Widget, Parent=group))
    group.Kids = [widget]
    pdf.pages[0].Annots = pdf.make_indirect([link, field, widget])
    pdf.Root.AcroForm = pdf.make_indirect(pikepdf.Dictionary(Fields=[field, group, widget]))
    tags = " ".join(tag_problems(pdf, "x"))
    for expected in ("niet getagd", "/Marked", "/Lang", "titel in /Info", "dc:title", "DisplayDocTitle"):
        assert expected in tags
    tips, counted = tooltip_problems(pdf, "x")
    assert counted == 2 and "veld 'naam'" in " ".join(tips) and "keuzerondjes-groep 'keuze'" in " ".join(tips)
    actions = " ".join(action_problems(pdf, "x"))
    for expected in ("/OpenAction", "JavaScript (/JS)", "automatische actie (/AA)", "https://volger.example"):
        assert expected in actions


def test_every_pdf_renders_without_complaints(built_site, tmp_path):
    problems = []
    for n, path in enumerate(_all_pdfs(built_site)):
        result = subprocess.run(["pdftoppm", "-png", "-r", "30", str(path), str(tmp_path / f"p{n}")],
                                capture_output=True, text=True)
        name = _name(path, built_site)
        if result.returncode != 0:
            problems.append(f"{name}: pdftoppm stopte met code {result.returncode}")
        if result.stderr.strip():
            problems.append(f"{name}: pdftoppm meldt: {result.stderr.strip()[:500]}")
        if not list(tmp_path.glob(f"p{n}-*.png")):
            problems.append(f"{name}: geen pagina's getekend")
    assert not problems, _report(problems)
