"""mkdocs.yml enables no theme feature that cannot work here: a sub-feature needs its feature, and instant
navigation (page loads through fetch) would break the offline copy opened from file://. The werkboek's own Markdown
extensions read this project's files and follow the site's URL layout."""
from __future__ import annotations

from mkdocs.utils.yaml import yaml_load

from werkboek import ROOT


def config() -> dict:
    with open(ROOT / "mkdocs.yml", encoding="utf-8") as f:
        return yaml_load(f)


def features() -> list[str]:
    return config()["theme"].get("features", [])


def test_every_sub_feature_has_its_feature():
    enabled = set(features())
    missing = [f for f in enabled if f.count(".") >= 2 and f.rsplit(".", 1)[0] not in enabled]
    assert missing == [], f"werkt niet zonder {[f.rsplit('.', 1)[0] for f in missing]}: {missing}"


def test_no_instant_navigation_because_the_offline_copy_opens_from_file():
    assert not [f for f in features() if f.startswith("navigation.instant")]


def extensions() -> dict:
    return {next(iter(e)) if isinstance(e, dict) else e: (next(iter(e.values())) if isinstance(e, dict) else {})
            for e in config()["markdown_extensions"]}


def test_the_werkboeks_own_extensions_read_this_projects_files_and_url_layout():
    own = {name: options for name, options in extensions().items() if name.startswith("werkboek.")}
    assert set(own) == {f"werkboek.markdown.{m}" for m in ("ankers", "verwijzingen", "kaders", "begrippen", "bronlinks",
                                                                      "zoektekst")}
    links = own["werkboek.markdown.verwijzingen"]
    assert links["use_directory_urls"] == config().get("use_directory_urls", True), "links would miss their pages"
    for options in own.values():
        for key in ("docs_dir", "verantwoording"):
            if key in options:
                assert (ROOT / options[key]).exists(), options[key]
    assert (ROOT / "docs" / own["werkboek.markdown.begrippen"]["begrippenlijst"]).is_file()
    assert (ROOT / "docs" / own["werkboek.markdown.bronlinks"]["pagina"]).is_file()
