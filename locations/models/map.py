"""The community map ("Kort") and its suggestion routes.

The map's own listing and filters are here, on the page; the residents'
suggestion forms are views (`locations.views`) that the routes hand over to.
Those views import the model modules they need, never this one, so the
imports run one way.
"""

from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page

from home.cache import not_a_variant
from home.image_moderation import ModeratedImagesPage
from home.languages import danish_listing_page, in_reader_language
from home.readability_panel import LixPanel
from locations.geo import map_config
from locations.views import suggest_correction, suggest_place

from .place import PlacePage
from .taxonomy import Facility, PlaceCategory


def filter_places(places, category_slug: str, facility_slugs: list[str]):
    """Narrow places to one category and *all* of the given facilities.

    Returns (places, category, facilities, unknown) where `unknown` lists the
    parameter names whose value matched nothing, so callers can explain it.
    """
    unknown = []
    category = None
    if category_slug:
        category = PlaceCategory.objects.filter(slug=category_slug).first()
        if category is None:
            unknown.append(("category", category_slug))
        else:
            places = places.filter(category=category)
    facilities = []
    for slug in facility_slugs:
        facility = Facility.objects.filter(slug=slug).first()
        if facility is None:
            unknown.append(("facility", slug))
        else:
            facilities.append(facility)
            places = places.filter(facilities=facility)
    if unknown:
        places = places.none()
    return places, category, facilities, unknown


class MapPage(RoutablePageMixin, ModeratedImagesPage, Page):
    """Every published place on a map and in a list, filterable without JavaScript.

    The suggestion form lives under this page (`/kort/foreslaa/`) so its URL follows
    the map wherever editors move it.
    """

    intro = models.TextField("Indledning", blank=True, max_length=500)
    suggestion_intro = models.TextField(
        "Tekst over forslagsformularen",
        blank=True,
        max_length=800,
        default="Kender du et sted, der mangler på kortet? Fortæl os om det. "
        "Sekretariatet kigger forslaget igennem, før det kommer på kortet.",
    )
    thank_you_text = models.TextField(
        "Tak-tekst",
        blank=True,
        max_length=800,
        default="Tak for dit forslag! Sekretariatet kigger på det og sætter det på kortet, "
        "når det er godkendt.",
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("suggestion_intro"), FieldPanel("thank_you_text")],
            heading="Forslag fra borgere",
        ),
        LixPanel(("intro", "suggestion_intro", "thank_you_text")),
    ]
    api_fields = [APIField("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["locations.PlacePage"]
    max_count = 1

    class Meta:
        verbose_name = "Kort"
        verbose_name_plural = "Kort"

    def places(self):
        # The Danish map's places in every language (each place starts in Danish).
        return (
            PlacePage.objects.child_of(danish_listing_page(self))
            .live()
            .public()
            .select_related("category")
            .prefetch_related("facilities")
            .order_by("title")
        )

    def map_context(self, request) -> dict:
        """The places, markers and filters the map shows for this request."""
        # Each place as this reader reads it: its translation, else the Danish one.
        all_places = in_reader_language(self.places())
        category_slug = request.GET.get("kategori", "").strip()
        facility_slugs = [s.strip() for s in request.GET.getlist("facilitet") if s.strip()]
        places, category, facilities, unknown = filter_places(
            self.places(), category_slug, facility_slugs
        )
        if unknown:
            not_a_variant(request)  # a filter value that matches nothing: "no such"
        used_category_ids = {p.category_id for p in all_places}
        used_facility_ids = {f.pk for p in all_places for f in p.facilities.all()}
        return {
            "places": in_reader_language(places),
            "place_count": len(all_places),
            "markers": [p.marker_data(request) for p in all_places if p.has_point],
            "categories": PlaceCategory.objects.filter(pk__in=used_category_ids),
            "facilities": Facility.objects.filter(pk__in=used_facility_ids),
            "selected_category": category_slug,
            "selected_facilities": facility_slugs,
            "unknown_filters": unknown,
            "is_filtered": bool(category_slug or facility_slugs),
            "map_config": map_config(),
        }

    @path("")
    def index_route(self, request, *args, **kwargs):
        return self.render(request, context_overrides=self.map_context(request))

    @path("foreslaa/")
    def suggest_route(self, request):
        return suggest_place(request, self)

    @path("foreslaa/rettelse/<int:place_id>/")
    def correct_route(self, request, place_id):
        return suggest_correction(request, self, place_id)

    @path("foreslaa/tak/")
    def thanks_route(self, request):
        return self.render(
            request, template="locations/suggestion_thanks.html", context_overrides={}
        )
