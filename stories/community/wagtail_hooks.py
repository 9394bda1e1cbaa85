"""The "Fællesskab" admin menu and its URLs; each item is shown only to those who may use it."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home.participation_models import StandardAnswer
from home.roles import is_secretariat

from . import admin_views, answer_views, personal_data


class StandardAnswerViewSet(SnippetViewSet):
    """The secretariat's own wording for answers it often gives."""

    model = StandardAnswer
    icon = "openquote"
    menu_label = "Standardsvar"
    add_to_admin_menu = False
    list_display = ["title", "text", "sort_order"]
    search_fields = ["title", "text"]


register_snippet(StandardAnswerViewSet)
hooks.register("construct_homepage_panels", answer_views.add_waiting_panel)


class CheckedMenuItem(MenuItem):
    def __init__(self, *args, check, **kwargs):
        super().__init__(*args, **kwargs)
        self.check = check

    def is_shown(self, request):
        return self.check(request.user)


class CommunityMenuItem(SubmenuMenuItem):
    def is_shown(self, request):
        return any(item.is_shown(request) for item in self.menu.registered_menu_items)


def _contact_or_secretariat(user) -> bool:
    return is_secretariat(user) or user.contact_for_groups.exists()


@hooks.register("register_admin_urls")
def register_community_urls():
    return [
        path("faellesskab/tilmeldinger/", admin_views.SignupsView.as_view(),
             name="community_signups"),
        path("faellesskab/frivillige/", admin_views.VolunteersView.as_view(),
             name="community_volunteers"),
        path("faellesskab/billeder/", admin_views.PhotosView.as_view(), name="community_photos"),
        path("faellesskab/persondata/", admin_views.PersonalDataView.as_view(),
             name="community_personal_data"),
        path("faellesskab/inviter/", admin_views.InviteView.as_view(), name="community_invite"),
        path("faellesskab/indsendelser/<int:pk>/svar/", answer_views.AnswerView.as_view(),
             name="contribution_answer"),
    ]  # fmt: skip


@hooks.register("register_admin_menu_item")
def register_community_menu():
    items = [
        CheckedMenuItem("Tilmeldinger", reverse("community_signups"), icon_name="user",
                        order=10, check=_contact_or_secretariat),
        CheckedMenuItem("Frivillige", reverse("community_volunteers"), icon_name="group",
                        order=20, check=is_secretariat),
        CheckedMenuItem("Indsendte billeder", reverse("community_photos"), icon_name="image",
                        order=30, check=is_secretariat),
        CheckedMenuItem("Persondata", reverse("community_personal_data"), icon_name="lock",
                        order=40, check=personal_data.can_manage_personal_data),
        CheckedMenuItem("Standardsvar til borgere",
                        reverse("wagtailsnippets_home_standardanswer:list"),
                        icon_name="openquote", order=35, check=is_secretariat),
        CheckedMenuItem("Inviter medredaktør", reverse("community_invite"), icon_name="mail",
                        order=50, check=is_secretariat),
    ]  # fmt: skip
    return CommunityMenuItem("Fællesskab", Menu(items=items), icon_name="group", order=400)
