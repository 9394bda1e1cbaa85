"""'Det sker': the list residents browse, and the form to suggest an event."""

from datetime import date, timedelta
from itertools import groupby

from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page

from .event_taxonomy import Audience, EventCategory

PERIODS = {
    "i-dag": "I dag",
    "weekend": "I weekenden",
    "30-dage": "De næste 30 dage",
}
DEFAULT_PERIOD = "30-dage"


def period_range(period: str, today: date) -> tuple[date, date]:
    """First and last day of a named period, counted from `today`."""
    if period == "i-dag":
        return today, today
    if period == "weekend":
        if today.weekday() == 6:
            return today, today
        saturday = today + timedelta(days=(5 - today.weekday()) % 7)
        return max(saturday, today), saturday + timedelta(days=1)
    return today, today + timedelta(days=29)


class EventIndexPage(RoutablePageMixin, Page):
    """ "Det sker": what happens in Ishøj today, this weekend, the next 30 days, and
    month by month as far as the feed reaches (stories/event_listing.py)."""

    intro = models.TextField("Indledning", blank=True, max_length=500)
    submission_intro = models.TextField(
        "Tekst over forslagsformularen",
        blank=True,
        max_length=1000,
        default="Ved du noget, der sker i Ishøj? Fortæl os om det. Sekretariatet ser "
        "forslaget igennem, før det kommer på siden.",
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("submission_intro")]
    api_fields = [APIField("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["stories.EventPage"]
    max_count = 1

    class Meta:
        verbose_name = "Begivenhedsoversigt"
        verbose_name_plural = "Begivenhedsoversigter"

    @path("")
    def listing(self, request):
        return self.render(request)

    @path("foreslaa/", name="suggest")
    def suggest(self, request):
        from stories.submissions import suggest_event_view

        return suggest_event_view(request, self)

    def get_context(self, request, *args, **kwargs):
        from stories.event_listing import read_listing
        from stories.occurrences import event_queryset, filter_events, occurrences_between

        context = super().get_context(request, *args, **kwargs)
        audience = request.GET.get("malgruppe", "")
        audience = audience if audience in Audience.values else ""
        category = request.GET.get("kategori", "").strip()[:80]
        place = request.GET.get("sted", "").strip()[:100]
        filters = {"malgruppe": audience, "kategori": category, "sted": place}
        listing = read_listing(request.GET, timezone.localdate(), filters)
        events = filter_events(
            event_queryset().child_of(self), category=category, audience=audience, place=place
        )
        occurrences = occurrences_between(listing.first_day, listing.last_day, events)
        context.update(
            listing=listing,
            period=listing.period,
            periods=PERIODS,
            first_day=listing.first_day,
            last_day=listing.last_day,
            days=[
                (day, list(items)) for day, items in groupby(occurrences, lambda o: o.start.date())
            ],
            occurrence_count=len(occurrences),
            audience=audience,
            audiences=Audience.choices,
            category=category,
            categories=EventCategory.objects.filter(events__live=True).distinct(),
            place=place,
            places=self._places(),
            filters_active=bool(audience or category or place),
        )
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        # A month or date the listing cannot show is explained on the page, as a 400.
        listing = getattr(response, "context_data", {}).get("listing")
        if listing is not None and listing.error:
            response.status_code = 400
        return response

    def _places(self):
        """Places that have a live event here, for the filter's dropdown."""
        from django.apps import apps

        place_model = apps.get_model("locations", "PlacePage")
        return (
            place_model.objects.live()
            .filter(events__live=True, events__path__startswith=self.path)
            .distinct()
            .order_by("title")
            .only("id", "title", "slug")
        )
