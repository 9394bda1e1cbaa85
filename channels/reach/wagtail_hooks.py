"""The "Rækkevidde" menu: reports for those with `reach.view_reports`, and the
snippets where the secretariat enters figures no API gives."""

from django.contrib.auth.models import Permission
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import council_views, views
from .models import ManualFigure, PressCoverage, StoryEvaluation, TimelineNote
from .permissions import can_view_reports


class ReportMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view_reports(request.user)


@hooks.register("register_admin_urls")
def register_reach_urls():
    return [
        path("raekkevidde/", views.StoriesView.as_view(), name="reach_stories"),
        path(
            "raekkevidde/historie/<int:page_id>/",
            views.StoryDetailView.as_view(),
            name="reach_story",
        ),
        path("raekkevidde/kanaler/", views.ChannelsView.as_view(), name="reach_channels"),
        path("raekkevidde/perioder/", views.PeriodsView.as_view(), name="reach_periods"),
        path("raekkevidde/kilder/", views.SourcesView.as_view(), name="reach_sources"),
        path(
            "raekkevidde/evalueringsrapport/",
            council_views.CouncilReportView.as_view(),
            name="reach_council",
        ),
        path(
            "raekkevidde/delte-links/",
            council_views.ShareLinksView.as_view(),
            name="reach_share_links",
        ),
        path(
            "raekkevidde/delte-links/<int:pk>/tilbagekald/",
            council_views.RevokeShareLinkView.as_view(),
            name="reach_share_revoke",
        ),
    ]


class ManualFigureViewSet(SnippetViewSet):
    model = ManualFigure
    icon = "order"
    menu_label = "Manuelle tal"
    list_display = ["kind", "value", "date", "source"]
    list_filter = ["kind"]
    add_to_admin_menu = False


class PressCoverageViewSet(SnippetViewSet):
    model = PressCoverage
    icon = "link"
    menu_label = "Presseomtaler"
    list_display = ["outlet", "level", "story", "date"]
    list_filter = ["level"]
    add_to_admin_menu = False


class StoryEvaluationViewSet(SnippetViewSet):
    model = StoryEvaluation
    icon = "tick"
    menu_label = "Evaluering af historier"
    list_display = ["story", "is_branding_story", "picked_up_by_press"]
    list_filter = ["is_branding_story", "picked_up_by_press"]
    add_to_admin_menu = False


class TimelineNoteViewSet(SnippetViewSet):
    model = TimelineNote
    icon = "date"
    menu_label = "Noter på tidslinjen"
    list_display = ["date", "text"]
    add_to_admin_menu = False


register_snippet(ManualFigureViewSet)
register_snippet(TimelineNoteViewSet)
register_snippet(PressCoverageViewSet)
register_snippet(StoryEvaluationViewSet)


class ShareMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(council_views.SHARE_PERMISSION)


class ModelMenuItem(MenuItem):
    """Shown to those who may at least view the model's entries."""

    def __init__(self, *args, model, **kwargs):
        super().__init__(*args, **kwargs)
        self.model = model

    def is_shown(self, request):
        return request.user.has_perm(f"reach.view_{self.model._meta.model_name}")


def _snippet_item(label: str, model, icon: str, order: int) -> MenuItem:
    meta = model._meta
    return ModelMenuItem(
        label,
        reverse(f"wagtailsnippets_{meta.app_label}_{meta.model_name}:list"),
        icon_name=icon,
        order=order,
        model=model,
    )


@hooks.register("register_admin_menu_item")
def register_reach_menu():
    items = [
        ReportMenuItem(label, reverse(name), icon_name="doc-full", order=i * 10)
        for i, (name, label) in enumerate(views.NAV)
    ]
    items += [
        _snippet_item("Manuelle tal", ManualFigure, "order", 100),
        _snippet_item("Presseomtaler", PressCoverage, "link", 110),
        _snippet_item("Evaluering af historier", StoryEvaluation, "tick", 120),
        _snippet_item("Noter på tidslinjen", TimelineNote, "date", 130),
        ShareMenuItem(
            "Del rapporten med byrådet", reverse("reach_share_links"), icon_name="link", order=140
        ),
    ]
    return SubmenuMenuItem("Rækkevidde", Menu(items=items), icon_name="view", order=450)


@hooks.register("register_permissions")
def register_reach_permissions():
    return Permission.objects.filter(content_type__app_label="reach", codename="view_reports")
