"""Read gemeente.yml safely before anything interprets it: a bounded size, UTF-8 (with the line of the first byte that
is not, and how to save the file as UTF-8), and no YAML features the file never needs but an attacker would use:
anchors and aliases (an "alias bomb" expands a few lines into billions of values), explicit tags, deep nesting.
The checks look at the YAML *events*, so nothing is expanded or constructed before the file has passed."""
from __future__ import annotations

from pathlib import Path

import yaml

from werkboek.errors import DataError

MAX_BYTES = 100 * 1024
MAX_DEPTH = 6  # the schema needs 3 (verwijskaart → regel → veld)
UTF8_HINT = ("Sla het bestand op als UTF-8: in Kladblok via 'Opslaan als' en dan bij 'Codering' UTF-8 kiezen; in "
             "Word via 'Opslaan als' → 'Tekst zonder opmaak' → 'Unicode (UTF-8)'. Of bewerk het bestand op GitHub in "
             "de browser: dat slaat altijd op als UTF-8")
_Parser = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_gemeente_text(path: Path, name: str) -> str:
    """The text of a gemeente file, or DataError (Dutch: file, line, what to do)."""
    path = Path(path)
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise DataError(f"{name}: het bestand is te groot ({_kb(size)}); maximaal {_kb(MAX_BYTES)}. Een gemeentebestand "
                        "is meestal 2 à 5 kB: staat er per ongeluk iets anders in?")
    data = path.read_bytes()
    text = _decode(data, name)
    _check_events(text, name)
    return text


def _kb(size: int) -> str:
    return f"{size / 1024:.0f} kB" if size >= 10 * 1024 else f"{size / 1024:.1f} kB".replace(".", ",")


def _decode(data: bytes, name: str) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or (len(data) > 1 and b"\x00" in data[:200]):
        raise DataError(f"{name}, regel 1: het bestand is opgeslagen als UTF-16 ('Unicode'), niet als UTF-8. "
                        f"{UTF8_HINT}")
    try:
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        start = data.rfind(b"\n", 0, exc.start) + 1
        end = data.find(b"\n", exc.start)
        # Shown as a Windows editor wrote it (cp1252), so the person recognises the line.
        shown = data[start:end if end >= 0 else len(data)].decode("cp1252", "replace").strip()[:80]
        raise DataError(f"{name}, regel {line}: het bestand is niet opgeslagen als UTF-8 (het eerste teken dat niet "
                        f"te lezen is staat op regel {line}: '{shown}'; waarschijnlijk een é, ë of ’ uit een "
                        f"Windows-programma). {UTF8_HINT}") from None


def _check_events(text: str, name: str) -> None:
    depth = 0
    try:
        for event in yaml.parse(text, Loader=_Parser):
            line = event.start_mark.line + 1
            where = f"{name}, regel {line}"
            if isinstance(event, yaml.AliasEvent):
                raise DataError(f"{where}: een YAML-verwijzing (*{event.anchor}) is hier niet toegestaan; schrijf de "
                                "waarde gewoon uit")
            if getattr(event, "anchor", None):
                raise DataError(f"{where}: een YAML-anker (&{event.anchor}) is hier niet toegestaan; haal het weg en "
                                "schrijf elke waarde gewoon uit")
            tag = getattr(event, "tag", None)
            if tag and tag != "tag:yaml.org,2002:str":
                raise DataError(f"{where}: een YAML-label ({tag}) is hier niet toegestaan; schrijf gewone tekst")
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    raise DataError(f"{where}: te diep ingesprongen (meer dan {MAX_DEPTH} niveaus); het bestand heeft "
                                    "er hoogstens 3 nodig (verwijskaart → regel → veld)")
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
    except yaml.YAMLError:
        return  # not valid YAML: the YAML reader reports it with its line
