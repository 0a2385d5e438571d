"""`make test` runs every test file: pytest, started as the Makefile starts it (no arguments, from the project root),
collects every tests/**/test_*.py. A folder pytest skips by default (``build``, ``dist``, dotted names …) or a file
that fails to import would otherwise drop its tests silently."""
from __future__ import annotations

import subprocess
import sys

from conftest import ENV, ROOT


def test_every_test_file_is_collected():
    result = subprocess.run([sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider"],
                            cwd=ROOT, capture_output=True, text=True, env=ENV)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    collected = {line.split("::")[0] for line in result.stdout.splitlines() if "::" in line}
    on_disk = {p.relative_to(ROOT).as_posix() for p in (ROOT / "tests").rglob("test_*.py")}
    assert on_disk, "no test files found"
    assert on_disk - collected == set(), f"test files that `make test` does not run: {sorted(on_disk - collected)}"
