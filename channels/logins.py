"""How long each channel's login still works, read from the platform itself.

A Page or Instagram token dies silently on its expiry date; the secretariat
must renew it before that, not after the first failed post. So the expiry is
asked from the platform (Graph `debug_token`, Google `tokeninfo` or the OAuth
refresh answer's `expires_in`), stored in `ChannelState` and turned into a
banner `CHANNELS_TOKEN_WARN_DAYS` days before.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.utils import timezone

from .http import PlatformClient, PlatformError
from .models import ChannelState
from .platforms import all_channels

logger = logging.getLogger("voresishoj.channels")

DEFAULT_WARN_DAYS = 7


def warn_days() -> int:
    return int(getattr(settings, "CHANNELS_TOKEN_WARN_DAYS", DEFAULT_WARN_DAYS))


def record_expiry(channel: str, expires_at: datetime | None) -> None:
    ChannelState.objects.update_or_create(
        channel=channel, defaults={"token_expires_at": expires_at}
    )


def graph_expiry(api_url: str, token: str) -> datetime | None:
    """The earlier of the token's and its data access's expiry; None = never expires."""
    client = PlatformClient("Meta", api_url, lambda: token)
    # Graph only takes the inspected token as a parameter; the answer is never logged.
    data = client.request("GET", "debug_token", params={"input_token": token}).data.get("data", {})
    stamps = [int(data.get(k) or 0) for k in ("expires_at", "data_access_expires_at")]
    stamps = [s for s in stamps if s > 0]
    return datetime.fromtimestamp(min(stamps), UTC) if stamps else None


def youtube_renews_itself() -> bool:
    """With a refresh token the access token is renewed on demand; nothing to warn about."""
    return bool(
        settings.YOUTUBE_CLIENT_ID
        and settings.YOUTUBE_CLIENT_SECRET
        and settings.YOUTUBE_REFRESH_TOKEN
        and not settings.YOUTUBE_ACCESS_TOKEN
    )


def youtube_expiry() -> datetime | None:
    """A fixed access token's remaining life from Google's tokeninfo (`expires_in`)."""
    url = settings.YOUTUBE_TOKEN_URL.rstrip("/") + "info"
    token = settings.YOUTUBE_ACCESS_TOKEN
    client = PlatformClient("YouTube", url, lambda: token, error_style="google")
    answer = client.request("GET", "", url=url, params={"access_token": token}).data
    return timezone.now() + timedelta(seconds=int(answer.get("expires_in") or 0))


def check_logins() -> dict[str, datetime | None]:
    """Ask every configured channel when its login expires and store the answer."""
    found: dict[str, datetime | None] = {}
    checks = {
        "facebook": lambda: graph_expiry(settings.FACEBOOK_API_URL, settings.FACEBOOK_PAGE_TOKEN),
        "instagram": lambda: graph_expiry(settings.INSTAGRAM_API_URL, settings.INSTAGRAM_TOKEN),
        "youtube": youtube_expiry,
    }
    for channel in all_channels():
        check = checks.get(channel.slug)
        if check is None or not channel.is_configured():
            continue
        if channel.slug == "youtube" and youtube_renews_itself():
            continue
        try:
            found[channel.slug] = check()
        except PlatformError as error:
            logger.warning("channels: could not read %s's token expiry: %s", channel.slug, error)
            continue
        record_expiry(channel.slug, found[channel.slug])
    return found


def login_warnings(now: datetime | None = None) -> dict[str, str]:
    """Danish warnings per channel: login stopped working, or expires within the warning days."""
    now = now or timezone.now()
    soon = now + timedelta(days=warn_days())
    states = {s.channel: s for s in ChannelState.objects.all()}
    warnings: dict[str, str] = {}
    for channel in all_channels():
        state = states.get(channel.slug)
        if state is None:
            continue
        if state.auth_failed_at:
            warnings[channel.slug] = (
                f"{channel.label}: login virker ikke længere. {state.auth_error}".strip()
            )
        elif state.token_expires_at and state.token_expires_at < soon:
            if channel.slug == "youtube" and youtube_renews_itself():
                continue
            when = timezone.localtime(state.token_expires_at)
            verb = "udløb" if state.token_expires_at <= now else "udløber"
            warnings[channel.slug] = f"{channel.label}: login {verb} {when:%d.%m.%Y kl. %H.%M}."
    return warnings
