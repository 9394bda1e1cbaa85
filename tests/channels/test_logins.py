"""The banner warns before a channel's login expires, reading the expiry from the platform."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from channels.models import ChannelState

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    user = get_user_model().objects.create_superuser("admin", "a@example.org", "pw")
    client.force_login(user)
    return client


def test_a_page_token_expiring_in_five_days_puts_a_banner_on_the_dashboard(
    standin, admin_client, settings
):
    settings.CHANNELS_TOKEN_WARN_DAYS = 7
    standin.configure(token_expires_in_days=5, data_access_expires_in_days=60)
    call_command("channels_check_logins")

    html = admin_client.get("/admin/").content.decode()
    assert "Et kanal-login skal fornys" in html
    assert "Facebook-siden: login udløber" in html and "Instagram: login udløber" in html
    inspected = {r["query"]["input_token"] for r in standin.state.requests if "debug" in r["path"]}
    assert inspected == {"test-facebook-token", "test-instagram-token"}


def test_the_earlier_data_access_expiry_counts(standin, settings):
    from channels.logins import check_logins

    standin.configure(token_expires_in_days=None, data_access_expires_in_days=3)
    found = check_logins()
    state = ChannelState.objects.get(channel="facebook")
    assert state.token_expires_at == found["facebook"]
    assert 2.9 < (state.token_expires_at.timestamp() - standin.state.now()) / 86400 < 3.1


def test_no_banner_while_the_logins_are_far_from_expiring(standin, admin_client, settings):
    settings.CHANNELS_TOKEN_WARN_DAYS = 7
    settings.YOUTUBE_ACCESS_TOKEN = ""  # YouTube renews itself with a refresh token
    settings.YOUTUBE_CLIENT_ID = "client"
    settings.YOUTUBE_CLIENT_SECRET = "secret"
    settings.YOUTUBE_REFRESH_TOKEN = "refresh"
    call_command("channels_check_logins")

    assert ChannelState.objects.get(channel="instagram").token_expires_at is not None
    assert "Et kanal-login skal fornys" not in admin_client.get("/admin/").content.decode()


def test_a_fixed_youtube_token_is_read_from_tokeninfo_and_warned_about(
    standin, admin_client, settings
):
    standin.configure(youtube_token_expires_in_days=0.5)
    call_command("channels_check_logins")

    html = admin_client.get("/admin/").content.decode()
    assert "YouTube: login udløber" in html


def test_the_kanaler_tab_shows_the_login_warning_too(standin, admin_client, settings):
    from tests.factories import make_story

    standin.configure(token_expires_in_days=2)
    call_command("channels_check_logins")
    story = make_story()
    html = admin_client.get(f"/admin/pages/{story.pk}/edit/").content.decode()
    warning = html[html.index("data-channels-login-warning") :]
    assert "Facebook-siden: login udløber" in warning[: warning.index("</div>")]
