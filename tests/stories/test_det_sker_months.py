"""Det sker reaches as far as the feed: month by month, from a date, filters kept,
and the address says what is shown."""

import re
from datetime import date, time, timedelta

import pytest
from django.utils import timezone

from stories.event_listing import month_label
from stories.feeds.params import MAX_SPAN_DAYS
from tests.stories.event_factories import event_index, make_category, make_event

pytestmark = pytest.mark.django_db


def today():
    return timezone.localdate()


def months_ahead(n: int) -> date:
    month = today().replace(day=1)
    for _ in range(n):
        month = (month + timedelta(days=32)).replace(day=1)
    return month


def links(html: str) -> dict[str, str]:
    """Link text → href of every link on the page."""
    found = re.findall(r'<a[^>]*href="([^"]*)"[^>]*>(.*?)</a>', html, re.S)
    return {
        re.sub(r"<[^>]+>", "", text).strip(): href.replace("&amp;", "&") for href, text in found
    }


def test_a_month_months_ahead_is_shown_and_named_in_the_address(client):
    month = months_ahead(5)
    make_event("Byttemarked", start_date=month.replace(day=14))
    make_event("Måneden efter", start_date=months_ahead(6).replace(day=2))
    response = client.get(event_index().url, {"maaned": f"{month:%Y-%m}"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Byttemarked" in html and "Måneden efter" not in html
    assert f"<strong>{month_label(month)}:</strong> 1 begivenhed" in html


def test_next_and_previous_month_links_walk_the_year(client):
    index = event_index()
    make_event("Strandrens", start_date=months_ahead(3).replace(day=10))
    html = client.get(index.url).content.decode()
    for n in range(1, 4):
        href = links(html)[f"{month_label(months_ahead(n))} →"]
        assert href == f"?maaned={months_ahead(n):%Y-%m}"
        html = client.get(index.url + href).content.decode()
    assert "Strandrens" in html
    assert links(html)[f"← {month_label(months_ahead(2))}"] == f"?maaned={months_ahead(2):%Y-%m}"


def test_the_month_menu_reaches_as_far_as_the_feed(client):
    html = client.get(event_index().url).content.decode()
    options = re.findall(r'<option value="(\d{4}-\d{2})"', html)
    last = today() + timedelta(days=MAX_SPAN_DAYS)
    assert options[0] == f"{today():%Y-%m}"
    assert options[-1] == f"{last:%Y-%m}"
    html = client.get(event_index().url, {"maaned": f"{last:%Y-%m}"}).content.decode()
    assert not [text for text in links(html) if text.endswith("→")]


def test_filters_stay_when_the_month_changes(client):
    nature = make_category("Natur")
    month = months_ahead(2)
    make_event("Fugletur", start_date=month.replace(day=5), categories=[nature])
    make_event("Banko", start_date=month.replace(day=5), audience=["aeldre"])
    index = event_index()
    html = client.get(index.url, {"kategori": "natur"}).content.decode()
    href = links(html)[f"{month_label(months_ahead(1))} →"]
    assert href == f"?maaned={months_ahead(1):%Y-%m}&kategori=natur"
    html = client.get(index.url + href).content.decode()
    href = links(html)[f"{month_label(month)} →"]
    html = client.get(index.url + href).content.decode()
    assert "Fugletur" in html and "Banko" not in html
    # The filter form keeps the month; the month form keeps the filter.
    assert f'<input type="hidden" name="maaned" value="{month:%Y-%m}">' in html
    assert '<input type="hidden" name="kategori" value="natur">' in html


def test_jumping_to_a_date_shows_that_day_onwards_in_its_month(client):
    month = months_ahead(4)
    make_event("Før datoen", start_date=month.replace(day=3))
    make_event("Kulturfestival", start_date=month.replace(day=20), start_time=time(12, 0))
    html = client.get(
        event_index().url, {"dato": month.replace(day=18).isoformat()}
    ).content.decode()
    assert "Kulturfestival" in html and "Før datoen" not in html
    assert "Fra 18. " in html


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"maaned": "marts"}, "Måneden skal skrives som ÅÅÅÅ-MM"),
        ({"maaned": "2019-03"}, "Det sker viser måneder fra"),
        ({"maaned": "9999-12"}, "Det sker viser måneder fra"),
        ({"dato": "2027-02-30"}, "Datoen skal skrives som ÅÅÅÅ-MM-DD"),
        ({"dato": "2001-01-01"}, "Det sker viser datoer fra"),
        ({"dato": "x" * 500}, "Datoen skal skrives som ÅÅÅÅ-MM-DD"),
    ],
)
def test_a_month_or_date_out_of_reach_is_explained_in_danish(client, params, message):
    make_event("Om en uge", start_date=today() + timedelta(days=7))
    response = client.get(event_index().url, params)
    html = response.content.decode()
    assert response.status_code == 400
    assert message in html
    assert "Om en uge" in html  # the default view is shown instead


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"maaned": "marts"}, "اكتب الشهر بالصيغة YYYY-MM"),
        ({"maaned": "2019-03"}, "يعرض «ماذا يحدث» الأشهر من"),
        ({"dato": "2027-02-30"}, "اكتب التاريخ بالصيغة YYYY-MM-DD"),
        ({"dato": "2001-01-01"}, "يعرض «ماذا يحدث» التواريخ من"),
    ],
)
def test_an_arabic_reader_is_told_what_is_wrong_with_the_address_in_arabic(client, params, message):
    from home import language_roots

    language_roots.ensure_locales()
    for root in language_roots.ensure_translated_roots():
        root.save_revision().publish()
    make_event("Om en uge", start_date=today() + timedelta(days=7))
    response = client.get("/ar" + event_index().url, params)
    html = response.content.decode()
    assert response.status_code == 400
    assert message in html
    assert "Måneden skal" not in html and "Datoen skal" not in html
    assert "نعرض لك" in html and "i stedet" not in html
    assert "Om en uge" in html
