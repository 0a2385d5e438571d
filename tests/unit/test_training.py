"""The training as data (data/training.yml): computed times, the report of sessions whose times do not add up,
which worksheets and posters belong to a session, and bad input that names file, line, session and row."""
from __future__ import annotations

import importlib.util
import logging
import re
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest
from conftest import ROOT, mkdocs_build

from werkboek.errors import DataError
from werkboek.sections import scan_dir
from werkboek.training.check import check_training
from werkboek.training.contents import session_instruments, session_posters, strategy_texts
from werkboek.training.model import TRAINING_PATH, clock, load_training, mismatch_report
from werkboek.werkblad.loader import load_instruments

DOCS = ROOT / "docs"


@pytest.fixture(scope="module")
def training():
    return check_training(TRAINING_PATH, DOCS)


@pytest.fixture
def training_copy(tmp_path):
    path = tmp_path / "training.yml"
    shutil.copy(TRAINING_PATH, path)
    return path


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def line_of(path: Path, needle: str) -> int:
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return n
    raise AssertionError(needle)


# --- computed times ---------------------------------------------------------------------------------------------

def test_clock_notation():
    assert [clock(m) for m in (0, 10, 65, 180)] == ["0.00", "0.10", "1.05", "3.00"]


def test_times_are_computed_from_durations(training):
    rows = list(training.session(1).timed_rows())
    assert [(clock(a), clock(b)) for a, b, _ in rows[:4]] == [("0.00", "0.10"), ("0.10", "0.15"), ("0.15", "0.35"),
                                                               ("0.35", "0.55")]
    for session in training.bijeenkomsten:
        rows = list(session.timed_rows())
        assert rows[0][0] == 0
        assert all(prev[1] == nxt[0] for prev, nxt in zip(rows, rows[1:]))
        assert rows[-1][1] == session.total == sum(r.duur for r in session.agenda)


def test_totals_and_mismatches(training):
    assert {s.nummer: s.total for s in training.bijeenkomsten} == {1: 180, 2: 170, 3: 185, 4: 180, 5: 180}
    assert {s.nummer: s.mismatch for s in training.bijeenkomsten if s.mismatch} == {2: -10, 3: 5}


def test_mismatch_report_names_sessions_2_and_3(training):
    report = mismatch_report(training)
    assert len(report) == 2
    assert report[0].startswith("bijeenkomst 2:") and "2 uur 50 min" in report[0] and "3 uur" in report[0]
    assert report[1].startswith("bijeenkomst 3:") and "3 uur 5 min" in report[1]


def test_the_hook_reports_contradictions_and_mismatches_as_info_not_warning(caplog, training):
    spec = importlib.util.spec_from_file_location("training_hook", ROOT / "hooks" / "training.py")
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    config = SimpleNamespace(config_file_path=str(ROOT / "mkdocs.yml"), docs_dir=str(DOCS))
    with caplog.at_level(logging.INFO, logger="mkdocs"):
        hook.check_and_report(config)
    records = [r for r in caplog.records if r.name == "mkdocs.hooks.training"]
    assert records and {r.levelno for r in records} == {logging.INFO}
    messages = [r.getMessage() for r in records]
    for s in training.bijeenkomsten:
        for d in s.disagreements():
            assert any(f"bijeenkomst {s.nummer}, rij '{d.row.wat}'" in m and d.row.bron_duur in m
                       and d.row.bron_totaal in m for m in messages), (s.nummer, d.row.wat)
    assert [m for m in messages if "tellen op tot" in m] == [f"trainershandleiding, {line}" for line in mismatch_report(training)]


# --- what a session's pack holds --------------------------------------------------------------------------------

EXPECTED_SHEETS = {1: ["4.2", "4.3"], 2: ["5.3", "6.8"], 3: ["7.4", "7.5", "8.5", "8.6"], 4: ["8.7", "10.3"],
                   5: ["11.6"]}


def test_each_session_maps_to_its_worksheets(training):
    instruments, sections = load_instruments(), scan_dir(DOCS)
    found = {s.nummer: [i.nummer for i in session_instruments(s, instruments, sections)]
             for s in training.bijeenkomsten}
    assert found == EXPECTED_SHEETS


def test_a_theme_shared_with_an_opdracht_does_not_pull_in_the_worksheet(training):
    # Session 4's first row mentions "interesses en waarden" (the theme of 8.3), not the worksheet 8.6.
    assert "interesses en waarden" in training.session(4).agenda[0].bijzonderheden
    assert "8.6" not in [i.nummer for i in session_instruments(training.session(4), load_instruments())]


def test_session_5_has_three_posters_with_verbatim_texts(training):
    posters = session_posters(training.session(5), DOCS)
    assert [(p.label, p.title) for p in posters] == [("1", "Elkaar kennen"), ("2", "Naar elkaar verwijzen"),
                                                     ("3/4", "Partnerschap en community")]
    source = (DOCS / "11-lokale-samenwerking.md").read_text(encoding="utf-8")
    for poster in posters:
        for _, text in poster.levels:
            assert f": {text}" in source
        for term, questions in poster.questions:
            assert term in source and all(f": {q}" in source for q in questions)
    assert [len(p.levels) for p in posters] == [1, 1, 2]
    assert posters[0].questions[0][1][0] == "Wat is mijn rol?"
    assert [session_posters(s, DOCS) for s in training.bijeenkomsten[:4]] == [[], [], [], []]


def test_strategy_texts_cover_levels_1_to_4():
    levels, questions = strategy_texts(DOCS)
    assert sorted(levels) == ["1", "2", "3", "4"]
    assert [term for term, _ in questions] == ["Niveau 1", "Niveau 2", "Niveau 3 en 4"]


# --- bad input: file, line, session and row ---------------------------------------------------------------------

def test_reference_to_a_missing_section(training_copy):
    edit(training_copy, 'verwijzingen: ["6.4", "6.3"]', 'verwijzingen: ["6.4", "6.13"]')
    with pytest.raises(DataError) as err:
        check_training(training_copy, DOCS)
    msg = str(err.value)
    assert str(training_copy) in msg
    assert f"regel {line_of(training_copy, '6.13')}" in msg
    assert "bijeenkomst 2" in msg and "6.4 Trainingsopdracht: Handelingsverlegenheid" in msg and "'6.13'" in msg


def test_agenda_row_naming_a_missing_opdracht(training_copy):
    edit(training_copy, 'wat: "7.2 Trainingsopdracht: Aandacht voor het verhaal"\n        duur: 30\n'
                        '        bron_duur: "30 min"\n        bron_totaal: "2.10"\n        bijzonderheden: ""\n        verwijzingen: ["7.2"]',
         'wat: "7.9 Trainingsopdracht: Bestaat niet"\n        duur: 30\n'
         '        bron_duur: "30 min"\n        bron_totaal: "2.10"\n        bijzonderheden: ""\n        verwijzingen: ["7.9"]')
    with pytest.raises(DataError) as err:
        check_training(training_copy, DOCS)
    msg = str(err.value)
    assert str(training_copy) in msg and "bijeenkomst 3" in msg and "7.9 Trainingsopdracht: Bestaat niet" in msg
    line = line_of(training_copy, 'verwijzingen: ["7.9"]')
    assert f"regel {line}" in msg


def test_handout_naming_a_missing_instrument(training_copy):
    edit(training_copy, '- "10.3 Reflector ondersteuningsvaardigheden"', '- "10.4 Reflector bestaat niet"')
    with pytest.raises(DataError) as err:
        check_training(training_copy, DOCS)
    msg = str(err.value)
    assert str(training_copy) in msg and f"regel {line_of(training_copy, '10.4 Reflector')}" in msg
    assert "bijeenkomst 4" in msg and "10.4 is geen instrument" in msg


def test_negative_duration(training_copy):
    edit(training_copy, 'wat: "Lezen hoofdstuk 10"\n        duur: 10', 'wat: "Lezen hoofdstuk 10"\n        duur: -10')
    with pytest.raises(DataError) as err:
        check_training(training_copy, DOCS)
    msg = str(err.value)
    assert str(training_copy) in msg and f"regel {line_of(training_copy, 'duur: -10')}" in msg
    assert "bijeenkomst 4" in msg and "rij 'Lezen hoofdstuk 10'" in msg and "-10" in msg and "groter dan 0" in msg


def test_missing_duration(training_copy):
    edit(training_copy, 'wat: "Introductie hoofdstuk 4"\n        duur: 10\n', 'wat: "Introductie hoofdstuk 4"\n')
    with pytest.raises(DataError) as err:
        check_training(training_copy, DOCS)
    msg = str(err.value)
    assert str(training_copy) in msg and f"regel {line_of(training_copy, 'Introductie hoofdstuk 4')}" in msg
    assert "bijeenkomst 1" in msg and "rij 'Introductie hoofdstuk 4'" in msg and "'duur' ontbreekt" in msg


def test_every_problem_is_reported_at_once(training_copy):
    edit(training_copy, "duur: 15\n", "duur: 0\n", count=2)
    with pytest.raises(DataError) as err:
        check_training(training_copy, DOCS)
    assert len(re.findall(r"regel \d+", str(err.value))) == 2


def test_plain_loader_still_accepts_the_data():
    assert len(load_training().bijeenkomsten) == 5


@pytest.mark.slow
def test_bad_training_data_stops_the_build(project_copy):
    path = project_copy / "data" / "training.yml"
    edit(path, 'wat: "Lezen hoofdstuk 10"\n        duur: 10', 'wat: "Lezen hoofdstuk 10"\n        duur: -10')
    result = mkdocs_build(project_copy, project_copy / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0, output[-2000:]
    assert "data/training.yml" in output and "rij 'Lezen hoofdstuk 10'" in output and "regel" in output
    assert not (project_copy / "site").exists()
