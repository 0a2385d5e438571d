"""The fasemodel, drawn as SVG from data/fasemodel.yml: six phases around PERSOON, ringed by Gemeente samenwerken."""
from __future__ import annotations

import math
import textwrap
from dataclasses import dataclass
from pathlib import Path

from werkboek import DATA_DIR
from werkboek.datafile import read_yaml
from werkboek.errors import DataError

CX = CY = 200
R_RING_OUT, R_RING_IN, R_OUT, R_IN, R_PERSOON = 198, 166, 160, 62, 56


@dataclass
class Segment:
    id: str
    label: str
    chapter: int
    path: str
    lines: list[str]
    x: float
    y: float
    active: bool


def _point(r, angle):
    rad = math.radians(angle - 90)
    return CX + r * math.cos(rad), CY + r * math.sin(rad)


def _sector(r_in, r_out, a0, a1) -> str:
    (x0, y0), (x1, y1) = _point(r_out, a0), _point(r_out, a1)
    (x2, y2), (x3, y3) = _point(r_in, a1), _point(r_in, a0)
    large = 1 if a1 - a0 > 180 else 0
    return (f"M{x0:.2f},{y0:.2f} A{r_out},{r_out} 0 {large} 1 {x1:.2f},{y1:.2f} "
            f"L{x2:.2f},{y2:.2f} A{r_in},{r_in} 0 {large} 0 {x3:.2f},{y3:.2f} Z")


def load(path: Path = DATA_DIR / "fasemodel.yml"):
    """(midden, ring, fases) from data/fasemodel.yml."""
    data, _ = read_yaml(path)
    try:
        return data["midden"], data["ring"], data["fases"]
    except (KeyError, TypeError) as exc:
        raise DataError(f"{path}: sleutel {exc} ontbreekt (verwacht midden, ring, fases)") from None


def phase_ids(data: tuple | None = None) -> set[str]:
    _, ring, fases = data or load()
    return {ring["id"], *(f["id"] for f in fases)}


def model(current: str | None = None, data: tuple | None = None) -> dict:
    """Geometry and texts for partials/fasemodel.html; ``current`` is a phase id (or the ring's id); ``data`` is
    what ``load()`` returns (read from data/fasemodel.yml when not given)."""
    midden, ring, fases = data = data or load()
    known = phase_ids(data)
    if current is not None and current not in known:
        raise DataError(f"fasemodel: onbekende fase '{current}'; bekende fases: {', '.join(sorted(known))}")
    step = 360 / len(fases)
    segments = []
    for n, fase in enumerate(fases):
        a0, a1 = n * step, (n + 1) * step
        x, y = _point((R_IN + R_OUT) / 2 + 4, (a0 + a1) / 2)
        # Whole words only, so the lines joined by spaces are the label (the link's name contains what is seen).
        lines = textwrap.wrap(fase["label"], 14, break_long_words=False, break_on_hyphens=False)
        segments.append(Segment(fase["id"], fase["label"], fase["hoofdstuk"], _sector(R_IN, R_OUT, a0 + 0.8, a1 - 0.8),
                                lines, x, y - (len(lines) - 1) * 7.5 + 4, fase["id"] == current))
    active = next((s for s in segments if s.active), None)
    current_label = active.label if active else (ring["label"] if current == ring["id"] else None)
    return {
        "midden": midden,
        "ring": ring,
        "ring_active": current == ring["id"],
        "ring_path": _sector(R_RING_IN, R_RING_OUT, 0, 359.99),
        # Two arcs, both drawn left to right, so the ring's label reads upright at the top and at the bottom.
        "ring_text_top": f"M{CX - 177},{CY} A177,177 0 0,1 {CX + 177},{CY}",
        "ring_text_bottom": f"M{CX - 187},{CY} A187,187 0 0,0 {CX + 187},{CY}",
        "segments": segments,
        "current_label": current_label,
        "r_persoon": R_PERSOON,
        "cx": CX,
        "cy": CY,
    }
