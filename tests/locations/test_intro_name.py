"""A place's short text is `intro` like a story's and an event's (locations
0005), and nothing made under the old name `summary` is lost: drafts,
scheduled publications and the history keep their text, comments stay on the
field, and what outside users read keeps the name `summary`: the places API
(fields, filters, ordering), the GeoJSON feed and the importer's files."""

import importlib
import json
from datetime import timedelta

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from wagtail.models import Comment, Revision

from locations.models import PlacePage
from tests.locations.helpers import make_place, map_page

pytestmark = pytest.mark.django_db

migration = importlib.import_module("locations.migrations.0005_place_intro")
PLACES = {"type": "locations.PlacePage"}


def stored_before_the_rename(revision: Revision) -> None:
    """Write the revision's JSON as Wagtail saved it when the field was `summary`."""
    content = {("summary" if key == "intro" else key): v for key, v in revision.content.items()}
    Revision.objects.filter(pk=revision.pk).update(content=content)


@pytest.fixture
def secretariat():
    user = get_user_model().objects.create_superuser("sek", "s@example.dk", "x")
    client = Client(raise_request_exception=False)
    client.force_login(user)
    return client, user


def test_a_scheduled_publication_saved_under_the_old_name_goes_live_with_its_text():
    place = make_place("Ishøj Havn", intro="Lystbådehavn med fiskebutik.")
    place.intro = "Lystbådehavn med fiskebutik og is om sommeren."
    place.go_live_at = timezone.now() - timedelta(minutes=1)
    scheduled = place.save_revision(approved_go_live_at=place.go_live_at)
    stored_before_the_rename(scheduled)
    # Under the old name Wagtail would publish the place with an empty text.
    assert Revision.objects.get(pk=scheduled.pk).as_object().intro == ""

    migration.forwards(apps, None)

    Revision.objects.get(pk=scheduled.pk).publish()
    live = PlacePage.objects.get(pk=place.pk)
    assert live.intro == "Lystbådehavn med fiskebutik og is om sommeren."
    html = Client().get(live.url).content.decode()
    assert '<p class="lead">Lystbådehavn med fiskebutik og is om sommeren.</p>' in html


def test_an_old_revision_opens_with_its_text_in_the_editor(secretariat):
    client, _ = secretariat
    place = make_place("Strandparken", intro="Grønt område ved vandet.")
    old = place.latest_revision
    place.intro = "Grønt område med grill ved vandet."
    place.save_revision().publish()
    stored_before_the_rename(old)

    migration.forwards(apps, None)

    response = client.get(f"/admin/pages/{place.pk}/revisions/{old.pk}/revert/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="id_intro">\nGrønt område ved vandet.</textarea>' in html


def test_a_comment_on_the_text_stays_on_the_field(secretariat):
    _, user = secretariat
    place = make_place()
    comment = Comment.objects.create(
        page=place, user=user, text="Nævn åbningstiderne", contentpath="summary"
    )
    revision = place.save_revision()
    stored_before_the_rename(revision)
    content = Revision.objects.get(pk=revision.pk).content
    content["wagtail_admin_comments"] = [
        {"pk": comment.pk, "text": comment.text, "contentpath": "summary"}
    ]
    Revision.objects.filter(pk=revision.pk).update(content=content)

    migration.forwards(apps, None)

    assert Comment.objects.get(pk=comment.pk).contentpath == "intro"
    stored = Revision.objects.get(pk=revision.pk).content
    assert stored["wagtail_admin_comments"][0]["contentpath"] == "intro"
    assert "summary" not in stored and stored["intro"] == place.intro


def test_migrating_back_restores_the_old_name():
    place = make_place(intro="Legeplads med gynger.")
    revision = place.latest_revision

    migration.backwards(apps, None)

    content = Revision.objects.get(pk=revision.pk).content
    assert content["summary"] == "Legeplads med gynger." and "intro" not in content


def test_the_api_keeps_publishing_summary_after_the_rename(client):
    place = make_place("Arken", intro="Museum for moderne kunst.")

    detail = client.get(f"/api/v2/pages/{place.pk}/").json()
    assert detail["summary"] == "Museum for moderne kunst."
    assert "intro" not in detail

    listed = client.get("/api/v2/pages/", {**PLACES, "fields": "_,summary"}).json()
    assert listed["items"] == [{"summary": "Museum for moderne kunst."}]

    # The model's name is not a second public name.
    refused = client.get("/api/v2/pages/", {**PLACES, "fields": "intro"})
    assert refused.status_code == 400


def test_place_lists_filter_and_sort_by_summary_as_before(client):
    make_place("Arken", intro="Museum for moderne kunst.")
    make_place("Ishøj Havn", intro="Lystbådehavn.")
    query = {**PLACES, "fields": "_,title"}

    found = client.get("/api/v2/pages/", {**query, "summary": "Lystbådehavn."})
    assert found.json()["items"] == [{"title": "Ishøj Havn"}]

    ordered = client.get("/api/v2/pages/", {**query, "order": "summary"}).json()
    assert [item["title"] for item in ordered["items"]] == ["Ishøj Havn", "Arken"]
    backwards = client.get("/api/v2/pages/", {**query, "order": "-summary"}).json()
    assert [item["title"] for item in backwards["items"]] == ["Arken", "Ishøj Havn"]


def test_the_geojson_feed_keeps_summary(client):
    make_place("Arken", intro="Museum for moderne kunst.")

    [feature] = client.get("/api/places.geojson").json()["features"]
    assert feature["properties"]["summary"] == "Museum for moderne kunst."
    assert "intro" not in feature["properties"]


@pytest.mark.parametrize("key", ["summary", "intro"])
def test_the_importer_reads_the_short_text_under_either_name(tmp_path, key):
    map_page()
    path = tmp_path / "steder.geojson"
    feature = {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [12.35, 55.615]},
        "properties": {"name": "Arken", "category": "Museum", key: "Museum ved stranden."},
    }
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [feature]}))

    call_command("import_places", str(path), stdout=open("/dev/null", "w"))

    assert PlacePage.objects.get(title="Arken").intro == "Museum ved stranden."
