"""The description of a YouTube video a story names (YouTube Data API v3).

The API replaces the whole snippet on update and deletes mutable fields that
are left out, so the current snippet is read, only our block in the
description is changed, and the whole snippet is written back: title,
category and tags survive. The block is marked, so an update replaces it and
a withdrawal removes it without touching the rest of the description.
"""

from __future__ import annotations

import threading
import time
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.utils import timezone

from channels import rendering
from channels.governor import QuotaPaused, governor
from channels.http import PlatformClient, PlatformError

from .base import Channel, Metric, Post, PostResult, ReachResult

if TYPE_CHECKING:
    from wagtail.models import Page

    from channels.models import PageChannel, Publication

MAX_DESCRIPTION_BYTES = 5_000
MAX_TITLE_CHARS = 100
MAX_TAGS_CHARS = 500
BLOCK_START = "── Fra Vores Ishøj ──"
BLOCK_END = "── ──"
READ_ONLY_SNIPPET_FIELDS = (
    "publishedAt",
    "channelId",
    "thumbnails",
    "channelTitle",
    "localized",
    "liveBroadcastContent",
)
UNITS_UPDATE = 50
UNITS_LIST = 1

_token_lock = threading.Lock()
_refreshed: dict[str, Any] = {}


def access_token() -> str:
    """The configured access token, or one fetched with the OAuth refresh token."""
    if settings.YOUTUBE_ACCESS_TOKEN:
        return settings.YOUTUBE_ACCESS_TOKEN
    with _token_lock:
        if _refreshed.get("expires", 0) > time.time() + 60:
            return str(_refreshed["token"])
        import requests

        try:
            answer = requests.post(
                settings.YOUTUBE_TOKEN_URL,
                data={
                    "grant_type": "refresh_token",
                    "client_id": settings.YOUTUBE_CLIENT_ID,
                    "client_secret": settings.YOUTUBE_CLIENT_SECRET,
                    "refresh_token": settings.YOUTUBE_REFRESH_TOKEN,
                },
                timeout=settings.CHANNELS_HTTP_TIMEOUT,
            )
        except requests.RequestException as exc:
            raise PlatformError(
                kind="transient",
                message_da="YouTube: kunne ikke forny adgangen (ingen forbindelse).",
            ) from exc
        if answer.status_code != 200:
            raise PlatformError(
                kind="auth",
                message_da="YouTube: fornyelsen af login blev "
                f"afvist (HTTP {answer.status_code}). Log ind igen.",
            )
        body = answer.json()
        lifetime = float(body.get("expires_in", 3600))
        _refreshed.update(token=body["access_token"], expires=time.time() + lifetime)
        from channels.logins import record_expiry

        record_expiry("youtube", timezone.now() + timedelta(seconds=lifetime))
        return str(_refreshed["token"])


def merge_description(current: str, block: str | None) -> str:
    """`current` with our block replaced by `block` (or removed when None)."""
    before, sep, rest = current.partition(BLOCK_START)
    after = rest.partition(BLOCK_END)[2] if sep else ""
    base = (before + after.lstrip("\n")).rstrip() if sep else current.rstrip()
    if block is None:
        return base
    ours = f"{BLOCK_START}\n{block}\n{BLOCK_END}"
    return f"{base}\n\n{ours}" if base else ours


class YouTubeChannel(Channel):
    slug = "youtube"
    label = "YouTube"
    can_update = True
    can_withdraw = True
    metrics = (
        Metric("viewCount", "Visninger af videoen"),
        Metric("likeCount", "Synes godt om"),
        Metric("commentCount", "Kommentarer"),
    )

    def is_configured(self) -> bool:
        has_login = settings.YOUTUBE_ACCESS_TOKEN or (
            settings.YOUTUBE_CLIENT_ID
            and settings.YOUTUBE_CLIENT_SECRET
            and settings.YOUTUBE_REFRESH_TOKEN
        )
        return bool(settings.YOUTUBE_API_URL and has_login)

    def default_enabled(self, page: Page) -> bool:
        return bool(rendering.video_id_for(page, None))

    def client(self) -> PlatformClient:
        return PlatformClient(
            "YouTube", settings.YOUTUBE_API_URL, access_token, error_style="google"
        )

    def render(self, page: Page, choice: PageChannel | None) -> Post:
        link = rendering.utm_link(page, "youtube", self.utm_medium)
        text = f"{rendering.base_text(page, choice)}\n\nLæs historien: {link}"
        return Post(
            channel=self.slug,
            page_id=page.pk,
            title=page.title,
            text=text,
            link=link,
            canonical_url=rendering.canonical_url(page),
            video_id=rendering.video_id_for(page, choice),
        )

    def validate(self, post: Post) -> list[str]:
        errors: list[str] = []
        if not post.video_id:
            errors.append(
                "Historien nævner ingen YouTube-video. Indsæt et link til videoen "
                "under Kanaler eller en video i brødteksten."
            )
        if "<" in post.text or ">" in post.text:
            errors.append("YouTube tillader ikke < og > i beskrivelsen. Fjern dem fra teksten.")
        errors += description_limit(merge_description("", post.text))
        return errors

    def _snippet(self, client: PlatformClient, video_id: str) -> dict[str, Any]:
        self._reserve(UNITS_LIST)
        items = client.request("GET", "videos", params={"part": "snippet", "id": video_id}).data
        found = items.get("items") or []
        if not found:
            raise PlatformError(
                kind="permanent",
                message_da=f"YouTube: videoen {video_id} findes ikke, eller kontoen ejer den "
                "ikke. Tjek linket under Kanaler.",
            )
        return dict(found[0]["snippet"])

    def _reserve(self, units: int) -> None:
        resume = governor.youtube_reserve(units)
        if resume is not None:
            raise QuotaPaused(until=resume, reason="YouTubes daglige kvote er brugt.")

    def _write(self, video_id: str, block: str | None) -> PostResult:
        client = self.client()
        snippet = self._snippet(client, video_id)
        description = merge_description(str(snippet.get("description") or ""), block)
        problems = description_limit(description)
        if len(str(snippet.get("title") or "")) > MAX_TITLE_CHARS:
            problems.append(f"Videoens titel er over {MAX_TITLE_CHARS} tegn. Ret den på YouTube.")
        if problems:
            raise PlatformError(kind="permanent", message_da=" ".join(problems))
        if description != snippet.get("description"):
            body = {k: v for k, v in snippet.items() if k not in READ_ONLY_SNIPPET_FIELDS}
            body["description"] = description
            self._reserve(UNITS_UPDATE)
            client.request(
                "PUT",
                "videos",
                params={"part": "snippet"},
                json_body={"id": video_id, "snippet": body},
            )
        return PostResult(external_id=video_id, url=f"https://www.youtube.com/watch?v={video_id}")

    def publish(self, post: Post, publication: Publication) -> PostResult:
        return self._write(post.video_id, post.text)

    def update(self, publication: Publication, post: Post) -> PostResult:
        if publication.external_id and publication.external_id != post.video_id:
            self._write(publication.external_id, None)
        return self._write(post.video_id, post.text)

    def withdraw(self, publication: Publication) -> PostResult:
        return self._write(publication.external_id, None)

    def find_existing(self, post: Post, publication: Publication) -> PostResult | None:
        # Writing the block is idempotent; nothing to look up before a retry.
        return None

    def fetch_reach(self, publication: Publication) -> ReachResult:
        self._reserve(UNITS_LIST)
        items = (
            self.client()
            .request("GET", "videos", params={"part": "statistics", "id": publication.external_id})
            .data.get("items")
            or []
        )
        stats = items[0].get("statistics", {}) if items else {}
        # favoriteCount is deprecated and always "0": storing it would show a
        # zero no viewer ever made. A hidden like count is absent: a gap.
        return ReachResult(
            metrics={
                k: int(v)
                for k, v in stats.items()
                if k not in RETIRED_STATISTICS and str(v).isdigit()
            }
        )


RETIRED_STATISTICS = {"favoriteCount", "dislikeCount"}


def description_limit(description: str) -> list[str]:
    size = len(description.encode("utf-8"))
    if size <= MAX_DESCRIPTION_BYTES:
        return []
    return [
        f"YouTube-beskrivelsen bliver {size} bytes; YouTube tillader {MAX_DESCRIPTION_BYTES} "
        f"(æ, ø og å tæller dobbelt). Forkort teksten med mindst {size - MAX_DESCRIPTION_BYTES} "
        "bytes."
    ]
