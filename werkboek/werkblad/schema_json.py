"""The JSON Schema of forms/*.yml, committed as forms/instrument.schema.json so editors autocomplete."""
import json

from werkboek import FORMS_DIR, WERKBOEK_TITEL
from werkboek.werkblad.schema import Instrument, phase_ids

SCHEMA_PATH = FORMS_DIR / "instrument.schema.json"


def schema_text() -> str:
    schema = Instrument.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = f"Instrument (werkblad) van {WERKBOEK_TITEL}"
    schema["properties"]["fase"]["enum"] = list(phase_ids())  # checked when validating, listed for editors
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
