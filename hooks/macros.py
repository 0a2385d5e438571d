"""mkdocs-macros module: the macros that chapters call. Each renders a Jinja partial from overrides/partials/.

- instrument(id): an instrument (werkblad) from forms/<id>.yml, with its PDF download.
- fasemodel(fase): the fasemodel SVG with a phase highlighted.
- agenda(n): a bijeenkomst of the training (Bijlage 1), from data/training.yml.
- werkbladen_overzicht(): the table of every worksheet.
- training_geven(): the "Training geven" page: planning, the werkboek as one PDF, a pack per bijeenkomst.
- redactie(id, label): a visible marker where this edition, not the werkboek, speaks; links to the Verantwoording.
- verantwoording(): the Verantwoording page, from data/verantwoording.yml, forms/ and data/training.yml.

Filter: platte_tekst, for every gemeente value a Markdown page inserts (werkboek/platte_tekst.py).
"""
from __future__ import annotations

from mkdocs.utils import get_relative_url

from werkboek.loader import DataError, load_instruments
from werkboek import fasemodel as fasemodel_data
from werkboek.platte_tekst import platte_tekst
from werkboek.render import compact, template_env
from werkboek.sections import ref_key, scan_dir, short_label
from werkboek.packs import plan_packs
from werkboek.pdf_labels import Planned, planned_worksheets
from werkboek.site import chapter_pages, local_settings, page_url_of
from werkboek.training import clock, duration_label, load_training
from werkboek.verantwoording import GROUPS, PAGE as VERANTWOORDING_PAGE, all_items
from werkboek.views import agenda_rows, homework_rows, phase_labels, training_sessions, worksheet_rows



def define_env(env):
    templates = template_env()
    env.filter(platte_tekst)  # gemeente values inside Markdown pages: {{ lokaal.naam | platte_tekst }}

    def page_url() -> str:
        return env.page.url if env.page else ""

    def rel(target: str) -> str:
        return get_relative_url(target, page_url())

    def page_name() -> str:
        return env.page.file.src_uri if env.page else "?"

    def instruments():
        return load_instruments()

    def docs_dir():
        from pathlib import Path

        return Path(env.conf.docs_dir)

    def training_data():
        from pathlib import Path

        return load_training(Path(env.conf.config_file_path).parent / "data" / "training.yml")

    def verantwoording_items():
        from pathlib import Path

        path = Path(env.conf.config_file_path).parent / "data" / "verantwoording.yml"
        return {item.id: item for item in all_items(docs_dir(), instruments(), training_data(), path)}

    def verantwoording_url() -> str:
        return rel(page_url_of(env.conf, VERANTWOORDING_PAGE))

    @env.macro
    def redactie(ident: str, label: str = "redactie") -> str:
        items = verantwoording_items()
        if ident not in items:
            raise DataError(f"{page_name()}: redactie('{ident}') bestaat niet in de Verantwoording; bekende ids: "
                            + ", ".join(sorted(items)))
        html = templates.get_template("partials/redactie.html").render(
            id=ident, href=f"{verantwoording_url()}#{ident}", label=label, titel=items[ident].titel)
        return compact(html)

    @env.macro
    def verantwoording() -> str:
        """Markdown: the groups as headings, each entry as a heading with its place, what the print has, what this
        edition did and why."""
        from werkboek.verantwoording import place_label

        items = list(verantwoording_items().values())
        sections = scan_dir(docs_dir())
        pages = {item.pagina: get_relative_url(item.pagina, page_name()) for item in items}
        return templates.get_template("partials/verantwoording.md").render(
            groepen=[(key, label, [i for i in items if i.groep == key]) for key, label in GROUPS.items()],
            links=pages, aantal=len(items),
            plaatsen={item.id: place_label(item, sections, docs_dir()) for item in items})

    @env.macro
    def instrument(ident: str) -> str:
        known = instruments()
        if ident not in known:
            raise DataError(
                f"{page_name()}: instrument('{ident}') bestaat niet; bekende instrumenten: {', '.join(known)}")
        info = planned_worksheets(known)[ident]  # pages and size: placeholders, filled once the PDF exists
        pdf = {"url": rel(f"werkbladen/{info.path.name}"), "pages_label": info.pages_label, "size_label": info.size_label}
        html = templates.get_template("partials/werkblad/instrument.html").render(
            instrument=known[ident], medium="web", pdf=pdf, lokaal=local_settings(env.conf),
            verantwoording=verantwoording_url())
        return compact(html)

    @env.macro
    def fasemodel(fase: str | None = None) -> str:
        try:
            m = fasemodel_data.model(fase)
        except DataError as exc:
            raise DataError(f"{page_name()}: {exc}") from None
        pages = chapter_pages(env.conf)
        links = {s.id: rel(pages[s.chapter]) for s in m["segments"] if s.chapter in pages}
        uid = "fasemodel-" + (fase or "overzicht")
        html = templates.get_template("partials/fasemodel.html").render(m=m, links=links, uid=uid)
        return compact(html)

    @env.macro
    def werkbladen_overzicht() -> str:
        rows = worksheet_rows(instruments(), planned_worksheets(instruments()), chapter_pages(env.conf), rel)
        html = templates.get_template("partials/werkbladen-overzicht.html").render(rows=rows, fases=phase_labels())
        return compact(html)

    @env.macro
    def agenda(number: int) -> str:
        from pathlib import Path

        sections = scan_dir(Path(env.conf.docs_dir))
        training = load_training(known_refs=set(sections))
        session = training.session(number)

        def links(refs):
            out = []
            for ref in refs:
                section = sections[ref_key(ref)]
                href = rel(page_url_of(env.conf, section.src_uri)) + (f"#{section.anchor}" if section.anchor else "")
                out.append({"href": href, "label": short_label(section.key), "title": section.title})
            return out

        html = templates.get_template("partials/agenda.html").render(
            s=session, rows=agenda_rows(session, links), huiswerk=homework_rows(session, links), clock=clock,
            duration_label=duration_label, verantwoording=verantwoording_url())
        return compact(html)

    @env.macro
    def training_geven() -> str:
        """The "Training geven" page: planning advice, the werkboek as one PDF, and per bijeenkomst the thema, the
        programme in short (linking to Bijlage 1), what to prepare and the download pack with its parts. Returns
        Markdown (its headings join the page's table of contents). The packs as planned (werkboek/packs.py); every
        PDF's pages and size are placeholders, filled in once the PDFs exist (werkboek/afronden.py)."""
        from pathlib import Path

        root = Path(env.conf.config_file_path).parent
        training = load_training(root / "data" / "training.yml")
        packs = plan_packs(training, instruments(), Path(env.conf.docs_dir))
        sections = scan_dir(Path(env.conf.docs_dir))
        # Markdown links name the source file (MkDocs checks them and their anchors); raw HTML names the URL.
        bijlage = get_relative_url(sections["b1"].src_uri, page_name()) if "b1" in sections else None
        boek = rel("downloads/werkboek.pdf")
        sessions = training_sessions(training, packs, planned_worksheets(instruments()), instruments(), rel)
        text = templates.get_template("partials/training-geven.md").render(
            training=training, plan=training.planning, tussen=training.planning.minimaal_weken_tussen,
            lengths=[duration_label(m) for m in sorted({s.duur_minuten for s in training.bijeenkomsten})],
            sessies=sessions, boek=boek, boek_label=Planned("downloads/werkboek.pdf").label, bijlage=bijlage,
            clock=clock, duration_label=duration_label, verantwoording=verantwoording_url(),
            extra={"werkblad": "", "poster": ", A3, voor aan de muur", "huiswerk": ", voor iedere deelnemer",
                   "agenda": ", voor uzelf: tijden, materiaal en inhoud van het pakket"})
        return text
