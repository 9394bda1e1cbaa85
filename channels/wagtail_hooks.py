"""Admin wiring: the Kanaler report, its actions and the login banner."""

from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from . import views
from .admin.dashboard import add_my_stories_panel
from .admin.listing import (
    EventListingViewSet,
    EventPageViewSet,
    StoryListingViewSet,
    StoryPageViewSet,
)
from .admin.report import PublicationReportView
from .logins import login_warnings
from .settings_screen import channel_settings_view


@hooks.register("register_admin_viewset")
def register_story_listing():
    return StoryListingViewSet()


@hooks.register("register_admin_viewset")
def register_event_listing():
    return EventListingViewSet()


@hooks.register("register_admin_viewset")
def register_page_explorer_columns():
    """The channel column in the page explorer under the story and event index."""
    return [StoryPageViewSet(), EventPageViewSet()]


@hooks.register("insert_global_admin_css")
def channel_status_css():
    return render_to_string("channels/admin/status_css.html")


class PublicationsMenuItem(MenuItem):
    """Shown to whoever may see the publications (the secretariat), not only superusers."""

    def is_shown(self, request):
        return request.user.has_perm("channels.view_publication")


@hooks.register("register_reports_menu_item")
def register_publications_report_item():
    return PublicationsMenuItem(
        "Kanaler", reverse("channels_report"), icon_name="list-ul", order=900
    )


@hooks.register("register_admin_urls")
def register_channel_urls():
    return [
        path("kanaler/", PublicationReportView.as_view(), name="channels_report"),
        path(
            "kanaler/results/",
            PublicationReportView.as_view(results_only=True),
            name="channels_report_results",
        ),
        path("kanaler/forny-login/", views.renew_login_view, name="channels_renew_login"),
        path("kanaler-handling/<int:pk>/proev-igen/", views.retry_view, name="channels_retry"),
        path(
            "kanaler-handling/kanal/<slug:slug>/proev-igen/",
            views.retry_channel_view,
            name="channels_retry_channel",
        ),
        path(
            "kanaler-handling/<int:pk>/registrer/",
            views.record_url_view,
            name="channels_record_url",
        ),
        path("kanalindstillinger/", channel_settings_view, name="channels_settings"),
    ]


@hooks.register("register_settings_menu_item")
def register_channel_settings_item():
    return PublicationsMenuItem("Kanaler", reverse("channels_settings"), icon_name="cog", order=900)


class ChannelLoginPanel(Component):
    """Dashboard banner: channels whose login stopped working or is about to expire."""

    order = 10
    template_name = "channels/login_panel.html"

    def __init__(self) -> None:
        self.problems: list[str] | None = None

    def get_context_data(self, parent_context=None):
        if self.problems is None:  # read once per render: it asks the database
            self.problems = list(login_warnings().values())
        return {"problems": self.problems}

    def render_html(self, parent_context=None):
        if not self.get_context_data()["problems"]:
            return ""
        return super().render_html(parent_context)


@hooks.register("construct_homepage_panels")
def add_channel_login_panel(request, panels):
    # Logins and retries are the secretariat's job; co-editors are not warned.
    if request.user.has_perm("channels.view_publication"):
        panels.insert(0, ChannelLoginPanel())


hooks.register("construct_homepage_panels", add_my_stories_panel)


@hooks.register("insert_editor_js")
def fix_field_js():
    """Opens and focuses the field a channel card's "Ret det her" link points at."""
    return format_html('<script src="{}" defer></script>', static("channels/js/fix_field.js"))
