"""A co-editor writes, the secretariat approves, and the story is on the public site."""

import re

import pytest
from playwright.sync_api import expect

from stories.models import StoryPage
from tests.browser import browser_page, log_in_to_admin  # noqa: F401  (fixture)
from tests.community.helpers import PASSWORD, co_editor, rebuild_roles, secretariat
from tests.factories import make_image, story_index

TIMEOUT = 30_000


def _log_in(page, base, username):
    log_in_to_admin(page, base, username, PASSWORD)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_co_editor_writes_secretariat_approves_public_sees_it(live_server, browser_page, settings):  # noqa: F811
    settings.CONTENT_SECURITY_POLICY = True
    base = live_server.url
    rebuild_roles()
    co_editor(username="medredaktor-browser")
    secretariat(username="sekretariat-browser")
    make_image("Tulipaner i bedet")
    index = story_index()
    page = browser_page
    page.set_default_timeout(TIMEOUT)

    # The co-editor writes a new story in the editor: text, hero image, body.
    _log_in(page, base, "medredaktor-browser")
    page.goto(f"{base}/admin/pages/add/stories/storypage/{index.pk}/")
    page.fill("#id_title", "Naboer planter tulipaner i Vejleåparken")
    page.fill("#id_intro", "Tyve naboer mødtes lørdag og plantede 400 løg.")
    page.fill("#id_image_alt", "Naboer med spader i et bed med tulipanløg")
    page.locator(".chooser__choose-button").first.click()
    page.get_by_text("Tulipaner i bedet").first.click()
    page.locator("button.c-sf-add-button").first.click()
    page.get_by_role("option", name="Tekst", exact=True).click()
    editor = page.locator(".Draftail-Editor [contenteditable=true]").first
    editor.click()
    editor.press_sequentially("Bedet ved blok 4 blomstrer til foråret.")
    # Draftail writes the text into the form a moment after typing stops.
    expect(page.locator("input[name='body-0-value']")).to_have_value(re.compile("blok 4"))
    assert page.locator('button[name="action-publish"]').count() == 0
    # The co-editor's only way on: "Send til godkendelse" in the footer's menu.
    page.locator('[data-w-dropdown-target="toggle"].button').last.click()
    page.locator('button[name="action-submit"]').click()
    # Wagtail answers by sending her to the stories' listing once the draft is
    # saved. A pattern that the editor's own address also matched ("/admin/pages/**")
    # was satisfied at once, and on a loaded machine the check below ran before
    # the server had saved anything.
    page.wait_for_url(f"{base}/admin/pages/{index.pk}/", timeout=TIMEOUT)
    draft = StoryPage.objects.get(title="Naboer planter tulipaner i Vejleåparken")
    assert not draft.live
    page.context.clear_cookies()

    _log_in(page, base, "sekretariat-browser")
    page.get_by_text("Naboer planter tulipaner i Vejleåparken").first.wait_for()
    page.goto(f"{base}/admin/pages/{draft.pk}/edit/")
    page.locator('[data-w-dropdown-target="toggle"]').last.click()
    page.locator(
        'button[data-workflow-action-name="approve"]:not([data-workflow-action-modal-url])'
    ).click()
    page.wait_for_url(f"{base}/admin/pages/{index.pk}/", timeout=TIMEOUT)

    story = StoryPage.objects.get(pk=draft.pk)
    assert story.live
    page.goto(f"{base}{story.url}")
    page.get_by_role("heading", name="Naboer planter tulipaner i Vejleåparken").wait_for()
    html = page.content()
    assert "Tyve naboer mødtes lørdag" in html
    assert "Bedet ved blok 4 blomstrer til foråret." in html
    assert 'alt="Naboer med spader i et bed med tulipanløg"' in html
