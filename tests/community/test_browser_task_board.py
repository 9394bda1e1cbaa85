"""A resident signs up for a task in the browser and sees the board count down."""

import pytest

from tests.browser import browser_page  # noqa: F401  (fixture)
from tests.community.helpers import make_group

TIMEOUT = 20_000


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_resident_takes_a_task_and_the_board_counts_down(live_server, browser_page, settings):  # noqa: F811
    settings.CONTENT_SECURITY_POLICY = True
    group = make_group("Dyrk Ishøj", tasks=[("til at bygge højbede", 2)])
    page = browser_page
    page.set_default_timeout(TIMEOUT)
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))

    page.goto(f"{live_server.url}{group.url}")
    page.get_by_text("Mangler 2 hænder").wait_for()
    page.get_by_role("link", name="Jeg tager den").click()

    page.get_by_label("Dit navn").fill("Karen Nielsen")
    page.get_by_label("Din e-mail").fill("karen@example.dk")
    page.get_by_label("Jeg giver samtykke", exact=False).check()
    page.get_by_role("button", name="Jeg tager den").click()
    page.get_by_text("Tjek din e-mail").wait_for()

    # The place is taken from the link in the mail, with one more click.
    from django.core import mail

    link = next(line for line in mail.outbox[-1].body.splitlines() if "/bekraeft/" in line)
    page.goto(link.strip())
    page.get_by_role("button", name="Bekræft").click()
    page.get_by_text("Tak – du er skrevet op!").wait_for()
    assert "Der mangler stadig 1." in page.content()
    page.get_by_role("link", name="Tilbage til Dyrk Ishøj").click()
    page.get_by_text("Mangler 1 hånd").wait_for()
    assert "karen@example.dk" not in page.content()
    assert errors == []
