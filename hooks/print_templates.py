"""Keep the print templates (overrides/pdf/, werkboek/werkblad/render.py ``print_only``) out of the published site: MkDocs
would copy them as static files of the theme."""
from __future__ import annotations

from werkboek.werkblad.render import print_only


def on_files(files, config):
    for file in [f for f in files if not f.is_documentation_page() and print_only(f.src_uri, f.abs_src_path)]:
        files.remove(file)
    return files
