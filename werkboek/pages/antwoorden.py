"""The page "Mijn antwoorden" (docs/mijn-antwoorden.md): every worksheet whose answers a browser may keep, with what
the page's script (docs/assets/javascripts/mijn-antwoorden.js) needs to list, keep and restore them without the
worksheet's own page: its number, title and place, its blank PDF, and its fields by name (text, check box, or the
options of a radio group; names without the instrument's prefix), read from the very form the chapter page shows (werkboek/werkblad/web.py), so a name
that fits here fits there."""
from __future__ import annotations

import json
from html.parser import HTMLParser

PAGE = "mijn-antwoorden.md"


class _Fields(HTMLParser):
    def __init__(self):
        super().__init__()
        self.fields: dict[str, object] = {}

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        name = a.get("name")
        if tag not in ("input", "textarea", "select") or not name or a.get("type") in ("button", "submit"):
            return
        kind = a.get("type", "text") if tag == "input" else "text"
        if kind == "radio":
            self.fields.setdefault(name, []).append(a.get("value", ""))
        else:
            self.fields[name] = "vink" if kind == "checkbox" else "tekst"


def form_fields(html: str) -> dict[str, object]:
    """name → "tekst", "vink" or the radio group's option values, for every field of a rendered form, in order."""
    parser = _Fields()
    parser.feed(html)
    return parser.fields


def fields_json(ident: str, fields: dict[str, object]) -> str:
    """The fields as the page carries them: each name without the instrument's prefix ("<id>__"), which every name
    of the instrument shares."""
    prefix = ident + "__"
    short = {name.removeprefix(prefix): kind for name, kind in fields.items() if name.startswith(prefix)}
    return json.dumps(short, ensure_ascii=False, separators=(",", ":"))
