import pytest
from django.contrib.auth import get_user_model

from locations.models import Facility, PlaceCategory, PlacePage
from tests.locations.helpers import category, facility, make_place, map_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    user = get_user_model().objects.create_superuser("redaktoer", "r@example.dk", "hemmeligt")
    client.force_login(user)
    return client


def test_new_place_form_has_address_geocoder_and_leaflet_map(editor_client):
    page = map_page()
    html = editor_client.get(f"/admin/pages/add/locations/placepage/{page.pk}/").content.decode()
    # GeoAddressPanel: the address input is a geocoder field.
    assert 'data-controller="geocoder-field"' in html
    assert "wagtailgeowidget/js/geocoder-field-controller.js" in html
    # LeafletPanel: the point field is a Leaflet map tied to the address field.
    assert 'data-controller="leaflet-field"' in html
    assert 'id="id_location_map"' in html
    assert "&quot;addressField&quot;: &quot;address&quot;" in html
    assert "wagtailgeowidget/js/leaflet-field-controller.js" in html
    # Leaflet comes from the portal, not a CDN, and the map starts over Ishøj.
    assert "/static/vendor/leaflet/leaflet.js" in html
    assert "unpkg.com" not in html
    assert "55.6155" in html


def test_edit_form_starts_the_map_at_the_places_point(editor_client):
    place = make_place("Arken", point=(55.6017, 12.3616))
    html = editor_client.get(f"/admin/pages/{place.pk}/edit/").content.decode()
    assert "&quot;lat&quot;: &quot;55.6017&quot;" in html
    assert "&quot;lng&quot;: &quot;12.3616&quot;" in html


def test_publishing_from_the_admin_stores_latitude_and_longitude(editor_client):
    page = map_page()
    cat = category("Museum")
    toilet = facility("Toilet")
    response = editor_client.post(
        f"/admin/pages/add/locations/placepage/{page.pk}/",
        {
            "title": "Arken",
            "slug": "arken",
            "category": cat.pk,
            "intro": "Museum for moderne kunst.",
            "description": '{"blocks": [], "entityMap": {}}',
            "address": "Skovvej 100, 2635 Ishøj",
            "location": "SRID=4326;POINT(12.3616 55.6017)",
            "facilities": [toilet.pk],
            "gallery_images-TOTAL_FORMS": "0",
            "gallery_images-INITIAL_FORMS": "0",
            "gallery_images-MIN_NUM_FORMS": "0",
            "gallery_images-MAX_NUM_FORMS": "1000",
            "action-publish": "action-publish",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    place = PlacePage.objects.get(slug="arken")
    assert place.live
    assert (place.latitude, place.longitude) == (55.6017, 12.3616)
    assert list(place.facilities.all()) == [toilet]


def test_a_point_outside_ishoej_is_refused_with_a_danish_message(editor_client):
    page = map_page()
    response = editor_client.post(
        f"/admin/pages/add/locations/placepage/{page.pk}/",
        {
            "title": "Stockholm",
            "slug": "stockholm",
            "category": category().pk,
            "description": '{"blocks": [], "entityMap": {}}',
            "location": "SRID=4326;POINT(18.0686 59.3293)",
            "gallery_images-TOTAL_FORMS": "0",
            "gallery_images-INITIAL_FORMS": "0",
            "action-publish": "action-publish",
        },
    )
    assert "Punktet ligger uden for Ishøj" in response.content.decode()
    assert not PlacePage.objects.filter(slug="stockholm").exists()


def test_categories_and_facilities_are_editable_snippets(editor_client):
    html = editor_client.get("/admin/snippets/locations/placecategory/add/").content.decode()
    assert "Navn" in html
    response = editor_client.post(
        "/admin/snippets/locations/facility/add/", {"name": "Bålplads", "slug": ""}
    )
    assert response.status_code == 302
    assert Facility.objects.get(name="Bålplads").slug == "baalplads"
    response = editor_client.post(
        "/admin/snippets/locations/placecategory/add/", {"name": "Hundegård", "slug": ""}
    )
    assert PlaceCategory.objects.get(name="Hundegård").slug == "hundegaard"
