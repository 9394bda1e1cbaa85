"""Numbers in the address as a hostile script writes them: superscripts,
circled and Arabic-Indic digits, and very long ones. `str.isdigit()` took "²"
for a number that int() then refused, and the feeds and the widget answered 500."""

import pytest

from tests.factories import home_page

pytestmark = pytest.mark.django_db

NOT_NUMBERS = ["²", "①", "⁵", "1²", "٣", "9" * 5000, "-1", "1.5"]


@pytest.mark.parametrize(
    ("url", "name"),
    [
        ("/feeds/det-sker.json", "page"),
        ("/feeds/det-sker.json", "page_size"),
        ("/feeds/det-sker/widget/", "antal"),
        ("/api/v2/pages/", "limit"),
        ("/api/v2/pages/", "offset"),
    ],
)
def test_a_number_that_is_not_plain_digits_gets_a_danish_400(client, url, name):
    home_page()
    for value in NOT_NUMBERS:
        response = client.get(url, {name: value})
        assert response.status_code == 400, (url, name, value, response.status_code)
        assert name in response.content.decode()


def test_plain_digits_still_work(client):
    home_page()
    assert client.get("/feeds/det-sker.json", {"page": "1", "page_size": "5"}).status_code == 200
    assert client.get("/feeds/det-sker/widget/", {"antal": "3"}).status_code == 200
    assert client.get("/api/v2/pages/", {"limit": "2", "offset": "0"}).status_code == 200


def test_the_search_page_treats_such_a_page_number_as_the_first(client):
    home_page()
    for value in NOT_NUMBERS:
        assert client.get("/search/", {"query": "Ishøj", "side": value}).status_code == 200
