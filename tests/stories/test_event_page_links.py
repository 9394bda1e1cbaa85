"""An event page: add this one event to a calendar, share it without trackers,
find the way there, and see a recurring event's next dates."""

import re
from datetime import time, timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
from django.utils import timezone
from icalendar import Calendar

from stories.recurrence import next_occurrences
from tests.locations.helpers import make_place
from tests.stories.event_factories import make_event
from tests.stories.test_ics_feed import expand_ics

pytestmark = pytest.mark.django_db


def today():
    return timezone.localdate()


@pytest.fixture
def recurring():
    day = today() + timedelta(days=2)
    farm = make_place(
        "Bredekærgård", address="Bredekærgårdsvej 16, 2635 Ishøj", point=(55.6201, 12.3402)
    )
    return make_event(
        "Bål i haven",
        start_date=day,
        start_time=time(11, 0),
        end_time=time(14, 0),
        place=farm,
        frequency="ugentlig",
        weekdays=[day.weekday()],
        cancellations=[day + timedelta(weeks=1)],
        moves=[(day + timedelta(weeks=2), day + timedelta(weeks=2, days=1), time(12), None)],
    )


def _calendar_link(html: str) -> str:
    return re.search(r'<a class="button" href="([^"]+)" download>Føj til min kalender</a>', html)[1]


def test_add_to_calendar_gives_this_event_alone_with_its_exceptions(client, recurring):
    make_event("En anden begivenhed", start_date=today() + timedelta(days=3))
    response = client.get(_calendar_link(client.get(recurring.url).content.decode()))
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="baal-i-haven.ics"'
    calendar = Calendar.from_ical(response.content)
    events = calendar.walk("VEVENT")
    assert {str(e["SUMMARY"]) for e in events} == {"Bål i haven"}
    assert "RRULE" in events[0] and "EXDATE" in events[0]
    # Expanded as a calendar app would, it gives the dates the page lists.
    first, last = today(), today() + timedelta(days=60)
    from_file = sorted(start for _, start, _ in expand_ics(response.content, first, last))
    on_page = [
        o.start.isoformat() for o in next_occurrences(recurring, limit=9) if not o.is_cancelled
    ]
    assert from_file[: len(on_page)] == on_page
    cancelled = (today() + timedelta(days=2, weeks=1)).isoformat()
    assert not any(start.startswith(cancelled) for start in from_file)
    moved = (today() + timedelta(days=3, weeks=2)).isoformat()
    assert any(start.startswith(f"{moved}T12:00") for start in from_file)


def test_an_unpublished_event_has_no_calendar_file(client):
    draft = make_event("Kladde", start_date=today() + timedelta(days=3), publish=False)
    assert client.get(f"/feeds/begivenheder/{draft.pk}.ics").status_code == 404
    assert client.get("/feeds/begivenheder/999999.ics").status_code == 404


def test_share_links_carry_the_bare_address_and_no_tracker(client, recurring):
    html = client.get(recurring.url).content.decode()
    share = html[html.index('<section class="share"') :]
    share = share[: share.index("</section>")]
    hrefs = [h.replace("&amp;", "&") for h in re.findall(r'href="([^"]+)"', share)]
    facebook = next(h for h in hrefs if h.startswith("https://www.facebook.com/sharer/sharer.php"))
    assert parse_qs(urlsplit(facebook).query) == {"u": [recurring.full_url]}
    mailto = next(h for h in hrefs if h.startswith("mailto:"))
    assert parse_qs(urlsplit(mailto).query)["body"] == [recurring.full_url]
    assert f'data-share-url="{recurring.full_url}"' in share
    assert "Kopiér link" in share
    assert not re.search(r"utm_|fbclid|gclid", share)


def test_directions_lead_to_the_place(client, recurring):
    html = client.get(recurring.url).content.decode()
    route = re.search(r'href="(https://www.openstreetmap.org/directions[^"]+)"', html)[1]
    query = parse_qs(urlsplit(route.replace("&amp;", "&")).query, keep_blank_values=True)
    assert query == {"from": [""], "to": ["55.620100,12.340200"]}
    assert 'href="geo:55.620100,12.340200"' in html


def test_an_address_without_a_point_still_gets_a_route(client):
    event = make_event(
        "Loppemarked",
        start_date=today() + timedelta(days=4),
        place_name="Ishøj Bycenter",
        address="Ishøj Bycenter 1, 2635 Ishøj",
    )
    html = client.get(event.url).content.decode()
    assert "directions?from=&amp;to=Ish%C3%B8j+Bycenter+1%2C+2635+Ish%C3%B8j" in html
    assert "geo:" not in html


def test_a_recurring_event_lists_its_next_dates(client, recurring):
    html = client.get(recurring.url).content.decode()
    assert '<h2 id="hvornaar">Næste datoer</h2>' in html
    dates = re.findall(r'<time datetime="([^"]+)">', html)
    assert len(dates) == 8
    assert dates == sorted(dates)
    assert dates[0].startswith((today() + timedelta(days=2)).isoformat())
