"""Reading the project's YAML data files (forms/, data/, gemeente.yml) and reporting what is wrong with them in
Dutch, naming the file, the line and the field: line numbers per key, duplicate keys, and the translation of
pydantic's validation errors."""
from __future__ import annotations

import difflib
from pathlib import Path
from typing import TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from werkboek.errors import DataError

M = TypeVar("M", bound=BaseModel)


def line_index(node, path=(), out=None):
    """Map each path of keys/indices in a YAML document to its 1-based line."""
    out = {} if out is None else out
    out[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            out[path + (key.value,)] = key.start_mark.line + 1
            line_index(value, path + (key.value,), out)
            out[path + (key.value,)] = key.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for i, value in enumerate(node.value):
            line_index(value, path + (i,), out)
    return out


def where(loc, lines):
    path = tuple(loc)
    while path and path not in lines:
        path = path[:-1]
    return lines.get(path)


def format_location(loc) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(hele bestand)"


Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when available: same results, much faster


def read_yaml(path: Path):
    """Parse a YAML file; return (data, line index). A key written twice in one block is an error (YAML itself
    would keep the last one without a word)."""
    text = path.read_text(encoding="utf-8")
    try:
        node = yaml.compose(text, Loader=Loader)
        data = yaml.load(text, Loader=Loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f", regel {mark.line + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise DataError(f"{path}{line}: geen geldige YAML ({problem}); controleer inspringing en dubbele punten") from None
    twice = duplicate_keys(node)
    if twice:
        raise DataError("\n".join(f"{path}, regel {line}: veld '{format_location(loc)}': {text}"
                                  for loc, text, line in twice))
    return data, (line_index(node) if node is not None else {})


class TextLoader(yaml.SafeLoader):
    """Every plain value is text (or empty): '9:00' is not 540 minutes, '0201234567' is not an octal number."""


TextLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag == "tag:yaml.org,2002:null"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

def duplicate_keys(node, path=()) -> list[tuple[list, str, int]]:
    """Every key written twice in one block, anywhere in the document: YAML would silently keep only the last one.
    Returns (location, message, line of the second key)."""
    problems = []
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key, value in node.value:
            line = key.start_mark.line + 1
            if key.value in seen:
                problems.append(([*path, key.value], f"'{key.value}' staat twee keer in hetzelfde blok (regel "
                                 f"{seen[key.value]} en regel {line}); haal er één weg of voeg ze samen", line))
            else:
                seen[key.value] = line
            problems += duplicate_keys(value, (*path, key.value))
    elif isinstance(node, yaml.SequenceNode):
        for i, value in enumerate(node.value):
            problems += duplicate_keys(value, (*path, i))
    return problems


def unknown_key(key: str, valid: list[str], wat: str) -> str:
    guess = difflib.get_close_matches(key, valid, n=1, cutoff=0.5)
    hint = f"Bedoelt u '{guess[0]}'? " if guess else ""
    return f"{wat} '{key}'. {hint}Mogelijk zijn: {', '.join(valid)}"


def validate(model: type[M], data, path: Path, lines=None, context=None, tags=()) -> M:
    """``model`` validated from ``data`` read from ``path``; DataError with one line per problem otherwise.
    ``tags`` are the values of a discriminated union's tag (an instrument's block kinds): they are left out of the
    place named, and listed when the tag is missing."""
    try:
        return model.model_validate(data, context=context)
    except ValidationError as exc:
        problems = [([p for p in err["loc"] if not (isinstance(p, str) and p in tags)], None, err)
                    for err in exc.errors()]
        raise DataError("\n".join(messages(problems, str(path), lines or {}, tags=tags))) from None


def messages(problems, name: str, lines, known_keys=None, tags=()) -> list[str]:
    """One line per problem, in the order of the file: file, line, field, what to do. ``problems`` are
    (location, text, pydantic error): the text, or else the error explained."""
    out = []
    for loc, text, err in problems:
        line = where(loc, lines)
        place = name + (f", regel {line}" if line else "")
        out.append((line or 0, f"{place}: veld '{format_location(loc)}': {text or explain(err, loc, known_keys, tags)}"))
    return [text for _, text in sorted(out, key=lambda item: item[0])]


def explain(err, loc=(), known_keys=None, tags=()) -> str:
    """A pydantic error as a Dutch sentence for the person who edits the file. ``known_keys(parent location)``
    lists the keys allowed there, for a suggestion when a key is unknown; ``tags`` the kinds a discriminated union
    knows, for when a block names none."""
    kind, msg = err["type"], err["msg"]
    if kind == "value_error":
        return msg.removeprefix("Value error, ")
    if kind == "missing":
        return "ontbreekt; deze waarde is verplicht"
    if kind == "extra_forbidden":
        valid = known_keys(tuple(loc[:-1])) if known_keys else []
        return unknown_key(str(loc[-1]), valid, "onbekende sleutel") if valid else "onbekend veld (niet toegestaan)"
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        if err.get("input") is None:
            return "is leeg; zet de sleutels eronder, ingesprongen met twee spaties"
        return "verwacht sleutels met waarden eronder (ingesprongen met twee spaties), zoals 'naam: …'"
    if kind == "string_pattern_mismatch":
        pattern = err.get("ctx", {}).get("pattern", "")
        if "a-z0-9" in pattern:
            return f"'{err['input']}' is geen geldige id: gebruik kleine letters, cijfers en koppeltekens (geen punt, geen spatie)"
        return f"'{err['input']}' heeft niet de verwachte vorm ({pattern})"
    if kind == "union_tag_invalid":
        expected = err.get("ctx", {}).get("expected_tags", "")
        return f"onbekende soort '{err['ctx'].get('tag')}'; verwacht een van: {expected}"
    if kind == "union_tag_not_found":
        return "'soort' ontbreekt; verwacht een van: " + ", ".join(sorted(tags))
    if kind == "string_too_short":
        return "is leeg; verwacht tekst"
    if kind == "literal_error":
        return f"'{err['input']}' is niet toegestaan; verwacht {err['ctx']['expected']}"
    return msg
