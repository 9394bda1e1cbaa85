from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from stories.models import Partner


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
