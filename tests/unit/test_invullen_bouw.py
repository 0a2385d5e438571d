"""What filling in a worksheet in the browser rests on: the vendored pdf-lib is exactly the pinned npm package, the
form's version changes when the form changes (it names the current one among the entries the earlier format kept),
and the blank PDF as a script (for file://) holds the very bytes of the PDF."""
from __future__ import annotations

import base64
import json
import re

from conftest import ROOT

from werkboek.werkblad.filling import GLOBAL, form_version, pdf_script
from werkboek.werkblad.loader import load_instruments

TOOLS = ROOT / "tools" / "pdf"
VENDOR = ROOT / "docs" / "assets" / "javascripts" / "vendor"


def test_vendored_pdf_lib_is_the_pinned_package():
    pinned = json.loads((TOOLS / "package.json").read_text())["dependencies"]["pdf-lib"]
    lock = json.loads((TOOLS / "package-lock.json").read_text())["packages"]["node_modules/pdf-lib"]
    assert re.fullmatch(r"\d+\.\d+\.\d+", pinned), f"pdf-lib niet vastgepind: {pinned}"
    assert lock["version"] == pinned
    installed = TOOLS / "node_modules" / "pdf-lib"
    assert installed.is_dir(), "tools/pdf/node_modules ontbreekt: `npm ci --prefix tools/pdf` (make test doet dat)"
    assert json.loads((installed / "package.json").read_text())["version"] == pinned
    assert (VENDOR / "pdf-lib.min.js").read_bytes() == (installed / "dist" / "pdf-lib.min.js").read_bytes(), \
        "docs/assets/javascripts/vendor/pdf-lib.min.js is niet die van het pakket: scripts/vendor-js.sh"
    assert (VENDOR / "pdf-lib-LICENSE.txt").read_bytes() == (installed / "LICENSE.md").read_bytes()


def test_form_version_follows_the_form():
    instruments = load_instruments()
    versions = {ident: form_version(i) for ident, i in instruments.items()}
    assert len(set(versions.values())) == len(versions), "twee formulieren met dezelfde versie"
    some = next(iter(instruments.values()))
    assert form_version(some) == form_version(some.model_copy(deep=True))
    changed = some.model_copy(update={"titel": some.titel + " (nieuw)"})
    assert form_version(changed) != form_version(some)


def test_pdf_script_holds_the_pdf_bytes():
    pdf = b"%PDF-1.7\n\x00\xff binary \"quoted\" </script>\n%%EOF"
    script = pdf_script("een-werkblad", pdf)
    m = re.fullmatch(r'\(window\.(\w+)=window\.\1\|\|\{\}\)\["een-werkblad"\]="([A-Za-z0-9+/=]*)";\n', script)
    assert m and m.group(1) == GLOBAL
    assert base64.b64decode(m.group(2)) == pdf
