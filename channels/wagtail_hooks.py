"""Admin wiring: the publications report, its actions and the login banner."""

from django.urls import path, reverse
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet

from . import views
from .logins import login_warnings
from .models import Publication, PublicationStatus
from .settings_screen import channel_settings_view


class ActionColumn(Column):
    """ "Prøv igen" for failed posts; "Registrér link" for manual channels."""

    def get_value(self, instance):
        if instance.status == PublicationStatus.MANUAL:
            url = reverse("channels_record_url", args=[instance.pk])
            return format_html(
                '<a class="button button-small" href="{}">Kopiér tekst og registrér link</a>', url
            )
        if instance.status in (
            PublicationStatus.FAILED,
            PublicationStatus.NEEDS_LOGIN,
            PublicationStatus.UNCONFIRMED,
        ):
            url = reverse("channels_retry", args=[instance.pk])
            return format_html('<a class="button button-small" href="{}">Prøv igen</a>', url)
        if instance.external_url:
            return format_html(
                '<a href="{}" target="_blank" rel="noopener">Se opslaget</a>', instance.external_url
            )
        return ""


class PublicationViewSet(ModelViewSet):
    model = Publication
    icon = "list-ul"
    menu_label = "Kanaler"
    menu_name = "channels-publications"
    add_to_admin_menu = False
    url_prefix = "kanaler"
    name = "channels_publication"
    list_display = [
        "page",
        "channel",
        "status",
        "scheduled_at",
        "published_at",
        "last_error",
        "notice",
        ActionColumn("action_links", label="Handling"),
    ]
    list_filter = ["channel", "status"]
    search_fields = ["page__title"]
    inspect_view_enabled = True
    form_fields = ["status"]

    def get_add_view_kwargs(self, **kwargs):  # publications come from publishing only
        return super().get_add_view_kwargs(**kwargs)


publication_viewset = PublicationViewSet()


@hooks.register("register_admin_viewset")
def register_publication_viewset():
    return publication_viewset


class PublicationsMenuItem(MenuItem):
    """Shown to whoever may see the publications (the secretariat), not only superusers."""

    def is_shown(self, request):
        return request.user.has_perm("channels.view_publication")


@hooks.register("register_reports_menu_item")
def register_publications_report_item():
    return PublicationsMenuItem(
        "Kanaler", reverse("channels_publication:index"), icon_name="list-ul", order=900
    )


@hooks.register("register_admin_urls")
def register_channel_urls():
    return [
        path("kanaler-handling/<int:pk>/proev-igen/", views.retry_view, name="channels_retry"),
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

    def get_context_data(self, parent_context=None):
        return {"problems": list(login_warnings().values())}

    def render_html(self, parent_context=None):
        if not self.get_context_data()["problems"]:
            return ""
        return super().render_html(parent_context)


@hooks.register("construct_homepage_panels")
def add_channel_login_panel(request, panels):
    panels.insert(0, ChannelLoginPanel())
