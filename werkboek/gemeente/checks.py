"""The checks of each value of gemeente.yml. Each takes the value as YAML gave it (text, or None when left empty) and
returns the clean value, or raises ValueError with a message for the person who edits the file."""
from __future__ import annotations

import difflib
import re
from pathlib import Path

from pydantic import ValidationInfo

from werkboek import ROOT
from werkboek.gemeente.characters import printable_text
from werkboek.gemeente.colours import MIN_CONTRAST, contrast
from werkboek.gemeente.logo import check_logo

# or raises ValueError with a message for the person who edits the file.

TAG = re.compile(r"<\s*[/!?]?\s*[A-Za-z]")


def as_text(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, dict):
        raise ValueError("verwacht tekst, maar hier staan sleutels (naam: waarde) onder; haal die weg of zet de "
                         "tekst op dezelfde regel")
    if isinstance(value, list):
        raise ValueError("verwacht tekst, maar hier staat een lijst (regels met '-'); schrijf de tekst op één regel")
    text = printable_text(" ".join(str(value).split()))  # werkboek/gemeente/characters.py: what the PDF fonts print
    if TAG.search(text) or re.search(r"javascript\s*:", text, re.IGNORECASE):
        raise ValueError(f"'{text}' bevat HTML of een script (iets tussen < en >); dat mag niet. Schrijf gewone "
                         "tekst, zonder < en >")
    return text or None


def optional_text(value) -> str | None:
    """Optional plain text: empty stays empty (the field stays fillable)."""
    return as_text(value)


def required_text(value) -> str:
    text = as_text(value)
    if text is None:
        raise ValueError("is leeg; vul hier een waarde in (verplicht)")
    return text


def title_text(value) -> str | None:
    text = as_text(value)
    if text and '"' in text:
        raise ValueError(f"'{text}' bevat een recht aanhalingsteken (\"); gebruik ‘…’ of “…” in de titel")
    return text


PHONE_CHARS = re.compile(r"^\+?[0-9(][0-9 ()./-]*$")
PHONE_HINT = ("schrijf het als 010-1234567, 0512-345678, 06-12345678, 0900-1234, 0800-1234567, "
              "+31 6 12345678 of (gemeentenummer) 14 0512")


def phone(value) -> str | None:
    text = as_text(value)
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


def email(value) -> str | None:
    text = as_text(value)
    if text is None:
        return None
    if not EMAIL.match(text):
        raise ValueError(f"'{text}' is geen geldig e-mailadres; schrijf het als naam@organisatie.nl (zonder spaties)")
    return text


WEBSITE = re.compile(r"^(https?://)?([A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,}(:\d+)?([/?#]\S*)?$",
                     re.IGNORECASE)


def website(value) -> str | None:
    text = as_text(value)
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


def clock_time(value) -> str | None:
    text = as_text(value)
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


def _day(word: str, whole: str) -> str:
    word = word.strip().rstrip(".")
    if word in DAGEN or word in KORT:
        return word
    guess = difflib.get_close_matches(word, DAGEN, n=1, cutoff=0.6)
    hint = f"Bedoelt u '{guess[0]}'? " if guess else ""
    raise ValueError(f"'{word}' (in '{whole}') is geen dag van de week. {hint}{DAGEN_HINT[0].upper()}{DAGEN_HINT[1:]}")


def days(value) -> str | None:
    text = as_text(value)
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
            _day(end, text)
    return text


COLOUR = re.compile(r"^#?([0-9a-fA-F]{6}|[0-9a-fA-F]{3})$")


def colour(value) -> str | None:
    text = as_text(value)
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
        raise ValueError(f"'{text}' heeft te weinig contrast met wit ({decimal_comma(ratio)} : 1; nodig is minstens "
                         f"{decimal_comma(MIN_CONTRAST)} : 1, zodat tekst goed leesbaar is). Kies een donkerdere kleur")
    return colour


def decimal_comma(number: float) -> str:
    return f"{number:.2f}".rstrip("0").rstrip(".").replace(".", ",")


def logo_path(value, info: ValidationInfo) -> str | None:
    text = as_text(value)
    if text is None:
        return None
    check_logo(text, Path((info.context or {}).get("root", ROOT)))  # werkboek/gemeente/logo.py: path, size, content
    return text
