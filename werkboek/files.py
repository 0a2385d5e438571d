"""Writing output files safely: a file is replaced in one step, so a reader never sees half of it."""
from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path

NOT_INPUT = {"__pycache__", ".git", ".cache", "node_modules"}  # folders never read as input: compiled code, caches


@contextmanager
def replacing(target: Path):
    """Yield a temporary path next to ``target``; when the block succeeds it replaces ``target`` in one step (on
    failure it is removed and ``target`` is left as it was). The process id keeps parallel builds apart."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f"{target.name}.{os.getpid()}.tmp")
    try:
        yield tmp
        tmp.replace(target)
    finally:
        tmp.unlink(missing_ok=True)


def write_atomic(target: Path, data: bytes) -> None:
    """Replace ``target`` by ``data`` in one step; a file that already holds exactly these bytes is left alone (a
    build without changes rewrites nothing)."""
    target = Path(target)
    try:
        if target.stat().st_size == len(data) and target.read_bytes() == data:
            return
    except OSError:
        pass
    with replacing(target) as tmp:
        tmp.write_bytes(data)


def tree(folder: Path) -> list[Path]:
    """Every regular file under ``folder``, sorted, without descending into NOT_INPUT folders (a pipe or device
    that a fork's folder holds is never read: reading it would never end)."""
    found = []
    for current, dirs, names in os.walk(folder):
        dirs[:] = [d for d in dirs if d not in NOT_INPUT]
        found += [path for path in (Path(current, name) for name in names) if path.is_file()]
    return sorted(found)
