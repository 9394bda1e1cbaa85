"""Text stored with markup never leaves as markup: JSON feed, ICS, GeoJSON, API, widget.

The public forms refuse markup (their own rule); these outputs must still be
safe for text stored before that rule, or pasted by an editor, because other
sites put our text straight into their HTML.
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.locations.helpers import make_place
from tests.stories.event_factories import make_event

pytestmark = pytest.mark.django_db

MARKUP = ("<b>", "<script", "<img", "onerror", "</")


def _event():
    return make_event(
        "<b>Suppe</b> og sang",
        start_date=timezone.localdate() + timedelta(days=2),
        intro='Vi laver suppe <script>alert("x")</script>sammen. Børn < 12 år gratis.',
        organiser='<img src=x onerror="alert(1)">Forældre-netværket',
        place_name="<i>Glashuset</i>",
    )


def _no_markup(text: str, where: str):
    found = [m for m in MARKUP if m in text]
    assert not found, f"{where}: {found}"


def test_the_json_feed_and_widget_carry_plain_text(client):
    _event()
    feed = client.get("/feeds/det-sker.json")
    item = feed.json()["items"][0]
    assert item["title"] == "Suppe og sang"
    assert item["summary"] == 'Vi laver suppe alert("x")sammen. Børn < 12 år gratis.'
    assert item["organiser"] == "Forældre-netværket"
    _no_markup(feed.content.decode(), "JSON-feed")


def test_the_calendar_carries_plain_text(client):
    _event()
    ics = b"".join(client.get("/feeds/begivenheder.ics")).decode()
    assert "SUMMARY;LANGUAGE=da:Suppe og sang" in ics
    _no_markup(ics, "ICS")


def test_the_api_carries_plain_text_but_keeps_rich_text(client):
    event = _event()
    data = client.get(f"/api/v2/pages/{event.pk}/").json()
    assert data["title"] == "Suppe og sang"
    assert data["organiser"] == "Forældre-netværket"
    assert data["place_name"] == "Glashuset"
    listing = client.get("/api/v2/pages/?type=stories.EventPage&fields=*").content.decode()
    _no_markup(listing, "API")


def test_geojson_carries_plain_text(client):
    make_place(
        "<b>Legepladsen</b>", intro="Gynger <script>x</script>og sandkasse",
        opening_hours="<i>Altid</i>", address="Strandvej 1 <br>2635 Ishøj",
    )  # fmt: skip
    response = client.get("/api/places.geojson")
    place = response.json()["features"][0]["properties"]
    assert place["name"] == "Legepladsen"
    assert place["summary"] == "Gynger xog sandkasse"
    _no_markup(response.content.decode(), "GeoJSON")
