"""Stories and events with where each went, at a glance, wherever editors list them.

Two places, one column: the flat listings (Historier, Begivenheder; Wagtail's
PageListingViewSet with the filters, search and bulk actions editors know from
the page explorer) and the page explorer itself under the story index and the
event index (Wagtail's PageViewSet, which the explorer uses for a parent whose
children are all of its model). Both add the same column of per-channel status
icons and the filter "Kanaler med fejl". The stories app knows nothing of this:
channels attaches itself (cms → channels → stories).
"""

from __future__ import annotations

import django_filters
from django.db.models import prefetch_related_objects
from django.forms import RadioSelect
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.pages.listing import ExplorableIndexView, IndexView, PageFilterSet
from wagtail.admin.viewsets.pages import PageListingViewSet, PageViewSet
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from stories.models import EventPage, StoryPage

from ..models import Publication
from .status import status_icons

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
    return Publication.objects.problems().values("page_id")


class ChannelStatusColumn(Column):
    """One icon per channel; failed and needs-login in red, every icon read out in Danish."""

    def get_value(self, instance):
        return status_icons(instance.publications.all())


class PublicationsPrefetchMixin:
    """The rows shown get their publications in one query, whatever search or
    filter produced them: the column reads them for every row."""

    def get_table(self, object_list):
        rows = list(object_list)
        prefetch_related_objects(rows, "publications")
        return super().get_table(rows)


class ChannelIndexView(PublicationsPrefetchMixin, IndexView):
    pass


class ChannelExplorerIndexView(PublicationsPrefetchMixin, ExplorableIndexView):
    pass


CHANNEL_COLUMN = ChannelStatusColumn("kanaler", label="Kanaler")


class PageEditorsMenuItem(MenuItem):
    """In the menu of those who may write pages; a report reader does not see it."""

    def is_shown(self, request):
        return PagePermissionPolicy().user_has_any_permission(
            request.user, ["add", "change", "publish"]
        )


class ChannelListingViewSet(PageListingViewSet):
    index_view_class = ChannelIndexView
    filterset_class = ChannelFilterSet
    add_to_admin_menu = True
    menu_item_class = PageEditorsMenuItem
    columns = [*IndexView.base_columns, CHANNEL_COLUMN]


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


class ChannelPageViewSet(PageViewSet):
    """Wagtail's own views for the page type, with the channel column in the explorer
    of its parent (the story index, the event index); every other parent keeps
    Wagtail's explorer."""

    index_view_class = ChannelExplorerIndexView
    filterset_class = ChannelFilterSet
    columns = [*ExplorableIndexView.base_columns, CHANNEL_COLUMN]


class StoryPageViewSet(ChannelPageViewSet):
    model = StoryPage
    icon = "doc-full"
    name = "historiesider"


class EventPageViewSet(ChannelPageViewSet):
    model = EventPage
    icon = "date"
    name = "begivenhedssider"
