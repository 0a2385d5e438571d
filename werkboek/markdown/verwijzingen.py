"""Cross-references: every reference in the running text — "§5.3", "zie 7.4", "kennisbron 12.8", "hoofdstuk 3",
"bijlage 1" — becomes a link to its section (overrides/partials/verwijzing.html). A reference whose target does not
exist stops the build, naming the page and the reference.

Where the print gets a reference wrong (data/verantwoording.yml, `verwijzing`), the printed words are replaced by a
link to the section the text means, followed by a visible marker saying what the print has
(overrides/partials/redactie.html); a recorded wrong reference that is no longer on its page stops the build too.

Configuration: `docs_dir` (the pages; which page holds §5.3 comes from their headings, werkboek.sections),
`verantwoording` (the data file), `use_directory_urls` (the site's URL layout, as in mkdocs.yml).

Runs on the finished HTML (a postprocessor), so references in what macros wrote (agendas, the Verantwoording's
entries) are links too. The links are written as URLs relative to the page, which the extension knows from the
page's own first heading (werkboek.markdown.pagina): a link in raw HTML is never rewritten by a site engine, so the
extension writes the final URL for every reference, the same way everywhere."""
from __future__ import annotations

import html as htmllib
import re
from pathlib import Path

from markupsafe import Markup

from werkboek import ROOT
from werkboek.htmltext import map_text
from werkboek.markdown import DOCS_DIR_OPTION, PageExtension, PagePostprocessor, TekstFout, project_path
from werkboek.markdown.pagina import which_page
from werkboek.pages.verantwoording import PAGE as VERANTWOORDING_PAGE
from werkboek.pages.verantwoording import VERANTWOORDING_PATH, references
from werkboek.sections import Section
from werkboek.site import page_url, relative_url
from werkboek.werkblad.render import template_env

REF = re.compile(
    r"(?P<par>§\s?(?P<par_n>\d{1,2}\.\d{1,2}))"
    r"|(?P<kb>\b[Kk]ennisbron(?:nen)?\s+(?P<kb_n>12\.\d{1,2}))"
    r"|(?P<zie_pre>\b[Zz]ie\s+(?:ook\s+)?)(?P<zie_n>\d{1,2}\.\d{1,2})\b"
    r"|(?P<h>\b[Hh]oofdstuk\s+(?P<h_n>\d{1,2}))\b(?![.,]\d)"
    r"|(?P<b>\b[Bb]ijlage\s+(?P<b_n>\d))\b"
)


def link_references(html: str, page: str | None, sections: dict[str, Section],
                    verantwoording: Path = VERANTWOORDING_PATH, use_directory_urls: bool = False) -> str:
    """``html`` (the page ``page`` of the docs folder, or None when unknown) with every reference to one of its
    ``sections`` (werkboek.sections.scan) a link."""
    corrections = references(Path(verantwoording)).get(page, []) if page else []
    if not corrections and not REF.search(html):
        return html
    targets = {key: (page_url(s.src_uri, use_directory_urls), s.anchor) for key, s in sections.items()}
    here = page_url(page, use_directory_urls) if page else None
    link_template = template_env().get_template("partials/verwijzing.html")
    marker_template = template_env().get_template("partials/redactie.html")
    missing: list[str] = []
    found: set[str] = set()
    unplaced: list[str] = []

    def href_of(key: str, text: str) -> str | None:
        target = targets.get(key)
        if target is None:
            missing.append(text)
            return None
        url, anchor = target
        if here is None:
            unplaced.append(text)
            return None
        href = ("" if url == here else relative_url(url, here)) + (f"#{anchor}" if anchor else "")
        return href or "#"

    def corrected(ident: str, ref) -> str:
        found.add(ident)
        if ref.doel.startswith("#"):
            if f'id="{ref.doel[1:]}"' not in html:
                missing.append(f"{ref.gedrukt} → {ref.doel}")
            href = ref.doel
        else:
            href = href_of(ref.doel, f"{ref.gedrukt} → {ref.doel}")
        link_html = link_template.render(href=href or "#", label=ref.tekst)
        verantwoording_url = relative_url(page_url(VERANTWOORDING_PAGE, use_directory_urls), here)
        note = marker_template.render(id=ident, href=f"{verantwoording_url}#{ident}",
                                      label=f"in het werkboek: ‘{ref.gedrukt}’",
                                      titel="verwijzing verbeterd door deze uitgave")
        return link_html + " " + note

    def link(key: str, label: str, text: str) -> str:
        href = href_of(key, text)
        if href is None:
            return htmllib.escape(text, quote=False)
        return link_template.render(href=href, label=Markup(label))

    def replace(m: re.Match) -> str:
        g = m.groupdict()
        if g["par"]:
            return link("s" + g["par_n"].replace(".", "-"), m.group(0), m.group(0))
        if g["kb"]:
            return link("s" + g["kb_n"].replace(".", "-"), m.group(0), m.group(0))
        if g["zie_n"]:
            return g["zie_pre"] + link("s" + g["zie_n"].replace(".", "-"), g["zie_n"], m.group(0))
        if g["h"]:
            return link("h" + g["h_n"], m.group(0), m.group(0))
        return link("b" + g["b_n"], m.group(0), m.group(0))

    def process(text: str) -> str:
        for ident, ref in corrections:
            if ref.gedrukt in text:
                before, _, after = text.partition(ref.gedrukt)
                return process(before) + corrected(ident, ref) + process(after)
        return REF.sub(replace, text)

    result = map_text(html, process)
    lost = [ref.gedrukt for ident, ref in corrections if ident not in found]
    if lost:
        raise TekstFout(
            f"{page}: de verkeerde verwijzing {', '.join(repr(r) for r in lost)} uit "
            f"{_shown(Path(verantwoording))} staat niet (meer) op deze pagina; pas 'verwijzing' of 'plaats' aan")
    if missing:
        raise TekstFout(
            f"{page or 'pagina zonder bekende titel'}: verwijzing naar een onderdeel dat niet bestaat: "
            + ", ".join(f"'{r}'" for r in missing)
            + " (controleer het nummer, of voeg het kopje toe)")
    if unplaced:
        raise TekstFout(
            "een pagina waarvan de eerste kop (# …) geen pagina in docs/ noemt, heeft verwijzingen: "
            + ", ".join(f"'{r}'" for r in unplaced)
            + "; zonder die kop weet de bouw niet waar de pagina staat (geef de pagina één eigen kop '# …')")
    return result


def _shown(path: Path) -> str:
    """A data file as its editor knows it: relative to the project folder when it lies in it."""
    return path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else str(path)


class VerwijzingenPostprocessor(PagePostprocessor):
    def page(self, text: str) -> str:
        docs = self.docs()
        return link_references(text, which_page(text, docs), docs.sections(),
                               project_path(self.config["verantwoording"]), bool(self.config["use_directory_urls"]))


class VerwijzingenExtension(PageExtension):
    processor = VerwijzingenPostprocessor
    name = "werkboek_verwijzingen"
    priority = 10
    options = {
        "docs_dir": DOCS_DIR_OPTION,
        "verantwoording": ["data/verantwoording.yml", "the Verantwoording's data, with the print's wrong references"],
        "use_directory_urls": [False, "the site's URL layout (as mkdocs.yml's use_directory_urls)"],
    }


def makeExtension(**kwargs):
    return VerwijzingenExtension(**kwargs)
