"""Every forms/*.yml validates against the one schema; invalid input gives a message naming file, field, line and
what is expected; the committed JSON Schema is current."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from werkboek import FORMS_DIR
from werkboek.errors import DataError
from werkboek.werkblad.loader import load_instrument, load_instruments
from werkboek.werkblad.schema_json import SCHEMA_PATH, schema_text

FIXTURES = Path(__file__).parent.parent / "fixtures" / "forms-ongeldig"
CONTRIBUTING = Path(__file__).resolve().parents[2] / "CONTRIBUTING.md"

# fixture file → (line, fragments the message must contain)
INVALID = {
    "ontbrekende-tekst.yml": (13, ["blokken[0].groepen[0].items[0].tekst", "ontbreekt"]),
    "dubbele-id.yml": (None, ["'zelfde' komt twee keer voor", "uniek"]),
    "id-met-punt.yml": (10, ["blokken[0].items[0].id", "'vraag.1' is geen geldige id", "geen punt"]),
    "id-met-spatie.yml": (8, ["blokken[0].id", "'mijn vragen' is geen geldige id", "geen spatie"]),
    "onbekende-soort.yml": (7, ["blokken[0]", "onbekende soort 'tekening'", "checklist"]),
    "yaml-fout.yml": (9, ["geen geldige YAML"]),
    "onbekend-veld.yml": (6, ["'kleur'", "onbekend veld"]),
}


def test_every_form_validates():
    instruments = load_instruments()
    files = sorted(p.stem for p in FORMS_DIR.glob("*.yml"))
    assert sorted(instruments) == files


def test_every_instrument_of_the_werkboek_has_a_form():
    """The instrument table in CONTRIBUTING.md (the ids chapters use) and forms/ agree."""
    ids = set(re.findall(r"\|\s*`([a-z0-9-]+)`\s*\|", CONTRIBUTING.read_text(encoding="utf-8")))
    assert ids == set(load_instruments())


def test_field_names_are_pdf_safe_and_unique():
    for instrument in load_instruments().values():
        ids = [ident for _, ident in instrument.iter_ids()]
        assert len(ids) == len(set(ids)), instrument.id
        assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", i) for i in ids), instrument.id


@pytest.mark.parametrize("name", sorted(INVALID))
def test_invalid_form_names_file_field_line(name):
    line, fragments = INVALID[name]
    with pytest.raises(DataError) as err:
        load_instrument(FIXTURES / name)
    message = str(err.value)
    assert str(FIXTURES / name) in message
    if line is not None:
        assert f"regel {line}" in message, message
    for fragment in fragments:
        assert fragment in message, message


def test_one_bad_form_fails_the_whole_set(tmp_path):
    for path in FORMS_DIR.glob("*.yml"):
        shutil.copy(path, tmp_path)
    shutil.copy(FIXTURES / "dubbele-id.yml", tmp_path)
    with pytest.raises(DataError, match="dubbele-id.yml"):
        load_instruments(tmp_path)


def test_id_must_match_file_name(tmp_path):
    text = (FIXTURES / "dubbele-id.yml").read_text().replace("zelfde, tekst: Tweede", "ander, tekst: Tweede")
    (tmp_path / "andere-naam.yml").write_text(text)
    with pytest.raises(DataError, match="moet gelijk zijn aan de bestandsnaam 'andere-naam'"):
        load_instrument(tmp_path / "andere-naam.yml")


def test_committed_json_schema_is_current():
    assert SCHEMA_PATH.read_text(encoding="utf-8") == schema_text(), (
        "forms/instrument.schema.json is stale: run `python -m werkboek schema > forms/instrument.schema.json`")
