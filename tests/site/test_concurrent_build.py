"""Two builds into the same site folder at once: the second waits for the first (and says so), and the site
afterwards is complete. A build killed halfway leaves the previous site in place; its staging folder says it is
unfinished and the next build removes it."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from conftest import ENV, mkdocs_build

from werkboek.publish.swap import MARKER


def _start(project: Path, site: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(site)],
        cwd=project, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=ENV, start_new_session=True)


def _complete(project: Path, site: Path) -> list[str]:
    """What is missing from a site built from ``project``: a page per docs/*.md, a PDF per forms/*.yml, the book."""
    expected = [md.relative_to(project / "docs").with_suffix(".html").as_posix()
                for md in (project / "docs").rglob("*.md")]
    expected += [f"werkbladen/{form.stem}.pdf" for form in (project / "forms").glob("*.yml")]
    expected += ["downloads/werkboek.pdf", "sitemap.xml", "search/search_index.json"]
    return [name for name in expected if not (site / name).is_file()]


def test_two_builds_at_once_leave_a_complete_site(project_copy):
    site = project_copy / "site"
    first, second = _start(project_copy, site), _start(project_copy, site)
    outputs = [p.communicate(timeout=1800)[0] for p in (first, second)]
    codes = [first.returncode, second.returncode]
    waited = [out for out in outputs if "deze bouw wacht tot die klaar is" in out]
    assert codes == [0, 0], "\n\n".join(o[-2000:] for o in outputs)
    assert len(waited) == 1, "exactly one of two simultaneous builds must wait for the other"
    assert _complete(project_copy, site) == []
    assert not (site / MARKER).exists()
    assert sorted(p.name for p in project_copy.glob("site*")) == ["site", "site.bouwen.lock"]


def test_a_killed_build_keeps_the_previous_site_and_its_leftovers_are_never_a_site(project_copy):
    site = project_copy / "site"
    site.mkdir()
    (site / "index.html").write_text("vorige site", encoding="utf-8")
    build = _start(project_copy, site)
    staging = project_copy / "site.bouwen"
    deadline = time.monotonic() + 600
    while not (staging / "werkbladen").is_dir() and build.poll() is None and time.monotonic() < deadline:
        time.sleep(0.2)
    assert build.poll() is None, "the build ended before it could be killed: " + build.communicate()[0][-2000:]
    os.killpg(build.pid, signal.SIGKILL)
    build.wait()
    assert (site / "index.html").read_text(encoding="utf-8") == "vorige site"
    assert (staging / MARKER).is_file(), "an unfinished staging folder must say it is unfinished"
    result = mkdocs_build(project_copy, site)
    assert result.returncode == 0, (result.stdout + result.stderr)[-3000:]
    assert not staging.exists()
    assert _complete(project_copy, site) == []
