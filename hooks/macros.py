"""mkdocs-macros module: the macros that chapters call. Each renders a Jinja partial from overrides/partials/.

- instrument(id): an instrument (werkblad) from forms/<id>.yml, with its PDF download.
- fasemodel(fase): the fasemodel SVG with a phase highlighted.
- agenda(n): a bijeenkomst of the training (Bijlage 1), from data/training.yml.
- werkbladen_overzicht(): the table of every worksheet.
"""
from __future__ import annotations

from mkdocs.utils import get_relative_url

import markdown as md
from markupsafe import Markup

from werkboek.loader import DataError, cached_instruments
from werkboek import fasemodel as fasemodel_data
from werkboek.render import compact, template_env
from werkboek.sections import ref_key, scan_dir
from werkboek.site import chapter_pages, local_settings, page_url_of, pdf_infos
from werkboek.training import clock, duration_label, load_training


def define_env(env):
    templates = template_env()

    def page_url() -> str:
        return env.page.url if env.page else ""

    def rel(target: str) -> str:
        return get_relative_url(target, page_url())

    def page_name() -> str:
        return env.page.file.src_uri if env.page else "?"

    def instruments():
        return cached_instruments()

    @env.macro
    def instrument(ident: str) -> str:
        known = instruments()
        if ident not in known:
            raise DataError(
                f"{page_name()}: instrument('{ident}') bestaat niet; bekende instrumenten: {', '.join(known)}")
        info = pdf_infos(env.conf).get(ident)
        pdf = None
        if info:
            pdf = {"url": rel(f"werkbladen/{info.path.name}"), "pages": info.pages, "size_label": info.size_label}
        html = templates.get_template("partials/werkblad/instrument.html").render(
            instrument=known[ident], medium="web", pdf=pdf, lokaal=local_settings(env.conf))
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
        pages = chapter_pages(env.conf)
        infos = pdf_infos(env.conf)
        rows = []
        for ident, item in instruments().items():
            info = infos.get(ident)
            rows.append({
                "instrument": item,
                "chapter_url": rel(pages.get(item.hoofdstuk, "index.md")) + f"#s{item.nummer.replace('.', '-')}",
                "pdf_url": rel(f"werkbladen/{info.path.name}") if info else None,
                "info": info,
            })
        html = templates.get_template("partials/werkbladen-overzicht.html").render(
            rows=rows, fases={f["id"]: f["label"] for f in fasemodel_data.load()[2]} | {
                fasemodel_data.load()[1]["id"]: fasemodel_data.load()[1]["label"]})
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
                out.append({"href": href, "label": section.title})
            return out

        rows = [(start, end, row, links(row.verwijzingen), Markup(md.markdown(row.bijzonderheden)))
                for start, end, row in session.timed_rows()]
        homework = [(item, links(item.verwijzingen)) for item in (session.huiswerk.items if session.huiswerk else [])]
        html = templates.get_template("partials/agenda.html").render(
            s=session, rows=rows, huiswerk=homework, clock=clock, duration_label=duration_label)
        return compact(html)
