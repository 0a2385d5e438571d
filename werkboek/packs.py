"""Download packs for the training (Bijlage 1): one PDF per bijeenkomst with everything the trainer prints.

Callable without MkDocs: ``python -m werkboek packs OUT`` or ``build_packs(out)``. A pack holds, in this order:

1. the session's worksheets (fillable; fields are copied with the pages, so they stay fillable after merging),
2. the session's posters (bijeenkomst 5: the three strategy sheets for the walls, A3),
3. the homework sheet "Opdracht(en) voor bijeenkomst n+1" (from ``huiswerk``; none after the last session),
4. a one-page agenda for the trainer: computed times, the materials, and what is in the pack.

Each part is also written as its own file (worksheets stay at werkbladen/<id>.pdf), so one part can be printed.

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

An ``uitdelen`` item that starts with a section number must name an instrument (it is a handout); otherwise the
data is rejected, naming file, line, session and item.

Posters: a ``meenemen`` item or agenda note that lists strategies as "(1) elkaar kennen, (2) …, (3/4) …" gets one
poster per strategy. Each poster carries, verbatim from the Markdown of §11.1, the definition of every level it
names (``: **1. Elkaar kennen** …``), and from §11.2 the questions of the matching "Niveau …" entry.

Everything is reproducible: WeasyPrint output is cached by a hash of its HTML and style inputs, the merged pack by
a hash of its parts; dates come from ``werkboek.pdf.source_date()`` and ids are deterministic.
"""
from __future__ import annotations

import hashlib
import io
import re
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import markdown as md
import pikepdf
from markupsafe import Markup

from . import ROOT, TEMPLATES_DIR
from .loader import DataError, read_yaml
from .pdf import finalize, pages_label, size_label
from .render import template_env
from .sections import headings, ref_key, scan_dir
from .training import TRAINING_PATH, Session, Training, clock, duration_label, load_training

DOCS_DIR = ROOT / "docs"
WERKBOEK_TITEL = "Eenzaam ben je niet alleen"
PDF_DIR = TEMPLATES_DIR / "pdf"
NUMBER = re.compile(r"^\s*(\d{1,2}\.\d{1,2})\b")
STRATEGY = re.compile(r"\((\d(?:/\d)*)\)\s*([^,.;()]+?)\s*(?=[,.;]|\(|$)")
# Style inputs of every WeasyPrint render (besides the HTML itself): a change to any invalidates the cache.
STYLE_INPUTS = [PDF_DIR, ROOT / "docs" / "assets" / "fonts", ROOT / "docs" / "assets" / "stylesheets"]


@dataclass(frozen=True)
class Part:
    kind: str  # "werkblad", "poster", "huiswerk" or "agenda"
    title: str
    path: Path
    pages: int
    size: int
    ident: str = ""  # instrument id for worksheets

    @property
    def size_label(self) -> str:
        return size_label(self.size)


@dataclass(frozen=True)
class Pack:
    number: int
    path: Path
    pages: int
    size: int
    parts: list[Part] = field(default_factory=list)

    @property
    def size_label(self) -> str:
        return size_label(self.size)


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


# --- data: the training, checked against the werkboek and the instruments -------------------------------------

def check_training(path: Path = TRAINING_PATH, docs_dir: Path = DOCS_DIR, instruments=None) -> Training:
    """Load data/training.yml and check what the schema cannot: durations (with the row named), references to
    sections that exist in docs/, and handouts that name an instrument. Errors name file, line, session and row."""
    if instruments is None:
        from .loader import load_instruments
        instruments = load_instruments()
    data, lines = read_yaml(path)
    errors = _check_durations(data, lines, path)
    if errors:
        raise DataError("\n".join(errors))
    training = load_training(path, known_refs=set(scan_dir(docs_dir)))
    by_number = {i.nummer: i for i in instruments.values()}
    for si, session in enumerate(training.bijeenkomsten):
        for key in ("uitdelen",):
            for ii, item in enumerate(getattr(session, key)):
                m = NUMBER.match(item)
                if m and m.group(1) not in by_number:
                    line = lines.get(("bijeenkomsten", si, key, ii))
                    errors.append(f"{path}" + (f", regel {line}" if line else "")
                                  + f": bijeenkomst {session.nummer}, {key} '{item[:60]}': {m.group(1)} is geen "
                                  "instrument (werkblad); bekende instrumenten: "
                                  + ", ".join(f"{i.nummer} {i.titel}" for i in instruments.values()))
    if errors:
        raise DataError("\n".join(errors))
    return training


def _check_durations(data, lines, path: Path) -> list[str]:
    errors = []
    sessions = data.get("bijeenkomsten") if isinstance(data, dict) else None
    for si, session in enumerate(sessions if isinstance(sessions, list) else []):
        if not isinstance(session, dict):
            continue
        number = session.get("nummer", si + 1)
        for ri, row in enumerate(session.get("agenda") or []):
            if not isinstance(row, dict):
                continue
            where = ("bijeenkomsten", si, "agenda", ri)
            label = str(row.get("wat", f"rij {ri + 1}"))[:60]
            if "duur" not in row or row["duur"] is None:
                line = lines.get(where + ("wat",)) or lines.get(where)
                problem = "'duur' ontbreekt"
            elif isinstance(row["duur"], bool) or not isinstance(row["duur"], int) or row["duur"] <= 0:
                line = lines.get(where + ("duur",)) or lines.get(where)
                problem = f"'duur' is {row['duur']!r}"
            else:
                continue
            errors.append(f"{path}" + (f", regel {line}" if line else "")
                          + f": bijeenkomst {number}, rij '{label}': {problem}; verwacht het aantal minuten als"
                          " geheel getal groter dan 0 (de kolom Tijd van de trainershandleiding)")
    return errors


# --- mapping: session → worksheets and posters ------------------------------------------------------------------

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
    for instrument in instruments.values():
        own = ref_key(instrument.nummer)
        shared = any(_names(s.title, instrument.titel) for key, s in sections.items() if key != own)
        if any(_names(text, instrument.titel) for text in materials) or (
                not shared and any(_names(text, instrument.titel) for text in rows)):
            found.add(instrument.id)
    return [i for i in instruments.values() if i.id in found]


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
    text11 = _section_text(docs_dir / sections["s11-1"].src_uri, "s11-1")
    text12 = _section_text(docs_dir / sections["s11-2"].src_uri, "s11-2")
    levels = {}
    for term, items in _definitions(text11):
        for item in items:
            if m := re.match(r"\*\*(\d)\.\s", item):
                levels[m.group(1)] = (term, item)
    questions = [(term, items) for term, items in _definitions(text12) if term.startswith("Niveau")]
    return levels, questions


def _section_text(path: Path, key: str) -> str:
    from .sections import heading_key

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


def _definitions(text: str) -> list[tuple[str, list[str]]]:
    """A Markdown definition list → [(term, [definition, …])]; definitions may continue on indented lines."""
    out: list[tuple[str, list[str]]] = []
    lines = text.splitlines()
    term = None
    for n, line in enumerate(lines):
        if line.startswith(": "):
            if term is None:
                continue
            out[-1][1].append(line[2:].strip())
        elif line.startswith("    ") and term is not None and out[-1][1]:
            out[-1][1][-1] += " " + line.strip()
        elif line.strip() and not line.startswith(("#", "-", "<", "!", "{", ":")):
            following = next((x for x in lines[n + 1:] if x.strip()), "")
            if following.startswith(": "):
                term = line.strip()
                out.append((term, []))
            else:
                term = None
        elif line.strip():
            term = None
    return out


# --- rendering ------------------------------------------------------------------------------------------------

def _style_hash() -> bytes:
    h = hashlib.sha256()
    for folder in STYLE_INPUTS:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            h.update(path.name.encode())
            h.update(path.read_bytes())
    return h.digest()


def render_weasy(html: str, cache_dir: Path | None, name: str, pdf_forms: bool = False) -> tuple[bytes, str]:
    """WeasyPrint ``html`` to PDF (tagged, PDF/UA-1), cached by a hash of the HTML, the style inputs and the
    WeasyPrint version. Returns (raw PDF, status)."""
    from importlib.metadata import version

    h = hashlib.sha256(html.encode())
    h.update(_style_hash())
    h.update(version("weasyprint").encode() + str(pdf_forms).encode())
    key = h.hexdigest()[:20]
    cached = cache_dir / f"{name}.{key}.pdf" if cache_dir else None
    if cached is not None and cached.exists():
        return cached.read_bytes(), "ongewijzigd"
    import weasyprint  # only when something must be rendered: importing it takes a second

    raw = weasyprint.HTML(string=html, base_url=str(ROOT)).write_pdf(
        pdf_forms=pdf_forms, pdf_variant="pdf/ua-1", custom_metadata=True, uncompressed_pdf=False)
    if cached is not None:
        cache_dir.mkdir(parents=True, exist_ok=True)
        for old in cache_dir.glob(f"{name}.*.pdf"):
            old.unlink(missing_ok=True)
        _write(cached, raw)
    return raw, "gemaakt"


def finish_raw(raw: bytes, title: str, epoch: int, subject: str = "") -> bytes:
    with pikepdf.open(io.BytesIO(raw)) as pdf:
        return finalize(pdf, title, epoch, subject)


def _write(target: Path, data: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".tmp")
    tmp.write_bytes(data)
    tmp.replace(target)


def _is_a3(data: bytes) -> bool:
    with pikepdf.open(io.BytesIO(data)) as pdf:
        box = pdf.pages[0].mediabox
        return max(float(box[2]) - float(box[0]), float(box[3]) - float(box[1])) > 1100  # A4: 842 pt, A3: 1191 pt


def page_count(data: bytes) -> int:
    with pikepdf.open(io.BytesIO(data)) as pdf:
        return len(pdf.pages)


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
    rows = [(start, end, row, [], Markup(md.markdown(row.bijzonderheden)))
            for start, end, row in session.timed_rows()]
    huiswerk = [(item, []) for item in (session.huiswerk.items if session.huiswerk else [])]
    return _page_html("pakket-agenda.html", s=session, rows=rows, huiswerk=huiswerk, clock=clock,
                      duration_label=duration_label, inhoud=contents, lokaal=lokaal)


def poster_html(poster: Poster, session: Session, lokaal=None) -> str:
    levels = [(strategy, Markup(md.markdown(text))) for strategy, text in poster.levels]
    return _page_html("pakket-poster.html", p=poster, s=session, levels=levels, lokaal=lokaal)


# --- merging ----------------------------------------------------------------------------------------------------

def top_fields(acro) -> list:
    """The AcroForm's top-level fields (WeasyPrint also lists radio kids in /Fields; those have a /Parent)."""
    return [f for f in (acro.get("/Fields", []) if acro is not None else []) if "/Parent" not in f]


def field_names(pdf: pikepdf.Pdf) -> list[str]:
    """Fully qualified names of the terminal form fields."""
    acro = pdf.Root.get("/AcroForm")
    names: list[str] = []

    def walk(node, prefix):
        name = str(node.T) if "/T" in node else ""
        full = f"{prefix}.{name}" if prefix and name else (name or prefix)
        kids = [k for k in node.get("/Kids", []) if "/T" in k]
        if kids:
            for kid in kids:
                walk(kid, full)
        else:
            names.append(full)

    for f in top_fields(acro):
        walk(f, "")
    return names


def merge(parts: list[tuple[str, bytes]], pack: str, title: str, epoch: int, subject: str = "") -> bytes:
    """Concatenate PDFs keeping them fillable (AcroForm fields and their resources) and tagged (structure trees
    and their parent trees renumbered), with one bookmark per part. Fails, naming the pack and the field, when
    two parts share a field name (they would become one field)."""
    out = pikepdf.new()
    sources = []
    owner: dict[str, str] = {}
    fields, dr_fonts = [], pikepdf.Dictionary()
    da = None
    st_root = out.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.StructTreeRoot))
    document = out.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.StructElem, S=pikepdf.Name.Document, P=st_root))
    st_kids, nums, offset = [], [], 0
    role_map = pikepdf.Dictionary()
    bookmarks = []
    try:
        for label, data in parts:
            src = pikepdf.open(io.BytesIO(data))
            sources.append(src)
            for name in field_names(src):
                if name in owner:
                    raise DataError(f"pakket {pack}: veldnaam '{name}' komt voor in '{owner[name]}' en in '{label}';"
                                    " veldnamen moeten uniek zijn in een pakket (ze zouden één veld worden)")
                owner[name] = label
            first = len(out.pages)
            bookmarks.append((label, first))
            with warnings.catch_warnings():
                # pikepdf warns that extend() leaves the form behind: the fields are copied below, and must be
                # the same objects as the copied widgets (add_pages_from() copies them anew, breaking the tags).
                warnings.simplefilter("ignore", category=getattr(pikepdf, "PageCopyWarning", UserWarning))
                out.pages.extend(src.pages)
            tree = src.Root.get("/StructTreeRoot")
            if tree is not None:
                keys = _renumber(out.pages[first:], offset)
                for key, value in _number_tree(tree.get("/ParentTree")):
                    nums += [key + offset, _copy(out, value)]
                kids = tree.get("/K")
                for kid in (kids if isinstance(kids, pikepdf.Array) else [kids] if kids is not None else []):
                    copy = _copy(out, kid)
                    copy.P = document
                    if copy.get("/S") == pikepdf.Name.Document:
                        copy.S = pikepdf.Name.Part  # one Document for the pack; each part's root becomes a Part
                    if "/T" not in copy:
                        copy.T = pikepdf.String(label)
                    st_kids.append(copy)
                for k, v in (tree.get("/RoleMap") or {}).items():
                    role_map[k] = _copy(out, v)
                offset += keys
            acro = src.Root.get("/AcroForm")
            if acro is not None:
                fields += [_copy(out, f) for f in top_fields(acro)]
                for k, v in (acro.get("/DR", {}).get("/Font") or {}).items():
                    if k not in dr_fonts:
                        dr_fonts[k] = _copy(out, v)
                da = da or acro.get("/DA")
        document.K = pikepdf.Array(st_kids)
        document.T = pikepdf.String(title)
        st_root.K = document
        st_root.ParentTree = out.make_indirect(pikepdf.Dictionary(Nums=pikepdf.Array(nums)))
        st_root.ParentTreeNextKey = offset
        if role_map:
            st_root.RoleMap = role_map
        out.Root.StructTreeRoot = st_root
        out.Root.MarkInfo = pikepdf.Dictionary(Marked=True)
        if fields:
            acro = pikepdf.Dictionary(Fields=pikepdf.Array(fields), DR=pikepdf.Dictionary(Font=dr_fonts))
            if da is not None:
                acro.DA = da
            out.Root.AcroForm = out.make_indirect(acro)
        with out.open_outline() as outline:
            outline.root.extend(pikepdf.OutlineItem(label, page) for label, page in bookmarks)
        out.Root.PageMode = pikepdf.Name.UseOutlines
        return finalize(out, title, epoch, subject)
    finally:
        for src in sources:
            src.close()


def _copy(out: pikepdf.Pdf, obj):
    """copy_foreign for direct objects too (arrays and dictionaries of references); copies of one source object
    are shared, so widgets, fields, pages and structure elements keep pointing at each other."""
    if isinstance(obj, (pikepdf.Dictionary, pikepdf.Array, pikepdf.Stream)) and obj.is_indirect:
        return out.copy_foreign(obj)
    if isinstance(obj, pikepdf.Array):
        return pikepdf.Array([_copy(out, x) for x in obj])
    if isinstance(obj, pikepdf.Dictionary):
        return pikepdf.Dictionary({k: _copy(out, v) for k, v in obj.items()})
    return obj


def _number_tree(node):
    if node is None:
        return
    pairs = node.get("/Nums")
    if pairs is not None:
        for i in range(0, len(pairs), 2):
            yield int(pairs[i]), pairs[i + 1]
    for kid in node.get("/Kids", []):
        yield from _number_tree(kid)


def _renumber(pages, offset: int) -> int:
    """Shift the parent-tree keys of copied pages and their annotations; returns the number of keys used."""
    top = -1
    for page in pages:
        if "/StructParents" in page.obj:
            top = max(top, int(page.obj.StructParents))
            page.obj.StructParents = int(page.obj.StructParents) + offset
        for annot in page.obj.get("/Annots", []):
            if "/StructParent" in annot:
                top = max(top, int(annot.StructParent))
                annot.StructParent = int(annot.StructParent) + offset
    return top + 1


# --- building ---------------------------------------------------------------------------------------------------

def _merge_key(parts: list[tuple[str, bytes]], title: str, epoch: int) -> str:
    h = hashlib.sha256(Path(__file__).read_bytes())
    h.update(title.encode() + str(epoch).encode())
    for label, data in parts:
        h.update(label.encode() + hashlib.sha256(data).digest())
    return h.hexdigest()[:20]


def build_packs(out_dir: Path, worksheets: dict[str, Path] | None = None, cache_dir: Path | None = None,
                docs_dir: Path = DOCS_DIR, training_path: Path = TRAINING_PATH, lokaal=None,
                epoch: int | None = None, log=None, training: Training | None = None) -> dict[int, Pack]:
    """Write ``out_dir/bijeenkomst-N.pdf`` and its parts for every session. ``worksheets`` maps instrument ids to
    their PDF (as the worksheets hook wrote them); missing ones are rendered here (cached like werkboek.pdf does)."""
    from .loader import load_instruments
    from .pdf import build_one, source_date

    epoch = source_date() if epoch is None else epoch
    out_dir = Path(out_dir)
    instruments = load_instruments()
    training = training or check_training(training_path, docs_dir, instruments)
    sections = scan_dir(docs_dir)
    worksheets = dict(worksheets or {})
    store = cache_dir / "opslag" if cache_dir else None
    titel = getattr(lokaal, "site_titel", None) or WERKBOEK_TITEL
    packs = {}
    for session in training.bijeenkomsten:
        n = session.nummer
        parts: list[Part] = []
        datas: list[tuple[str, bytes]] = []

        def add(kind, title, data, path, ident=""):
            parts.append(Part(kind, title, path, page_count(data), len(data), ident))
            datas.append((title, data))

        for instrument in session_instruments(session, instruments, sections):
            if instrument.id not in worksheets:
                sheet_cache = cache_dir / "werkbladen" if cache_dir else None
                info = build_one(instrument, out_dir / "werkbladen", sheet_cache, lokaal, epoch)
                worksheets[instrument.id] = info.path
            path = Path(worksheets[instrument.id])
            add("werkblad", f"Werkblad {instrument.nummer} {instrument.titel}", path.read_bytes(), path, instrument.id)

        def rendered(kind, name, title, html):
            full_title, subject = f"{title} — {titel}", f"Training {titel}, bijeenkomst {n}"
            # The finished part is cached too (by everything it is made from), so a no-change build opens no PDF.
            key = hashlib.sha256("\0".join((html, full_title, subject, str(epoch))).encode())
            key.update(_style_hash())
            final = store / f"{name}.{key.hexdigest()[:20]}.klaar.pdf" if store else None
            if final is not None and final.exists():
                data, status = final.read_bytes(), "ongewijzigd"
            else:
                raw, status = render_weasy(html, store, name)
                data = finish_raw(raw, full_title, epoch, subject)
                if final is not None:
                    _write(final, data)
            path = out_dir / f"{name}.pdf"
            _write(path, data)
            add(kind, title, data, path)
            if log:
                log(f"pakket {n}: {path.name}: {pages_label(parts[-1].pages)}, {size_label(len(data))} ({status})")

        for poster in session_posters(session, docs_dir):
            rendered("poster", f"bijeenkomst-{n}-{poster.slug}", f"Poster {poster.label} {poster.title}",
                     poster_html(poster, session, lokaal))
        if session.huiswerk:
            html = homework_html(session, sections, instruments, lokaal)
            count = len(session.huiswerk.items)
            rendered("huiswerk", f"bijeenkomst-{n}-huiswerk",
                     f"{'Opdracht' if count == 1 else 'Opdrachten'} voor bijeenkomst {session.huiswerk.voor_bijeenkomst}",
                     html)
        contents, page = [], 1
        for part, (_, data) in zip(parts, datas):
            span = f"{page}" if part.pages == 1 else f"{page}–{page + part.pages - 1}"
            contents.append((span, part.title + (" (A3)" if _is_a3(data) else "")))
            page += part.pages
        contents.append((f"{page}", "Agenda voor de trainer (deze pagina)"))
        rendered("agenda", f"bijeenkomst-{n}-agenda", f"Agenda bijeenkomst {n} voor de trainer",
                 agenda_html(session, contents, lokaal))
        if parts[-1].pages != 1:
            raise DataError(f"{training_path}: de agenda van bijeenkomst {n} past niet op één pagina "
                            f"({parts[-1].pages} pagina's); kort de bijzonderheden in of pas pakket.css aan")

        title = f"Bijeenkomst {n}: pakket voor de trainer — {titel}"
        key = _merge_key(datas, title, epoch)
        cached = store / f"bijeenkomst-{n}.{key}.pdf" if store else None
        if cached is not None and cached.exists():
            data, status = cached.read_bytes(), "ongewijzigd"
        else:
            data, status = merge(datas, f"bijeenkomst-{n}", title, epoch, f"Thema: {session.thema}"), "gemaakt"
            if cached is not None:
                for old in store.glob(f"bijeenkomst-{n}.*.pdf"):
                    old.unlink(missing_ok=True)
                _write(cached, data)
        path = out_dir / f"bijeenkomst-{n}.pdf"
        _write(path, data)
        packs[n] = Pack(n, path, page_count(data), len(data), parts)
        if log:
            log(f"pakket {n}: {path.name}: {pages_label(packs[n].pages)}, {size_label(len(data))} ({status}): "
                + ", ".join(p.title for p in parts))
    return packs
