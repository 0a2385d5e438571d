"""The pages of a training pack that are made for it (rendered from overrides/pdf/pakket-*.html): the homework
sheet, the trainer's agenda and the posters."""
from __future__ import annotations

import markdown as md
from markupsafe import Markup

from werkboek import WERKBOEK_TITEL
from werkboek.pdf.weasy import PDF_DIR
from werkboek.sections import ref_key
from werkboek.training.agenda import agenda_rows, homework_rows
from werkboek.training.contents import Poster
from werkboek.training.model import Session, clock, duration_label
from werkboek.werkblad.render import template_env


def _page_html(template: str, **context) -> str:
    context.setdefault("lokaal", None)
    context.setdefault("werkboek_titel", getattr(context["lokaal"], "site_titel", None) or WERKBOEK_TITEL)
    context.setdefault("css", (PDF_DIR / "pakket.css").as_uri())
    return template_env().get_template(f"pdf/{template}").render(**context)


def section_label(sections, ref: str) -> str:
    section = sections.get(ref_key(ref))
    return section.title if section else ref


def homework_html(session: Session, sections, instruments, lokaal=None) -> str:
    by_number = {i.nummer: i for i in instruments.values()}
    items = []
    for item in session.huiswerk.items:
        refs = [section_label(sections, r) for r in item.verwijzingen if r not in by_number]
        sheets = [by_number[r] for r in item.verwijzingen if r in by_number]
        items.append({"tekst": item.tekst, "refs": refs, "werkbladen": sheets})
    count = len(session.huiswerk.items)
    return _page_html("pakket-huiswerk.html", s=session, items=items, lokaal=lokaal,
                      kop=f"{'Opdracht' if count == 1 else 'Opdrachten'} voor bijeenkomst {session.huiswerk.voor_bijeenkomst}")


def agenda_html(session: Session, contents: list[tuple[str, str]], lokaal=None) -> str:
    return _page_html("pakket-agenda.html", s=session, rows=agenda_rows(session), huiswerk=homework_rows(session),
                      clock=clock, duration_label=duration_label, inhoud=contents, lokaal=lokaal)


def poster_html(poster: Poster, session: Session, lokaal=None) -> str:
    levels = [(strategy, Markup(md.markdown(text))) for strategy, text in poster.levels]
    return _page_html("pakket-poster.html", p=poster, s=session, levels=levels, lokaal=lokaal)

