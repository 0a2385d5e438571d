"""The training (Bijlage 1): check data/training.yml before anything renders, report every agenda row where the print
contradicts itself and every bijeenkomst whose times do not add up to its stated length (INFO: the source itself
disagrees, see `keuzes`), and write the download pack
per bijeenkomst (downloads/bijeenkomst-N.pdf and its parts, werkboek/packs.py) before the pages render, so the
"Training geven" page can show their size and pages. Runs after the worksheets hook: packs reuse its PDFs."""
from __future__ import annotations

import logging
import time
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from werkboek.loader import DataError
from werkboek.packs import build_packs
from werkboek.training_check import check_training
from werkboek.pdf import source_date
from werkboek.site import local_settings, pdf_infos
from werkboek.training import disagreement_report, mismatch_report

log = logging.getLogger("mkdocs.hooks.training")
DOWNLOADS = "downloads"


def training_path(config) -> Path:
    return Path(config.config_file_path).parent / "data" / "training.yml"


def cache_dir(config) -> Path:
    return Path(config.config_file_path).parent / ".cache" / "training"


def check_and_report(config):
    """Validate data/training.yml against docs/ and forms/ (a build error naming file, line, session and row), and
    report each bijeenkomst whose times do not add up as INFO: a WARNING would stop `mkdocs build --strict`, and
    the source itself disagrees there (the choices are recorded under `keuzes`)."""
    try:
        training = check_training(training_path(config), Path(config.docs_dir))
    except DataError as exc:
        raise PluginError(f"data/training.yml: ongeldige invoer\n{exc}") from None
    for line in disagreement_report(training) + mismatch_report(training):
        log.info(f"trainershandleiding, {line}")
    return training


def on_files(files, config):
    started = time.perf_counter()
    path = training_path(config)
    docs = Path(config.docs_dir)
    training = check_and_report(config)
    cache = cache_dir(config)
    worksheets = {ident: info.path for ident, info in pdf_infos(config).items()}
    try:
        packs = build_packs(cache / "pdf", worksheets, cache, docs, path, local_settings(config), source_date(),
                            log=log.info, training=training)
    except DataError as exc:
        raise PluginError(f"trainingspakketten: {exc}") from None
    for pack in packs.values():
        own = [pack.path] + ([pack.a3.path] if pack.a3 else []) + [part.path for part in pack.parts
                                                                    if part.kind != "werkblad"]
        for pdf in own:
            files.append(File.generated(config, f"{DOWNLOADS}/{pdf.name}", abs_src_path=str(pdf)))
    config.extra["training_pakketten"] = packs
    log.info(f"pakketten: {len(packs)} klaar ({time.perf_counter() - started:.1f} s)")  # read by the benchmark
    return files
