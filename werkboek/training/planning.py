"""What the trainer's planner on "Training geven" reads, from data/training.yml: the planning advice in days, and per
bijeenkomst its planned length, thema, what the trainer hands out and brings, and the homework for the next time.
The page carries it as a JSON data island (partials/planning.html); docs/assets/javascripts/planning.js computes
dates, clock times and the calendar file from it and holds no werkboek text of its own."""
from __future__ import annotations

from werkboek.training.model import Training

WEEK = 7  # days


def advice(training: Training) -> dict:
    """The advice in days: every step between two bijeenkomsten from ``min`` to ``max`` days, except the pair in
    ``minimaal_weken_tussen``, which needs at least its own minimum (and has no maximum: "minstens")."""
    plan = training.planning
    low, high = plan.interval_weken[0], plan.interval_weken[-1]
    pair = plan.minimaal_weken_tussen
    return {"min_weken": low, "max_weken": high, "min": low * WEEK, "max": high * WEEK,
            "paar": {"van": int(pair["van"]), "tot": int(pair["tot"]), "min_weken": int(pair["weken"]),
                     "min": int(pair["weken"]) * WEEK}}


def step_bounds(training: Training, before: int) -> tuple[int, int | None]:
    """(least, most) days the advice allows between bijeenkomst ``before`` and the next one (most None: no limit)."""
    a = advice(training)
    if before == a["paar"]["van"] and before + 1 == a["paar"]["tot"]:
        return a["paar"]["min"], None
    return a["min"], a["max"]


def suggested_steps(training: Training) -> list[int]:
    """Days from each bijeenkomst to the next one that the planner suggests: the least the advice allows."""
    return [step_bounds(training, s.nummer)[0] for s in training.bijeenkomsten[:-1]]


def planning_data(training: Training) -> dict:
    """The data island's contents (no URLs, no markup: those are the template's)."""
    return {
        "advies": advice(training),
        "stappen": suggested_steps(training),
        "bijeenkomsten": [{
            "nummer": s.nummer,
            "duur": s.duur_minuten,
            "thema": s.thema,
            "uitdelen": list(s.uitdelen),
            "meenemen": list(s.meenemen),
            "huiswerk": ({"voor": s.huiswerk.voor_bijeenkomst, "items": [i.tekst for i in s.huiswerk.items]}
                         if s.huiswerk else None),
        } for s in training.bijeenkomsten],
    }


def homework_for(training: Training) -> dict[int, list[str]]:
    """Bijeenkomst number → the opdracht(en) participants prepare for it (the homework given out before it)."""
    out: dict[int, list[str]] = {s.nummer: [] for s in training.bijeenkomsten}
    for s in training.bijeenkomsten:
        if s.huiswerk:
            out.setdefault(s.huiswerk.voor_bijeenkomst, []).extend(i.tekst for i in s.huiswerk.items)
    return out
