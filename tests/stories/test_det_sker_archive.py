"""Det sker looks back too: past months are an archive of what took place,
back to the first event, read-only (nothing to sign up for)."""

import re
from datetime import date, timedelta

import pytest
from django.utils import timezone

from stories.event_listing import month_label
from tests.stories.event_factories import event_index, make_event

pytestmark = pytest.mark.django_db


def months_back(n: int) -> date:
    month = timezone.localdate().replace(day=1)
    for _ in range(n):
        month = (month - timedelta(days=1)).replace(day=1)
    return month


def test_a_past_month_shows_what_took_place_marked_as_the_archive(client):
    month = months_back(3)
    make_event("Sommerfest i Strandparken", start_date=month.replace(day=10))
    make_event("Om en uge", start_date=timezone.localdate() + timedelta(days=7))
    response = client.get(event_index().url, {"maaned": f"{month:%Y-%m}"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Sommerfest i Strandparken" in html and "Om en uge" not in html
    assert f"Arkiv: {month_label(month)} er forbi." in html
    assert f"<strong>{month_label(month)}:</strong> 1 begivenhed" in html


def test_the_months_walk_back_to_the_first_event_and_no_further(client):
    first = months_back(2)
    make_event("Den første", start_date=first.replace(day=5))
    index = event_index()
    html = client.get(index.url).content.decode()
    back = re.search(
        r'<a rel="prev" href="([^"]+)"><span class="dir-icon">←</span> ([^<]+)</a>', html
    )
    assert back.group(2) == month_label(months_back(1))
    html = client.get(index.url + back.group(1).replace("&amp;", "&")).content.decode()
    back = re.search(
        r'<a rel="prev" href="([^"]+)"><span class="dir-icon">←</span> ([^<]+)</a>', html
    )
    html = client.get(index.url + back.group(1)).content.decode()
    assert "Den første" in html
    assert 'rel="prev"' not in html  # the archive starts with the first event's month
    too_early = client.get(index.url, {"maaned": f"{months_back(3):%Y-%m}"})
    assert too_early.status_code == 400
    assert f"Det sker viser måneder fra {month_label(first).lower()}" in too_early.content.decode()


def test_the_month_menu_lists_the_archive_months(client):
    make_event("Den første", start_date=months_back(2).replace(day=5))
    html = client.get(event_index().url).content.decode()
    archive = re.search(r'<optgroup label="Arkiv">(.*?)</optgroup>', html, re.S).group(1)
    assert re.findall(r'value="(\d{4}-\d{2})"', archive) == [
        f"{months_back(1):%Y-%m}",
        f"{months_back(2):%Y-%m}",
    ]


def test_a_past_event_offers_no_sign_up(client):
    event = make_event(
        "Loppemarked",
        start_date=months_back(1).replace(day=3),
        signup_url="https://example.dk/tilmelding",
    )
    html = client.get(event.url).content.decode()
    assert "Loppemarked" in html
    assert "Tilmeld dig" not in html
    upcoming = make_event(
        "Loppemarked igen",
        start_date=timezone.localdate() + timedelta(days=3),
        signup_url="https://example.dk/tilmelding",
    )
    assert "Tilmeld dig" in client.get(upcoming.url).content.decode()
