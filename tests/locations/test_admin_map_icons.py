"""The admin map widget's marker icon loads, also when the static files are
collected for production (hashed names, as whitenoise's manifest storage writes
leaflet.css): Leaflet then found no icon path and asked for marker-icon.png
next to the admin page, a 404, and the editor saw no marker."""

import pytest
from django.conf import settings as django_settings
from django.contrib.auth import get_user_model
from django.test import Client

from tests.browser import browser_page  # noqa: F401  (fixture)
from tests.locations.helpers import make_place


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_place_editors_marker_icon_loads_with_hashed_static_names(live_server, browser_page):  # noqa: F811
    place = make_place("Arken", point=(55.6017, 12.3616))
    client = Client()
    client.force_login(get_user_model().objects.create_superuser("r", "r@example.dk", "x"))
    session = client.cookies[django_settings.SESSION_COOKIE_NAME].value

    page = browser_page
    page.context.add_cookies(
        [{"name": django_settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}]
    )

    def hashed_css(route):
        """leaflet.css as ManifestStaticFilesStorage rewrites it."""
        response = route.fetch()
        body = response.text().replace("images/marker-icon.png", "images/marker-icon.2b3e1faf.png")
        route.fulfill(response=response, body=body)

    page.route("**/vendor/leaflet/leaflet.css", hashed_css)
    failed = []
    page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
    page.goto(f"{live_server.url}/admin/pages/{place.pk}/edit/")
    icon = page.locator("#id_location_map .leaflet-marker-icon")
    icon.wait_for(state="attached")
    page.wait_for_function(
        "() => { const i = document.querySelector('#id_location_map .leaflet-marker-icon');"
        " return i && i.complete; }"
    )
    assert icon.evaluate("i => i.naturalWidth") > 0, icon.get_attribute("src")
    assert icon.get_attribute("src").endswith("/static/vendor/leaflet/images/marker-icon.png")
    assert not [url for url in failed if "marker" in url], failed
