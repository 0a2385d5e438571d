"""Everything after the pages are written is one step, werkboek/publish/finish.py (also `python -m werkboek afronden`):
the worksheets, the training packs and the whole werkboek as PDF, their pages and sizes filled into the pages, the
offline zip, the privacy guard, and the atomic swap. This hook only adapts MkDocs to it:

- `mkdocs build` writes into a staging folder claimed before MkDocs empties it (one build at a time per site
  folder, werkboek/publish/swap.py); the step publishes it when it succeeded and no warning was logged (strict);
- `mkdocs serve` never waits for a new book: it renders in the background (werkboek/publish/background.py);
- the step runs last (priority -150: after Material's offline plugin wrote search/search_index.js at -100)."""
from __future__ import annotations

import logging
import os
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File
from mkdocs.utils import CountHandler

from werkboek.errors import DataError
from werkboek.publish import background
from werkboek.publish.finish import ZONDER_PDF, finish_site, planned_files
from werkboek.publish.swap import DEFAULT_WAIT, SiteBusy, abandon, claim, mark_unfinished

WACHTTIJD = "WERKBOEK_BOUW_WACHTTIJD"  # seconds a build waits for another one into the same folder
log = logging.getLogger("mkdocs.hooks.afronden")
_state: dict = {}


def on_startup(command, dirty):
    _state.clear()
    _state["command"] = command
    background.serving(command)


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


@event_priority(-50)  # after hooks/training.py checked data/training.yml (its message names the row)
def on_files(files, config):
    if "staging" in _state:
        mark_unfinished(_state["staging"])  # MkDocs emptied the folder after on_config
    # Pages link to the PDFs the step makes after them: MkDocs checks those links against its files, so each is
    # announced as an empty file, which the step replaces (an empty PDF left behind stops the step).
    try:
        for path in planned_files(Path(config.config_file_path)):
            files.append(File.generated(config, path, content=b""))
    except DataError as exc:
        raise PluginError(str(exc)) from None
    return files


def on_pre_build(config):
    if background.serving():
        background.new_build()  # stop making the previous version's book: its text is out of date


@event_priority(-150)
def on_post_build(config):
    staging = _state.get("staging")
    counter = _state.get("counter")

    def may_publish() -> bool:  # strict: MkDocs aborts after this event when anything warned
        return not (_state.get("strict") and counter is not None and counter.get_counts())

    try:
        steps = finish_site(Path(config.site_dir), Path(config.config_file_path), staging=staging,
                         serve=background.serving(), may_publish=may_publish, log=log.info,
                         pdfs=os.environ.get(ZONDER_PDF) != "1")
    except DataError as exc:
        raise PluginError(str(exc)) from None
    if steps.published is not None and staging is not None:
        _state.pop("staging")
        config.site_dir = str(steps.published)
    if counter is not None:
        logging.getLogger("mkdocs").removeHandler(_state.pop("counter"))


def on_build_error(error):
    if "counter" in _state:
        logging.getLogger("mkdocs").removeHandler(_state.pop("counter"))
    if "staging" in _state:
        abandon(_state.pop("staging"))


def on_shutdown():
    if "staging" in _state:  # e.g. strict mode aborted after on_post_build
        abandon(_state.pop("staging"))
