"""The templates the site engine renders itself (overrides/*.html and the partials that replace the theme's) use
only what Jinja2 and Zensical's MiniJinja both know: no Python methods on values (MiniJinja has none, and one
``base_url.rstrip('/')`` stopped the whole Zensical build). The theme's own ``lang.t`` is a function, not a method.
Templates that werkboek/ renders with its own Jinja environment (worksheets, fasemodel, …) are not affected."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import jinja2
import pytest
from jinja2 import nodes

from werkboek import TEMPLATES_DIR

THEME_PARTIALS = Path(importlib.util.find_spec("material").origin).parent / "templates" / "partials"
ALLOWED = {("lang", "t")}  # the theme's translation function


def engine_templates() -> list[Path]:
    own = sorted(TEMPLATES_DIR.glob("*.html"))
    partials = sorted(p for p in (TEMPLATES_DIR / "partials").glob("*.html") if (THEME_PARTIALS / p.name).is_file())
    return own + partials


def test_the_engine_renders_the_pages_templates_and_the_overridden_partials():
    names = {p.relative_to(TEMPLATES_DIR).as_posix() for p in engine_templates()}
    assert {"main.html", "404.html", "partials/search.html", "partials/nav-item.html"} <= names
    assert "partials/fasemodel.html" not in names and "partials/callout.html" not in names


@pytest.mark.parametrize("path", engine_templates(), ids=lambda p: p.relative_to(TEMPLATES_DIR).as_posix())
def test_no_python_methods_in_templates_the_engine_renders(path):
    tree = jinja2.Environment().parse(path.read_text(encoding="utf-8"))
    calls = [(getattr(call.node.node, "name", "?"), call.node.attr, call.lineno) for call in tree.find_all(nodes.Call)
             if isinstance(call.node, nodes.Getattr)]
    methods = [f"line {line}: {owner}.{attr}()" for owner, attr, line in calls if (owner, attr) not in ALLOWED]
    assert not methods, f"{path.name}: {', '.join(methods)} (use a filter or an expression both engines know)"


def test_the_check_finds_a_method(tmp_path):
    tree = jinja2.Environment().parse('{% set x = base_url.rstrip("/") %}{{ lang.t("x") }}')
    found = [(c.node.node.name, c.node.attr) for c in tree.find_all(nodes.Call) if isinstance(c.node, nodes.Getattr)]
    assert [f for f in found if f not in ALLOWED] == [("base_url", "rstrip")]
