"""mkdocs.yml enables no theme feature that cannot work here: a sub-feature needs its feature, and instant
navigation (page loads through fetch) would break the offline copy opened from file://."""
from __future__ import annotations

from mkdocs.utils.yaml import yaml_load

from werkboek import ROOT


def features() -> list[str]:
    with open(ROOT / "mkdocs.yml", encoding="utf-8") as f:
        return yaml_load(f)["theme"].get("features", [])


def test_every_sub_feature_has_its_feature():
    enabled = set(features())
    missing = [f for f in enabled if f.count(".") >= 2 and f.rsplit(".", 1)[0] not in enabled]
    assert missing == [], f"werkt niet zonder {[f.rsplit('.', 1)[0] for f in missing]}: {missing}"


def test_no_instant_navigation_because_the_offline_copy_opens_from_file():
    assert not [f for f in features() if f.startswith("navigation.instant")]
