"""What a bijeenkomst's pack holds besides its agenda and homework: the session's worksheets and posters.

Which worksheets belong to a session (the mapping rules):

- every section number in the ``verwijzingen`` of the session's agenda rows, and every section number that starts
  an ``uitdelen`` or ``meenemen`` item ("6.8 Reflector …"), that is the ``nummer`` of an instrument in forms/*.yml;
- every instrument whose title is named (case-insensitive, as a whole phrase) in an ``uitdelen``/``meenemen`` item
  ("Partnerschapskaart A3 of groter");
- every instrument whose title is named in an agenda row (``wat`` or ``bijzonderheden``: "signaleringskaart" in
  5.1's row), unless another section of the werkboek carries that title too: then the row names that section's
  theme, not the worksheet ("interesses en waarden" is also 8.3 Praktijkopdracht: Interesses en waarden);
- homework references are *not* printed in the pack (participants use them at home; the homework sheet names them);
- worksheets are ordered as in the werkboek (by number), each once.

Posters: a ``meenemen`` item or agenda note that lists strategies as "(1) elkaar kennen, (2) …, (3/4) …" gets one
poster per strategy. Each poster carries, verbatim from the Markdown of §11.1, the definition of every level it
names (``: **1. Elkaar kennen** …``), and from §11.2 the questions of the matching "Niveau …" entry.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from werkboek import ROOT
from werkboek.deflist import definitions
from werkboek.errors import DataError
from werkboek.sections import NUMBER, ref_key, scan_dir, section_text
from werkboek.training.model import Session

DOCS_DIR = ROOT / "docs"
STRATEGY = re.compile(r"\((\d(?:/\d)*)\)\s*([^,.;()]+?)\s*(?=[,.;]|\(|$)")


@dataclass(frozen=True)
class Poster:
    label: str  # "1", "2", "3/4"
    title: str  # "Elkaar kennen" (from the agenda)
    levels: list[tuple[str, str]]  # (strategy, definition Markdown) verbatim from §11.1
    questions: list[tuple[str, list[str]]]  # ("Niveau 1", [question, …]) verbatim from §11.2
    source: str  # "§11.1–11.2"

    @property
    def slug(self) -> str:
        return "poster-" + self.label.replace("/", "-") + "-" + re.sub(r"[^a-z0-9]+", "-", self.title.lower()).strip("-")


def _names(text: str, title: str) -> bool:
    return re.search(r"(?<![\w-])" + re.escape(title.lower()) + r"(?![\w-])", text.lower()) is not None


def session_instruments(session: Session, instruments, sections=None) -> list:
    """The instruments printed for a session (rules in the module docstring), in werkboek order. ``sections``
    (werkboek.sections.scan) tells which titles other sections share; default: docs/."""
    sections = scan_dir(DOCS_DIR) if sections is None else sections
    by_number = {i.nummer: i for i in instruments.values()}
    found = set()
    rows = [row.wat + "\n" + row.bijzonderheden for row in session.agenda]
    materials = list(session.uitdelen) + list(session.meenemen)
    for row in session.agenda:
        found.update(by_number[r].id for r in row.verwijzingen if r in by_number)
    for item in materials:
        if (m := NUMBER.match(item)) and m.group(1) in by_number:
            found.add(by_number[m.group(1)].id)
    shared = _shared_titles(tuple((i.id, ref_key(i.nummer), i.titel) for i in instruments.values()),
                            tuple((key, s.title) for key, s in sections.items()))
    for instrument in instruments.values():
        if any(_names(text, instrument.titel) for text in materials) or (
                instrument.id not in shared and any(_names(text, instrument.titel) for text in rows)):
            found.add(instrument.id)
    return [i for i in instruments.values() if i.id in found]


@functools.lru_cache(maxsize=8)
def _shared_titles(instruments: tuple[tuple[str, str, str], ...], titles: tuple[tuple[str, str], ...]) -> frozenset:
    """Ids of the instruments (id, section key, title) whose title another section (key, title) carries too. The
    same for every session of a build: worked out once per content of the forms and the headings."""
    return frozenset(ident for ident, own, title in instruments
                     if any(_names(other, title) for key, other in titles if key != own))


def session_posters(session: Session, docs_dir: Path = DOCS_DIR) -> list[Poster]:
    """One poster per strategy named as '(1) elkaar kennen, …' in the session's meenemen (or else its agenda)."""
    sources = list(session.meenemen) + [row.bijzonderheden for row in session.agenda]
    for text in sources:
        found = STRATEGY.findall(text)
        if len(found) >= 2:
            break
    else:
        return []
    levels, questions = strategy_texts(docs_dir)
    posters = []
    for label, title in found:
        numbers = label.split("/")
        missing = [n for n in numbers if n not in levels]
        if missing:
            raise DataError(f"poster '({label}) {title}': niveau {', '.join(missing)} staat niet in §11.1 "
                            "(verwacht ': **1. Elkaar kennen** …' in de definitielijst)")
        qs = [(term, items) for term, items in questions if set(re.findall(r"\d", term)) & set(numbers)]
        title = title.strip()
        posters.append(Poster(label, title[:1].upper() + title[1:], [levels[n] for n in numbers], qs, "§11.1–11.2"))
    return posters


def strategy_texts(docs_dir: Path = DOCS_DIR):
    """From the Markdown: {level: (strategy, definition)} of §11.1 and [(\"Niveau …\", [question, …])] of §11.2."""
    sections = scan_dir(docs_dir)
    if "s11-1" not in sections or "s11-2" not in sections:
        raise DataError(f"{docs_dir}: §11.1 en §11.2 ontbreken; de posters voor bijeenkomst 5 komen daaruit")
    text11 = section_text(docs_dir / sections["s11-1"].src_uri, "s11-1")
    text12 = section_text(docs_dir / sections["s11-2"].src_uri, "s11-2")
    levels = {}
    for term, items in definitions(text11):
        for item in items:
            if m := re.match(r"\*\*(\d)\.\s", item):
                levels[m.group(1)] = (term, item)
    questions = [(term, items) for term, items in definitions(text12) if term.startswith("Niveau")]
    return levels, questions


