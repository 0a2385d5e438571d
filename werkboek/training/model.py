"""The training (Bijlage 1) as data: five bijeenkomsten with agenda rows, materials and homework.

Running times are computed from the durations, never typed; each session's total is compared with its stated
length, and the printed "Totale tijd" cells are kept only to document where the source disagrees with itself."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from pydantic import Field, model_validator

from werkboek import DATA_DIR
from werkboek.datafile import read_yaml, validate
from werkboek.errors import DataError
from werkboek.memo import files_stamp, memoized
from werkboek.sections import ref_key
from werkboek.werkblad.schema import Strict, Text

TRAINING_PATH = DATA_DIR / "training.yml"


PRINTED_CLOCK = re.compile(r"^(\d{1,2})(?:\.(\d{2}))?(?: uur)?$")
PRINTED_DURATION = re.compile(r"^(\d{1,3})(?:\s*–\s*(\d{1,3}))?\s*min\.?$")


def printed_minutes(cell: str) -> int:
    """A printed "Totale tijd" cell → minutes: '0.10' → 10, '3' → 180, '2 uur' → 120."""
    m = PRINTED_CLOCK.match(cell.strip())
    if not m:
        raise ValueError(f"'{cell}' is geen gedrukte Totale tijd (verwacht bijvoorbeeld 0.10, 1.30, 3 of 3 uur)")
    return int(m.group(1)) * 60 + int(m.group(2) or 0)


def printed_duration(cell: str) -> tuple[int, int]:
    """A printed "Tijd" cell → (from, to) minutes: '10 min.' → (10, 10), '5 – 10 min' → (5, 10)."""
    m = PRINTED_DURATION.match(cell.strip())
    if not m:
        raise ValueError(f"'{cell}' is geen gedrukte duur (verwacht bijvoorbeeld 10 min. of 5 – 10 min)")
    low = int(m.group(1))
    return low, int(m.group(2) or low)


class Row(Strict):
    wat: Text
    duur: int = Field(gt=0, le=180, description="minutes this edition uses (the page's 'Duur' column)")
    bron_duur: Text = Field(description="the printed 'Tijd' cell verbatim, e.g. '10 min.' or '5 – 10 min'")
    bron_totaal: Text = Field(description="the printed 'Totale tijd' cell verbatim, e.g. '0.10' or '3 uur'")
    bijzonderheden: str = ""
    verwijzingen: list[str] = []

    @property
    def bron_eind(self) -> int:
        """The printed running time of this row, in minutes."""
        return printed_minutes(self.bron_totaal)

    @property
    def bron_bereik(self) -> bool:
        """The printed duration is a range ('5 – 10 min')."""
        low, high = printed_duration(self.bron_duur)
        return low != high

    @model_validator(mode="after")
    def _printed_cells_readable(self):
        printed_duration(self.bron_duur)
        printed_minutes(self.bron_totaal)
        return self


class HomeworkItem(Strict):
    tekst: Text
    verwijzingen: list[str] = []


class Homework(Strict):
    voor_bijeenkomst: int
    items: list[HomeworkItem] = Field(min_length=1)


class Choice(Strict):
    """Where the printed agenda contradicts itself in a row: the minutes this edition uses, and why. What the print
    says (its Tijd and Totale tijd cells) is read from the row, never typed here."""

    rij: Text
    gekozen: int
    reden: Text


@dataclass(frozen=True)
class Disagreement:
    """A row whose printed duration is a range, or differs from the step between two printed running times."""

    index: int
    row: "Row"
    van: int  # printed duration, lower bound
    tot: int  # printed duration, upper bound
    bron_vorige: str  # printed running time of the row before ("" for the first row)
    stap: int  # minutes between the two printed running times

    @property
    def is_range(self) -> bool:
        return self.van != self.tot


class Session(Strict):
    nummer: int = Field(ge=1, le=9)
    duur_minuten: int = Field(gt=0)
    thema: Text
    uitdelen: list[Text] = []
    meenemen: list[Text] = []
    agenda: list[Row] = Field(min_length=1)
    huiswerk: Homework | None = None
    keuzes: list[Choice] = []

    @model_validator(mode="after")
    def _choices_match_rows(self):
        rows = [r.wat for r in self.agenda]
        for choice in self.keuzes:
            if rows.count(choice.rij) != 1:
                raise ValueError(f"keuze voor rij '{choice.rij}': die rij staat niet precies één keer in de agenda")
            row = self.agenda[rows.index(choice.rij)]
            if row.duur != choice.gekozen:
                raise ValueError(f"keuze voor rij '{choice.rij}': gekozen {choice.gekozen} min, maar de rij heeft duur {row.duur}")
        chosen = {c.rij for c in self.keuzes}
        for d in self.disagreements():
            if d.row.wat not in chosen:
                raise ValueError(
                    f"rij '{d.row.wat}': het werkboek spreekt zichzelf tegen (Tijd '{d.row.bron_duur}', Totale tijd "
                    f"{d.bron_vorige or '0'} → {d.row.bron_totaal} = {d.stap} min); leg de keuze vast onder 'keuzes'")
        return self

    def disagreements(self) -> list[Disagreement]:
        """Rows where the print contradicts itself, computed from the printed cells alone."""
        out, before, before_cell = [], 0, ""
        for index, row in enumerate(self.agenda):
            now = printed_minutes(row.bron_totaal)
            van, tot = printed_duration(row.bron_duur)
            if van != tot or van != now - before:
                out.append(Disagreement(index, row, van, tot, before_cell, now - before))
            before, before_cell = now, row.bron_totaal
        return out

    def choice_for(self, row: Row) -> Choice | None:
        return next((c for c in self.keuzes if c.rij == row.wat), None)

    @property
    def printed_end(self) -> int:
        """Where the printed running times end (minutes)."""
        return printed_minutes(self.agenda[-1].bron_totaal)

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


def disagreement_report(training: Training) -> list[str]:
    """One line per row where the printed agenda contradicts itself, with the choice made."""
    lines = []
    for s in training.bijeenkomsten:
        for d in s.disagreements():
            choice = s.choice_for(d.row)
            lines.append(
                f"bijeenkomst {s.nummer}, rij '{d.row.wat}': werkboek: duur '{d.row.bron_duur}', Totale tijd "
                f"{d.bron_vorige or '0.00'} → {d.row.bron_totaal} ({d.stap} min); deze uitgave: {choice.gekozen} min")
    return lines


def mismatch_report(training: Training) -> list[str]:
    """One line per session whose computed total differs from its stated length."""
    return [
        f"bijeenkomst {s.nummer}: de tijden tellen op tot {duration_label(s.total)}, "
        f"gepland is {duration_label(s.duur_minuten)} ({'+' if s.mismatch > 0 else '−'}{duration_label(s.mismatch)})"
        for s in training.bijeenkomsten if s.mismatch
    ]
