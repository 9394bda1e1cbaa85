"""The feeds know the language: Det sker's JSON feed and calendar and the story
RSS are in one language at a time (Danish unless `?sprog=` asks otherwise,
`?sprog=alle` for all), and each item says its own: `language` in JSON,
RFC 5545's LANGUAGE parameter on every text in the calendar, `<language>` in RSS."""

from datetime import timedelta
from xml.etree import ElementTree

import pytest
from django.utils import timezone
from icalendar import Calendar

from tests.stories.language_factories import (  # noqa: F401 (fixture)
    event_in,
    languages,
    story_in,
)

pytestmark = pytest.mark.django_db

JSON = "/feeds/det-sker.json"
ICS = "/feeds/begivenheder.ics"
RSS = "/feeds/historier.rss"


@pytest.fixture
def events(languages):  # noqa: F811
    soon = timezone.localdate() + timedelta(days=3)
    place = {"place_name": "Kulturhuset AAB", "address": "Vejleåparken 2"}
    return {
        "da": event_in("da", title="Fællesspisning i Vejleåparken", start_date=soon, **place),
        "ar": event_in("ar", title="عشاء مشترك في فيليوبارکن", start_date=soon, **place),
        "tr": event_in("tr", title="İstanbul usulü kahvaltı", start_date=soon, **place),
        "ur": event_in("ur", title="مل کر کھانا", start_date=soon, **place),
    }


def _json(client, **params) -> dict[str, str]:
    response = client.get(JSON, params)
    assert response.status_code == 200, response.content
    return {item["title"]: item["language"] for item in response.json()["items"]}


def test_the_json_feed_is_danish_unless_asked(client, events):
    assert _json(client) == {events["da"].title: "da"}


def test_the_json_feed_in_each_language(client, events):
    for code, event in events.items():
        assert _json(client, sprog=code) == {event.title: code}
    assert _json(client, locale="ar") == {events["ar"].title: "ar"}


def test_the_json_feed_in_every_language_marks_each_item(client, events):
    assert _json(client, sprog="alle") == {e.title: code for code, e in events.items()}


def test_a_language_the_portal_lacks_is_a_danish_400(client, events):
    for url in (JSON, ICS, RSS):
        response = client.get(url, {"sprog": "so"})
        assert response.status_code == 400, url
        assert "Ukendt sprog i 'sprog'. Brug en af sprogkoderne da, ar, tr, ur" in (
            response.content.decode()
        ), url


def _calendar(client, url=ICS, **params) -> Calendar:
    response = client.get(url, params)
    assert response.status_code == 200, response.content
    return Calendar.from_ical(response.content)


def test_every_text_in_the_calendar_names_its_language(client, events):
    for code, event in events.items():
        (vevent,) = _calendar(client, sprog=code).walk("VEVENT")
        assert str(vevent["SUMMARY"]) == event.title
        texts = {name: vevent[name].params.get("LANGUAGE") for name in ("SUMMARY", "LOCATION")}
        texts["DESCRIPTION"] = vevent["DESCRIPTION"].params.get("LANGUAGE")
        assert texts == {"SUMMARY": code, "LOCATION": code, "DESCRIPTION": code}, code


def test_the_calendar_is_danish_unless_asked_and_all_on_request(client, events):
    danish = _calendar(client).walk("VEVENT")
    assert [str(v["SUMMARY"]) for v in danish] == [events["da"].title]
    everything = _calendar(client, sprog="alle").walk("VEVENT")
    assert sorted(v["SUMMARY"].params["LANGUAGE"] for v in everything) == ["ar", "da", "tr", "ur"]


def test_the_calendar_line_is_written_as_rfc_5545_says(client, events):
    raw = client.get(ICS, {"sprog": "ar"}).content.decode()
    assert f"SUMMARY;LANGUAGE=ar:{events['ar'].title}" in raw.replace("\r\n ", "")


def test_one_events_calendar_file_names_its_language(client, events):
    event = events["ur"]
    (vevent,) = _calendar(client, f"/feeds/begivenheder/{event.pk}.ics").walk("VEVENT")
    assert (str(vevent["SUMMARY"]), vevent["SUMMARY"].params["LANGUAGE"]) == (event.title, "ur")


@pytest.fixture
def stories(languages):  # noqa: F811
    return {
        "da": story_in("da", title="Lektiecafé på biblioteket"),
        "ar": story_in("ar", title="افتتاح المكتبة الجديدة", intro="جيران يلتقون."),
        "tr": story_in("tr", title="İstanbul'dan gelen komşular", intro="Kitapları paylaşıyoruz."),
    }


def _rss(client, **params) -> tuple[str, list[str]]:
    response = client.get(RSS, params)
    assert response.status_code == 200, response.content
    channel = ElementTree.fromstring(response.content).find("channel")
    return channel.findtext("language"), [i.findtext("title") for i in channel.iter("item")]


def test_rss_per_language(client, stories):
    assert _rss(client) == ("da", [stories["da"].title])
    for code, story in stories.items():
        assert _rss(client, sprog=code) == (code, [story.title])
    assert _rss(client, locale="tr") == ("tr", [stories["tr"].title])
    _language, everything = _rss(client, sprog="alle")
    assert sorted(everything) == sorted(s.title for s in stories.values())
