"""Words in table cells, labels and lines stay apart in the search index (werkboek.htmltext.separate_words). Runs
after the other content hooks, which write the tables and worksheets."""
from __future__ import annotations

from mkdocs.plugins import event_priority

from werkboek.htmltext import separate_words


@event_priority(-90)
def on_page_content(html, page, config, files):
    return separate_words(html)
