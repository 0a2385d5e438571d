"""What a page or a pack shows of the training, computed without MkDocs: the rows of a bijeenkomst's agenda with
their times, its homework, and the sessions of the "Training geven" page. ``links(refs)`` turns section references
into links; ``href(target)`` turns a site path ("werkbladen/x.pdf") into a URL relative to the page being rendered."""
from __future__ import annotations

import markdown as md
from markupsafe import Markup

from werkboek.training.contents import session_instruments


def agenda_rows(session, links=lambda refs: []) -> list[tuple]:
    """(start, end, row, links to its sections, its notes as HTML) for every agenda row, times computed."""
    return [(start, end, row, links(row.verwijzingen), Markup(md.markdown(row.bijzonderheden)))
            for start, end, row in session.timed_rows()]


def homework_rows(session, links=lambda refs: []) -> list[tuple]:
    """(homework item, links to its sections) for the session's homework (none after the last session)."""
    return [(item, links(item.verwijzingen)) for item in (session.huiswerk.items if session.huiswerk else [])]


def training_sessions(training, packs, sheets, instruments, href) -> list[dict]:
    """Per bijeenkomst: the session, its pack (``packs``: number → PackPlan, werkboek/training/packs.py; pages and sizes are placeholders) with the URL of
    each part, or — without packs — the worksheets it would hold."""
    sessions = []
    for s in training.bijeenkomsten:
        pack = packs.get(s.nummer)
        parts = []
        for part in (pack.parts if pack else []):
            if part.kind == "werkblad":
                info = sheets.get(part.ident)
                parts.append((part, href(f"werkbladen/{info.path.name}") if info else None))
            else:
                parts.append((part, href(f"downloads/{part.path.name}")))
        sessions.append({"sessie": s, "pakket": pack, "delen": parts,
                         "pakket_url": href("downloads/" + pack.path.name) if pack else None,
                         "a3_url": href("downloads/" + pack.a3.path.name) if pack and pack.a3 else None,
                         "werkbladen": [] if pack else session_instruments(s, instruments)})
    return sessions
