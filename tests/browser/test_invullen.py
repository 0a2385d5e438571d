"""Filling in a worksheet on the site, as a person does it: every field of every instrument is typed in or ticked on
its page; after a reload the answers are back (kept in this browser only); "Download ingevuld (PDF)" gives the same
PDF as the blank download with every answer in its field (read with pypdf) and visible (rendered with poppler);
with the browser's storage wiped, that PDF read back on "Mijn antwoorden" puts every answer back; answers kept in
the earlier format come back, and answers whose field is gone are kept and shown; "Wis mijn antwoorden" clears
them; nothing is requested from another host — online and from the offline zip opened via file://.
Everything is derived from the data (werkboek.werkblad.loader) and the page itself."""
from __future__ import annotations

import base64
import io
import json
import subprocess
from pathlib import Path

import pikepdf
import pypdf
import pypdfium2 as pdfium
import pytest
from conftest import ROOT
from fields_oracle import expected_fields
from invul_helpers import (READ_FIELDS, STORED, answers_on_page, fill_everything, is_empty,
                           pages_with_forms, restore_from)
from PIL import Image
from quality_helpers import DESKTOP, new_page, reach

from werkboek.werkblad.loader import load_instruments

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ALL = load_instruments()
INSTRUMENTS = sorted(ident for ident, i in ALL.items() if expected_fields(i))
NOTHING_TO_FILL = sorted(set(ALL) - set(INSTRUMENTS))
@pytest.fixture(scope="module")
def pages_of(built_site) -> dict[str, str]:
    """instrument id → the page it is on (found in the built site)."""
    found = pages_with_forms(built_site)
    missing = set(ALL) - set(found)
    assert not missing, f"werkbladen op geen enkele pagina: {sorted(missing)}"
    return found


PDFJS = ROOT / "tools" / "pdf" / "node_modules" / "pdfjs-dist" / "build"
PDFJS_HOST = "http://pdfjs.invalid"  # answered by page.route from tools/pdf/node_modules; nothing leaves the machine
PDFJS_PAGE = """<!doctype html><meta charset="utf-8"><script type="module">
import * as pdfjs from "./pdf.min.mjs";
pdfjs.GlobalWorkerOptions.workerSrc = "./pdf.worker.min.mjs";
window.render = async (b64, scale) => {
  const data = Uint8Array.from(atob(b64), c => c.charCodeAt(0));
  const doc = await pdfjs.getDocument({data}).promise;
  const values = {}, pages = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n), viewport = page.getViewport({scale});
    for (const a of await page.getAnnotations())  // what the viewer's form layer shows in each field
      if (a.fieldName) (values[a.fieldName] = values[a.fieldName] || []).push(a.fieldValue);
    const canvas = document.createElement("canvas");
    canvas.width = viewport.width; canvas.height = viewport.height;
    // annotationMode ENABLE draws the fields' appearances, as pdf.js prints them
    await page.render({canvas, viewport, annotationMode: pdfjs.AnnotationMode.ENABLE}).promise;
    pages.push(canvas.toDataURL("image/png"));
  }
  return {values, pages};
};
window.ready = true;
</script>"""


@pytest.fixture(scope="module")
def pdfjs(browser):
    """A page with pdf.js (pdfjs-dist, pinned in tools/pdf/package.json for the tests only; the site never serves it)."""
    assert (PDFJS / "pdf.min.mjs").is_file(), "pdfjs-dist ontbreekt: `npm ci --prefix tools/pdf` (make test doet dat)"
    context = browser.new_context()

    def answer(route):
        name = route.request.url.removeprefix(PDFJS_HOST + "/")
        if name == "index.html":
            route.fulfill(body=PDFJS_PAGE, content_type="text/html")
        else:
            route.fulfill(path=str(PDFJS / name), content_type="text/javascript")

    context.route(f"{PDFJS_HOST}/**", answer)
    page = context.new_page()
    page.goto(f"{PDFJS_HOST}/index.html")
    page.wait_for_function("window.ready === true")
    yield page
    context.close()


def _pdfium_render(pdf: bytes, _folder: str = "", dpi: int = 50) -> list[Image.Image]:
    doc = pdfium.PdfDocument(pdf)
    doc.init_forms()  # draw the form fields as Chromium's viewer does
    return [page.render(scale=dpi / 72, may_draw_forms=True, grayscale=True).to_pil().convert("L") for page in doc]


def _pdfjs_render(pdfjs, pdf: bytes, dpi: int = 50) -> tuple[dict, list[Image.Image]]:
    out = pdfjs.evaluate("([b, s]) => window.render(b, s)", [base64.b64encode(pdf).decode("ascii"), dpi / 72])
    images = [Image.open(io.BytesIO(base64.b64decode(url.split(",", 1)[1]))).convert("L") for url in out["pages"]]
    return out["values"], images


def _pdf_value(field) -> object:
    """What a PDF field holds, in the terms the web form uses."""
    value = field.get("/V")
    if field.get("/FT") == "/Tx":
        return str(value or "").replace("\r\n", "\n").replace("\r", "\n")
    if "/Opt" in field:  # a radio group: the on-state is the index of the chosen option
        if value in (None, "/Off"):
            return None
        return str(field["/Opt"][int(str(value).lstrip("/"))])
    return value not in (None, "/Off")


def _widgets(reader: pypdf.PdfReader) -> dict[str, list[tuple[int, list[float], str | None]]]:
    """field name → its widgets as (page index, rect, on-state)."""
    found: dict[str, list] = {}
    for index, page in enumerate(reader.pages):
        for annot in page.get("/Annots", []) or []:
            a = annot.get_object()
            if a.get("/Subtype") != "/Widget":
                continue
            parent = a.get("/Parent")
            name = a.get("/T") if "/T" in a else parent.get_object().get("/T")
            states = [s for s in (a.get("/AP", {}).get("/N", {}) or {}).keys() if s != "/Off"]
            found.setdefault(str(name), []).append((index, [float(x) for x in a["/Rect"]],
                                                    states[0] if states else None))
    return found


def _render(pdf: bytes, folder: Path, dpi: int = 50) -> list[Image.Image]:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "in.pdf").write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", str(folder / "in.pdf"), str(folder / "p")], check=True)
    return [Image.open(p) for p in sorted(folder.glob("p-*.png"), key=lambda p: int(p.stem.split("-")[-1]))]


def _ink(image: Image.Image, rect: list[float], page_height: float, dpi: int = 50) -> int:
    """Dark pixels inside a widget's rectangle."""
    scale = dpi / 72
    x0, y0, x1, y1 = min(rect[0], rect[2]), min(rect[1], rect[3]), max(rect[0], rect[2]), max(rect[1], rect[3])
    box = (int(x0 * scale), int((page_height - y1) * scale), int(x1 * scale) + 1, int((page_height - y0) * scale) + 1)
    return sum(image.convert("L").crop(box).histogram()[:128])


def _struct_count(node) -> int:
    """Structure elements below a node of the structure tree."""
    kids = node.get("/K")
    if kids is None:
        return 0
    kids = kids if isinstance(kids, pikepdf.Array) else [kids]
    return sum(1 + _struct_count(k) for k in kids if isinstance(k, pikepdf.Dictionary) and "/S" in k)


def _check_kept(filled: bytes, blank: bytes, where: str) -> None:
    """What the blank PDF says about itself survives filling: title, language, tags, metadata, outline."""
    with pikepdf.open(io.BytesIO(blank)) as b, pikepdf.open(io.BytesIO(filled)) as f:
        assert set(f.Root.keys()) >= set(b.Root.keys()), f"{where}: catalogus verloor {set(b.Root.keys()) - set(f.Root.keys())}"
        assert str(f.Root.Lang) == str(b.Root.Lang) == "nl-NL"
        assert bool(f.Root.MarkInfo.Marked)
        assert f.Root.Metadata.read_bytes() == b.Root.Metadata.read_bytes(), f"{where}: XMP veranderd"
        assert str(f.docinfo["/Title"]) == str(b.docinfo["/Title"])
        assert bool(f.Root.ViewerPreferences.DisplayDocTitle)
        assert _struct_count(f.Root.StructTreeRoot) == _struct_count(b.Root.StructTreeRoot) > 0, f"{where}: tags verloren"
        parents = [[a.get("/StructParent") for a in p.get("/Annots", [])] for p in (b.pages, f.pages)[0]]
        assert parents == [[a.get("/StructParent") for a in p.get("/Annots", [])] for p in f.pages], \
            f"{where}: velden niet meer aan hun tags gekoppeld"


def _check_filled_pdf(filled: bytes, blank: bytes, expected: dict[str, object], where: str, tmp: Path,
                      pdfjs=None) -> None:
    reader = pypdf.PdfReader(io.BytesIO(filled))
    fields = reader.get_fields()
    assert set(fields) == set(expected), (f"{where}: veldnamen in PDF en webformulier verschillen: "
                                          f"{sorted(set(fields) ^ set(expected))}")
    wrong = {name: (_pdf_value(fields[name]), want) for name, want in expected.items()
             if _pdf_value(fields[name]) != want}
    assert not wrong, f"{where}: waarden in de PDF wijken af: {wrong}"
    assert "/NeedAppearances" not in reader.trailer["/Root"]["/AcroForm"] or \
        not reader.trailer["/Root"]["/AcroForm"]["/NeedAppearances"], f"{where}: NeedAppearances (poppler toont dan geen vinkjes)"

    _check_kept(filled, blank, where)
    texts = sum(1 for name, v in expected.items() if v and fields[name].get("/FT") == "/Tx")
    assert len(filled) <= len(blank) + 1500 * texts + 8000, \
        f"{where}: ingevulde PDF {len(filled)} bytes, leeg {len(blank)}: meer dan de antwoorden zelf"

    # Visible: every filled field's rectangle holds more ink than in the blank PDF, in poppler, in pdfium (the engine
    # of Chromium's PDF viewer, with its form layer) and in pdf.js.
    renderers = {"poppler": lambda pdf, folder: _render(pdf, tmp / folder), "pdfium (Chromium)": _pdfium_render}
    if pdfjs is not None:
        renderers["pdf.js"] = lambda pdf, folder: _pdfjs_render(pdfjs, pdf)[1]
        values = _pdfjs_render(pdfjs, filled)[0]
        text_seen = {name: v[0] for name, v in values.items() if fields[name].get("/FT") == "/Tx"}
        text_want = {name: v for name, v in expected.items() if fields[name].get("/FT") == "/Tx"}
        assert {k: str(v or "").replace("\r", "\n") for k, v in text_seen.items()} == \
            {k: v or "" for k, v in text_want.items()}, f"{where}: pdf.js leest andere tekst"
    heights = [float(p.mediabox.height) for p in reader.pages]
    for viewer, render in renderers.items():
        blank_pages, filled_pages = render(blank, "leeg"), render(filled, "ingevuld")
        invisible = []
        for name, widgets in _widgets(reader).items():
            want = expected.get(name)
            if not want:
                continue
            for index, rect, state in widgets:
                if isinstance(want, str) and state is not None and "/Opt" in fields[name]:
                    # radio: only the chosen option's widget shows a mark
                    options = [str(o) for o in fields[name]["/Opt"]]
                    if state != f"/{options.index(want)}":
                        continue
                before = _ink(blank_pages[index], rect, heights[index])
                after = _ink(filled_pages[index], rect, heights[index])
                if after <= before:
                    invisible.append(f"{name} (p. {index + 1})")
        assert not invisible, f"{where}: ingevuld maar niet zichtbaar in {viewer}: {invisible}"


def _fill_reload_download_clear(browser, url: str, ident: str, allowed: tuple[str, ...], blank: bytes,
                                tmp_path: Path, pdfjs=None) -> None:
    requests: list[str] = []
    with new_page(browser, DESKTOP) as page:
        page.on("request", lambda r: requests.append(r.url))
        page.goto(url, wait_until="load")
        form = page.locator(f"form#werkblad-{ident}")
        assert form.locator("text=nergens heen gestuurd").is_visible()
        expected = fill_everything(form)
        assert expected, f"{ident}: geen velden op de pagina"

        page.reload(wait_until="load")
        form = page.locator(f"form#werkblad-{ident}")
        assert answers_on_page(form) == expected, f"{ident}: antwoorden na herladen niet terug"
        assert not any("pdf-lib" in u for u in requests), "pdf-lib geladen voordat iemand op de knop drukte"

        button = form.get_by_role("button", name="Download ingevuld (PDF)")
        with page.expect_download() as download:
            button.click()
        path = tmp_path / f"{ident}.pdf"
        download.value.save_as(path)
        assert download.value.suggested_filename == f"{ident}-ingevuld.pdf"
        status = form.locator(".werkblad__status")
        page.wait_for_function("el => el.textContent.includes('gedownload')", arg=status.element_handle())
        _check_filled_pdf(path.read_bytes(), blank, expected, ident, tmp_path, pdfjs)

        # The browser's storage wiped (browsing data cleared, or another device): the downloaded PDF, read back on
        # "Mijn antwoorden", puts every answer back in its field.
        page.evaluate("localStorage.clear()")
        message = restore_from(page, url.rsplit("/", 1)[0] + "/", path)
        given = sum(1 for v in expected.values() if v)
        assert f": {given} van de {given} antwoorden teruggezet." in message, f"{ident}: {message}"
        page.goto(url, wait_until="load")
        form = page.locator(f"form#werkblad-{ident}")
        status = form.locator(".werkblad__status")
        assert answers_on_page(form) == expected, f"{ident}: antwoorden uit de PDF niet (gelijk) teruggezet"

        page.once("dialog", lambda d: d.accept())
        form.get_by_role("button", name="Wis mijn antwoorden").click()
        page.wait_for_function("el => el.textContent.includes('gewist')", arg=status.element_handle())
        assert is_empty(form), f"{ident}: 'Wis mijn antwoorden' liet antwoorden staan"
        page.reload(wait_until="load")
        assert is_empty(page.locator(f"form#werkblad-{ident}")), f"{ident}: gewist, maar na herladen terug"
        page.wait_for_load_state("networkidle")
    assert any("pdf-lib.min.js" in u for u in requests)
    outside = sorted({u for u in requests if not u.startswith(allowed)})
    assert not outside, f"{ident}: verzoeken naar elders:\n" + "\n".join(outside)


@pytest.mark.parametrize("ident", INSTRUMENTS)
def test_fill_reload_download_and_clear_online(browser, server, built_site, pages_of, pdfjs, ident, tmp_path):
    blank = (built_site / "werkbladen" / f"{ident}.pdf").read_bytes()
    _fill_reload_download_clear(browser, f"{server}/{pages_of[ident]}", ident, (server + "/", "blob:", "data:"),
                                blank, tmp_path, pdfjs)


@pytest.mark.parametrize("ident", INSTRUMENTS)
def test_fill_reload_download_and_clear_from_the_offline_zip(browser, unzipped, pages_of, ident, tmp_path):
    blank = (unzipped / "werkbladen" / f"{ident}.pdf").read_bytes()
    _fill_reload_download_clear(browser, (unzipped / pages_of[ident]).as_uri(), ident, ("file://", "blob:", "data:"),
                                blank, tmp_path)


@pytest.mark.skipif(not NOTHING_TO_FILL, reason="every instrument has fields")
def test_a_worksheet_without_fields_offers_nothing_to_keep(browser, server, pages_of):
    for ident in NOTHING_TO_FILL:
        with new_page(browser, DESKTOP) as page:
            page.goto(f"{server}/{pages_of[ident]}", wait_until="load")
            form = page.locator(f"form#werkblad-{ident}")
            reach(form.locator(".werkblad__download a[download]"))  # fails unless the link is shown
            shown = form.locator("[data-actie], .werkblad__bewaren").evaluate_all(
                "els => els.filter(e => e.getClientRects().length).length")
            assert shown == 0, f"{ident}: knoppen om antwoorden te bewaren op een werkblad zonder velden"


def _first_field(page, ident):
    form = page.locator(f"form#werkblad-{ident}")
    first = form.evaluate(READ_FIELDS)[0]
    value = first["value"] if first["type"] in ("checkbox", "radio") else "oud antwoord é ĳ 🙂"
    return form, first, (True if first["type"] == "checkbox" else value)


@pytest.mark.parametrize("which", ["deze versie", "een oudere versie"])
def test_answers_kept_in_the_earlier_format_come_back_on_the_first_visit(browser, server, pages_of, which):
    """Answers kept before this format (werkboek:werkblad:<id>:<form version>, one entry per version) move into the
    one entry per instrument, for the current version and for older ones, and go back in their fields."""
    ident = INSTRUMENTS[0]
    with new_page(browser, DESKTOP) as page:
        page.goto(f"{server}/{pages_of[ident]}", wait_until="load")
        form, first, value = _first_field(page, ident)
        version = form.get_attribute("data-versie")
        old = f"werkboek:werkblad:{ident}:{version if which == 'deze versie' else 'oud-' + version}"
        page.evaluate("localStorage.clear()")
        page.evaluate("([k, n, v]) => localStorage.setItem(k, JSON.stringify({[n]: v}))", [old, first["name"], value])
        page.reload(wait_until="load")
        now = answers_on_page(page.locator(f"form#werkblad-{ident}"))
        assert now[first["name"]] == value, f"antwoord van {which} niet teruggezet"
        stored = page.evaluate(STORED)
        assert old not in stored, "oude sleutel bleef naast de nieuwe staan"
        assert json.loads(stored[f"werkboek:antwoorden:{ident}"])["antwoorden"] == {first["name"]: value}


def test_an_answer_whose_field_is_gone_is_kept_shown_and_thrown_away_only_when_asked(browser, server, pages_of):
    ident = "reflector-voel-ik-me-eenzaam"
    gone = {f"{ident}__eenzaamheid__weg__eerste-keer": "B", f"{ident}__eenzaamheid__ook-weg": "tekst é ĳ 🙂"}
    labels = {f"{ident}__eenzaamheid__weg__eerste-keer": "Een stelling die er niet meer is — eerste keer"}
    record = {"antwoorden": {f"{ident}__leegte__eerste-keer": "C", **gone}, "labels": labels, "gewijzigd": None}
    with new_page(browser, DESKTOP) as page:
        page.goto(f"{server}/{pages_of[ident]}", wait_until="load")
        page.evaluate("([k, v]) => localStorage.setItem(k, v)", [f"werkboek:antwoorden:{ident}", json.dumps(record)])
        page.reload(wait_until="load")
        form = page.locator(f"form#werkblad-{ident}")
        assert answers_on_page(form)[f"{ident}__leegte__eerste-keer"] == "C"
        box = form.locator(".werkblad__eerder")
        reach(box)
        text = " ".join(box.inner_text().split())
        assert text.startswith("2 antwoorden horen bij een eerdere versie van dit werkblad."), text
        assert "Een stelling die er niet meer is — eerste keer B" in text and "tekst é ĳ 🙂" in text, text

        # typing elsewhere keeps them
        form.locator(f"[id='{ident}__goede-vriend__eerste-keer-a']").check()
        kept = json.loads(page.evaluate(STORED)[f"werkboek:antwoorden:{ident}"])["antwoorden"]
        assert {k: kept.get(k) for k in gone} == gone, "antwoorden bij een eerdere versie verdwenen bij typen"

        page.once("dialog", lambda d: d.dismiss())
        box.get_by_role("button", name="Oude antwoorden weggooien").click()
        assert box.is_visible() and all(k in page.evaluate(STORED)[f"werkboek:antwoorden:{ident}"] for k in gone)
        page.once("dialog", lambda d: d.accept())
        box.get_by_role("button", name="Oude antwoorden weggooien").click()
        page.wait_for_function("el => el.textContent.includes('weggegooid')",
                               arg=form.locator(".werkblad__status").element_handle())
        assert not box.is_visible()
        kept = json.loads(page.evaluate(STORED)[f"werkboek:antwoorden:{ident}"])["antwoorden"]
        assert kept == {f"{ident}__leegte__eerste-keer": "C", f"{ident}__goede-vriend__eerste-keer": "A"}
