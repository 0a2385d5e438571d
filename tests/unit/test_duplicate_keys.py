"""Every YAML file the project reads rejects a key written twice in one block (YAML itself keeps the last one
without a word): the message names the file, the line of the second key and the field, in Dutch."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from werkboek import DATA_DIR, FORMS_DIR
from werkboek.datafile import read_yaml
from werkboek.errors import DataError
from werkboek.training.model import load_training
from werkboek.werkblad.loader import load_instrument, load_instruments


def with_duplicate(source: Path, target: Path, key: str | None = None, nested: bool = False) -> tuple[int, str]:
    """Copy ``source`` to ``target`` with the first line holding ``key:`` (any key if None; indented, if
    ``nested``) written twice; returns the copy's line number of the second one, and the key."""
    lines = source.read_text(encoding="utf-8").splitlines(keepends=True)
    indent = r"\s+" if nested else r"\s*"
    name = re.escape(key) if key else r"[A-Za-z_][\w-]*"
    pattern = re.compile(rf"{indent}(- )?({name}):")
    n, m = next((i, m) for i, line in enumerate(lines) if (m := pattern.match(line)))
    copy = lines[n].replace("- ", "  ", 1) if lines[n].lstrip().startswith("- ") else lines[n]
    lines.insert(n + 1, copy)
    target.write_text("".join(lines), encoding="utf-8")
    return n + 2, m.group(2)


def assert_names_the_duplicate(message: str, path: Path, line: int, key: str):
    assert message.startswith(f"{path}, regel {line}: veld "), message
    assert f"'{key}' staat twee keer in hetzelfde blok" in message, message


@pytest.mark.parametrize("ident", sorted(load_instruments()))
def test_a_form_with_a_duplicate_key_is_rejected(tmp_path, ident):
    """A key inside a block (a list item) as well as at the top."""
    for key, nested in (("soort", True), ("titel", False)):
        path = tmp_path / f"{ident}.yml"
        line, _ = with_duplicate(FORMS_DIR / f"{ident}.yml", path, key, nested)
        with pytest.raises(DataError) as exc:
            load_instrument(path)
        assert_names_the_duplicate(str(exc.value), path, line, key)


@pytest.mark.parametrize("key", ["duur", "thema"])
def test_training_with_a_duplicate_key_is_rejected(tmp_path, key):
    path = tmp_path / "training.yml"
    line, _ = with_duplicate(DATA_DIR / "training.yml", path, key)
    with pytest.raises(DataError) as exc:
        load_training(path)
    assert_names_the_duplicate(str(exc.value), path, line, key)


@pytest.mark.parametrize("name", sorted(p.name for p in DATA_DIR.glob("*.yml")))
def test_every_data_file_rejects_a_duplicate_key(tmp_path, name):
    path = tmp_path / name
    line, key = with_duplicate(DATA_DIR / name, path, nested=True)
    with pytest.raises(DataError) as exc:
        read_yaml(path)
    assert_names_the_duplicate(str(exc.value), path, line, key)


def test_the_projects_own_files_have_no_duplicate_keys():
    for path in [*FORMS_DIR.glob("*.yml"), *DATA_DIR.glob("*.yml")]:
        read_yaml(path)
