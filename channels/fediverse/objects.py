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

from dataclasses import dataclass
from datetime import datetime
from html import escape
from typing import Any
from urllib.parse import quote
from zoneinfo import ZoneInfo

from django.urls import reverse

from home.sharing import ImageRef
from home.text import MONTHS_DA, WEEKDAYS_DA

from .actors import AS_CONTEXT, PUBLIC, Actor, absolute

TZ = ZoneInfo("Europe/Copenhagen")
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


def _when_da(start_iso: str, end_iso: str, all_day: bool) -> str:
    start = datetime.fromisoformat(start_iso).astimezone(TZ)
    label = f"{WEEKDAYS_DA[start.weekday()]} {start.day}. {MONTHS_DA[start.month - 1]} {start.year}"
    if not all_day:
        label += f" kl. {start:%H.%M}"
        end = datetime.fromisoformat(end_iso).astimezone(TZ)
        if end.date() == start.date():
            label += f"–{end:%H.%M}"
    return label


def _image(image: ImageRef | None) -> list[dict]:
    if image is None:
        return []
    return [
        {
            "type": "Image",
            "mediaType": image.mime,
            "url": image.url,
            "name": image.alt,
            "width": image.width,
            "height": image.height,
        }
    ]


def _tags(hashtags: tuple[str, ...]) -> list[dict]:
    base = absolute("/search/")
    return [
        {"type": "Hashtag", "name": tag, "href": f"{base}?q={quote(tag.lstrip('#'))}"}
        for tag in hashtags
    ]


def _addressing(actor: Actor) -> dict:
    return {"to": [PUBLIC], "cc": [actor.followers], "attributedTo": actor.id}


def _paragraphs(*texts: str) -> str:
    return "".join(f"<p>{escape(t)}</p>" for t in texts if t)


@dataclass(frozen=True)
class Shared:
    """What a page shares, as the fediverse needs it (from the channel layer's content)."""

    page_id: int
    title: str
    summary: str
    link: str
    hashtags: tuple[str, ...] = ()
    image: ImageRef | None = None
    published: str | None = None
    updated: str | None = None
    occurrences: tuple[dict, ...] = ()
    """An event's coming occurrences in the event feed's format (docs/det-sker-feed.md):
    cancelled ones marked, moved ones at their new time, as the feed says."""


def event_object(shared: Shared, actor: Actor) -> dict:
    listed = shared.occurrences[: MAX_LISTED_DATES + 1]
    upcoming = [o for o in listed if o["status"] != "cancelled"]
    first = upcoming[0] if upcoming else (listed[0] if listed else None)
    place = (first or {}).get("place") or {}
    where = ", ".join(p for p in (place.get("name"), place.get("address")) if p)
    lines = [shared.summary]
    when = _when_da(first["start"], first["end"], first["all_day"]) if first else ""
    if when:
        lines.append(f"Hvornår: {when}")
    if where:
        lines.append(f"Hvor: {where}")
    later = [o for o in listed if o is not first][:MAX_LISTED_DATES]
    if later:
        dates = "; ".join(
            _when_da(o["start"], o["end"], o["all_day"])
            + (
                " (aflyst)"
                if o["status"] == "cancelled"
                else " (flyttet)"
                if o["moved_from"]
                else ""
            )
            for o in later
        )
        lines.append(f"Også: {dates}")
    link = escape(shared.link)
    data: dict[str, Any] = {
        "@context": [AS_CONTEXT, MOBILIZON_CONTEXT],
        "id": object_id(shared.page_id),
        "type": "Event",
        "name": shared.title,
        # Mastodon turns an Event into name + summary + link: the summary carries when and where.
        "summary": ", ".join(p for p in (when, where) if p) or shared.summary,
        "content": _paragraphs(*lines) + f'<p><a href="{link}">{link}</a></p>',
        "mediaType": "text/html",
        "url": shared.link,
        "published": shared.published,
        "updated": shared.updated,
        "timezone": "Europe/Copenhagen",
        "attachment": _image(shared.image),
        "tag": _tags(shared.hashtags),
        "ical:status": "CONFIRMED" if upcoming or not listed else "CANCELLED",
        **_addressing(actor),
    }
    if first is not None:
        data["startTime"] = first["start"]
        data["endTime"] = first["end"]
    if where or place.get("latitude") is not None:
        location: dict[str, Any] = {"type": "Place", "name": place.get("name") or where}
        if place.get("address"):
            location["address"] = {
                "type": "PostalAddress",
                "streetAddress": place["address"],
                "addressLocality": "Ishøj",
                "addressCountry": "DK",
            }
        if place.get("latitude") is not None:
            location["latitude"] = place["latitude"]
            location["longitude"] = place["longitude"]
        data["location"] = location
    return data


def story_object(shared: Shared, actor: Actor) -> dict:
    link = escape(shared.link)
    return {
        "@context": AS_CONTEXT,
        "id": object_id(shared.page_id),
        "type": "Article",
        "name": shared.title,
        "summary": shared.summary,
        "content": _paragraphs(shared.summary) + f'<p><a href="{link}">{link}</a></p>',
        "mediaType": "text/html",
        "url": shared.link,
        "published": shared.published,
        "updated": shared.updated,
        "attachment": _image(shared.image),
        "tag": _tags(shared.hashtags),
        **_addressing(actor),
    }


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
