"""Text helpers behind what readers see: soft hyphens in headings, words kept apart for the search index, and the
source repository address the fork guide links to."""
from __future__ import annotations

import pytest

from werkboek.errors import DataError
from werkboek.gemeente.repository import source_repository
from werkboek.htmltext import separate_words
from werkboek.pages.hyphenation import SOFT_HYPHEN, hyphenate_headings


def test_long_heading_words_get_dutch_soft_hyphens_and_nothing_else_changes():
    html = ('<h2 id="s6-4">6.4 Trainingsopdracht: Handelingsverlegenheid<a class="headerlink" href="#s6-4" '
            'title="Handelingsverlegenheid">#</a></h2><p>Handelingsverlegenheid</p>')
    out = hyphenate_headings(html)
    assert "Han\u00adde\u00adlings\u00adver\u00adle\u00adgen\u00adheid<a" in out
    assert 'title="Handelingsverlegenheid"' in out and out.endswith("<p>Handelingsverlegenheid</p>")
    assert out.replace(SOFT_HYPHEN, "") == html
    assert hyphenate_headings("<h3>Kort woord</h3>") == "<h3>Kort woord</h3>"


def test_narrow_column_headings_get_soft_hyphens_in_shorter_words():
    html = '<label for="x" class="kolom__kop"><span class="kolom__stap">Stap 4</span> Voorwaarden</label>'
    assert "Voor\u00adwaar\u00adden</label>" in hyphenate_headings(html)


def test_cells_labels_and_line_breaks_are_kept_apart():
    html = '<tr><th scope="col">Tijd</th><th>Wat</th></tr><td>a<br><span>b</span></td><label for="x">L</label><input id="x">'
    out = separate_words(html)
    assert "<th scope=\"col\">Tijd</th>\n<th>Wat</th>\n</tr>" in out
    assert "a<br>\n<span>b</span>" in out and "</label>\n<input" in out
    assert separate_words("<p>x</p>") == "<p>x</p>"


def test_source_repository_comes_from_the_environment_or_is_unknown():
    assert source_repository({}) is None
    assert source_repository({"WERKBOEK_BRON": " "}) is None
    assert source_repository({"WERKBOEK_BRON": "https://github.com/gemeente/werkboek/"}) == \
        "https://github.com/gemeente/werkboek"


@pytest.mark.parametrize("value", ["javascript:alert(1)", "http://github.com/a/b", "https://github.com/a",
                                   'https://github.com/a/b"><script>x</script>', "https://github.com/a/b/c",
                                   "https://github.com/../b"])
def test_a_strange_source_repository_stops_the_build_with_a_message(value):
    with pytest.raises(DataError, match="WERKBOEK_BRON"):
        source_repository({"WERKBOEK_BRON": value})
