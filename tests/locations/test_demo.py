import io

import pytest

from demo import locations as demo
from demo.places import PLACES
from locations.geo import ISHOJ_BBOX
from locations.models import MapPage, PlacePage

pytestmark = pytest.mark.django_db


def test_demo_builds_the_map_with_real_places_inside_ishoej(client):
    out = io.StringIO()
    demo.load(out)
    map_page = MapPage.objects.get(slug="kort")
    assert map_page.live and map_page.show_in_menus
    places = PlacePage.objects.child_of(map_page).live()
    assert places.count() == len(PLACES) >= 25
    for place in places:
        assert ISHOJ_BBOX.contains(place.latitude, place.longitude), place.title
        assert place.category is not None
    arken = places.get(slug="arken")
    assert (arken.latitude, arken.longitude) == (55.6017, 12.3616)
    html = client.get("/kort/", {"kategori": "hundegaard"}).content.decode()
    assert f"Viser 2 af {len(PLACES)} steder." in html
    listed = html.split('id="place-list"')[1].split("</ul>")[0]
    assert "Hundegården i Strandparken" in listed
    assert "Arken" not in listed


def test_running_the_demo_twice_changes_nothing():
    demo.load(io.StringIO())
    place = PlacePage.objects.get(slug="arken")
    revisions = place.revisions.count()
    before = sorted(PlacePage.objects.values_list("slug", "latest_revision_id"))
    out = io.StringIO()
    demo.load(out)
    assert sorted(PlacePage.objects.values_list("slug", "latest_revision_id")) == before
    assert place.revisions.count() == revisions
    assert "0 nye" in out.getvalue()
