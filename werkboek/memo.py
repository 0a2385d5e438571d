"""Results kept while their input files are unchanged: one build loads forms, training and the fasemodel several
times, and a server process (``mkdocs serve``) builds many times."""
from __future__ import annotations

_memo: dict = {}


def files_stamp(paths) -> tuple:
    """What identifies the current contents of some files (path, size, mtime): a memo key that changes on edit."""
    out = []
    for path in sorted(paths):
        st = path.stat()
        out.append((str(path), st.st_size, st.st_mtime_ns))
    return tuple(out)


def memoized(kind: str, key: tuple, make):
    """Reuse a result while its input files are unchanged (``key``, usually a ``files_stamp``)."""
    if _memo.get(kind, (None,))[0] != key:
        _memo[kind] = (key, make())
    return _memo[kind][1]
