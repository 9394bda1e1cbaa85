"""How long each channel's login still works, read from the platform itself.

A Page or Instagram token dies silently on its expiry date; the secretariat
must renew it before that, not after the first failed post. So each channel
that has such a login asks its platform (`Channel.token_expiry`: Graph
`debug_token`, Google `tokeninfo`), the answer is stored in `ChannelState`,
turned into a banner `CHANNELS_TOKEN_WARN_DAYS` days before, and mailed to
the secretariat once per token with the steps to renew it. A refresh token
Google rotates is stored here too (`StoredRefreshToken`), so it outlives the
process that received it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from .alerts import alert_address
from .http import PlatformError
from .models import ChannelState
from .platforms import Channel
from .platforms.google_oauth import GoogleLogin
from .registry import all_channels

logger = logging.getLogger("voresishoj.channels")

DEFAULT_WARN_DAYS = 7


def warn_days() -> int:
    return int(getattr(settings, "CHANNELS_TOKEN_WARN_DAYS", DEFAULT_WARN_DAYS))


def record_expiry(channel: str, expires_at: datetime | None) -> None:
    ChannelState.objects.update_or_create(
        channel=channel, defaults={"token_expires_at": expires_at}
    )


def check_logins() -> dict[str, datetime | None]:
    """Ask every channel with an expiring login when it expires; store and mail."""
    found: dict[str, datetime | None] = {}
    for channel in all_channels():
        if not channel.login_expires():
            continue
        try:
            found[channel.slug] = channel.token_expiry()
        except PlatformError as error:
            logger.warning("channels: could not read %s's token expiry: %s", channel.slug, error)
            continue
        record_expiry(channel.slug, found[channel.slug])
        mail_before_expiry(channel, found[channel.slug])
    return found


def mail_before_expiry(channel: Channel, expires_at: datetime | None) -> bool:
    """One e-mail per token, `warn_days()` ahead: the conditional UPDATE lets exactly
    one process send it, and a renewed token (a new expiry) gets its own."""
    now = timezone.now()
    if expires_at is None or expires_at > now + timedelta(days=warn_days()):
        return False
    claimed = (
        ChannelState.objects.filter(channel=channel.slug)
        .exclude(expiry_mail_for=expires_at)
        .update(expiry_mail_for=expires_at)
    )
    if not claimed:
        return False
    address = alert_address()
    if not address:
        logger.warning("channels: %s's login expires soon and no alert address is set", channel)
        return False
    when = timezone.localtime(expires_at)
    expired = expires_at <= now
    verb = "udløb" if expired else "udløber"
    left = "" if expired else f" (om {(expires_at - now).days} dage)"
    send_mail(
        subject=f"Vores Ishøj: login til {channel.label} {verb} {when:%d.%m.%Y}",
        message=(
            f"Hej sekretariat\n\nPortalens login til {channel.label} {verb} "
            f"{when:%d.%m.%Y kl. %H.%M}{left}. Derefter kan portalen ikke længere "
            f"udgive på {channel.label} eller hente rækkevidde derfra.\n\n"
            f"Sådan fornyer I adgangen:\n{channel.renewal_steps_da}\n\n"
            "Denne besked sendes én gang for dette login.\n\nVores Ishøj"
        ),
        from_email=None,
        recipient_list=[address],
    )
    return True


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
            if not channel.login_expires():
                continue
            when = timezone.localtime(state.token_expires_at)
            verb = "udløb" if state.token_expires_at <= now else "udløber"
            warnings[channel.slug] = f"{channel.label}: login {verb} {when:%d.%m.%Y kl. %H.%M}."
    return warnings


class StoredRefreshToken:
    """A YouTube alias's refresh token Google rotated, in `ChannelState`: every process
    and every restart renews with it. On PostgreSQL the row lock makes renewals
    take turns, so no process renews with a token another has just retired;
    SQLite has no row locks, and there two processes renewing in the same
    moment can still race (the dev demo, never production)."""

    def renew_with(self, login: GoogleLogin, renew: Callable[[str], str]) -> None:
        ChannelState.objects.get_or_create(channel=login.alias)
        with transaction.atomic():
            state = ChannelState.objects.select_for_update().get(channel=login.alias)
            mine = state.refresh_token_origin == login.origin()
            kept = renew(state.refresh_token if mine else "")
            if kept:
                ChannelState.objects.filter(channel=login.alias).update(
                    refresh_token=kept, refresh_token_origin=login.origin()
                )
