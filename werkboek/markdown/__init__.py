"""The werkboek's per-page transformations as Python-Markdown extensions, one module each, independent of the site
engine (registered in mkdocs.yml under `markdown_extensions`, with their configuration):

- `ankers`: numbered headings get stable ids (#s5-3, chapters #h5, bijlagen #b1);
- `verwijzingen`: "§5.3", "zie 7.4", "kennisbron 12.8", "hoofdstuk 3", "bijlage 1" become links, and the
  Verantwoording's recorded wrong references get their visible marker;
- `kaders`: opdrachten, instrumenten and kennisbronnen in their callout;
- `begrippen`: the begrippenlijst's terms marked for their tooltip;
- `bronlinks`: the fork guide's links to the source repository, where the build knows it;
- `zoektekst`: words in table cells, labels and lines kept apart for the search index.

What they need from the rest of the werkboek comes from the docs folder through the project's own readers
(werkboek.sections, werkboek.pages.begrippen, werkboek.pages.verantwoording), never from the engine's nav or page objects. Which
page is being converted is read from the page itself (`pagina`). A bad text raises `TekstFout`."""
from __future__ import annotations

from pathlib import Path

from markdown import Extension
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from werkboek import ROOT
from werkboek.errors import DataError
from werkboek.sections import Docs, read_docs

try:  # Under MkDocs the error is also its build error: the message without a traceback, and `mkdocs serve` goes on.
    from mkdocs.exceptions import PluginError as _EngineError
except ImportError:  # another engine, or none
    _EngineError = Exception

PAGE_READY = "werkboek_page_ready"  # set on the Markdown instance once the page itself reaches the postprocessors
DOCS = "werkboek_docs"  # on the Markdown instance: the docs folders read for this conversion
DOCS_DIR_OPTION = ["docs", "the folder of the werkboek's pages (relative: to the project folder)"]


class TekstFout(DataError, _EngineError):
    """A page's text that cannot be converted (a reference to a section that does not exist, …); ``str()`` names
    the page and says what to change, in Dutch."""


class PagePostprocessor(Postprocessor):
    """A postprocessor that changes the whole page only. Python-Markdown also runs the postprocessors on pieces of
    a page (toc and the engine render each heading's text with them); those pass through unchanged. Subclasses
    implement ``page(html)``; ``self.config`` holds their extension's options."""

    def __init__(self, md, config: dict | None = None):
        super().__init__(md)
        self.config = config or {}

    def run(self, text: str) -> str:
        return self.page(text) if getattr(self.md, PAGE_READY, False) else text

    def page(self, html: str) -> str:
        raise NotImplementedError

    def docs(self) -> Docs:
        """The pages of the configured `docs_dir`, as read for this conversion."""
        return docs_of(self.md, self.config["docs_dir"])


def project_path(value) -> Path:
    """A path from an extension's configuration: relative paths are relative to the project folder (where
    mkdocs.yml is), whatever the working directory."""
    path = Path(value)
    return path if path.is_absolute() else ROOT / path


class _Begin(Preprocessor):
    def run(self, lines):
        setattr(self.md, PAGE_READY, False)
        setattr(self.md, DOCS, {})
        return lines


def docs_of(md, docs_dir) -> Docs:
    """The pages of ``docs_dir`` (a configured path), read once per conversion: every werkboek extension of the
    page shares them."""
    folder = project_path(docs_dir)
    cache = getattr(md, DOCS, None)
    if cache is None:
        cache = {}
        setattr(md, DOCS, cache)
    if folder not in cache:
        cache[folder] = read_docs(folder)
    return cache[folder]


class _Ready(Treeprocessor):
    def run(self, root):
        setattr(self.md, PAGE_READY, True)


class _Strip(Postprocessor):
    """The page without the whitespace around it, as the conversion returns it, before the werkboek's own
    postprocessors see it (so a callout at the end of a page ends where the page ends)."""

    def run(self, text: str) -> str:
        return text.strip() if getattr(self.md, PAGE_READY, False) else text


def register_page_stages(md) -> None:
    """Mark where the page itself reaches the postprocessors: after the last treeprocessor (toc, the engine's title
    and link processors run before it and render heading text with the postprocessors)."""
    md.preprocessors.register(_Begin(md), "werkboek_begin", 1000)
    md.treeprocessors.register(_Ready(md), "werkboek_ready", -1000)
    md.postprocessors.register(_Strip(md), "werkboek_strip", 15)  # after raw_html (30) and amp_substitute (20)


class PageExtension(Extension):
    """An extension made of one PagePostprocessor: a subclass names it (``processor``, ``name``, ``priority``: the
    werkboek's run from 10 down, in the order of mkdocs.yml) and its options (``options``: {name: [default,
    description]})."""

    processor: type[PagePostprocessor]
    name: str
    priority: float
    options: dict = {}

    def __init__(self, **kwargs):
        self.config = {key: list(value) for key, value in self.options.items()}
        super().__init__(**kwargs)

    def extendMarkdown(self, md):
        register_page_stages(md)
        md.postprocessors.register(self.processor(md, self.getConfigs()), self.name, self.priority)
