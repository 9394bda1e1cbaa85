"""The banner warns before a channel's login expires, reading the expiry from the platform."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from channels.models import ChannelState
from tests.channels.helpers import set_options

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
    # YouTube renews itself with a refresh token
    set_options(
        settings,
        "youtube",
        ACCESS_TOKEN="",
        CLIENT_ID="client",
        CLIENT_SECRET="secret",
        REFRESH_TOKEN="refresh",
    )
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


def test_the_secretariat_is_mailed_once_per_token_seven_days_ahead(standin, settings):
    from django.core import mail

    from channels.logins import check_logins

    settings.CHANNELS_ALERT_EMAIL = "sekretariat@example.org"
    settings.CHANNELS_TOKEN_WARN_DAYS = 7
    # YouTube renews itself with a refresh token
    set_options(
        settings,
        "youtube",
        ACCESS_TOKEN="",
        CLIENT_ID="client",
        CLIENT_SECRET="secret",
        REFRESH_TOKEN="refresh",
    )
    standin.configure(token_expires_in_days=30, data_access_expires_in_days=90)
    check_logins()
    assert mail.outbox == []  # far from expiring

    standin.configure(token_expires_in_days=6)
    check_logins()
    check_logins()  # the daily check again: no second mail for the same token
    assert sorted(m.subject.split(" udløber")[0] for m in mail.outbox) == [
        "Vores Ishøj: login til Facebook-siden",
        "Vores Ishøj: login til Instagram",
    ]
    body = mail.outbox[0].body
    assert "Sådan fornyer I adgangen" in body and "channels_check_logins" in body

    standin.configure(token_expires_in_days=5.5)  # a new token, also about to expire
    check_logins()
    assert len(mail.outbox) == 4


@pytest.fixture
def fresh_youtube_login(settings):
    from channels.platforms import google_oauth

    google_oauth._refreshed.clear()
    set_options(
        settings,
        "youtube",
        ACCESS_TOKEN="",
        CLIENT_ID="client",
        CLIENT_SECRET="secret",
        REFRESH_TOKEN="refresh-1",
    )
    yield YouTubeLogin()
    google_oauth._refreshed.clear()


class YouTubeLogin:
    def access_token(self):
        from channels.platforms import google_oauth
        from channels.registry import get_channel

        return google_oauth.access_token(get_channel("youtube").login())


def expire_access_token(login):
    from channels.platforms import google_oauth

    google_oauth._refreshed["youtube"]["expires"] = 0


def test_a_refresh_answer_without_a_refresh_token_keeps_the_working_one(
    standin, fresh_youtube_login
):
    fresh_youtube_login.access_token()
    expire_access_token(fresh_youtube_login)
    standin.configure(youtube_rotated_refresh_token="refresh-2")
    fresh_youtube_login.access_token()  # Google hands out a new refresh token
    expire_access_token(fresh_youtube_login)
    standin.configure(youtube_rotated_refresh_token="")
    fresh_youtube_login.access_token()  # an answer without one
    expire_access_token(fresh_youtube_login)
    fresh_youtube_login.access_token()

    assert standin.state.refresh_tokens_seen == ["refresh-1", "refresh-1", "refresh-2", "refresh-2"]


def test_googles_hiccup_on_renewal_is_transient_not_a_lost_login(standin, fresh_youtube_login):
    from channels.http import PlatformError

    standin.fault("youtube", "transient", path="token")
    with pytest.raises(PlatformError) as failure:
        fresh_youtube_login.access_token()
    assert failure.value.kind == "transient"
    assert fresh_youtube_login.access_token().startswith("standin-yt-")


def test_the_channel_settings_screen_shows_the_graph_version_and_logins(
    standin, admin_client, settings
):
    settings.GRAPH_API_VERSION = "v25.0"
    standin.configure(token_expires_in_days=20)
    call_command("channels_check_logins")

    html = admin_client.get("/admin/kanalindstillinger/").content.decode()
    version = html[html.index("data-graph-version") :]
    assert "Graph API <strong>v25.0</strong>" in version and "nyeste er v26.0" in version
    facebook = html[html.index('data-channel="facebook"') :]
    assert f"{standin.url}/v25.0" in facebook[:2000]
    assert "Personer, der så opslaget" in facebook[:2000]
    assert "Spørges ikke: post_impressions_unique" in facebook[:2000]
