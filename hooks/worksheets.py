"""Write every instrument's PDF worksheet before the pages render (so pages can show its size and pages), cached by
a hash of its inputs, and add them to the site as werkbladen/<id>.pdf (plus werkbladen/<id>.pdf.js, the same PDF as a
script for filling it in from file://; see werkboek/invullen.py). One progress line per PDF."""
from __future__ import annotations

import hashlib
import json
import logging
import time
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from werkboek.invullen import pdf_script
from werkboek.loader import DataError, load_instruments
from werkboek.pdf import build_one, source_date
from werkboek.site import local_settings

log = logging.getLogger("mkdocs.hooks.werkbladen")


def cache_dir(config) -> Path:
    return Path(config.config_file_path).parent / ".cache" / "werkbladen"


def on_files(files, config):
    try:
        instruments = load_instruments()
    except DataError as exc:
        raise PluginError(f"forms/: ongeldige invoer\n{exc}") from None
    started = time.perf_counter()
    cache = cache_dir(config)
    epoch, lokaal = source_date(), local_settings(config)
    infos = {}
    # One output folder per local version, so builds of different gemeenten never publish each other's PDFs.
    variant = hashlib.sha256(json.dumps(lokaal.cache_key() if lokaal else None, sort_keys=True,
                                        default=str).encode()).hexdigest()[:12]
    for instrument in instruments.values():
        info = build_one(instrument, cache / "pdf" / variant, cache / "opslag", lokaal, epoch, log=log.info)
        infos[instrument.id] = info
        files.append(File.generated(config, f"werkbladen/{info.path.name}", abs_src_path=str(info.path)))
        # The same PDF as a script, for filling it in a page opened from file:// (werkboek/invullen.py).
        files.append(File.generated(config, f"werkbladen/{info.path.name}.js",
                                    content=pdf_script(instrument.id, info.path.read_bytes())))
    config.extra["werkbladen_pdf"] = infos
    log.info(f"werkbladen: {len(infos)} PDF's klaar ({time.perf_counter() - started:.1f} s)")  # read by the benchmark
    return files
