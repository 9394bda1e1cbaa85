"""A co-editor writes, the secretariat approves, and the story is on the public site."""

import pytest

from tests.browser import browser_page  # noqa: F401  (fixture)
from tests.community.helpers import PASSWORD, co_editor, rebuild_roles, secretariat
from tests.factories import make_story

TIMEOUT = 30_000


def _log_in(page, base, username):
    page.goto(f"{base}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/admin/", timeout=TIMEOUT)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_co_editor_writes_secretariat_approves_public_sees_it(live_server, browser_page, settings):  # noqa: F811
    settings.CONTENT_SECURITY_POLICY = True
    base = live_server.url
    rebuild_roles()
    writer = co_editor(username="medredaktor-browser")
    secretariat(username="sekretariat-browser")
    # The draft holds a hero image and a body block; the co-editor writes the
    # headline and the standfirst in the editor (the chooser and StreamField
    # widgets are Wagtail's own and tested by Wagtail).
    draft = make_story(title="Kladde", slug="tulipaner", publish=False, owner=writer)
    page = browser_page
    page.set_default_timeout(TIMEOUT)

    _log_in(page, base, writer.username)
    page.goto(f"{base}/admin/pages/{draft.pk}/edit/")
    page.fill("#id_title", "Naboer planter tulipaner i Vejleåparken")
    page.fill("#id_intro", "Tyve naboer mødtes lørdag og plantede 400 løg.")
    assert page.locator('button[name="action-publish"]').count() == 0
    # The co-editor's only way on: "Send til Godkendelse" in the footer's menu.
    page.locator('[data-w-dropdown-target="toggle"]').last.click()
    page.locator('button[name="action-submit"]').click()
    page.wait_for_url(f"{base}/admin/pages/**", timeout=TIMEOUT)
    page.context.clear_cookies()

    _log_in(page, base, "sekretariat-browser")
    page.get_by_text("Naboer planter tulipaner i Vejleåparken").first.wait_for()
    page.goto(f"{base}/admin/pages/{draft.pk}/edit/")
    page.locator('[data-w-dropdown-target="toggle"]').last.click()
    page.locator(
        'button[data-workflow-action-name="approve"]:not([data-workflow-action-modal-url])'
    ).click()
    page.wait_for_url(f"{base}/admin/**", timeout=TIMEOUT)

    page.goto(f"{base}/historier/tulipaner/")
    page.get_by_role("heading", name="Naboer planter tulipaner i Vejleåparken").wait_for()
    assert "Tyve naboer mødtes lørdag" in page.content()
