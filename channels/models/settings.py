"""Per-page channel choices (the "Kanaler" tab) and per-channel runtime state."""

from __future__ import annotations

from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable, Page

from channels.registry import channel_choices


class PageChannel(Orderable):
    """An editor's choice for one channel of one page; without a row the page
    type's default applies. Saved with the page's revisions, so a channel
    choice goes live together with the page."""

    page = ParentalKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="channel_settings"
    )
    channel = models.CharField("Kanal", max_length=32, choices=channel_choices)
    enabled = models.BooleanField("Udgiv på kanalen", default=True)
    text = models.TextField(
        "Egen tekst til kanalen",
        blank=True,
        help_text="Tom = historiens tekst (manchetten). Slet teksten for at nulstille til "
        "historiens tekst.",
    )
    post_at = models.DateTimeField(
        "Tidspunkt",
        null=True,
        blank=True,
        help_text="Tom = når siden udgives. Flyt eller slet tidspunktet, før opslaget er sendt, "
        "så flyttes eller annulleres det.",
    )
    as_photo = models.BooleanField(
        "Billedopslag (kun Facebook)",
        default=False,
        help_text="Del hovedbilledet som billede i stedet for et link-opslag.",
    )
    video_url = models.URLField(
        "YouTube-video (kun YouTube)",
        blank=True,
        help_text="Videoen, hvis beskrivelse skal fortælle om historien. Tom = første "
        "YouTube-video i brødteksten.",
    )

    panels = [
        FieldRowPanel([FieldPanel("channel"), FieldPanel("enabled"), FieldPanel("post_at")]),
        FieldPanel("text"),
        FieldRowPanel([FieldPanel("as_photo"), FieldPanel("video_url")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "Kanalvalg"
        verbose_name_plural = "Kanalvalg"


def choice_for(page, slug: str) -> PageChannel | None:
    """The editor's row for a channel on this page, if any (first wins).

    Reads `page.channel_settings.all()`, so a prefetch serves every channel."""
    for choice in page.channel_settings.all():
        if choice.channel == slug:
            return choice
    return None


def is_translation(page) -> bool:
    """A page made from an original by "Oversæt": another page of its
    translation key is older. A page of its own for the channels, with its own
    choices. (Asked of the pages, not of settings.LANGUAGE_CODE, so it does not
    turn with the language the admin is shown in.)"""
    if page.pk is None:
        return False
    if not hasattr(page, "_is_translation"):
        page._is_translation = (
            Page.objects.filter(translation_key=page.translation_key, pk__lt=page.pk)
            .exclude(locale_id=page.locale_id)
            .exists()
        )
    return page._is_translation


def enabled_by_default(page, channel, content) -> bool:
    """Whether a page shares on `channel` when no editor has chosen.

    The page type decides for a Danish page; a translation posts nowhere until
    an editor chooses a channel for it, so nothing goes out in Arabic that
    nobody asked for (the secretariat writes for the Danish audience first)."""
    if is_translation(page):
        return False
    return channel.default_enabled(content)


def forget_copied_choices(page) -> None:
    """Drop the channel choices a translation copied from its original, in the
    page and in the revision the copy made, so the translation starts with
    none: the original's own text and times are not the translation's."""
    PageChannel.objects.filter(page_id=page.pk).delete()
    revision = Page.objects.get(pk=page.pk).latest_revision
    if revision is not None and revision.content.get("channel_settings"):
        revision.content["channel_settings"] = []
        revision.save(update_fields=["content"])


class ChannelState(models.Model):
    """What the portal knows about a channel as a whole: paused by the quota
    governor, login stopped working, quota used today. Shared by all workers."""

    channel = models.CharField(max_length=32, primary_key=True)
    paused_until = models.DateTimeField(null=True, blank=True)
    pause_reason = models.CharField(max_length=300, blank=True)
    usage_percent = models.PositiveSmallIntegerField(default=0)
    auth_failed_at = models.DateTimeField(null=True, blank=True)
    auth_error = models.TextField(blank=True)
    alert_sent_at = models.DateTimeField(null=True, blank=True)
    token_expires_at = models.DateTimeField(null=True, blank=True)
    expiry_mail_for = models.DateTimeField(
        null=True,
        blank=True,
        help_text="The token expiry the secretariat was mailed about: one mail per token.",
    )
    refresh_token = models.TextField(
        blank=True,
        help_text="A refresh token the platform handed out in place of the configured one "
        "(Google may rotate it); every process renews with it, also after a restart.",
    )
    refresh_token_origin = models.CharField(
        max_length=64,
        blank=True,
        help_text="SHA-256 of the configured refresh token the stored one replaced: a newly "
        "configured login is not overruled by a token of the old one.",
    )
    quota_day = models.DateField(null=True, blank=True)
    quota_units = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "Kanalens tilstand"
        verbose_name_plural = "Kanalernes tilstand"
