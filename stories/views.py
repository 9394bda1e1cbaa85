"""What 'Det sker' shows a resident: the listing behind `EventIndexPage`'s own
route (`stories.page_views`). The suggestion form is `stories.submissions`;
groups and photo calls are `stories.community.views`."""

from __future__ import annotations

from itertools import groupby

from django.db.models import Min
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from home.cache import not_a_variant
from home.languages import danish_listing_page
from stories.event_listing import archive_start, read_listing
from stories.models.event_index import PERIODS, EventIndexPage
from stories.models.event_taxonomy import Audience, EventCategory
from stories.occurrences import (
    event_queryset,
    filter_events,
    in_reader_language,
    occurrences_between,
)


def event_index_view(request: HttpRequest, index: EventIndexPage) -> HttpResponse:
    """The days of the period, month or date the address asks for, filtered.

    A month or date the listing cannot show is explained on the page, as a 400.
    """
    shown = index
    # The Danish Det sker's events in every language (each read in the reader's).
    index = danish_listing_page(index)
    audience = request.GET.get("malgruppe", "")
    audience = audience if audience in Audience.values else ""
    category = request.GET.get("kategori", "").strip()[:80]
    place = request.GET.get("sted", "").strip()[:100]
    filters = {"malgruppe": audience, "kategori": category, "sted": place}
    if (
        (request.GET.get("malgruppe") and not audience)
        or (category and not EventCategory.objects.filter(slug=category).exists())
        or (place and not index.places().filter(slug=place).exists())
    ):
        not_a_variant(request)  # a filter value that matches nothing: "no such"
    today = timezone.localdate()
    first_day = event_queryset().child_of(index).aggregate(first=Min("start_date"))["first"]
    listing = read_listing(request.GET, today, filters, archive_start(first_day, today))
    events = filter_events(
        event_queryset().child_of(index), category=category, audience=audience, place=place
    )
    occurrences = in_reader_language(
        occurrences_between(listing.first_day, listing.last_day, events)
    )
    response = shown.render(
        request,
        context_overrides={
            "listing": listing,
            "period": listing.period,
            "periods": PERIODS,
            "first_day": listing.first_day,
            "last_day": listing.last_day,
            "days": [
                (day, list(items)) for day, items in groupby(occurrences, lambda o: o.start.date())
            ],
            "occurrence_count": len(occurrences),
            "audience": audience,
            "audiences": Audience.choices,
            "category": category,
            "categories": EventCategory.objects.filter(events__live=True).distinct(),
            "place": place,
            "places": index.places(),
            "filters_active": bool(audience or category or place),
        },
    )
    if listing.error:
        response.status_code = 400
    return response
