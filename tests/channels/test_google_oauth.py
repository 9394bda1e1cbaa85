"""A refresh token Google rotates outlives the process that received it."""

import pytest
import requests

from channels.models import ChannelState
from channels.platforms import google_oauth
from channels.registry import get_channel
from tests.channels.helpers import set_options

pytestmark = pytest.mark.django_db


@pytest.fixture
def youtube_login(settings):
    google_oauth._refreshed.clear()
    set_options(
        settings,
        "youtube",
        ACCESS_TOKEN="",
        CLIENT_ID="client",
        CLIENT_SECRET="secret",
        REFRESH_TOKEN="refresh-1",
    )
    yield settings
    google_oauth._refreshed.clear()


def access_token():
    return google_oauth.access_token(get_channel("youtube").login())


def restart():
    """What a new process knows: nothing from the old one's memory."""
    google_oauth._refreshed.clear()


def renew_by_hand(standin, token):
    return requests.post(
        f"{standin.url}/youtube/token",
        data={"grant_type": "refresh_token", "refresh_token": token},
        timeout=5,
    )


def test_after_google_rotates_the_refresh_token_a_restarted_portal_still_renews(
    standin, youtube_login
):
    standin.configure(youtube_rotate_refresh_tokens=True)
    access_token()  # Google answers with a new refresh token, retires refresh-1
    restart()

    assert access_token().startswith("standin-yt-")

    first, second = standin.state.refresh_tokens_seen
    assert first == "refresh-1" and second.startswith("standin-refresh-")
    assert renew_by_hand(standin, "refresh-1").json()["error"] == "invalid_grant"


def test_a_rotated_token_is_read_back_from_the_database_not_from_memory(standin, youtube_login):
    standin.configure(youtube_rotate_refresh_tokens=True)
    access_token()
    restart()
    stored = ChannelState.objects.get(channel="youtube").refresh_token

    access_token()

    assert standin.state.refresh_tokens_seen[-1] == stored != "refresh-1"


def test_a_newly_configured_login_is_not_overruled_by_the_old_logins_rotated_token(
    standin, youtube_login
):
    standin.configure(youtube_rotate_refresh_tokens=True)
    access_token()
    restart()
    set_options(youtube_login, "youtube", REFRESH_TOKEN="refresh-new-login")  # a new login

    access_token()

    assert standin.state.refresh_tokens_seen[-1] == "refresh-new-login"
