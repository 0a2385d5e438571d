"""`mkdocs serve`'s background work (werkboek/publish/background.py): steps run in order after the reload, and a new
rebuild stops what still runs for the old text, so an outdated book is never published over a newer page."""
from __future__ import annotations

import threading
import time

from werkboek.publish import background


def _wait(event: threading.Event, seconds: float = 60) -> None:
    assert event.wait(seconds), "achtergrondstap niet klaar"


def test_steps_run_in_order_and_publish_when_current():
    background.new_build()
    done, seen = threading.Event(), []

    def first(current):
        seen.append(("eerste", background.in_child(current, sum, [1, 2, 3])))

    def second(current):
        with background.publishing(current) as ok:
            seen.append(("tweede", ok))
        done.set()

    background.later(first)
    background.later(second)
    _wait(done)
    assert seen == [("eerste", 6), ("tweede", True)]


def test_a_new_build_stops_the_running_child_and_nothing_is_published():
    background.new_build()
    started, finished, seen = threading.Event(), threading.Event(), []

    def slow(current):
        started.set()
        try:
            background.in_child(current, time.sleep, 60)
            seen.append("klaar")
        finally:
            with background.publishing(current) as ok:
                seen.append(("publiceren", ok))
            finished.set()

    background.later(slow)
    _wait(started)
    time.sleep(1.0)  # the child is running (spawned) by now or is about to start
    background.new_build()
    _wait(finished, 30)  # a hang guard, well under the child's 60 s: only a stopped child lets the step end
    assert seen == [("publiceren", False)], seen  # stopped: never "klaar", and nothing published


def test_queued_steps_of_an_old_build_are_dropped():
    background.new_build()
    gate, done, seen = threading.Event(), threading.Event(), []
    background.later(lambda current: gate.wait(30))
    background.later(lambda current: seen.append("oud"))
    background.new_build()
    gate.set()
    background.later(lambda current: (seen.append("nieuw"), done.set()))
    _wait(done)
    assert seen == ["nieuw"]



PARENT = """
import time
from werkboek.publish import background
if __name__ == "__main__":
    background.new_build()
    background.later(lambda current: background.in_child(current, time.sleep, 120))
    time.sleep(120)
"""


def _spawned_children(pid: int) -> list[int]:
    """Processes whose parent is ``pid`` and that run multiprocessing's spawned child."""
    from pathlib import Path

    found = []
    for proc in Path("/proc").glob("[0-9]*"):
        try:
            parent = int((proc / "stat").read_text().rsplit(")", 1)[1].split()[1])
            if parent == pid and b"spawn_main" in (proc / "cmdline").read_bytes():
                found.append(int(proc.name))
        except (OSError, ValueError, IndexError):
            continue
    return found


def _running(pid: int) -> bool:
    from pathlib import Path

    try:
        return (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def test_a_child_ends_when_its_parent_is_killed(tmp_path):
    """`mkdocs serve` (or a build) killed while a book renders in a child process: the child does not go on
    rendering for nobody (no cleanup runs on SIGKILL or SIGTERM)."""
    import os
    import signal
    import subprocess
    import sys

    script = tmp_path / "ouder.py"
    script.write_text(PARENT, encoding="utf-8")
    parent = subprocess.Popen([sys.executable, str(script)])
    children: list[int] = []
    try:
        for _ in range(600):  # a hang guard: a spawned child appears within seconds
            children = _spawned_children(parent.pid)
            if children:
                break
            time.sleep(0.1)
        assert children, "geen kindproces gestart"
    finally:
        parent.send_signal(signal.SIGKILL)
        parent.wait()
    for _ in range(600):  # a hang guard: the child notices within a second of its start; its own sleep lasts 120 s
        if not any(_running(c) for c in children):
            break
        time.sleep(0.1)
    left = [c for c in children if _running(c)]
    for pid in left:  # never leave one behind, also when the test fails
        os.kill(pid, signal.SIGKILL)
    assert left == [], f"kindproces leeft nog na het einde van de ouder: {left}"
