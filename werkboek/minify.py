"""The site's own stylesheets and scripts as served: comments and layout whitespace removed (rcssmin, rjsmin), so a
chapter page on a phone transfers less. The sources in docs/assets/ stay readable, and the PDFs, which read the
sources, are not affected. Vendored files (already minified by their makers) are left as they are."""
from __future__ import annotations

import rcssmin
import rjsmin

ASSETS = "assets/"  # stylesheets and scripts; not generated data such as werkbladen/<id>.pdf.js
VENDOR = "/vendor/"


def minify_css(text: str) -> str:
    return rcssmin.cssmin(text)


def minify_js(text: str) -> str:
    return rjsmin.jsmin(text)


def minifier(src_uri: str):
    """The minifier for a served file, or None where the file is served as it is."""
    if not src_uri.startswith(ASSETS) or VENDOR in f"/{src_uri}":
        return None
    if src_uri.endswith(".css"):
        return minify_css
    if src_uri.endswith(".js") and not src_uri.endswith(".min.js"):
        return minify_js
    return None


def minified(src_uri: str, abs_src_path: str | None, docs_dir, generated: bool = False) -> str | None:
    """The text to serve for a file of the site, minified, or None where it is served as it is: only the site's own
    files read from ``docs_dir``; not what the build generates (the gemeente's colours, the glossary's definitions:
    small, and read as written by their own tests), not the theme's."""
    from pathlib import Path

    minify = minifier(src_uri)
    if minify is None or generated or not abs_src_path:
        return None
    path = Path(abs_src_path)
    if Path(docs_dir).resolve() not in path.resolve().parents:
        return None
    return minify(path.read_text(encoding="utf-8"))
