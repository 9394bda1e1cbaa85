"""Channel-shaped pieces of a page, shared by every platform module.

A story is written once; these helpers turn it into the parts a channel
needs: the text (or the editor's own), UTM-tagged links, hashtags from its
topics and channel renditions of its image with absolute URLs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from django.conf import settings

from home.text import MONTHS_DA, WEEKDAYS_DA
from stories.blocks import parse_video_url
from stories.recurrence import next_occurrences

if TYPE_CHECKING:
    from wagtail.models import Page

    from .models import PageChannel

PAGE_TYPES_WITH_CHANNELS = ("stories.storypage", "stories.eventpage")


@dataclass(frozen=True)
class ImageRef:
    """A channel rendition of the page's image, as the platform will fetch it."""

    url: str
    """Absolute URL the platform downloads the image from."""
    width: int
    height: int
    size_bytes: int
    mime: str
    alt: str = ""


def is_event(page: Page) -> bool:
    return page._meta.label_lower == "stories.eventpage"


def supports_channels(page: Page) -> bool:
    return page.specific_class is not None and (
        page.specific_class._meta.label_lower in PAGE_TYPES_WITH_CHANNELS
    )


def canonical_url(page: Page) -> str:
    url = page.get_full_url() or ""
    if url.startswith("/"):
        url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + url
    return url


def utm_link(page: Page, tags: dict[str, str]) -> str:
    """The page's URL with a channel's UTM tags (Channel.link_tags) and its slug as campaign."""
    query = urlencode(
        {
            "utm_source": tags["utm_source"],
            "utm_medium": tags["utm_medium"],
            "utm_campaign": page.slug,
            **{k: v for k, v in tags.items() if k not in ("utm_source", "utm_medium")},
        }
    )
    return f"{canonical_url(page)}?{query}"


def hashtag(name: str) -> str:
    """'mad og fællesskab' -> '#MadOgFællesskab' (letters and digits only)."""
    words = re.findall(r"\w+", name)
    return "#" + "".join(w[:1].upper() + w[1:] for w in words) if words else ""


def hashtags_for(page: Page) -> tuple[str, ...]:
    names: list[str] = []
    if hasattr(page, "tags"):
        names = [t.name for t in page.tags.all()]
    elif hasattr(page, "categories"):
        names = [c.name for c in page.categories.all()]
    tags = [hashtag(n) for n in names]
    return tuple(dict.fromkeys(["#VoresIshøj", *[t for t in tags if t]]))


def base_text(page: Page, choice: PageChannel | None) -> str:
    """The editor's own text for the channel, else the page's (manchet + when/where)."""
    if choice is not None and choice.text.strip():
        return choice.text.strip()
    text = (getattr(page, "intro", "") or "").strip()
    if is_event(page):
        when = event_when(page)
        where = getattr(page, "location_name", "")
        extra = ", ".join(p for p in (when, where) if p)
        if extra:
            text = f"{text}\n\n{extra}"
    return text


def event_when(page: Any) -> str:
    upcoming = [o for o in next_occurrences(page, limit=3) if not o.is_cancelled]
    if not upcoming:
        return ""
    start = upcoming[0].start
    label = f"{WEEKDAYS_DA[start.weekday()].capitalize()} {start.day}. {MONTHS_DA[start.month - 1]}"
    if not upcoming[0].all_day:
        label += f" kl. {start:%H.%M}"
    return label + (" (og flere gange)" if len(upcoming) > 1 else "")


def page_image(page: Page) -> tuple[Any, str]:
    image = getattr(page, "hero_image", None) or getattr(page, "image", None)
    alt = getattr(page, "hero_image_alt", "") or getattr(page, "image_alt", "")
    return image, alt


def rendition_ref(page: Page, spec: str) -> ImageRef | None:
    """A rendition of the page's image, fetchable by the platform at an absolute URL."""
    image, alt = page_image(page)
    if image is None:
        return None
    rendition = image.get_rendition(spec)
    url = rendition.url
    if url.startswith("/"):
        url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + url
    try:
        size = rendition.file.size
    except (OSError, ValueError):
        size = 0
    name = rendition.file.name.lower()
    mime = (
        "image/jpeg"
        if name.endswith((".jpg", ".jpeg"))
        else (
            "image/png"
            if name.endswith(".png")
            else "image/webp"
            if name.endswith(".webp")
            else "application/octet-stream"
        )
    )
    return ImageRef(
        url=url, width=rendition.width, height=rendition.height, size_bytes=size, mime=mime, alt=alt
    )


def video_id_for(page: Page, choice: PageChannel | None) -> str:
    """The YouTube video the page names: the channel's own link, else the body's first."""
    return video_source(page, choice)[0]


def video_source(page: Page, choice: PageChannel | None) -> tuple[str, str]:
    """The YouTube video id the page names and the field it came from.

    The field is where an editor fixes a missing or wrong video: the channel's
    own link, the body's video block (its link, by block id), or the body when
    there is no video at all (platforms.base.FIELD_HELP).
    """
    candidates: list[tuple[str, str]] = []
    if choice is not None and choice.video_url:
        candidates.append((choice.video_url, "channel.video_url"))
    body = getattr(page, "body", None)
    for block in body or []:
        if block.block_type == "video":
            candidates.append((block.value.get("url") or "", f"body.{block.id}.url"))
    for url, field in candidates:
        parsed = parse_video_url(url)
        if parsed and parsed[0] == "youtube":
            return parsed[1], field
    return "", candidates[0][1] if candidates else "body"


def text_field(choice: PageChannel | None) -> str:
    """Where the channel's text comes from (see base_text): its own text or the manchet."""
    return "channel.text" if choice is not None and choice.text.strip() else "intro"


def image_field(page: Page) -> str:
    """The page's image field: a story's hero image, an event's image."""
    return "hero_image" if hasattr(page, "hero_image") else "image"
