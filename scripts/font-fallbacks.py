"""Print the metric-matched fallback faces for Atkinson Hyperlegible (the @font-face rules "Atkinson Fallback …" in
docs/assets/stylesheets/werkboek.css), so text set in a system font while the web font loads takes the same room and
nothing moves when it swaps in (no layout shift).

For each system font a phone or computer may have (Arial on iOS, macOS and Windows; Roboto on Android; DejaVu Sans
and Liberation Sans on Linux): size-adjust makes its average letter as wide as Atkinson's, weighted by how often each
character occurs in docs/; ascent, descent and line gap are Atkinson's (it sets USE_TYPO_METRICS: the typo metrics),
divided by size-adjust because the browser scales the overrides by it.

Run: .venv/bin/python scripts/font-fallbacks.py FONT.ttf… (e.g. from the Debian packages fonts-dejavu-core,
fonts-liberation and fonts-roboto-unhinted; Liberation Sans has Arial's metrics, so it stands in for Arial).
"""
import collections
import re
import sys
from pathlib import Path

from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parent.parent
FONTS = ROOT / "docs" / "assets" / "fonts"
# System font file name -> (family in the CSS, {weight: local() names a device may know it by})
LOCAL = {
    "DejaVuSans": ("DejaVu", {400: ["DejaVu Sans", "DejaVuSans"], 700: ["DejaVu Sans Bold", "DejaVuSans-Bold"]}),
    "LiberationSans": ("Arial", {400: ["Arial", "ArialMT", "Liberation Sans", "LiberationSans"],
                                 700: ["Arial Bold", "Arial-BoldMT", "Liberation Sans Bold", "LiberationSans-Bold"]}),
    "Roboto": ("Roboto", {400: ["Roboto", "Roboto-Regular"], 700: ["Roboto Bold", "Roboto-Bold"]}),
}


def frequencies() -> collections.Counter:
    text = "".join(p.read_text(encoding="utf-8") for p in (ROOT / "docs").rglob("*.md"))
    return collections.Counter(c for c in re.sub(r"[{<][^}>]*[}>]", "", text) if c.isprintable())


def metrics(path, freq):
    font = TTFont(path)
    upm, cmap, hmtx = font["head"].unitsPerEm, font.getBestCmap(), font["hmtx"]
    width = count = 0
    for char, n in freq.items():
        glyph = cmap.get(ord(char))
        if glyph:
            width, count = width + hmtx[glyph][0] * n, count + n
    os2 = font["OS/2"]
    if os2.fsSelection & (1 << 7):  # USE_TYPO_METRICS
        ascent, descent, gap = os2.sTypoAscender, -os2.sTypoDescender, os2.sTypoLineGap
    else:
        ascent, descent, gap = font["hhea"].ascent, -font["hhea"].descent, font["hhea"].lineGap
    return width / count / upm, ascent / upm, descent / upm, gap / upm


def main(paths):
    freq = frequencies()
    for weight, style in ((400, "normal"), (700, "normal")):
        target = metrics(FONTS / f"atkinson-hyperlegible-{weight}-{style}.woff2", freq)
        for path in paths:
            stem, _, variant = Path(path).stem.partition("-")
            if (variant == "Bold") != (weight == 700) or stem not in LOCAL:
                continue
            family, names = LOCAL[stem]
            own = metrics(path, freq)
            size = target[0] / own[0]
            local = ", ".join(f'local("{n}")' for n in names[weight])
            print(f'@font-face {{ font-family: "Atkinson Fallback {family}"; font-weight: {weight}; src: {local};\n'
                  f"  size-adjust: {size * 100:.2f}%; ascent-override: {target[1] / size * 100:.2f}%; "
                  f"descent-override: {target[2] / size * 100:.2f}%; line-gap-override: {target[3] / size * 100:.2f}%; }}")


if __name__ == "__main__":
    main(sys.argv[1:])
