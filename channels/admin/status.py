"""How a publication's status reads in the admin: a Danish label, a tone, an icon.

Shared by the Kanaler report, the page listings' channel column and the
story's Kanaler tab, so "failed" looks and sounds the same everywhere.
"""

from __future__ import annotations

from django.db.models import Case, IntegerField, Value, When
from django.utils.html import format_html, format_html_join

from ..models import PublicationStatus
from ..models.lifecycle import PROBLEMS, RETRYABLE
from ..registry import channels

TONES = {
    PublicationStatus.FAILED: ("critical", "warning"),
    PublicationStatus.NEEDS_LOGIN: ("critical", "lock"),
    PublicationStatus.UNCONFIRMED: ("warning", "time"),
    PublicationStatus.PUBLISHED: ("success", "success"),
    PublicationStatus.MANUAL: ("info", "clipboard-list"),
}
DEFAULT_TONE = ("neutral", "circle-check")


__all__ = ["PROBLEMS", "RETRYABLE", "channel_label", "problems_first", "status_chip"]


def problems_first():
    """An ordering expression: failed, then needs-login, then unconfirmed, then the rest."""
    return Case(
        *(When(status=status, then=Value(rank)) for rank, status in enumerate(PROBLEMS)),
        default=Value(len(PROBLEMS)),
        output_field=IntegerField(),
    )


def channel_label(slug: str) -> str:
    """The channel's name as editors know it ("Facebook-siden"), never its code."""
    channel = channels.get(slug)
    return channel.label if channel else slug


def status_chip(publication) -> str:
    """A coloured chip with the status in words, e.g. "Fejlet"."""
    tone, _icon = TONES.get(publication.status, DEFAULT_TONE)
    return format_html(
        '<span class="channel-chip channel-chip--{}">{}</span>',
        tone,
        publication.get_status_display(),
    )


def status_icons(publications) -> str:
    """One small icon per channel; the channel and status are read out in Danish."""
    items = []
    for publication in sorted(publications, key=lambda p: channel_label(p.channel)):
        tone, icon = TONES.get(publication.status, DEFAULT_TONE)
        text = f"{channel_label(publication.channel)}: {publication.get_status_display()}"
        items.append((tone, text, icon, text))
    if not items:
        return format_html('<span class="channel-icons__none">{}</span>', "Ingen kanaler")
    return format_html(
        '<ul class="channel-icons">{}</ul>',
        format_html_join(
            "",
            '<li class="channel-icons__item channel-icons__item--{}" title="{}">'
            '<svg class="icon icon-{}" aria-hidden="true"><use href="#icon-{}"></use></svg>'
            '<span class="w-sr-only">{}</span></li>',
            ((tone, text, icon, icon, text) for tone, text, icon, _ in items),
        ),
    )
