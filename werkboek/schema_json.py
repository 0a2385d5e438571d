"""The JSON Schema of forms/*.yml, committed as forms/instrument.schema.json so editors autocomplete."""
import json

from . import FORMS_DIR
from .schema import Instrument

SCHEMA_PATH = FORMS_DIR / "instrument.schema.json"


def schema_text() -> str:
    schema = Instrument.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Instrument (werkblad) van Eenzaam ben je niet alleen"
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
