"""Keep the print templates (overrides/pdf/: PDF stylesheets, templates, the field font) out of the published site.
They live in the theme folder so both media share overrides/partials/, but MkDocs would copy them as static files."""
from __future__ import annotations


def on_files(files, config):
    for file in [f for f in files if f.src_uri.startswith("pdf/") and not f.is_documentation_page()]:
        if file.abs_src_path and "/overrides/pdf/" in file.abs_src_path.replace("\\", "/"):
            files.remove(file)
    return files
