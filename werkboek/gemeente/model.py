"""A gemeente's own werkboek: everything local in one YAML file (``gemeente.yml`` at the project root, or the file
that ``WERKBOEK_GEMEENTE`` names), validated into a ``Gemeente`` model.

The people who edit that file are policy officers and coordinators, so every problem is reported in plain Dutch
with the file and the line. Without the file the site and the PDFs show the source's blank, fillable versions.

Loaded by werkboek/gemeente/load.py. What reads the model: werkboek/gemeente/site_changes.py (site title, footer, logo, colours),
overrides/partials/werkblad/contact.html (``contacten``), blok-sectoren.html (``sector_voorbeeld``),
overrides/pdf/werkblad.html (``naam``, ``logo_url``) and werkboek/werkblad/pdf.py (``site_titel``, ``cache_key``).
"""
from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, PrivateAttr, ValidationInfo, field_validator
from typing_extensions import Required, TypedDict

from werkboek import ROOT, WERKBOEK_TITEL
from werkboek.datafile import unknown_key
from werkboek.gemeente import NETWERKKAART
from werkboek.gemeente.characters import check_length, printable_text
from werkboek.gemeente.checks import (
    clock_time,
    colour,
    days,
    email,
    logo_path,
    optional_text,
    phone,
    required_text,
    title_text,
    website,
)
from werkboek.gemeente.style import pdf_css, site_css


def _field(check, kind: str | None = None):
    """A field checked by ``check``, after its length is bounded by ``MAXIMA[kind]`` (werkboek/gemeente/characters.py)."""
    if kind is None:
        return Annotated[Any, AfterValidator(check)]
    return Annotated[Any, AfterValidator(_bounded(kind)), AfterValidator(check)]


def _bounded(kind: str):
    def check(value):
        if not isinstance(value, str):
            return value  # empty, or not text: the field's own check says so
        return check_length(printable_text(" ".join(value.split())), kind)
    return check


def _slot_id(value, info: ValidationInfo) -> str:
    slots = (info.context or {}).get("slots") or {}
    if slots and value not in slots:
        raise ValueError(unknown_key(str(value), list(slots), "onbekende regel van de verwijskaart"))
    return value


def _sector_id(value, info: ValidationInfo) -> str:
    sectors = (info.context or {}).get("sectoren") or []
    if sectors and value not in sectors:
        raise ValueError(unknown_key(str(value), sectors, "onbekend vak van de netwerkkaart"))
    return value


class Contact(TypedDict, total=False):
    """One contact of the verwijskaart. Empty parts stay fillable on the card."""

    __pydantic_config__ = ConfigDict(extra="forbid")  # type: ignore[misc]
    naam: Required[_field(required_text, "contact.naam")]
    telefoon: _field(phone, "contact.telefoon")
    email: _field(email, "contact.email")
    website: _field(website, "contact.website")
    van: _field(clock_time, "contact.van")
    tot: _field(clock_time, "contact.tot")
    dagen: _field(days, "contact.dagen")


class Kleuren(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    hoofdkleur: _field(colour) = Field(description="kop van de site, knoppen, titels; minstens 4,5 : 1 met wit")
    accentkleur: _field(colour) = Field(None, description="links bij aanwijzen; standaard een donkerder hoofdkleur")


class Gemeente(BaseModel):
    """The validated contents of gemeente.yml."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    naam: _field(required_text, "naam") = Field(description="naam van de gemeente, wijk, dorp of regio")
    site_titel: _field(title_text, "site_titel") = Field(WERKBOEK_TITEL, description="titel van de site; standaard die van het werkboek")
    logo: _field(logo_path, "logo") = Field(None, description="pad van het logo vanaf de hoofdmap (svg, png of jpg)")
    kleuren: Kleuren | None = None
    contacten: dict[Annotated[str, AfterValidator(_slot_id)], Contact] = Field(
        default_factory=dict, alias="verwijskaart", description="regel van de verwijskaart → contactgegevens")
    netwerkkaart: dict[Annotated[str, AfterValidator(_sector_id)], _field(optional_text, "netwerkkaart")] = Field(
        default_factory=dict, description="vak van de persoonlijke netwerkkaart → lokale voorbeelden")

    _root: Path = PrivateAttr(default=ROOT)
    _bron: Path | None = PrivateAttr(default=None)

    @field_validator("site_titel")
    @classmethod
    def _default_title(cls, value):
        return value or WERKBOEK_TITEL

    @field_validator("contacten")
    @classmethod
    def _drop_empty_parts(cls, value):
        # An empty value means "leave this part fillable": templates see only what was filled in.
        return {slot: {k: v for k, v in fields.items() if v is not None} for slot, fields in value.items()}

    @field_validator("netwerkkaart")
    @classmethod
    def _drop_empty_examples(cls, value):
        return {k: v for k, v in value.items() if v}

    def model_post_init(self, context: Any) -> None:
        context = context or {}
        self._root = Path(context.get("root", ROOT))
        self._bron = context.get("bron")

    @property
    def logo_pad(self) -> Path | None:
        return (self._root / self.logo).resolve() if self.logo else None

    @property
    def logo_url(self) -> str | None:
        """A file: URI of the logo (for WeasyPrint), or None."""
        return self.logo_pad.as_uri() if self.logo else None

    @property
    def bron(self) -> Path | None:
        return self._bron

    def sector_voorbeeld(self, instrument_id: str, sector_id: str) -> str | None:
        """The local example for a sector of the persoonlijke netwerkkaart (none for other instruments)."""
        return self.netwerkkaart.get(sector_id) if instrument_id == NETWERKKAART else None

    def cache_key(self) -> dict:
        """Everything local a PDF is made from (JSON-able), so a changed file or logo re-renders the PDFs."""
        return {
            "naam": self.naam,
            "site_titel": self.site_titel,
            "contacten": self.contacten,
            "netwerkkaart": self.netwerkkaart,
            "kleuren": self.kleuren.model_dump() if self.kleuren else None,
            "logo": hashlib.sha256(self.logo_pad.read_bytes()).hexdigest() if self.logo else None,
        }

    def pdf_css(self) -> str:
        """CSS variables for the PDF worksheets (werkboek/gemeente/style.py)."""
        return pdf_css(self)

    def kleuren_css(self) -> str:
        """CSS for the site's theme colours (werkboek/gemeente/style.py)."""
        return site_css(self)
