"""The web font subsets (docs/assets/fonts/web/, scripts/web-fonts.py) and the unicode-range rules that choose them
(docs/assets/stylesheets/werkboek.css) agree: a browser asks for a file exactly for the characters it holds, every
character of the site's own text is in a basis file (loaded with the page), and basis and extension do not overlap."""
from __future__ import annotations

import re

import pytest
from fontTools.ttLib import TTFont

from werkboek import ROOT

CSS = ROOT / "docs" / "assets" / "stylesheets" / "werkboek.css"
WEB = ROOT / "docs" / "assets" / "fonts" / "web"
FACE = re.compile(r"@font-face\s*\{[^}]*?url\(\"\.\./fonts/web/([^\"]+)\"\)[^}]*?unicode-range:\s*([^;]+);", re.S)


def ranges() -> dict[str, set[int]]:
    found = {}
    for file, spec in FACE.findall(CSS.read_text(encoding="utf-8")):
        codes = set()
        for part in spec.split(","):
            first, _, last = part.strip().removeprefix("U+").partition("-")
            codes |= set(range(int(first, 16), int(last or first, 16) + 1))
        found[file] = codes
    return found


def test_every_web_font_file_has_a_rule():
    assert set(ranges()) == {p.name for p in WEB.glob("*.woff2")}


@pytest.mark.parametrize("file", sorted(p.name for p in WEB.glob("*.woff2")))
def test_unicode_range_is_what_the_file_holds(file):
    cmap = set(TTFont(WEB / file).getBestCmap())
    declared = ranges()[file]
    # a range may name a code point the full font lacks (nothing to hold); none the file holds may be missing
    assert cmap <= declared, sorted(hex(c) for c in cmap - declared)
    assert cmap >= declared & set(TTFont(WEB.parent / file.replace("-basis", "").replace("-uitbreiding", "")).getBestCmap())


def test_basis_and_extension_do_not_overlap_and_the_text_needs_no_extension():
    found = ranges()
    text = "".join(p.read_text(encoding="utf-8") for p in (ROOT / "docs").rglob("*.md"))
    text += "".join(p.read_text(encoding="utf-8") for p in (ROOT / "forms").glob("*.yml"))
    for basis in (f for f in found if "-basis" in f):
        extension = found[basis.replace("-basis", "-uitbreiding")]
        assert not found[basis] & extension
        needed = {ord(c) for c in text} & extension
        assert not needed, f"{basis}: tekst met tekens uit de uitbreiding: {sorted(chr(c) for c in needed)}"
