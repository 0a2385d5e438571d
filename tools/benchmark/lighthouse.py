"""Lighthouse (npm, pinned in tools/lighthouse/package-lock.json, installed by `make benchmark`) on pages of a built
site, served compressed from loopback (tools/benchmark/loopback.py), with Debian's Chromium: mobile preset (Lighthouse's
default: a mid-range phone, simulated slow 4G and CPU), performance and accessibility. Used by the benchmark."""
from __future__ import annotations

import json
import os
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from benchmark.loopback import Server
from werkboek import ROOT

LIGHTHOUSE = ROOT / "tools" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = "/usr/bin/chromium"
# As tests/conftest.py: what Chromium needs to run as root in a container without talking to Google.
CHROME_FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]


@dataclass
class Score:
    page: str
    performance: int
    accessibility: int
    dom: int
    cls: float
    tbt_ms: float
    lcp_s: float
    failed: list[str]  # ids of the audits that did not pass (accessibility: what to fix)


def available() -> str | None:
    """None if Lighthouse can run, else why not (in Dutch, for the table)."""
    if not LIGHTHOUSE.exists():
        return "Lighthouse ontbreekt (make benchmark installeert het in tools/lighthouse)"
    if not Path(CHROMIUM).exists():
        return f"{CHROMIUM} ontbreekt"
    return None


def run(site: Path, page: str, base: str) -> Score:
    with tempfile.TemporaryDirectory(prefix="lighthouse-") as tmp:
        out = Path(tmp) / "rapport.json"
        result = subprocess.run(
            [str(LIGHTHOUSE), f"{base}/{page}", "--quiet", "--output=json", f"--output-path={out}",
             "--only-categories=performance,accessibility", f"--chrome-flags={' '.join(CHROME_FLAGS)}"],
            env={**os.environ, "CHROME_PATH": CHROMIUM}, capture_output=True, text=True, timeout=300)
        if result.returncode != 0 or not out.exists():
            raise RuntimeError(f"lighthouse {page}: {result.stderr[-1500:]}")
        report = json.loads(out.read_text(encoding="utf-8"))
    audits, categories = report["audits"], report["categories"]
    failed = [ref["id"] for ref in categories["accessibility"]["auditRefs"]
              if audits[ref["id"]].get("score") is not None and audits[ref["id"]]["score"] < 1]
    return Score(page, round(categories["performance"]["score"] * 100),
                 round(categories["accessibility"]["score"] * 100), int(audits["dom-size"]["numericValue"]),
                 float(audits["cumulative-layout-shift"]["numericValue"]),
                 float(audits["total-blocking-time"]["numericValue"]),
                 float(audits["largest-contentful-paint"]["numericValue"]) / 1000, failed)


def median_scores(site: Path, pages: list[str], runs: int = 3) -> dict[str, tuple[Score, list[Score]]]:
    """Per page: the run with the median performance score, and every run's score."""
    found: dict[str, list[Score]] = {page: [] for page in pages}
    with Server(site) as base:
        for _ in range(runs):  # round-robin, so a busy moment of the machine does not hit one page only
            for page in pages:
                found[page].append(run(site, page, base))
    out = {}
    for page, scores in found.items():
        ordered = sorted(scores, key=lambda s: s.performance)
        out[page] = (ordered[len(ordered) // 2], scores)
    return out

