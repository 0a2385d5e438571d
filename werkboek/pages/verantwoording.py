"""The Verantwoording (editorial account): every place where this edition differs from the printed werkboek, and why.

Three sources, each value typed once:
- data/verantwoording.yml: text and figures (and anything else that is not an instrument's or an agenda's choice);
- forms/*.yml `keuzes`: one entry per instrument that has choices ("keuzes-werkblad-<id>");
- data/training.yml `keuzes`: one entry per agenda row where the print contradicts itself ("agenda-<n>-<rij>").

Each entry names its place (a page in docs/ and an anchor there); the place carries a visible marker that links to
the entry (the `redactie()` macro, the agenda note, the worksheet note)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from pydantic import Field, model_validator

from werkboek import DATA_DIR
from werkboek.datafile import read_yaml, validate
from werkboek.errors import DataError
from werkboek.memo import files_stamp, memoized
from werkboek.site import chapter_sources
from werkboek.training.model import duration_label
from werkboek.werkblad.schema import Id, Instrument, Strict, Text

VERANTWOORDING_PATH = DATA_DIR / "verantwoording.yml"
PAGE = "verantwoording.md"
GROUPS = {"tekst": "Tekst", "figuren": "Figuren en tabellen", "instrumenten": "Werkbladen (instrumenten)",
          "training": "Training (Bijlage 1)"}
Group = Literal["tekst", "figuren", "instrumenten", "training"]


class Place(Strict):
    pagina: Text = Field(description="the Markdown page in docs/, e.g. 07-luisteren.md")
    anker: Text = Field(description="an id on that page, e.g. s7-3")


class Reference(Strict):
    """A reference the print gets wrong: the verwijzingen extension (werkboek/markdown/verwijzingen.py) links `tekst` to `doel` where the print has `gedrukt`."""

    gedrukt: Text = Field(description="the reference as printed, verbatim")
    tekst: Text = Field(description="the reference as this edition shows it")
    doel: Text = Field(description="a section key (s7-2, h4) or '#id' on the same page")


class Entry(Strict):
    id: Id
    groep: Group
    titel: Text
    plaats: Place
    bron: Text = Field(description="what the printed werkboek has here")
    uitgave: Text = Field(description="what this edition did")
    reden: Text = Field(description="why")
    verwijzing: Reference | None = None


class Verantwoording(Strict):
    ingrepen: list[Entry] = Field(min_length=1)

    @model_validator(mode="after")
    def _ids_unique(self):
        seen = set()
        for entry in self.ingrepen:
            if entry.id in seen:
                raise ValueError(f"id '{entry.id}' komt twee keer voor; ieder id maar één keer")
            seen.add(entry.id)
        return self


@dataclass(frozen=True)
class Item:
    """One entry as the page shows it, whatever file it comes from."""

    id: str
    groep: str
    titel: str
    pagina: str
    anker: str
    bron: str
    uitgave: str
    reden: str
    keuzes: tuple = field(default=())  # (onderwerp, keuze, reden) of an instrument
    herkomst: str = ""  # the data file that holds it


def load_verantwoording(path: Path = VERANTWOORDING_PATH) -> Verantwoording:
    def parse():
        data, lines = read_yaml(path)
        if not isinstance(data, dict):
            raise DataError(f"{path}: verwacht een lijst 'ingrepen' met een ingreep per onderdeel")
        return validate(Verantwoording, data, path, lines)

    return memoized(f"verantwoording:{path}", files_stamp([Path(path)]), parse)


def instrument_entry_id(instrument: Instrument) -> str:
    return f"keuzes-werkblad-{instrument.id}"


def agenda_entry_id(session_number: int, row_index: int) -> str:
    return f"agenda-{session_number}-rij-{row_index + 1}"


def chapter_page(docs: Path, chapter: int) -> str:
    found = chapter_sources(docs).get(chapter)
    if found is None:
        raise DataError(f"docs/: geen pagina voor hoofdstuk {chapter} (verwacht {chapter:02d}-….md)")
    return found


def instrument_items(instruments: dict[str, Instrument], docs: Path) -> list[Item]:
    out = []
    for instrument in instruments.values():
        if not instrument.keuzes:
            continue
        out.append(Item(
            id=instrument_entry_id(instrument), groep="instrumenten",
            titel=f"{instrument.nummer} {instrument.titel}",
            pagina=chapter_page(docs, instrument.hoofdstuk), anker=f"werkblad-{instrument.id}",
            bron="", uitgave=instrument.redactie or "", reden="",
            keuzes=tuple((k.onderwerp, k.keuze, k.reden) for k in instrument.keuzes),
            herkomst=f"forms/{instrument.id}.yml"))
    return out


def agenda_items(training, page: str = "bijlagen/1-trainershandleiding.md") -> list[Item]:
    out = []
    for s in training.bijeenkomsten:
        for d in s.disagreements():
            choice = s.choice_for(d.row)
            printed = (f"In de kolom Tijd (op deze site: Duur) staat ‘{d.row.bron_duur}’; de Totale tijd gaat van "
                       f"{d.bron_vorige or '0.00'} naar {d.row.bron_totaal}, een stap van {duration_label(d.stap)}.")
            out.append(Item(
                id=agenda_entry_id(s.nummer, d.index), groep="training",
                titel=f"Bijeenkomst {s.nummer}: {d.row.wat}",
                pagina=page, anker=f"bijeenkomst-{s.nummer}-agenda",
                bron=printed, uitgave=f"Deze uitgave rekent met {duration_label(choice.gekozen)}.",
                reden=choice.reden, herkomst="data/training.yml"))
    return out


def all_items(docs: Path, instruments: dict[str, Instrument], training,
              path: Path = VERANTWOORDING_PATH) -> list[Item]:
    """Every entry, in group order; ids are unique across the three sources."""
    own = [Item(id=e.id, groep=e.groep, titel=e.titel, pagina=e.plaats.pagina, anker=e.plaats.anker, bron=e.bron,
                uitgave=e.uitgave, reden=e.reden, herkomst="data/verantwoording.yml")
           for e in load_verantwoording(path).ingrepen]
    items = own + instrument_items(instruments, docs) + agenda_items(training)
    seen: dict[str, str] = {}
    for item in items:
        if item.id in seen:
            raise DataError(f"{path}: id '{item.id}' bestaat al (in {seen[item.id]}); kies een ander id")
        seen[item.id] = item.herkomst
    for item in own:
        if not (Path(docs) / item.pagina).is_file():
            raise DataError(f"{path}: ingreep '{item.id}': pagina '{item.pagina}' bestaat niet in docs/")
    order = list(GROUPS)
    return sorted(items, key=lambda i: order.index(i.groep))


def references(path: Path = VERANTWOORDING_PATH) -> dict[str, list[tuple[str, Reference]]]:
    """Page → [(entry id, wrong reference)] for the verwijzingen extension."""
    out: dict[str, list] = {}
    for entry in load_verantwoording(path).ingrepen:
        if entry.verwijzing:
            out.setdefault(entry.plaats.pagina, []).append((entry.id, entry.verwijzing))
    return out


def place_label(item: Item, sections: dict, docs: Path) -> str:
    """A readable name for an entry's place: the numbered section its anchor names, or else the page's title."""
    for section in sections.values():
        if section.src_uri == item.pagina and section.anchor == item.anker:
            return section.title
    text = (Path(docs) / item.pagina).read_text(encoding="utf-8")
    title = re.search(r"^#\s+(.+?)\s*$", text, re.M)
    return title.group(1) if title else item.pagina


MARKER = re.compile(r'data-redactie="([a-z0-9-]+)"')


def markers_in(html: str) -> set[str]:
    """The entry ids that the markers in a rendered page point to."""
    return set(MARKER.findall(html))
