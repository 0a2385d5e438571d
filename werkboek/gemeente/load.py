"""Reading gemeente.yml (or the file WERKBOEK_GEMEENTE names) into the ``Gemeente`` model: every problem reported
together, in plain Dutch, with the file and the line; the file is read once per content in a process."""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

import yaml
from pydantic import ValidationError

from werkboek import ROOT
from werkboek.datafile import TextLoader, messages, read_yaml
from werkboek.errors import DataError
from werkboek.gemeente import BESTAND, CONTACT_VELDEN, NETWERKKAART, OMGEVING, REGEL_VELDEN, VERWIJSKAART
from werkboek.gemeente.checks import clock_time
from werkboek.gemeente.logo import MAX_BYTES as MAX_LOGO_BYTES
from werkboek.gemeente.model import Gemeente, Kleuren
from werkboek.gemeente.text import MAX_BYTES, read_gemeente_text
from werkboek.memo import files_stamp
from werkboek.werkblad.loader import load_instrument

VALID_KEYS = {
    "": [(f.alias or name) for name, f in Gemeente.model_fields.items()],
    "kleuren": list(Kleuren.model_fields),
    "contact": list(CONTACT_VELDEN),
}


def forms_context(forms_dir: Path) -> dict:
    """The slot ids of the verwijskaart (id → full block?) and the sector ids of the netwerkkaart."""
    slots: dict[str, bool] = {}
    for block in load_instrument(forms_dir / f"{VERWIJSKAART}.yml").blokken:
        if block.soort != "stroomschema":
            continue
        if block.contact:
            slots[block.contact.id] = block.contact.volledig
        for box in block.vakken:
            for slot in box.contacten:
                slots[slot.id] = slot.volledig
    sectors = [item.id for block in load_instrument(forms_dir / f"{NETWERKKAART}.yml").blokken
               if block.soort == "sectoren" for item in block.items]
    return {"slots": slots, "sectoren": sectors}


def display_name(path: Path, root: Path) -> str:
    try:
        return Path(path).resolve().relative_to(Path(root).resolve()).as_posix()
    except ValueError:
        return str(path)


def chosen_file(root: Path = ROOT, environ=None) -> Path | None:
    """The local file for this build: WERKBOEK_GEMEENTE (relative to the project root), else gemeente.yml if it
    exists, else None (the source's blank versions)."""
    environ = os.environ if environ is None else environ
    named = (environ.get(OMGEVING) or "").strip()
    if named:
        path = Path(named) if Path(named).is_absolute() else Path(root) / named
        if not path.is_file():
            raise DataError(f"{OMGEVING}={named}: dat bestand bestaat niet (het pad geldt vanaf de hoofdmap van het "
                            f"project, {root})")
        return path
    default = Path(root) / BESTAND
    return default if default.is_file() else None


def load_gemeente(path: Path, root: Path = ROOT, forms_dir: Path | None = None) -> Gemeente:
    """Read and validate a gemeente file. Raises DataError with one line per problem: file, line, field, what to
    do — in Dutch. A build asks for it several times (the site's settings, the macros, the step after the pages):
    the file is read again only when it, the forms it names slots of, or its logo changed."""
    root = Path(root)
    forms_dir = Path(forms_dir or root / "forms")
    key = (str(path), str(root), str(forms_dir))
    # The file and its logo by content (an edit within one clock tick keeps size and time), the forms by stamp.
    stamp = (_digest(Path(path)), files_stamp([forms_dir / f"{VERWIJSKAART}.yml", forms_dir / f"{NETWERKKAART}.yml"]))
    kept = _loaded.get(key)
    if kept and stamp[0] is not None and kept[0] == stamp and kept[1] == _logo_stamp(kept[2]):
        return kept[2]
    lokaal = _load_gemeente(Path(path), root, forms_dir)
    _loaded[key] = (stamp, _logo_stamp(lokaal), lokaal)
    return lokaal


_loaded: dict[tuple, tuple] = {}


def _digest(path: Path, limit: int = MAX_BYTES) -> str | None:
    """The content of a file; None for one that is missing or larger than ``limit`` (too large to be a gemeente
    file: its check says so, and nothing is kept)."""
    if not path.is_file() or path.stat().st_size > limit:
        return None
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _logo_stamp(lokaal: Gemeente) -> str | None:
    return _digest(lokaal.logo_pad, MAX_LOGO_BYTES) if lokaal.logo else None


def _load_gemeente(path: Path, root: Path, forms_dir: Path) -> Gemeente:
    name = display_name(path, root)
    read_gemeente_text(Path(path), name)  # size, UTF-8, no aliases: before anything expands the YAML
    try:
        _, lines = read_yaml(Path(path))
    except DataError as exc:
        raise DataError(str(exc).replace(str(path), name, 1)) from None
    data = yaml.load(Path(path).read_text(encoding="utf-8"), Loader=TextLoader)
    if data is None:
        raise DataError(f"{name}: het bestand is leeg; begin met 'naam: Gemeente …' (zie "
                        "voorbeelden/gemeente-voorbeeld.yml)")
    if not isinstance(data, dict):
        raise DataError(f"{name}, regel 1: verwacht regels als 'naam: Gemeente …' (sleutel, dubbele punt, waarde)")
    context = {"root": root, "bron": Path(path), **forms_context(forms_dir)}
    problems = _cross_checks(data, context["slots"])
    try:
        lokaal = Gemeente.model_validate(data, context=context)
    except ValidationError as exc:
        problems = [([p for p in err["loc"] if p != "[key]"], None, err) for err in exc.errors()] + [
            (loc, text, None) for loc, text in problems]
    else:
        problems = [(loc, text, None) for loc, text in problems]
    if problems:
        raise DataError("\n".join(messages(problems, name, lines, _valid_keys)))
    return lokaal


def _valid_keys(parent) -> list[str]:
    if not parent:
        return VALID_KEYS[""]
    if parent[0] == "kleuren":
        return VALID_KEYS["kleuren"]
    if parent[0] == "verwijskaart":
        return VALID_KEYS["contact"]
    return []


def _cross_checks(data: dict, slots: dict[str, bool]) -> list[tuple[list, str]]:
    """Checks across fields, on the file as written (so they are reported together with every other problem)."""
    problems = []
    contacts = data.get("verwijskaart")
    for slot, fields in (contacts.items() if isinstance(contacts, dict) else []):
        if not isinstance(fields, dict):
            continue
        if slot in slots and not slots[slot]:
            for key in fields:
                if key in CONTACT_VELDEN and key not in REGEL_VELDEN:
                    problems.append((["verwijskaart", slot, key],
                                     f"'{key}' past niet bij deze regel: op de verwijskaart staat hier één regel met "
                                     f"naam, telefoon en e-mail (sleutels: {', '.join(REGEL_VELDEN)}). Alleen "
                                     "'vragen-en-advies' heeft ook website, van, tot en dagen"))
        try:
            van, tot = clock_time(fields.get("van")), clock_time(fields.get("tot"))
        except ValueError:
            continue  # reported by the field's own check
        if van and tot and van >= tot:
            problems.append((["verwijskaart", slot, "van"],
                             f"'van' ({van}) moet eerder zijn dan 'tot' ({tot}); controleer de tijden"))
    return problems
