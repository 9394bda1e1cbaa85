"""'Det sker' on the site: the list, an event page, the widget and the RSS feed."""

import json
import re
from datetime import date, time, timedelta
from xml.etree import ElementTree

import pytest
from django.utils import timezone
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from home.models import HomePage
from stories.models import EventIndexPage, EventPage
from stories.models.event_index import period_range
from tests.factories import make_image, make_story
from tests.locations.helpers import make_place
from tests.stories.event_factories import event_index, make_category, make_event, weekly

pytestmark = pytest.mark.django_db


def today():
    return timezone.localdate()


def json_ld(html):
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(match.group(1))


class EventPageRulesTest(WagtailPageTestCase):
    def test_det_sker_lives_under_the_home_page_and_holds_events(self):
        self.assertAllowedParentPageTypes(EventIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(EventIndexPage, {EventPage})
        self.assertAllowedParentPageTypes(EventPage, {EventIndexPage})

    def test_pages_render_and_preview(self):
        event = weekly(image=make_image(), image_alt="Kaffe")
        self.assertPageIsRenderable(event)
        self.assertPageIsRenderable(event_index())
        self.assertPageIsPreviewable(event_index())
        # The editor's preview posts the unsaved form, exceptions included.
        post_data = nested_form_data(
            {
                "title": event.title,
                "slug": event.slug,
                "intro": "Forhåndsvisning af caféen.",
                "body": streamfield([]),
                "start_date": "2026-03-03",
                "start_time": "13:00",
                "end_time": "16:00",
                "frequency": "ugentlig",
                "interval": "1",
                "is_free": "on",
                "cancellations": inline_formset([{"date": "2026-03-10", "reason": "Lukket"}]),
                "moves": inline_formset([]),
                "channel_settings": inline_formset([]),
            }
        )
        post_data["weekdays"] = ["1"]
        self.assertPageIsPreviewable(event, post_data=post_data)


@pytest.mark.parametrize(
    ("period", "on", "expected"),
    [
        ("i-dag", date(2026, 11, 24), (date(2026, 11, 24), date(2026, 11, 24))),
        ("weekend", date(2026, 11, 24), (date(2026, 11, 28), date(2026, 11, 29))),
        ("weekend", date(2026, 11, 28), (date(2026, 11, 28), date(2026, 11, 29))),
        ("weekend", date(2026, 11, 29), (date(2026, 11, 29), date(2026, 11, 29))),
        ("30-dage", date(2026, 11, 24), (date(2026, 11, 24), date(2026, 12, 23))),
    ],
)
def test_periods(period, on, expected):
    assert period_range(period, on) == expected


def test_menu_links_to_det_sker(client):
    event_index()
    assert '<a href="/det-sker/"' in client.get("/").content.decode()


def test_today_shows_todays_events_once_and_marks_cancelled_ones(client):
    index = event_index()
    make_event("Strikkecafé", start_date=today(), start_time=time(0, 1), end_time=time(23, 59))
    make_event("Fællesspisning", start_date=today(), cancellations=[(today(), "Syg kok")])
    make_event("I morgen", start_date=today() + timedelta(days=1))
    html = client.get(index.url, {"periode": "i-dag"}).content.decode()
    assert html.count(">Strikkecafé</a>") == 1
    assert re.search(r">Fællesspisning</a> <strong class=\"badge badge--cancelled\">Aflyst", html)
    assert "Syg kok" in html
    assert "I morgen" not in html
    assert '<a href="?periode=i-dag" aria-current="page">I dag</a>' in html


def test_the_default_is_the_next_30_days(client):
    make_event("Om en uge", start_date=today() + timedelta(days=7))
    make_event("Om 40 dage", start_date=today() + timedelta(days=40))
    html = client.get(event_index().url).content.decode()
    assert "Om en uge" in html and "Om 40 dage" not in html


def test_filters_work_without_javascript(client):
    farm = make_place("Bredekærgård", slug="bredekaergaard")
    nature = make_category("Natur")
    day = today() + timedelta(days=2)
    make_event("Bål i haven", start_date=day, place=farm, audience=["boern"], categories=[nature])
    make_event("Seniordans", start_date=day, place_name="Kulturhuset", audience=["aeldre"])
    url = event_index().url
    html = client.get(url, {"malgruppe": "boern"}).content.decode()
    assert "Bål i haven" in html and "Seniordans" not in html
    html = client.get(url, {"kategori": "natur"}).content.decode()
    assert "Bål i haven" in html and "Seniordans" not in html
    html = client.get(url, {"sted": "bredekaergaard"}).content.decode()
    assert "Bål i haven" in html and "Seniordans" not in html
    assert '<option value="bredekaergaard" selected>Bredekærgård</option>' in html
    assert "Nulstil filtre" in html


def test_event_page_shows_facts_and_next_dates(client):
    cafe = weekly(
        start_date=today() - timedelta(days=30),
        weekdays=[today().weekday()],
        place_name="Kulturhuset AAB",
        address="Vejleåparken 2, 2635 Ishøj",
        organiser="Ældresagen Ishøj",
        is_free=False,
        price_dkk="20.00",
        audience=["aeldre", "voksne"],
        cancellations=[(today() + timedelta(days=7), "Julefrokost")],
        accessibility="Trappefri adgang og handicaptoilet.",
        stories=[make_story(title="Kaffe mod ensomhed")],
    )
    html = client.get(cafe.url).content.decode()
    assert "20 kr." in html
    assert "Ældre, Voksne" in html
    assert "Trappefri adgang og handicaptoilet." in html
    assert "Kaffe mod ensomhed" in html
    assert html.count('<li class="event-dates--cancelled">') == 1
    assert "Julefrokost" in html


def test_event_page_has_schema_org_event_json_ld(client):
    farm = make_place(
        "Bredekærgård",
        slug="bredekaergaard",
        address="Bredekærgårdsvej 16, 2635 Ishøj",
        point=(55.6201, 12.3402),
    )
    day = today() + timedelta(days=3)
    event = make_event(
        "Aktiviteter for børn",
        start_date=day,
        start_time=time(11, 0),
        end_time=time(14, 0),
        place=farm,
        organiser="Forældre-netværket",
        image=make_image(),
        image_alt="Børn ved bålet",
        frequency="ugentlig",
        weekdays=[day.weekday()],
        cancellations=[day + timedelta(weeks=1)],
        moves=[(day + timedelta(weeks=2), day + timedelta(weeks=2, days=1), time(12), None)],
    )
    data = json_ld(client.get(event.url).content.decode())
    first, cancelled, moved = data[:3]
    assert first["@type"] == "Event"
    assert first["name"] == "Aktiviteter for børn"
    assert first["startDate"].startswith(f"{day.isoformat()}T11:00:00+0")
    assert first["endDate"].startswith(f"{day.isoformat()}T14:00:00+0")
    assert first["eventStatus"] == "https://schema.org/EventScheduled"
    assert first["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert first["location"]["name"] == "Bredekærgård"
    assert first["location"]["address"]["streetAddress"] == "Bredekærgårdsvej 16, 2635 Ishøj"
    assert first["location"]["geo"]["latitude"] == pytest.approx(55.6201)
    assert first["organizer"]["name"] == "Forældre-netværket"
    assert first["offers"]["price"] == "0" and first["offers"]["priceCurrency"] == "DKK"
    assert "fill-1200x630" in first["image"][0]
    assert cancelled["eventStatus"] == "https://schema.org/EventCancelled"
    assert moved["eventStatus"] == "https://schema.org/EventRescheduled"
    assert moved["startDate"].startswith((day + timedelta(weeks=2, days=1)).isoformat())


def test_widget_is_frameable_and_opens_events_in_a_new_tab(client):
    make_event("Byttemarked", start_date=today() + timedelta(days=2))
    response = client.get("/feeds/det-sker/widget/", {"accent": "groen", "antal": "3"})
    assert "X-Frame-Options" not in response
    html = response.content.decode()
    assert '<body class="accent-groen">' in html
    assert "<style" not in html and "style=" not in html
    assert re.search(
        r'<a href="[^"]+/det-sker/begivenhed-\d+/" target="_blank" rel="noopener">', html
    )
    assert "Byttemarked" in html


def test_widget_refuses_colours_outside_the_whitelist(client):
    response = client.get("/feeds/det-sker/widget/", {"accent": "red;background:url(x)"})
    assert response.status_code == 400
    assert response.json()["parameter"] == "accent"


def test_rss_has_the_newest_stories(client):
    make_story(title="Ældre story", date=date(2026, 1, 1))
    make_story(
        title="Café Solstrålen fylder fem år",
        date=date(2026, 11, 1),
        intro="Hver tirsdag mødes ældre til kaffe.",
    )
    response = client.get("/feeds/historier.rss")
    channel = ElementTree.fromstring(response.content).find("channel")
    items = channel.findall("item")
    assert [i.findtext("title") for i in items] == ["Café Solstrålen fylder fem år", "Ældre story"]
    first = items[0]
    assert first.findtext("description") == "Hver tirsdag mødes ældre til kaffe."
    assert first.findtext("link").startswith("http")
    assert "2026" in first.findtext("pubDate")
    assert "fill-640x400" in first.find("enclosure").get("url")
