"""An instrument's light web markup (werkboek/werkblad/web.py): the same fields as the PDF worksheet and the book,
fewer elements, every scale option named and pointing at its statement; and the book gets its own markup back."""
from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from werkboek.htmltext import separate_words
from werkboek.werkblad.loader import load_instruments
from werkboek.werkblad.render import compact, template_env
from werkboek.werkblad.web import TEMPLATE, book_forms, web_form

INSTRUMENTS = load_instruments()


class Elements(HTMLParser):
    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict]] = []
        self.ids: dict[str, str] = {}
        self._open: list[str] = []  # ids of open elements whose text we collect
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.elements.append((tag, attrs))
        if attrs.get("id"):
            self.ids[attrs["id"]] = ""
        if tag not in ("input", "br", "img"):
            self._open.append(attrs.get("id") or "")

    def handle_endtag(self, tag):
        if self._open:
            self._open.pop()

    def handle_data(self, data):
        for ident in self._open:
            if ident:
                self.ids[ident] += data

    def fields(self) -> dict[str, set[str]]:
        found: dict[str, set[str]] = {}
        for tag, attrs in self.elements:
            if tag in ("input", "textarea", "select") and attrs.get("name"):
                found.setdefault(attrs["name"], set()).add(attrs.get("value") or "")
        return found


def render(instrument, medium: str) -> str:
    return compact(template_env().get_template(TEMPLATE).render(
        instrument=instrument, medium=medium, pdf=None, lokaal=None, verantwoording=""))


@pytest.mark.parametrize("ident", sorted(INSTRUMENTS))
def test_web_form_has_the_fields_of_the_worksheet_and_the_book(ident):
    instrument = INSTRUMENTS[ident]
    web, book, pdf = (Elements(render(instrument, m)) for m in ("web", "boek", "pdf"))
    assert web.fields() == pdf.fields() == book.fields()
    assert len(web.elements) <= len(book.elements)


SCALES = [ident for ident, i in INSTRUMENTS.items() if any(b.soort == "schaal" for b in i.blokken)]


@pytest.mark.parametrize("ident", SCALES)
def test_scale_options_share_a_cell_per_round_and_name_their_statement(ident):
    instrument = INSTRUMENTS[ident]
    web, book = Elements(render(instrument, "web")), Elements(render(instrument, "boek"))
    radios = [attrs for tag, attrs in web.elements if tag == "input" and attrs.get("type") == "radio"]
    cells = [attrs for tag, attrs in web.elements if tag == "td" and "schaal__keuzes" in attrs.get("class", "")]
    rounds = sum(len(b.items) * max(1, len(b.rondes or [])) for b in instrument.blokken if b.soort == "schaal")
    assert len(cells) == rounds
    assert len(radios) == sum(int(c["colspan"]) for c in cells)
    assert len(web.elements) < len(book.elements) - len(radios) // 2
    texts = {item.tekst for b in instrument.blokken if b.soort == "schaal" for item in b.items}
    for radio in radios:
        assert radio["aria-label"] and "title" not in radio
        statement = web.ids[radio["aria-describedby"]]
        assert any(text in statement for text in texts), (radio["name"], statement)


def _context(ident):
    return {"instrument": INSTRUMENTS[ident], "pdf": None, "lokaal": None, "verantwoording": ""}


def test_book_gets_the_book_markup_of_each_web_form():
    page = {ident: web_form(**_context(ident)) for ident in SCALES[:2]}
    content = separate_words("<h2 id=\"s1\">Kop</h2>\n" + "\n<p>tekst</p>\n".join(page.values()))
    asked = []
    swapped = book_forms(content, "06-bespreekbaar-maken.md", lambda ident: asked.append(ident) or _context(ident))
    assert asked == SCALES[:2]
    for ident in page:
        assert separate_words(render(INSTRUMENTS[ident], "boek")) in swapped
    assert "schaal__keuzes" not in swapped and "<p>tekst</p>" in swapped
    assert book_forms("<p>geen werkblad</p>", "01-inleiding.md", lambda ident: 1 / 0) == "<p>geen werkblad</p>"


def test_book_takes_a_form_another_engine_wrote_with_other_attributes_and_whitespace():
    """Zensical drops data-search-exclude and writes other whitespace between tags: the form is still the same."""
    ident = SCALES[0]
    web = separate_words(web_form(**_context(ident)))
    written = re.sub(r">\s+<", "><", web.replace(" data-search-exclude", "")).replace("’", "&rsquo;")
    assert written != web
    swapped = book_forms(f"<p>voor</p>{written}<p>na</p>", "06-bespreekbaar-maken.md", _context)
    assert swapped == f"<p>voor</p>{separate_words(render(INSTRUMENTS[ident], 'boek'))}<p>na</p>"


def test_book_stops_on_a_web_form_changed_after_rendering():
    ident = SCALES[0]
    web = separate_words(web_form(**_context(ident)))
    changed = re.sub(r"(<th scope=\"row\"[^>]*>)", r"\1<button>x</button>", web, count=1)
    with pytest.raises(ValueError, match=f"06-bespreekbaar-maken.md: werkblad '{ident}'"):
        book_forms(changed, "06-bespreekbaar-maken.md", _context)
