"""Build a site into a staging folder and put it in place only when it is finished, one build at a time.

- A lock file next to the site (``site.bouwen.lock``, an OS lock that dies with its process) serialises builds into
  the same folder: a second build waits for the first (saying so) and fails with a clear message if it waited too
  long. Two builds never share the staging folder.
- The staging folder (``site.bouwen``) carries a marker file while it is unfinished; it is removed only just before
  the finished folder takes the site's place. A folder with the marker is never published, and the next build
  removes it.
- The swap exchanges the two folders in one step (Linux ``renameat2(RENAME_EXCHANGE)``), so there is no moment
  without a site; elsewhere it falls back to two renames, and a site left in ``site.oud`` by a build killed between
  them is put back by the next build.
"""
from __future__ import annotations

import ctypes
import errno
import fcntl
import os
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

MARKER = "ONVOLTOOID-NIET-PUBLICEREN.txt"
MARKER_TEXT = ("Deze map is een bouw die nog bezig is of is afgebroken. Publiceer hem niet: de volgende bouw ruimt "
               "hem op. De site staat in de map zonder '.bouwen'.\n")
DEFAULT_WAIT = 30 * 60


class SiteBusy(RuntimeError):
    """Another build kept the lock longer than we were willing to wait."""


@dataclass
class Staging:
    final: Path
    temp: Path
    lock_fd: int

    @property
    def old(self) -> Path:
        return self.final.with_name(self.final.name + ".oud")


def lock_path(final: Path) -> Path:
    return final.with_name(final.name + ".bouwen.lock")


def claim(final: Path, wait: float = DEFAULT_WAIT, on_wait=None) -> Staging:
    """Take the site's lock (waiting up to ``wait`` seconds; ``on_wait`` is called once if we have to), restore a
    site left half-swapped by a killed build, and prepare an empty staging folder."""
    final = Path(final).absolute()
    final.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(lock_path(final), os.O_RDWR | os.O_CREAT, 0o644)
    deadline = time.monotonic() + wait
    told = False
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            break
        except BlockingIOError:
            if time.monotonic() >= deadline:
                os.close(fd)
                raise SiteBusy(final) from None
            if not told and on_wait:
                on_wait()
            told = True
            time.sleep(0.2)
    staging = Staging(final=final, temp=final.with_name(final.name + ".bouwen"), lock_fd=fd)
    if not final.exists() and staging.old.is_dir() and not (staging.old / MARKER).exists():
        staging.old.rename(final)
    shutil.rmtree(staging.old, ignore_errors=True)
    shutil.rmtree(staging.temp, ignore_errors=True)
    staging.temp.mkdir()
    mark_unfinished(staging)
    return staging


def adopt(final: Path, folder: Path, wait: float = DEFAULT_WAIT, on_wait=None) -> Staging:
    """Take the site's lock as ``claim()`` does, for a site already written into ``folder`` (by another program):
    ``folder`` becomes the staging folder, marked unfinished until ``publish()`` puts it in ``final``'s place
    (same file system). A failed build leaves ``folder`` with its marker (never published) and ``final`` as it
    was; release the lock with ``release()``."""
    staging = claim(final, wait, on_wait)
    if Path(folder).absolute() != staging.temp:
        shutil.rmtree(staging.temp, ignore_errors=True)
        staging.temp = Path(folder).absolute()
    mark_unfinished(staging)
    return staging


def mark_unfinished(staging: Staging) -> None:
    """(Re)write the marker; MkDocs empties the folder after we created it, so the hook calls this again."""
    (staging.temp / MARKER).write_text(MARKER_TEXT, encoding="utf-8")


def publish(staging: Staging) -> None:
    """Put the finished staging folder in the site's place, then release the lock."""
    try:
        if not (staging.temp / MARKER).is_file() or not (staging.temp / "index.html").is_file():
            raise RuntimeError(f"{staging.temp} is niet de map die deze bouw heeft gemaakt; de site is niet vervangen")
        (staging.temp / MARKER).unlink()
        if staging.final.exists():
            if not _exchange(staging.temp, staging.final):
                shutil.rmtree(staging.old, ignore_errors=True)
                staging.final.rename(staging.old)
                staging.temp.rename(staging.final)
                staging.temp = staging.old
            shutil.rmtree(staging.temp, ignore_errors=True)
        else:
            staging.temp.rename(staging.final)
    finally:
        release(staging)


def abandon(staging: Staging) -> None:
    """A failed build: remove the staging folder, keep the site as it was, release the lock."""
    try:
        shutil.rmtree(staging.temp, ignore_errors=True)
    finally:
        release(staging)


def release(staging: Staging) -> None:
    if staging.lock_fd >= 0:
        os.close(staging.lock_fd)  # closing the descriptor releases the lock
        staging.lock_fd = -1


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders in one step; False where the system cannot."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    if ctypes.get_errno() in (errno.ENOSYS, errno.EINVAL, errno.EXDEV):
        return False
    raise OSError(ctypes.get_errno(), os.strerror(ctypes.get_errno()), str(b))
