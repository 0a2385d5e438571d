"""The link-preview card (werkboek/publish/share_card.py): 1200 × 630 PNG in the site's colour and typeface, with the
site's title, and a gemeente's name, logo and colour when it has them; the longest title and name a gemeente may give
still fit on the card; the same input gives the same bytes."""
from __future__ import annotations

import io

import pikepdf
import pytest
import yaml
from PIL import Image

from conftest import ROOT
from werkboek.gemeente.characters import MAXIMA
from werkboek.gemeente.load import load_gemeente
from werkboek.pdf.weasy import write_pdf
from werkboek.publish.share_card import HEIGHT, WIDTH, Card, card_html, share_card

CONFIG = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
DESCRIPTION = " ".join(CONFIG["site_description"].split())
VOORBEELD = ROOT / "voorbeelden" / "gemeente-voorbeeld.yml"


def rgb(hex_colour: str) -> tuple[int, int, int]:
    return tuple(int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))


def image(png: bytes) -> Image.Image:
    picture = Image.open(io.BytesIO(png))
    assert (picture.format, picture.size) == ("PNG", (WIDTH, HEIGHT))
    return picture.convert("RGB")


def fonts(html: str) -> set[str]:
    with pikepdf.open(io.BytesIO(write_pdf(html, name="deelkaart"))) as pdf:
        return {str(font.BaseFont).split("+")[-1] for page in pdf.pages
                for font in (page.Resources.get("/Font") or {}).values()}


def test_the_werkboeks_card_in_its_colour_and_typeface(tmp_path):
    card = Card(CONFIG["site_name"], DESCRIPTION)
    png = share_card(card, tmp_path)
    picture = image(png)
    assert picture.getpixel((10, 10)) == (107, 45, 92)  # the header colour of werkboek.css
    assert (255, 255, 255) in {colour for _, colour in picture.getcolors(WIDTH * HEIGHT)}  # white text and logo
    assert share_card(card, None) == png, "niet reproduceerbaar"
    assert share_card(card, tmp_path) == png and len(list(tmp_path.glob("deelkaart.*.png"))) == 1  # from the cache
    assert fonts(card_html(card)) == {"Atkinson-Hyperlegible-Bold", "Atkinson-Hyperlegible"}
    assert card.alt.startswith(CONFIG["site_name"] + ": Werkboek voor")


def test_a_gemeentes_card_has_its_name_logo_and_colour():
    lokaal = load_gemeente(VOORBEELD)
    card = Card(lokaal.site_titel, DESCRIPTION, lokaal)
    html = card_html(card)
    assert f'<p class="kaart__gemeente">{lokaal.naam}</p>' in html
    assert f'src="{lokaal.logo_url}"' in html and f"<h1 class=\"kaart__titel kaart__titel--lang\">{lokaal.site_titel}" in html
    picture = image(share_card(card))
    assert picture.getpixel((10, 10)) == rgb(lokaal.kleuren.hoofdkleur)
    assert picture.getpixel((90, 80)) == (255, 255, 255)  # the logo's white ground, top left
    assert lokaal.naam in card.alt


@pytest.mark.parametrize("letter", ["W", "i"])
def test_the_longest_title_and_name_fit_on_the_card(letter):
    """A gemeente may give a name and a site title of MAXIMA characters: the card stays one page (nothing cut off)."""
    import weasyprint

    lokaal = load_gemeente(VOORBEELD)
    lokaal = lokaal.model_copy(update={"naam": ("Gemeente " + letter * 80)[:MAXIMA["naam"]]})
    lokaal.model_post_init({"root": ROOT})
    words = " ".join([letter * 9] * 10)[:MAXIMA["site_titel"]]
    document = weasyprint.HTML(string=card_html(Card(words, DESCRIPTION, lokaal)), base_url=str(ROOT)).render()
    assert len(document.pages) == 1

    def boxes(box):
        yield box
        for child in getattr(box, "children", []):
            yield from boxes(child)

    wide = [box for box in boxes(document.pages[0]._page_box)
            if type(box).__name__ == "TextBox" and box.position_x + box.width > WIDTH]
    assert not wide, [box.text for box in wide]
