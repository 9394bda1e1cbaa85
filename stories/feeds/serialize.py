"""An occurrence as the JSON feed and the widget publish it.

Never includes who suggested an event: `EventSubmission` is not read here.
"""

from __future__ import annotations

from datetime import datetime

from django.http import HttpRequest

from home.text import plain_text
from stories.models.event_taxonomy import Audience
from stories.recurrence import Occurrence, OccurrenceStatus

# Audience.values builds its list on every use; a feed asks it hundreds of times.
_AUDIENCE_NAMES = {audience.value: audience.label for audience in Audience}
RENDITION_NAMES = {"card": "fill-640x400", "wide": "width-1200", "social": "fill-1200x630"}


def _absolute(request: HttpRequest | None, url: str) -> str:
    if request is None or url.startswith(("http://", "https://")):
        return url
    return request.build_absolute_uri(url)


def image_data(occurrence: Occurrence, request: HttpRequest | None) -> dict | None:
    event = occurrence.event
    if event.image is None:
        return None
    renditions = event.renditions
    return {
        "alt": event.image_alt,
        "renditions": {
            name: {
                "url": _absolute(request, renditions[spec].url),
                "width": renditions[spec].width,
                "height": renditions[spec].height,
            }
            for name, spec in RENDITION_NAMES.items()
            if spec in renditions
        },
    }


def _iso(value: datetime) -> str:
    return value.isoformat()


def _plain(value):
    """Every text in the item as plain text (home.text.plain_text), recursively."""
    if isinstance(value, str):
        return plain_text(value)
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value


def occurrence_data(occurrence: Occurrence, request: HttpRequest | None = None) -> dict:
    """The JSON feed's item; documented in docs/det-sker-feed.md. No field holds
    markup: sites insert these texts into their own HTML."""
    return _plain(_occurrence_data(occurrence, request))


def _occurrence_data(occurrence: Occurrence, request: HttpRequest | None) -> dict:
    event = occurrence.event
    coords = event.coordinates
    place = event.linked_place
    return {
        "id": occurrence.uid,
        "event_id": event.pk,
        "language": event.language,
        "title": event.title,
        "summary": event.intro,
        "start": _iso(occurrence.start),
        "end": _iso(occurrence.end),
        "all_day": occurrence.all_day,
        "status": "cancelled" if occurrence.status is OccurrenceStatus.CANCELLED else "scheduled",
        "moved_from": _iso(occurrence.original_start) if occurrence.is_moved else None,
        "note": occurrence.note,
        "place": {
            "name": event.location_name,
            "slug": place.slug if place else None,
            "address": event.location_address,
            "latitude": coords[0] if coords else None,
            "longitude": coords[1] if coords else None,
        },
        "organiser": event.organiser,
        "price": {
            "free": event.is_free,
            "amount_dkk": None
            if event.is_free or event.price_dkk is None
            else float(event.price_dkk),
            "label": event.price_label,
        },
        "audience": [
            {"slug": a, "name": _AUDIENCE_NAMES[a]} for a in event.audience if a in _AUDIENCE_NAMES
        ],
        "categories": [{"slug": c.slug, "name": c.name} for c in event.categories.all()],
        "signup_url": event.signup_url or None,
        "image": image_data(occurrence, request),
        "url": event.get_full_url(request),
        "updated": _iso(event.last_published_at) if event.last_published_at else None,
    }
