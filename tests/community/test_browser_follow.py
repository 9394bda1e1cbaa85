"""A resident sends a story from the front page and follows it to an answer:
the thank-you page's link, the status after approval and after a rejection with
a reason, and a withdrawal, all in the browser."""

import re

import pytest
from django.core import mail

from home.models import Contribution, StandardAnswer
from stories.models import StoryPage
from tests.browser import browser_page, log_in_to_admin  # noqa: F401  (fixture)
from tests.community.helpers import PASSWORD, rebuild_roles, secretariat
from tests.community.test_follow_link import approve
from tests.factories import story_index

TIMEOUT = 30_000
PHONE = {"width": 390, "height": 844}


def resident_mails() -> list:
    """Mails to the resident (Wagtail also tells the secretariat what waits)."""
    return [m for m in mail.outbox if m.to == ["fatima@example.dk"]]


def send_story_from_the_front_page(page, base: str, title: str) -> str:
    """Front page → "Fortæl din historie" → the form → "Tak"; returns the link."""
    page.goto(f"{base}/")
    page.get_by_role("region", name="Vær med").get_by_role(
        "link", name="Fortæl din historie", exact=True
    ).click()
    page.get_by_role("heading", level=1, name="Fortæl din historie").wait_for()
    page.get_by_label("Overskrift").fill(title)
    page.get_by_label("Kort om historien").fill("Naboerne mødes hver fredag på trappen.")
    page.get_by_label("Din historie").fill("Det startede med en termokande.\n\nNu kommer tyve.")
    page.get_by_label("Dit navn").fill("Fatima Yilmaz")
    page.get_by_label("Din e-mail").fill("fatima@example.dk")
    page.get_by_label("Sekretariatet må redigere", exact=False).check()
    page.get_by_role("button", name="Send").click()
    page.get_by_role("heading", level=1, name=re.compile("Tak")).wait_for()
    follow = page.get_by_role("region", name="Følg din historie").get_by_role("link")
    return follow.get_attribute("href")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_resident_follows_a_story_from_the_front_page_to_an_answer(
    live_server,
    browser_page,  # noqa: F811
    settings,
):
    settings.CONTENT_SECURITY_POLICY = True
    settings.MAP_TILE_URL = ""
    settings.WAGTAILADMIN_BASE_URL = live_server.url
    rebuild_roles()
    story_index()
    staff = secretariat(username="sekretariat-folg")
    StandardAnswer.objects.create(
        title="Ikke fra Ishøj", text="Historien foregår ikke i Ishøj, så den passer ikke her."
    )
    base = live_server.url
    page = browser_page
    page.set_default_timeout(TIMEOUT)
    page.set_viewport_size(PHONE)

    # 1. Sent, and followed from the thank-you page: "Modtaget".
    link = send_story_from_the_front_page(page, base, "Kaffe på trappen")
    assert link.startswith(f"{base}/indsendelse/")
    assert [m.subject for m in resident_mails()] == ["Tak for din historie"]
    assert link in resident_mails()[0].body
    page.goto(link)
    page.get_by_role("heading", level=1, name="Kaffe på trappen").wait_for()
    status = page.locator(".follow-status")
    assert status.inner_text() == "Modtaget"
    assert "Fatima" not in page.content()

    # 2. The secretariat approves: "Udgivet", with the way to the story.
    approve(StoryPage.objects.get(title="Kaffe på trappen"), staff)
    page.reload()
    page.locator(".follow-status", has_text="Udgivet").wait_for()
    page.get_by_role("link", name="Se din historie på Vores Ishøj").click()
    page.get_by_role("heading", level=1, name="Kaffe på trappen").wait_for()
    assert page.url.startswith(f"{base}/historier/")

    # 3. A second story is rejected in the admin with an edited standard answer.
    rejected_link = send_story_from_the_front_page(page, base, "Min tur til Roskilde")
    page.context.clear_cookies()
    log_in_to_admin(page, base, staff.username, PASSWORD)
    panel = page.get_by_role("region", name="Borgere venter på svar")
    panel.get_by_role("row", name=re.compile("Min tur til Roskilde")).get_by_role(
        "link", name="Svar borgeren"
    ).click()
    page.get_by_label("Standardsvar").select_option(label="Ikke fra Ishøj")
    page.get_by_role("button", name="Brug standardsvaret").click()
    reason = page.get_by_label("Begrundelse til borgeren")
    reason.wait_for()
    assert "foregår ikke i Ishøj" in reason.input_value()
    reason.fill(reason.input_value() + " Skriv gerne om noget, der skete her!")
    page.get_by_role("button", name="Afvis og send begrundelsen").click()
    page.wait_for_url(f"{base}/admin/")
    page.context.clear_cookies()
    page.goto(rejected_link)
    page.locator(".follow-status", has_text="Afvist").wait_for()
    assert "Skriv gerne om noget, der skete her!" in page.locator(".follow-reason").inner_text()

    # 4. A third story is withdrawn from its link: gone, and the person erased.
    withdrawn_link = send_story_from_the_front_page(page, base, "Loppemarked i kælderen")
    page.goto(withdrawn_link)
    page.get_by_label("Ja, jeg er sikker").check()
    page.get_by_role("button", name="Træk tilbage og slet mine oplysninger").click()
    page.locator(".follow-status", has_text="Trukket tilbage").wait_for()
    assert not StoryPage.objects.filter(title="Loppemarked i kælderen").exists()

    # One mail per change: three thank-yous, one publication, one rejection.
    subjects = sorted(m.subject for m in resident_mails())
    assert subjects == sorted(
        ["Tak for din historie"] * 3 + ["Nu er din historie på Vores Ishøj", "Svar på din historie"]
    )
    assert Contribution.objects.filter(status="trukket").count() == 1
