"""Cross-references: numbered headings get stable ids (#s5-3, chapters #h5, bijlagen #b1), and every reference in
the running text — "§5.3", "zie 7.4", "kennisbron 12.8", "hoofdstuk 3", "bijlage 1" — becomes a link to it.
A reference whose target does not exist stops the build, naming the page and the reference.

Where the print gets a reference wrong (data/verantwoording.yml, `verwijzing`), the printed words are replaced by a
link to the section the text means, followed by a visible marker saying what the print has; a recorded wrong
reference that is no longer on its page stops the build too."""
from __future__ import annotations

import html as htmllib
import re
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

from markupsafe import Markup

from werkboek.htmltext import map_text
from werkboek.loader import DataError
from werkboek.render import template_env
from werkboek.sections import HEADING, heading_key, scan
from werkboek.site import page_url
from werkboek.verantwoording import PAGE as VERANTWOORDING_PAGE, references

REF = re.compile(
    r"(?P<par>§\s?(?P<par_n>\d{1,2}\.\d{1,2}))"
    r"|(?P<kb>\b[Kk]ennisbron(?:nen)?\s+(?P<kb_n>12\.\d{1,2}))"
    r"|(?P<zie_pre>\b[Zz]ie\s+(?:ook\s+)?)(?P<zie_n>\d{1,2}\.\d{1,2})\b"
    r"|(?P<h>\b[Hh]oofdstuk\s+(?P<h_n>\d{1,2}))\b(?![.,]\d)"
    r"|(?P<b>\b[Bb]ijlage\s+(?P<b_n>\d))\b"
)

_targets: dict = {}


def on_files(files, config):
    sources = {}
    for file in files.documentation_pages():
        with open(file.abs_src_path, encoding="utf-8") as f:
            sources[file.src_uri] = f.read()
    urls = {file.src_uri: file.url for file in files.documentation_pages()}
    _targets.clear()
    _targets.update({key: (urls[s.src_uri], s.anchor) for key, s in scan(sources).items()})
    return files


def on_page_markdown(markdown, page, config, files):
    def add_id(m):
        level = len(m.group(1))
        key = heading_key(level, m.group(2))
        if key is None or "{" in m.group(2):
            return m.group(0)
        return f"{m.group(0)} {{ #{key} }}"

    return HEADING.sub(add_id, markdown)


def on_page_content(html, page, config, files):
    missing = []
    link_template = template_env().get_template("partials/verwijzing.html")
    marker_template = template_env().get_template("partials/redactie.html")
    try:
        corrections = references(Path(config.config_file_path).parent / "data" / "verantwoording.yml").get(
            page.file.src_uri, [])
    except DataError as exc:
        raise PluginError(str(exc)) from None
    found: set[str] = set()
    verantwoording = get_relative_url(page_url(VERANTWOORDING_PAGE, config.use_directory_urls), page.url)

    def corrected(ident: str, ref) -> str:
        found.add(ident)
        if ref.doel.startswith("#"):
            if f'id="{ref.doel[1:]}"' not in html:
                missing.append(f"{ref.gedrukt} → {ref.doel}")
            href = ref.doel
        else:
            href = None
            target = _targets.get(ref.doel)
            if target is None:
                missing.append(f"{ref.gedrukt} → {ref.doel}")
            else:
                url, anchor = target
                href = ("" if url == page.url else get_relative_url(url, page.url)) + (f"#{anchor}" if anchor else "")
        link_html = link_template.render(href=href or "#", label=ref.tekst)
        note = marker_template.render(id=ident, href=f"{verantwoording}#{ident}", label=f"in het werkboek: ‘{ref.gedrukt}’",
                                      titel="verwijzing verbeterd door deze uitgave")
        return link_html + " " + note

    def link(key: str, label: str, text: str) -> str:
        target = _targets.get(key)
        if target is None:
            missing.append(text)
            return htmllib.escape(text, quote=False)
        url, anchor = target
        href = ("" if url == page.url else get_relative_url(url, page.url)) + (f"#{anchor}" if anchor else "")
        return link_template.render(href=href or "#", label=Markup(label))

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
        raise PluginError(
            f"{page.file.src_uri}: de verkeerde verwijzing {', '.join(repr(r) for r in lost)} uit "
            "data/verantwoording.yml staat niet (meer) op deze pagina; pas 'verwijzing' of 'plaats' aan")
    if missing:
        raise PluginError(
            f"{page.file.src_uri}: verwijzing naar een onderdeel dat niet bestaat: "
            + ", ".join(f"'{r}'" for r in missing)
            + " (controleer het nummer, of voeg het kopje toe)")
    return result
