"""The intrinsic size of an image (the logo), so the page can reserve its room before it loads (no layout shift)."""
from __future__ import annotations

import re
from pathlib import Path

SVG_TAG = re.compile(rb"<svg\b[^>]*>", re.S)
NUMBER = r"\s*([\d.]+)\s*(?:px)?\s*"


def intrinsic_size(path: Path) -> tuple[int, int] | None:
    """(width, height) in CSS pixels for an SVG (width/height, else its viewBox) or a PNG/JPG; None if unknown."""
    if path.suffix.lower() == ".svg":
        tag = SVG_TAG.search(path.read_bytes())
        if not tag:
            return None
        text = tag.group(0).decode("utf-8", "replace")
        width = re.search(rf'\swidth="{NUMBER}"', text)
        height = re.search(rf'\sheight="{NUMBER}"', text)
        if width and height:
            return _rounded(float(width.group(1)), float(height.group(1)))
        box = re.search(r'\sviewBox="\s*[-\d.]+[\s,]+[-\d.]+[\s,]+([\d.]+)[\s,]+([\d.]+)\s*"', text)
        return _rounded(float(box.group(1)), float(box.group(2))) if box else None
    from PIL import Image

    try:
        with Image.open(path) as image:
            return image.size
    except (OSError, ValueError):
        return None


def _rounded(width: float, height: float) -> tuple[int, int] | None:
    if width <= 0 or height <= 0:
        return None
    scale = 100 / max(width, height) if max(width, height) < 100 else 1  # small viewBoxes: integers keep the ratio
    return round(width * scale), round(height * scale)
