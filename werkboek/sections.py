"""The werkboek's numbered headings, read from the Markdown sources: section number → page and anchor.

Keys: "s5-3" for §5.3 (and kennisbron 12.3), "h5" for hoofdstuk 5, "b1" for bijlage 1. Used by the cross-reference
extension and by the training agenda, so both agree on what exists."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from werkboek.errors import DataError
from werkboek.memo import files_stamp, memoized

HEADING = re.compile(r"^(#{1,6})[ \t]+(.+?)[ \t]*$", re.M)
FENCE = re.compile(r"^(```|~~~).*?^\1", re.M | re.S)
ATTRS = re.compile(r"\s*\{[^}]*\}\s*$")
NUMBER = re.compile(r"^\s*(\d{1,2}\.\d{1,2})\b")  # a section number at the start of a text ("6.8 Reflector …")


@dataclass(frozen=True)
class Section:
    key: str
    src_uri: str
    anchor: str
    title: str


def heading_key(level: int, text: str) -> str | None:
    """The stable id of a numbered heading, or None."""
    if level == 1:
        if m := re.match(r"(\d{1,2})\s", text):
            return f"h{m.group(1)}"
        if m := re.match(r"Bijlage\s+(\d)\b", text):
            return f"b{m.group(1)}"
        if m := re.match(r"Kennisbron\s+(\d{1,2})\.(\d{1,2})\b", text):
            return f"s{m.group(1)}-{m.group(2)}"
    elif level == 2 and (m := re.match(r"(\d{1,2})\.(\d{1,2})\s", text)):
        return f"s{m.group(1)}-{m.group(2)}"
    return None


def headings(markdown: str):
    """(match, level, text) for every ATX heading outside fenced code."""
    masked = FENCE.sub(lambda m: "\n" * m.group(0).count("\n"), markdown)
    for m in HEADING.finditer(masked):
        yield m, len(m.group(1)), ATTRS.sub("", m.group(2))


def scan(sources: dict[str, str]) -> dict[str, Section]:
    """{src_uri: markdown} → {key: Section}; the first heading with a key wins."""
    found: dict[str, Section] = {}
    for src_uri, markdown in sources.items():
        for _, level, text in headings(markdown):
            key = heading_key(level, text)
            if key and key not in found:
                anchor = "" if level == 1 and key[0] in "hb" else key
                found[key] = Section(key, src_uri, anchor, text)
    return found


@dataclass(frozen=True)
class Docs:
    """The Markdown pages of a docs folder as read at one moment; what is derived from them is computed once for
    as long as no page changes."""

    folder: Path
    stamp: tuple
    sources: dict  # {path inside the folder: text}

    def sections(self) -> dict[str, Section]:
        return dict(memoized(f"sections:{self.folder}", self.stamp, lambda: scan(self.sources)))

    def titles(self) -> dict[str, str]:
        """Each page's first-level heading → its path; a heading that two pages share names neither."""
        return dict(memoized(f"titles:{self.folder}", self.stamp, lambda: _titles(self.sources)))


def read_docs(docs_dir: Path) -> Docs:
    """The pages of ``docs_dir`` now; read again only when a page changed (`make serve`)."""
    docs_dir = Path(docs_dir)
    paths = sorted(docs_dir.rglob("*.md"))
    stamp = files_stamp(paths)
    sources = memoized(f"docs:{docs_dir}", stamp,
                       lambda: {p.relative_to(docs_dir).as_posix(): p.read_text(encoding="utf-8") for p in paths})
    return Docs(docs_dir, stamp, sources)


def read_dir(docs_dir: Path) -> dict[str, str]:
    """Every Markdown page of ``docs_dir``: {path inside it: text}."""
    return dict(read_docs(docs_dir).sources)


def scan_dir(docs_dir: Path) -> dict[str, Section]:
    return read_docs(docs_dir).sections()


def page_titles(docs_dir: Path) -> dict[str, str]:
    return read_docs(docs_dir).titles()


def _titles(sources: dict[str, str]) -> dict[str, str]:
    found: dict[str, str | None] = {}
    for src_uri, markdown in sources.items():
        title = next((" ".join(text.split()) for _, level, text in headings(markdown) if level == 1), None)
        if title:
            found[title] = None if title in found else src_uri
    return {title: src_uri for title, src_uri in found.items() if src_uri}


def ref_key(ref: str) -> str:
    """'5.3' → 's5-3'; 'h4' and 'b1' stay."""
    return "s" + ref.replace(".", "-") if re.fullmatch(r"\d{1,2}\.\d{1,2}", ref) else ref


def short_label(key: str) -> str:
    """'s5-1' → '§5.1', 's12-3' → 'kennisbron 12.3', 'h6' → 'hoofdstuk 6', 'b1' → 'bijlage 1'."""
    if key.startswith("s12-"):
        return "kennisbron 12." + key[4:]
    if key.startswith("s"):
        return "§" + key[1:].replace("-", ".")
    return ("hoofdstuk " if key.startswith("h") else "bijlage ") + key[1:]


def section_text(path: Path, key: str) -> str:
    """The Markdown of the section ``key`` in the file ``path``: from below its heading to the next heading of
    level 1 or 2."""
    text = path.read_text(encoding="utf-8")
    start = end = None
    for m, level, title in headings(text):
        if start is None and heading_key(level, title) == key:
            start = m.end()
        elif start is not None and level <= 2:
            end = m.start()
            break
    if start is None:
        raise DataError(f"{path}: kopje voor {key} niet gevonden")
    return text[start:end]
