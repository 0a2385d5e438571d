"""Shared fixtures: the site is built once per test session (strict), served on loopback, and driven by Debian's
Chromium through Playwright (never a downloaded browser)."""
from __future__ import annotations

import functools
import http.server
import logging
import os
import shutil
import subprocess
import sys
import threading
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def mkdocs_build(project: Path, site_dir: Path, *extra: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run `mkdocs build --strict` for a project folder; returns the completed process (check returncode)."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(site_dir), *extra],
        cwd=project, capture_output=True, text=True, env={**ENV, **(env or {})},
    )


# Never copied into a test's project: build output, the venv, and the developer's .cache/ (a test must never pass
# because of a PDF that an earlier build of other code left behind).
IGNORE = (".venv", ".git", "__pycache__", ".pytest_cache", "*.egg-info", ".cache", "test-results")
IGNORE_AT_TOP = ("site", "site.*")  # the built site and its staging folders, not werkboek/site.py


def copy_project(dest: Path, source: Path = ROOT, *ignore: str) -> Path:
    anywhere = shutil.ignore_patterns(*IGNORE, *ignore)
    at_top = shutil.ignore_patterns(*IGNORE_AT_TOP)

    def ignored(folder, names):
        return anywhere(folder, names) | (at_top(folder, names) if Path(folder) == Path(source) else set())

    shutil.copytree(source, dest, ignore=ignored)
    return dest


@pytest.fixture(scope="session")
def built_project(tmp_path_factory) -> Path:
    """A copy of the project, built once per test session (strict) into its site/; its .cache/ is this build's own."""
    project = copy_project(tmp_path_factory.mktemp("gebouwd") / "project")
    result = mkdocs_build(project, project / "site")
    (project / "build.log").write_text(result.stdout + result.stderr, encoding="utf-8")
    assert result.returncode == 0, result.stdout + result.stderr
    return project


@pytest.fixture(scope="session")
def built_site(built_project) -> Path:
    return built_project / "site"


@pytest.fixture(scope="session")
def unzipped(built_site, tmp_path_factory) -> Path:
    """The offline zip of the session's build, unpacked: its one folder (opened from file://)."""
    target = tmp_path_factory.mktemp("offline")
    with zipfile.ZipFile(built_site / "downloads" / "werkboek-offline.zip") as zf:
        zf.extractall(target)
    (root,) = [p for p in target.iterdir() if p.is_dir()]
    return root


@pytest.fixture(scope="session")
def build_log(built_project) -> str:
    return (built_project / "build.log").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def server(built_site):
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    handler = functools.partial(Quiet, directory=str(built_site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run scripts/system-packages.sh --browser (make test does)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                  "--disable-sync", "--no-first-run", "--disable-quic"],
        )
        yield b
        b.close()


# The page's scripts have run, and a script one of them loads for its page (Mijn antwoorden's) is ready.
SCRIPTS_DONE = ("(!document.getElementById('scripts-later') || document.documentElement.dataset.scripts === 'klaar')"
                " && !document.querySelector('[data-mijn-antwoorden]:not([data-klaar])')")


def scripts_awaited(page):
    """The page, whose goto() and reload() also wait until the page's scripts have run: they start after its first paint
    (overrides/partials/scripts-later.html), which can come after the load event. Not when a test asks for an
    earlier moment (wait_until="commit" or "domcontentloaded")."""
    def waiting(navigate):
        def navigate_and_wait(*args, **kwargs):
            response = navigate(*args, **kwargs)
            if kwargs.get("wait_until", "load") in ("load", "networkidle"):
                page.wait_for_function(SCRIPTS_DONE)
            return response
        return navigate_and_wait

    page.goto, page.reload = waiting(page.goto), waiting(page.reload)
    return page


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    pg = scripts_awaited(context.new_page())
    yield pg
    context.close()


@pytest.fixture
def project_copy(tmp_path, built_project) -> Path:
    """A copy of the project to break on purpose, with the cache this test session's own build made (so only what
    the test changes is rendered again), never the developer's."""
    dest = copy_project(tmp_path / "project")
    shutil.copytree(built_project / ".cache", dest / ".cache")
    return dest


@pytest.fixture(autouse=True)
def no_weasyprint_warnings(request):
    """Like WeasyPrint's own assert_no_logs: a test during which WeasyPrint warns (an unknown CSS property, a
    missing font or image) fails, unless marked ``weasyprint_warns``. Builds in a subprocess fail on them by themselves
    (strict)."""
    records: list[logging.LogRecord] = []

    class Keep(logging.Handler):
        def emit(self, record):
            records.append(record)

    handler = Keep(logging.WARNING)
    logging.getLogger("weasyprint").addHandler(handler)
    yield records
    logging.getLogger("weasyprint").removeHandler(handler)
    if records and request.node.get_closest_marker("weasyprint_warns") is None:
        pytest.fail("WeasyPrint warnde: " + "; ".join(r.getMessage() for r in records))


sys.path.insert(0, str(Path(__file__).parent / "pdf"))  # the fields oracle

