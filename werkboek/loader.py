"""Load and validate YAML data files; errors name the file, the field, the line and what is expected."""
from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from . import FORMS_DIR
from .datafile import DataError, explain, format_location, read_yaml, where
from .schema import BLOCK_KINDS, Instrument

M = TypeVar("M", bound=BaseModel)


def validate(model: type[M], data, path: Path, lines=None, context=None) -> M:
    try:
        return model.model_validate(data, context=context)
    except ValidationError as exc:
        messages = []
        for err in exc.errors():
            loc = [p for p in err["loc"] if not (isinstance(p, str) and p in BLOCK_KINDS)]
            line = where(loc, lines or {})
            place = f"{path}" + (f", regel {line}" if line else "")
            messages.append(f"{place}: veld '{format_location(loc)}': {explain(err, loc)}")
        raise DataError("\n".join(messages)) from None


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


