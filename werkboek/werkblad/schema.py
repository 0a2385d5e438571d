"""One pydantic schema for every instrument in forms/*.yml.

An instrument is a list of blocks; each block kind has its own model (discriminated on ``soort``). Every item
carries an ``id`` that becomes part of a PDF field name, so ids are kebab-case (no dots, no spaces) and unique
within their instrument.
"""
from __future__ import annotations

from typing import Annotated, Literal, Union, get_args

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, model_validator

from werkboek import DATA_DIR
from werkboek.datafile import read_yaml
from werkboek.memo import files_stamp, memoized

FASEMODEL_PATH = DATA_DIR / "fasemodel.yml"

Id = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=60),
    Field(description="kebab-case: kleine letters, cijfers en koppeltekens (geen punt, geen spatie)"),
]
Text = Annotated[str, StringConstraints(min_length=1, strip_whitespace=True)]


def phase_ids() -> tuple[str, ...]:
    """The phases of the fasemodel (data/fasemodel.yml, the one place they are typed): its phases, then its ring.
    Read when an instrument is validated (and for the JSON Schema), never at import."""
    def read() -> tuple[str, ...]:
        data, _ = read_yaml(FASEMODEL_PATH)
        data = data or {}
        return (*(f["id"] for f in data.get("fases") or []), (data.get("ring") or {}).get("id"))

    return memoized("phase-ids", files_stamp([FASEMODEL_PATH]), read)


def _known_phase(value: str) -> str:
    known = phase_ids()
    if value not in known:
        expected = ", ".join(f"'{p}'" for p in known[:-1]) + f" of '{known[-1]}'"
        raise ValueError(f"'{value}' is niet toegestaan; verwacht {expected}")
    return value


Phase = Annotated[str, AfterValidator(_known_phase)]


# What a write-in field holds; it sets the field's width (the widest for tekst, just enough for the others):
# a sentence, a name, a word or two (an interest: "Tuinieren"), a date, a number.
Input = Literal["tekst", "naam", "woord", "datum", "getal"]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Item(Strict):
    """One line of the source that the reader answers or ticks."""

    id: Id
    tekst: Text = Field(description="the item's text, verbatim from the source; also the PDF field's tooltip")
    eigen: bool = Field(False, description="the item's text is completed by the reader ('Anders, namelijk …')")
    voorbeeld: str | None = Field(None, description="example text printed in grey (e.g. 'Bijv. kerk, moskee')")


class Option(Strict):
    waarde: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9]+$")]
    label: str = ""


class Round(Strict):
    """An answer column: 6.10 is filled in twice (§10.1), each round with its own date."""

    id: Id
    kop: Text
    datum: bool = True


class Group(Strict):
    id: Id
    titel: Text
    items: list[Item] = []
    extra_regels: int = Field(0, ge=0, le=30, description="blank writable lines after the items")
    invoer: Input = Field("tekst", description="what is written on the extra lines (sets their width)")


class Checklist(Strict):
    """Groups of signals or options, each with a checkbox (5.3 Signaleringskaart, 8.6 Interesses)."""

    soort: Literal["checklist"]
    id: Id
    titel: str | None = None
    kolommen: int = Field(2, ge=1, le=4, description="columns the groups flow into on paper")
    afvinken: bool = Field(True, description="each item has a checkbox; false = a list to read (5.3: 'niet om af te "
                           "vinken'), its extra lines stay writable")
    groepen: list[Group] = Field(min_length=1)


class Scale(Strict):
    """Statements answered on a scale: A/B/C (6.8, 6.10) or 1–5 (10.3)."""

    soort: Literal["schaal"]
    id: Id
    titel: str | None = None
    legenda: Text = Field(description="the scale's explanation, verbatim ('A = helemaal niet mee eens; …')")
    kop_items: str = Field("Stelling", description="column header of the statements")
    opties: list[Option] = Field(min_length=2)
    rondes: list[Round] = Field(default_factory=list, description="several answer columns; empty = one")
    notitie: str | None = Field(None, description="header of a note column beside each item")
    notitie_regels: int = Field(2, ge=1, le=6, description="writing lines in the note column, per item")
    genummerd: bool = Field(False, description="the statements are numbered 1., 2., … as in print")
    items: list[Item] = Field(min_length=1)


class Prompt(Strict):
    id: Id
    tekst: Text
    regels: int = Field(3, ge=1, le=30, description="writing lines")
    voorbeeld: str | None = None


class Prompts(Strict):
    """Questions answered in writing (4.3, 6.7, 8.5 wensen, 8.6 waarden)."""

    soort: Literal["vragen"]
    id: Id
    sectie: str | None = Field(None, description="a heading over this and the following blocks (8.5 'Mijn wensen:'); "
                               "on paper it starts a new page")
    titel: str | None = None
    genummerd: bool = False
    items: list[Prompt] = Field(min_length=1)


class Column(Strict):
    id: Id
    kop: Text
    toelichting: str | None = None
    invoer: Input = Field("tekst", description="what is written in the column: tekst (the widest), naam, datum or getal (short)")


class Row(Strict):
    id: Id
    label: str = ""
    eigen: bool = False


class Table(Strict):
    """Rows × columns of writable cells (4.2 Concreet vervolg, 7.4 Feedbackformulier, 7.5 Bekend Besluiten
    Bereiken)."""

    soort: Literal["tabel"]
    id: Id
    titel: str | None = None
    kop_rijen: str | None = Field(None, description="header of the row-label column; none = no label column")
    kolommen: list[Column] = Field(min_length=1)
    rijen: list[Row] = Field(min_length=1)
    regels: int = Field(2, ge=1, le=30, description="writing lines per cell")


class Entry(Strict):
    """A line of text to read, optionally with sub-lines (7.6: question 5 with a and b)."""

    id: Id
    tekst: Text
    toelichting: str | None = None
    sub: list["Entry"] = []


class Info(Strict):
    """Text that is read, not filled in (6.9 Doen / Niet doen, 7.6 Voorbeeldvragen)."""

    soort: Literal["lijst"]
    id: Id
    titel: str | None = None
    genummerd: bool = False
    items: list[Entry] = Field(min_length=1)
    aantekeningen: int = Field(0, ge=0, le=30, description="writing lines for notes after the list")


class Sectors(Strict):
    """A person or theme in the middle with sectors around it (8.5 Mijn talenten, 8.7 Netwerkkaart)."""

    soort: Literal["sectoren"]
    id: Id
    titel: str | None = None
    midden: Text
    items: list[Prompt] = Field(min_length=2, max_length=12)
    toon_voorbeelden: bool = True


class Contact(Strict):
    """A contact slot of the verwijskaart: one line to write a name on, or the full contact block."""

    id: Id
    label: Text
    volledig: bool = Field(False, description="naam/organisatie/team, tel, e-mail, Facebook, bereikbaar, dagen")


class Box(Strict):
    id: Id
    tekst: Text
    punten: list[Text] = []
    contacten: list[Contact] = []
    na_contact: str | None = Field(None, description="text after the contact line ('en bespreek (anoniem) …')")


class Arrow(Strict):
    van: Id
    naar: Id
    label: str | None = None


class Flow(Strict):
    """Boxes and arrows (11.5 Verwijskaart)."""

    soort: Literal["stroomschema"]
    id: Id
    titel: str | None = None
    kopregels: list[Text] = Field(default_factory=list, description="lines above the flowchart")
    contact: Contact | None = Field(None, description="the main contact block")
    vakken: list[Box] = Field(min_length=2)
    pijlen: list[Arrow] = Field(min_length=1)

    @model_validator(mode="after")
    def _arrows_connect_boxes(self):
        ids = {b.id for b in self.vakken}
        for arrow in self.pijlen:
            for end in (arrow.van, arrow.naar):
                if end not in ids:
                    raise ValueError(f"pijl verwijst naar onbekend vak '{end}'; bekende vakken: {', '.join(sorted(ids))}")
        return self


class Step(Strict):
    id: Id
    stap: int = Field(ge=1, le=9)
    kop: Text
    vraag: str | None = None


class Columns(Strict):
    """Columns filled in step by step, right to left (11.6 Partnerschapskaart)."""

    soort: Literal["kolommen"]
    id: Id
    titel: str | None = None
    richting: Literal["links-naar-rechts", "rechts-naar-links"] = "links-naar-rechts"
    kolommen: list[Step] = Field(min_length=2)
    regels: int = Field(12, ge=1, le=40)


Block = Annotated[
    Union[Checklist, Scale, Prompts, Table, Info, Sectors, Flow, Columns],
    Field(discriminator="soort"),
]
# The block kinds ("checklist", "schaal", …), from the models above.
BLOCK_KINDS = tuple(get_args(model.model_fields["soort"].annotation)[0] for model in get_args(get_args(Block)[0]))


class Page(Strict):
    formaat: Literal["A4", "A3"] = "A4"
    orientatie: Literal["staand", "liggend"] = "staand"


class Choice(Strict):
    """Where the source contradicts itself or is incomplete: what was chosen, and why."""

    onderwerp: Text
    keuze: Text
    reden: Text


class Instrument(Strict):
    id: Id
    nummer: Annotated[str, StringConstraints(pattern=r"^\d{1,2}\.\d{1,2}$")]
    titel: Text
    soort: Literal["instrument", "opdracht"] = "instrument"
    hoofdstuk: int = Field(ge=1, le=12)
    fase: Phase
    pagina: Page = Page()
    inleiding: list[Text] = Field(default_factory=list, description="paragraphs before the items, verbatim")
    naam_datum: bool = Field(False, description="Naam and Datum fields, where the source has them")
    blokken: list[Block] = Field(min_length=1)
    slot: list[Text] = Field(default_factory=list, description="paragraphs after the items, verbatim")
    bron: list[Text] = Field(default_factory=list, description="attribution lines, verbatim")
    keuzes: list[Choice] = []
    redactie: Text | None = Field(
        None, description="one visible sentence on the worksheet where this edition built or read more than the print "
                          "gives (its choices are listed in the Verantwoording)")

    @model_validator(mode="after")
    def _chapter_matches_number(self):
        if int(self.nummer.split(".")[0]) != self.hoofdstuk:
            raise ValueError(f"hoofdstuk {self.hoofdstuk} past niet bij nummer {self.nummer}")
        return self

    @model_validator(mode="after")
    def _ids_unique(self):
        seen: dict[str, str] = {}
        for path, ident in self.iter_ids():
            if ident in seen:
                raise ValueError(f"id '{ident}' komt twee keer voor ({seen[ident]} en {path}); ids moeten uniek zijn")
            seen[ident] = path
        return self

    def iter_ids(self):
        """Every id that becomes part of a field name, with a readable path."""
        for bi, block in enumerate(self.blokken):
            yield f"blokken[{bi}]", block.id
            for attr in ("groepen", "items", "rijen", "kolommen", "vakken"):
                children = getattr(block, attr, None)
                if not isinstance(children, list):
                    continue
                for ii, child in enumerate(children):
                    yield f"blokken[{bi}].{attr}[{ii}]", child.id
                    for gi, sub in enumerate(getattr(child, "items", []) or []):
                        yield f"blokken[{bi}].{attr}[{ii}].items[{gi}]", sub.id
                    for gi, sub in enumerate(getattr(child, "sub", []) or []):
                        yield f"blokken[{bi}].{attr}[{ii}].sub[{gi}]", sub.id
                    for gi, sub in enumerate(getattr(child, "contacten", []) or []):
                        yield f"blokken[{bi}].{attr}[{ii}].contacten[{gi}]", sub.id
            if getattr(block, "contact", None):
                yield f"blokken[{bi}].contact", block.contact.id


