"""`mkdocs build` writes into a temporary folder and swaps it into place only when the build succeeded (strict
warnings included), so a failed build never leaves a half-written site."""
from __future__ import annotations

import logging
import shutil
from pathlib import Path

from mkdocs.plugins import event_priority
from mkdocs.utils import CountHandler

_state: dict = {}


def on_startup(command, dirty):
    _state.clear()
    _state["command"] = command


@event_priority(100)
def on_config(config):
    if _state.get("command") != "build" or "final" in _state:
        return config
    final = Path(config.site_dir)
    temp = final.with_name(final.name + ".bouwen")
    shutil.rmtree(temp, ignore_errors=True)
    _state.update(final=final, temp=temp, strict=config.strict)
    counter = CountHandler()
    counter.setLevel(logging.WARNING)
    logging.getLogger("mkdocs").addHandler(counter)
    _state["counter"] = counter
    config.site_dir = str(temp)
    return config


@event_priority(-200)
def on_post_build(config):
    if "final" not in _state:
        return
    counter = _state.pop("counter")
    logging.getLogger("mkdocs").removeHandler(counter)
    if _state["strict"] and counter.get_counts():
        return  # MkDocs aborts next; on_build_error removes the temporary folder
    final, temp = _state["final"], _state["temp"]
    old = final.with_name(final.name + ".oud")
    shutil.rmtree(old, ignore_errors=True)
    if final.exists():
        final.rename(old)
    temp.rename(final)
    shutil.rmtree(old, ignore_errors=True)
    config.site_dir = str(final)


def on_build_error(error):
    if "counter" in _state:
        logging.getLogger("mkdocs").removeHandler(_state.pop("counter"))
    if "temp" in _state:
        shutil.rmtree(_state["temp"], ignore_errors=True)
