"""Admin for the map's taxonomy and the residents' suggestions, grouped under "Steder"."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from home.admin_access import PrivateSnippetChooserViewSet
from locations.models import Facility, PlaceCategory, PlaceSuggestion


class PlaceCategoryViewSet(SnippetViewSet):
    model = PlaceCategory
    icon = "tag"
    menu_label = "Kategorier"
    list_display = ["name", "slug"]
    search_fields = ["name"]


class FacilityViewSet(SnippetViewSet):
    model = Facility
    icon = "list-ul"
    menu_label = "Faciliteter"
    list_display = ["name", "slug"]
    search_fields = ["name"]


class PlaceSuggestionViewSet(SnippetViewSet):
    model = PlaceSuggestion
    icon = "mail"
    menu_label = "Forslag fra borgere"
    list_display = ["place_name", "kind", "created_at", "is_handled"]
    list_filter = ["kind", "is_handled"]
    search_fields = ["place_name", "message"]
    # Its chooser would otherwise list submitters to anyone in the admin.
    chooser_viewset_class = PrivateSnippetChooserViewSet


class LocationsViewSetGroup(SnippetViewSetGroup):
    items = (PlaceSuggestionViewSet, PlaceCategoryViewSet, FacilityViewSet)
    menu_icon = "site"
    menu_label = "Steder"
    menu_name = "steder"
    menu_order = 310


register_snippet(LocationsViewSetGroup)
