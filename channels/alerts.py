"""A channel whose login stopped working: stop it, say so once, resume when fixed.

An expired or revoked token must not cause a retry storm or a mail per post:
the first auth failure marks the channel, moves its waiting posts to "needs
new login" and emails the secretariat exactly once (a conditional UPDATE
decides who sends it, even with several workers).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.mail import send_mail
from django.utils import timezone
from wagtail.models import Site

from home.mail import one_line
from home.models import SiteSettings

from .models import ChannelState, Publication, PublicationStatus

if TYPE_CHECKING:
    from .platforms import Channel

logger = logging.getLogger("voresishoj.channels")


def login_blocked(channel: str) -> str:
    """The reason the channel's login is known to be broken, or ''."""
    state = ChannelState.objects.filter(channel=channel, auth_failed_at__isnull=False).first()
    return state.auth_error if state else ""


def login_works(channel: str) -> None:
    ChannelState.objects.filter(channel=channel, auth_failed_at__isnull=False).update(
        auth_failed_at=None, auth_error="", alert_sent_at=None
    )


def alert_address() -> str:
    if settings.CHANNELS_ALERT_EMAIL:
        return settings.CHANNELS_ALERT_EMAIL
    site = Site.objects.filter(is_default_site=True).first()
    return SiteSettings.for_site(site).contact_email if site else ""


def mark_needs_login(channel: Channel, reason: str) -> None:
    now = timezone.now()
    ChannelState.objects.get_or_create(channel=channel.slug)
    ChannelState.objects.filter(channel=channel.slug, auth_failed_at__isnull=True).update(
        auth_failed_at=now, auth_error=reason
    )
    Publication.objects.for_alias(channel.slug).move_to(
        PublicationStatus.NEEDS_LOGIN,
        sources=[PublicationStatus.QUEUED, PublicationStatus.SCHEDULED],
        last_error=reason,
        fix_field="",
        updated_at=now,
    )
    first = ChannelState.objects.filter(channel=channel.slug, alert_sent_at__isnull=True).update(
        alert_sent_at=now
    )
    if not first:
        return
    address = alert_address()
    if not address:
        logger.warning("channels: %s needs a new login and no alert address is set", channel.slug)
        return
    send_mail(
        subject=one_line(f"Vores Ishøj: {channel.label} kræver nyt login"),
        message=(
            f"Hej sekretariat\n\nPortalen kan ikke længere udgive på {channel.label}, fordi "
            f"login ikke virker (udløbet eller tilbagekaldt).\n\nPlatformens besked: {reason}\n\n"
            "Historierne er stadig udgivet på voresishoj.dk. Forny adgangen (ny token i "
            "miljøvariablerne), og tryk derefter 'Prøv igen' under Rapporter → Kanaler, så "
            "sendes de ventende opslag.\n\nDenne besked sendes kun én gang, indtil login "
            "virker igen.\n\nVores Ishøj"
        ),
        from_email=None,
        recipient_list=[address],
    )
