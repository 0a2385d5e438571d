"""Serve the site's own CSS and JavaScript files from docs/ minified (werkboek/minify.py); not the theme's, not
vendored ones, and not what the build generates (the gemeente's colours, the glossary's definitions: small, and read
as written by their own tests). Every page is served without its layout whitespace."""
from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from werkboek.minify import minifier, minify_html


@event_priority(-100)  # after every hook that adds or replaces files
def on_files(files, config):
    docs = Path(config.docs_dir).resolve()
    for file in list(files):
        uri, minify = file.src_uri, minifier(file.src_uri)
        own = not file.generated_by and file.abs_src_path and docs in Path(file.abs_src_path).resolve().parents
        if minify is None or not own:
            continue
        text = Path(file.abs_src_path).read_text(encoding="utf-8")
        files.remove(file)
        files.append(File.generated(config, uri, content=minify(text)))
    return files


def on_post_page(output, page, config):
    return minify_html(output)
