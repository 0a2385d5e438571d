"""One record of everything the post-build step made (werkboek/publish/finish.py), so that a build in which nothing
changed writes its downloads again without rendering, reading or counting any of them.

Every PDF already has its own cache (werkboek/pdf/weasy.py), but finding each one means making its source again: the
worksheets' instruments, every part of every training pack, the book from the written pages in its print markup.
The record sits in front of those caches. Its key is a digest of everything the downloads are made from:

- the pages as written (the book is read from them),
- the project's files that any PDF or page is made from: forms/, data/, the docs folder, the theme folder with the
  print templates, hooks/, the werkboek package's code, and the YAML files next to mkdocs.yml (the site's settings,
  gemeente.yml),
- the site's settings as the step reads them, the gemeente's settings (logo included), the date of the build
  (SOURCE_DATE_EPOCH) and the versions of the PDF libraries.

A change to any of those is a miss: the step then runs as it always did, and its per-PDF caches remake only what
changed. The record holds a copy of every file the step made and each PDF's pages and size as the pages show them
(werkboek/pdf/labels.py); its index is written last, so a record that was not finished is never used.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
from dataclasses import asdict, dataclass, field
from pathlib import Path

from werkboek import TEMPLATES_DIR
from werkboek.files import tree, write_atomic
from werkboek.pdf.weasy import library_versions
from werkboek.publish.site_config import SiteConfig

CODE_DIR = Path(__file__).resolve().parent.parent  # the whole werkboek package
INDEX = "record.json"
KEEP = 2  # records kept: the newest ones (a gemeente's build and upstream's alternate in one checkout)


@dataclass
class Record:
    """What the step made: each file's path in the site, each PDF's label fields, and the counts it logs."""

    files: list[str]
    labels: dict[str, dict[str, str]]
    worksheets: int = 0
    packs: int = 0
    book: str = ""
    sizes: dict[str, int] = field(default_factory=dict)


def record_key(site_dir: Path, config: SiteConfig, config_file: Path, epoch: int) -> str:
    """The digest of everything the step's downloads are made from (see the module text)."""
    root = config.root
    h = hashlib.sha256()
    lokaal = getattr(config.lokaal, "cache_key", lambda: None)()
    h.update(json.dumps([epoch, lokaal, config.title, config.description, config.copyright, config.pages,
                         config.directory_urls, config.site_url, sorted(library_versions().items())],
                        sort_keys=True, default=str).encode())
    folders = {"forms": root / "forms", "data": root / "data", "docs": config.docs_dir, "thema": TEMPLATES_DIR,
               "overrides": root / "overrides", "hooks": root / "hooks", "code": CODE_DIR}
    files: list[tuple[str, Path]] = []  # (name in the key, file): the names do not depend on where the project is
    seen = set()
    for label, folder in folders.items():
        if folder.is_dir() and folder.resolve() not in seen:
            seen.add(folder.resolve())
            files += [(f"{label}/{p.relative_to(folder).as_posix()}", p) for p in tree(folder)]
    files += [(p.name, p) for p in sorted(root.iterdir()) if p.suffix in (".yml", ".yaml") and p.is_file()]
    files.append(("instellingen", Path(config_file)))
    files += [(f"site/{p.relative_to(site_dir).as_posix()}", p) for p in sorted(site_dir.rglob("*.html"))]
    for name, path in files:
        h.update(b"\0" + name.encode() + b"\0" + hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()[:24]


def restore(store: Path, key: str, site_dir: Path) -> Record | None:
    """Write the recorded files into ``site_dir`` and return the record; None when there is no complete record for
    ``key`` (nothing is written then)."""
    folder = store / key
    try:
        record = Record(**json.loads((folder / INDEX).read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError):
        return None
    try:
        datas = [(site_dir / name, (folder / "bestanden" / name).read_bytes()) for name in record.files]
    except OSError:
        return None  # removed meanwhile (another build saved a newer record)
    if any(len(data) != record.sizes.get(name) for (_, data), name in zip(datas, record.files)):
        return None  # damaged: the step makes everything again (and a new record)
    for target, data in datas:
        write_atomic(target, data)
    try:
        os.utime(folder)  # the record in use is among the newest, which are kept
    except OSError:
        pass
    return record


def save(store: Path, key: str, site_dir: Path, record: Record) -> None:
    """Keep a copy of ``record.files`` (paths in ``site_dir``) under ``key``; the index last, so only a whole record
    is ever restored. Older records beyond the newest KEEP are removed."""
    folder = store / key
    temp = store / f"{key}.{os.getpid()}.tmp"
    shutil.rmtree(temp, ignore_errors=True)
    temp.mkdir(parents=True)
    sizes = {}
    for name in record.files:
        target = temp / "bestanden" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(site_dir / name, target)
        sizes[name] = target.stat().st_size
    index = {**asdict(record), "sizes": sizes}  # restore() checks each copy against its size
    (temp / INDEX).write_text(json.dumps(index, sort_keys=True, ensure_ascii=False), encoding="utf-8")
    shutil.rmtree(folder, ignore_errors=True)
    try:
        temp.replace(folder)
    except OSError:  # another build saved the same record meanwhile: keep that one
        shutil.rmtree(temp, ignore_errors=True)
    others = sorted((p for p in store.iterdir() if p.is_dir() and p != folder and not p.name.endswith(".tmp")),
                    key=lambda p: p.stat().st_mtime_ns, reverse=True)
    for old in others[KEEP - 1:]:
        shutil.rmtree(old, ignore_errors=True)
