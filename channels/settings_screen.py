"""Indstillinger → Kanaler: how each channel is set up, read-only.

The settings come from the environment (docs/channels.md), so the screen
shows, rather than edits, what the portal runs with: the Graph API version
Facebook and Instagram share, each channel's address and whether it is set
up, when its login expires, which figures are asked for and which ones a
platform stopped serving.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from django.conf import settings
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .models import ChannelState
from .platforms import Channel, Metric
from .platforms.meta import GRAPH_VERSIONS, NEWEST_GRAPH_VERSION
from .reach.models import RefusedMetric
from .registry import all_channels


@dataclass(frozen=True)
class ChannelRow:
    channel: Channel
    configured: bool
    api_url: str
    login_expires_at: datetime | None
    renews_itself: bool
    metrics: list[Metric]
    removed: list[Metric]
    refused: list[RefusedMetric]


def rows() -> list[ChannelRow]:
    states = {s.channel: s for s in ChannelState.objects.all()}
    refused: dict[str, list[RefusedMetric]] = {}
    for row in RefusedMetric.objects.order_by("since"):
        refused.setdefault(row.channel, []).append(row)
    found = []
    for channel in all_channels():
        state = states.get(channel.slug)
        found.append(
            ChannelRow(
                channel=channel,
                configured=channel.is_configured(),
                api_url=channel.api_url(),
                login_expires_at=state.token_expires_at if state else None,
                renews_itself=not channel.is_manual and not channel.login_expires(),
                metrics=[m for m in channel.metrics if m.removed_on is None],
                removed=[m for m in channel.metrics if m.removed_on is not None],
                refused=refused.get(channel.slug, []),
            )
        )
    return found


class ChannelSettingsView(PermissionRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    """What the portal runs with, per channel: a settings screen with its own title."""

    permission_required = "channels.view_publication"
    raise_exception = True
    page_title = "Kanalindstillinger"
    header_icon = "cog"
    template_name = "channels/settings_screen.html"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        version = settings.GRAPH_API_VERSION
        until: date | None = GRAPH_VERSIONS.get(version)
        return super().get_context_data(
            graph_version=version,
            graph_known=version in GRAPH_VERSIONS,
            graph_until=until,
            graph_newest=NEWEST_GRAPH_VERSION,
            rows=rows(),
            **kwargs,
        )


channel_settings_view = ChannelSettingsView.as_view()
