import json
import re

import pytest

from tests.locations.helpers import make_place, map_page

pytestmark = pytest.mark.django_db


def _markers(html):
    match = re.search(r'<script id="map-places" type="application/json">(.*?)</script>', html, re.S)
    return json.loads(match.group(1))


def _listed(html):
    return re.findall(r'class="place-list__name"><a href="[^"]+">([^<]+)</a>', html)


@pytest.fixture
def places():
    return [
        make_place("Legepladsen i Strandparken", cat="Legeplads", facilities=["Bænke"]),
        make_place("Naturlegepladsen", cat="Legeplads", facilities=["Toilet", "Bænke"]),
        make_place("Hundegården ved Ishøj Sø", cat="Hundegård", facilities=["Indhegnet"]),
        make_place("Arken", cat="Museum", facilities=["Toilet"], point=(55.6017, 12.3616)),
    ]


def test_map_page_lists_every_published_place_and_its_markers(client, places):
    make_place("Hemmelig kladde", publish=False)
    html = client.get("/kort/").content.decode()
    assert _listed(html) == [
        "Arken",
        "Hundegården ved Ishøj Sø",
        "Legepladsen i Strandparken",
        "Naturlegepladsen",
    ]
    assert "Viser 4 af 4 steder." in html
    markers = {m["name"]: m for m in _markers(html)}
    assert set(markers) == set(_listed(html))
    arken = markers["Arken"]
    assert (arken["lat"], arken["lng"]) == (55.6017, 12.3616)
    assert arken["categoryName"] == "Museum"
    assert arken["facilityNames"] == ["Toilet"]
    assert arken["url"] == places[3].url
    assert "Hemmelig kladde" not in html


def test_filter_by_category_works_without_javascript(client, places):
    html = client.get("/kort/", {"kategori": "legeplads"}).content.decode()
    assert _listed(html) == ["Legepladsen i Strandparken", "Naturlegepladsen"]
    assert "Viser 2 af 4 steder." in html
    assert '<option value="legeplads" selected>Legeplads</option>' in html


def test_filter_by_category_and_facility_needs_both(client, places):
    html = client.get("/kort/", {"kategori": "legeplads", "facilitet": "toilet"}).content.decode()
    assert _listed(html) == ["Naturlegepladsen"]
    assert 'value="toilet" checked' in html


def test_several_facilities_must_all_be_there(client, places):
    html = client.get("/kort/", {"facilitet": ["toilet", "baenke"]}).content.decode()
    assert _listed(html) == ["Naturlegepladsen"]


def test_unknown_category_is_explained_in_danish(client, places):
    html = client.get("/kort/", {"kategori": "svoemmehal"}).content.decode()
    assert "Kategorien “svoemmehal” findes ikke." in html
    assert _listed(html) == []
    assert "Ingen steder passer til filtrene." in html


def test_filter_form_offers_only_categories_in_use_with_labels(client, places):
    html = client.get("/kort/").content.decode()
    assert '<label for="filter-kategori">Kategori</label>' in html
    assert '<label for="filter-facilitet-toilet">Toilet</label>' in html
    options = re.findall(r'<option value="([^"]*)"', html)
    assert options == ["", "hundegaard", "legeplads", "museum"]


def test_map_assets_come_from_the_portal_and_tiles_from_the_setting(client, places, settings):
    settings.MAP_TILE_URL = "https://tiles.example.dk/{z}/{x}/{y}.png"
    html = client.get("/kort/").content.decode()
    assert "/static/vendor/leaflet/leaflet.js" in html
    assert "/static/js/map.js" in html
    assert "https://tiles.example.dk/{z}/{x}/{y}.png" in html
    assert "unpkg" not in html


def test_map_page_is_in_the_main_menu(client, places):
    assert map_page().show_in_menus
    html = client.get("/").content.decode()
    assert re.search(r'<a href="/kort/"[^>]*>Kort</a>', html)


def test_place_without_a_point_is_listed_but_has_no_marker(client):
    map_page()
    make_place("Et sted uden punkt", point=None, publish=False)
    html = client.get("/kort/").content.decode()
    assert _listed(html) == []
