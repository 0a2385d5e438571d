"""The benchmark (`make benchmark`, tools/benchmark/run.py) is not run by the tests — its figures depend on the machine —
but its module must load, and its build without PDFs must be the same build with only the post-build step's downloads
left out (WERKBOEK_ZONDER_PDF=1), never a different configuration."""
from __future__ import annotations

import subprocess
from types import SimpleNamespace

import pytest
from benchmark import run as benchmark


@pytest.fixture
def runs(monkeypatch):
    seen = []

    def run(cmd, cwd, capture_output, text, env):
        seen.append((cmd, env))
        return SimpleNamespace(returncode=0, stdout="", stderr="")

    monkeypatch.setattr(subprocess, "run", run)
    return seen


def test_the_build_without_pdfs_inherits_the_whole_configuration(tmp_path):
    config, left_out = benchmark._plain_config(tmp_path)
    assert config.parent == tmp_path and config.name == benchmark.PLAIN_CONFIG
    assert config.read_text(encoding="utf-8") == "INHERIT: mkdocs.yml\n"  # same hooks, plugins and extensions
    assert "werkbladen" in left_out and "boek" in left_out


def test_only_the_build_without_pdfs_leaves_out_the_downloads(tmp_path, runs, monkeypatch):
    monkeypatch.delenv("WERKBOEK_ZONDER_PDF", raising=False)
    plain, _ = benchmark._plain_config(tmp_path)
    benchmark._build(tmp_path / "mkdocs.yml", tmp_path / "vol")
    benchmark._build(plain, tmp_path / "zonder")
    (full_cmd, full_env), (plain_cmd, plain_env) = runs
    assert "WERKBOEK_ZONDER_PDF" not in full_env and plain_env["WERKBOEK_ZONDER_PDF"] == "1"
    assert full_cmd[full_cmd.index("-f") + 1] == str(tmp_path / "mkdocs.yml")
    assert plain_cmd[plain_cmd.index("-f") + 1] == str(plain) and "--strict" in plain_cmd
