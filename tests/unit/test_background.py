"""`mkdocs serve`'s background work (werkboek/background.py): steps run in order after the reload, and a new
rebuild stops what still runs for the old text, so an outdated book is never published over a newer page."""
from __future__ import annotations

import threading
import time

from werkboek import background


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
