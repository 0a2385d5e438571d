"""The package installs whole: a wheel built from the project holds every module of werkboek/ (subpackages too), and
a site builds with it installed the ordinary way (`pip install .`, not editable), from the project folder."""
from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import ENV, ROOT, copy_project, mkdocs_build


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    result = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(out), str(ROOT)],
                            capture_output=True, text=True, env=ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    (found,) = out.glob("werkboek_eenzaamheid-*.whl")
    return found


def test_the_wheel_holds_every_module(wheel):
    with zipfile.ZipFile(wheel) as archive:
        packed = {name for name in archive.namelist() if name.startswith("werkboek/")}
    expected = {p.relative_to(ROOT).as_posix() for p in (ROOT / "werkboek").rglob("*.py")}
    assert expected - packed == set(), "missing from the wheel"
    assert not any(name.startswith(("benchmark/", "tools/", "tests/")) for name in packed)


@pytest.mark.slow
def test_a_site_builds_with_the_package_installed(wheel, tmp_path):
    """The wheel unpacked where Python finds it first, and a copy of the project without its werkboek/ folder: the
    build reads forms/, data/ and overrides/ from the folder it runs in."""
    installed = tmp_path / "installed"
    result = subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "--quiet", "--target",
                             str(installed), str(wheel)], capture_output=True, text=True, env=ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    project = copy_project(tmp_path / "project", ROOT, "werkboek", "tests", "tools")
    result = mkdocs_build(project, tmp_path / "site", env={"PYTHONPATH": str(installed),
                                                           "WERKBOEK_ZONDER_PDF": "1"})
    assert result.returncode == 0, result.stdout + result.stderr
    import_check = subprocess.run([sys.executable, "-c", "import werkboek.markdown.ankers as m; print(m.__file__)"],
                                  cwd=project, capture_output=True, text=True, env={**ENV, "PYTHONPATH": str(installed)})
    assert import_check.stdout.startswith(str(installed)), import_check.stdout + import_check.stderr
    assert (tmp_path / "site" / "05-herkennen.html").is_file()
    assert "signaleringskaart" in (tmp_path / "site" / "05-herkennen.html").read_text(encoding="utf-8")
