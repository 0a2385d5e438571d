"""Load and validate YAML data files; errors name the file, the field, the line and what is expected."""
from __future__ import annotations

from pathlib import Path
from typing import TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from . import FORMS_DIR
from .schema import Instrument

M = TypeVar("M", bound=BaseModel)


class DataError(Exception):
    """Bad input in a data file. ``str()`` is a message for the person who edits the file."""


def _line_index(node, path=(), out=None):
    """Map each path of keys/indices in a YAML document to its 1-based line."""
    out = {} if out is None else out
    out[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            out[path + (key.value,)] = key.start_mark.line + 1
            _line_index(value, path + (key.value,), out)
            out[path + (key.value,)] = key.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for i, value in enumerate(node.value):
            _line_index(value, path + (i,), out)
    return out


def _where(loc, lines):
    path = tuple(loc)
    while path and path not in lines:
        path = path[:-1]
    return lines.get(path)


def format_location(loc) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(hele bestand)"


Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when available: same results, much faster


def read_yaml(path: Path):
    """Parse a YAML file; return (data, line index)."""
    text = path.read_text(encoding="utf-8")
    try:
        node = yaml.compose(text, Loader=Loader)
        data = yaml.load(text, Loader=Loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f", regel {mark.line + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise DataError(f"{path}{line}: geen geldige YAML ({problem}); controleer inspringing en dubbele punten") from None
    return data, (_line_index(node) if node is not None else {})


def validate(model: type[M], data, path: Path, lines=None, context=None) -> M:
    try:
        return model.model_validate(data, context=context)
    except ValidationError as exc:
        messages = []
        for err in exc.errors():
            loc = [p for p in err["loc"] if not (isinstance(p, str) and p in _BLOCK_TAGS)]
            line = _where(loc, lines or {})
            where = f"{path}" + (f", regel {line}" if line else "")
            messages.append(f"{where}: veld '{format_location(loc)}': {_explain(err)}")
        raise DataError("\n".join(messages)) from None


_BLOCK_TAGS = {"checklist", "schaal", "vragen", "tabel", "lijst", "sectoren", "stroomschema", "kolommen"}


def _explain(err) -> str:
    kind, msg = err["type"], err["msg"]
    if kind == "missing":
        return "ontbreekt (verplicht)"
    if kind == "extra_forbidden":
        return "onbekend veld (niet toegestaan)"
    if kind == "string_pattern_mismatch":
        pattern = err.get("ctx", {}).get("pattern", "")
        if "a-z0-9" in pattern:
            return f"'{err['input']}' is geen geldige id: gebruik kleine letters, cijfers en koppeltekens (geen punt, geen spatie)"
        return f"'{err['input']}' heeft niet de verwachte vorm ({pattern})"
    if kind == "union_tag_invalid":
        tags = err.get("ctx", {}).get("expected_tags", "")
        return f"onbekende soort '{err['ctx'].get('tag')}'; verwacht een van: {tags}"
    if kind == "union_tag_not_found":
        return "'soort' ontbreekt; verwacht een van: " + ", ".join(sorted(_BLOCK_TAGS))
    if kind == "string_too_short":
        return "is leeg; verwacht tekst"
    if kind == "literal_error":
        return f"'{err['input']}' is niet toegestaan; verwacht {err['ctx']['expected']}"
    if kind == "value_error":
        return msg.removeprefix("Value error, ")
    return msg


def load_instrument(path: Path) -> Instrument:
    data, lines = read_yaml(path)
    if not isinstance(data, dict):
        raise DataError(f"{path}: verwacht een instrument (sleutels id, nummer, titel, …), niet {type(data).__name__}")
    instrument = validate(Instrument, data, path, lines)
    if instrument.id != path.stem:
        raise DataError(f"{path}, regel {lines.get(('id',), 1)}: veld 'id': '{instrument.id}' moet gelijk zijn aan de bestandsnaam '{path.stem}'")
    return instrument


def files_stamp(paths) -> tuple:
    """What identifies the current contents of some files (path, size, mtime): a memo key that changes on edit."""
    out = []
    for path in sorted(paths):
        st = path.stat()
        out.append((str(path), st.st_size, st.st_mtime_ns))
    return tuple(out)


_memo: dict = {}


def memoized(kind: str, key: tuple, make):
    """Reuse a result while its input files are unchanged (one build loads forms and training several times)."""
    if _memo.get(kind, (None,))[0] != key:
        _memo[kind] = (key, make())
    return _memo[kind][1]


def load_instruments(folder: Path = FORMS_DIR) -> dict[str, Instrument]:
    """Every forms/*.yml, validated, keyed by id, in werkboek order."""
    folder = Path(folder)
    return dict(memoized(f"forms:{folder}", files_stamp(folder.glob("*.yml")), lambda: _load_instruments(folder)))


def _load_instruments(folder: Path) -> dict[str, Instrument]:
    errors, found = [], []
    for path in sorted(folder.glob("*.yml")):
        try:
            found.append(load_instrument(path))
        except DataError as exc:
            errors.append(str(exc))
    if errors:
        raise DataError("\n".join(errors))
    found.sort(key=lambda i: tuple(int(p) for p in i.nummer.split(".")) + (i.id,))
    return {i.id: i for i in found}


