"""A gemeente's own werkboek: everything local in one YAML file (``gemeente.yml`` at the project root, or the file
that ``WERKBOEK_GEMEENTE`` names), validated into a ``Lokaal`` model.

The people who edit that file are policy officers and coordinators, so every problem is reported in plain Dutch
with the file and the line. Without the file the site and the PDFs show the source's blank, fillable versions.

What reads the model: hooks/gemeente.py (site title, footer, logo, colours), werkboek/site.py ``local_settings``,
overrides/partials/werkblad/contact.html (``contacten``), blok-sectoren.html (``sector_voorbeeld``),
overrides/pdf/werkblad.html (``naam``, ``logo_url``) and werkboek/pdf.py (``site_titel``, ``cache_key``).
"""
from __future__ import annotations

import difflib
import hashlib
import os
import re
from pathlib import Path
from typing import Annotated, Any

import yaml
from pydantic import (AfterValidator, BaseModel, ConfigDict, Field, PrivateAttr, ValidationError, ValidationInfo,
                      field_validator)
from typing_extensions import Required, TypedDict

from . import ROOT, WERKBOEK_TITEL
from .colours import MIN_CONTRAST, contrast, darker, lighten_until, lighter_keeping_contrast, tint
from .datafile import DataError, TextLoader, messages, read_yaml, unknown_key
from .gemeente_tekens import check_length, printable_text
from .gemeente_tekst import read_gemeente_text
from .loader import load_instrument
from .logo import check_logo

BESTAND = "gemeente.yml"
OMGEVING = "WERKBOEK_GEMEENTE"
VERWIJSKAART = "verwijskaart"
NETWERKKAART = "persoonlijke-netwerkkaart"
# The contact fields of the verwijskaart (overrides/partials/werkblad/contact.html); a one-line slot shows only
# the first three.
CONTACT_VELDEN = ("naam", "telefoon", "email", "website", "van", "tot", "dagen")
REGEL_VELDEN = ("naam", "telefoon", "email")


# ---------------------------------------------------------------------------------------------------------------
# Value checks: each takes the value as YAML gave it (text, or None when left empty) and returns the clean value,
# or raises ValueError with a message for the person who edits the file.

TAG = re.compile(r"<\s*[/!?]?\s*[A-Za-z]")


def _als_tekst(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, dict):
        raise ValueError("verwacht tekst, maar hier staan sleutels (naam: waarde) onder; haal die weg of zet de "
                         "tekst op dezelfde regel")
    if isinstance(value, list):
        raise ValueError("verwacht tekst, maar hier staat een lijst (regels met '-'); schrijf de tekst op één regel")
    text = printable_text(" ".join(str(value).split()))  # werkboek/gemeente_tekens.py: what the PDF fonts print
    if TAG.search(text) or re.search(r"javascript\s*:", text, re.IGNORECASE):
        raise ValueError(f"'{text}' bevat HTML of een script (iets tussen < en >); dat mag niet. Schrijf gewone "
                         "tekst, zonder < en >")
    return text or None


def _tekst(value) -> str | None:
    """Optional plain text: empty stays empty (the field stays fillable)."""
    return _als_tekst(value)


def _verplicht(value) -> str:
    text = _als_tekst(value)
    if text is None:
        raise ValueError("is leeg; vul hier een waarde in (verplicht)")
    return text


def _titel(value) -> str | None:
    text = _als_tekst(value)
    if text and '"' in text:
        raise ValueError(f"'{text}' bevat een recht aanhalingsteken (\"); gebruik ‘…’ of “…” in de titel")
    return text


PHONE_CHARS = re.compile(r"^\+?[0-9(][0-9 ()./-]*$")
PHONE_HINT = ("schrijf het als 010-1234567, 0512-345678, 06-12345678, 0900-1234, 0800-1234567, "
              "+31 6 12345678 of (gemeentenummer) 14 0512")


def _telefoon(value) -> str | None:
    text = _als_tekst(value)
    if text is None:
        return None
    if not PHONE_CHARS.match(text):
        raise ValueError(f"'{text}' is geen telefoonnummer: gebruik alleen cijfers, spaties en streepjes; {PHONE_HINT}")
    international = text.startswith("+") or text.startswith("00")
    digits = re.sub(r"\D", "", text.replace("(0)", "") if international else text)
    if international:
        digits = digits.removeprefix("00")
        national = "0" + digits[2:] if digits.startswith("31") else None
    else:
        national = digits
    special = re.compile(r"0(800|900|906|909)(\d{4}|\d{7})")
    ok = national is not None and (
        special.fullmatch(national)
        or (re.fullmatch(r"0[1-9]\d{8}", national) and not re.match(r"0(800|900|906|909)", national))
        or (not international and re.fullmatch(r"140\d{2,3}", national))
    )
    if not ok:
        raise ValueError(f"'{text}' is geen geldig Nederlands telefoonnummer; {PHONE_HINT}")
    # "+31 (0)6 …" is dialled without the (0): keep the link (tel:) right.
    return " ".join(text.replace("(0)", " ").split()) if international else text


EMAIL = re.compile(r"^[A-Za-z0-9._%+'-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
                   r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}$")


def _email(value) -> str | None:
    text = _als_tekst(value)
    if text is None:
        return None
    if not EMAIL.match(text):
        raise ValueError(f"'{text}' is geen geldig e-mailadres; schrijf het als naam@organisatie.nl (zonder spaties)")
    return text


WEBSITE = re.compile(r"^(https?://)?([A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,}(:\d+)?([/?#]\S*)?$",
                     re.IGNORECASE)


def _website(value) -> str | None:
    text = _als_tekst(value)
    if text is None:
        return None
    if not WEBSITE.match(text):
        raise ValueError(f"'{text}' is geen webadres; schrijf het als https://www.facebook.com/dorpshaven of "
                         "www.dorpshaven.nl (zonder spaties)")
    if re.match(r"http://", text, re.IGNORECASE):
        raise ValueError(f"'{text}' begint met http://; schrijf https:// (een beveiligde verbinding), zoals "
                         f"https://{text[7:]}")
    return text if re.match(r"https://", text, re.IGNORECASE) else "https://" + text


TIME = re.compile(r"^([01]?\d|2[0-3])[:.]([0-5]\d)(\s*uur)?$|^(24)[:.](00)(\s*uur)?$", re.IGNORECASE)


def _tijd(value) -> str | None:
    text = _als_tekst(value)
    if text is None:
        return None
    m = TIME.match(text)
    if not m:
        raise ValueError(f"'{text}' is geen tijd; schrijf uren en minuten met een dubbele punt, zoals 09:00 of 17:30")
    hours, minutes = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(5))
    return f"{int(hours):02d}:{minutes}"


DAGEN = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
KORT = dict(zip(("ma", "di", "wo", "do", "vr", "za", "zo"), DAGEN))
SAMEN = ("werkdagen", "dagelijks", "elke dag", "alle dagen")
DAGEN_HINT = "schrijf bijvoorbeeld 'maandag t/m vrijdag', 'dinsdag en donderdag' of 'ma, wo, vr'"


def _dag(word: str, whole: str) -> str:
    word = word.strip().rstrip(".")
    if word in DAGEN or word in KORT:
        return word
    guess = difflib.get_close_matches(word, DAGEN, n=1, cutoff=0.6)
    hint = f"Bedoelt u '{guess[0]}'? " if guess else ""
    raise ValueError(f"'{word}' (in '{whole}') is geen dag van de week. {hint}{DAGEN_HINT[0].upper()}{DAGEN_HINT[1:]}")


def _dagen(value) -> str | None:
    text = _als_tekst(value)
    if text is None:
        return None
    lower = text.lower()
    if lower in SAMEN:
        return text
    lower = re.sub(r"\s+tot\s+en\s+met\s+|\s+tot\s+", " t/m ", lower)
    parts = re.split(r"\s*,\s*|\s+en\s+|\s*&\s*|\s*;\s*", lower)
    for part in parts:
        if not part:
            raise ValueError(f"'{text}': er ontbreekt een dag tussen de komma's; {DAGEN_HINT}")
        ends = re.split(r"\s*(?:t/m|tm|-|–|—)\s*", part)
        if len(ends) > 2 or any(not e for e in ends):
            raise ValueError(f"'{text}' is niet te lezen als dagen; {DAGEN_HINT}")
        for end in ends:
            _dag(end, text)
    return text


COLOUR = re.compile(r"^#?([0-9a-fA-F]{6}|[0-9a-fA-F]{3})$")


def _kleur(value) -> str | None:
    text = _als_tekst(value)
    if text is None:
        raise ValueError("is leeg. Zet de kleur tussen aanhalingstekens, zoals \"#1d5a73\": zonder aanhalingstekens "
                         "leest YAML alles na # als opmerking")
    m = COLOUR.match(text)
    if not m:
        raise ValueError(f"'{text}' is geen kleur; schrijf een hexadecimale kleurcode tussen aanhalingstekens, zoals "
                         "\"#1d5a73\"")
    code = m.group(1).lower()
    if len(code) == 3:
        code = "".join(c * 2 for c in code)
    colour = "#" + code
    ratio = contrast(colour, "#ffffff")
    if ratio < MIN_CONTRAST:
        raise ValueError(f"'{text}' heeft te weinig contrast met wit ({_komma(ratio)} : 1; nodig is minstens "
                         f"{_komma(MIN_CONTRAST)} : 1, zodat tekst goed leesbaar is). Kies een donkerdere kleur")
    return colour


def _komma(number: float) -> str:
    return f"{number:.2f}".rstrip("0").rstrip(".").replace(".", ",")


def _logo(value, info: ValidationInfo) -> str | None:
    text = _als_tekst(value)
    if text is None:
        return None
    check_logo(text, Path((info.context or {}).get("root", ROOT)))  # werkboek/logo.py: path, size, content
    return text




# ---------------------------------------------------------------------------------------------------------------
# The model

def _field(check, kind: str | None = None):
    """A field checked by ``check``, after its length is bounded by ``MAXIMA[kind]`` (werkboek/gemeente_tekens.py)."""
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
    naam: Required[_field(_verplicht, "contact.naam")]
    telefoon: _field(_telefoon, "contact.telefoon")
    email: _field(_email, "contact.email")
    website: _field(_website, "contact.website")
    van: _field(_tijd, "contact.van")
    tot: _field(_tijd, "contact.tot")
    dagen: _field(_dagen, "contact.dagen")


class Kleuren(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    hoofdkleur: _field(_kleur) = Field(description="kop van de site, knoppen, titels; minstens 4,5 : 1 met wit")
    accentkleur: _field(_kleur) = Field(None, description="links bij aanwijzen; standaard een donkerder hoofdkleur")


class Lokaal(BaseModel):
    """The validated contents of gemeente.yml."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    naam: _field(_verplicht, "naam") = Field(description="naam van de gemeente, wijk, dorp of regio")
    site_titel: _field(_titel, "site_titel") = Field(WERKBOEK_TITEL, description="titel van de site; standaard die van het werkboek")
    logo: _field(_logo, "logo") = Field(None, description="pad van het logo vanaf de hoofdmap (svg, png of jpg)")
    kleuren: Kleuren | None = None
    contacten: dict[Annotated[str, AfterValidator(_slot_id)], Contact] = Field(
        default_factory=dict, alias="verwijskaart", description="regel van de verwijskaart → contactgegevens")
    netwerkkaart: dict[Annotated[str, AfterValidator(_sector_id)], _field(_tekst, "netwerkkaart")] = Field(
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
        """CSS variables for the PDF worksheets: titles and frames in the main colour (empty without colours)."""
        if not self.kleuren:
            return ""
        return f":root {{ --wb-accent: {self.kleuren.hoofdkleur}; --wb-fill: {tint(self.kleuren.hoofdkleur)}; }}"

    def kleuren_css(self) -> str:
        """CSS for the site's theme colours (empty without colours). Every colour used for text on white or as a
        background under white text keeps a contrast of at least 4.5 : 1; the dark scheme gets lightened variants
        that keep 4.5 : 1 against its background."""
        if not self.kleuren:
            return ""
        main = self.kleuren.hoofdkleur
        accent = self.kleuren.accentkleur or darker(main)
        light = lighter_keeping_contrast(main, "#ffffff", 0.2)
        dark = darker(main)
        fill = tint(main)
        r, g, b = (int(main[i:i + 2], 16) for i in (1, 3, 5))
        slate_bg = "#33292f"  # the lightest dark-scheme background text sits on (werkboek.css --wb-fill)
        slate_text = lighten_until(main, slate_bg)
        slate_accent = lighten_until(accent, slate_bg)
        return (
            f"/* Theme colours of {_css_comment(self.naam)}, generated from {BESTAND} (kleuren). */\n"
            ":root, [data-md-color-scheme=\"default\"] {\n"
            f"  --wb-accent: {main}; --wb-instrument: {main}; --wb-accent-light: {fill}; --wb-fill: {fill};\n"
            f"  --md-primary-fg-color: {main}; --md-primary-fg-color--light: {light};"
            f" --md-primary-fg-color--dark: {dark};\n"
            f"  --md-accent-fg-color: {accent}; --md-accent-fg-color--transparent: rgba({r}, {g}, {b}, 0.1);\n"
            f"  --md-typeset-a-color: {main};\n"
            "}\n"
            "[data-md-color-scheme=\"slate\"] {\n"
            f"  --wb-accent: {slate_text}; --wb-instrument: {slate_text};\n"
            f"  --md-primary-fg-color: {dark}; --md-primary-fg-color--light: {main};"
            f" --md-primary-fg-color--dark: {darker(dark)};\n"
            f"  --md-accent-fg-color: {slate_accent}; --md-typeset-a-color: {slate_text};\n"
            "}\n"
        )


def _css_comment(text: str) -> str:
    return text.replace("*/", "* /")


# ---------------------------------------------------------------------------------------------------------------
# Loading

VALID_KEYS = {
    "": [(f.alias or name) for name, f in Lokaal.model_fields.items()],
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


def load_lokaal(path: Path, root: Path = ROOT, forms_dir: Path | None = None) -> Lokaal:
    """Read and validate a gemeente file. Raises DataError with one line per problem: file, line, field, what to
    do — in Dutch."""
    root = Path(root)
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
    context = {"root": root, "bron": Path(path), **forms_context(forms_dir or root / "forms")}
    problems = _cross_checks(data, context["slots"])
    try:
        lokaal = Lokaal.model_validate(data, context=context)
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
            van, tot = _tijd(fields.get("van")), _tijd(fields.get("tot"))
        except ValueError:
            continue  # reported by the field's own check
        if van and tot and van >= tot:
            problems.append((["verwijskaart", slot, "van"],
                             f"'van' ({van}) moet eerder zijn dan 'tot' ({tot}); controleer de tijden"))
    return problems
