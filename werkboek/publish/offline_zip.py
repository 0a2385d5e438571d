"""The whole site as one zip to read without internet: downloads/werkboek-offline.zip (written by
werkboek/publish/finish.py at the end of the build). Unzipped, index.html opens from the file system with navigation, search and
every worksheet working (the site uses no directory URLs and vendors the iframe-worker shim).

The offline copy holds no link it cannot follow: list items marked ``data-alleen-online`` (the home page's link to
this zip) are left out of its pages, and so is 404.html (only a web server shows it; its links start at the server's
root).

The zip is reproducible: entries sorted, one fixed timestamp (werkboek.pdf.document.source_date()), fixed permissions; a
site whose every file is unchanged gets the zip made for it before (compressing is the slow part: a second)."""
from __future__ import annotations

import hashlib
import re
import shutil
import time
import zipfile
from pathlib import Path

from werkboek import WERKBOEK_TITEL
from werkboek.files import replacing
from werkboek.pdf.document import source_date
from werkboek.publish.swap import MARKER

ZIP_PATH = "downloads/werkboek-offline.zip"
FOLDER = "eenzaam-ben-je-niet-alleen"  # every entry lives in this folder, so unzipping makes one folder
STORED = {".pdf", ".woff2", ".woff", ".png", ".jpg", ".jpeg", ".gz", ".zip"}  # already compressed
SKIPPED = {".map"}  # source maps: only developer tools read them
SKIPPED_PAGES = {"404.html", MARKER}  # MARKER: the unfinished-build note, gone once the site is swapped in
ONLINE_ONLY = re.compile(rb"<li data-alleen-online>.*?</li>\s*", re.S)
ZIP_EPOCH_MIN = 315532800  # 1980-01-01, the earliest time a zip can store
LEESMIJ = f"""{WERKBOEK_TITEL} — het werkboek zonder internet

Open index.html in deze map met uw browser (dubbelklikken is genoeg).
Alle hoofdstukken, het zoeken en de invulbare werkbladen (map werkbladen) werken zonder internetverbinding.
"""


def _info(name: str, date_time: tuple) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(f"{FOLDER}/{name}", date_time=date_time)
    info.external_attr = 0o100644 << 16
    info.create_system = 3  # Unix, so the permissions above are read
    suffix = Path(name).suffix.lower()
    info.compress_type = zipfile.ZIP_STORED if suffix in STORED else zipfile.ZIP_DEFLATED
    return info


def site_files(site_dir: Path, exclude: Path | None = None) -> list[Path]:
    """The files that go into the zip (never the zip itself, nor ``exclude``), sorted by their path in the site."""
    skip = {(site_dir / ZIP_PATH).resolve()} | ({exclude.resolve()} if exclude is not None else set())
    files = [p for p in site_dir.rglob("*") if p.is_file() and p.suffix.lower() not in SKIPPED
             and p.resolve() not in skip and not p.name.endswith(".tmp")
             and p.relative_to(site_dir).as_posix() not in SKIPPED_PAGES]
    return sorted(files, key=lambda p: p.relative_to(site_dir).as_posix())


def offline_bytes(path: Path) -> bytes:
    """A file's bytes as the offline copy holds them: pages without their online-only list items."""
    data = path.read_bytes()
    return ONLINE_ONLY.sub(b"", data) if path.suffix.lower() == ".html" else data


def write_zip(site_dir: Path, target: Path, epoch: int | None = None, cache_dir: Path | None = None) -> int:
    """Write ``site_dir`` (without ``target`` itself) as a deterministic zip; returns its size in bytes. With
    ``cache_dir``, reuse the zip of an identical site (same names, bytes and date)."""
    epoch = source_date() if epoch is None else epoch
    date_time = time.gmtime(max(epoch, ZIP_EPOCH_MIN))[:6]
    target.parent.mkdir(parents=True, exist_ok=True)
    files = site_files(site_dir, exclude=target)  # listed before the temporary zip exists
    contents = [(path.relative_to(site_dir).as_posix(), offline_bytes(path)) for path in files]
    cached = None
    if cache_dir is not None:
        key = hashlib.sha256(repr((date_time, LEESMIJ, Path(__file__).read_bytes())).encode())
        for name, data in contents:
            key.update(name.encode() + b"\0" + hashlib.sha256(data).digest())
        cached = cache_dir / f"werkboek-offline.{key.hexdigest()[:20]}.zip"
    with replacing(target) as tmp:
        if cached is not None and cached.exists():
            shutil.copyfile(cached, tmp)
        else:
            with zipfile.ZipFile(tmp, "w") as zf:
                zf.writestr(_info("LEESMIJ.txt", date_time), LEESMIJ.encode("utf-8"), compresslevel=6)
                for name, data in contents:
                    zf.writestr(_info(name, date_time), data, compresslevel=6)
            if cached is not None:
                cache_dir.mkdir(parents=True, exist_ok=True)
                for old in cache_dir.glob("werkboek-offline.*.zip"):
                    old.unlink(missing_ok=True)
                shutil.copyfile(tmp, cached)
    return target.stat().st_size
