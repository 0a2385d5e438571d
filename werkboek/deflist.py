"""Markdown definition lists ("Term" on one line, ": definition" below it), as the werkboek writes them in
docs/: the begrippenlijst (term tooltips) and §11.1–11.2 (the training's posters) are read with this one parser."""
from __future__ import annotations


def definitions(text: str) -> list[tuple[str, list[str]]]:
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
