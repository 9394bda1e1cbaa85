"""Events and stories as ActivityStreams objects other servers understand.

An event is an `Event` (what Mobilizon and Gancio import); a story an
`Article`. Mastodon shows only an Event's name, link and image, so its date
and place are also written into `content`.

Recurring events: one `Event` per event page, never one per occurrence. Its
`startTime`/`endTime` are the next occurrence that is not cancelled (a moved
occurrence at its new time), and `content` lists the next dates, cancelled
ones marked, as the event feed does. An `Update` goes out when an editor
publishes a change, not when an occurrence passes, so a weekly event is one
message to each follower, not fifty-two (docs/fediverse.md).
"""

from __future__ import annotations

from html import escape
from typing import Any

from django.urls import reverse

from channels import rendering
from home.text import MONTHS_DA, WEEKDAYS_DA
from stories.recurrence import TZ, Occurrence, next_occurrences

from .actors import AS_CONTEXT, PUBLIC, Actor, absolute

MAX_LISTED_DATES = 5
MOBILIZON_CONTEXT = {
    "ical": "http://www.w3.org/2002/12/cal/ical#",
    "Hashtag": "as:Hashtag",
    "PropertyValue": "schema:PropertyValue",
    "schema": "http://schema.org#",
    "timezone": {"@id": "mz:timezone", "@type": "sc:Text"},
    "mz": "https://joinmobilizon.org/ns#",
    "sc": "http://schema.org#",
}


def object_id(page_id: int) -> str:
    return absolute(reverse("fediverse:object", args=[page_id]))


def _when_da(occurrence: Occurrence) -> str:
    start = occurrence.start.astimezone(TZ)
    label = f"{WEEKDAYS_DA[start.weekday()]} {start.day}. {MONTHS_DA[start.month - 1]} {start.year}"
    if not occurrence.all_day:
        label += f" kl. {start:%H.%M}"
        end = occurrence.end.astimezone(TZ)
        if end.date() == start.date():
            label += f"–{end:%H.%M}"
    return label


def _image(page: Any) -> list[dict]:
    ref = rendering.rendition_ref(page, "fill-1200x630")
    if ref is None:
        return []
    return [
        {
            "type": "Image",
            "mediaType": ref.mime,
            "url": ref.url,
            "name": ref.alt,
            "width": ref.width,
            "height": ref.height,
        }
    ]


def _tags(page: Any) -> list[dict]:
    base = absolute("/search/")
    return [
        {"type": "Hashtag", "name": tag, "href": f"{base}?q={tag.lstrip('#')}"}
        for tag in rendering.hashtags_for(page)
    ]


def _addressing(actor: Actor) -> dict:
    return {"to": [PUBLIC], "cc": [actor.followers], "attributedTo": actor.id}


def _paragraphs(*texts: str) -> str:
    return "".join(f"<p>{escape(t)}</p>" for t in texts if t)


def event_object(page: Any, actor: Actor, link: str, summary: str) -> dict:
    occurrences = next_occurrences(page, limit=MAX_LISTED_DATES + 1)
    upcoming = [o for o in occurrences if not o.is_cancelled]
    first = upcoming[0] if upcoming else (occurrences[0] if occurrences else None)
    where = ", ".join(p for p in (page.location_name, page.location_address) if p)
    lines = [summary]
    if first is not None:
        lines.append(f"Hvornår: {_when_da(first)}")
    if where:
        lines.append(f"Hvor: {where}")
    later = [o for o in occurrences if o is not first][:MAX_LISTED_DATES]
    if later:
        dates = "; ".join(
            _when_da(o) + (" (aflyst)" if o.is_cancelled else " (flyttet)" if o.is_moved else "")
            for o in later
        )
        lines.append(f"Også: {dates}")
    content = _paragraphs(*lines) + f'<p><a href="{escape(link)}">{escape(link)}</a></p>'
    data: dict[str, Any] = {
        "@context": [AS_CONTEXT, MOBILIZON_CONTEXT],
        "id": object_id(page.pk),
        "type": "Event",
        "name": page.title,
        "content": content,
        "mediaType": "text/html",
        "url": link,
        "published": _iso(page.first_published_at),
        "updated": _iso(page.last_published_at),
        "timezone": "Europe/Copenhagen",
        "attachment": _image(page),
        "tag": _tags(page),
        "ical:status": "CONFIRMED" if upcoming or not occurrences else "CANCELLED",
        **_addressing(actor),
    }
    if first is not None:
        data["startTime"] = first.start.astimezone(TZ).isoformat()
        data["endTime"] = first.end.astimezone(TZ).isoformat()
    if where or page.coordinates:
        place: dict[str, Any] = {"type": "Place", "name": page.location_name or where}
        if page.location_address:
            place["address"] = {
                "type": "PostalAddress",
                "streetAddress": page.location_address,
                "addressLocality": "Ishøj",
                "addressCountry": "DK",
            }
        if page.coordinates:
            place["latitude"], place["longitude"] = page.coordinates
        data["location"] = place
    return data


def story_object(page: Any, actor: Actor, link: str, summary: str) -> dict:
    content = _paragraphs(summary) + f'<p><a href="{escape(link)}">{escape(link)}</a></p>'
    return {
        "@context": AS_CONTEXT,
        "id": object_id(page.pk),
        "type": "Article",
        "name": page.title,
        "summary": summary,
        "content": content,
        "mediaType": "text/html",
        "url": link,
        "published": _iso(page.first_published_at),
        "updated": _iso(page.last_published_at),
        "attachment": _image(page),
        "tag": _tags(page),
        **_addressing(actor),
    }


def _iso(value: Any) -> str | None:
    return value.isoformat() if value else None


def activity(kind: str, actor: Actor, obj: dict | str, activity_id: str, published: str) -> dict:
    """Wrap an object (or, for Delete, a Tombstone of its id) in an activity."""
    if kind == "Delete":
        obj = {"id": obj if isinstance(obj, str) else obj["id"], "type": "Tombstone"}
    return {
        "@context": AS_CONTEXT,
        "id": activity_id,
        "type": kind,
        "actor": actor.id,
        "object": obj,
        "published": published,
        "to": [PUBLIC],
        "cc": [actor.followers],
    }
