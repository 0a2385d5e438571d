"""The Verantwoording as data: the schema of data/verantwoording.yml (Dutch errors with file and line), the entries
derived from forms/ and data/training.yml, and the printed agendas' contradictions — computed here from the
printed cells alone, independently of werkboek.training.model, so a new one cannot hide."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml
from conftest import ROOT

from werkboek.errors import DataError
from werkboek.pages.verantwoording import VERANTWOORDING_PATH, all_items, load_verantwoording
from werkboek.training.model import TRAINING_PATH, clock, duration_label, load_training
from werkboek.werkblad.loader import load_instruments
from werkboek.werkblad.render import template_env

DOCS = ROOT / "docs"


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def copy(tmp_path):
    def make(source: Path) -> Path:
        path = tmp_path / source.name
        shutil.copy(source, path)
        return path
    return make


def printed_minutes(cell: str) -> int:
    hours, _, minutes = cell.removesuffix(" uur").partition(".")
    return int(hours) * 60 + int(minutes or 0)


def printed_contradictions(raw: dict) -> set[tuple[int, str]]:
    """(bijeenkomst, row) wherever the printed Tijd is a range or differs from the step in the printed Totale tijd."""
    found = set()
    for session in raw["bijeenkomsten"]:
        before = 0
        for row in session["agenda"]:
            now = printed_minutes(row["bron_totaal"])
            numbers = [int(n) for n in re.findall(r"\d+", row["bron_duur"])]
            if len(numbers) > 1 or numbers[0] != now - before:
                found.add((session["nummer"], row["wat"]))
            before = now
    return found


def test_recorded_agenda_choices_are_exactly_the_printed_contradictions():
    raw = yaml.safe_load(TRAINING_PATH.read_text(encoding="utf-8"))
    recorded = {(s["nummer"], k["rij"]) for s in raw["bijeenkomsten"] for k in s.get("keuzes", [])}
    computed = printed_contradictions(raw)
    assert computed, "the print contradicts itself in several rows; finding none means the check is broken"
    assert recorded == computed
    training = load_training()
    assert {(s.nummer, d.row.wat) for s in training.bijeenkomsten for d in s.disagreements()} == computed


def test_every_printed_cell_is_kept_verbatim_and_the_range_is_a_range():
    training = load_training()
    rows = [row for s in training.bijeenkomsten for row in s.agenda]
    assert all(row.bron_duur and row.bron_totaal for row in rows)
    assert [row.bron_duur for row in rows if row.bron_bereik] == ["5 – 10 min"]


def test_a_new_contradiction_without_a_choice_stops_the_load(copy):
    path = copy(TRAINING_PATH)
    edit(path, 'bron_totaal: "0.35"', 'bron_totaal: "0.40"')  # bijeenkomst 1, row 3.1: 20 min. but 0.15 → 0.40
    with pytest.raises(DataError) as err:
        load_training(path)
    message = str(err.value)
    assert str(path) in message and "regel" in message
    assert "3.1 Trainingsopdracht" in message and "spreekt zichzelf tegen" in message and "keuzes" in message


def test_a_choice_must_name_its_row_and_its_minutes(copy):
    path = copy(TRAINING_PATH)
    edit(path, "gekozen: 45", "gekozen: 50")
    with pytest.raises(DataError) as err:
        load_training(path)
    assert "gekozen 50 min, maar de rij heeft duur 45" in str(err.value)


def test_an_unreadable_printed_cell_is_a_dutch_error_with_its_line(copy):
    path = copy(TRAINING_PATH)
    edit(path, 'bron_duur: "5 min"', 'bron_duur: "vijf minuten"')
    with pytest.raises(DataError) as err:
        load_training(path)
    assert re.search(r"regel \d+: .*'vijf minuten' is geen gedrukte duur", str(err.value))


@pytest.mark.parametrize("old, new, expected", [
    ("groep: tekst", "groep: inhoud", "'inhoud' is niet toegestaan"),
    ("    reden: >-\n      Een voetnootcijfer", "    waarom: >-\n      Een voetnootcijfer", "onbekend veld"),
    ("id: verwijzing-3-1", "id: verwijzing-7-1", "komt twee keer voor"),
    ("id: typografie", "id: Typografie", "geen geldige id"),
])
def test_bad_entries_are_dutch_errors_naming_file_and_line(copy, old, new, expected):
    path = copy(VERANTWOORDING_PATH)
    edit(path, old, new)
    with pytest.raises(DataError) as err:
        load_verantwoording(path)
    message = str(err.value)
    assert str(path) in message and expected in message
    if "twee keer" not in expected:
        assert re.search(r"regel \d+", message)


def test_an_entry_on_a_missing_page_is_an_error(copy):
    path = copy(VERANTWOORDING_PATH)
    edit(path, "pagina: 01-inleiding.md", "pagina: 01-inleiding-oud.md")
    with pytest.raises(DataError, match="pagina '01-inleiding-oud.md' bestaat niet"):
        all_items(DOCS, load_instruments(), load_training(), path)


def test_entries_come_from_all_three_sources_with_unique_ids():
    items = all_items(DOCS, load_instruments(), load_training())
    ids = [i.id for i in items]
    assert len(ids) == len(set(ids))
    groups = {i.groep for i in items}
    assert groups == {"tekst", "figuren", "instrumenten", "training"}
    instruments = [i for i in load_instruments().values() if i.keuzes]
    assert {f"keuzes-werkblad-{i.id}" for i in instruments} <= set(ids)
    training = load_training()
    assert sum(len(s.keuzes) for s in training.bijeenkomsten) == len([i for i in ids if re.match(r"agenda-\d-rij-", i)])


def test_the_three_instruments_the_edition_built_say_so_on_the_worksheet():
    known = load_instruments()
    for ident, words in [("partnerschapskaart", "§11.4"), ("verwijskaart", "pijlen"),
                         ("reflector-voel-ik-me-eenzaam", "§10.1")]:
        html = template_env().get_template("partials/werkblad/instrument.html").render(
            instrument=known[ident], medium="pdf", pdf=None, lokaal=None)
        note = re.search(r'<p class="werkblad__redactie">(.*?)</p>', html, re.S)
        assert note and words in note.group(1) and "Deze uitgave" in note.group(1), ident


def test_the_agenda_shows_each_contradiction_with_the_printed_cells():
    training = load_training()
    for s in training.bijeenkomsten:
        rows = [(a, z, row, [], "") for a, z, row in s.timed_rows()]
        html = template_env().get_template("partials/agenda.html").render(
            s=s, rows=rows, huiswerk=[], clock=clock, duration_label=duration_label)
        assert "<details" not in html
        note = re.search(r'<div class="agenda__tegenspraak".*?</div>', html, re.S)
        disagreements = s.disagreements()
        assert bool(note) == bool(disagreements or s.mismatch), s.nummer
        for d in disagreements:
            item = re.search(r"<li><strong>" + re.escape(d.row.wat) + r"</strong>(.*?)</li>", note.group(0), re.S)
            assert item, (s.nummer, d.row.wat)
            text = item.group(1)
            assert f"Duur ‘{d.row.bron_duur}’" in text and f"{d.bron_vorige or '0.00'}–{d.row.bron_totaal} (=" in text
            assert s.choice_for(d.row).reden in text
            assert "kolom Tijd" not in text
