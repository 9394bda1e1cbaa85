"""The "Kanaler" tab of the page editor (StoryPage, EventPage).

The tab holds the editor's per-channel choices (an inline formset of
`PageChannel` rows, saved with the page's revisions) and an overview that
shows, per channel, whether it is on (the editor's choice or the page type's
default), the post exactly as it will be sent, the platform's limits it
breaks and the post's status. The overview is rendered from the page as last
saved, so it matches what the next publish sends.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.urls import reverse
from modelcluster.forms import BaseChildFormSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    HelpPanel,
    InlinePanel,
    ObjectList,
    Panel,
)

from .admin.status import DEFAULT_TONE, RETRYABLE, TONES
from .admin.where import FixPlace, fix_place
from .logins import login_warnings
from .models import Publication, PublicationStatus, choice_for, enabled_by_default, is_translation
from .registry import all_channels
from .rendering import render

HELP = (
    "<p>Vælg, hvor historien skal udgives ud over hjemmesiden. Uden et valg gælder "
    "standarden: historier på Facebook-siden, Instagram (med billede), YouTube (hvis der "
    "er en video) og som klar-til-indsæt-tekst til Facebook-gruppen; begivenheder på "
    "Facebook-siden og i Det sker i Ishøj. En oversættelse (fx den arabiske udgave) har sine "
    "egne kanalvalg og udgives kun på de kanaler, du vælger for den, med sin egen tekst; den "
    "danske historie og dens opslag røres ikke.</p><p>Lad teksten stå tom for at bruge historiens "
    "tekst. Sæt flueben i <strong>Nulstil til historiens tekst</strong> for at slette din "
    "egen tekst, så kanalen igen bruger historiens tekst. Oversigten nedenfor viser hvert "
    "opslag, som det bliver sendt, efter du har gemt.</p>"
)


class ChannelChoiceForm(WagtailAdminModelForm):
    """One channel row in the tab, with a reset that clears the editor's own text.

    A checkbox rather than "delete the text by hand" so the way back to the
    story's text is one obvious action, and the override is really gone (an
    empty text is what makes the channel inherit the story's text again).
    """

    reset_text = forms.BooleanField(
        label="Nulstil til historiens tekst",
        required=False,
        help_text="Sletter den egne tekst, så kanalen bruger historiens tekst igen.",
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if cleaned.get("reset_text"):
            cleaned["text"] = ""
        return cleaned


class ChannelChoicesFormSet(BaseChildFormSet):
    """The Kanaler tab is hidden from users without channel rights (co-editors),
    so their editor posts no channel rows at all. That means "leave the channel
    settings as they are", not a tampered form that blocks saving the story."""

    def __init__(self, data=None, files=None, *args, **kwargs):
        prefix = kwargs.get("prefix") or self.get_default_prefix()
        self.left_out = data is not None and f"{prefix}-TOTAL_FORMS" not in data
        if self.left_out:
            data = files = None
        super().__init__(data, files, *args, **kwargs)

    def is_valid(self) -> bool:
        return True if self.left_out else super().is_valid()

    def clean(self) -> None:
        super().clean()
        seen: set[str] = set()
        for form in self.forms:
            if not hasattr(form, "cleaned_data") or self._should_delete_form(form):
                continue
            channel = form.cleaned_data.get("channel")
            if channel in seen:
                label = dict(form.fields["channel"].choices).get(channel, channel)
                raise ValidationError(
                    f"Hver kanal kan kun vælges én gang. Slet den ekstra række for {label}."
                )
            if channel:
                seen.add(channel)

    def save(self, commit: bool = True):
        return [] if self.left_out else super().save(commit=commit)


class ChannelChoicesPanel(InlinePanel):
    """The inline formset of channel rows, built on `ChannelChoiceForm`."""

    class BoundPanel(InlinePanel.BoundPanel):
        template_name = "channels/admin/channel_choices_panel.html"

    def get_form_options(self) -> dict[str, Any]:
        options = super().get_form_options()
        options["formsets"][self.relation_name]["form"] = ChannelChoiceForm
        options["formsets"][self.relation_name]["formset"] = ChannelChoicesFormSet
        return options


@dataclass(frozen=True)
class ShownProblem:
    """A limit the post breaks, with the field that fixes it (if one does)."""

    message: str
    place: FixPlace | None


def no_field_da(status: str, label: str) -> str:
    """What to do about a failure no field of the story fixes."""
    if status == PublicationStatus.NEEDS_LOGIN:
        return (
            f"Det kan ikke rettes i historien: portalens login til {label} skal fornyes. "
            "Når det er gjort, trykker du »Prøv igen«."
        )
    return (
        f"Det kan ikke rettes i historien: fejlen ligger hos {label} eller i forbindelsen. "
        "Vent lidt, og tryk »Prøv igen«."
    )


@dataclass(frozen=True)
class ChannelRow:
    """One channel as the overview shows it."""

    slug: str
    label: str
    enabled: bool
    by_default: bool
    configured: bool
    is_manual: bool
    text: str
    overridden: bool
    image_url: str
    problems: tuple[ShownProblem, ...]
    status: str
    status_label: str
    external_url: str
    last_error: str
    trace_id: str
    notice: str
    publication_id: int | None
    tone: str = "neutral"
    fix: FixPlace | None = None
    """Where the last error is fixed, if a field can fix it."""
    no_field: str = ""
    """What to do instead when no field can."""


def overview_rows(page: Any) -> list[ChannelRow]:
    """Every channel for `page`: on/off, preview, limits and status."""
    publications = {p.channel: p for p in Publication.objects.filter(page_id=page.pk)}
    rows: list[ChannelRow] = []
    content = page.shared_content()
    for channel in all_channels():
        choice = choice_for(page, channel.slug)
        enabled = (
            choice.enabled if choice is not None else enabled_by_default(page, channel, content)
        )
        try:
            post = render(content, channel, choice)
            text, image = post.text, post.image.url if post.image else ""
            problems = tuple(
                ShownProblem(p.message_da, fix_place(page, p.field, channel.slug))
                for p in (channel.validate(post) if enabled else ())
            )
        except Exception:  # noqa: BLE001 - a broken preview must not break the editor
            text, image = "", ""
            problems = (ShownProblem("Forhåndsvisningen kunne ikke laves.", None),)
        pub = publications.get(channel.slug)
        fix = fix_place(page, pub.fix_field, channel.slug) if pub and pub.last_error else None
        rows.append(
            ChannelRow(
                slug=channel.slug,
                label=channel.label,
                enabled=enabled,
                by_default=choice is None,
                configured=channel.is_configured(),
                is_manual=channel.is_manual,
                text=text,
                overridden=bool(choice is not None and choice.text.strip()),
                image_url=image,
                problems=problems,
                status=pub.status if pub else "",
                status_label=pub.get_status_display() if pub else "Ikke udgivet endnu",
                external_url=pub.external_url if pub else "",
                last_error=pub.last_error if pub else "",
                trace_id=pub.trace_id if pub else "",
                notice=pub.notice if pub else "",
                publication_id=pub.pk if pub else None,
                tone=TONES.get(pub.status, DEFAULT_TONE)[0] if pub else "neutral",
                fix=fix,
                no_field=no_field_da(pub.status, channel.label)
                if pub and pub.last_error and fix is None
                else "",
            )
        )
    return rows


class ChannelOverviewPanel(Panel):
    """Per channel: on or off, the post as it will be sent, limits and status."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "channels/editor_overview.html"

        def get_context_data(self, parent_context: Any = None) -> dict[str, Any]:
            context = super().get_context_data(parent_context)
            page = self.instance
            saved = page is not None and page.pk is not None
            context["saved"] = saved
            context["rows"] = overview_rows(page) if saved else []
            context["translation"] = page is not None and is_translation(page)
            context["login_warnings"] = list(login_warnings().values())
            context["retryable"] = [str(status) for status in RETRYABLE]
            context["edit_url"] = (
                reverse("wagtailadmin_pages:edit", args=[page.pk]) if saved else ""
            )
            context["here"] = context["edit_url"] + "#tab-kanaler"
            return context


def channels_tab() -> ObjectList:
    return ObjectList(
        [
            HelpPanel(content=HELP, heading="Sådan virker kanalerne"),
            ChannelChoicesPanel(
                "channel_settings",
                label="Kanal",
                heading="Kanalvalg",
                panels=[
                    FieldRowPanel(
                        [FieldPanel("channel"), FieldPanel("enabled"), FieldPanel("post_at")]
                    ),
                    FieldPanel("text"),
                    FieldPanel("reset_text"),
                    FieldRowPanel([FieldPanel("as_photo"), FieldPanel("video_url")]),
                ],
            ),
            ChannelOverviewPanel(heading="Opslagene, som de bliver sendt"),
        ],
        heading="Kanaler",
        # Channel settings are the secretariat's; co-editors never see the tab.
        permission="channels.change_publication",
    )
