import pytest
from django.contrib.auth import get_user_model
from wagtail.models import WorkflowState

from locations.models import PlacePage, PlaceSuggestion, SuggestionKind
from tests.locations.helpers import category, facility, make_place, map_page

pytestmark = pytest.mark.django_db

URL = "/kort/foreslaa/"


@pytest.fixture
def form_data():
    map_page()
    return {
        "name": "Shelterpladsen ved Tranegilde",
        "category": category("Natur og strand").pk,
        "address": "Tranegilde Strandvej, 2635 Ishøj",
        "description": "To shelters og en bålplads lige ved stranden. Brænde ligger i skuret.",
        "facilities": [facility("Bålplads/shelter").pk, facility("Toilet").pk],
        "opening_hours": "Hele døgnet",
        "website": "",
        "submitter_name": "Mette",
        "submitter_email": "mette@example.dk",
        "firma": "",
    }


def test_the_form_is_danish_and_labelled(client, form_data):
    html = client.get(URL).content.decode()
    assert "<h1>Foreslå et sted</h1>" in html
    assert '<label for="id_name">Stedets navn' in html
    assert "Hvilken slags sted er det?" in html
    assert "Du behøver ikke at oprette en konto." in html


def test_a_suggestion_becomes_an_unpublished_draft_in_moderation(client, form_data):
    response = client.post(URL, form_data, follow=True)
    html = response.content.decode()
    # The thank-you page carries the new follow link (home/participation.py).
    assert response.redirect_chain[-1][0].startswith("/kort/foreslaa/tak/?folg=")
    assert "Tak for dit forslag" in html

    place = PlacePage.objects.get(title="Shelterpladsen ved Tranegilde")
    assert not place.live
    assert place.address == "Tranegilde Strandvej, 2635 Ishøj"
    assert sorted(f.name for f in place.facilities.all()) == ["Bålplads/shelter", "Toilet"]
    assert place.get_latest_revision() is not None
    # In the secretariat's moderation queue (Wagtail's default workflow).
    state = WorkflowState.objects.get(object_id=str(place.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    suggestion = PlaceSuggestion.objects.get(place=place)
    assert suggestion.kind == SuggestionKind.NEW_PLACE
    assert suggestion.submitter_email == "mette@example.dk"

    # Not public anywhere until an editor publishes it.
    assert "Shelterpladsen" not in client.get("/kort/").content.decode()
    assert "Shelterpladsen" not in client.get("/api/places.geojson").content.decode()
    assert client.get(f"/kort/{place.slug}/").status_code == 404


def test_the_place_is_public_once_an_editor_sets_the_point_and_publishes(client, form_data):
    client.post(URL, form_data)
    place = PlacePage.objects.get(title="Shelterpladsen ved Tranegilde")
    place.set_point(55.5960, 12.3560)
    editor = get_user_model().objects.create_superuser("sekretariat", "s@example.dk", "x")
    place.save_revision(user=editor).publish(user=editor)
    assert "Shelterpladsen ved Tranegilde" in client.get("/kort/").content.decode()
    geojson = client.get("/api/places.geojson").json()
    assert [f["properties"]["name"] for f in geojson["features"]] == [place.title]
    assert client.get(f"/kort/{place.slug}/").status_code == 200


def test_errors_are_danish_and_nothing_typed_is_lost(client, form_data):
    form_data.update(name="", description="For kort", website="ikke-et-link")
    response = client.post(URL, form_data)
    html = response.content.decode()
    assert response.status_code == 400
    assert "Formularen er ikke sendt" in html
    assert "Skriv stedets navn." in html
    assert "Skriv lidt mere – mindst 20 tegn." in html
    assert "Skriv et gyldigt link" in html
    # What the resident typed is still there.
    assert 'value="Tranegilde Strandvej, 2635 Ishøj"' in html
    assert "For kort</textarea>" in html
    assert 'value="mette@example.dk"' in html
    assert "checked" in html
    assert not PlacePage.objects.filter(title="").exists()
    assert PlaceSuggestion.objects.count() == 0


def test_the_honeypot_swallows_spam_silently(client, form_data):
    form_data["firma"] = "Billige solbriller"
    response = client.post(URL, form_data, follow=True)
    assert "Tak for dit forslag" in response.content.decode()
    assert not PlacePage.objects.filter(title=form_data["name"]).exists()
    assert PlaceSuggestion.objects.count() == 0


def test_a_correction_is_stored_for_the_secretariat_and_leaves_the_place_alone(client):
    place = make_place("Ishøj Havn", cat="Natur og strand", intro="Lystbådehavn.")
    revisions = place.revisions.count()
    url = f"/kort/foreslaa/rettelse/{place.pk}/"
    assert "Foreslå en rettelse til Ishøj Havn" in client.get(url).content.decode()
    response = client.post(
        url, {"message": "Der er kommet et offentligt toilet ved molen.", "firma": ""}, follow=True
    )
    assert "Tak for dit forslag" in response.content.decode()
    suggestion = PlaceSuggestion.objects.get()
    assert suggestion.kind == SuggestionKind.CORRECTION
    assert suggestion.place.pk == place.pk
    assert "toilet ved molen" in suggestion.message
    place.refresh_from_db()
    assert place.revisions.count() == revisions
    assert place.intro == "Lystbådehavn."
    assert PlacePage.objects.count() == 1


def test_a_correction_needs_a_message(client):
    place = make_place("Glashuset")
    html = client.post(f"/kort/foreslaa/rettelse/{place.pk}/", {"message": ""}).content.decode()
    assert "Skriv, hvad der skal rettes." in html
    assert PlaceSuggestion.objects.count() == 0


def test_corrections_only_for_published_places(client):
    draft = make_place("Kladde", publish=False)
    assert client.get(f"/kort/foreslaa/rettelse/{draft.pk}/").status_code == 404


def test_the_secretariat_sees_suggestions_in_the_admin(client, form_data):
    client.post(URL, form_data)
    editor = get_user_model().objects.create_superuser("sekretariat", "s@example.dk", "x")
    client.force_login(editor)
    html = client.get("/admin/snippets/locations/placesuggestion/").content.decode()
    assert "Shelterpladsen ved Tranegilde" in html
    assert "Nyt sted" in html
    suggestion = PlaceSuggestion.objects.get()
    edit = client.get(f"/admin/snippets/locations/placesuggestion/edit/{suggestion.pk}/")
    assert "To shelters og en bålplads" in edit.content.decode()
    assert "mette@example.dk" in edit.content.decode()
