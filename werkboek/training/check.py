"""Checks of data/training.yml against the werkboek and the instruments, beyond what its schema can check:
durations (with the agenda row named), references to sections that exist in docs/, and handouts ("6.8 Reflector
…") that name an instrument. Errors name file, line, session and row."""
from __future__ import annotations

from pathlib import Path

from werkboek import ROOT
from werkboek.datafile import read_yaml
from werkboek.errors import DataError
from werkboek.sections import NUMBER, scan_dir
from werkboek.training.model import TRAINING_PATH, Training, load_training
from werkboek.werkblad.loader import load_instruments

DOCS_DIR = ROOT / "docs"


def check_training(path: Path = TRAINING_PATH, docs_dir: Path = DOCS_DIR, instruments=None) -> Training:
    """Load data/training.yml and check what the schema cannot: durations (with the row named), references to
    sections that exist in docs/, and handouts that name an instrument. Errors name file, line, session and row."""
    if instruments is None:
        instruments = load_instruments()
    data, lines = read_yaml(path)
    errors = _check_durations(data, lines, path)
    if errors:
        raise DataError("\n".join(errors))
    training = load_training(path, known_refs=set(scan_dir(docs_dir)))
    by_number = {i.nummer: i for i in instruments.values()}
    for si, session in enumerate(training.bijeenkomsten):
        for key in ("uitdelen",):
            for ii, item in enumerate(getattr(session, key)):
                m = NUMBER.match(item)
                if m and m.group(1) not in by_number:
                    line = lines.get(("bijeenkomsten", si, key, ii))
                    errors.append(f"{path}" + (f", regel {line}" if line else "")
                                  + f": bijeenkomst {session.nummer}, {key} '{item[:60]}': {m.group(1)} is geen "
                                  "instrument (werkblad); bekende instrumenten: "
                                  + ", ".join(f"{i.nummer} {i.titel}" for i in instruments.values()))
    if errors:
        raise DataError("\n".join(errors))
    return training


def _check_durations(data, lines, path: Path) -> list[str]:
    errors = []
    sessions = data.get("bijeenkomsten") if isinstance(data, dict) else None
    for si, session in enumerate(sessions if isinstance(sessions, list) else []):
        if not isinstance(session, dict):
            continue
        number = session.get("nummer", si + 1)
        for ri, row in enumerate(session.get("agenda") or []):
            if not isinstance(row, dict):
                continue
            where = ("bijeenkomsten", si, "agenda", ri)
            label = str(row.get("wat", f"rij {ri + 1}"))[:60]
            if "duur" not in row or row["duur"] is None:
                line = lines.get(where + ("wat",)) or lines.get(where)
                problem = "'duur' ontbreekt"
            elif isinstance(row["duur"], bool) or not isinstance(row["duur"], int) or row["duur"] <= 0:
                line = lines.get(where + ("duur",)) or lines.get(where)
                problem = f"'duur' is {row['duur']!r}"
            else:
                continue
            errors.append(f"{path}" + (f", regel {line}" if line else "")
                          + f": bijeenkomst {number}, rij '{label}': {problem}; verwacht het aantal minuten als"
                          " geheel getal groter dan 0 (de kolom Tijd van de trainershandleiding)")
    return errors

