"""Colour maths for a gemeente's theme colours: WCAG contrast ratios, mixing, and tints that keep text readable."""
from __future__ import annotations

MIN_CONTRAST = 4.5  # WCAG 2.1 AA for normal text


def _relative_luminance(colour: str) -> float:
    def channel(c: int) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two #rrggbb colours."""
    la, lb = sorted((_relative_luminance(a), _relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def mix(colour: str, other: str, t: float) -> str:
    """``colour`` moved a fraction ``t`` towards ``other``."""
    ca = [int(colour[i:i + 2], 16) for i in (1, 3, 5)]
    cb = [int(other[i:i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(x + (y - x) * t):02x}" for x, y in zip(ca, cb))


def tint(colour: str) -> str:
    """A light tint behind text in ``colour`` (kernpunten, callouts), light enough to keep 4.5 : 1."""
    return next(mix(colour, "#ffffff", t / 100) for t in range(92, 101)
                if contrast(colour, mix(colour, "#ffffff", t / 100)) >= MIN_CONTRAST)


def darker(colour: str) -> str:
    return mix(colour, "#000000", 0.25)


def lighter_keeping_contrast(colour: str, background: str, most: float) -> str:
    best = colour
    for step in range(1, 21):
        candidate = mix(colour, "#ffffff", most * step / 20)
        if contrast(candidate, background) < MIN_CONTRAST:
            break
        best = candidate
    return best


def lighten_until(colour: str, background: str) -> str:
    for step in range(0, 21):
        candidate = mix(colour, "#ffffff", step / 20)
        if contrast(candidate, background) >= MIN_CONTRAST:
            return candidate
    return "#ffffff"
