from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home.admin_access import PrivateSnippetChooserViewSet
from stories.models import EventCategory, EventSubmission, Partner


class PartnerViewSet(SnippetViewSet):
    model = Partner
    icon = "group"
    menu_label = "Partnere"
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["name", "kind", "url"]
    list_filter = ["kind"]
    search_fields = ["name"]


register_snippet(PartnerViewSet)


class EventCategoryViewSet(SnippetViewSet):
    """Editors add new kinds of events ("Madfællesskab") without a developer."""

    model = EventCategory
    icon = "tag"
    menu_label = "Begivenhedskategorier"
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["name", "slug"]
    search_fields = ["name"]


class EventSubmissionViewSet(SnippetViewSet):
    """Who suggested which event: for the secretariat only, never public."""

    model = EventSubmission
    icon = "mail"
    menu_label = "Forslag fra borgere"
    menu_order = 320
    add_to_admin_menu = True
    inspect_view_enabled = True
    list_display = ["page", "name", "email", "created_at"]
    search_fields = ["name", "email"]
    # Its chooser would otherwise list submitters to anyone in the admin.
    chooser_viewset_class = PrivateSnippetChooserViewSet


register_snippet(EventCategoryViewSet)
register_snippet(EventSubmissionViewSet)


@hooks.register("before_publish_page")
def no_unmoderated_images_on_publish(request, page):
    from stories.moderation import refuse_unmoderated_images

    return refuse_unmoderated_images(request, page)
