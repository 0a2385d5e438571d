"""Work that must not hold up `mkdocs serve`: the browser reloads as soon as the pages are written, and the slow
downloads (the whole werkboek as PDF, then the offline zip) are made afterwards, one step after the other, in a
worker thread; the rendering itself runs in a child process, so the next rebuild is not slowed by it. Each step
replaces its file in the served site when it is ready. A new rebuild cancels what is still running for the old one
(its child process is stopped): only the latest text is ever published.

`mkdocs build` never uses this: there everything is made before the build ends.
"""
from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections.abc import Callable
from contextlib import contextmanager

_lock = threading.Lock()
_state = {"generation": 0, "process": None, "thread": None, "serving": False}
_queue: list[tuple[int, Callable[[Callable[[], bool]], None]]] = []
_wake = threading.Condition(_lock)


class Cancelled(Exception):
    """The build this work belonged to has been replaced by a newer one."""


def serving(command: str | None = None) -> bool:
    """Whether this process is `mkdocs serve` (hooks call this with on_startup's command; MkDocs loads the hooks
    anew for every rebuild, so the answer lives here)."""
    if command is not None:
        _state["serving"] = command == "serve"
    return _state["serving"]


def new_build() -> int:
    """A rebuild starts: drop queued steps, stop a running child process, and return the new generation."""
    with _lock:
        _state["generation"] += 1
        _queue.clear()
        process = _state["process"]
    if process is not None and process.is_alive():
        process.terminate()
        process.join(5)
    return _state["generation"]


def later(step: Callable[[Callable[[], bool]], None]) -> None:
    """Run ``step(current)`` after the steps queued before it; ``current()`` says whether its build is still the
    latest (check it, holding no assumptions, right before publishing anything)."""
    with _lock:
        _queue.append((_state["generation"], step))
        if _state["thread"] is None or not _state["thread"].is_alive():
            _state["thread"] = threading.Thread(target=_work, name="werkboek-achtergrond", daemon=True)
            _state["thread"].start()
        _wake.notify()


@contextmanager
def publishing(current: Callable[[], bool]):
    """``with publishing(current) as ok:`` — while inside, no new build starts cleaning the site; ``ok`` says whether
    this step's build is still the latest, so its files may be written."""
    with _lock:
        yield current()


def _work() -> None:
    while True:
        with _lock:
            while not _queue:
                if not _wake.wait(timeout=60):
                    _state["thread"] = None
                    return
            generation, step = _queue.pop(0)
        if generation != _state["generation"]:
            continue
        try:
            step(lambda: generation == _state["generation"])
        except Cancelled:
            pass
        except Exception as exc:  # a failed background step must not end the server; say what went wrong
            import logging

            logging.getLogger("mkdocs.hooks.achtergrond").error(f"achtergrond: {exc}")


def in_child(current: Callable[[], bool], function, *args):
    """``function(*args)`` in a child process (spawned: the server has threads; lower priority than the server),
    returning its result; raises Cancelled when a newer build replaced the step's (``current``), before or while it
    runs. ``function`` must be importable (a module-level function)."""
    context = multiprocessing.get_context("spawn")
    receive, send = context.Pipe(duplex=False)
    process = context.Process(target=_child, args=(os.getpid(), send, function, args), daemon=True)
    with _lock:
        if not current():
            raise Cancelled()
        process.start()
        _state["process"] = process
    send.close()
    try:
        ok, value = receive.recv()
    except EOFError:
        raise Cancelled() from None
    finally:
        process.join()
        with _lock:
            if _state["process"] is process:
                _state["process"] = None
    if not current():
        raise Cancelled()
    if not ok:
        raise RuntimeError(value)
    return value


def _child(parent: int, send, function, args) -> None:
    os.nice(10)  # the next rebuild, which a person waits for, goes first
    exit_with_parent(parent)
    try:
        send.send((True, function(*args)))
    except Exception as exc:  # reported by the parent
        send.send((False, f"{type(exc).__name__}: {exc}"))
    finally:
        send.close()


def exit_with_parent(parent: int, every: float = 0.5) -> None:
    """In a child process of ``parent`` (its pid, passed by the parent: the child may start after it died): end it
    as soon as that parent is gone (`mkdocs serve` or a build stopped with SIGTERM or SIGKILL runs no cleanup),
    instead of rendering a book for nobody until it is done. A daemon thread notices that the process was handed to
    another parent."""
    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(every)
        os._exit(1)

    threading.Thread(target=watch, name="werkboek-ouder", daemon=True).start()
