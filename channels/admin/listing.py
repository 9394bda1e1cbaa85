"""Flat listings of stories and events with where each went, at a glance.

Wagtail's PageListingViewSet gives the filters, search and bulk actions editors
know from the page explorer; the channel layer adds one column of per-channel
status icons and the filter "Kanaler med fejl". The stories app knows nothing
of this: channels attaches itself (cms → channels → stories).
"""

from __future__ import annotations

import django_filters
from django.forms import RadioSelect
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.pages.listing import IndexView, PageFilterSet
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.models import Page

from stories.models import EventPage, StoryPage

from ..models import Publication
from .status import PROBLEMS, status_icons

ONLY_PROBLEMS = "ja"


class ChannelFilterSet(PageFilterSet):
    channel_problems = django_filters.ChoiceFilter(
        label="Kanaler med fejl",
        choices=[(ONLY_PROBLEMS, "Kun sider, hvor en kanal fejlede eller kræver nyt login")],
        empty_label="Alle sider",
        method="filter_channel_problems",
        widget=RadioSelect,
    )

    def filter_channel_problems(self, queryset, name, value):
        if value != ONLY_PROBLEMS:
            return queryset
        return queryset.filter(pk__in=_pages_with_problems())

    class Meta:
        model = Page
        fields = []


def _pages_with_problems():
    return Publication.objects.filter(status__in=PROBLEMS).values("page_id")


class ChannelStatusColumn(Column):
    """One icon per channel; failed and needs-login in red, every icon read out in Danish."""

    def get_value(self, instance):
        return status_icons(instance.publications.all())


class ChannelIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().prefetch_related("publications")


class ChannelListingViewSet(PageListingViewSet):
    index_view_class = ChannelIndexView
    filterset_class = ChannelFilterSet
    add_to_admin_menu = True
    columns = [*IndexView.base_columns, ChannelStatusColumn("kanaler", label="Kanaler")]


class StoryListingViewSet(ChannelListingViewSet):
    model = StoryPage
    icon = "doc-full"
    menu_label = "Historier"
    menu_order = 110
    name = "historier"


class EventListingViewSet(ChannelListingViewSet):
    model = EventPage
    icon = "date"
    menu_label = "Begivenheder"
    menu_order = 120
    name = "begivenheder"
