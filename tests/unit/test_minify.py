"""The site serves its own CSS and JavaScript minified (werkboek/publish/minify.py): the rules and the programs stay the same,
only comments and layout whitespace go; vendored and theme files are served as they are."""
from __future__ import annotations

import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
import tinycss2

from werkboek.publish.minify import minified, minifier, minify_css, minify_html, minify_js

ROOT = Path(__file__).resolve().parents[2]
ASSETS = ROOT / "docs" / "assets"
OWN_CSS = sorted((ASSETS / "stylesheets").glob("*.css"))
OWN_JS = sorted(p for p in (ASSETS / "javascripts").glob("*.js"))


def _rules(css: str) -> list[tuple[str, str]]:
    """Every rule as (prelude, declarations), whitespace folded: what a browser applies, not how it is laid out."""
    def fold(tokens) -> str:
        return " ".join(tinycss2.serialize([t for t in tokens if t.type != "comment"]).split())

    out = []
    for rule in tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True):
        if rule.type == "error":
            out.append(("error", rule.message))
            continue
        if rule.content is not None and any(t.type == "{} block" for t in rule.content) or rule.type == "at-rule" and \
                rule.lower_at_keyword in ("media", "supports"):
            out.append((fold(rule.prelude), "") if rule.type != "at-rule" else (f"@{rule.at_keyword} {fold(rule.prelude)}", ""))
            out += _rules(tinycss2.serialize(rule.content or []))
            continue
        declarations = tinycss2.parse_blocks_contents(rule.content or [], skip_comments=True, skip_whitespace=True) \
            if rule.content is not None else []
        body = "; ".join(f"{d.lower_name}:{fold(d.value)}{'!important' if d.important else ''}"
                         for d in declarations if d.type == "declaration")
        prelude = fold(rule.prelude)
        out.append(((f"@{rule.at_keyword} " if rule.type == "at-rule" else "") + prelude, body))
    return out


def _normalise(rules):
    # The minifier may drop a space that only separated tokens (", " → ","; ") {" → "){"); compare without spaces.
    return [(p.replace(" ", ""), b.replace(" ", "")) for p, b in rules]


@pytest.mark.parametrize("path", OWN_CSS, ids=lambda p: p.name)
def test_minified_css_keeps_every_rule_and_declaration(path):
    source = path.read_text(encoding="utf-8")
    small = minify_css(source)
    assert len(small) < len(source)
    assert _normalise(_rules(small)) == _normalise(_rules(source))


def test_css_strings_and_comments():
    css = '/* uitleg */ .a::before { content: "Duur:  2 min" ; } /* einde */'
    small = minify_css(css)
    assert "uitleg" not in small and "einde" not in small
    assert '"Duur:  2 min"' in small, "text inside a CSS string must stay exactly as written"


@pytest.mark.parametrize("path", OWN_JS, ids=lambda p: p.name)
def test_minified_js_is_still_valid_javascript(path, tmp_path):
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is missing: make test installs it (scripts/system-packages.sh --node)")
    source = path.read_text(encoding="utf-8")
    small = minify_js(source)
    assert len(small) < len(source)
    out = tmp_path / path.name
    out.write_text(small, encoding="utf-8")
    check = subprocess.run([node, "--check", str(out)], capture_output=True, text=True)
    assert check.returncode == 0, check.stderr


def test_js_strings_survive():
    js = "// uitleg\nconst t = 'Wis mijn  antwoorden'; /* x */ const u = `a  ${t}`;"
    small = minify_js(js)
    assert "uitleg" not in small and "'Wis mijn  antwoorden'" in small and "`a  ${t}`" in small


def test_vendored_and_already_minified_files_are_left_alone():
    assert minifier("assets/javascripts/vendor/pdf-lib.min.js") is None
    assert minifier("assets/javascripts/vendor/iframe-worker-shim.js") is None
    assert minifier("assets/javascripts/bundle.a5f9d56c.min.js") is None
    assert minifier("assets/stylesheets/werkboek.css") is minify_css
    assert minifier("assets/javascripts/begrippen.js") is minify_js
    assert minifier("werkbladen/signaleringskaart.pdf.js") is None, "a worksheet's PDF as a script is data"


def test_only_the_sites_own_files_from_docs_are_served_minified(tmp_path):
    css = "/* uitleg */\n.a  {  color: red;  }\n"
    docs, theme = tmp_path / "docs", tmp_path / "thema"
    for folder in (docs, theme):
        (folder / "assets" / "stylesheets").mkdir(parents=True)
        (folder / "assets" / "stylesheets" / "eigen.css").write_text(css, encoding="utf-8")
    uri = "assets/stylesheets/eigen.css"
    assert minified(uri, str(docs / uri), docs) == minify_css(css) != css
    assert minified(uri, str(theme / uri), docs) is None, "the theme's files are served as they are"
    assert minified(uri, str(docs / uri), docs, generated=True) is None, "generated files stay as written"
    assert minified(uri, None, docs) is None
    assert minified("assets/images/logo.svg", str(docs / uri), docs) is None


class _Nodes(HTMLParser):
    """Tags with attributes and text nodes, in order; text in pre/code/textarea/script/style kept as it is."""
    KEEP = {"pre", "code", "textarea", "script", "style"}

    def __init__(self, html: str, fold: bool):
        super().__init__(convert_charrefs=False)
        self.nodes, self.fold, self.inside = [], fold, 0
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.inside += tag in self.KEEP
        self.nodes.append(("<", tag, attrs))

    def handle_endtag(self, tag):
        self.inside -= tag in self.KEEP
        self.nodes.append(("</", tag))

    def handle_data(self, data):
        if self.fold and not self.inside:
            data = re.sub(r"[ \t\r\n]+", " ", data)  # what a browser shows of a run of HTML whitespace
        if self.nodes and self.nodes[-1][0] == "text":
            self.nodes[-1] = ("text", self.nodes[-1][1] + data)
        else:
            self.nodes.append(("text", data))


PAGE = """<!doctype html>
<html lang="nl">
  <head>
    <script>var config = {"a":
        "b"};</script>
    <style>
      p   { color: red }
    </style>
  </head>
  <body>
    <nav class="md-nav">

      <a href="x.html" title="twee
          regels">
        
    Home
  
      </a>
    </nav>
    <p>Een\u00a0\n     zin   met  <em>nadruk</em>
       en&nbsp;
       meer.</p>
    <pre><code>regel 1
    ingesprongen

regel 3</code></pre>
    <textarea>
  getypt
    </textarea>
    <p>inline <code>a
      b</code> code</p>
  </body>
</html>
"""


def test_pages_lose_layout_whitespace_and_nothing_a_browser_shows():
    small = minify_html(PAGE)
    assert len(small) < len(PAGE) - 40
    # not even a lone line break: axe (Lighthouse) keeps one in a link's visible text and then misses it in its name
    assert "\n" not in re.sub(r"<(pre|code|textarea|script|style)\b.*?</\1>|<[^>]*>", "", small, flags=re.S)
    assert _Nodes(small, fold=True).nodes == _Nodes(PAGE, fold=True).nodes
    kept = [n for n in _Nodes(PAGE, fold=False).nodes if n[0] == "text" and ("ingesprongen" in n[1] or "getypt" in n[1]
                                                                          or "config" in n[1] or "color" in n[1])]
    assert len(kept) == 4 and all(n in _Nodes(small, fold=False).nodes for n in kept)
    assert 'title="twee\n          regels"' in small and "Een\u00a0 zin" in small
    assert minify_html(small) == small
