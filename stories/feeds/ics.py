"""GET /feeds/begivenheder.ics: 'Det sker' as an RFC 5545 calendar to subscribe to,
and /feeds/begivenheder/<id>.ics: one event to add to a calendar once.

One VEVENT per event carries the series (RRULE, EXDATE for cancelled dates);
each moved date is an extra VEVENT with the same UID and a RECURRENCE-ID. The
rule is written from the same structured fields `stories.recurrence` expands,
so a calendar app shows the dates the site shows.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone
from django.views.decorators.http import condition, require_safe
from icalendar import Calendar, Event

from home.text import plain_text, slugify_da
from stories.feeds.languages import default_language, in_language
from stories.feeds.params import ParameterError, feed_language
from stories.models.event import EventPage, Frequency
from stories.occurrences import event_queryset, fingerprint, in_range, load_exceptions
from stories.recurrence import (
    TZ,
    Exceptions,
    Occurrence,
    OccurrenceStatus,
    expand_event,
    first_start,
    localize,
    rule_for,
    series_start,
)

UID_DOMAIN = "voresishoj.dk"
PAST_DAYS = 90
FUTURE_DAYS = 366
_BYDAY = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def event_uid(event: EventPage) -> str:
    return f"event-{event.pk}@{UID_DOMAIN}"


def _window(today: date) -> tuple[date, date]:
    return today - timedelta(days=PAST_DAYS), today + timedelta(days=FUTURE_DAYS)


def _value(event: EventPage, naive: datetime) -> date | datetime:
    """A DATE for all-day events, else a Copenhagen-zoned DATE-TIME."""
    if event.all_day or event.start_time is None:
        return naive.date()
    return localize(naive)


def recurrence(event: EventPage) -> dict | None:
    """The RRULE as icalendar wants it, from the same fields as `rule_for`."""
    if event.frequency == Frequency.NONE:
        return None
    rule: dict = {"freq": "", "interval": max(1, event.interval or 1), "wkst": "MO"}
    if event.frequency == Frequency.WEEKLY:
        rule["freq"] = "WEEKLY"
        rule["byday"] = [_BYDAY[d] for d in (event.weekdays or [event.start_date.weekday()])]
    elif event.frequency == Frequency.MONTHLY:
        rule["freq"] = "MONTHLY"
        if event.monthly_ordinal is not None and event.monthly_weekday is not None:
            rule["byday"] = [f"{event.monthly_ordinal}{_BYDAY[event.monthly_weekday]}"]
        else:
            rule["bymonthday"] = [event.start_date.day]
    else:
        rule["freq"] = "YEARLY"
        rule["bymonth"] = [event.start_date.month]
        rule["bymonthday"] = [event.start_date.day]
    if event.repeat_count:
        rule["count"] = event.repeat_count
    elif event.repeat_until:
        if event.all_day or event.start_time is None:
            rule["until"] = event.repeat_until
        else:
            # RFC 5545: with a zoned DTSTART, UNTIL must be in UTC.
            last = localize(datetime.combine(event.repeat_until, time(23, 59, 59)))
            rule["until"] = last.astimezone(UTC)
    return rule


def _base_component(event: EventPage, request: HttpRequest) -> Event:
    # RFC 5545 3.2.10: each text in the event names its language, so a
    # calendar app (and a screen reader) reads an Arabic event as Arabic.
    language = {"LANGUAGE": event.locale.language_code}
    component = Event()
    component.add("uid", event_uid(event))
    stamp = event.last_published_at or timezone.now()
    component.add("dtstamp", stamp.astimezone(UTC))
    component.add("last-modified", stamp.astimezone(UTC))
    # Plain text only (home.text.plain_text): calendars show these as text,
    # and some render HTML in a description.
    component.add("summary", plain_text(event.title), parameters=language)
    url = event.get_full_url(request)
    component.add("description", f"{plain_text(event.intro)}\n\n{url}".strip(), parameters=language)
    component.add("url", url)
    location = ", ".join(plain_text(p) for p in (event.location_name, event.location_address) if p)
    if location:
        component.add("location", location, parameters=language)
    if event.coordinates:
        component.add("geo", event.coordinates)
    if event.organiser:
        component.add(
            "organizer",
            f"mailto:noreply@{UID_DOMAIN}",
            parameters={"CN": plain_text(event.organiser), **language},
        )
    for category in event.categories.all():
        component.add("categories", plain_text(category.name), parameters=language)
    return component


def _timed(component: Event, occurrence: Occurrence) -> None:
    if occurrence.all_day:
        component.add("dtstart", occurrence.start.date())
        component.add("dtend", occurrence.end.date())
    else:
        component.add("dtstart", occurrence.start)
        component.add("dtend", occurrence.end)


def event_components(
    event: EventPage, request: HttpRequest, exceptions: Exceptions | None = None
) -> list[Event]:
    """The VEVENTs of one event: the series and one per moved date."""
    exceptions = exceptions if exceptions is not None else Exceptions.of(event)
    rule = rule_for(event)
    if rule is None:
        # A one-off: the single (maybe moved, maybe cancelled) occurrence.
        around = timedelta(days=400)
        found = expand_event(
            event, event.start_date - around, event.start_date + around, exceptions
        )
        if not found:
            return []
        occurrence = found[0]
        component = _base_component(event, request)
        _timed(component, occurrence)
        component.add("status", "CANCELLED" if occurrence.is_cancelled else "CONFIRMED")
        return [component]

    start = first_start(event)
    if start is None:
        return []
    duration = event.duration
    series = _base_component(event, request)
    series.add("dtstart", _value(event, start))
    series.add("dtend", _value(event, start + duration))
    series.add("rrule", recurrence(event))
    series.add("status", "CONFIRMED")

    base_time = series_start(event).time()
    excluded = sorted(
        _value(event, datetime.combine(day, base_time))
        for day in exceptions.cancelled
        if datetime.combine(day, base_time) in rule
    )
    if excluded:
        series.add("exdate", excluded)
    components = [series]

    # Moved dates, wherever they moved to (they may lie outside any window).
    for occurrence in _moved_occurrences(event, exceptions):
        override = _base_component(event, request)
        override.add("recurrence-id", _value(event, occurrence.original_start.replace(tzinfo=None)))
        _timed(override, occurrence)
        override.add(
            "status",
            "CANCELLED" if occurrence.status is OccurrenceStatus.CANCELLED else "CONFIRMED",
        )
        components.append(override)
    return components


def _moved_occurrences(event: EventPage, exceptions: Exceptions) -> list[Occurrence]:
    found: list[Occurrence] = []
    for move in exceptions.moved.values():
        lo = min(move.original_date, move.new_date) - timedelta(days=1)
        hi = max(move.original_date, move.new_date) + timedelta(days=1)
        found.extend(
            o
            for o in expand_event(event, lo, hi, exceptions)
            if o.is_moved and o.original_start.date() == move.original_date
        )
    return found


def _calendar(name: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", "-//Vores Ishøj//Det sker i Ishøj//DA")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", str(TZ))
    return calendar


def build_calendar(
    request: HttpRequest, today: date | None = None, language: str | None = None
) -> Calendar:
    """The events in one language (`?sprog=`, stories.feeds.languages), or all."""
    language = language or default_language()
    today = today or timezone.localdate()
    first_day, last_day = _window(today)
    calendar = _calendar("Det sker i Ishøj")
    calendar.add("refresh-interval", timedelta(hours=6), parameters={"VALUE": "DURATION"})
    events = in_language(event_queryset(), language)
    events = list(in_range(events, first_day, last_day).order_by("pk"))
    exceptions = load_exceptions(events)
    for event in events:
        for component in event_components(event, request, exceptions[event.pk]):
            calendar.add_component(component)
    calendar.add_missing_timezones()
    return calendar


def event_calendar(event: EventPage, request: HttpRequest) -> Calendar:
    """One event to add to a calendar once ("Føj til min kalender"): its series
    with every cancelled and moved date, the same VEVENTs the feed carries, so
    the entry is the same if the resident later subscribes to the whole feed."""
    calendar = _calendar(event.title)
    for component in event_components(event, request):
        calendar.add_component(component)
    calendar.add_missing_timezones()
    return calendar


def _etag(request: HttpRequest, *args, **kwargs) -> str | None:
    try:
        language = feed_language(request.GET)
    except ParameterError:
        return None
    first_day, last_day = _window(timezone.localdate())
    count, newest, top = fingerprint(
        in_range(in_language(EventPage.objects.live().public(), language), first_day, last_day)
    )
    if not newest:
        return f"ics-{language}-empty"
    return f"ics-{language}-{first_day:%Y%m%d}-{count}-{newest:%Y%m%d%H%M%S%f}-{top}"


@require_safe
@condition(etag_func=_etag)
def begivenheder_ics(request: HttpRequest) -> HttpResponse:
    try:
        language = feed_language(request.GET)
    except ParameterError as error:
        return HttpResponse(error.message, status=400, content_type="text/plain; charset=utf-8")
    response = HttpResponse(
        build_calendar(request, language=language).to_ical(),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = 'inline; filename="det-sker-i-ishoej.ics"'
    return response


@require_safe
def event_ics(request: HttpRequest, event_id: int) -> HttpResponse:
    """GET /feeds/begivenheder/<id>.ics: one live, public event as a file to open."""
    event = EventPage.objects.live().public().filter(pk=event_id).first()
    if event is None:
        raise Http404("Begivenheden findes ikke.")
    response = HttpResponse(
        event_calendar(event, request).to_ical(), content_type="text/calendar; charset=utf-8"
    )
    filename = slugify_da(event.title)[:60] or "begivenhed"
    response["Content-Disposition"] = f'attachment; filename="{filename}.ics"'
    return response
