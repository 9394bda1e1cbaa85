"""schema.org `Event` JSON-LD for an event page, so search engines show dates."""

from __future__ import annotations

from django.http import HttpRequest

from stories.recurrence import Occurrence, OccurrenceStatus

_STATUS = {
    OccurrenceStatus.SCHEDULED: "https://schema.org/EventScheduled",
    OccurrenceStatus.CANCELLED: "https://schema.org/EventCancelled",
    OccurrenceStatus.RESCHEDULED: "https://schema.org/EventRescheduled",
}


def _iso(occurrence: Occurrence, which: str) -> str:
    value = getattr(occurrence, which)
    if occurrence.all_day:
        day = value.date() if which == "start" else occurrence.last_day
        return day.isoformat()
    return value.isoformat()


def occurrence_json_ld(occurrence: Occurrence, request: HttpRequest | None = None) -> dict:
    """One occurrence as a schema.org Event (Google wants one per date)."""
    event = occurrence.event
    location: dict = {"@type": "Place", "name": event.location_name or "Ishøj"}
    if event.location_address:
        location["address"] = {
            "@type": "PostalAddress",
            "streetAddress": event.location_address,
            "addressLocality": "Ishøj",
            "addressCountry": "DK",
        }
    if event.coordinates:
        lat, lon = event.coordinates
        location["geo"] = {"@type": "GeoCoordinates", "latitude": lat, "longitude": lon}
    data: dict = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "description": event.intro,
        "startDate": _iso(occurrence, "start"),
        "endDate": _iso(occurrence, "end"),
        "eventStatus": _STATUS[occurrence.status],
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "location": location,
        "url": event.get_full_url(request),
        "inLanguage": "da",
        "isAccessibleForFree": event.is_free,
        "offers": {
            "@type": "Offer",
            "price": "0" if event.is_free or event.price_dkk is None else f"{event.price_dkk:.2f}",
            "priceCurrency": "DKK",
            "availability": "https://schema.org/InStock",
            "url": event.signup_url or event.get_full_url(request),
        },
    }
    if occurrence.is_moved:
        data["previousStartDate"] = occurrence.original_start.isoformat()
    if event.organiser:
        data["organizer"] = {"@type": "Organization", "name": event.organiser}
    if event.image_social is not None:
        data["image"] = [event.image_social.full_url]
    return data


def event_json_ld(occurrences: list[Occurrence], request: HttpRequest | None = None) -> list[dict]:
    return [occurrence_json_ld(o, request) for o in occurrences]
