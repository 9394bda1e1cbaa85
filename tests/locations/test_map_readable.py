"""The map is readable: overlapping places become one cluster to tap, every
marker is at least 24 × 24 px, and the map's own controls speak Danish."""

import pytest
from playwright.sync_api import expect

from tests.browser import browser_page  # noqa: F401  (fixture)
from tests.locations.helpers import make_place

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_overlapping_places_cluster_and_every_control_is_danish_and_big(
    live_server,
    browser_page,  # noqa: F811
    settings,
):
    settings.MAP_TILE_URL = ""  # no tile server here; markers and controls still show
    # Three places at Ishøj Bycenter, a few metres apart, and one at the beach.
    make_place("Ishøj Bibliotek", cat="Kultur", point=(55.6155, 12.3530))
    make_place("Ishøj Kulturhus", cat="Kultur", point=(55.6156, 12.3531))
    make_place("Ishøj Rådhus", cat="Kultur", point=(55.6154, 12.3532))
    make_place("Ishøj Strand", cat="Natur", point=(55.5970, 12.3650))
    page = browser_page
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{live_server.url}/kort/")

    cluster = page.locator("#place-map .map-cluster")
    expect(cluster).to_have_count(1)
    expect(cluster).to_have_attribute("aria-label", "3 steder her – tryk for at zoome ind")
    places = page.locator("#place-map .leaflet-marker-icon:not(.map-cluster)")
    expect(places).to_have_count(1)

    for control in [cluster, places.first]:
        box = control.bounding_box()
        assert box["width"] >= 24 and box["height"] >= 24

    expect(page.locator(".leaflet-control-zoom-in")).to_have_attribute("title", "Zoom ind")
    expect(page.locator(".leaflet-control-zoom-out")).to_have_attribute("title", "Zoom ud")
    attribution = page.locator(".leaflet-control-attribution")
    expect(attribution).to_contain_text("OpenStreetMap-bidragydere")
    expect(attribution.locator("a").first).to_have_attribute("title", "Kortet er lavet med Leaflet")

    # Tapping the cluster opens it up until each place is a marker of its own.
    cluster.click()
    expect(page.locator("#place-map .leaflet-marker-icon[title='Ishøj Kulturhus']")).to_be_visible()
    assert errors == []
