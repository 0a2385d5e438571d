"""What a screen reader says for each PDF field: the visible question, read from the rendered HTML.

WeasyPrint names a field after its label's laid-out lines and joins wrapped lines without a space ("makenvoor");
this reads the same HTML instead: an input's title, else the text of its <label for>, whitespace collapsed."""
from __future__ import annotations

from html.parser import HTMLParser

FIELDS = {"input", "textarea", "select"}


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.fields: list[dict] = []
        self.labels: dict[str, list[str]] = {}
        self._label: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in FIELDS and attrs.get("name"):
            self.fields.append(attrs)
        elif tag == "label" and attrs.get("for"):
            self._label = attrs["for"]
            self.labels.setdefault(self._label, [])

    def handle_endtag(self, tag):
        if tag == "label":
            self._label = None

    def handle_data(self, data):
        if self._label is not None:
            self.labels[self._label].append(data)


def field_tooltips(html: str) -> dict[str, str]:
    """Field name → tooltip: the title attribute, else its label's text, else the name."""
    collector = _Collector()
    collector.feed(html)
    tips: dict[str, str] = {}
    for attrs in collector.fields:
        name = attrs["name"]
        label = " ".join("".join(collector.labels.get(attrs.get("id", ""), [])).split())
        tips.setdefault(name, " ".join((attrs.get("title") or label or name).split()))
    return tips
