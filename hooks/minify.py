"""Serve the site's own CSS and JavaScript files from docs/ minified: werkboek/publish/minify.py decides which and how; this
swaps them in MkDocs' files."""
from __future__ import annotations

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from werkboek.publish.minify import minified


@event_priority(-100)  # after every hook that adds or replaces files
def on_files(files, config):
    for file in list(files):
        text = minified(file.src_uri, file.abs_src_path, config.docs_dir, generated=bool(file.generated_by))
        if text is not None:
            files.remove(file)
            files.append(File.generated(config, file.src_uri, content=text))
    return files
