"""Benchmark (not a test): ``python -m benchmark.run`` or ``make benchmark``. Prints a table and writes it into
README.md between the markers ``<!-- benchmark:start -->`` and ``<!-- benchmark:end -->``.

Measured on a copy of the project in a temporary folder (so the real .cache/ and site/ are left alone), against a
plain build of the same docs without anything downloadable (a config that INHERITs mkdocs.yml and leaves out the
PDF and zip hooks). Timed runs come in pairs, run back to back in alternating order, and a goal is judged on the
median of the pairs' ratios, so a busy moment of a shared machine hits both halves of a pair alike; the machine's
load (1-minute load average, sampled before every timed run) is reported with them. The four goals (issue 14):

1. editing: after saving a chapter under `mkdocs serve`, the time until the browser is told to reload (MkDocs'
   livereload answers when the rebuild is done) against a build without changes; target ≤ 1.5×;
2. a clean full build (empty cache: site + every PDF + offline zip) against what this machine allows: the plain
   build plus the PDF work spread over its cores (book, worksheets and packs as the clean build's log times them:
   max(book, all PDF work / cores)); the book renders in its own process alongside the worksheets and packs
   (werkboek/publish/finish.py) and its time is the time it took there, not the wait for it; target ≤ 1.2× that;
3. a rebuild without changes (cache warm) against the plain build; target ≤ 1.2×, median of ≥ 10 pairs;
4. chapter pages on a phone: Lighthouse (mobile preset, median of 3 runs) performance ≥ 95, Largest Contentful
   Paint ≤ 1.55 s (LCP_GOAL_S, printed beside performance) and accessibility 100
   on the home page, chapters 06 and 11 and Training geven (its planner), served compressed; ≤ 800 DOM elements
   on every chapter page.

``python -m benchmark.run --telefoon [SITE_DIR]`` measures goal 4 and the page weight only (a built site, or a fresh
build), and prints them without touching the README.

Also: KiB per page of every worksheet (target ≤ 40), the whole-werkboek PDF and the offline zip, and the transfer
weight of a chapter page (gzip of every HTML, CSS, JS and font response until the network is idle; ≤ 120 kB), and
filling in a worksheet on that page: the gzip bytes loaded only when "Download ingevuld (PDF)" is pressed (pdf-lib and
werkblad-pdf.js; the blank PDF apart) and the time from pressing it to the download with Chromium's CPU throttled 4×
(a phone-class CPU), the first time (scripts still to load) and again. Keeping answers (issue 21): the gzip bytes of
werkblad.js on that page before anything is used, and the time to restore every worksheet's answers from the file
"Alles bewaren" makes, with the CPU throttled 4×.
"""
from __future__ import annotations

import gzip
import os
import platform
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pikepdf

from benchmark import lighthouse
from benchmark.loopback import Server
from werkboek import ROOT
from werkboek.publish.finish import ZONDER_PDF
from werkboek.publish.offline_zip import ZIP_PATH
from werkboek.site import BOOK

README = ROOT / "README.md"
START, END = "<!-- benchmark:start -->", "<!-- benchmark:end -->"
# The build without PDFs: the same mkdocs.yml, built with WERKBOEK_ZONDER_PDF=1 (see _plain_config()).
PLAIN_CONFIG = "mkdocs.benchmark-zonder-pdf.yml"
CHAPTER_PAGE = "06-bespreekbaar-maken.html"
PHONE_PAGES = ["index.html", "06-bespreekbaar-maken.html", "11-lokale-samenwerking.html", "training-geven.html"]
CHAPTERS = re.compile(r"^\d\d-[a-z0-9-]+\.html$")
CHROMIUM = "/usr/bin/chromium"
IGNORE_ANYWHERE = shutil.ignore_patterns(".venv", ".git", ".cache", "__pycache__", ".pytest_cache", "*.egg-info",
                                         "test-results", "node_modules")
IGNORE_AT_TOP = shutil.ignore_patterns("site", "site.*", "tools")  # not werkboek/site.py


def _ignored(folder, names):
    return IGNORE_ANYWHERE(folder, names) | (IGNORE_AT_TOP(folder, names) if Path(folder) == ROOT else set())
BOOK_LOG = re.compile(r"werkboek downloads/werkboek\.pdf:.*?([\d.]+) s\)")
SHEETS_LOG = re.compile(r"werkbladen: \d+ PDF's klaar \(([\d.]+) s\)")
PACKS_LOG = re.compile(r"pakketten: \d+ klaar \(([\d.]+) s\)")
WARM_PAIRS = 10
CLEAN_PAIRS = 3  # a clean build takes well under a minute now (the book renders alongside); each bound from its own build
EDITED_PAGE = "docs/06-bespreekbaar-maken.md"
LIGHTHOUSE_RUNS = 3
# Largest Contentful Paint on a phone (Lighthouse mobile): a default Material page with the same text and system fonts
# measured 1.25 s (issue 23); a chapter page may take at most 0.3 s longer.
LCP_GOAL_S = 1.55


@dataclass
class Row:
    what: str
    value: str
    target: str = ""
    met: bool | None = None

    @property
    def verdict(self) -> str:
        return "" if self.met is None else ("gehaald" if self.met else "niet gehaald")


class Load:
    """The machine's 1-minute load average, sampled before every timed run."""

    def __init__(self):
        self.samples: list[float] = []

    def sample(self) -> None:
        self.samples.append(os.getloadavg()[0])

    def label(self) -> str:
        if not self.samples:
            return "?"
        return (f"mediaan {statistics.median(self.samples):.1f}, hoogste {max(self.samples):.1f} "
                f"({len(self.samples)} metingen, {os.cpu_count()} CPU's)")


def _build(config: Path, out: Path, load: Load | None = None) -> tuple[float, str]:
    """Time one `mkdocs build --strict` (wall clock, a fresh process as a user runs it)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if config.name == PLAIN_CONFIG:
        env[ZONDER_PDF] = "1"  # hooks/finish.py: the pages without their downloads
    if load is not None:
        load.sample()
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(out)],
                            cwd=config.parent, capture_output=True, text=True, env=env)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"build mislukt ({config.name}):\n{result.stdout}{result.stderr}")
    return elapsed, result.stdout + result.stderr


def _plain_config(project: Path) -> tuple[Path, list[str]]:
    """The same build without its PDF work: mkdocs.yml with the post-build step told to leave out the downloads
    (WERKBOEK_ZONDER_PDF=1, set by _build() for this config: no worksheets, packs, book, labels or offline zip). The
    pages, their serving form, the privacy guard and the swap stay, as in the full build. Its pages still link to
    the PDFs, which that build announces but leaves empty."""
    config = project / PLAIN_CONFIG
    config.write_text("INHERIT: mkdocs.yml\n", encoding="utf-8")
    return config, ["werkbladen", "pakketten", "boek", "hun omvang op de pagina's", "offline-zip"]


def _pdf_pages(path: Path) -> int:
    with pikepdf.open(path) as pdf:
        return len(pdf.pages)


def _seconds(pattern: re.Pattern, log: str) -> float:
    m = pattern.search(log)
    return float(m.group(1)) if m else 0.0


class Serve:
    """`mkdocs serve` of the project copy on a free loopback port; ``edit()`` saves a chapter with one new sentence
    and times until MkDocs' livereload says the rebuild is done (then puts the text back and waits for that too)."""

    def __init__(self, project: Path):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.project, self.base = project, f"http://127.0.0.1:{self.port}"
        self.log: list[str] = []
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{self.port}"], cwd=project, env=env,
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        threading.Thread(target=lambda: [self.log.append(line) for line in self.process.stdout], daemon=True).start()
        deadline = time.time() + 600
        while not any("Serving on" in line for line in self.log):
            if self.process.poll() is not None or time.time() > deadline:
                raise SystemExit("mkdocs serve start niet:\n" + "".join(self.log[-30:]))
            time.sleep(0.2)

    def _epoch(self) -> tuple[int, str]:
        page = urllib.request.urlopen(f"{self.base}/{CHAPTER_PAGE}", timeout=120).read().decode()
        epoch, request = re.search(r"livereload\((\d+), (\d+)\)", page).groups()
        return int(epoch), request

    def _save_and_wait(self, path: Path, text: str) -> float:
        epoch, request = self._epoch()
        path.write_text(text, encoding="utf-8")
        started = time.perf_counter()
        while int(urllib.request.urlopen(f"{self.base}/livereload/{epoch}/{request}", timeout=600).read()) <= epoch:
            pass
        return time.perf_counter() - started

    def edit(self, n: int, load: Load) -> float:
        path = self.project / EDITED_PAGE
        original = path.read_text(encoding="utf-8")
        first = next(line for line in original.splitlines() if line and not line.startswith(("#", "{", "<", ">")))
        load.sample()
        elapsed = self._save_and_wait(path, original.replace(first, f"{first} Proefzin {n} van de benchmark.", 1))
        shown = urllib.request.urlopen(f"{self.base}/{CHAPTER_PAGE}", timeout=120).read().decode()
        if f"Proefzin {n} van de benchmark." not in shown:
            raise SystemExit("mkdocs serve: de wijziging staat niet op de pagina na het herladen")
        self._save_and_wait(path, original)
        time.sleep(1)  # the offline zip of the restored site (background, cached) is written
        return elapsed

    def close(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(20)
        except subprocess.TimeoutExpired:
            self.process.kill()


def _ratio_row(what: str, pairs: list[tuple[float, float]], target: float | None, target_label: str,
               names: tuple[str, str]) -> Row:
    ratios = sorted(a / b for a, b in pairs)
    med = statistics.median(ratios)
    a_med, b_med = statistics.median(a for a, _ in pairs), statistics.median(b for _, b in pairs)
    return Row(what, f"{med:.2f}× (mediaan van {len(pairs)} paren, {ratios[0]:.2f}–{ratios[-1]:.2f}; "
                     f"{names[0]} {a_med:.1f} s, {names[1]} {b_med:.1f} s)", target_label,
               None if target is None else med <= target)


def dom_sizes(site: Path, pages: list[str]) -> dict[str, int]:
    """Elements in each page's body after it loaded, at a phone's width (what Lighthouse's dom-size counts)."""
    from playwright.sync_api import sync_playwright

    sizes = {}
    with Server(site) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=lighthouse.CHROME_FLAGS[1:])
        page = browser.new_context(viewport={"width": 412, "height": 823}).new_page()
        for url in pages:
            page.goto(f"{base}/{url}", wait_until="load")
            sizes[url] = page.evaluate("document.body.querySelectorAll('*').length")
        browser.close()
    return sizes


def transfer_weight(site: Path, page_url: str = CHAPTER_PAGE) -> list[tuple[str, str, int]]:
    """(kind, file name, gzip size) of every response Chromium gets for one page until the network is idle; kind is
    html, css, js or font for what the target counts, else "overig"."""
    from playwright.sync_api import sync_playwright

    kinds = {"document": "html", "stylesheet": "css", "script": "js", "font": "font"}
    found: list[tuple[str, str, int]] = []
    with Server(site) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=lighthouse.CHROME_FLAGS[1:])
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        responses = []
        context.on("response", lambda r: responses.append(r))
        page = context.new_page()
        page.goto(f"{base}/{page_url}", wait_until="networkidle")
        seen = set()
        for response in responses:
            if response.url in seen or response.status != 200:
                continue
            seen.add(response.url)
            kind = kinds.get(response.request.resource_type)
            if kind is None and response.url.endswith(".js"):
                kind = "js"  # the search worker and the scripts it imports
            size = len(gzip.compress(response.body(), compresslevel=6, mtime=0))
            found.append((kind or "overig", response.url.rsplit("/", 1)[-1], size))
        browser.close()
    return found


def fill_cost(site: Path, page_url: str = CHAPTER_PAGE) -> dict:
    """Fill every field of the largest worksheet on a page and press "Download ingevuld (PDF)" twice with the CPU
    throttled 4×: what the press loads (gzip bytes per file) and how long until each download arrives."""
    from playwright.sync_api import sync_playwright

    with Server(site) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=lighthouse.CHROME_FLAGS[1:])
        context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
        page = context.new_page()
        page.goto(f"{base}/{page_url}", wait_until="networkidle")
        ident = page.evaluate("""() => Array.from(document.querySelectorAll('form.werkblad[data-versie]'))
            .sort((a, b) => b.elements.length - a.elements.length)[0].dataset.instrument""")
        form = page.locator(f"form#werkblad-{ident}")
        form.evaluate("""form => Array.from(form.elements).forEach((el, n) => {
            if (el.type === 'checkbox' || el.type === 'radio') el.checked = true;
            else if (el.name) el.value = 'Antwoord ' + n + ' é ë €';
            el.dispatchEvent(new Event('change', {bubbles: true})); })""")
        responses = []
        page.on("response", lambda r: responses.append(r))
        context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": 4})
        times = []
        for _ in range(2):
            start = time.perf_counter()
            with page.expect_download(timeout=120_000) as download:
                form.locator('[data-actie="download"]').click()
            download.value.path()
            times.append(time.perf_counter() - start)
        loaded = [(r.url.rsplit("/", 1)[-1], len(gzip.compress(r.body(), compresslevel=6, mtime=0)))
                  for r in responses if r.status == 200]
        browser.close()
    return {"werkblad": ident, "times": times, "loaded": loaded}


def restore_cost(site: Path) -> dict:
    """Answers in every field of every worksheet, kept with "Alles bewaren" on "Mijn antwoorden"; the storage wiped;
    then, with the CPU throttled 4×, the time from choosing that file to the report that the answers are back."""
    from playwright.sync_api import sync_playwright

    pages = sorted(p.name for p in site.glob("*.html") if 'data-instrument="' in p.read_text(encoding="utf-8"))
    with Server(site) as base, sync_playwright() as p, tempfile.TemporaryDirectory() as tmp:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=lighthouse.CHROME_FLAGS[1:])
        context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
        page = context.new_page()
        sheets = 0
        for url in pages:
            page.goto(f"{base}/{url}", wait_until="load")
            page.wait_for_function("document.documentElement.dataset.scripts === 'klaar'")  # scripts start after paint
            sheets += page.evaluate("""() => Array.from(document.querySelectorAll('form.werkblad[data-versie]'))
                .map(form => Array.from(form.elements).filter(el => el.name && el.type !== 'button').map((el, n) => {
                    if (el.type === 'checkbox' || el.type === 'radio') el.checked = true;
                    else el.value = 'Antwoord ' + n + ' é ë € ĳ';
                    el.dispatchEvent(new Event('change', {bubbles: true})); return 1; }).length)
                .filter(Boolean).length""")
        page.goto(f"{base}/mijn-antwoorden.html", wait_until="load")
        with page.expect_download(timeout=300_000) as download:
            page.locator('[data-actie="bewaren"]').click()
        kept = Path(tmp) / "alles.pdf"
        download.value.save_as(kept)
        size = kept.stat().st_size
        page.evaluate("localStorage.clear()")
        page.reload(wait_until="networkidle")
        context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": 4})
        start = time.perf_counter()
        page.locator("#antwoorden-bestand").set_input_files(str(kept))
        page.wait_for_function("() => document.querySelector('[data-status]').textContent.includes('staan weer')",
                               timeout=300_000)
        seconds = time.perf_counter() - start
        browser.close()
    return {"werkbladen": sheets, "bytes": size, "seconds": seconds}


def lighthouse_rows(page: str, score: lighthouse.Score, runs: list[lighthouse.Score]) -> list[Row]:
    """A page's performance (the median run, every run's score) and, beside it, its Largest Contentful Paint (the
    median of the runs, every run's)."""
    lcp = statistics.median(s.lcp_s for s in runs)
    return [Row(f"↳ `{page}`: prestaties", f"{score.performance} (runs: {', '.join(str(s.performance) for s in runs)};"
                f" TBT {score.tbt_ms:.0f} ms, CLS {score.cls:.3f})", "≥ 95", score.performance >= 95),
            Row(f"↳ `{page}`: LCP (grootste element in beeld)",
                f"{lcp:.2f} s (runs: {', '.join(f'{s.lcp_s:.2f}' for s in runs)})",
                f"≤ {LCP_GOAL_S:.2f} s (standaard-Material 1.25 s + 0.3 s)", lcp <= LCP_GOAL_S)]


def phone_rows(site: Path, load: Load, extra: dict) -> tuple[list[Row], list[Row]]:
    """Goal 4 on a built site: Lighthouse on PHONE_PAGES, the DOM size of every chapter page; and the transfer weight
    of CHAPTER_PAGE and the cost of filling in its largest worksheet (rows for the "Downloads en gewicht" part)."""
    rows: list[Row] = []
    rows.append(Row("**4. Hoofdstukpagina's op een telefoon** (Lighthouse 12.2.3, mobiel, gzip, mediaan van "
                    f"{LIGHTHOUSE_RUNS})", "", "", None))
    why_not = lighthouse.available()
    if why_not:
        rows.append(Row("Lighthouse", f"niet gemeten: {why_not}", "prestaties ≥ 95, toegankelijkheid 100", False))
    else:
        load.sample()
        for page, (score, all_runs) in lighthouse.median_scores(site, PHONE_PAGES, LIGHTHOUSE_RUNS).items():
            rows += lighthouse_rows(page, score, all_runs)
            rows.append(Row(f"↳ `{page}`: toegankelijkheid", f"{score.accessibility}"
                            + (f" ({', '.join(score.failed)})" if score.failed else ""), "100",
                            score.accessibility == 100))
        rows.append(Row("↳ belasting tijdens Lighthouse (load average, 1 min, bij de start / aan het eind)",
                        f"{load.samples[-1]:.1f} / {os.getloadavg()[0]:.1f}"))
    chapters = sorted(p.name for p in site.glob("*.html") if CHAPTERS.match(p.name))
    if Path(CHROMIUM).exists():
        sizes = dom_sizes(site, chapters)
        worst = max(sizes, key=sizes.get)
        rows.append(Row(f"↳ DOM-elementen per hoofdstukpagina, hoogste (`{worst}`; alle {len(sizes)} hieronder)",
                        f"{sizes[worst]}", "≤ 800", max(sizes.values()) <= 800))
        extra["dom"] = sizes

    weight: list[Row] = []
    if not Path(CHROMIUM).exists():
        weight.append(Row(f"Overdracht van `{CHAPTER_PAGE}`", f"niet gemeten: {CHROMIUM} ontbreekt", "≤ 120 kB"))
    else:
        found = transfer_weight(site)
        per_kind: dict[str, int] = {}
        for kind, _, size in found:
            per_kind[kind] = per_kind.get(kind, 0) + size
        total = sum(v for k, v in per_kind.items() if k != "overig")
        parts = ", ".join(f"{k} {v / 1000:.1f}" for k, v in sorted(per_kind.items()) if k != "overig")
        weight.append(Row(f"Overdracht van `{CHAPTER_PAGE}` (gzip: HTML, CSS, JS, lettertypen)",
                        f"{total / 1000:.1f} kB ({parts})", "≤ 120 kB", total / 1000 <= 120))
        extra["transfer"] = found
        fill = fill_cost(site)
        scripts = [(name, size) for name, size in fill["loaded"] if name.endswith(".js")]
        weight.append(Row("Invullen: extra bij \"Download ingevuld (PDF)\" (gzip, alleen bij gebruik)",
                        f"{sum(s for _, s in scripts) / 1000:.1f} kB ("
                        + ", ".join(f"`{n}` {s / 1000:.1f}" for n, s in scripts) + ")"))
        first, again = fill["times"]
        weight.append(Row(f"Invullen: tijd tot ingevulde PDF (`{fill['werkblad']}`, Chromium, CPU 4× vertraagd)",
                        f"{first:.2f} s (eerste keer, met laden), {again:.2f} s (daarna)"))
        kept = next((s for kind, name, s in found if name == "werkblad.js"), 0)
        weight.append(Row("Antwoorden bewaren: `werkblad.js` op een werkbladpagina vóór gebruik (gzip; pdf-lib en "
                          "`mijn-antwoorden.js` alleen bij gebruik)", f"{kept / 1000:.1f} kB"))
        restore = restore_cost(site)
        weight.append(Row(f"Terugzetten uit \"Alles bewaren\" ({restore['werkbladen']} werkbladen, alle velden "
                          f"ingevuld, {restore['bytes'] / 1e6:.1f} MB; Chromium, CPU 4× vertraagd)",
                          f"{restore['seconds']:.2f} s"))
    return rows, weight


def measure() -> tuple[list[Row], list[Row], dict]:
    load = Load()
    extra: dict = {"load_start": os.getloadavg()}
    with tempfile.TemporaryDirectory(prefix="werkboek-benchmark-") as tmp:
        tmp = Path(tmp)
        project = tmp / "project"
        shutil.copytree(ROOT, project, ignore=_ignored)
        full_out, plain_out = tmp / "site", tmp / "site-zonder-pdf"
        plain_config, left_out = _plain_config(project)

        clean_pairs, bounds, logs = [], [], []
        for i in range(CLEAN_PAIRS):
            print(f"schone volledige build (lege cache) en build zonder PDF's, paar {i + 1}/{CLEAN_PAIRS} …", flush=True)
            shutil.rmtree(project / ".cache", ignore_errors=True)
            shutil.rmtree(full_out, ignore_errors=True)
            if i % 2:
                t_plain = _build(plain_config, plain_out, load)[0]
                t_full, log = _build(project / "mkdocs.yml", full_out, load)
            else:
                t_full, log = _build(project / "mkdocs.yml", full_out, load)
                t_plain = _build(plain_config, plain_out, load)[0]
            book, sheets, packs = (_seconds(p, log) for p in (BOOK_LOG, SHEETS_LOG, PACKS_LOG))
            cores = min(2, os.cpu_count() or 1)
            bound = t_plain + max(book, (book + sheets + packs) / cores)
            clean_pairs.append((t_full, t_plain))
            bounds.append((t_full, bound))
            logs.append((book, sheets, packs))

        print("mkdocs serve starten …", flush=True)
        serve = Serve(project)
        warm_pairs, edit_pairs = [], []
        try:
            for i in range(WARM_PAIRS):
                print(f"build zonder wijzigingen, build zonder PDF's, opslaan onder serve: {i + 1}/{WARM_PAIRS} …",
                      flush=True)
                if i % 2:
                    t_plain = _build(plain_config, plain_out, load)[0]
                    t_warm = _build(project / "mkdocs.yml", full_out, load)[0]
                else:
                    t_warm = _build(project / "mkdocs.yml", full_out, load)[0]
                    t_plain = _build(plain_config, plain_out, load)[0]
                warm_pairs.append((t_warm, t_plain))
                edit_pairs.append((serve.edit(i, load), t_warm))
        finally:
            serve.close()

        book_s, sheets_s, packs_s = (statistics.median(x[k] for x in logs) for k in range(3))
        bound_med = statistics.median(b for _, b in bounds)
        rows = [
            Row("**1. Bewerken:** opslaan onder `make serve` tot herladen / build zonder wijzigingen", "", "", None),
            _ratio_row("↳ herladen na opslaan / build zonder wijzigingen", edit_pairs, 1.5, "≤ 1,5×",
                       ("herladen", "zonder wijzigingen")),
            Row("**2. Schone build** (lege cache: site, alle PDF's, offline-zip)", "", "", None),
            _ratio_row("↳ schone build / wat de machine toelaat", bounds, 1.2, "≤ 1,2×",
                       ("schoon", "machinegrens")),
            Row("↳ machinegrens: build zonder PDF's + max(boek, al het PDF-werk / "
                f"{min(2, os.cpu_count() or 1)} kernen)", f"{bound_med:.1f} s (boek {book_s:.1f} s, werkbladen "
                f"{sheets_s:.1f} s, pakketten {packs_s:.1f} s)"),
            _ratio_row("↳ schone build / build zonder PDF's", clean_pairs, None, "", ("schoon", "zonder PDF's")),
            Row("**3. Build zonder wijzigingen** (cache warm)", "", "", None),
            _ratio_row("↳ build zonder wijzigingen / build zonder PDF's (zonder "
                       + ", ".join(left_out) + ")", warm_pairs, 1.2, "≤ 1,2×",
                       ("zonder wijzigingen", "zonder PDF's")),
        ]
        rows.append(Row("Belasting van de machine tijdens de getimede builds (load average, 1 min)", load.label()))

        print("telefoon: Lighthouse, DOM, overdracht …", flush=True)
        phone, weight = phone_rows(full_out, load, extra)
        rows += phone

        sheets = []
        for pdf in sorted((full_out / "werkbladen").glob("*.pdf")):
            pages = _pdf_pages(pdf)
            kib = pdf.stat().st_size / 1024
            sheets.append(Row(f"`werkbladen/{pdf.name}`", f"{kib:.0f} KiB, {pages} p., {kib / pages:.1f} KiB/p.",
                              "≤ 40 KiB/p.", kib / pages <= 40))
        rows.append(Row("**Downloads en gewicht**", "", "", None))
        worst = max(sheets, key=lambda r: float(r.value.rsplit(", ", 1)[1].split()[0])) if sheets else None
        if worst:
            rows.append(Row(f"Werkbladen: KiB per pagina, hoogste ({worst.what}; alle {len(sheets)} hieronder)",
                            worst.value.rsplit(", ", 1)[1], "≤ 40 KiB/p.", all(r.met for r in sheets)))
        book = full_out / BOOK
        if book.is_file():
            rows.append(Row(f"Heel werkboek als PDF (`{BOOK}`)",
                            f"{book.stat().st_size / 1024 / 1024:.2f} MB, {_pdf_pages(book)} p., gemaakt in "
                            f"{book_s:.1f} s"))
        zipped = full_out / ZIP_PATH
        if zipped.is_file():
            rows.append(Row(f"Offline-versie (`{ZIP_PATH}`)",
                            f"{zipped.stat().st_size / 1024 / 1024:.2f} MB"))
        rows += weight
        extra["load_end"] = os.getloadavg()
        return rows, sheets, extra


def table(rows: list[Row]) -> str:
    lines = ["| meting | resultaat | doel | |", "| --- | --- | --- | --- |"]
    lines += [f"| {r.what} | {r.value} | {r.target} | {r.verdict} |" for r in rows]
    return "\n".join(lines)


def section(rows: list[Row], sheets: list[Row], extra: dict) -> str:
    commit = subprocess.run(["git", "log", "-1", "--format=%h"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    found = sorted(extra.get("transfer") or [], key=lambda item: -item[2])
    counted = [f"`{name}` {size / 1000:.1f}" for kind, name, size in found if kind != "overig"]
    other = [f"`{name}` {size / 1000:.1f}" for kind, name, size in found if kind == "overig"]
    notes = ""
    if extra.get("dom"):
        notes += ("\n\nDOM-elementen per hoofdstukpagina (body, na het laden, 412 px breed): "
                  + ", ".join(f"`{page}` {n}" for page, n in extra["dom"].items()) + ".")
    if found:
        notes += (f"\n\nOverdracht van `{CHAPTER_PAGE}` per bestand (kB, gzip): " + ", ".join(counted) + "."
                  + (" Niet meegeteld (geen HTML, CSS, JS of lettertype): " + ", ".join(other) + "." if other else ""))
    start, end = extra.get("load_start", (0, 0, 0)), extra.get("load_end", (0, 0, 0))
    return (f"Gemeten op {time.strftime('%Y-%m-%d')} (commit {commit or '?'}), Python {platform.python_version()}, "
            f"{os.cpu_count()} CPU's; load average (1/5/15 min) bij de start {start[0]:.1f}/{start[1]:.1f}/"
            f"{start[2]:.1f}, aan het eind {end[0]:.1f}/{end[1]:.1f}/{end[2]:.1f}. Tijden: wandklok, inclusief het "
            f"starten van MkDocs, in paren vlak na elkaar (volgorde wisselt); beoordeeld op de mediaan van de "
            f"verhoudingen per paar. kB = 1000 bytes, KiB = 1024 bytes.\n\n"
            + table(rows) + ("\n\n" + table(sheets) if sheets else "") + notes)


def write_readme(text: str, readme: Path = README) -> None:
    content = readme.read_text(encoding="utf-8")
    block = f"{START}\n{text}\n{END}"
    if START in content and END in content:
        before, rest = content.split(START, 1)
        content = before + block + rest.split(END, 1)[1]
    else:
        content = content.rstrip("\n") + "\n\n## Benchmark\n\n`make benchmark` meet en schrijft deze tabel.\n\n" + block + "\n"
    readme.write_text(content, encoding="utf-8")


def phone_only(site: Path | None) -> None:
    """``python -m benchmark.run --telefoon [SITE_DIR]``: goal 4 and the page weight only, on a built site (or
    on a fresh build of this project), printed and not written into the README."""
    extra: dict = {"load_start": os.getloadavg()}
    with tempfile.TemporaryDirectory(prefix="werkboek-telefoon-") as tmp:
        if site is None:
            print("site bouwen …", flush=True)
            site = Path(tmp) / "site"
            _build(ROOT / "mkdocs.yml", site)
        rows, weight = phone_rows(site, Load(), extra)
    extra["load_end"] = os.getloadavg()
    print()
    print(section(rows + weight, [], extra))


def main() -> None:
    args = sys.argv[1:]
    if args[:1] == ["--telefoon"]:
        phone_only(Path(args[1]) if len(args) > 1 else None)
        return
    rows, sheets, extra = measure()
    text = section(rows, sheets, extra)
    print()
    print(text)
    write_readme(text)
    print(f"\nGeschreven in {README.relative_to(ROOT)} (tussen {START} en {END}).")


if __name__ == "__main__":
    main()
