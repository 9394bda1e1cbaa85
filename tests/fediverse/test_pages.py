"""Residents find the handles on the front page and on Det sker, ready to copy."""

import re

import pytest

from tests.factories import default_site, home_page
from tests.stories.event_factories import event_index

pytestmark = pytest.mark.django_db


def handle_lines(html: str) -> list[str]:
    lines = re.findall(r'<p class="follow-fediverse">(.*?)</p>', html, re.S)
    return [re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", line)).strip() for line in lines]


@pytest.fixture(autouse=True)
def site(settings):
    settings.WAGTAILADMIN_BASE_URL = "https://voresishoj.example"
    default_site()


def test_det_sker_shows_its_handle_with_a_copy_button(client):
    index = event_index(home_page())
    html = client.get(index.url).content.decode()

    [line] = handle_lines(html)
    assert line.startswith("Følg os på Mastodon: @detsker@voresishoj.example Kopiér")
    assert 'data-copy="@detsker@voresishoj.example"' in html


def test_the_front_page_shows_both_handles(client):
    home = home_page()
    html = client.get(home.url).content.decode()

    lines = handle_lines(html)
    assert lines[0].startswith("Følg os på Mastodon: @detsker@voresishoj.example")
    assert lines[1].startswith("Historierne på Mastodon: @historier@voresishoj.example")


def test_an_arabic_reader_gets_the_handles_in_arabic_around_the_same_address(client):
    """The handle is an address and stays as it is; the words around it are the reader's."""
    html = client.get("/ar/").content.decode()
    lines = handle_lines(html)
    assert lines[0].startswith("تابعونا على ماستودون: @detsker@voresishoj.example نسخ")
    assert lines[1].startswith("القصص على ماستودون: @historier@voresishoj.example")
    assert "تابعونا على الفيديفيرس" in html
    assert 'translate="no">@detsker@voresishoj.example<' in html
