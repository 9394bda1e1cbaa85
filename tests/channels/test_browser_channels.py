"""The co-editor's Danish editor and the secretariat's failed channel, in Chromium (issue 14)."""

import re

import pytest
from playwright.sync_api import expect

from channels.models import Publication
from channels.models import PublicationStatus as S
from tests.browser import browser_page, log_in_to_admin  # noqa: F401  (fixture)
from tests.community.helpers import PASSWORD, co_editor, rebuild_roles, secretariat
from tests.factories import make_story, story_index

TIMEOUT = 30_000


def _log_in(page, base, username):
    log_in_to_admin(page, base, username, PASSWORD)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_co_editor_writes_in_danish_and_submits_to_godkendelse(live_server, browser_page):  # noqa: F811
    base = live_server.url
    rebuild_roles()
    co_editor(username="medredaktor-dansk")
    index = story_index()
    page = browser_page
    page.set_default_timeout(TIMEOUT)

    _log_in(page, base, "medredaktor-dansk")
    expect(page.get_by_role("heading", name="Mine historier")).to_be_visible()
    page.get_by_role("link", name="Ny historie").click()
    page.wait_for_url(f"{base}/admin/pages/add/stories/storypage/{index.pk}/")
    expect(page.get_by_text("Sidens titel, som offentligheden skal se den")).to_be_visible()
    page.locator('[data-w-dropdown-target="toggle"].button').last.click()
    # Danish writes the noun in lower case: not Wagtail's "Send til Godkendelse".
    expect(page.locator('button[name="action-submit"]')).to_have_text(
        re.compile(r"^\s*Send til godkendelse\s*$")
    )


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_secretariat_finds_a_failed_channel_and_retries_it_from_the_tab(
    live_server,
    browser_page,  # noqa: F811
):
    base = live_server.url
    rebuild_roles()
    secretariat(username="sekretariat-kanaler")
    story = make_story(title="Koncert i Strandparken")
    Publication.objects.update_or_create(
        page=story,
        channel="youtube",
        defaults={
            "status": S.FAILED,
            "last_error": "YouTube afviste videolinket.",
            "fix_field": "body",
        },
    )
    page = browser_page
    page.set_default_timeout(TIMEOUT)

    _log_in(page, base, "sekretariat-kanaler")
    page.goto(f"{base}/admin/historier/?channel_problems=ja")
    row = page.locator("tr", has_text="Koncert i Strandparken")
    expect(row.locator('[title="YouTube: Fejlet"]')).to_be_visible()

    page.goto(f"{base}/admin/pages/{story.pk}/edit/#tab-kanaler")
    card = page.locator('section[data-channel="youtube"]')
    expect(card).to_contain_text("Det gik galt: YouTube afviste videolinket.")
    expect(card.get_by_role("link", name="Indhold → Brødtekst")).to_be_visible()
    expect(page.locator("#tab-label-kanaler .w-tabs__errors")).to_be_hidden()
    card.get_by_role("link", name=re.compile("Prøv igen")).click()
    page.get_by_role("button", name="Prøv igen").click()
    page.wait_for_url(re.compile(rf"/admin/pages/{story.pk}/edit/"), timeout=TIMEOUT)
    expect(page.get_by_text("Opslaget er sat i kø igen.")).to_be_visible()
