import pytest
from playwright.sync_api import expect

from tests.browser import browser_page  # noqa: F401  (fixture)
from tests.locations.helpers import make_place


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_filtering_by_category_updates_markers_and_list(live_server, browser_page, settings):  # noqa: F811
    # No tile server in tests: the map must still show markers and the list.
    settings.MAP_TILE_URL = ""
    make_place("Legepladsen i Strandparken", cat="Legeplads", point=(55.6118, 12.3598))
    make_place("Naturlegepladsen", cat="Legeplads", point=(55.6186, 12.3412))
    make_place("Hundegården ved Ishøj Sø", cat="Hundegård", point=(55.6255, 12.3355))
    make_place("Arken", cat="Museum", point=(55.6017, 12.3616))

    page = browser_page
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{live_server.url}/kort/")
    markers = page.locator("#place-map .leaflet-marker-icon")
    items = page.locator("#place-list .place-list__item")
    expect(markers).to_have_count(4)
    expect(items).to_have_count(4)

    page.select_option("#filter-kategori", "legeplads")
    page.wait_for_function(
        "document.querySelectorAll('#place-map .leaflet-marker-icon').length === 2"
    )
    assert sorted(markers.evaluate_all("els => els.map(e => e.title)")) == [
        "Legepladsen i Strandparken",
        "Naturlegepladsen",
    ]
    assert sorted(items.locator("h3").all_inner_texts()) == [
        "Legepladsen i Strandparken",
        "Naturlegepladsen",
    ]
    assert page.locator("#map-count").inner_text() == "Viser 2 af 4 steder."
    assert page.url.endswith("/kort/?kategori=legeplads")

    # A marker's popup names the place and links to it.
    markers.first.click()
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for()
    assert "Legeplads" in popup.inner_text()
    assert popup.locator("a").first.get_attribute("href").startswith("/kort/")
    assert errors == []
