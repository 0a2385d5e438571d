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


def test_lighthouse_prints_lcp_beside_performance():
    def score(performance, lcp):
        return benchmark.lighthouse.Score("06.html", performance, 100, 700, 0.0, 90.0, lcp, [])
    runs = [score(99, 1.41), score(96, 1.62), score(98, 1.48)]
    performance, lcp = benchmark.lighthouse_rows("06.html", runs[2], runs)
    assert performance.met and "98 (runs: 99, 96, 98" in performance.value
    assert "LCP" in lcp.what and lcp.value.startswith("1.48 s (runs: 1.41, 1.62, 1.48)") and lcp.met
    slow = [score(99, 1.60), score(99, 1.70), score(99, 1.41)]
    assert not benchmark.lighthouse_rows("06.html", slow[0], slow)[1].met  # median 1.60 s > 1.55 s
