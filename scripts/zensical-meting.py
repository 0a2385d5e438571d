#!/usr/bin/env python3
"""Measure what building this site with Zensical (the successor of Material for MkDocs) gives, next to MkDocs.

    python3 scripts/zensical-meting.py [--ref main] [--repo .] [--out /tmp/zensical-meting]

Not part of `make test`: it installs the newest Zensical that pip resolves here into its own venv (default
/tmp/werkboek-zensical, never the project's .venv or requirements), together with the project's locked requirements
except MkDocs and its plugins, so the werkboek's own code imports as it would after a move. It builds the commit
``--ref`` of ``--repo`` (a clean `git archive`, no .cache) three ways and prints a table per feature:

- MkDocs (the project's .venv), as `make build` does;
- Zensical as the project is (mkdocs.yml unchanged, so `strict: true`);
- Zensical adapted: `theme.variant: classic` (Material's look, which overrides/ is written for) and `strict: false`
  (so that one warning does not hide the rest); then, where the project has it, the post-build step
  `python -m werkboek afronden SITE_DIR` on a copy of that output.

Everything stays under --out; SOURCE_DATE_EPOCH is fixed so runs compare.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

EPOCH = "1700000000"
ANSI = re.compile(r"\x1b\[[0-9;]*m")
WARNING = re.compile(r"^(?:Warning|WARNING)\b[: ]*(.*)$", re.M)

# Feature → (what it shows, how to count it in a built site). Counts, so partial results show as partial.
PAGES = ["05-herkennen.html", "06-bespreekbaar-maken.html", "11-lokale-samenwerking.html", "training-geven.html",
         "verantwoording.html", "werkbladen.html", "begrippenlijst.html"]


def _count(site: Path, pattern: str, pages=PAGES) -> int:
    rx = re.compile(pattern)
    return sum(len(rx.findall((site / p).read_text(encoding="utf-8"))) for p in pages if (site / p).is_file())


def _files(site: Path, glob: str) -> int:
    return len(list(site.glob(glob)))


FEATURES = [
    ("pages (.html written)", lambda s: _files(s, "**/*.html")),
    ("macros: instrument forms", lambda s: _count(s, r'<form class="werkblad')),
    ("macros: fasemodel SVG", lambda s: _count(s, r'<figure class="fasemodel')),
    ("macros: redactie markers", lambda s: _count(s, r'class="redactie" href=')),
    ("macros: worksheet PDF links", lambda s: _count(s, r'href="[^"]*werkbladen/[^"]+\.pdf"')),
    ("section anchors (#s5-3 …)", lambda s: _count(s, r'id="s\d+-\d+"')),
    ("cross-references", lambda s: _count(s, r'class="verwijzing"')),
    ("callouts", lambda s: _count(s, r'<section class="callout')),
    ("glossary terms", lambda s: _count(s, r'class="begrip__term"')),
    ("glossary definitions file", lambda s: _files(s, "assets/javascripts/begrippen-definities.js")),
    ("hyphenated headings (soft hyphens)", lambda s: _count(s, "\u00ad")),
    ("minified own CSS (werkboek.css without comments)",
     lambda s: int((s / "assets/stylesheets/werkboek.css").is_file()
                   and "/*" not in (s / "assets/stylesheets/werkboek.css").read_text(encoding="utf-8"))),
    ("worksheet PDFs", lambda s: _files(s, "werkbladen/*.pdf")),
    ("worksheet PDFs as scripts (filling in from file://)", lambda s: _files(s, "werkbladen/*.pdf.js")),
    ("training pack PDFs", lambda s: _files(s, "downloads/bijeenkomst-*.pdf")),
    ("the book (downloads/werkboek.pdf)", lambda s: _files(s, "downloads/werkboek.pdf")),
    ("offline zip", lambda s: _files(s, "downloads/werkboek-offline.zip")),
    ("search index", lambda s: _files(s, "search/search_index.json") + _files(s, "search.json")),
    ("print templates published (should be 0)", lambda s: _files(s, "pdf/**/*")),
    ("template partials published (should be 0)", lambda s: _files(s, "partials/*")),
]


def article_text(path: Path) -> str | None:
    """The visible text of a page's <article> (the content, without the theme around it), soft hyphens removed."""
    import html

    if not path.is_file():
        return None
    m = re.search(r"<article\b.*?>(.*)</article>", path.read_text(encoding="utf-8"), re.S)
    if not m:
        return None
    text = re.sub(r"<script\b.*?</script>|<style\b.*?</style>", "", m.group(1), flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", text)).replace("\u00ad", "").split())


def same_text(site: Path, reference: Path) -> tuple[int, list[str]]:
    """How many of the reference's pages have the same article text in ``site``, and which do not."""
    pages = sorted(p.relative_to(reference).as_posix() for p in reference.rglob("*.html"))
    differ = [p for p in pages if article_text(site / p) != article_text(reference / p)]
    return len(pages) - len(differ), differ


def same_pdfs(site: Path, reference: Path) -> tuple[int, list[str]]:
    """How many of the reference's PDFs are byte for byte the same in ``site``, and which are not."""
    import hashlib

    def digest(path: Path) -> str | None:
        return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else None

    pdfs = sorted(p.relative_to(reference).as_posix() for p in reference.rglob("*.pdf"))
    differ = [p for p in pdfs if digest(site / p) != digest(reference / p)]
    return len(pdfs) - len(differ), differ


def run(cmd, cwd: Path, env: dict, log: Path) -> tuple[int, float, str]:
    started = time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    took = time.perf_counter() - started
    text = ANSI.sub("", proc.stdout)
    log.write_text(text, encoding="utf-8")
    return proc.returncode, took, text


def zensical_venv(venv: Path, repo: Path) -> str:
    python = venv / "bin" / "python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        locked = [line for line in (repo / "requirements.lock").read_text().splitlines()
                  if line.strip() and not line.lower().startswith("mkdocs")]
        reqs = venv / "requirements-zonder-mkdocs.txt"
        reqs.write_text("\n".join(locked) + "\n")
        subprocess.run([str(python), "-m", "pip", "install", "--quiet", "zensical", "-r", str(reqs)], check=True)
    out = subprocess.run([str(python), "-m", "pip", "show", "zensical"], capture_output=True, text=True).stdout
    return re.search(r"^Version: (.+)$", out, re.M).group(1)


def checkout(repo: Path, ref: str, dest: Path) -> str:
    dest.mkdir(parents=True)
    archive = subprocess.run(["git", "-C", str(repo), "archive", ref], check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(dest)], input=archive, check=True)
    return subprocess.run(["git", "-C", str(repo), "rev-parse", "--short", ref], capture_output=True,
                          text=True).stdout.strip()


def summary(code: int, took: float, text: str) -> str:
    warnings = WARNING.findall(text)
    kinds: dict[str, int] = {}
    for w in warnings:
        kinds[w.strip() or "?"] = kinds.get(w.strip() or "?", 0) + 1
    error = next((line for line in reversed(text.splitlines()) if "Error" in line), "")
    return (f"exit {code}, {took:.1f} s, {len(warnings)} warnings"
            + (f" ({'; '.join(f'{n}× {k}' for k, n in sorted(kinds.items(), key=lambda kv: -kv[1]))})"
               if kinds else "") + (f"; last error: {error.strip()[:200]}" if code and error else ""))


EXAMPLE = "voorbeelden/gemeente-voorbeeld.yml"


def gemeente_run(repo: Path, ref: str, out: Path, zensical: str, base: dict) -> dict:
    """Zensical with the example gemeente (WERKBOEK_GEMEENTE): what of it reaches the site. MkDocs' build of the
    same is tested by tests/site/test_gemeente_build.py."""
    import yaml

    src = out / "zensical-gemeente"
    checkout(repo, ref, src)
    example = yaml.safe_load((src / EXAMPLE).read_text(encoding="utf-8"))
    env = {**base, "PYTHONPATH": str(src), "WERKBOEK_GEMEENTE": EXAMPLE}
    code, took, text = run([zensical, "build", "--clean"], src, env, out / "zensical-gemeente.log")
    site = src / "site"
    if code:
        return {"build": summary(code, took, text)}
    index = (site / "index.html").read_text(encoding="utf-8")
    return {
        "build": summary(code, took, text),
        "pages naming it": sum(example["naam"] in p.read_text(encoding="utf-8") for p in site.rglob("*.html")),
        "its site title": "yes" if example["site_titel"] in re.search(r"<title>(.*?)</title>", index, re.S).group(1)
        else "no",
        "its logo": "yes" if list(site.glob("assets/images/gemeente-logo.*")) else "no",
        "its colours": "yes" if (site / "assets/stylesheets/gemeente.css").is_file() else "no",
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repo", type=Path, default=Path(__file__).resolve().parents[1])
    parser.add_argument("--ref", default="HEAD")
    parser.add_argument("--out", type=Path, default=Path("/tmp/zensical-meting"))
    parser.add_argument("--venv", type=Path, default=Path("/tmp/werkboek-zensical"))
    args = parser.parse_args()
    repo, out = args.repo.resolve(), args.out.resolve()
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    version = zensical_venv(args.venv, repo)
    zensical = str(args.venv / "bin" / "zensical")
    base = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "NO_MKDOCS_2_WARNING": "1", "NO_COLOR": "1"}

    results: dict[str, dict] = {}
    # MkDocs, as `make build`, with the project's own venv.
    src = out / "mkdocs"
    commit = checkout(repo, args.ref, src)
    mkdocs = repo / ".venv" / "bin" / "mkdocs"
    code, took, text = run([str(mkdocs), "build", "-d", str(out / "site-mkdocs")], src,
                           {**base, "PYTHONPATH": str(src)}, out / "mkdocs.log")
    results["MkDocs"] = {"run": summary(code, took, text), "site": out / "site-mkdocs"}

    # Zensical on the project as it is; then adapted, and the post-build step where it exists.
    for name, strict in (("Zensical", True), ("Zensical, adapted", False)):
        src = out / ("zensical" if strict else "zensical-adapted")
        checkout(repo, args.ref, src)
        if not strict:
            config = src / "mkdocs.yml"
            text = re.sub(r"^strict: true$", "strict: false", config.read_text(), flags=re.M)
            config.write_text(re.sub(r"^(  custom_dir: .*)$", r"\1\n  variant: classic", text, flags=re.M))
        env = {**base, "PYTHONPATH": str(src)}  # the project's own package, as `pip install -e .` gives MkDocs
        code, took, text = run([zensical, "build", "--clean"], src, env, out / f"{src.name}.log")
        results[name] = {"run": summary(code, took, text), "site": src / "site"}
        if not strict and code == 0 and "afronden" in (src / "werkboek" / "cli.py").read_text():
            site = out / "site-zensical-afronden"
            shutil.copytree(src / "site", site)
            python = str(args.venv / "bin" / "python")
            code, took, text = run([python, "-m", "werkboek", "afronden", str(site)], src, env, out / "afronden.log")
            results["Zensical, adapted, + afronden"] = {"run": summary(code, took, text), "site": site}

    gemeente = gemeente_run(repo, args.ref, out, zensical, base)

    names = list(results)
    lines = [f"Zensical {version}, commit {commit}, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}", ""]
    lines += [f"- {name}: {r['run']}" for name, r in results.items()]
    lines += ["", "| feature | " + " | ".join(names) + " |", "| --- |" + " --- |" * len(names)]
    table = {}
    for label, count in FEATURES:
        values = []
        for name in names:
            site = results[name]["site"]
            values.append(count(site) if site.is_dir() else None)
        table[label] = values
        lines.append(f"| {label} | " + " | ".join("–" if v is None else str(v) for v in values) + " |")
    reference = results["MkDocs"]["site"]
    lines += ["", f"Pages whose text (<article>) equals MkDocs' ({len(list(reference.rglob('*.html')))} pages):"]
    for name in names[1:]:
        same, differ = same_text(results[name]["site"], reference)
        lines.append(f"- {name}: {same}" + (f"; differ: {', '.join(differ)}" if differ else ""))
    lines += ["", f"PDFs byte for byte equal to MkDocs' ({len(list(reference.rglob('*.pdf')))} PDFs):"]
    for name in names[1:]:
        same, differ = same_pdfs(results[name]["site"], reference)
        lines.append(f"- {name}: {same}" + (f"; differ or missing: {len(differ)}" if differ else ""))
    lines += ["", f"A gemeente ({EXAMPLE}) under Zensical: " + "; ".join(f"{k}: {v}" for k, v in gemeente.items())]
    report = "\n".join(lines)
    print(report)
    (out / "meting.md").write_text(report + "\n", encoding="utf-8")
    (out / "meting.json").write_text(json.dumps({"zensical": version, "commit": commit, "runs": {
        n: r["run"] for n, r in results.items()}, "features": table}, indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
