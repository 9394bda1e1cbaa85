"""'Det sker': the list residents browse, and the form to suggest an event.

Both routes are answered by views above the models (`stories.views`,
`stories.submissions`), supplied through `stories.page_views`.
"""

from datetime import date, timedelta

from django.apps import apps
from django.db import models
from django.utils.translation import gettext_lazy
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page

from home.image_moderation import ModeratedImagesPage
from home.readability_panel import LixPanel
from stories import page_views

# Read in the reader's language (msgids in home/locale).
PERIODS = {
    "i-dag": gettext_lazy("I dag"),
    "weekend": gettext_lazy("I weekenden"),
    "30-dage": gettext_lazy("De næste 30 dage"),
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


class EventIndexPage(RoutablePageMixin, ModeratedImagesPage, Page):
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

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("submission_intro"),
        LixPanel(("intro", "submission_intro")),
    ]
    api_fields = [APIField("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["stories.EventPage"]
    max_count = 1

    class Meta:
        verbose_name = "Begivenhedsoversigt"
        verbose_name_plural = "Begivenhedsoversigter"

    @path("")
    def listing(self, request):
        return page_views.serve("event_index", request, self)

    @path("foreslaa/", name="suggest")
    def suggest(self, request):
        return page_views.serve("suggest_event", request, self)

    def places(self):
        """Places that have a live event here, for the filter's dropdown.

        `locations` sits beside `stories`, not below it: its model is found by name,
        as the events' foreign key names it."""
        return (
            apps.get_model("locations", "PlacePage")
            .objects.live()
            .filter(events__live=True, events__path__startswith=self.path)
            .distinct()
            .order_by("title")
            .only("id", "title", "slug")
        )
