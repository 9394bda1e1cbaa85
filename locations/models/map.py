"""The community map ("Kort") and its suggestion routes."""

from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page


class MapPage(RoutablePageMixin, Page):
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
    ]
    api_fields = [APIField("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["locations.PlacePage"]
    max_count = 1

    class Meta:
        verbose_name = "Kort"
        verbose_name_plural = "Kort"

    def places(self):
        from locations.models.place import PlacePage

        return (
            PlacePage.objects.child_of(self)
            .live()
            .public()
            .select_related("category")
            .prefetch_related("facilities")
            .order_by("title")
        )

    @path("")
    def index_route(self, request, *args, **kwargs):
        from locations.views import map_context

        return self.render(request, context_overrides=map_context(self, request))

    @path("foreslaa/")
    def suggest_route(self, request):
        from locations.views import suggest_place

        return suggest_place(request, self)

    @path("foreslaa/rettelse/<int:place_id>/")
    def correct_route(self, request, place_id):
        from locations.views import suggest_correction

        return suggest_correction(request, self, place_id)

    @path("foreslaa/tak/")
    def thanks_route(self, request):
        return self.render(
            request, template="locations/suggestion_thanks.html", context_overrides={}
        )
