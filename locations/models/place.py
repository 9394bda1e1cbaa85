"""A place on the community map ("Sted")."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from rest_framework.fields import CharField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.images import get_image_model
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtailgeowidget import geocoders
from wagtailgeowidget.panels import GeoAddressPanel

from home.image_moderation import ModeratedImagesPage
from home.languages import reader_url
from home.readability_panel import LixPanel
from home.visibility import as_queryset
from locations.geo import ISHOJ_BBOX, build_location, map_config, parse_location
from locations.panels import LocalLeafletPanel


class PlaceGalleryImage(Orderable):
    """A photo of the place; alt text is required because the image carries content."""

    page = ParentalKey(
        "locations.PlacePage", related_name="gallery_images", on_delete=models.CASCADE
    )
    image = models.ForeignKey(
        get_image_model(), verbose_name="Billede", on_delete=models.CASCADE, related_name="+"
    )
    alt_text = models.CharField(
        "Alternativ tekst",
        max_length=250,
        help_text="Beskriv billedet for dem, der ikke kan se det.",
    )
    caption = models.CharField("Billedtekst", max_length=250, blank=True)

    panels = [FieldPanel("image"), FieldPanel("alt_text"), FieldPanel("caption")]

    class Meta(Orderable.Meta):
        verbose_name = "Billede"
        verbose_name_plural = "Billeder"


class PlacePage(ModeratedImagesPage, Page):
    """One place residents can go: a playground, a beach, a café, a culture house.

    The point is edited with wagtailgeowidget (text "SRID=4326;POINT(lng lat)" in
    `location`) and copied into `latitude`/`longitude` on every save, so the map,
    the GeoJSON feed and queries never parse text.
    """

    category = models.ForeignKey(
        "locations.PlaceCategory",
        verbose_name="Kategori",
        null=True,
        blank=False,
        on_delete=models.SET_NULL,
        related_name="places",
    )
    facilities = ParentalManyToManyField(
        "locations.Facility", verbose_name="Faciliteter", blank=True, related_name="places"
    )
    intro = models.TextField(
        "Kort beskrivelse",
        max_length=300,
        blank=True,
        help_text="En-to sætninger. Vises i listen og i boblen på kortet.",
    )
    description = RichTextField(
        "Beskrivelse", blank=True, features=["bold", "italic", "link", "ol", "ul"]
    )
    address = models.CharField(
        "Adresse",
        max_length=250,
        blank=True,
        help_text="Fx 'Skovvej 100, 2635 Ishøj'. Skriv adressen og find punktet på kortet.",
    )
    location = models.CharField(
        "Placering på kortet",
        max_length=250,
        help_text="Klik på kortet eller træk markøren. Skal udfyldes, før stedet offentliggøres.",
    )
    latitude = models.FloatField("Breddegrad", null=True, blank=True, editable=False)
    longitude = models.FloatField("Længdegrad", null=True, blank=True, editable=False)
    opening_hours = models.TextField(
        "Åbningstider",
        blank=True,
        max_length=500,
        help_text="Fx 'Hele døgnet' eller 'Man–fre 10–18'.",
    )
    phone = models.CharField("Telefon", max_length=40, blank=True)
    email = models.EmailField("E-mail", blank=True)
    website = models.URLField("Link", blank=True, help_text="Stedets egen hjemmeside.")
    external_id = models.CharField(
        "Eksternt id",
        max_length=100,
        blank=True,
        db_index=True,
        help_text="Id fra en importeret GeoJSON-fil. "
        "Bruges til at opdatere stedet i stedet for at oprette det igen.",
    )
    stories = ParentalManyToManyField(
        "stories.StoryPage", verbose_name="Historier", blank=True, related_name="places"
    )

    content_panels = Page.content_panels + [
        FieldPanel("category"),
        FieldPanel("intro"),
        FieldPanel("description"),
        LixPanel(("intro", "description")),
        MultiFieldPanel(
            [
                GeoAddressPanel("address", geocoder=geocoders.NOMINATIM),
                LocalLeafletPanel("location", address_field="address", zoom=15),
            ],
            heading="Adresse og placering",
        ),
        FieldPanel("facilities", widget=forms.CheckboxSelectMultiple),
        MultiFieldPanel(
            [
                FieldPanel("opening_hours"),
                FieldPanel("phone"),
                FieldPanel("email"),
                FieldPanel("website"),
            ],
            heading="Åbningstider og kontakt",
        ),
        InlinePanel("gallery_images", label="Billeder", heading="Billeder"),
        FieldPanel("stories"),
    ]
    settings_panels = Page.settings_panels + [FieldPanel("external_id")]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("description"),
        index.SearchField("address"),
        index.FilterField("category"),
    ]
    # The API keeps publishing the short text as `summary` (docs/api.md), the
    # name municipal sites read since the start; filters and `order=` too.
    api_public_names = {"summary": "intro"}
    api_fields = [
        APIField("summary", serializer=CharField(source="intro", read_only=True)),
        APIField("description"),
        APIField("address"),
        APIField("latitude"),
        APIField("longitude"),
        APIField("opening_hours"),
        APIField("website"),
    ]
    parent_page_types = ["locations.MapPage"]
    subpage_types = []

    class Meta:
        verbose_name = "Sted"
        verbose_name_plural = "Steder"

    def clean(self):
        super().clean()
        if self.location:
            point = parse_location(self.location)
            if point is None:
                raise ValidationError(
                    {"location": "Placeringen kan ikke læses. Klik på kortet for at sætte punktet."}
                )
            if not ISHOJ_BBOX.contains(*point):
                raise ValidationError(
                    {"location": "Punktet ligger uden for Ishøj. Flyt markøren ind i kommunen."}
                )
        self._sync_coordinates()

    def save(self, *args, **kwargs):
        self._sync_coordinates()
        return super().save(*args, **kwargs)

    def _sync_coordinates(self):
        point = parse_location(self.location)
        if point:
            self.latitude, self.longitude = point
        elif not self.location:
            self.latitude = self.longitude = None

    def set_point(self, lat: float, lng: float):
        """Set the point from code (import, demo) in both representations at once."""
        self.location = build_location(lat, lng)
        self.latitude, self.longitude = lat, lng

    @property
    def has_point(self) -> bool:
        return self.latitude is not None and self.longitude is not None

    def facility_list(self):
        return sorted(self.facilities.all(), key=lambda f: f.name)

    def marker_data(self, request=None) -> dict:
        """What the map's JavaScript needs for one marker and its popup."""
        return {
            "id": self.pk,
            "name": self.title,
            "url": reader_url(self, request=request),
            "lat": self.latitude,
            "lng": self.longitude,
            "intro": self.intro,
            "category": self.category.slug if self.category else "",
            "categoryName": self.category.name if self.category else "",
            "facilities": [f.slug for f in self.facility_list()],
            "facilityNames": [f.name for f in self.facility_list()],
        }

    def public_stories(self):
        return as_queryset(self.stories).live().public().order_by("-date", "-pk")

    def related_events(self):
        """Published events held here (EventPage.place, a string foreign key from stories)."""
        return list(self.events.live().public())

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if self.has_point:
            context["map_config"] = map_config(center=(self.latitude, self.longitude), zoom=16)
            context["markers"] = [self.marker_data(request)]
        context["place_stories"] = list(self.public_stories())
        context["place_events"] = self.related_events()
        context["map_page"] = self.get_parent().specific
        return context
