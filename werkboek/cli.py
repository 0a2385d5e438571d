"""Command line: ``python -m werkboek check`` validates the data; ``python -m werkboek pdf`` writes worksheets;
``python -m werkboek packs`` writes the training packs (one PDF per bijeenkomst, with its parts)."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .loader import DataError, load_instruments


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
    args = parser.parse_args(argv)
    try:
        if args.command == "check":
            instruments = load_instruments()
            print(f"{len(instruments)} instrumenten geldig")
        elif args.command == "schema":
            from .schema_json import schema_text
            sys.stdout.write(schema_text())
        elif args.command == "pdf":
            from .pdf import build_all
            build_all(args.out, ids=args.ids or None, log=print)
        elif args.command == "packs":
            from . import ROOT
            from .packs import build_packs
            from .pdf import build_all
            cache = ROOT / ".cache"
            sheets = build_all(args.out / "werkbladen", cache_dir=cache / "werkbladen" / "opslag", log=print)
            build_packs(args.out, {i: info.path for i, info in sheets.items()}, cache / "training", log=print)
    except DataError as exc:
        print(exc, file=sys.stderr)
        return 1
    return 0
