"""One WeasyPrint font configuration per process (werkboek/pdf/weasy.py ``shared_fonts``) changes no byte: a worksheet
and a book-like document render identically with a fresh configuration and with the shared one after other
documents (a worksheet with other fonts in its fields, a poster of a training pack) registered their fonts in it."""
from __future__ import annotations

import pytest
from weasyprint.text.fonts import FontConfiguration

from werkboek.pdf import weasy
from werkboek.training.contents import session_posters
from werkboek.training.model import load_training
from werkboek.training.pack_pages import poster_html
from werkboek.werkblad.loader import load_instruments
from werkboek.werkblad.pdf import render_html

EPOCH = 1700000000


@pytest.fixture(scope="module")
def documents() -> dict[str, tuple[str, bool]]:
    instruments = load_instruments()
    training = load_training()
    session = next(s for s in training.bijeenkomsten if session_posters(s))
    poster = session_posters(session)[0]
    return {
        "werkblad signaleringskaart": (render_html(instruments["signaleringskaart"], None, EPOCH), True),
        "werkblad verwijskaart": (render_html(instruments["verwijskaart"], None, EPOCH), True),
        "poster": (poster_html(poster, session), False),
    }


def test_rendering_is_deterministic_with_fresh_configurations(documents):
    html, forms = documents["werkblad signaleringskaart"]
    first = weasy.write_pdf(html, forms, font_config=FontConfiguration())
    assert weasy.write_pdf(html, forms, font_config=FontConfiguration()) == first


@pytest.mark.parametrize("name", ["werkblad signaleringskaart", "poster"])
def test_shared_font_configuration_gives_identical_bytes(documents, name):
    html, forms = documents[name]
    alone = weasy.write_pdf(html, forms, font_config=FontConfiguration())
    shared = FontConfiguration()
    for other, (other_html, other_forms) in documents.items():  # every other document first, then this one
        if other != name:
            weasy.write_pdf(other_html, other_forms, font_config=shared)
    assert weasy.write_pdf(html, forms, font_config=shared) == alone
    assert weasy.write_pdf(html, forms) == alone  # the process's own shared configuration


def test_the_process_keeps_one_font_configuration():
    assert weasy.shared_fonts() is weasy.shared_fonts()
