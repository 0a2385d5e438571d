"""Benchmark (not a test): ``python -m werkboek.benchmark`` or ``make benchmark``. Prints a table and writes it into
README.md between the markers ``<!-- benchmark:start -->`` and ``<!-- benchmark:end -->``.

Measured on a copy of the project in a temporary folder (so the real .cache/ and site/ are left alone):

- a clean full build (empty cache: site + every PDF + offline zip) against a plain build of the same docs without
  anything downloadable (a config that INHERITs mkdocs.yml and leaves out the PDF and zip hooks); target ≤ 2.5×;
- a rebuild without changes (cache warm) against that plain build; target ≤ 1.2×;
- KiB per page of every worksheet (target ≤ 40) and the whole-werkboek PDF (downloads/werkboek.pdf), if any;
- the transfer weight of a chapter page: gzip of every HTML, CSS, JS and font response Chromium gets while loading
  06-bespreekbaar-maken.html (until the network is idle); target ≤ 120 kB;
- filling in a worksheet on that page: the gzip bytes the page loads only when "Download ingevuld (PDF)" is pressed
  (pdf-lib and werkblad-pdf.js; the blank PDF apart), and the time from pressing it to the download, with Chromium's
  CPU throttled 4× (a phone-class CPU), the first time (scripts still to load) and again.
"""
from __future__ import annotations

import functools
import gzip
import http.server
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import pikepdf

from . import ROOT

README = ROOT / "README.md"
START, END = "<!-- benchmark:start -->", "<!-- benchmark:end -->"
# Hooks that make downloads (worksheets, training packs, the whole werkboek, the offline zip): left out of the plain
# build. Any other hook stays, so both builds make the same pages.
DOWNLOAD_HOOKS = ("worksheets.py", "training.py", "book.py", "offline_zip.py")
CHAPTER_PAGE = "06-bespreekbaar-maken.html"
CHROMIUM = "/usr/bin/chromium"
IGNORE = shutil.ignore_patterns(".venv", "site", "site.*", ".git", ".cache", "__pycache__", ".pytest_cache",
                                "*.egg-info", "test-results", "node_modules")
BOOK_LOG = re.compile(r"werkboek downloads/werkboek\.pdf:.*?([\d.]+) s\)")


@dataclass
class Row:
    what: str
    value: str
    target: str = ""
    met: bool | None = None

    @property
    def verdict(self) -> str:
        return "" if self.met is None else ("gehaald" if self.met else "niet gehaald")


def _build(config: Path, out: Path) -> tuple[float, str]:
    """Time one `mkdocs build --strict` (wall clock, a fresh process as a user runs it)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(out)],
                            cwd=config.parent, capture_output=True, text=True, env=env)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"build mislukt ({config.name}):\n{result.stdout}{result.stderr}")
    return elapsed, result.stdout + result.stderr


def _plain_config(project: Path) -> tuple[Path, list[str]]:
    """A config that inherits mkdocs.yml and leaves out the hooks that make downloads."""
    from mkdocs.utils.yaml import yaml_load

    with open(project / "mkdocs.yml", encoding="utf-8") as f:
        hooks = (yaml_load(f) or {}).get("hooks") or []
    kept = [h for h in hooks if Path(h).name not in DOWNLOAD_HOOKS]
    left_out = [Path(h).name for h in hooks if Path(h).name in DOWNLOAD_HOOKS]
    config = project / "mkdocs.benchmark-zonder-pdf.yml"
    config.write_text("INHERIT: mkdocs.yml\nhooks:\n" + "".join(f"  - {h}\n" for h in kept), encoding="utf-8")
    return config, left_out


def _pdf_pages(path: Path) -> int:
    with pikepdf.open(path) as pdf:
        return len(pdf.pages)


def _serve(directory: Path):
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(directory)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd


def transfer_weight(site: Path, page_url: str = CHAPTER_PAGE) -> list[tuple[str, str, int]]:
    """(kind, file name, gzip size) of every response Chromium gets for one page until the network is idle; kind is
    html, css, js or font for what the target counts, else "overig"."""
    from playwright.sync_api import sync_playwright

    kinds = {"document": "html", "stylesheet": "css", "script": "js", "font": "font"}
    found: list[tuple[str, str, int]] = []
    httpd = _serve(site)
    try:
        base = f"http://127.0.0.1:{httpd.server_address[1]}"
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
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
    finally:
        httpd.shutdown()
    return found


def fill_cost(site: Path, page_url: str = CHAPTER_PAGE) -> dict:
    """Fill every field of the largest worksheet on a page and press "Download ingevuld (PDF)" twice with the CPU
    throttled 4×: what the press loads (gzip bytes per file) and how long until each download arrives."""
    from playwright.sync_api import sync_playwright

    httpd = _serve(site)
    try:
        base = f"http://127.0.0.1:{httpd.server_address[1]}"
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
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
            cdp = context.new_cdp_session(page)
            cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
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
    finally:
        httpd.shutdown()
    return {"werkblad": ident, "times": times, "loaded": loaded}


def measure() -> tuple[list[Row], list[Row], dict]:
    with tempfile.TemporaryDirectory(prefix="werkboek-benchmark-") as tmp:
        tmp = Path(tmp)
        project = tmp / "project"
        shutil.copytree(ROOT, project, ignore=IGNORE)
        full_out, plain_out = tmp / "site", tmp / "site-zonder-pdf"
        print("schone volledige build (lege cache) …", flush=True)
        t_full, log = _build(project / "mkdocs.yml", full_out)
        print("build zonder wijzigingen (cache warm) …", flush=True)
        t_warm = min(_build(project / "mkdocs.yml", full_out)[0] for _ in range(2))
        plain_config, left_out = _plain_config(project)
        print(f"build zonder PDF's ({', '.join(left_out)} weggelaten) …", flush=True)
        t_plain = min(_build(plain_config, plain_out)[0] for _ in range(2))

        rows = [
            Row("Build zonder PDF's (`mkdocs build`, zonder " + ", ".join(f"`{h}`" for h in left_out) + ")",
                f"{t_plain:.1f} s"),
            Row("Schone volledige build (lege cache: site, alle PDF's, offline-zip)", f"{t_full:.1f} s"),
            Row("↳ verhouding schone build / build zonder PDF's", f"{t_full / t_plain:.2f}×", "≤ 2,5×",
                t_full / t_plain <= 2.5),
            Row("Build zonder wijzigingen (cache warm)", f"{t_warm:.1f} s"),
            Row("↳ verhouding build zonder wijzigingen / build zonder PDF's", f"{t_warm / t_plain:.2f}×", "≤ 1,2×",
                t_warm / t_plain <= 1.2),
        ]

        sheets = []
        for pdf in sorted((full_out / "werkbladen").glob("*.pdf")):
            pages = _pdf_pages(pdf)
            kib = pdf.stat().st_size / 1024
            sheets.append(Row(f"`werkbladen/{pdf.name}`", f"{kib:.0f} KiB, {pages} p., {kib / pages:.1f} KiB/p.",
                              "≤ 40 KiB/p.", kib / pages <= 40))
        worst = max(sheets, key=lambda r: float(r.value.rsplit(", ", 1)[1].split()[0])) if sheets else None
        if worst:
            rows.append(Row(f"Werkbladen: KiB per pagina, hoogste ({worst.what}; alle {len(sheets)} hieronder)",
                            worst.value.rsplit(", ", 1)[1], "≤ 40 KiB/p.", all(r.met for r in sheets)))

        book = full_out / "downloads" / "werkboek.pdf"
        if book.is_file():
            pages = _pdf_pages(book)
            m = BOOK_LOG.search(log)
            when = f", gemaakt in {float(m.group(1)):.1f} s" if m else ""
            rows.append(Row("Heel werkboek als PDF (`downloads/werkboek.pdf`)",
                            f"{book.stat().st_size / 1024 / 1024:.2f} MB, {pages} p.{when}"))
        else:
            rows.append(Row("Heel werkboek als PDF (`downloads/werkboek.pdf`)", "nog niet aanwezig"))
        zipped = full_out / "downloads" / "werkboek-offline.zip"
        if zipped.is_file():
            rows.append(Row("Offline-versie (`downloads/werkboek-offline.zip`)",
                            f"{zipped.stat().st_size / 1024 / 1024:.2f} MB"))

        extra = {}
        if not Path(CHROMIUM).exists():
            rows.append(Row(f"Overdracht van `{CHAPTER_PAGE}`", f"niet gemeten: {CHROMIUM} ontbreekt", "≤ 120 kB"))
        else:
            found = transfer_weight(full_out)
            per_kind: dict[str, int] = {}
            for kind, _, size in found:
                per_kind[kind] = per_kind.get(kind, 0) + size
            total = sum(v for k, v in per_kind.items() if k != "overig")
            parts = ", ".join(f"{k} {v / 1000:.1f}" for k, v in sorted(per_kind.items()) if k != "overig")
            rows.append(Row(f"Overdracht van `{CHAPTER_PAGE}` (gzip: HTML, CSS, JS, lettertypen)",
                            f"{total / 1000:.1f} kB ({parts})", "≤ 120 kB", total / 1000 <= 120))
            extra["transfer"] = found
            fill = fill_cost(full_out)
            scripts = [(name, size) for name, size in fill["loaded"] if name.endswith(".js")]
            rows.append(Row("Invullen: extra bij \"Download ingevuld (PDF)\" (gzip, alleen bij gebruik)",
                            f"{sum(s for _, s in scripts) / 1000:.1f} kB ("
                            + ", ".join(f"`{n}` {s / 1000:.1f}" for n, s in scripts) + ")"))
            first, again = fill["times"]
            rows.append(Row(f"Invullen: tijd tot ingevulde PDF (`{fill['werkblad']}`, Chromium, CPU 4× vertraagd)",
                            f"{first:.2f} s (eerste keer, met laden), {again:.2f} s (daarna)"))
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
    other_note = ""
    if found:
        other_note = (f"\n\nOverdracht van `{CHAPTER_PAGE}` per bestand (kB, gzip): " + ", ".join(counted) + "."
                      + (" Niet meegeteld (geen HTML, CSS, JS of lettertype): " + ", ".join(other) + "." if other else ""))
    return (f"Gemeten op {time.strftime('%Y-%m-%d')} (commit {commit or '?'}), Python {platform.python_version()}, "
            f"{os.cpu_count()} CPU's. Tijden: wandklok, inclusief het starten van MkDocs; de herhaalde builds het "
            f"snelste van twee. kB = 1000 bytes, KiB = 1024 bytes.\n\n"
            + table(rows) + "\n\n" + table(sheets) + other_note)


def write_readme(text: str, readme: Path = README) -> None:
    content = readme.read_text(encoding="utf-8")
    block = f"{START}\n{text}\n{END}"
    if START in content and END in content:
        before, rest = content.split(START, 1)
        content = before + block + rest.split(END, 1)[1]
    else:
        content = content.rstrip("\n") + "\n\n## Benchmark\n\n`make benchmark` meet en schrijft deze tabel.\n\n" + block + "\n"
    readme.write_text(content, encoding="utf-8")


def main() -> None:
    rows, sheets, extra = measure()
    text = section(rows, sheets, extra)
    print()
    print(text)
    write_readme(text)
    print(f"\nGeschreven in {README.relative_to(ROOT)} (tussen {START} en {END}).")


if __name__ == "__main__":
    main()
