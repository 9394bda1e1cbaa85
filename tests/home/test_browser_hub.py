"""On a phone, a resident gets from the front page to every form and back."""

import re

import pytest
from django.core import mail

from tests.browser import browser_page  # noqa: F401  (fixture)
from tests.community.helpers import make_group, make_photo_call, rebuild_roles
from tests.factories import make_story
from tests.locations.helpers import make_place, map_page
from tests.stories.event_factories import event_index

TIMEOUT = 20_000
PHONE = {"width": 390, "height": 844}

# The link on the front page, and the heading of the form it opens.
FORMS = [
    ("Fortæl din historie", "Fortæl din historie"),
    ("Del en opskrift", "Mad med historie"),
    ("Foreslå en begivenhed", "Foreslå en begivenhed"),
    ("Send et billede til “Min sommer i Ishøj”", "Min sommer i Ishøj"),
    ("Bliv en del af en gruppe", "Jeg vil gerne give en hånd"),
    ("Foreslå et sted på kortet", "Foreslå et sted"),
]


@pytest.fixture
def portal(settings):
    settings.CONTENT_SECURITY_POLICY = True
    settings.MAP_TILE_URL = ""
    rebuild_roles()  # an earlier transactional test flushed the migrations' rows
    make_story(title="Sommerfest i Vejleåparken")
    event_index()
    map_page()
    make_place("Legepladsen i Strandparken", cat="Legeplads")
    make_photo_call("Min sommer i Ishøj")
    return make_group("Dyrk Ishøj", tasks=[("til at bygge højbede", 2)])


def fits_the_phone(page) -> bool:
    # Measured once the stylesheet has loaded: before it, an unstyled form is as
    # wide as its widest field (seen on a busy machine), which no resident sees.
    page.wait_for_load_state("load")
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_from_the_front_page_to_each_form_and_back(live_server, browser_page, portal):  # noqa: F811
    page = browser_page
    page.set_default_timeout(TIMEOUT)
    page.set_viewport_size(PHONE)
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{live_server.url}/")
    assert fits_the_phone(page)
    take_part = page.get_by_role("region", name="Vær med")

    for link, heading in FORMS:
        take_part.get_by_role("link", name=link, exact=True).click()
        page.get_by_role("heading", level=1, name=heading).wait_for()
        assert page.locator("main form button[type=submit]").count() >= 1, link
        assert fits_the_phone(page), link
        page.get_by_role("link", name="Vores Ishøj – forsiden").click()
        page.get_by_role("heading", level=1, name="Vores Ishøj").wait_for()

    # The cookbook is a download: its link answers with a PDF.
    href = take_part.get_by_role("link", name=re.compile("Hent kogebogen")).get_attribute("href")
    cookbook = page.request.get(f"{live_server.url}{href}")
    assert cookbook.ok and cookbook.headers["content-type"] == "application/pdf"

    # "Giv en hånd": straight to the task's sign-up, and back with the browser.
    page.get_by_role("region", name="Giv en hånd").get_by_role(
        "link", name=re.compile("Jeg tager den")
    ).click()
    page.get_by_role("heading", level=1, name="2 til at bygge højbede").wait_for()
    page.go_back()
    page.get_by_role("heading", level=2, name="Giv en hånd").wait_for()
    assert errors == []


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_resident_writes_to_a_group_from_the_front_page(live_server, browser_page, portal):  # noqa: F811
    page = browser_page
    page.set_default_timeout(TIMEOUT)
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}/")

    page.get_by_role("navigation", name="Hovedmenu").get_by_role("link", name="Grupper").click()
    page.get_by_role("link", name="Dyrk Ishøj").click()
    page.get_by_role("link", name="Skriv til gruppen").first.click()
    form = page.get_by_role("region", name="Skriv til gruppen")
    form.get_by_label("Dit navn").fill("Karen Nielsen")
    form.get_by_label("Din e-mail").fill("karen@example.dk")
    form.get_by_label("Din besked").fill("Må jeg komme og se byhaverne på lørdag?")
    form.get_by_label("Jeg giver samtykke", exact=False).check()
    form.get_by_role("button", name="Send beskeden").click()

    page.get_by_text("Beskeden er sendt til Dyrk Ishøj.").wait_for()
    assert "birthe.hemmelig@example.dk" not in page.content()
    assert [m.to for m in mail.outbox] == [["birthe.hemmelig@example.dk"]]
    page.get_by_role("link", name="Til forsiden").click()
    page.get_by_role("heading", level=1, name="Vores Ishøj").wait_for()
