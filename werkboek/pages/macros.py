"""The macros that chapters call, as plain functions of an explicit context: no site engine involved. Each renders
a Jinja partial from overrides/partials/ and returns HTML (or Markdown where the page's table of contents must see
its headings). ``hooks/macros.py`` only builds the context once per build and registers these functions.

- instrument(id): an instrument (werkblad) from forms/<id>.yml, with its PDF download.
- fasemodel(fase): the fasemodel SVG with a phase highlighted.
- agenda(n): a bijeenkomst of the training (Bijlage 1), from data/training.yml.
- werkbladen_overzicht(): the table of every worksheet.
- training_geven(): the "Training geven" page: planning, the werkboek as one PDF, a pack per bijeenkomst.
- redactie(id, label): a visible marker where this edition, not the werkboek, speaks; links to the Verantwoording.
- verantwoording(): the Verantwoording page, from data/verantwoording.yml, forms/ and data/training.yml.
- mijn_antwoorden(): the list of "Mijn antwoorden": every worksheet with fields (werkboek/pages/antwoorden.py).

Every function takes the context and ``page``, the Markdown source being rendered (``"05-herkennen.md"``): links are
made relative to it, and an error names it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from werkboek import WERKBOEK_TITEL
from werkboek.errors import DataError
from werkboek.pages.antwoorden import PAGE as ANTWOORDEN_PAGE
from werkboek.pages.antwoorden import fields_json, form_fields
from werkboek.pages import fasemodel as fasemodel_data
from werkboek.pages.verantwoording import GROUPS, Item, all_items, place_label
from werkboek.pages.verantwoording import PAGE as VERANTWOORDING_PAGE
from werkboek.pages.views import phase_labels, worksheet_rows
from werkboek.pdf.labels import Planned, planned_worksheets
from werkboek.sections import Section, ref_key, scan_dir, short_label
from werkboek.site import BOOK, chapter_sources, page_url, relative_url
from werkboek.training.agenda import agenda_rows, homework_rows, training_sessions
from werkboek.training.model import Training, clock, duration_label, load_training
from werkboek.training.packs import plan_packs
from werkboek.training.planning import homework_for, planning_data
from werkboek.werkblad.loader import load_instruments
from werkboek.werkblad.render import compact, template_env
from werkboek.werkblad.web import web_form


@dataclass(frozen=True)
class Context:
    """Everything the macros read. ``load_context`` fills it from the project's files; tests build small ones."""

    instruments: dict  # id → Instrument (forms/)
    training: Training  # data/training.yml, its references checked against ``sections``
    fasemodel: tuple  # (midden, ring, fases) as data/fasemodel.yml holds them
    sections: dict[str, Section]  # section map of docs/: "s5-3", "h5", "b1" → page and anchor
    chapters: dict[int, str]  # chapter number → its Markdown source
    verantwoording: dict[str, Item]  # entry id → entry of the Verantwoording page
    places: dict[str, str]  # entry id → the readable name of its place
    directory_urls: bool = False  # the URL scheme: x.md → x.html (False) or x/ (True)
    lokaal: object | None = None  # the gemeente's settings (werkboek.gemeente.model.Gemeente), None upstream
    # The PDFs as pages show them before they are made (pages and sizes: placeholders, werkboek/pdf/labels.py):
    pdf_infos: dict = field(default_factory=dict)  # instrument id → its worksheet (Planned, or a made PdfInfo)
    packs: dict = field(default_factory=dict)  # bijeenkomst number → its pack (PackPlan, or a made Pack)

    def url(self, src_uri: str) -> str:
        return page_url(src_uri, self.directory_urls)

    def href(self, page: str):
        """``target`` (a site path such as "werkbladen/x.pdf") → its URL relative to ``page``."""
        here = self.url(page)
        return lambda target: relative_url(target, here)

    def chapter_urls(self) -> dict[int, str]:
        return {number: self.url(src) for number, src in self.chapters.items()}


def load_context(root: Path, docs_dir: Path, directory_urls: bool = False, lokaal=None) -> Context:
    """The context from the project at ``root`` (forms/, data/) and its ``docs_dir``, and the gemeente's settings;
    the worksheets and packs as planned (they are made after the pages: werkboek/publish/finish.py)."""
    root, docs = Path(root), Path(docs_dir)
    instruments = load_instruments(root / "forms")
    sections = scan_dir(docs)
    training = load_training(root / "data" / "training.yml", known_refs=set(sections))
    items = all_items(docs, instruments, training, root / "data" / "verantwoording.yml")
    return Context(
        instruments=instruments, training=training, fasemodel=fasemodel_data.load(root / "data" / "fasemodel.yml"),
        sections=sections, chapters=chapter_sources(docs), verantwoording={item.id: item for item in items},
        places={item.id: place_label(item, sections, docs) for item in items}, directory_urls=directory_urls,
        lokaal=lokaal, pdf_infos=planned_worksheets(instruments), packs=plan_packs(training, instruments, docs))


def _verantwoording_url(ctx: Context, page: str) -> str:
    return ctx.href(page)(ctx.url(VERANTWOORDING_PAGE))


def redactie(ctx: Context, page: str, ident: str, label: str = "redactie") -> str:
    if ident not in ctx.verantwoording:
        raise DataError(f"{page}: redactie('{ident}') bestaat niet in de Verantwoording; bekende ids: "
                        + ", ".join(sorted(ctx.verantwoording)))
    html = template_env().get_template("partials/redactie.html").render(
        id=ident, href=f"{_verantwoording_url(ctx, page)}#{ident}", label=label, titel=ctx.verantwoording[ident].titel)
    return compact(html)


def verantwoording(ctx: Context, page: str) -> str:
    """Markdown: the groups as headings, each entry as a heading with its place, what the print has, what this
    edition did and why."""
    items = list(ctx.verantwoording.values())
    return template_env().get_template("partials/verantwoording.md").render(
        groepen=[(key, label, [i for i in items if i.groep == key]) for key, label in GROUPS.items()],
        links={item.pagina: relative_url(item.pagina, page) for item in items}, aantal=len(items),
        plaatsen=ctx.places)


def instrument_context(ctx: Context, page: str, ident: str) -> dict:
    """What the instrument's template gets on ``page`` (the web page's and, in the book, the same page's)."""
    if ident not in ctx.instruments:
        raise DataError(
            f"{page}: instrument('{ident}') bestaat niet; bekende instrumenten: {', '.join(ctx.instruments)}")
    href, info, pdf = ctx.href(page), ctx.pdf_infos.get(ident), None
    if info:
        pdf = {"url": href(f"werkbladen/{info.path.name}"), "pages_label": info.pages_label,
               "size_label": info.size_label}
    return {"instrument": ctx.instruments[ident], "pdf": pdf, "lokaal": ctx.lokaal,
            "verantwoording": _verantwoording_url(ctx, page), "mijn_antwoorden": href(ctx.url(ANTWOORDEN_PAGE))}


def instrument(ctx: Context, page: str, ident: str) -> str:
    return web_form(**instrument_context(ctx, page, ident))


def fasemodel(ctx: Context, page: str, fase: str | None = None) -> str:
    try:
        m = fasemodel_data.model(fase, ctx.fasemodel)
    except DataError as exc:
        raise DataError(f"{page}: {exc}") from None
    href = ctx.href(page)
    links = {s.id: href(ctx.url(ctx.chapters[s.chapter])) for s in m["segments"] if s.chapter in ctx.chapters}
    html = template_env().get_template("partials/fasemodel.html").render(
        m=m, links=links, uid="fasemodel-" + (fase or "overzicht"))
    return compact(html)


def werkbladen_overzicht(ctx: Context, page: str) -> str:
    rows = worksheet_rows(ctx.instruments, ctx.pdf_infos, ctx.chapter_urls(), ctx.href(page))
    html = template_env().get_template("partials/werkbladen-overzicht.html").render(
        rows=rows, fases=phase_labels(ctx.fasemodel))
    return compact(html)


def agenda(ctx: Context, page: str, number: int) -> str:
    try:
        session = ctx.training.session(number)
    except DataError as exc:
        raise DataError(f"{page}: agenda({number}): {exc}") from None
    href = ctx.href(page)

    def links(refs):
        out = []
        for ref in refs:
            section = ctx.sections[ref_key(ref)]
            out.append({"href": href(ctx.url(section.src_uri)) + (f"#{section.anchor}" if section.anchor else ""),
                        "label": short_label(section.key), "title": section.title})
        return out

    html = template_env().get_template("partials/agenda.html").render(
        s=session, rows=agenda_rows(session, links), huiswerk=homework_rows(session, links), clock=clock,
        duration_label=duration_label, verantwoording=_verantwoording_url(ctx, page), klok=True)
    return compact(html)


def training_geven(ctx: Context, page: str) -> str:
    """The "Training geven" page: planning advice, the werkboek as one PDF, and per bijeenkomst the thema, the
    programme in short (linking to Bijlage 1), what to prepare and the download pack with its parts. Returns
    Markdown (its headings join the page's table of contents). Every PDF's pages and size are placeholders, filled
    in once the PDFs exist (werkboek/publish/finish.py)."""
    training, href = ctx.training, ctx.href(page)
    # Markdown links name the source file (the engine checks them and their anchors); raw HTML names the URL.
    bijlage = relative_url(ctx.sections["b1"].src_uri, page) if "b1" in ctx.sections else None
    sessions = training_sessions(training, ctx.packs, ctx.pdf_infos, ctx.instruments, href)
    return template_env().get_template("partials/training-geven.md").render(
        training=training, plan=training.planning, tussen=training.planning.minimaal_weken_tussen,
        lengths=[duration_label(m) for m in sorted({s.duur_minuten for s in training.bijeenkomsten})],
        sessies=sessions, boek=href(BOOK), boek_label=Planned(BOOK).label, bijlage=bijlage, clock=clock,
        duration_label=duration_label, verantwoording=_verantwoording_url(ctx, page), planner=planner(ctx),
        extra={"werkblad": "", "poster": ", A3, voor aan de muur", "huiswerk": ", voor iedere deelnemer",
               "agenda": ", voor uzelf: tijden, materiaal en inhoud van het pakket"})


def planner(ctx: Context) -> str:
    """The trainer's planner of "Training geven" (partials/planning.html) with its data island and what it prints."""
    training = ctx.training
    html = template_env().get_template("partials/planning.html").render(
        training=training, data=planning_data(training), voorbereiden=homework_for(training),
        agendas=[{"sessie": s, "rows": agenda_rows(s), "huiswerk": homework_rows(s)} for s in training.bijeenkomsten],
        werkboek_titel=getattr(ctx.lokaal, "site_titel", None) or WERKBOEK_TITEL, clock=clock,
        duration_label=duration_label)
    return compact(html)


def mijn_antwoorden(ctx: Context, page: str) -> str:
    """Every worksheet with fields, hidden until the page's script finds answers to it on this device."""
    href, chapters, rows = ctx.href(page), ctx.chapter_urls(), []
    for ident, item in ctx.instruments.items():
        context = instrument_context(ctx, page, ident)
        fields = form_fields(web_form(**context))
        if fields and context["pdf"]:
            rows.append({"instrument": item, "pdf": context["pdf"]["url"], "velden": fields_json(ident, fields),
                         "url": href(chapters.get(item.hoofdstuk, "index.html")) + f"#werkblad-{ident}"})
    return compact(template_env().get_template("partials/mijn-antwoorden.html").render(rows=rows))


MACROS = (instrument, fasemodel, agenda, werkbladen_overzicht, training_geven, redactie, verantwoording,
          mijn_antwoorden)
