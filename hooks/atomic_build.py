"""`mkdocs build` writes into a staging folder and swaps it into place only when the build succeeded (strict
warnings included), one build at a time per site folder: a failed, killed or concurrent build never leaves a
half-written site (werkboek/site_swap.py)."""
from __future__ import annotations

import logging
import os
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.utils import CountHandler

from werkboek.site_swap import DEFAULT_WAIT, SiteBusy, abandon, claim, mark_unfinished, publish

WACHTTIJD = "WERKBOEK_BOUW_WACHTTIJD"  # seconds a build waits for another one into the same folder
log = logging.getLogger("mkdocs.hooks.atomic_build")
_state: dict = {}


def on_startup(command, dirty):
    _state.clear()
    _state["command"] = command


@event_priority(100)
def on_config(config):
    if _state.get("command") != "build" or "staging" in _state:
        return config
    final = Path(config.site_dir)
    wait = float(os.environ.get(WACHTTIJD) or DEFAULT_WAIT)
    try:
        staging = claim(final, wait, on_wait=lambda: log.info(
            f"Er loopt al een andere bouw naar {final}; deze bouw wacht tot die klaar is."))
    except SiteBusy:
        raise PluginError(f"Er loopt al een andere bouw naar {final}, en die was na {wait:.0f} seconden nog niet "
                          "klaar. Er is niets veranderd; bouw opnieuw als die andere bouw klaar is.") from None
    counter = CountHandler()
    counter.setLevel(logging.WARNING)
    logging.getLogger("mkdocs").addHandler(counter)
    _state.update(staging=staging, strict=config.strict, counter=counter)
    config.site_dir = str(staging.temp)
    return config


@event_priority(200)
def on_files(files, config):
    if "staging" in _state:
        mark_unfinished(_state["staging"])  # MkDocs emptied the folder after on_config
    return files


@event_priority(-200)
def on_post_build(config):
    if "staging" not in _state:
        return
    counter = _state.pop("counter")
    logging.getLogger("mkdocs").removeHandler(counter)
    if _state["strict"] and counter.get_counts():
        return  # MkDocs aborts next; on_build_error removes the staging folder
    staging = _state.pop("staging")
    publish(staging)
    config.site_dir = str(staging.final)


def on_build_error(error):
    if "counter" in _state:
        logging.getLogger("mkdocs").removeHandler(_state.pop("counter"))
    if "staging" in _state:
        abandon(_state.pop("staging"))


def on_shutdown():
    if "staging" in _state:  # e.g. strict mode aborted after on_post_build
        abandon(_state.pop("staging"))
