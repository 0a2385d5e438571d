"""The gemeente's colours as CSS: variables for the PDF worksheets, and the site's theme colours for both schemes,
every colour keeping its contrast (werkboek/gemeente/colours.py)."""
from __future__ import annotations

from werkboek.gemeente import BESTAND
from werkboek.gemeente.colours import darker, lighten_until, lighter_keeping_contrast, tint


def pdf_css(gemeente) -> str:
    """CSS variables for the PDF worksheets: titles and frames in the main colour (empty without colours)."""
    if not gemeente.kleuren:
        return ""
    return f":root {{ --wb-accent: {gemeente.kleuren.hoofdkleur}; --wb-fill: {tint(gemeente.kleuren.hoofdkleur)}; }}"

def site_css(gemeente) -> str:
    """CSS for the site's theme colours (empty without colours). Every colour used for text on white or as a
    background under white text keeps a contrast of at least 4.5 : 1; the dark scheme gets lightened variants
    that keep 4.5 : 1 against its background."""
    if not gemeente.kleuren:
        return ""
    main = gemeente.kleuren.hoofdkleur
    accent = gemeente.kleuren.accentkleur or darker(main)
    light = lighter_keeping_contrast(main, "#ffffff", 0.2)
    dark = darker(main)
    fill = tint(main)
    r, g, b = (int(main[i:i + 2], 16) for i in (1, 3, 5))
    slate_bg = "#33292f"  # the lightest dark-scheme background text sits on (werkboek.css --wb-fill)
    slate_text = lighten_until(main, slate_bg)
    slate_accent = lighten_until(accent, slate_bg)
    return (
        f"/* Theme colours of {_css_comment(gemeente.naam)}, generated from {BESTAND} (kleuren). */\n"
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
