"""The login banner says who can renew and how, once (issue 14)."""

import pytest
from django.utils import timezone

from channels.models import ChannelState
from tests.community.helpers import co_editor, secretariat

pytestmark = pytest.mark.django_db


def _expiring(channel="facebook"):
    ChannelState.objects.update_or_create(
        channel=channel,
        defaults={"auth_failed_at": timezone.now(), "auth_error": "Meta: token udløbet."},
    )


def test_the_banner_names_who_renews_and_links_the_steps_once(client):
    _expiring()
    client.force_login(secretariat())
    html = client.get("/admin/").content.decode()
    banner = html[html.index('id="channels-login-heading"') :]
    banner = banner[: banner.index("</section>")]
    assert "Facebook-siden: login virker ikke længere." in banner
    assert "administrator hos Meta eller Google" in banner
    # The what-to-do is said once, as a link to the steps, not again in each warning.
    assert "Forny adgangen" not in banner
    assert banner.count('href="/admin/kanaler/forny-login/"') == 1
    steps = client.get("/admin/kanaler/forny-login/").content.decode()
    assert "Meta Business Suite" in steps and "FACEBOOK_PAGE_TOKEN" in steps


def test_co_editors_are_not_shown_the_login_banner(client):
    _expiring()
    client.force_login(co_editor())
    assert "channels-login-heading" not in client.get("/admin/").content.decode()
