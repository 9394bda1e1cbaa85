"""The site lookup is remembered between requests, never the pages under it."""

import pytest

from home.models import HomePage
from tests.factories import default_site

pytestmark = pytest.mark.django_db


def test_home_page_edits_show_on_the_next_request(client, settings):
    settings.PAGE_CACHE_SECONDS = 0
    home = HomePage.objects.get()
    assert "Vores Ishøj" in client.get("/").content.decode()
    home.intro = "Ny velkomst til alle naboer."
    home.save_revision().publish()
    assert "Ny velkomst til alle naboer." in client.get("/").content.decode()


def test_a_changed_site_root_takes_effect_at_once(client, settings):
    settings.PAGE_CACHE_SECONDS = 0
    assert client.get("/").status_code == 200  # the lookup is now remembered
    site = default_site()
    home = site.root_page
    section = HomePage(title="Ny forside", slug="ny-forside", intro="Et andet site.")
    home.get_parent().add_child(instance=section)
    site.root_page = section
    site.save()
    assert "Et andet site." in client.get("/").content.decode()


def test_the_lookup_costs_no_query_once_known(client, settings, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    settings.PAGE_CACHE_SECONDS = 0
    client.get("/was")
    with CaptureQueriesContext(connection) as queries:
        client.get("/was")
    assert not any("wagtailcore_site" in q["sql"] for q in queries.captured_queries)
