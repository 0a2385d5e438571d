"""What a browser needs to fill in a worksheet and keep the answers on the person's device
(docs/assets/javascripts/werkblad.js and werkblad-pdf.js):

- form_version(): a short hash of the instrument's data, on each form (data-versie). Answers are kept per
  instrument and field name, whatever the version; the version only tells which of the entries kept by the earlier
  format (one per instrument and version) is the current one when werkblad.js moves them into the new format.
- pdf_script(): the blank PDF as a small script (werkbladen/<id>.pdf.js). A page opened from file:// (the offline
  zip) may not fetch() a file, but it may load a script; online the PDF itself is fetched."""
from __future__ import annotations

import base64
import hashlib
import json

from werkboek.werkblad.schema import Instrument

GLOBAL = "werkbladPdf"  # window.werkbladPdf[<id>] = base64 of the blank PDF


def form_version(instrument: Instrument) -> str:
    data = instrument.model_dump_json()
    return hashlib.sha256(data.encode("utf-8")).hexdigest()[:12]


def pdf_script(instrument_id: str, pdf: bytes) -> str:
    encoded = base64.b64encode(pdf).decode("ascii")
    return (f"(window.{GLOBAL}=window.{GLOBAL}||{{}})[{json.dumps(instrument_id)}]=\"{encoded}\";\n")
