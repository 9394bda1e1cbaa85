"""On a phone, a resident copies Det sker's fediverse address to paste into Mastodon."""

import pytest

from tests.browser import browser_page  # noqa: F401  (fixture)
from tests.stories.event_factories import event_index

TIMEOUT = 20_000


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_copy_button_copies_the_handle(live_server, browser_page, settings):  # noqa: F811
    settings.WAGTAILADMIN_BASE_URL = live_server.url
    settings.CONTENT_SECURITY_POLICY = True
    index = event_index()
    page = browser_page
    page.set_default_timeout(TIMEOUT)
    page.set_viewport_size({"width": 390, "height": 844})
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(f"{live_server.url}{index.url}")

    button = page.get_by_role("button", name="Kopiér adressen")
    button.click()

    status = page.locator(".follow-fediverse__status")
    status.filter(has_text="kopieret").wait_for()
    handle = f"@detsker@{live_server.url.split('://')[1]}"
    assert page.locator(".follow-fediverse__handle").inner_text() == handle
    copied = page.evaluate(
        "navigator.clipboard ? navigator.clipboard.readText().catch(() => '') : ''"
    )
    field = page.locator(".follow-fediverse__copy input")
    assert handle in (copied, field.input_value() if field.count() else "")
    assert not errors
