"""Filling in worksheets as a person does, and reading back what a form shows: shared by the tests of filling in
(test_invullen.py) and of keeping the answers (test_antwoorden.py)."""
from __future__ import annotations

import re
from pathlib import Path

# Letters Helvetica cannot draw (ĳ, Polish, emoji) must not make the download fail; the value keeps them.
SINGLE = "Antwoord {n} é ë € ĳ 🙂"
MULTI = "Regel {n} é ë €\nłódź 🙂 tweede regel"
READ_FIELDS = """form => Array.from(form.elements).filter(el => el.name && el.type !== 'button').map(el => ({
    name: el.name, id: el.id, type: el.type, value: el.value, checked: el.checked,
    multiline: el.tagName === 'TEXTAREA'}))"""
MIJN_ANTWOORDEN = "mijn-antwoorden.html"
STORED = "() => Object.fromEntries(Object.keys(localStorage).filter(k => k.startsWith('werkboek:')).map(k => [k, localStorage.getItem(k)]))"


def pages_with_forms(site: Path) -> dict[str, str]:
    """instrument id → the page it is on (found in the built site)."""
    found: dict[str, str] = {}
    for html in sorted(site.glob("*.html")):
        for ident in re.findall(r'<form class="werkblad[^"]*"[^>]*data-instrument="([^"]+)"', html.read_text()):
            found.setdefault(ident, html.name)
    return found


def fill_everything(form, offset: int = 0) -> dict[str, object]:
    """Type into every text field, tick every other check box, choose an option in every radio group.
    Returns name → expected value (str for text, True/False for check boxes, the option for radios)."""
    expected: dict[str, object] = {}
    radios: dict[str, list] = {}
    for n, f in enumerate(form.evaluate(READ_FIELDS)):
        locator = form.locator(f"[id='{f['id']}']")
        if f["type"] == "radio":
            radios.setdefault(f["name"], []).append(f)
        elif f["type"] == "checkbox":
            expected[f["name"]] = (n + offset) % 2 == 0
            if (n + offset) % 2 == 0:
                locator.check()
        else:
            value = (MULTI if f["multiline"] else SINGLE).format(n=n + offset)
            locator.fill(value)
            expected[f["name"]] = value.replace("\r\n", "\n")
    for k, (name, options) in enumerate(radios.items()):
        choice = options[(k + offset) % len(options)]
        form.locator(f"[id='{choice['id']}']").check()
        expected[name] = choice["value"]
    return expected


def answers_on_page(form) -> dict[str, object]:
    now: dict[str, object] = {}
    for f in form.evaluate(READ_FIELDS):
        if f["type"] == "checkbox":
            now[f["name"]] = f["checked"]
        elif f["type"] == "radio":
            if f["checked"]:
                now[f["name"]] = f["value"]
            else:
                now.setdefault(f["name"], None)
        else:
            now[f["name"]] = f["value"]
    return now


def is_empty(form) -> bool:
    return all(v in (False, None, "") for v in answers_on_page(form).values())


def restore_from(page, base: str, path: Path) -> str:
    """On "Mijn antwoorden" (``base``: the site's address, ending in '/'), read ``path`` back; returns the message."""
    page.goto(base + MIJN_ANTWOORDEN, wait_until="load")
    status = page.locator("[data-status]")
    page.locator("#antwoorden-bestand").set_input_files(str(path))
    page.wait_for_function("el => el.textContent && !el.textContent.includes('wordt gelezen')",
                           arg=status.element_handle())
    return " ".join(status.inner_text().split())
