"""What a page shares with the channels: one small typed value, owned by the content.

A page type says what it shares the way it declares `api_fields`: it mixes in
`SharesContent` and names its fields in `share_fields`; `shared_content()`
turns a page into a `SharedContent`. The channel layer renders that value into
each platform's post and never reads the page itself, so a platform module
knows nothing of stories or events, and a new page type can be shared by
declaring its fields. Every part carries the editor's field path, so a
platform's refusal can point the editor at the field that fixes it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, ClassVar
from urllib.parse import parse_qs, urlparse

from django.conf import settings

YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")


def parse_video_url(url: str) -> tuple[str, str] | None:
    """Return (provider, video id) for a YouTube or Vimeo URL, or None."""
    parsed = urlparse(url.strip())
    host = (parsed.hostname or "").lower().removeprefix("www.").removeprefix("m.")
    if host in ("youtube.com", "youtube-nocookie.com"):
        if parsed.path == "/watch":
            video_id = parse_qs(parsed.query).get("v", [""])[0]
        else:
            parts = [p for p in parsed.path.split("/") if p]
            video_id = (
                parts[1] if len(parts) >= 2 and parts[0] in ("embed", "shorts", "live") else ""
            )
        return ("youtube", video_id) if YOUTUBE_ID.match(video_id) else None
    if host == "youtu.be":
        video_id = parsed.path.strip("/")
        return ("youtube", video_id) if YOUTUBE_ID.match(video_id) else None
    if host in ("vimeo.com", "player.vimeo.com"):
        digits = [p for p in parsed.path.split("/") if p.isdigit()]
        return ("vimeo", digits[-1]) if digits else None
    return None


def absolute(url: str) -> str:
    """A site-relative URL made absolute on the portal's own address."""
    if url.startswith("/"):
        return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + url
    return url


MIME_BY_SUFFIX = {
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
    ".webp": "image/webp",
    ".gif": "image/gif",
}


@dataclass(frozen=True)
class ImageRef:
    """A rendition of the shared image, as a platform will fetch it."""

    url: str
    """Absolute URL the platform downloads the image from."""
    width: int
    height: int
    size_bytes: int
    mime: str
    alt: str = ""


@dataclass(frozen=True)
class SharedImage:
    """The page's picture, its alt text and the editor's field for it."""

    image: Any
    """The Wagtail image; channels ask it for renditions only through `rendition`."""
    alt: str
    field: str = "image"
    """The editor's field path for the picture; every page type calls it "image"."""

    def rendition(self, spec: str) -> ImageRef:
        rendition = self.image.get_rendition(spec)
        try:
            size = rendition.file.size
        except (OSError, ValueError):
            size = 0
        name = rendition.file.name.lower()
        suffix = name[name.rfind(".") :] if "." in name else ""
        return ImageRef(
            url=absolute(rendition.url),
            width=rendition.width,
            height=rendition.height,
            size_bytes=size,
            mime=MIME_BY_SUFFIX.get(suffix, "application/octet-stream"),
            alt=self.alt,
        )


@dataclass(frozen=True)
class SharedVideo:
    """A video link the page names, and where the editor wrote it."""

    url: str
    field: str
    """E.g. "body.<block id>.url" (Wagtail's content path)."""


@dataclass(frozen=True)
class SharedEvent:
    """When and where, for pages that are events."""

    when_da: str
    """The next time, in Danish ("Lørdag 12. december kl. 14.00 (og flere gange)");
    empty when no occurrence is ahead."""
    where: str
    occurrences: tuple[dict[str, Any], ...] = ()
    """Every occurrence in the coming year, in the event feed's format with
    absolute image URLs (docs/feeds.md); what a listing channel sends."""


@dataclass(frozen=True)
class SharedContent:
    """Everything a channel may say about a page, and nothing it may not."""

    page_id: int
    kind: str
    """The page type's share kind ("story", "event"); channels choose defaults by it."""
    title: str
    lead: str
    """The manchet: the page's short text."""
    url: str
    """The page's canonical absolute address, without parameters."""
    campaign: str
    """The page's slug, as utm_campaign on every channel's link."""
    language: str
    tags: tuple[str, ...] = ()
    """What the page is about: a story's topics or an event's categories, as
    editors wrote them (not hashtags; see ShareFields.tags)."""
    image: SharedImage | None = None
    videos: tuple[SharedVideo, ...] = ()
    event: SharedEvent | None = None
    updated_at: datetime | None = None
    fields: Mapping[str, str] = field(default_factory=dict)
    """Part -> the editor's field path: "title", "lead", "image", "image_alt", "tags", "video"."""

    def field_for(self, part: str) -> str:
        return self.fields.get(part, part)


@dataclass(frozen=True)
class ShareFields:
    """Which model fields hold the shared parts: a page type's declaration.

    The defaults are the field names every page type uses for the same thing
    (`intro`, `image`, `image_alt`; docs/channels.md, "One field vocabulary"),
    so a page type names only the fields that differ in kind, not in name.
    """

    kind: str
    lead: str = "intro"
    image: str = "image"
    image_alt: str = "image_alt"
    tags: str = ""
    """A tag manager or many-to-many whose items have a `name`. A story's free
    `tags` and an event's controlled `categories` stay two fields (anyone may
    add a topic; a category is chosen from the secretariat's list, and feeds
    and calendars filter by its slug), but to a post both say what the page is
    about, so both fill `SharedContent.tags`."""
    videos_in: str = ""
    """A StreamField whose "video" blocks hold a link ({"url": ...})."""


class SharesContent:
    """Mixin for page types the channels may share (see the module docstring)."""

    share_fields: ClassVar[ShareFields]

    def shared_event(self) -> SharedEvent | None:
        """When and where; event page types override it."""
        return None

    def shared_content(self) -> SharedContent:
        declared = self.share_fields
        page: Any = self
        image = getattr(page, declared.image, None)
        tags: tuple[str, ...] = ()
        if declared.tags:
            tags = tuple(t.name for t in getattr(page, declared.tags).all())
        videos: list[SharedVideo] = []
        body = getattr(page, declared.videos_in, None) if declared.videos_in else None
        for block in body or []:
            if block.block_type == "video":
                videos.append(
                    SharedVideo(
                        block.value.get("url") or "", f"{declared.videos_in}.{block.id}.url"
                    )
                )
        return SharedContent(
            page_id=page.pk,
            kind=declared.kind,
            title=page.title,
            lead=(getattr(page, declared.lead, "") or "").strip(),
            url=absolute(page.get_full_url() or ""),
            campaign=page.slug,
            language=getattr(getattr(page, "locale", None), "language_code", "") or "da",
            tags=tags,
            image=SharedImage(image, getattr(page, declared.image_alt, "") or "", declared.image)
            if image is not None
            else None,
            videos=tuple(videos),
            event=self.shared_event(),
            updated_at=page.last_published_at,
            fields={
                "title": "title",
                "lead": declared.lead,
                "image": declared.image,
                "image_alt": declared.image_alt,
                "tags": declared.tags or "tags",
                "video": declared.videos_in or "body",
            },
        )


def shares_content(page: Any) -> bool:
    """True for a page (or page type) the channels may share."""
    model = (
        page if isinstance(page, type) else (getattr(page, "specific_class", None) or type(page))
    )
    return issubclass(model, SharesContent)
