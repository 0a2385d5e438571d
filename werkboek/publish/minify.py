"""The site's own stylesheets and scripts as served: comments and layout whitespace removed (rcssmin, rjsmin), so a
chapter page on a phone transfers less. The sources in docs/assets/ stay readable, and the PDFs, which read the
sources, are not affected. Vendored files (already minified by their makers) are left as they are. The pages as
served lose their layout whitespace too (the theme's templates indent every line): a run of whitespace with a line
break in text becomes one space, which a browser shows exactly as before (as nothing between blocks, as one space
in a line). One space, not one line break: axe (and so Lighthouse) reads a lone line break in a link's visible
text as part of the text ("Volgende\n2 De …" is not "Volgende: 2 De …"). Text inside pre, code, textarea, script
and style, tags and comments stay as written."""
from __future__ import annotations

import re

import rcssmin
import rjsmin

ASSETS = "assets/"  # stylesheets and scripts; not generated data such as werkbladen/<id>.pdf.js
VENDOR = "/vendor/"
# what stays as written: comments, elements whose text keeps its whitespace, and every tag (attribute values)
KEEP = re.compile(r"<!--.*?-->|<(pre|code|textarea|script|style)\b.*?</\1\s*>|<[^>]*>", re.S | re.I)
LINE_RUN = re.compile(r"[ \t\r\n]*\n[ \t\r\n]*")  # HTML whitespace only: a no-break space is text


def minify_css(text: str) -> str:
    return rcssmin.cssmin(text)


def minify_js(text: str) -> str:
    return rjsmin.jsmin(text)


def minify_html(text: str) -> str:
    out, at = [], 0
    for m in KEEP.finditer(text):
        out += [LINE_RUN.sub(" ", text[at:m.start()]), m.group(0)]
        at = m.end()
    out.append(LINE_RUN.sub(" ", text[at:]))
    return "".join(out)


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
