"""The logo's own size (so the header keeps its room while it loads) and the fasemodel's labels (the words a reader
sees on a phase are, in order, its link's name)."""
from __future__ import annotations

import pytest
from PIL import Image

from werkboek import ROOT
from werkboek.gemeente.image import intrinsic_size
from werkboek.pages import fasemodel


@pytest.mark.parametrize("svg,expected", [
    ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">', (100, 100)),
    ('<svg viewBox="0 0 300 100" xmlns="http://www.w3.org/2000/svg">', (300, 100)),
    ('<svg width="120px" height="40" viewBox="0 0 3 1">', (120, 40)),
    ("<svg>", None),
])
def test_svg_size_from_width_height_or_viewbox(tmp_path, svg, expected):
    path = tmp_path / "logo.svg"
    path.write_text(svg + "</svg>", encoding="utf-8")
    assert intrinsic_size(path) == expected


def test_raster_logo_size(tmp_path):
    path = tmp_path / "logo.png"
    Image.new("RGB", (240, 80)).save(path)
    assert intrinsic_size(path) == (240, 80)


def test_the_default_logo_is_square():
    width, height = intrinsic_size(ROOT / "docs" / "assets" / "images" / "logo.svg")
    assert width == height


@pytest.mark.parametrize("current", [None, *sorted(fasemodel.phase_ids())])
def test_fasemodel_lines_joined_are_the_label(current):
    for segment in fasemodel.model(current)["segments"]:
        assert " ".join(segment.lines) == segment.label
