"""Events ("Begivenheder"): what happens in Ishøj, once or again and again.

Times are stored as wall-clock dates and times in Europe/Copenhagen, not as UTC
instants: "every Tuesday 13–16" must stay 13–16 on both sides of a daylight
saving change. `stories.recurrence` turns these fields into occurrences.
"""

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any, ClassVar

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Orderable, Page
from wagtail.search import index

from home.image_moderation import ModeratedImagesPage
from home.page_extensions import ExtensiblePreviewMixin
from home.readability_panel import LixPanel
from home.search.languages import language_of
from home.sharing import SharedEvent, ShareFields, SharesContent, absolute
from home.text import MONTHS_DA, WEEKDAYS_DA
from stories.blocks import StoryBodyBlock
from stories.event_links import directions
from stories.feeds.schema_org import event_json_ld
from stories.recurrence import TZ, Frequency, Occurrence, Ordinal, expand_event, next_occurrences

from .event_fields import ChoiceListField
from .event_taxonomy import Audience, Weekday

EVENT_CARD_SPEC = "fill-640x400"
EVENT_WIDE_SPEC = "width-1200"
EVENT_SOCIAL_SPEC = "fill-1200x630"
EVENT_RENDITION_SPECS = (EVENT_CARD_SPEC, EVENT_WIDE_SPEC, EVENT_SOCIAL_SPEC)


class EventPage(SharesContent, ExtensiblePreviewMixin, ModeratedImagesPage, Page):
    """One event, possibly recurring, with where, when, for whom and at what price."""

    intro = models.TextField(
        "Kort beskrivelse",
        max_length=300,
        help_text="En-to sætninger. Vises i oversigten, i feeds og på andre kommuners sites.",
    )
    body = StreamField(StoryBodyBlock(), verbose_name="Brødtekst", blank=True)
    image = models.ForeignKey(
        get_image_model(),
        verbose_name="Billede",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image_alt = models.CharField(
        "Alternativ tekst til billedet",
        max_length=250,
        blank=True,
        help_text="Beskriv billedet for dem, der ikke kan se det. "
        "Skal udfyldes, hvis der er et billede.",
    )

    start_date = models.DateField("Dato", help_text="Den (første) dag, begivenheden finder sted.")
    all_day = models.BooleanField("Hele dagen", default=False)
    start_time = models.TimeField("Starttidspunkt", null=True, blank=True)
    end_time = models.TimeField("Sluttidspunkt", null=True, blank=True)
    end_date = models.DateField(
        "Slutdato",
        null=True,
        blank=True,
        help_text="Kun hvis begivenheden varer flere dage, fx en festival.",
    )

    frequency = models.CharField(
        "Gentagelse", max_length=10, choices=Frequency.choices, default=Frequency.NONE
    )
    interval = models.PositiveSmallIntegerField(
        "Hver …",
        default=1,
        help_text="1 = hver uge/måned, 2 = hver anden uge/måned osv.",
    )
    weekdays = ChoiceListField(
        "Ugedage",
        choices=Weekday.choices,
        max_length=20,
        help_text="Ved ugentlig gentagelse. Tomt = samme ugedag som datoen.",
    )
    monthly_ordinal = models.SmallIntegerField(
        "Hvilken i måneden",
        choices=Ordinal.choices,
        null=True,
        blank=True,
        help_text="Ved månedlig gentagelse, fx 'første' søndag. Tomt = samme dato hver måned.",
    )
    monthly_weekday = models.SmallIntegerField(
        "Ugedag i måneden", choices=Weekday.choices, null=True, blank=True
    )
    repeat_until = models.DateField("Gentages til og med", null=True, blank=True)
    repeat_count = models.PositiveSmallIntegerField(
        "Antal gange i alt",
        null=True,
        blank=True,
        help_text="Brug enten en slutdato eller et antal – eller ingen af dem for 'indtil videre'.",
    )

    place = models.ForeignKey(
        "locations.PlacePage",
        verbose_name="Sted på kortet",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
        help_text="Vælg stedet, hvis det findes på kortet. Ellers udfyld navn og adresse herunder.",
    )
    place_name = models.CharField("Stedets navn", max_length=150, blank=True)
    address = models.CharField(
        "Adresse", max_length=250, blank=True, help_text="Fx 'Vejleåparken 2, 2635 Ishøj'."
    )
    latitude = models.FloatField("Breddegrad", null=True, blank=True)
    longitude = models.FloatField("Længdegrad", null=True, blank=True)

    organiser = models.CharField("Arrangør", max_length=150, blank=True)
    contact = models.CharField(
        "Kontakt", max_length=200, blank=True, help_text="Telefon eller e-mail til arrangøren."
    )
    is_free = models.BooleanField("Gratis", default=True)
    price_dkk = models.DecimalField(
        "Pris i kr.", max_digits=8, decimal_places=2, null=True, blank=True
    )
    audience = ChoiceListField("Målgruppe", choices=Audience.choices, max_length=80)
    categories = ParentalManyToManyField(
        "stories.EventCategory", verbose_name="Kategorier", blank=True, related_name="events"
    )
    signup_url = models.URLField("Link til tilmelding", blank=True)
    accessibility = models.TextField(
        "Tilgængelighed",
        blank=True,
        max_length=1000,
        help_text="Fx trappefri adgang, handicaptoilet, teleslynge.",
    )
    stories = ParentalManyToManyField(
        "stories.StoryPage", verbose_name="Historier", blank=True, related_name="events"
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt")], heading="Billede"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                FieldPanel("all_day"),
                FieldRowPanel([FieldPanel("start_time"), FieldPanel("end_time")]),
            ],
            heading="Tidspunkt",
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("frequency"), FieldPanel("interval")]),
                FieldPanel("weekdays"),
                FieldRowPanel([FieldPanel("monthly_ordinal"), FieldPanel("monthly_weekday")]),
                FieldRowPanel([FieldPanel("repeat_until"), FieldPanel("repeat_count")]),
            ],
            heading="Gentagelse",
        ),
        InlinePanel("cancellations", label="Aflyst gang", heading="Aflysninger"),
        InlinePanel("moves", label="Flyttet gang", heading="Flyttede gange"),
        MultiFieldPanel(
            [
                FieldPanel("place"),
                FieldPanel("place_name"),
                FieldPanel("address"),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading="Sted",
        ),
        MultiFieldPanel(
            [
                FieldPanel("organiser"),
                FieldPanel("contact"),
                FieldRowPanel([FieldPanel("is_free"), FieldPanel("price_dkk")]),
                FieldPanel("signup_url"),
                FieldPanel("audience"),
                FieldPanel("categories"),
                FieldPanel("accessibility"),
                FieldPanel("stories"),
            ],
            heading="Praktisk",
        ),
        FieldPanel("body"),
        LixPanel(("intro", "body")),
    ]
    # The channel layer appends its "Kanaler" tab and preview (channels/apps.py).
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading="Indhold"),
            ObjectList(Page.promote_panels, heading="Promover"),
            ObjectList(Page.settings_panels, heading="Indstillinger"),
        ]
    )
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        index.SearchField("organiser"),
        index.SearchField("place_name"),
        index.FilterField("start_date"),
    ]
    api_fields = [
        APIField("intro"),
        APIField("start_date"),
        APIField("start_time"),
        APIField("end_time"),
        APIField("all_day"),
        APIField("place_name"),
        APIField("address"),
        APIField("organiser"),
    ]
    # What the channels share (home/sharing.py): intro, image and image_alt by
    # their common names; the categories are the post's tags.
    share_fields = ShareFields(kind="event", tags="categories", videos_in="body")
    SHARED_WINDOW_DAYS = 366
    occurrence_document: ClassVar[Callable[[Occurrence], dict[str, Any]] | None] = None
    """The event feed's item for one occurrence (stories.feeds.serialize), supplied
    in StoriesConfig.ready(): the feed's serializer sits above the models."""
    parent_page_types = ["stories.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "Begivenhed"
        verbose_name_plural = "Begivenheder"

    def suggested_image(self):
        """The image a resident sent with this suggested event, if it is one."""
        from stories.models.event_submission import EventSubmission

        if self.image_id is None or not EventSubmission.objects.filter(page_id=self.pk).exists():
            return None
        return self.image

    def images_publishing_approves(self) -> set[int]:
        """A resident's suggested event: publishing it approves its own image
        (stories/moderation.py releases it on page_published)."""
        return {self.image_id} if self.suggested_image() is not None else set()

    def clean(self):
        super().clean()
        errors: dict[str, str] = {}
        if self.image_id and not self.image_alt.strip():
            errors["image_alt"] = "Skriv en alternativ tekst, når der er et billede."
        if not self.all_day and self.start_time is None:
            errors["start_time"] = "Angiv et starttidspunkt, eller vælg 'Hele dagen'."
        if self.end_date and self.end_date < self.start_date:
            errors["end_date"] = "Slutdatoen kan ikke ligge før datoen."
        if (
            not self.all_day
            and self.start_time
            and self.end_time
            and (self.end_date in (None, self.start_date))
            and self.end_time <= self.start_time
        ):
            errors["end_time"] = "Sluttidspunktet skal ligge efter starttidspunktet."
        if (self.latitude is None) != (self.longitude is None):
            errors["longitude"] = "Udfyld både bredde- og længdegrad – eller ingen af dem."
        if self.latitude is not None and not -90 <= self.latitude <= 90:
            errors["latitude"] = "Breddegraden skal ligge mellem -90 og 90."
        if self.longitude is not None and not -180 <= self.longitude <= 180:
            errors["longitude"] = "Længdegraden skal ligge mellem -180 og 180."
        if not self.is_free and self.price_dkk is None:
            errors["price_dkk"] = "Angiv en pris, eller marker begivenheden som gratis."
        if self.frequency != Frequency.NONE:
            if self.repeat_until and self.repeat_count:
                errors["repeat_count"] = "Brug enten 'gentages til og med' eller 'antal gange'."
            if self.repeat_until and self.repeat_until < self.start_date:
                errors["repeat_until"] = "Slutdatoen for gentagelsen ligger før første gang."
            if (self.monthly_ordinal is None) != (self.monthly_weekday is None):
                errors["monthly_weekday"] = (
                    "Vælg både 'hvilken i måneden' og ugedag, fx første + søndag."
                )
            if not self.interval:
                errors["interval"] = "Skriv 1 for hver gang, 2 for hver anden osv."
        if errors:
            raise ValidationError(errors)

    # --- Derived values used by the site, the feeds and the widget ---------

    @property
    def language(self) -> str:
        """The language code of the event's locale ("da", "ar"), as feeds name it."""
        return language_of(self)

    @property
    def is_recurring(self) -> bool:
        return self.frequency != Frequency.NONE

    @property
    def duration(self) -> timedelta:
        """Length of one occurrence in wall-clock time (whole days for all-day)."""
        last_day = self.end_date or self.start_date
        if self.all_day or self.start_time is None:
            return timedelta(days=(last_day - self.start_date).days + 1)
        end_time = self.end_time or self.start_time
        delta = datetime.combine(last_day, end_time) - datetime.combine(
            self.start_date, self.start_time
        )
        if not self.end_time:
            return timedelta(hours=1) if delta <= timedelta(0) else delta
        return delta if delta > timedelta(0) else timedelta(hours=1)

    def shared_event(self) -> SharedEvent:
        """When and where, and every occurrence in the coming year for listings."""
        upcoming = [o for o in next_occurrences(self, limit=3) if not o.is_cancelled]
        when = ""
        if upcoming:
            start = upcoming[0].start
            when = (
                f"{WEEKDAYS_DA[start.weekday()].capitalize()} {start.day}. "
                f"{MONTHS_DA[start.month - 1]}"
            )
            if not upcoming[0].all_day:
                when += f" kl. {start:%H.%M}"
            if len(upcoming) > 1:
                when += " (og flere gange)"
        return SharedEvent(when_da=when, where=self.location_name, occurrences=self._documents())

    def _documents(self) -> tuple[dict[str, Any], ...]:
        serialize = type(self).occurrence_document
        if serialize is None:
            return ()
        today = timezone.now().astimezone(TZ).date()
        items = []
        for occurrence in expand_event(
            self, today, today + timedelta(days=self.SHARED_WINDOW_DAYS)
        ):
            item = serialize(occurrence)
            image = item.get("image") or {}
            for rendition in (image.get("renditions") or {}).values():
                rendition["url"] = absolute(rendition["url"])
            items.append(item)
        return tuple(items)

    @property
    def linked_place(self):
        """The `locations.PlacePage` this event is held at, if any and if live."""
        place = self.place
        return place if place is not None and place.live else None

    @property
    def location_name(self) -> str:
        place = self.linked_place
        return self.place_name or (place.title if place else "")

    @property
    def location_address(self) -> str:
        place = self.linked_place
        return self.address or (getattr(place, "address", "") if place else "")

    @property
    def coordinates(self) -> tuple[float, float] | None:
        """(latitude, longitude) of the event's own fields, else of its place."""
        if self.latitude is not None and self.longitude is not None:
            return (self.latitude, self.longitude)
        place = self.linked_place
        lat, lon = getattr(place, "latitude", None), getattr(place, "longitude", None)
        if lat is not None and lon is not None:
            return (float(lat), float(lon))
        return None

    @property
    def audience_labels(self) -> list[str]:
        return [Audience(a).label for a in self.audience if a in Audience.values]

    @property
    def price_label(self) -> str:
        if self.is_free or self.price_dkk is None:
            return "Gratis"
        amount = f"{self.price_dkk:.2f}".replace(".", ",").removesuffix(",00")
        return f"{amount} kr."

    @property
    def live_stories(self) -> list:
        """Published stories this event belongs to; works in previews too, where
        the relation is an in-memory list rather than a query."""
        return [story for story in self.stories.all() if story.live]

    @cached_property
    def renditions(self) -> dict:
        """Every rendition the event is shown in, fetched in one query."""
        if self.image is None:
            return {}
        return self.image.get_renditions(*EVENT_RENDITION_SPECS)

    @property
    def image_card(self):
        return self.renditions.get(EVENT_CARD_SPEC)

    @property
    def image_wide(self):
        return self.renditions.get(EVENT_WIDE_SPEC)

    @property
    def image_social(self):
        return self.renditions.get(EVENT_SOCIAL_SPEC)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        upcoming = next_occurrences(self, limit=8)
        context["occurrences"] = upcoming
        context["event_json_ld"] = event_json_ld(upcoming, request)
        context["directions"] = directions(self.coordinates, self.location_address)
        return context


class EventCancellation(Orderable):
    """One cancelled date of a recurring event; it shows as "Aflyst"."""

    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="cancellations")
    date = models.DateField("Dato, der aflyses")
    reason = models.CharField("Årsag", max_length=200, blank=True, help_text="Fx 'Sommerferie'.")

    panels = [FieldPanel("date"), FieldPanel("reason")]

    class Meta(Orderable.Meta):
        verbose_name = "Aflysning"
        verbose_name_plural = "Aflysninger"


class EventMove(Orderable):
    """One occurrence moved to another day or time; the rest of the series stays."""

    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="moves")
    original_date = models.DateField("Oprindelig dato")
    new_date = models.DateField("Ny dato")
    new_start_time = models.TimeField("Nyt starttidspunkt", null=True, blank=True)
    new_end_time = models.TimeField("Nyt sluttidspunkt", null=True, blank=True)
    note = models.CharField("Bemærkning", max_length=200, blank=True)

    panels = [
        FieldPanel("original_date"),
        FieldRowPanel(
            [FieldPanel("new_date"), FieldPanel("new_start_time"), FieldPanel("new_end_time")]
        ),
        FieldPanel("note"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "Flyttet gang"
        verbose_name_plural = "Flyttede gange"

    def clean(self):
        super().clean()
        if self.new_start_time and self.new_end_time and self.new_end_time <= self.new_start_time:
            raise ValidationError(
                {"new_end_time": "Det nye sluttidspunkt skal ligge efter det nye starttidspunkt."}
            )
