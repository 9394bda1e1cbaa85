"""GET /feeds/det-sker.json as a municipal web team uses it."""

from datetime import date, time

import pytest
from django.utils import timezone
from django.utils.http import http_date
from wagtail.actions.delete_page import DeletePageAction

from stories.models import EventCancellation
from tests.factories import make_image
from tests.locations.helpers import make_place
from tests.stories.event_factories import make_category, make_event, weekly

pytestmark = pytest.mark.django_db

FEED = "/feeds/det-sker.json"
MARCH = {"from": "2026-03-01", "to": "2026-03-31"}


def get(client, **params):
    return client.get(FEED, params)


def titles(response):
    return [item["title"] for item in response.json()["items"]]


def test_one_item_per_occurrence_with_stable_id_offset_times_and_place(client):
    cafe = weekly(
        place_name="Kulturhuset AAB",
        address="Vejleåparken 2, 2635 Ishøj",
        latitude=55.6189,
        longitude=12.3563,
        organiser="AAB, Ældresagen og Ishøj Kommune",
        cancellations=[(date(2026, 3, 17), "Påskeferie")],
        image=make_image(),
        image_alt="Kaffe og kage på bordet",
    )
    data = get(client, **{"from": "2026-03-24", "to": "2026-04-07"}).json()
    assert data["count"] == 3
    first, second, _ = data["items"]
    assert first["id"] == f"{cafe.pk}-20260324T130000"
    assert first["start"] == "2026-03-24T13:00:00+01:00"
    assert second["start"] == "2026-03-31T13:00:00+02:00"
    assert first["status"] == "scheduled"
    assert first["place"] == {
        "name": "Kulturhuset AAB",
        "slug": None,
        "address": "Vejleåparken 2, 2635 Ishøj",
        "latitude": 55.6189,
        "longitude": 12.3563,
    }
    assert first["organiser"] == "AAB, Ældresagen og Ishøj Kommune"
    assert first["price"] == {"free": True, "amount_dkk": None, "label": "Gratis"}
    assert first["image"]["alt"] == "Kaffe og kage på bordet"
    assert first["image"]["renditions"]["card"]["url"].startswith("http")
    assert first["url"].endswith(cafe.url)
    assert first["updated"]


def test_cancelled_occurrences_are_listed_as_cancelled(client):
    weekly(cancellations=[(date(2026, 3, 17), "Påskeferie")])
    items = get(client, **{"from": "2026-03-17", "to": "2026-03-17"}).json()["items"]
    assert [(i["status"], i["note"]) for i in items] == [("cancelled", "Påskeferie")]


def test_moved_occurrence_keeps_its_id_and_says_where_it_came_from(client):
    cafe = weekly(moves=[(date(2026, 3, 10), date(2026, 3, 11), time(15, 0), time(18, 0))])
    items = get(client, **{"from": "2026-03-09", "to": "2026-03-11"}).json()["items"]
    assert [(i["id"], i["start"], i["moved_from"]) for i in items] == [
        (f"{cafe.pk}-20260310T130000", "2026-03-11T15:00:00+01:00", "2026-03-10T13:00:00+01:00")
    ]


def test_filter_by_category(client):
    food = make_category("Fællesspisning")
    weekly("Café Solstrålen", categories=[food])
    make_event(
        "Affaldsindsamling", start_date=date(2026, 3, 7), categories=[make_category("Natur")]
    )
    assert set(titles(get(client, category="faellesspisning", **MARCH))) == {"Café Solstrålen"}
    assert titles(get(client, category="natur", **MARCH)) == ["Affaldsindsamling"]
    assert titles(get(client, category="findes-ikke", **MARCH)) == []


def test_filter_by_audience_includes_events_for_everyone(client):
    make_event("Legedag", start_date=date(2026, 3, 7), audience=["boern", "familier"])
    make_event("Seniordans", start_date=date(2026, 3, 8), audience=["aeldre"])
    make_event("Sankthans", start_date=date(2026, 3, 9), audience=["alle"])
    assert titles(get(client, audience="boern", **MARCH)) == ["Legedag", "Sankthans"]
    assert titles(get(client, audience="aeldre", **MARCH)) == ["Seniordans", "Sankthans"]


def test_filter_by_place_and_place_data_comes_from_the_place(client):
    farm = make_place("Bredekærgård", slug="bredekaergaard", address="Bredekærgårdsvej 16")
    make_event("Aktiviteter for børn", start_date=date(2026, 3, 1), place=farm)
    make_event("Andet sted", start_date=date(2026, 3, 2), place_name="Ishøj Strand")
    items = get(client, place="bredekaergaard", **MARCH).json()["items"]
    assert [i["title"] for i in items] == ["Aktiviteter for børn"]
    assert items[0]["place"]["name"] == "Bredekærgård"
    assert items[0]["place"]["address"] == "Bredekærgårdsvej 16"
    assert items[0]["place"]["latitude"] == pytest.approx(55.615)


def test_updated_since_leaves_out_events_not_published_since(client):
    make_event("Gammel", start_date=date(2026, 3, 5))
    assert titles(get(client, updated_since="2000-01-01T00:00:00+01:00", **MARCH)) == ["Gammel"]
    assert titles(get(client, updated_since="2099-01-01T00:00:00+01:00", **MARCH)) == []


def _publish_change(event, **changes):
    """What an editor does: edit the page, publish a new revision."""
    for name, value in changes.items():
        setattr(event, name, value)
    event.save_revision().publish()
    event.refresh_from_db()


def test_updated_since_returns_only_the_event_changed_since(client):
    weekly("Café Solstrålen")
    changed = make_event("Loppemarked", start_date=date(2026, 3, 14))
    make_event("Koncert", start_date=date(2026, 3, 20))
    before = timezone.now().isoformat()

    _publish_change(changed, title="Loppemarked i Vejleåparken")

    data = get(client, updated_since=before, **MARCH).json()
    assert [(i["event_id"], i["title"]) for i in data["items"]] == [
        (changed.pk, "Loppemarked i Vejleåparken")
    ]
    assert data["removed_event_ids"] == []


def test_updated_since_shows_an_occurrence_cancelled_since(client):
    cafe = weekly("Café Solstrålen")
    make_event("Koncert", start_date=date(2026, 3, 20))
    before = timezone.now().isoformat()

    cafe.cancellations.add(EventCancellation(date=date(2026, 3, 17), reason="Påskeferie"))
    _publish_change(cafe)

    items = get(client, updated_since=before, **MARCH).json()["items"]
    assert {i["event_id"] for i in items} == {cafe.pk}
    cancelled = [i for i in items if i["status"] == "cancelled"]
    assert [(i["start"][:10], i["note"]) for i in cancelled] == [("2026-03-17", "Påskeferie")]


def test_updated_since_names_events_unpublished_or_deleted_since(
    client, django_capture_on_commit_callbacks
):
    make_event("Bliver", start_date=date(2026, 3, 14))
    unpublished = make_event("Aflyst helt", start_date=date(2026, 3, 15))
    deleted = make_event("Slettet", start_date=date(2026, 3, 16))
    before = timezone.now().isoformat()
    first = get(client, updated_since=before, **MARCH)
    assert first.json()["items"] == [] and first.json()["removed_event_ids"] == []

    with django_capture_on_commit_callbacks(execute=True):  # the editor's changes commit
        unpublished.unpublish()
        DeletePageAction(deleted).execute()

    again = client.get(
        FEED, {"updated_since": before, **MARCH}, headers={"If-None-Match": first["ETag"]}
    )
    assert again.status_code == 200
    data = again.json()
    assert data["items"] == []
    assert data["removed_event_ids"] == sorted([unpublished.pk, deleted.pk])


def test_removed_event_ids_only_with_updated_since(client):
    make_event("Bliver", start_date=date(2026, 3, 14))
    assert "removed_event_ids" not in get(client, **MARCH).json()


def test_pagination_with_next_and_previous_links(client):
    weekly()  # 5 Tuesdays in March 2026
    first = get(client, page_size=2, **MARCH).json()
    assert first["count"] == 5 and len(first["items"]) == 2 and first["previous"] is None
    assert "page=2" in first["next"] and first["next"].startswith("http")
    last = get(client, page_size=2, page=3, **MARCH).json()
    assert [i["start"][:10] for i in last["items"]] == ["2026-03-31"]
    assert last["next"] is None and "page=2" in last["previous"]


@pytest.mark.parametrize(
    ("params", "parameter", "says"),
    [
        ({"from": "24-11-2026"}, "from", "ÅÅÅÅ-MM-DD"),
        ({"from": "2026-02-30"}, "from", "ÅÅÅÅ-MM-DD"),
        ({"to": "i morgen"}, "to", "ÅÅÅÅ-MM-DD"),
        ({"from": "2026-03-10", "to": "2026-03-01"}, "to", "før"),
        ({"from": "2026-01-01", "to": "2027-06-01"}, "to", "366 dage"),
        ({"audience": "hunde"}, "audience", "en af"),
        ({"category": "<script>"}, "category", "kort navn"),
        ({"place": "x" * 101}, "place", "kort navn"),
        ({"updated_since": "i går"}, "updated_since", "ISO 8601"),
        ({"page": "0"}, "page", "større end 0"),
        ({"page": "to"}, "page", "større end 0"),
        ({"page_size": "201"}, "page_size", "højst være 200"),
        ({"page": "9", **MARCH}, "page", "højst være 1"),
    ],
)
def test_bad_parameters_get_a_danish_400_naming_the_parameter(client, params, parameter, says):
    response = get(client, **params)
    assert response.status_code == 400
    body = response.json()
    assert body["parameter"] == parameter
    assert says in body["error"]


def test_repeated_conditional_request_gets_304_without_a_body(client):
    weekly()
    first = get(client, **MARCH)
    assert first.status_code == 200 and first["ETag"] and first["Last-Modified"]
    assert "public" in first["Cache-Control"]
    again = client.get(FEED, MARCH, headers={"If-None-Match": first["ETag"]})
    assert again.status_code == 304
    assert again.content == b""


def test_if_modified_since_gets_304(client):
    weekly()
    first = get(client, **MARCH)
    since = client.get(FEED, MARCH, headers={"If-Modified-Since": first["Last-Modified"]})
    assert since.status_code == 304


def test_304_is_answered_without_expanding_occurrences(client, django_assert_max_num_queries):
    for n in range(5):
        weekly(f"Café {n}")
    etag = get(client, **MARCH)["ETag"]
    with django_assert_max_num_queries(2):
        assert client.get(FEED, MARCH, headers={"If-None-Match": etag}).status_code == 304


def test_publishing_a_change_changes_the_etag(client, django_capture_on_commit_callbacks):
    cafe = weekly()
    before = get(client, **MARCH)
    cafe.title = "Café Solstrålen – nu med sang"
    # As in production, the publish commits (and the page cache is purged then).
    with django_capture_on_commit_callbacks(execute=True):
        cafe.save_revision().publish()
    after = client.get(FEED, MARCH, headers={"If-None-Match": before["ETag"]})
    assert after.status_code == 200
    assert titles(after)[0] == "Café Solstrålen – nu med sang"


def test_defaults_to_today_and_the_next_90_days(client):
    data = get(client).json()
    start, end = date.fromisoformat(data["from"]), date.fromisoformat(data["to"])
    assert (end - start).days == 90


def test_last_modified_is_the_newest_publication(client):
    cafe = weekly()
    assert get(client, **MARCH)["Last-Modified"] == http_date(cafe.last_published_at.timestamp())


def test_submitter_details_never_appear(client):
    cafe = weekly()
    from stories.models import EventSubmission

    EventSubmission.objects.create(page=cafe, name="Hemmelig Person", email="hemmelig@example.com")
    body = get(client, **MARCH).content.decode()
    assert "Hemmelig" not in body and "hemmelig@example.com" not in body


def test_republishing_the_linked_place_changes_the_etag(client, django_capture_on_commit_callbacks):
    farm = make_place("Bredekærgård", slug="bredekaergaard")
    make_event("Bål i haven", start_date=date(2026, 3, 1), place=farm)
    before = get(client, **MARCH)
    farm.title = "Bredekærgård – gården ved Vejleå"
    with django_capture_on_commit_callbacks(execute=True):
        farm.save_revision().publish()
    after = client.get(FEED, MARCH, headers={"If-None-Match": before["ETag"]})
    assert after.status_code == 200
    assert after.json()["items"][0]["place"]["name"] == "Bredekærgård – gården ved Vejleå"
