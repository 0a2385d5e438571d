"""The training (Bijlage 1): check data/training.yml before anything renders, and report every agenda row where the
print contradicts itself and every bijeenkomst whose times do not add up to its stated length (INFO: the source
itself disagrees, see `keuzes`). The download packs are made after the pages (werkboek/publish/finish.py)."""
from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError

from werkboek.errors import DataError
from werkboek.training.check import check_training
from werkboek.training.model import disagreement_report, mismatch_report

log = logging.getLogger("mkdocs.hooks.training")


def on_files(files, config):
    check_and_report(config)
    return files


def check_and_report(config):
    """Validate data/training.yml against docs/ and forms/ (a build error naming file, line, session and row), and
    report each bijeenkomst whose times do not add up as INFO: a WARNING would stop `mkdocs build --strict`, and
    the source itself disagrees there (the choices are recorded under `keuzes`)."""
    try:
        training = check_training(Path(config.config_file_path).parent / "data" / "training.yml",
                                   Path(config.docs_dir))
    except DataError as exc:
        raise PluginError(f"data/training.yml: ongeldige invoer\n{exc}") from None
    for line in disagreement_report(training) + mismatch_report(training):
        log.info(f"trainershandleiding, {line}")
    return training
