"""The demo's 'Det sker': real recurring activities, linked to the map's places."""

import io
from datetime import date

import pytest
from django.core.management import call_command
from wagtail.models import Revision

from stories.models import EventPage
from stories.recurrence import expand_event

pytestmark = pytest.mark.django_db


def test_demo_events_load_once_link_places_and_recur_without_end(client):
    call_command("load_demo", stdout=io.StringIO())
    revisions = Revision.objects.count()
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    assert Revision.objects.count() == revisions
    unchanged = (
        "Begivenheder: 7 under «Det sker» – 0 nye, 0 flyttet til de kommende uger, 7 uændrede."
    )
    assert unchanged in out.getvalue()

    cafe = EventPage.objects.get(locale__language_code="da", slug="cafe-solstraalen")
    assert cafe.place.slug == "kulturhuset-aab"
    assert cafe.repeat_until is None and cafe.repeat_count is None
    later = expand_event(cafe, date(2030, 1, 1), date(2030, 1, 31))
    assert {o.start.strftime("%A %H:%M") for o in later} == {"Tuesday 13:00"}
    assert [s.slug for s in cafe.stories.all()] == ["cafe-solstraalen"]

    children = EventPage.objects.get(locale__language_code="da", slug="aktiviteter-for-boern")
    assert children.place.slug == "bredekaergaard"
    (first_sunday,) = expand_event(children, date(2030, 6, 1), date(2030, 6, 30))
    assert first_sunday.start.date() == date(2030, 6, 2)

    html = client.get("/det-sker/").content.decode()
    assert "Det sker" in html
    assert client.get(cafe.url).status_code == 200
