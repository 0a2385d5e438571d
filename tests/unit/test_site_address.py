"""The site's address (werkboek/publish/site_address.py): from the Pages workflow's WERKBOEK_ADRES, else mkdocs.yml's
site_url, else none (a local build); always ending in "/"; a value that is no web address stops the build in Dutch.
The workflow passes configure-pages' base_url to the build step."""
from __future__ import annotations

import pytest
import yaml

from conftest import ROOT
from werkboek.errors import DataError
from werkboek.publish.site_address import OMGEVING, site_address


@pytest.mark.parametrize("given, expected", [
    ("https://gemeente.github.io/werkboek-dorpshaven", "https://gemeente.github.io/werkboek-dorpshaven/"),
    ("https://gemeente.github.io/werkboek-dorpshaven/", "https://gemeente.github.io/werkboek-dorpshaven/"),
    ("https://werkboek.dorpshaven.nl", "https://werkboek.dorpshaven.nl/"),
    ("  http://127.0.0.1:8000/kopie/  ", "http://127.0.0.1:8000/kopie/"),
])
def test_the_workflows_address_wins_and_ends_in_a_slash(given, expected):
    assert site_address("https://elders.example/", {OMGEVING: given}) == expected


def test_without_the_variable_mkdocs_yml_decides_and_a_local_build_has_none():
    assert site_address("https://voorbeeld.nl/werkboek", {}) == "https://voorbeeld.nl/werkboek/"
    assert site_address("", {OMGEVING: "  "}) is None
    assert site_address(None, {}) is None
    assert yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["site_url"] == "", \
        "upstream knows no address: a gemeente's fork gets its own from the workflow"


@pytest.mark.parametrize("bad", ["gemeente.github.io/werkboek", "ftp://host/x", "https://host/a/../b",
                                 "https://host/a?x=1", "javascript:alert(1)", "https://host/a b", "https://"])
def test_an_address_that_is_none_stops_the_build_in_dutch(bad):
    with pytest.raises(DataError, match=f"^{OMGEVING}=.*geen webadres van de site"):
        site_address(None, {OMGEVING: bad})
    with pytest.raises(DataError, match="^mkdocs.yml, site_url=.*geen webadres"):
        site_address(bad, {})


def test_the_pages_workflow_passes_the_address_it_will_be_served_at():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "publiceren.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["bouwen"]["steps"]
    pages = next(s for s in steps if str(s.get("uses", "")).startswith("actions/configure-pages@"))
    build = next(s for s in steps if s.get("run") == "make build")
    assert steps.index(pages) < steps.index(build)
    assert build["env"][OMGEVING] == "${{ steps.%s.outputs.base_url }}" % pages["id"]
