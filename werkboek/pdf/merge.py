"""Merging PDFs into one that stays fillable (AcroForm fields) and tagged (structure tree), for the training packs."""
from __future__ import annotations

import io
import warnings

import pikepdf

from werkboek.errors import DataError
from werkboek.pdf.document import finalize


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

