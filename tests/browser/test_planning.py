"""The trainer's planner on "Training geven" (partials/planning.html, planning.js) in Chromium: dates suggested from
the werkboek's advice and a note where a date breaks it, clock times in every agenda (Training geven and Bijlage 1),
the calendar file read back with the icalendar library (also across a change to summer time), the plan kept after
a reload until "Wis planning", the participants' sheet on one A4 page and the trainer's agendas one page each, from
file:// in the offline zip too, with axe, the keyboard, and no request leaving the site. Every expected value is
derived from data/training.yml."""
from __future__ import annotations

import datetime as dt
import io
import re
import subprocess
import zipfile
from zoneinfo import ZoneInfo

import icalendar
import pytest
from axe_playwright_python.sync_playwright import Axe
from pypdf import PdfReader

from quality_helpers import DESKTOP, PHONE, new_page

from werkboek.publish import offline_zip as zipper
from werkboek.training.model import clock, load_training

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PAGE = "training-geven.html"
BIJLAGE = "bijlagen/1-trainershandleiding.html"
AMSTERDAM = ZoneInfo("Europe/Amsterdam")
TRAINING = load_training()
PLAN = TRAINING.planning
LOW, HIGH = PLAN.interval_weken[0] * 7, PLAN.interval_weken[-1] * 7
PAIR = PLAN.minimaal_weken_tussen
PAIR_MIN = PAIR["weken"] * 7
SESSIONS = TRAINING.bijeenkomsten
A4 = (595, 842)  # points, rounded


def _days(first: dt.date) -> list[dt.date]:
    """The dates the advice suggests: each step the least the advice allows (the pair's own minimum for its pair)."""
    out = [first]
    for s in SESSIONS[1:]:
        out.append(out[-1] + dt.timedelta(days=PAIR_MIN if (s.nummer - 1, s.nummer) == (PAIR["van"], PAIR["tot"])
                                              else LOW))
    return out


def _plan(page, first: str, time: str, place: str = ""):
    page.fill("#planning-datum-1", first)
    page.fill("#planning-tijd", time)
    if place:
        page.fill("#planning-plaats", place)


def _dates(page) -> list[str]:
    return [page.input_value(f"#planning-datum-{s.nummer}") for s in SESSIONS]


def _note(page, number: int) -> str:
    return page.inner_text(f'[data-advies="{number}"]').strip()


def _at(time: str, minutes: int) -> str:
    h, m = map(int, time.split(":"))
    total = (h * 60 + m + minutes) % (24 * 60)
    return f"{total // 60:02d}:{total % 60:02d}"


def _expected_rows(session, time: str) -> list[tuple[str, str]]:
    """(clock time, time from the start) of every row: the start time plus the minutes of the rows before it."""
    out, before = [], 0
    for row in session.agenda:
        out.append((f"{_at(time, before)}–{_at(time, before + row.duur)}", f"{clock(before)}–{clock(before + row.duur)}"))
        before += row.duur
    return out


@pytest.fixture
def planner(browser, server):
    with new_page(browser, DESKTOP) as page:
        page.goto(f"{server}/{PAGE}", wait_until="load")
        yield page


def test_first_date_gives_five_dates_that_follow_the_advice(planner):
    _plan(planner, "2027-01-12", "19:00")
    assert _dates(planner) == [d.isoformat() for d in _days(dt.date(2027, 1, 12))]
    assert all(_note(planner, s.nummer) == "" for s in SESSIONS)
    when = planner.inner_text('[data-wanneer="1"]')
    assert "12 januari 2027" in when and f"19:00–{_at('19:00', SESSIONS[0].duur_minuten)}" in when
    # a date changed by hand stays; the dates after it that were not changed follow it
    planner.fill("#planning-datum-3", "2027-03-16")
    planner.fill("#planning-datum-1", "2027-01-19")
    dates = _dates(planner)
    assert dates[1] == (dt.date(2027, 1, 19) + dt.timedelta(days=LOW)).isoformat()
    assert dates[2] == "2027-03-16"
    assert dates[3] == (dt.date(2027, 3, 16) + dt.timedelta(days=LOW)).isoformat()


@pytest.mark.parametrize("days", [LOW - 1, LOW, HIGH, HIGH + 1])
def test_advice_between_two_bijeenkomsten_at_its_boundaries(planner, days):
    _plan(planner, "2027-01-12", "19:00")
    planner.fill("#planning-datum-2", (dt.date(2027, 1, 12) + dt.timedelta(days=days)).isoformat())
    note = _note(planner, 2)
    if LOW <= days <= HIGH:
        assert note == ""
    else:
        assert note.startswith("Tussen bijeenkomst 1 en 2 adviseert het werkboek "
                               f"{PLAN.interval_weken[0]} tot {PLAN.interval_weken[-1]} weken; nu "), note
        weeks, rest = divmod(days, 7)
        assert f"nu {weeks} weken en {rest} dag" in note
    assert all(_note(planner, s.nummer) == "" for s in SESSIONS if s.nummer != 2)  # the others keep their steps


@pytest.mark.parametrize("days", [PAIR_MIN - 1, PAIR_MIN, LOW])
def test_advice_between_the_pair_that_needs_more_time(planner, days):
    _plan(planner, "2027-01-12", "19:00")
    before = dt.date.fromisoformat(planner.input_value(f"#planning-datum-{PAIR['van']}"))
    planner.fill(f"#planning-datum-{PAIR['tot']}", (before + dt.timedelta(days=days)).isoformat())
    note = _note(planner, PAIR["tot"])
    if days >= PAIR_MIN:
        assert note == ""
    else:
        assert note.startswith(f"Tussen bijeenkomst {PAIR['van']} en {PAIR['tot']} adviseert het werkboek minstens "
                               f"{PAIR['weken']} weken; nu "), note
    if days == LOW == 28 and PAIR == {"van": 4, "tot": 5, "weken": 6}:
        assert note == "Tussen bijeenkomst 4 en 5 adviseert het werkboek minstens 6 weken; nu 4 weken."


def test_a_date_before_the_one_before_it_is_named(planner):
    _plan(planner, "2027-01-12", "19:00")
    planner.fill("#planning-datum-2", "2027-01-05")
    assert "Bijeenkomst 2 valt niet na bijeenkomst 1" in _note(planner, 2)


@pytest.mark.parametrize("time", ["19:00", "08:45"])
def test_every_agenda_row_shows_its_clock_time(browser, server, time):
    with new_page(browser, DESKTOP) as page:
        page.goto(f"{server}/{PAGE}", wait_until="load")
        _plan(page, "2027-01-12", time)
        tables = page.locator("article table:has(.agenda__klok)")
        assert tables.count() == len(SESSIONS)
        for index, session in enumerate(SESSIONS):
            cells = tables.nth(index).locator("td:has(.agenda__klok)")
            got = [(c.locator(".agenda__klok").inner_text(), c.inner_text()) for c in cells.all()]
            expected = _expected_rows(session, time)
            assert [g[0] for g in got] == [e[0] for e in expected], f"bijeenkomst {session.nummer}"
            assert all(e[1] in g[1] for g, e in zip(got, expected)), "de tijd vanaf het begin staat er niet meer"
        page.goto(f"{server}/{BIJLAGE}", wait_until="load")  # the same plan, read from this device
        for session in SESSIONS:
            cells = page.locator(f"#bijeenkomst-{session.nummer}-agenda .agenda__tijd")
            got = [(c.locator(".agenda__klok").inner_text(), c.inner_text()) for c in cells.all()]
            expected = _expected_rows(session, time)
            assert [g[0] for g in got] == [e[0] for e in expected], f"bijlage 1, bijeenkomst {session.nummer}"
            assert all(e[1] in g[1] for g, e in zip(got, expected))


def test_without_a_start_time_no_clock_time_shows(browser, server):
    with new_page(browser, DESKTOP) as page:
        page.goto(f"{server}/{BIJLAGE}", wait_until="load")
        assert page.locator(".agenda__klok").count() > 0
        assert page.eval_on_selector_all(".agenda__klok", "els => els.filter(e => e.getClientRects().length).length") == 0


def _download_ics(page) -> bytes:
    with page.expect_download() as info:
        page.click('[data-actie="ics"]')
    return open(info.value.path(), "rb").read()


def _events(raw: bytes) -> list:
    cal = icalendar.Calendar.from_ical(raw)
    return sorted(cal.walk("VEVENT"), key=lambda e: e.decoded("DTSTART"))


@pytest.mark.parametrize("first", ["2027-01-12", "2027-02-16"])  # the second crosses the change to summer time
def test_calendar_file_has_the_five_bijeenkomsten(planner, first):
    place = "Buurthuis De Ster; zaal 2, Dorpsstraat 1 — ĳsbaan 🙂"
    _plan(planner, first, "19:00", place)
    raw = _download_ics(planner)
    events = _events(raw)
    days = _days(dt.date.fromisoformat(first))
    assert len(events) == len(SESSIONS)
    utc_hours = set()
    for event, session, day in zip(events, SESSIONS, days):
        start = dt.datetime.combine(day, dt.time(19, 0), tzinfo=AMSTERDAM)
        assert event.decoded("DTSTART") == start
        assert event.decoded("DTEND") == start + dt.timedelta(minutes=session.duur_minuten)
        assert event.decoded("DTSTART").tzinfo is not None
        utc_hours.add(event.decoded("DTSTART").astimezone(dt.timezone.utc).hour)
        assert str(event["SUMMARY"]).startswith(f"Bijeenkomst {session.nummer}: ")
        text = str(event["DESCRIPTION"])
        assert session.thema in text
        assert all(x in text for x in session.uitdelen + session.meenemen)
        if session.huiswerk:
            assert all(item.tekst in text for item in session.huiswerk.items)
            assert f"bijeenkomst {session.huiswerk.voor_bijeenkomst}" in text
        assert str(event["LOCATION"]) == place
    spring = [d for d in days if d.month < 3 or (d.month == 3 and d.day < 28)]
    if spring and len(spring) < len(days):  # both sides of the change: 18:00 and 17:00 UTC
        assert utc_hours == {18, 17}
    assert len({str(e["UID"]) for e in events}) == len(SESSIONS)
    # RFC 5545: CRLF line endings, lines of at most 75 octets, a VTIMEZONE for the TZID
    assert raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b"")
    assert max(len(line) for line in raw.split(b"\r\n")) <= 75
    assert b"BEGIN:VTIMEZONE\r\nTZID:Europe/Amsterdam" in raw and b"DTSTART;TZID=Europe/Amsterdam:" in raw
    raw.decode("utf-8")  # folding never splits a character


def test_calendar_uids_are_stable_per_plan(planner):
    _plan(planner, "2027-01-12", "19:00")
    first = [str(e["UID"]) for e in _events(_download_ics(planner))]
    planner.fill("#planning-datum-3", "2027-03-16")
    again = _events(_download_ics(planner))
    assert [str(e["UID"]) for e in again] == first
    assert again[2].decoded("DTSTART").date() == dt.date(2027, 3, 16)
    planner.once("dialog", lambda d: d.accept())
    planner.click('[data-actie="wis"]')
    _plan(planner, "2027-01-12", "19:00")
    assert not set(first) & {str(e["UID"]) for e in _events(_download_ics(planner))}


def test_plan_is_kept_after_reload_until_cleared(planner):
    _plan(planner, "2027-01-12", "19:00", "Buurthuis De Ster")
    planner.fill("#planning-datum-4", "2027-04-13")
    kept = _dates(planner)
    planner.reload(wait_until="load")
    assert _dates(planner) == kept
    assert planner.input_value("#planning-tijd") == "19:00"
    assert planner.input_value("#planning-plaats") == "Buurthuis De Ster"
    planner.locator("[data-status]").filter(has_text="staat er weer").wait_for()
    # refusing the question keeps the plan; accepting clears it, also after a reload
    planner.once("dialog", lambda d: d.dismiss())
    planner.click('[data-actie="wis"]')
    assert _dates(planner) == kept
    planner.once("dialog", lambda d: d.accept())
    planner.click('[data-actie="wis"]')
    assert _dates(planner) == [""] * len(SESSIONS)
    planner.reload(wait_until="load")
    assert _dates(planner) == [""] * len(SESSIONS) and planner.input_value("#planning-tijd") == ""


def _print(page, kind: str) -> bytes:
    page.evaluate("window.print = () => {}")
    page.click(f'[data-actie="{kind}"]')
    page.emulate_media(media="print")
    try:
        return page.pdf(prefer_css_page_size=True, print_background=True)
    finally:
        page.emulate_media(media="screen")
        page.evaluate("dispatchEvent(new Event('afterprint'))")


def _pages_text(pdf: bytes) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True).stdout
    return text.decode("utf-8").split("\f")[:-1]


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_participants_sheet_prints_on_one_a4_page(browser, server, viewport):
    with new_page(browser, viewport) as page:
        page.goto(f"{server}/{PAGE}", wait_until="load")
        _plan(page, "2027-01-12", "19:00", "Buurthuis De Ster")
        pdf = _print(page, "deelnemers")
        reader = PdfReader(io.BytesIO(pdf))
        assert len(reader.pages) == 1
        box = reader.pages[0].mediabox
        assert (round(float(box.width)), round(float(box.height))) == A4
        text = re.sub(r"\s+", " ", _pages_text(pdf)[0])
        assert "Data en opdrachten" in text
        for session, day in zip(SESSIONS, _days(dt.date(2027, 1, 12))):
            assert f"Bijeenkomst {session.nummer}" in text
            assert f"{day.day} " in text and "19:00" in text
            assert re.sub(r"\s+", " ", session.thema)[:40] in text
        for items in [s.huiswerk.items for s in SESSIONS if s.huiswerk]:
            assert all(re.sub(r"\s+", " ", i.tekst)[:30] in text for i in items)
        assert text.count("Buurthuis De Ster") == len(SESSIONS)
        assert "Uw planning" not in text and "Wis planning" not in text  # only the sheet prints
        assert page.locator(".planning-afdruk").count() == 0  # gone after printing


def test_trainer_agendas_print_one_landscape_page_each_with_clock_times(planner):
    _plan(planner, "2027-01-12", "19:00")
    pdf = _print(planner, "agendas")
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == len(SESSIONS)
    for page, text, session in zip(reader.pages, _pages_text(pdf), SESSIONS):
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == A4[::-1]
        assert f"Bijeenkomst {session.nummer}" in text and "agenda voor de trainer" in text
        flat = re.sub(r"\s+", "", text)
        for clock_time, relative in _expected_rows(session, "19:00"):
            assert clock_time.replace(" ", "") in flat and relative in flat


def test_works_from_the_offline_zip_without_requests(browser, built_site, tmp_path):
    with zipfile.ZipFile(built_site / zipper.ZIP_PATH) as zf:
        zf.extractall(tmp_path)
    root = tmp_path / zipper.FOLDER
    requests: list[str] = []
    with new_page(browser, DESKTOP) as page:
        page.on("request", lambda r: requests.append(r.url))
        page.goto((root / PAGE).as_uri(), wait_until="load")
        _plan(page, "2027-01-12", "19:00")
        assert _dates(page) == [d.isoformat() for d in _days(dt.date(2027, 1, 12))]
        assert page.locator("article .agenda__klok").first.inner_text() == _expected_rows(SESSIONS[0], "19:00")[0][0]
        assert len(_events(_download_ics(page))) == len(SESSIONS)
        assert len(PdfReader(io.BytesIO(_print(page, "deelnemers"))).pages) == 1
        page.goto((root / BIJLAGE).as_uri(), wait_until="load")
        assert page.locator(".agenda__klok").first.inner_text() == _expected_rows(SESSIONS[0], "19:00")[0][0]
    outside = sorted({u for u in requests if not u.startswith(("file://", "data:", "blob:"))})
    assert not outside, "verzoeken buiten file://:\n" + "\n".join(outside)


def test_whole_use_requests_nothing_from_another_origin(browser, server):
    requests: list[str] = []
    with new_page(browser, DESKTOP) as page:
        page.on("request", lambda r: requests.append(r.url))
        page.goto(f"{server}/{PAGE}", wait_until="networkidle")
        _plan(page, "2027-01-12", "19:00", "Buurthuis")
        _download_ics(page)
        _print(page, "deelnemers")
        _print(page, "agendas")
        page.goto(f"{server}/{BIJLAGE}", wait_until="networkidle")
    foreign = [u for u in requests if not u.startswith((server + "/", "data:", "blob:"))]
    assert not foreign, foreign


@pytest.mark.parametrize("viewport,scheme", [(PHONE, "dark"), (DESKTOP, "light")], ids=["phone-dark", "desktop-light"])
def test_filled_planner_passes_axe(browser, server, viewport, scheme):
    with new_page(browser, viewport, scheme) as page:
        page.goto(f"{server}/{PAGE}", wait_until="load")
        _plan(page, "2027-01-12", "19:00", "Buurthuis De Ster")
        page.fill("#planning-datum-5", "2027-05-04")  # a note shows
        assert _note(page, 5)
        page.evaluate("document.fonts.ready.then(() => true)")
        result = Axe().run(page, options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a",
                                                                                  "wcag21aa"]}})
        found = [f"{v['id']}: {[n['target'] for n in v['nodes']]}" for v in result.response["violations"]]
        assert not found, found


def test_planner_works_with_the_keyboard(planner):
    """Every field and button is reached with Tab, in reading order; time and date are typed; Enter downloads."""
    planner.focus("#planning-tijd")
    order: list[str] = []
    for _ in range(40):  # a date or time field takes one Tab per part (day, month, year)
        name = planner.evaluate("document.activeElement.name || document.activeElement.dataset.actie || ''")
        if not order or order[-1] != name:
            order.append(name)
        planner.keyboard.press("Tab")
    expected = ["tijd", "plaats"] + [f"datum-{s.nummer}" for s in SESSIONS] + ["ics", "deelnemers", "agendas", "wis"]
    assert order[:len(expected)] == expected
    planner.focus("#planning-tijd")
    planner.keyboard.type("1900")
    assert planner.input_value("#planning-tijd") == "19:00"
    planner.focus("#planning-datum-1")
    planner.keyboard.type("03022027")  # the order of day and month is the browser's: either is a date
    first = dt.date.fromisoformat(planner.input_value("#planning-datum-1"))
    assert first in (dt.date(2027, 2, 3), dt.date(2027, 3, 2))
    assert _dates(planner) == [d.isoformat() for d in _days(first)]
    planner.focus('[data-actie="ics"]')
    with planner.expect_download() as info:
        planner.keyboard.press("Enter")
    assert len(_events(open(info.value.path(), "rb").read())) == len(SESSIONS)


def test_what_only_prints_stays_out_of_the_search_index(built_site):
    import json

    docs = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    texts = [d["text"] for d in docs if d["location"].startswith(PAGE)]
    assert texts
    assert not [t for t in texts if "agenda voor de trainer" in t or "Voorbereiden:" in t]
