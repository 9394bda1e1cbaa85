"""Editors create recurring events in Wagtail without typing RRULE text."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from stories.models import EventPage
from tests.stories.event_factories import event_index

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    user = get_user_model().objects.create_superuser("redaktoer", "r@example.com", "kode")
    client.force_login(user)
    return client


def test_an_editor_publishes_a_first_sunday_series_with_a_cancellation(editor):
    index = event_index()
    add_url = f"/admin/pages/add/stories/eventpage/{index.pk}/"
    form_page = editor.get(add_url).content.decode()
    assert "Gentagelse" in form_page and "Aflysninger" in form_page
    data = nested_form_data(
        {
            "title": "Aktiviteter for børn",
            "slug": "aktiviteter-for-boern",
            "intro": "Bål, leg og mad i haven.",
            "body": streamfield([]),
            "start_date": "2026-01-04",
            "start_time": "11:00",
            "end_time": "14:00",
            "frequency": "maanedlig",
            "interval": "1",
            "monthly_ordinal": "1",
            "monthly_weekday": "6",
            "is_free": "on",
            "cancellations": inline_formset([{"date": "2026-02-01", "reason": "Vinterferie"}]),
            "moves": inline_formset([]),
            "channel_settings": inline_formset([]),
            "action-publish": "publish",
        }
    )
    data["audience"] = ["boern", "familier"]  # checkboxes: one key, several values
    response = editor.post(add_url, data)
    assert response.status_code == 302
    event = EventPage.objects.get(slug="aktiviteter-for-boern")
    assert event.live
    assert event.audience == ["boern", "familier"]
    assert [c.reason for c in event.cancellations.all()] == ["Vinterferie"]
    feed = editor.get("/feeds/det-sker.json", {"from": "2026-01-01", "to": "2026-03-31"}).json()
    assert [(i["start"], i["status"]) for i in feed["items"]] == [
        ("2026-01-04T11:00:00+01:00", "scheduled"),
        ("2026-02-01T11:00:00+01:00", "cancelled"),
        ("2026-03-01T11:00:00+01:00", "scheduled"),
    ]


def test_half_filled_monthly_rule_is_refused_in_danish(editor):
    index = event_index()
    add_url = f"/admin/pages/add/stories/eventpage/{index.pk}/"
    data = nested_form_data(
        {
            "title": "Halvt udfyldt",
            "slug": "halvt",
            "intro": "x",
            "body": streamfield([]),
            "start_date": "2026-01-04",
            "start_time": "11:00",
            "frequency": "maanedlig",
            "interval": "1",
            "monthly_ordinal": "1",
            "is_free": "on",
            "cancellations": inline_formset([]),
            "moves": inline_formset([]),
            "channel_settings": inline_formset([]),
            "action-publish": "publish",
        }
    )
    response = editor.post(add_url, data)
    assert response.status_code == 200
    assert "Vælg både &#x27;hvilken i måneden&#x27; og ugedag" in response.content.decode()
    assert not EventPage.objects.filter(slug="halvt").exists()


def test_categories_and_citizen_suggestions_are_in_the_admin(editor):
    from stories.models import EventSubmission
    from tests.stories.event_factories import make_category, weekly

    make_category("Madfællesskab")
    EventSubmission.objects.create(page=weekly(), name="Aisha Hansen", email="aisha@example.com")
    assert "Madfællesskab" in editor.get("/admin/snippets/stories/eventcategory/").content.decode()
    listing = editor.get("/admin/snippets/stories/eventsubmission/").content.decode()
    assert "Aisha Hansen" in listing and "aisha@example.com" in listing
