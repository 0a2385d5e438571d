"""Command line: ``python -m werkboek check`` validates the data; ``python -m werkboek pdf`` writes worksheets;
``python -m werkboek packs`` writes the training packs (one PDF per bijeenkomst, with its parts);
``python -m werkboek afronden SITE_DIR`` finishes a written site (werkboek/publish/finish.py): PDFs, their labels in the
pages, the offline zip, the privacy guard, and with ``--naar MAP`` the swap into that folder."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from werkboek import ROOT
from werkboek.errors import DataError
from werkboek.pdf.weasy import warnings_seen
from werkboek.publish.finish import finish_site
from werkboek.publish.swap import SiteBusy
from werkboek.training.packs import build_packs
from werkboek.werkblad.loader import load_instruments
from werkboek.werkblad.pdf import build_all
from werkboek.werkblad.schema_json import schema_text


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m werkboek")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("check", help="validate forms/*.yml")
    pdf = sub.add_parser("pdf", help="write the PDF worksheets")
    pdf.add_argument("out", type=Path, help="output folder")
    pdf.add_argument("ids", nargs="*", help="instrument ids (default: all)")
    sub.add_parser("schema", help="print the JSON Schema of forms/*.yml")
    packs = sub.add_parser("packs", help="write the training packs (one PDF per bijeenkomst, and its parts)")
    packs.add_argument("out", type=Path, help="output folder")
    finish = sub.add_parser("afronden", help="finish a written site: PDFs, labels, offline zip, privacy, swap")
    finish.add_argument("site", type=Path, help="the folder the pages were written to")
    finish.add_argument("--naar", type=Path, default=None,
                        help="publish the finished site in this folder, in one step (default: finish in place)")
    finish.add_argument("--config", type=Path, default=None, help="mkdocs.yml (default: the project's)")
    finish.add_argument("--zonder-pdf", action="store_true",
                        help="no worksheets, packs, book or zip (pages keep their placeholders): the benchmark's "
                             "build without PDFs, or a quick look at the pages")
    args = parser.parse_args(argv)
    try:
        if args.command == "check":
            instruments = load_instruments()
            print(f"{len(instruments)} instrumenten geldig")
        elif args.command == "schema":
            sys.stdout.write(schema_text())
        elif args.command == "pdf":
            build_all(args.out, ids=args.ids or None, log=print)
        elif args.command == "packs":
            cache = ROOT / ".cache"
            sheets = build_all(args.out / "werkbladen", cache_dir=cache / "werkbladen" / "opslag", log=print)
            build_packs(args.out, {i: info.path for i, info in sheets.items()}, cache / "training", log=print)
        elif args.command == "afronden":
            return _afronden(args)
    except DataError as exc:
        print(exc, file=sys.stderr)
        return 1
    return 0


def _afronden(args) -> int:
    """Strict, like the MkDocs build: a WeasyPrint warning leaves the site unpublished."""
    import logging


    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(message)s")
    if not (args.site / "index.html").is_file():
        print(f"{args.site}: hier staat geen gebouwde site (index.html ontbreekt)", file=sys.stderr)
        return 1
    before = warnings_seen()
    try:
        steps = finish_site(args.site, args.config or ROOT / "mkdocs.yml", final=args.naar,
                         may_publish=lambda: warnings_seen() == before, log=print, pdfs=not args.zonder_pdf)
    except SiteBusy:
        print(f"Er loopt al een andere bouw naar {args.naar}; er is niets veranderd.", file=sys.stderr)
        return 1
    if steps.published is None:
        print(f"WeasyPrint gaf {warnings_seen() - before} waarschuwing(en); de site is niet gepubliceerd.",
              file=sys.stderr)
        return 1
    print(f"klaar: {steps.published}")
    return 0
