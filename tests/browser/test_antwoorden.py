"""A participant's answers last the whole training (issue 21): through a site update, a browser that clears its
storage, and a move to another device. In Chromium, on the built site (and from the offline zip):

- a site update (one statement corrected, one column heading changed) brings back every answer on every worksheet,
  also answers kept in the earlier format;
- "Mijn antwoorden" lists the worksheets with answers, clears one or all (after asking), and "Alles bewaren" gives one
  PDF that "Terugzetten" reads back to the same values, for every worksheet;
- a worksheet PDF whose fields another program filled (pikepdf: plain values, no appearance streams) restores;
- a foreign PDF, a non-PDF and a truncated file each get a message, and the storage stays as it was; answers on the
  device that differ are replaced only after the person agrees;
- the browser is asked to keep the answers exactly once (the API stubbed); a refusal, blocked or full storage each
  show a line;
- on 6.10 each statement shows how its answer moved between the two rounds;
- nothing is requested from another host.
Everything is derived from the data (forms/) and the pages themselves."""
from __future__ import annotations

import http.server
import json
import re
import subprocess
import threading
from pathlib import Path

import pikepdf
import pytest
from axe_playwright_python.sync_playwright import Axe
from conftest import SCRIPTS_DONE, mkdocs_build
from fields_oracle import expected_fields
from invul_helpers import MIJN_ANTWOORDEN, STORED, answers_on_page, fill_everything, pages_with_forms, restore_from
from quality_helpers import DESKTOP, NO_TRANSITIONS, PHONE, new_page, reach

from werkboek.werkblad.loader import load_instruments

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ALL = load_instruments()
INSTRUMENTS = sorted(ident for ident, i in ALL.items() if expected_fields(i))
REFLECTOR = "reflector-voel-ik-me-eenzaam"
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


class _Site:
    """One origin whose files can be swapped for another build, as a host does on a site update."""

    def __init__(self, folder: Path):
        self.folder = folder
        site = self

        class Handler(http.server.SimpleHTTPRequestHandler):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, directory=str(site.folder), **kwargs)

            def end_headers(self):
                self.send_header("Cache-Control", "no-store")
                super().end_headers()

            def log_message(self, *args):
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"

    def close(self):
        self.httpd.shutdown()


@pytest.fixture(scope="module")
def pages(built_site) -> dict[str, str]:
    return pages_with_forms(built_site)


def _fill_all(page, base: str, pages: dict[str, str]) -> dict[str, dict[str, object]]:
    """Every field of every worksheet typed in or ticked on its page; returns id → name → expected value."""
    expected = {}
    for n, ident in enumerate(INSTRUMENTS):
        page.goto(base + pages[ident], wait_until="load")
        form = page.locator(f"form#werkblad-{ident}")
        reach(form)
        expected[ident] = fill_everything(form, offset=n)
    return expected


def _check_all(page, base: str, pages: dict[str, str], expected: dict, where: str) -> None:
    wrong = {}
    for ident in INSTRUMENTS:
        page.goto(base + pages[ident], wait_until="load")
        form = page.locator(f"form#werkblad-{ident}")
        now = answers_on_page(form)
        if now != expected[ident]:
            wrong[ident] = {k: (now.get(k), v) for k, v in expected[ident].items() if now.get(k) != v}
        if form.locator(".werkblad__eerder").evaluate("el => !el.hidden"):
            wrong[ident + " (eerdere versie)"] = form.locator(".werkblad__eerder").inner_text()
    assert not wrong, f"{where}: antwoorden niet (gelijk) terug: {wrong}"


def _outside(requests: list[str], allowed: tuple[str, ...]) -> list[str]:
    return sorted({u for u in requests if not u.startswith(allowed + ("blob:", "data:"))})


def test_a_site_update_brings_back_every_answer_on_every_worksheet(browser, built_site, project_copy, pages,
                                                                   tmp_path):
    # The update: one statement of 6.10 corrected, one column heading of 4.2 changed (field names unchanged).
    old_text, new_text = "Ik mis een echt goede vriend of vriendin.", "Ik mis een echt goede vriend of vriendin!"
    for name, before, after in ((f"{REFLECTOR}.yml", old_text, new_text), ("concreet-vervolg.yml", "kop: Actie(s)}",
                                                                          "kop: Acties}")):
        path = project_copy / "forms" / name
        text = path.read_text(encoding="utf-8")
        assert text.count(before) == 1, f"{name}: '{before}' niet (één keer) gevonden"
        path.write_text(text.replace(before, after), encoding="utf-8")
    updated = tmp_path / "bijgewerkt"
    result = mkdocs_build(project_copy, updated)
    assert result.returncode == 0, result.stdout + result.stderr

    site, requests = _Site(built_site), []
    try:
        with new_page(browser, DESKTOP) as page:
            page.on("request", lambda r: requests.append(r.url))
            expected = _fill_all(page, site.url, pages)
            # Half the worksheets as the code before this format kept them: werkboek:werkblad:<id>:<form version>.
            for ident in INSTRUMENTS[::2]:
                page.goto(site.url + pages[ident], wait_until="load")
                version = page.locator(f"form#werkblad-{ident}").get_attribute("data-versie")
                page.evaluate("""([id, v]) => { const k = 'werkboek:antwoorden:' + id;
                    const r = JSON.parse(localStorage.getItem(k)); localStorage.removeItem(k);
                    localStorage.setItem('werkboek:werkblad:' + id + ':' + v, JSON.stringify(r.antwoorden)); }""",
                              [ident, version])
            assert any(k.startswith("werkboek:werkblad:") for k in page.evaluate(STORED))

            site.folder = updated  # the host publishes the new build in its place
            page.goto(site.url + pages[REFLECTOR], wait_until="load")
            assert new_text in page.locator(f"form#werkblad-{REFLECTOR}").text_content(), "niet de nieuwe site"
            page.goto(site.url + pages["concreet-vervolg"], wait_until="load")
            assert "Acties" in page.locator("form#werkblad-concreet-vervolg").text_content()
            _check_all(page, site.url, pages, expected, "na de update")
            assert not any(k.startswith("werkboek:werkblad:") for k in page.evaluate(STORED)), "oude sleutels bleven"
    finally:
        site.close()
    assert not _outside(requests, (site.url,))



@pytest.mark.parametrize("where", ["online", "offline"])
def test_alles_bewaren_gives_one_readable_pdf_that_restores_every_answer(browser, server, unzipped, pages, where,
                                                                         tmp_path):
    base = f"{server}/" if where == "online" else unzipped.as_uri() + "/"
    requests: list[str] = []
    with new_page(browser, DESKTOP) as page:
        page.on("request", lambda r: requests.append(r.url))
        expected = _fill_all(page, base, pages)

        page.goto(base + MIJN_ANTWOORDEN, wait_until="load")
        rows = page.locator("tr[data-instrument]:not([hidden])")
        assert rows.count() == len(INSTRUMENTS)
        for ident in INSTRUMENTS:
            row = page.locator(f"tr[data-instrument='{ident}']")
            link = row.get_by_role("link", name=ALL[ident].titel)
            assert link.get_attribute("href").endswith(f"{pages[ident]}#werkblad-{ident}")
            assert row.locator("th").first.inner_text() == ALL[ident].nummer  # the row header
            assert re.search(r"\d{4} om \d\d:\d\d", row.locator("[data-gewijzigd]").inner_text())
        assert not any("pdf-lib" in u for u in requests), "pdf-lib geladen voordat iemand op een knop drukte"

        with page.expect_download(timeout=120_000) as download:
            page.get_by_role("button", name="Alles bewaren (PDF)").click()
        path = tmp_path / download.value.suggested_filename
        download.value.save_as(path)
        assert re.fullmatch(r"mijn-antwoorden-\d{4}-\d\d-\d\d\.pdf", path.name)
        page.wait_for_function("el => el.textContent.includes('gedownload')",
                               arg=page.locator("[data-status]").element_handle())

        # The file on its own: the filled sheets as pages, no form left, every answer attached as typed.
        with pikepdf.open(path) as pdf:
            assert "/AcroForm" not in pdf.Root
            assert str(pdf.Root.Lang) == "nl-NL"
            attached = json.loads(pdf.attachments["antwoorden.json"].get_file().read_bytes())
            pages_in_sheets = sum(len(pikepdf.open(unzipped / "werkbladen" / f"{i}.pdf").pages) for i in INSTRUMENTS)
            assert len(pdf.pages) == pages_in_sheets
        assert attached["soort"] == "werkboek-antwoorden"
        for ident in INSTRUMENTS:
            want = {k: v for k, v in expected[ident].items() if v}
            assert attached["werkbladen"][ident]["antwoorden"] == want, ident
        shown = _pdftext(path)
        listed = page.eval_on_selector_all("tr[data-instrument]", "els => els.map(e => e.dataset.instrument)")
        where_in_file = [shown.find(f"{ALL[i].nummer} {ALL[i].titel}") for i in listed]
        assert -1 not in where_in_file and where_in_file == sorted(where_in_file), "werkbladen niet op volgorde"
        assert len(re.findall(r"Antwoord \d+ é ë €", shown)) >= len(INSTRUMENTS), "antwoorden niet te lezen in de PDF"

        page.evaluate("localStorage.clear()")
        message = restore_from(page, base, path)
        for ident in INSTRUMENTS:
            given = sum(1 for v in expected[ident].values() if v)
            assert f"Werkblad {ALL[ident].nummer} {ALL[ident].titel}: {given} van de {given} antwoorden teruggezet." \
                in message, message
        _check_all(page, base, pages, expected, "na terugzetten uit Alles bewaren")
    allowed = (f"{server}/",) if where == "online" else ("file://",)
    assert not _outside(requests, allowed)


def _pdftext(path: Path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True).stdout.decode("utf-8")


def _fill_like_another_program(blank: Path, out: Path) -> dict[str, object]:
    """Write values into a blank worksheet's fields as a PDF reader does without this site's code: /V only (text
    as a Unicode string), /AS on the chosen widget, no appearance streams for text; NeedAppearances set. Returns
    name → the value the web form should show."""
    expected: dict[str, object] = {}
    with pikepdf.open(blank) as pdf:
        for n, field in enumerate(pdf.Root.AcroForm.Fields):
            name = str(field.T)
            kids = list(field.get("/Kids", [])) or [field]
            if field.get("/FT") == "/Tx":
                value = f"Andere lezer {n} é ë € ĳ 🙂"
                field.V = pikepdf.String(value)
                for w in kids:
                    if "/AP" in w:
                        del w["/AP"]
                expected[name] = value
            elif field.get("/FT") == "/Btn" and "/Opt" in field:  # radio group
                k = n % len(field.Opt)
                state = pikepdf.Name(f"/{k}")
                field.V = state
                for w in kids:
                    w.AS = state if state in w.AP.N.keys() else pikepdf.Name.Off
                expected[name] = str(field.Opt[k])
            elif field.get("/FT") == "/Btn":
                on = n % 2 == 0
                for w in kids:
                    state = next(pikepdf.Name(s) for s in w.AP.N.keys() if s != "/Off")
                    w.AS = state if on else pikepdf.Name.Off
                    if on:
                        field.V = state
                expected[name] = on
        pdf.Root.AcroForm.NeedAppearances = True
        pdf.save(out)
    return expected


def test_a_worksheet_filled_in_another_program_restores(browser, server, built_site, pages, tmp_path):
    requests: list[str] = []
    with new_page(browser, DESKTOP) as page:
        page.on("request", lambda r: requests.append(r.url))
        for ident in INSTRUMENTS:
            path = tmp_path / f"{ident}-elders.pdf"
            expected = _fill_like_another_program(built_site / "werkbladen" / f"{ident}.pdf", path)
            page.goto(f"{server}/{MIJN_ANTWOORDEN}", wait_until="load")
            page.evaluate("localStorage.clear()")
            message = restore_from(page, f"{server}/", path)
            given = sum(1 for v in expected.values() if v)
            assert f": {given} van de {given} antwoorden teruggezet." in message, f"{ident}: {message}"
            page.goto(f"{server}/{pages[ident]}", wait_until="load")
            assert answers_on_page(page.locator(f"form#werkblad-{ident}")) == expected, ident
    assert not _outside(requests, (f"{server}/",))


def _filled_sheet(page, server, pages, ident, tmp_path) -> tuple[Path, dict]:
    page.goto(f"{server}/{pages[ident]}", wait_until="load")
    form = page.locator(f"form#werkblad-{ident}")
    expected = fill_everything(form)
    with page.expect_download() as download:
        form.get_by_role("button", name="Download ingevuld (PDF)").click()
    path = tmp_path / f"{ident}-ingevuld.pdf"
    download.value.save_as(path)
    return path, expected


def test_a_foreign_a_damaged_and_a_non_pdf_file_change_nothing(browser, server, pages, tmp_path):
    with new_page(browser, DESKTOP) as page:
        filled, _ = _filled_sheet(page, server, pages, REFLECTOR, tmp_path)
        foreign = tmp_path / "vreemd.pdf"
        with pikepdf.new() as pdf:
            pdf.add_blank_page()
            pdf.save(foreign)
        bank = tmp_path / "ander-formulier.pdf"  # a form, but not this werkboek's
        with pikepdf.open(filled) as pdf:
            for field in pdf.Root.AcroForm.Fields:
                field.T = pikepdf.String("rekening__" + str(field.T).split("__", 1)[1])
            pdf.save(bank)
        text = tmp_path / "antwoorden.pdf"
        text.write_text("Dit is geen PDF maar tekst.", encoding="utf-8")
        truncated = tmp_path / "half.pdf"
        truncated.write_bytes(filled.read_bytes()[: len(filled.read_bytes()) // 2])
        wrong_json = tmp_path / "andere-bijlage.pdf"
        with pikepdf.new() as pdf:
            pdf.add_blank_page()
            pdf.attachments["antwoorden.json"] = pikepdf.AttachedFileSpec(pdf, b'{"iets": "anders"}')
            pdf.save(wrong_json)

        before = page.evaluate(STORED)
        assert f"werkboek:antwoorden:{REFLECTOR}" in before
        cases = {foreign: "geen antwoorden op werkbladen van dit werkboek", bank: "geen antwoorden op werkbladen",
                 wrong_json: "geen antwoorden op werkbladen", text: "is geen PDF",
                 truncated: "beschadigd of niet helemaal gedownload"}
        for path, message in cases.items():
            said = restore_from(page, f"{server}/", path)
            assert message in said and "Er is niets veranderd." in said, f"{path.name}: {said}"
            assert page.evaluate(STORED) == before, f"{path.name}: opslag veranderd"


def test_answers_that_differ_on_the_device_are_replaced_only_when_the_person_agrees(browser, server, pages,
                                                                                     tmp_path):
    with new_page(browser, DESKTOP) as page:
        path, expected = _filled_sheet(page, server, pages, REFLECTOR, tmp_path)
        form = page.locator(f"form#werkblad-{REFLECTOR}")
        name = f"{REFLECTOR}__eerste-keer__datum"
        form.locator(f"[id='{name}']").fill("anders")
        before = page.evaluate(STORED)
        asked: list[str] = []

        def answer(accept):
            def on(dialog):
                asked.append(dialog.message)
                dialog.accept() if accept else dialog.dismiss()
            return on

        page.once("dialog", answer(False))
        said = restore_from(page, f"{server}/", path)
        assert asked and "Op dit apparaat staan al andere antwoorden bij werkblad 6.10" in asked[0]
        assert "Er is niets veranderd" in said and page.evaluate(STORED) == before

        page.once("dialog", answer(True))
        said = restore_from(page, f"{server}/", path)
        assert "teruggezet" in said, said
        page.goto(f"{server}/{pages[REFLECTOR]}", wait_until="load")
        assert answers_on_page(page.locator(f"form#werkblad-{REFLECTOR}")) == expected


PERSIST_STUB = """(() => {
  const answer = %s;
  const count = () => Number(sessionStorage.getItem('persist-gevraagd') || 0);
  if (answer === null) { try { delete Object.getPrototypeOf(navigator.storage).persist; } catch (e) {} return; }
  Object.defineProperty(Object.getPrototypeOf(navigator.storage), 'persist', { configurable: true,
    value: () => { sessionStorage.setItem('persist-gevraagd', count() + 1); return Promise.resolve(answer); } });
})()"""


@pytest.mark.parametrize("answer", ["true", "false", "null"])
def test_the_browser_is_asked_once_to_keep_the_answers(browser, server, pages, answer):
    with new_page(browser, DESKTOP) as page:
        page.add_init_script(PERSIST_STUB % answer)
        page.goto(f"{server}/{pages[REFLECTOR]}", wait_until="load")
        form = page.locator(f"form#werkblad-{REFLECTOR}")
        line = form.locator("[data-let-op='wissen']")
        assert not line.is_visible()
        form.locator(f"[id='{REFLECTOR}__leegte__eerste-keer-a']").check()
        form.locator(f"[id='{REFLECTOR}__eerste-keer__datum']").fill("12 maart")
        page.reload(wait_until="load")
        form.locator(f"[id='{REFLECTOR}__leegte__tweede-keer-b']").check()
        page.goto(f"{server}/{pages['signaleringskaart']}", wait_until="load")
        page.locator("form#werkblad-signaleringskaart input[type=text]").first.fill("nog een")
        page.goto(f"{server}/{pages[REFLECTOR]}", wait_until="load")
        asked = page.evaluate("Number(sessionStorage.getItem('persist-gevraagd') || 0)")
        assert asked == (0 if answer == "null" else 1), f"persist() {asked} keer gevraagd"
        if answer == "true":
            assert not line.is_visible()
        else:
            reach(line)
            assert " ".join(line.inner_text().split()) == ("Deze browser kan uw antwoorden na een tijd wissen. Bewaar "
                                                           "daarom ook een kopie als PDF, op Mijn antwoorden.")
            assert line.get_by_role("link", name="Mijn antwoorden").get_attribute("href") == MIJN_ANTWOORDEN


def test_blocked_or_full_storage_is_said_never_lost_silently(browser, server, pages):
    with new_page(browser, DESKTOP) as page:
        page.add_init_script("Object.defineProperty(window, 'localStorage', "
                             "{get() { throw new DOMException('geblokkeerd', 'SecurityError'); }})")
        page.goto(f"{server}/{pages[REFLECTOR]}", wait_until="load")
        form = page.locator(f"form#werkblad-{REFLECTOR}")
        line = form.locator("[data-let-op='geblokkeerd']")
        reach(line)
        assert "Deze browser bewaart geen antwoorden" in line.inner_text()
        assert form.get_by_role("button", name="Download ingevuld (PDF)").is_visible()
        page.goto(f"{server}/{MIJN_ANTWOORDEN}", wait_until="load")
        assert "Deze browser bewaart geen antwoorden" in page.locator("[data-geen]").inner_text()

    with new_page(browser, DESKTOP) as page:
        page.goto(f"{server}/{pages[REFLECTOR]}", wait_until="load")
        form = page.locator(f"form#werkblad-{REFLECTOR}")
        form.locator(f"[id='{REFLECTOR}__leegte__eerste-keer-a']").check()
        page.evaluate("""() => { Storage.prototype.setItem = function () {
            throw new DOMException('vol', 'QuotaExceededError'); }; }""")
        form.locator(f"[id='{REFLECTOR}__eerste-keer__datum']").fill("14 maart")
        status = form.locator(".werkblad__status")
        page.wait_for_function("el => el.textContent.includes('niet bewaard')", arg=status.element_handle())
        assert "de opslag van deze browser is vol of geblokkeerd" in status.inner_text()


def test_mijn_antwoorden_clears_one_or_everything_after_asking(browser, server, pages):
    with new_page(browser, DESKTOP) as page:
        for ident in (REFLECTOR, "signaleringskaart"):
            page.goto(f"{server}/{pages[ident]}", wait_until="load")
            fill_everything(page.locator(f"form#werkblad-{ident}"))
        page.goto(f"{server}/{MIJN_ANTWOORDEN}", wait_until="load")
        rows = page.locator("tr[data-instrument]:not([hidden])")
        assert rows.count() == 2 and page.locator("[data-geen]").is_hidden()

        page.once("dialog", lambda d: d.dismiss())
        page.locator(f"tr[data-instrument='{REFLECTOR}']").get_by_role("button").click()
        assert rows.count() == 2
        page.once("dialog", lambda d: d.accept())
        page.locator(f"tr[data-instrument='{REFLECTOR}']").get_by_role("button").click()
        assert rows.count() == 1
        assert f"werkboek:antwoorden:{REFLECTOR}" not in page.evaluate(STORED)
        assert "werkboek:antwoorden:signaleringskaart" in page.evaluate(STORED)

        # With the keyboard only: Tab to "Wis alles van dit apparaat" and press Enter.
        button = page.get_by_role("button", name="Wis alles van dit apparaat")
        for _ in range(300):
            page.keyboard.press("Tab")
            if button.evaluate("el => el === document.activeElement"):
                break
        else:
            pytest.fail("'Wis alles van dit apparaat' niet met Tab te bereiken")
        page.once("dialog", lambda d: d.dismiss())
        page.keyboard.press("Enter")
        assert "werkboek:antwoorden:signaleringskaart" in page.evaluate(STORED)
        page.once("dialog", lambda d: d.accept())
        page.keyboard.press("Enter")
        page.wait_for_function("() => document.querySelector('[data-status]').textContent.includes('gewist')")
        assert page.evaluate(STORED) == {} and page.locator("[data-geen]").is_visible()
        page.goto(f"{server}/{pages['signaleringskaart']}", wait_until="load")
        assert all(v in (False, None, "") for v in answers_on_page(
            page.locator("form#werkblad-signaleringskaart")).values())


def test_every_sheet_says_where_to_clear_everything(browser, server, pages):
    with new_page(browser, DESKTOP) as page:
        page.goto(f"{server}/{pages['signaleringskaart']}", wait_until="load")
        line = page.locator("form#werkblad-signaleringskaart .werkblad__bewaren")
        reach(line)
        assert "Wat u invult, blijft op dit apparaat" in line.inner_text() and "alles wissen" in line.inner_text()
        line.get_by_role("link", name="Mijn antwoorden").click()
        page.wait_for_url(re.compile(MIJN_ANTWOORDEN))
        page.wait_for_function(SCRIPTS_DONE)
        assert page.get_by_role("button", name="Wis alles van dit apparaat").is_visible()


@pytest.mark.parametrize("viewport,scheme", [("phone", "dark"), ("desktop", "light")])
def test_mijn_antwoorden_with_answers_passes_axe(browser, server, pages, tmp_path, viewport, scheme):
    with new_page(browser, PHONE if viewport == "phone" else DESKTOP, scheme) as page:
        path, _ = _filled_sheet(page, server, pages, REFLECTOR, tmp_path)
        page.goto(f"{server}/{pages['signaleringskaart']}", wait_until="load")
        fill_everything(page.locator("form#werkblad-signaleringskaart"))
        page.evaluate("localStorage.removeItem('werkboek:antwoorden:" + REFLECTOR + "')")
        restore_from(page, f"{server}/", path)  # the list and a report on screen
        page.add_style_tag(content=NO_TRANSITIONS)
        page.evaluate("document.fonts.ready.then(() => true)")
        page.screenshot(path=str(tmp_path / f"mijn-antwoorden-{viewport}-{scheme}.png"), full_page=True)
        violations = Axe().run(page, options=AXE_OPTIONS).response["violations"]
        assert not violations, [(v["id"], [n["target"] for n in v["nodes"]]) for v in violations]
        assert page.evaluate("document.documentElement.scrollWidth <= innerWidth"), "pagina schuift opzij"


def test_6_10_shows_how_each_answer_moved_between_the_rounds(browser, server, pages):
    with new_page(browser, DESKTOP) as page:
        page.goto(f"{server}/{pages[REFLECTOR]}", wait_until="load")
        form = page.locator(f"form#werkblad-{REFLECTOR}")
        summary = form.locator(".schaal__verschillen")
        items = [item.id for item in ALL[REFLECTOR].blokken[0].items]
        moves = {items[0]: ("a", "c"), items[1]: ("b", "b"), items[2]: ("c", None)}
        for item, (first, second) in moves.items():
            form.locator(f"[id='{REFLECTOR}__{item}__eerste-keer-{first}']").check()
            if second:
                form.locator(f"[id='{REFLECTOR}__{item}__tweede-keer-{second}']").check()
        page.reload(wait_until="load")  # shown again from the kept answers
        shown = {item: form.locator(f"[id='{REFLECTOR}__{item}-stelling'] .schaal__verschil") for item in items}
        reach(shown[items[0]])
        assert shown[items[0]].inner_text() == "veranderd: A\u00a0→\u00a0C"
        assert shown[items[1]].inner_text() == "gelijk gebleven (B)"
        assert not shown[items[2]].is_visible() and not shown[items[3]].is_visible()
        assert summary.inner_text() == "Uw antwoord veranderde bij 1 van de 2 stellingen die u beide keren invulde."
        form.locator(f"[id='{REFLECTOR}__{items[1]}__tweede-keer-a']").check()
        assert shown[items[1]].inner_text() == "veranderd: B\u00a0→\u00a0A"
        assert summary.inner_text() == "Uw antwoord veranderde bij 2 van de 2 stellingen die u beide keren invulde."


def test_only_the_page_mijn_antwoorden_loads_its_script(browser, server, pages):
    requests: list[str] = []
    with new_page(browser, DESKTOP) as page:
        page.on("request", lambda r: requests.append(r.url))
        page.goto(f"{server}/{pages[REFLECTOR]}", wait_until="networkidle")
        assert not any("mijn-antwoorden.js" in u or "pdf-lib" in u for u in requests)
        page.goto(f"{server}/{MIJN_ANTWOORDEN}", wait_until="networkidle")
        assert any(u.endswith("mijn-antwoorden.js") for u in requests)
        assert not any("pdf-lib" in u for u in requests), "pdf-lib geladen voordat iemand op een knop drukte"
