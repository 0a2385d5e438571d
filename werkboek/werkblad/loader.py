"""Loading and validating the instruments, forms/*.yml: errors name the file, the field, the line and what is
expected."""
from __future__ import annotations

from pathlib import Path

from werkboek import FORMS_DIR
from werkboek.datafile import read_yaml, validate
from werkboek.errors import DataError
from werkboek.memo import files_stamp, memoized
from werkboek.werkblad.schema import BLOCK_KINDS, Instrument


def load_instrument(path: Path) -> Instrument:
    data, lines = read_yaml(path)
    if not isinstance(data, dict):
        raise DataError(f"{path}: verwacht een instrument (sleutels id, nummer, titel, …), niet {type(data).__name__}")
    # A block's kind is not part of the place a reader looks for: 'blokken[2].items' rather than
    # 'blokken[2].schaal.items'.
    instrument = validate(Instrument, data, path, lines, tags=BLOCK_KINDS)
    if instrument.id != path.stem:
        raise DataError(f"{path}, regel {lines.get(('id',), 1)}: veld 'id': '{instrument.id}' moet gelijk zijn aan de bestandsnaam '{path.stem}'")
    return instrument


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
