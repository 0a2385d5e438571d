"""The training (Bijlage 1) as data: five bijeenkomsten with agenda rows, materials and homework.

Running times are computed from the durations, never typed; each session's total is compared with its stated
length, and the printed "Totale tijd" cells are kept only to document where the source disagrees with itself."""
from __future__ import annotations

from pathlib import Path

from pydantic import Field, model_validator

from . import DATA_DIR
from .loader import DataError, files_stamp, memoized, read_yaml, validate
from .schema import Strict, Text

TRAINING_PATH = DATA_DIR / "training.yml"


class Row(Strict):
    wat: Text
    duur: int = Field(gt=0, le=180, description="minutes, from the printed 'Tijd' column")
    bron_totaal: str = ""
    bijzonderheden: str = ""
    verwijzingen: list[str] = []


class HomeworkItem(Strict):
    tekst: Text
    verwijzingen: list[str] = []


class Homework(Strict):
    voor_bijeenkomst: int
    items: list[HomeworkItem] = Field(min_length=1)


class Choice(Strict):
    rij: Text
    gekozen: int
    reden: Text


class Session(Strict):
    nummer: int = Field(ge=1, le=9)
    duur_minuten: int = Field(gt=0)
    thema: Text
    uitdelen: list[Text] = []
    meenemen: list[Text] = []
    agenda: list[Row] = Field(min_length=1)
    huiswerk: Homework | None = None
    keuzes: list[Choice] = []

    @property
    def total(self) -> int:
        return sum(row.duur for row in self.agenda)

    @property
    def mismatch(self) -> int:
        """Minutes the agenda differs from the stated length (0 when it adds up)."""
        return self.total - self.duur_minuten

    def timed_rows(self):
        """(start, end, row) in minutes from the start of the session."""
        start = 0
        for row in self.agenda:
            yield start, start + row.duur, row
            start += row.duur


class Planning(Strict):
    interval_weken: list[int]
    minimaal_weken_tussen: dict
    groepsgrootte: list[int]


class Training(Strict):
    planning: Planning
    bijeenkomsten: list[Session] = Field(min_length=1)

    @model_validator(mode="after")
    def _numbered_in_order(self):
        numbers = [s.nummer for s in self.bijeenkomsten]
        if numbers != list(range(1, len(numbers) + 1)):
            raise ValueError(f"bijeenkomsten moeten 1, 2, 3 … genummerd zijn, niet {numbers}")
        return self

    def session(self, number: int) -> Session:
        for s in self.bijeenkomsten:
            if s.nummer == number:
                return s
        raise DataError(f"{TRAINING_PATH}: bijeenkomst {number} bestaat niet")


def clock(minutes: int) -> str:
    """Minutes → the werkboek's notation, e.g. 70 → '1.10'."""
    return f"{minutes // 60}.{minutes % 60:02d}"


def duration_label(minutes: int) -> str:
    hours, rest = divmod(abs(minutes), 60)
    parts = ([f"{hours} uur"] if hours else []) + ([f"{rest} min"] if rest else [])
    return " ".join(parts) or "0 min"


def load_training(path: Path = TRAINING_PATH, known_refs: set[str] | None = None) -> Training:
    """Load and validate; with ``known_refs`` (section keys such as 's5-3', 'h4', 'b1') every reference must exist."""
    from .sections import ref_key

    def parse():
        data, lines = read_yaml(path)
        return validate(Training, data, path, lines), lines

    training, lines = memoized(f"training:{path}", files_stamp([Path(path)]), parse)
    if known_refs is not None:
        errors = []
        for si, session in enumerate(training.bijeenkomsten):
            rows = [(f"bijeenkomsten[{si}].agenda[{ri}]", r.wat, r.verwijzingen) for ri, r in enumerate(session.agenda)]
            if session.huiswerk:
                rows += [(f"bijeenkomsten[{si}].huiswerk.items[{ii}]", h.tekst, h.verwijzingen)
                         for ii, h in enumerate(session.huiswerk.items)]
            for where, label, refs in rows:
                for ref in refs:
                    if ref_key(ref) not in known_refs:
                        path_parts = [int(p) if p.isdigit() else p for p in
                                      where.replace("[", ".").replace("]", "").split(".")]
                        line = lines.get(tuple(path_parts) + ("verwijzingen",)) or lines.get(tuple(path_parts))
                        errors.append(f"{path}" + (f", regel {line}" if line else "")
                                      + f": bijeenkomst {session.nummer}, rij '{label[:60]}': verwijzing '{ref}'"
                                      " bestaat niet in het werkboek (verwacht een nummer zoals 5.3, h4 of b1)")
        if errors:
            raise DataError("\n".join(errors))
    return training


def mismatch_report(training: Training) -> list[str]:
    """One line per session whose computed total differs from its stated length."""
    return [
        f"bijeenkomst {s.nummer}: de tijden tellen op tot {duration_label(s.total)}, "
        f"gepland is {duration_label(s.duur_minuten)} ({'+' if s.mismatch > 0 else '−'}{duration_label(s.mismatch)})"
        for s in training.bijeenkomsten if s.mismatch
    ]
