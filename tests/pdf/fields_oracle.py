"""The fields a worksheet must have, derived from its data independently of the templates (the test oracle).

name → (field type, options): "text", "checkbox", or "radio" with its option values."""
from __future__ import annotations

from werkboek.werkblad.schema import Checklist, Columns, Flow, Info, Instrument, Prompts, Scale, Sectors, Table

CONTACT_PARTS = ["naam", "telefoon", "email", "website", "van", "tot", "dagen"]


def expected_fields(i: Instrument) -> dict[str, tuple]:
    f: dict[str, tuple] = {}

    def name(*parts):
        return "__".join((i.id, *parts))

    def lines(count, *parts):
        # A written answer is one single-line field per printed line: <answer>__regel-1 … <answer>__regel-<count>.
        for n in range(1, count + 1):
            f[name(*parts, f"regel-{n}")] = ("text", None)

    if i.naam_datum:
        f[name("naam")] = f[name("datum")] = ("text", None)
    for b in i.blokken:
        if isinstance(b, Checklist):
            for g in b.groepen:
                for item in g.items if b.afvinken else []:
                    f[name(item.id)] = ("checkbox", None)
                for n in range(1, g.extra_regels + 1):
                    f[name(g.id, f"regel-{n}")] = ("text", None)
                    if b.afvinken:
                        f[name(g.id, f"regel-{n}-aan")] = ("checkbox", None)
        elif isinstance(b, Scale):
            options = [o.waarde for o in b.opties]
            for r in b.rondes:
                if r.datum:
                    f[name(r.id, "datum")] = ("text", None)
            for item in b.items:
                if item.eigen:
                    f[name(item.id, "tekst")] = ("text", None)
                for r in b.rondes or [None]:
                    f[name(item.id, r.id) if r else name(item.id)] = ("radio", options)
                if b.notitie:
                    lines(b.notitie_regels, item.id, "notitie")
        elif isinstance(b, Prompts):
            for q in b.items:
                lines(q.regels, b.id, q.id)
        elif isinstance(b, Table):
            for row in b.rijen:
                if row.eigen and b.kop_rijen is not None:
                    f[name(b.id, row.id, "label")] = ("text", None)
                for col in b.kolommen:
                    lines(b.regels, b.id, row.id, col.id)
        elif isinstance(b, Info):
            if b.aantekeningen:
                lines(b.aantekeningen, b.id, "aantekeningen")
        elif isinstance(b, Sectors):
            if b.toon_voorbeelden and any(q.voorbeeld for q in b.items):
                f[name(b.id, "van")] = f[name(b.id, "datum")] = ("text", None)
            for q in b.items:
                lines(q.regels, b.id, q.id)
        elif isinstance(b, Flow):
            slots = ([b.contact] if b.contact else []) + [c for box in b.vakken for c in box.contacten]
            for slot in slots:
                if slot.volledig:
                    for part in CONTACT_PARTS:
                        f[name(slot.id, part)] = ("text", None)
                else:
                    f[name(slot.id)] = ("text", None)
        elif isinstance(b, Columns):
            for col in b.kolommen:
                lines(b.regels, b.id, col.id)
    return f
