"""Serve the site's own CSS and JavaScript (from docs/ or generated; not the theme's, not vendored) minified
(werkboek/minify.py)."""
from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from werkboek.minify import minifier


@event_priority(-100)  # after every hook that generates a script (the glossary's definitions)
def on_files(files, config):
    docs = Path(config.docs_dir).resolve()
    for file in list(files):
        uri, minify = file.src_uri, minifier(file.src_uri)
        own = file.generated_by or docs in Path(file.abs_src_path).resolve().parents
        if minify is None or not own:
            continue
        text = file.content_string if file.generated_by else Path(file.abs_src_path).read_text(encoding="utf-8")
        files.remove(file)
        files.append(File.generated(config, uri, content=minify(text)))
    return files
