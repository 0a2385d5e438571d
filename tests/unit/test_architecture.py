"""The code's layout as CONTRIBUTING.md describes it, checked on the code itself: folders by domain, no import circle,
project imports at the top of a module, no project data read at import, the step after the pages imported by
nothing that makes a PDF (the PDF cache key relies on it), and no comment that names a file that does not exist."""
from __future__ import annotations

import ast
import re
import subprocess
import sys
import textwrap
import tokenize
from pathlib import Path

import pytest

from werkboek import ROOT
from werkboek.pdf import weasy
from werkboek.publish import record

PACKAGE = ROOT / "werkboek"
MODULES = sorted(PACKAGE.rglob("*.py"))
TOP_LEVEL_MAX = 12


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


NAMES = {module_name(p): p for p in MODULES}


def project_imports(path: Path):
    """(node, imported werkboek module, at module level?) for every import of the package in a file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    top = set(map(id, tree.body))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "werkboek":
            for alias in node.names:
                full = f"{node.module}.{alias.name}"
                yield node, (full if full in NAMES else node.module), id(node) in top
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == "werkboek":
                    yield node, alias.name, id(node) in top


def graph() -> dict[str, set[str]]:
    return {name: {target for _, target, _ in project_imports(path) if target != name}
            for name, path in NAMES.items()}


def test_the_folders_are_the_architecture():
    top = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert len(top) <= TOP_LEVEL_MAX, f"{len(top)} modules directly in werkboek/ (at most {TOP_LEVEL_MAX}): {top}"
    folders = sorted(p.name for p in PACKAGE.iterdir() if p.is_dir() and p.name != "__pycache__")
    contributing = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    for folder in folders:
        assert (PACKAGE / folder / "__init__.py").is_file(), f"werkboek/{folder}/ is no package"
        assert f"`werkboek/{folder}/`" in contributing, f"CONTRIBUTING.md's map does not show werkboek/{folder}/"


def test_no_import_circle():
    edges = graph()
    state: dict[str, int] = {}

    def visit(node, trail):
        state[node] = 1
        for target in sorted(edges.get(node, ())):
            if state.get(target) == 1:
                circle = trail[trail.index(target):] + [target]
                pytest.fail("import circle: " + " -> ".join(circle))
            if target not in state:
                visit(target, trail + [target])
        state[node] = 2

    for name in sorted(edges):
        if name not in state:
            visit(name, [name])


def test_project_imports_stand_at_the_top():
    """An import inside a function hides a dependency; where one must be there, a comment on its line says why."""
    hidden = []
    for path in [*MODULES, *sorted((ROOT / "hooks").glob("*.py"))]:
        lines = path.read_text(encoding="utf-8").splitlines()
        for node, target, at_top in project_imports(path):
            if not at_top and "#" not in lines[node.lineno - 1]:
                hidden.append(f"{path.relative_to(ROOT)}:{node.lineno} {target}")
    assert not hidden, "project imports inside functions, without a reason next to them:\n" + "\n".join(hidden)


def test_no_project_file_is_read_at_import():
    """Importing every module reads none of the werkboek's data, forms, pages or templates: those are read when
    they are used, so a bad file is reported by the step that reads it, with its message."""
    script = textwrap.dedent(f"""
        import importlib, sys
        from pathlib import Path
        root = Path({str(ROOT)!r})
        watched = [root / d for d in ("data", "forms", "docs", "overrides", "voorbeelden")] + [root / "gemeente.yml"]
        opened = []
        def audit(event, args):
            if event == "open" and isinstance(args[0], (str, Path)):
                path = Path(args[0]).resolve()
                if any(path == w or w in path.parents for w in watched):
                    opened.append(str(path))
        sys.addaudithook(audit)
        for name in {sorted(n for n in NAMES if not n.endswith("__main__"))!r}:
            importlib.import_module(name)
        print("\\n".join(opened))
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", "read at import:\n" + result.stdout


def test_nothing_that_makes_a_pdf_imports_the_step_after_the_pages():
    """The PDF cache key leaves out werkboek/publish/ and the command line (werkboek/pdf/weasy.py AFTER_PDFS): that
    is only right while no other module imports them."""
    after = {name for name in NAMES
             if name.split(".")[1:2] and name.split(".")[1] in weasy.AFTER_PDFS
             or f"{name.removeprefix('werkboek.').replace('.', '/')}.py" in weasy.COMMAND_LINE}
    wrong = [f"{name} imports {target}" for name, targets in graph().items() if name not in after
             for target in targets if target in after or any(target.startswith(a + ".") for a in after)]
    assert after, "the rule names no module"
    assert not wrong, "\n".join(wrong)


def test_every_module_of_pdf_code_is_in_the_pdf_key():
    """A new module is part of every PDF's key unless it lives in werkboek/publish/: nothing to remember."""
    keyed = {p.resolve() for p in weasy._input_files()}
    for path in MODULES:
        relative = path.relative_to(PACKAGE)
        excluded = relative.parts[0] in weasy.AFTER_PDFS or relative.as_posix() in weasy.COMMAND_LINE
        assert (path.resolve() in keyed) != excluded, relative


def test_the_werkboek_runs_without_mkdocs():
    """Only the hooks know MkDocs; the werkboek's own code imports it at most as an optional error class."""
    for path in MODULES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                     else [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            if any(n.split(".")[0] == "mkdocs" for n in names):
                assert path == PACKAGE / "markdown" / "__init__.py", f"{path.relative_to(ROOT)} imports MkDocs"


# --- No stale paths --------------------------------------------------------------------------------------------

TOP = ("werkboek", "hooks", "overrides", "docs", "forms", "data", "tests", "tools", "scripts", "voorbeelden", ".github",
       ".ci")
PATH = re.compile(r"(?<![\w/.-])((?:" + "|".join(re.escape(t) for t in TOP) + r")/[\w./-]*[\w/])")
BARE_MODULE = re.compile(r"(?<![\w/.-])([a-z_][a-z0-9_]*\.py)\b")
INSTALLED = {"node_modules", ".venv"}  # made by `make`, not in the repository
SOURCES = [p for pattern in ("werkboek/**/*.py", "hooks/*.py", "tests/**/*.py", "tools/benchmark/*.py", "scripts/*",
                             "overrides/**/*.html", "overrides/**/*.css", "docs/assets/javascripts/*.js",
                             "docs/assets/stylesheets/*.css", "mkdocs.yml", "Makefile", ".ci/*", ".github/**/*.yml")
           for p in sorted(ROOT.glob(pattern)) if p.is_file() and "fixtures" not in p.parts]
COMMENT_SYNTAX = [re.compile(r"\{#.*?#\}", re.S), re.compile(r"<!--.*?-->", re.S), re.compile(r"/\*.*?\*/", re.S),
                  re.compile(r"(?<![:\w])//[^\n]*"), re.compile(r"(?m)^\s*#[^\n]*|\s#\s[^\n]*")]


def comments_and_docstrings(path: Path) -> list[tuple[int, str]]:
    text = path.read_text(encoding="utf-8")
    if path.suffix != ".py":
        return [(text.count("\n", 0, m.start()) + 1, m.group(0)) for syntax in COMMENT_SYNTAX
                for m in syntax.finditer(text)]
    found = []
    with path.open("rb") as f:
        found += [(t.start[0], t.string) for t in tokenize.tokenize(f.readline) if t.type == tokenize.COMMENT]
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(getattr(body[0], "value", None), ast.Constant) \
                    and isinstance(body[0].value.value, str):
                found.append((body[0].lineno, body[0].value.value))
    return found


def test_every_path_a_comment_names_exists():
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True).stdout.split()
    names = {Path(p).name for p in tracked} | {p.name for p in ROOT.rglob("*.py")}
    stale = []
    for path in SOURCES:
        for line, text in comments_and_docstrings(path):
            for m in PATH.finditer(text):
                named = m.group(1).rstrip("./")
                if any(c in named for c in "*<>{}…") or any(c in text[m.end():m.end() + 2] for c in "*<{…"):
                    continue
                if not (ROOT / named).exists() and not INSTALLED.intersection(Path(named).parts):
                    stale.append(f"{path.relative_to(ROOT)}:{line + text.count(chr(10), 0, m.start())}: {named}")
            for m in BARE_MODULE.finditer(text):
                if m.group(1) not in names:
                    stale.append(f"{path.relative_to(ROOT)}:{line + text.count(chr(10), 0, m.start())}: {m.group(1)}")
    assert not stale, "comments name files that do not exist:\n" + "\n".join(sorted(set(stale)))


def test_the_step_s_record_is_keyed_by_the_whole_package():
    """A build without changes copies the step's record back (werkboek/publish/record.py): a change to any module, in
    any folder, must miss it. (After the move into folders the record was keyed by werkboek/publish/ alone.)"""


    assert record.CODE_DIR == PACKAGE == weasy.CODE_DIR
