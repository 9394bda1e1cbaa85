"""The Kanaler report: every story's post on every channel, problems first.

Wagtail's ReportView, so it filters, pages and exports to a spreadsheet like the
other reports. Publications are made by publishing only; the report offers no
"add" and no hand-set status, only "Prøv igen" (per row and per channel) and,
for the Facebook group posted by hand, recording the post's link.
"""

from __future__ import annotations

import django_filters
from django.urls import reverse
from django.utils.html import format_html
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy

from ..models import Publication, PublicationStatus
from ..registry import channels
from .status import RETRYABLE, channel_label, problems_first, status_chip


def _channel_choices():
    return [(slug, channel.label) for slug, channel in channels.items()]


class PublicationFilterSet(WagtailFilterSet):
    channel = django_filters.ChoiceFilter(label="Kanal", choices=_channel_choices)
    status = django_filters.ChoiceFilter(label="Status", choices=PublicationStatus.choices)

    class Meta:
        model = Publication
        fields = ["channel", "status"]


class StoryColumn(Column):
    """The story's title, linked to its editor; never squeezed narrower than a word."""

    def get_value(self, instance):
        if instance.page_id is None:  # the page was deleted; the post's record stays
            return format_html(
                '<span class="channel-report__title">{}</span>', instance.story_title
            )
        url = reverse("wagtailadmin_pages:edit", args=[instance.page_id])
        return format_html(
            '<a class="channel-report__title" href="{}#tab-kanaler">{}</a>',
            url,
            instance.page.get_admin_display_title(),
        )


class ChannelColumn(Column):
    def get_value(self, instance):
        return channel_label(instance.channel)


class StatusColumn(Column):
    def get_value(self, instance):
        return status_chip(instance)


class ActionColumn(Column):
    """ "Prøv igen" for what failed; "Registrér link" for the group posted by hand."""

    def get_value(self, instance):
        if instance.status == PublicationStatus.MANUAL:
            url = reverse("channels_record_url", args=[instance.pk])
            return format_html(
                '<a class="button button-small" href="{}">Kopiér tekst og registrér link</a>', url
            )
        if instance.status in RETRYABLE:
            url = reverse("channels_retry", args=[instance.pk])
            return format_html(
                '<a class="button button-small" href="{}">Prøv igen'
                '<span class="w-sr-only"> ({}, {})</span></a>',
                url,
                channel_label(instance.channel),
                instance.story_title,
            )
        if instance.external_url:
            return format_html(
                '<a href="{}" target="_blank" rel="noopener">Se opslaget</a>', instance.external_url
            )
        return ""


class PublicationReportView(ReportView):
    model = Publication
    page_title = "Kanaler"
    header_icon = "list-ul"
    template_name = "channels/admin/report.html"
    index_url_name = "channels_report"
    index_results_url_name = "channels_report_results"
    filterset_class = PublicationFilterSet
    permission_policy = ModelPermissionPolicy(Publication)
    permission_required = "view"
    paginate_by = 50
    columns = [
        StoryColumn("story", label="Historie", width="35%"),
        ChannelColumn("channel_name", label="Kanal"),
        StatusColumn("status_chip", label="Status"),
        DateColumn("published_at", label="Udgivet"),
        Column("last_error", label="Hvad gik galt"),
        ActionColumn("action", label="Handling"),
    ]
    list_export = ["story_title", "channel_label", "status_label", "published_at", "last_error"]
    export_headings = {
        "story_title": "Historie",
        "channel_label": "Kanal",
        "status_label": "Status",
        "published_at": "Udgivet",
        "last_error": "Hvad gik galt",
    }

    def get_filename(self):
        return "kanaler"

    def get_queryset(self):
        return (
            Publication.objects.select_related("page")
            .annotate(problem_rank=problems_first())
            .order_by("problem_rank", "-updated_at")
        )

    def decorate_paginated_queryset(self, object_list):
        for publication in object_list:
            publication.channel_label = channel_label(publication.channel)
            publication.status_label = publication.get_status_display()
        return object_list

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["failed_by_channel"] = failed_by_channel()
        return context


def failed_by_channel() -> list[dict]:
    """For each channel with posts to retry: its name and how many, for "Prøv alle igen"."""
    counts: dict[str, int] = {}
    for slug in Publication.objects.retryable().values_list("channel", flat=True):
        counts[slug] = counts.get(slug, 0) + 1
    return [
        {"slug": slug, "label": channel_label(slug), "count": count}
        for slug, count in sorted(counts.items(), key=lambda item: channel_label(item[0]))
    ]
