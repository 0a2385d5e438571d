"""Make the web subsets of Atkinson Hyperlegible (docs/assets/fonts/web/) from the full fonts in docs/assets/fonts/.

The basis files cover Dutch text (ASCII, the accented letters and signs of Dutch, typographic quotes, dashes, ĳ and €)
without hinting or layout features, so a chapter page stays light; the extension files (the rest of Latin-1 and
Latin Extended-A) load only on a page that uses one of their letters (the unicode-range rules in
docs/assets/stylesheets/werkboek.css, printed by this script; tests/unit/test_web_fonts.py checks they match the
files). The PDFs use the full fonts.
Run: .venv/bin/python scripts/web-fonts.py
"""
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

FONTS = Path(__file__).resolve().parent.parent / "docs" / "assets" / "fonts"
EXTRA = [0x2018, 0x2019, 0x201A, 0x201C, 0x201D, 0x201E, 0x2013, 0x2014, 0x2026, 0x20AC, 0x2022, 0x2192, 0x2212,
         0x0132, 0x0133, 0x2032, 0x2033]
# Latin-1 letters and signs of Dutch text (and the ones the werkboek uses: § ´ × ß ø, the soft hyphen); the rest of
# Latin-1 goes to the extension. Each glyph left out of the basis is a few dozen bytes less on every page.
LATIN1 = [ord(c) for c in "\u00a0\u00ad§´×ßøàáâäçèéêëìíîïñòóôöùúûüÀÁÂÄÇÈÉÊËÌÍÎÏÑÒÓÔÖÙÚÛÜ«»°©·½"]
BASIS = sorted(set(range(0x20, 0x7F)) | set(LATIN1) | set(EXTRA))
EXTENSION = [c for c in range(0xA0, 0x180) if c not in BASIS]


def make(style: str, name: str, unicodes: list[int], features: list[str]) -> Path:
    options = subset.Options()
    options.flavor, options.hinting, options.layout_features = "woff2", False, features
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6, 13, 14]  # keep the copyright and licence
    font = TTFont(FONTS / f"atkinson-hyperlegible-{style}.woff2")
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=unicodes)
    subsetter.subset(font)
    out = FONTS / "web" / f"atkinson-hyperlegible-{style}-{name}.woff2"
    out.parent.mkdir(exist_ok=True)
    font.flavor = "woff2"
    font.save(out)
    return out


def unicode_range(codes: list[int]) -> str:
    """CSS unicode-range of code points, consecutive ones as a range."""
    runs: list[list[int]] = []
    for c in sorted(codes):
        if runs and c == runs[-1][1] + 1:
            runs[-1][1] = c
        else:
            runs.append([c, c])
    return ", ".join(f"U+{a:04X}" if a == b else f"U+{a:04X}-{b:04X}" for a, b in runs)


if __name__ == "__main__":
    print("basis: unicode-range:", unicode_range(BASIS))
    print("uitbreiding: unicode-range:", unicode_range(EXTENSION))
    for style in ("400-normal", "400-italic", "700-normal", "700-italic"):
        for path in (make(style, "basis", BASIS, []), make(style, "uitbreiding", EXTENSION, ["kern"])):
            print(path.relative_to(FONTS.parent.parent.parent), path.stat().st_size)
