"""What the trainer's planner reads comes from data/training.yml only (werkboek/training/planning.py, through the data
island of partials/planning.html), every agenda row's clock-time slot carries the row's minutes from the start, and
the script (docs/assets/javascripts/planning.js) holds no text a reader sees."""
from __future__ import annotations

import json
import re

import pytest

from werkboek import ROOT
from werkboek.pages import macros
from werkboek.training.model import load_training
from werkboek.training.planning import homework_for, planning_data, step_bounds, suggested_steps

SCRIPT = ROOT / "docs" / "assets" / "javascripts" / "planning.js"
ISLAND = re.compile(r'<script type="application/json" id="planning-gegevens">(.*?)</script>', re.S)
SLOT = re.compile(r'class="agenda__klok" data-van="(\d+)" data-tot="(\d+)"')


@pytest.fixture(scope="module")
def project():
    return macros.load_context(ROOT, ROOT / "docs")


def test_advice_in_days_comes_from_the_planning_data():
    training = load_training()
    plan = training.planning
    pair = plan.minimaal_weken_tussen
    for s in training.bijeenkomsten[:-1]:
        low, high = step_bounds(training, s.nummer)
        if (s.nummer, s.nummer + 1) == (pair["van"], pair["tot"]):
            assert (low, high) == (pair["weken"] * 7, None)
        else:
            assert (low, high) == (plan.interval_weken[0] * 7, plan.interval_weken[-1] * 7)
    assert suggested_steps(training) == [step_bounds(training, s.nummer)[0] for s in training.bijeenkomsten[:-1]]


def test_homework_is_prepared_for_the_bijeenkomst_it_is_given_for():
    training = load_training()
    wanted = homework_for(training)
    for s in training.bijeenkomsten:
        if s.huiswerk:
            assert [i.tekst for i in s.huiswerk.items] == wanted[s.huiswerk.voor_bijeenkomst]
    assert wanted[training.bijeenkomsten[0].nummer] == []


def test_the_page_carries_the_data_as_it_is(project):
    text = macros.training_geven(project, "training-geven.md")
    island = json.loads(ISLAND.search(text).group(1))
    assert island["training"] == planning_data(project.training)
    for session, data in zip(project.training.bijeenkomsten, island["training"]["bijeenkomsten"]):
        assert (data["nummer"], data["duur"], data["thema"]) == (session.nummer, session.duur_minuten, session.thema)
        assert data["uitdelen"] + data["meenemen"] == session.uitdelen + session.meenemen
    # every text the script shows is in the island, with the werkboek's title where a calendar event names it
    assert all(isinstance(v, str) and v for v in island["teksten"].values())


def test_every_agenda_row_has_a_slot_with_its_minutes(project):
    """Training geven's short agendas (and the printed ones) and Bijlage 1's tables: the minutes from the start."""
    expected = []
    for session in project.training.bijeenkomsten:
        before = 0
        for row in session.agenda:
            expected.append((before, before + row.duur))
            before += row.duur
    page = macros.training_geven(project, "training-geven.md")
    before, rest = page.split("<template", 1)
    printed, after = rest.split("</template>", 1)
    short = before + after
    assert [tuple(map(int, m)) for m in SLOT.findall(short)] == expected
    assert [tuple(map(int, m)) for m in SLOT.findall(printed)] == expected
    bijlage = [tuple(map(int, m)) for s in project.training.bijeenkomsten
               for m in SLOT.findall(macros.agenda(project, "bijlagen/1-trainershandleiding.md", s.nummer))]
    assert bijlage == expected


def test_the_script_holds_no_text_a_reader_sees(project):
    """A sentence needs a space; a single word of the page's texts (weken, dag …) is text too. What is left are
    keys, formats and the calendar's own words (BEGIN:VEVENT, TZID=Europe/Amsterdam)."""
    source = re.sub(r"/\*.*?\*/|//[^\n]*", "", SCRIPT.read_text(encoding="utf-8"), flags=re.S)
    literals = re.findall(r'"((?:[^"\\\n]|\\.)*)"', source)
    assert literals
    page = macros.training_geven(project, "training-geven.md")
    island = json.loads(ISLAND.search(page).group(1))
    words = {w.lower() for t in island["teksten"].values() for w in re.findall(r"[^\W\d_]{3,}", t)}
    keys = set(re.findall(r'(?:name|data-actie)="([^"]+)"', page)) | {"use strict"}
    texty = [s for s in literals if s not in keys
             and (" " in s.strip() or re.search(r"[^\x00-\x7f]", s) or s.lower() in words)]
    assert not texty, texty
