"""Section anchors: every numbered heading gets a stable id — §5.3 "s5-3", chapter 5 "h5", bijlage 1 "b1",
kennisbron 12.3 "s12-3" (werkboek.sections.heading_key) — so references and the training agenda can link to it.

A heading with its own attribute list (`{ … }`) is left as written. Runs on the element tree after the inline
patterns and before `attr_list` and `toc`, so toc keeps the id (and its permalink uses it)."""
from __future__ import annotations

from markdown import Extension
from markdown.treeprocessors import Treeprocessor

from werkboek.sections import heading_key

HEADINGS = {f"h{n}": n for n in range(1, 7)}


class AnkersTreeprocessor(Treeprocessor):
    def run(self, root):
        for element in root.iter():
            level = HEADINGS.get(element.tag)
            if level is None or "id" in element.attrib:
                continue
            text = "".join(element.itertext())
            if "{" in text:
                continue
            key = heading_key(level, text.strip())
            if key:
                element.set("id", key)


class AnkersExtension(Extension):
    def extendMarkdown(self, md):
        md.treeprocessors.register(AnkersTreeprocessor(md), "werkboek_ankers", 9)  # attr_list: 8, toc: 5


def makeExtension(**kwargs):
    return AnkersExtension(**kwargs)
