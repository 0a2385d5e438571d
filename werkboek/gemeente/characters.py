"""Which characters and how many a gemeente value may have: every value must print in the PDFs exactly as it shows
on the site, and fit the place it prints in.

- Characters: a value may use every character of the printed font (Atkinson Hyperlegible: Latin-1, most of Latin
  Extended-A, Romanian, curly quotes, dashes, €, …). A character the font lacks but that has a plain equivalent is
  written as that equivalent everywhere (the Dutch ĳ/Ĳ as ij/IJ, ligatures such as ﬁ as fi, a no-break space as a
  space). Invisible zero-width characters (pasted along from Word or a web page) are dropped. Anything else — emoji,
  other scripts, direction overrides that make text read differently than it is stored — is refused, naming the
  character.
- Lengths: ``MAXIMA`` per kind of field, agreed with the layout of the verwijskaart (werkblad 11.5): every value at
  its maximum still fits every PDF (tests/site/test_gemeente_grenzen.py).
"""
from __future__ import annotations

import functools
import unicodedata

from werkboek import ROOT

FONTS = ROOT / "docs" / "assets" / "fonts"
MAXIMA = {
    "naam": 60,  # the gemeente's name: header of every worksheet, footer, book cover
    "site_titel": 60,
    "logo": 120,  # a path
    "contact.naam": 60,  # Naam/organisatie/team on the verwijskaart
    "contact.telefoon": 25,
    "contact.email": 60,
    "contact.website": 80,
    "contact.dagen": 50,  # "maandag, dinsdag, woensdag, donderdag en vrijdag" is 48
    "contact.van": 10,  # "17.30 uur"
    "contact.tot": 10,
    "netwerkkaart": 100,  # an example in one sector of the netwerkkaart
}
ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))
DIRECTION = set(range(0x202A, 0x202F)) | set(range(0x2066, 0x206A)) | {0x200E, 0x200F, 0x061C}


@functools.lru_cache(maxsize=1)
def printable() -> frozenset[int]:
    """The code points every style of the printed font has (normal, bold, italic, bold italic)."""
    from fontTools.ttLib import TTFont

    sets = [set(TTFont(path).getBestCmap()) for path in sorted(FONTS.glob("atkinson-hyperlegible-*.woff2"))]
    return frozenset(set.intersection(*sets)) if sets else frozenset()


def _shown(text: str) -> str:
    """The text for a message, with invisible characters made visible (a direction override would garble it)."""
    return "".join(f"[U+{ord(c):04X}]" if ord(c) in DIRECTION or unicodedata.category(c) in ("Cc", "Cf") else c
                   for c in text)


def printable_text(text: str) -> str:
    """``text`` with every character printable in the PDFs (see the module docstring), or ValueError (Dutch)."""
    font = printable()
    text = unicodedata.normalize("NFC", text).translate(ZERO_WIDTH)
    out = []
    for char in text:
        code = ord(char)
        if code in font or char == " ":
            out.append(char)
            continue
        if code in DIRECTION or unicodedata.category(char) in ("Cc", "Cf", "Co", "Cs", "Cn"):
            raise ValueError(f"'{_shown(text)}' bevat een onzichtbaar stuurteken (U+{code:04X}) dat de tekst "
                             "anders kan laten lezen dan hij er staat; typ de tekst opnieuw zonder te plakken")
        plain = unicodedata.normalize("NFKC", char)
        if plain != char and all(ord(c) in font or c == " " for c in plain):
            out.append(plain)
            continue
        raise ValueError(f"'{_shown(text)}' bevat '{char}' (U+{code:04X}); dat teken staat niet in het "
                         "lettertype van de PDF-werkbladen en zou daar als een leeg vakje verschijnen. Laat het weg "
                         "of schrijf het in letters")
    return " ".join("".join(out).split())


def check_length(text: str, kind: str) -> str:
    """``text`` if it is at most ``MAXIMA[kind]`` characters, else ValueError (Dutch, naming the maximum)."""
    most = MAXIMA[kind]
    if len(text) > most:
        raise ValueError(f"is te lang ({len(text)} tekens); maximaal {most} tekens, zodat het op de site en in de "
                         f"PDF's past. Kort het in: '{text[:most]}…'")
    return text
