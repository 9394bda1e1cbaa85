"""The Facebook Page: link posts and photo posts through the Graph API."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from django.conf import settings

from channels import rendering
from channels.governor import usage_listener
from channels.http import PlatformClient

from .base import Channel, Metric, Post, PostResult, ReachResult

if TYPE_CHECKING:
    from wagtail.models import Page

    from channels.models import PageChannel, Publication

MAX_MESSAGE_CHARS = 63_206
MAX_PHOTO_BYTES = 10 * 1024 * 1024
PHOTO_TYPES = ("image/jpeg", "image/png", "image/gif")
PHOTO_SPEC = "width-1200|format-jpeg|jpegquality-85"
REACH_METRICS = ("post_impressions_unique", "views")
SEARCH_MARGIN = timedelta(hours=1)
MAX_SEARCH_PAGES = 50


class FacebookChannel(Channel):
    slug = "facebook"
    label = "Facebook-siden"
    can_update = True
    can_withdraw = True
    metrics = (
        Metric("post_impressions_unique", "Personer, der fik opslaget vist"),
        Metric("views", "Visninger af opslaget"),
    )

    def is_configured(self) -> bool:
        return bool(
            settings.FACEBOOK_API_URL and settings.FACEBOOK_PAGE_ID and settings.FACEBOOK_PAGE_TOKEN
        )

    def default_enabled(self, page: Page) -> bool:
        return True

    def client(self) -> PlatformClient:
        return PlatformClient(
            "Facebook",
            settings.FACEBOOK_API_URL,
            lambda: settings.FACEBOOK_PAGE_TOKEN,
            on_headers=usage_listener(self.slug),
        )

    def render(self, page: Page, choice: PageChannel | None) -> Post:
        link = rendering.utm_link(page, "facebook", self.utm_medium)
        tags = rendering.hashtags_for(page)
        as_photo = bool(choice and choice.as_photo)
        parts = [page.title, rendering.base_text(page, choice)]
        if as_photo:
            parts.append(f"Læs mere: {link}")
        parts.append(" ".join(tags))
        return Post(
            channel=self.slug,
            page_id=page.pk,
            title=page.title,
            text="\n\n".join(p for p in parts if p),
            link=link,
            canonical_url=rendering.canonical_url(page),
            hashtags=tags,
            image=rendering.rendition_ref(page, PHOTO_SPEC) if as_photo else None,
            as_photo=as_photo,
        )

    def validate(self, post: Post) -> list[str]:
        errors: list[str] = []
        if len(post.text) > MAX_MESSAGE_CHARS:
            errors.append(
                f"Facebook-teksten er {len(post.text):,} tegn; Facebook tillader "
                f"{MAX_MESSAGE_CHARS:,}. Forkort den med {len(post.text) - MAX_MESSAGE_CHARS:,} "
                "tegn.".replace(",", ".")
            )
        if post.as_photo:
            if post.image is None:
                errors.append("Et billedopslag kræver et billede. Vælg et hovedbillede.")
            elif post.image.size_bytes > MAX_PHOTO_BYTES:
                errors.append(
                    "Billedet er større end 10 MB, som Facebook tillader. Brug et mindre billede."
                )
            elif post.image.mime not in PHOTO_TYPES:
                errors.append("Facebook tager kun billeder i JPEG, PNG eller GIF.")
        if not post.link.startswith(("http://", "https://")):
            errors.append("Historien har ingen offentlig adresse at linke til.")
        return errors

    def publish(self, post: Post, publication: Publication) -> PostResult:
        page_id = settings.FACEBOOK_PAGE_ID
        if post.as_photo and post.image is not None:
            answer = (
                self.client()
                .request(
                    "POST", f"{page_id}/photos", data={"url": post.image.url, "caption": post.text}
                )
                .data
            )
            post_id = str(answer.get("post_id") or answer["id"])
            return PostResult(
                external_id=post_id, url=permalink(post_id), draft={"photo_id": str(answer["id"])}
            )
        answer = (
            self.client()
            .request("POST", f"{page_id}/feed", data={"message": post.text, "link": post.link})
            .data
        )
        return PostResult(external_id=str(answer["id"]), url=permalink(str(answer["id"])))

    def update(self, publication: Publication, post: Post) -> PostResult:
        # Graph lets a Page edit the message of its own post; the link stays.
        self.client().request("POST", publication.external_id, data={"message": post.text})
        return PostResult(external_id=publication.external_id, url=publication.external_url)

    def withdraw(self, publication: Publication) -> PostResult:
        self.client().request("DELETE", publication.external_id)
        return PostResult(external_id=publication.external_id)

    def find_existing(self, post: Post, publication: Publication) -> PostResult | None:
        items = graph_items_since(
            self.client(),
            f"{settings.FACEBOOK_PAGE_ID}/feed",
            "id,link,message,created_time",
            "created_time",
            publication.created_at,
        )
        for item in items:
            if post.canonical_url in (item.get("link") or "") + " " + (item.get("message") or ""):
                return PostResult(external_id=str(item["id"]), url=permalink(str(item["id"])))
        return None

    def fetch_reach(self, publication: Publication) -> ReachResult:
        return graph_insights(self.client(), publication.external_id, REACH_METRICS)


def graph_items_since(
    client: PlatformClient, path: str, fields: str, time_field: str, since: datetime
) -> Iterator[dict[str, Any]]:
    """A Graph edge, newest first, page by page, until items are older than `since`.

    Paging (not a fixed "last 50") because a busy Page or a retry after many
    other posts could otherwise miss the post it looks for and post it twice.
    """
    horizon = since - SEARCH_MARGIN
    after = ""
    for _ in range(MAX_SEARCH_PAGES):
        params: dict[str, Any] = {"fields": fields, "limit": 100}
        if after:
            params["after"] = after
        answer = client.request("GET", path, params=params).data
        for item in answer.get("data", []):
            stamp = item.get(time_field)
            if stamp and datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%S%z") < horizon:
                return
            yield item
        after = ((answer.get("paging") or {}).get("cursors") or {}).get("after") or ""
        if not after:
            return


def permalink(post_id: str) -> str:
    return f"https://www.facebook.com/{post_id}"


def graph_insights(client: PlatformClient, object_id: str, metrics: tuple[str, ...]) -> ReachResult:
    """A post's or a media item's insights, under the Graph API's own metric names."""
    answer = client.request(
        "GET", f"{object_id}/insights", params={"metric": ",".join(metrics)}
    ).data
    return ReachResult(metrics=graph_metrics(answer))


def graph_metrics(answer: dict) -> dict[str, int]:
    """Graph insights `data` -> {metric name: latest value}; absent metrics stay absent."""
    metrics: dict[str, int] = {}
    for item in answer.get("data", []):
        values = item.get("values") or []
        value = values[-1].get("value") if values else item.get("total_value", {}).get("value")
        if isinstance(value, int | float):
            metrics[str(item.get("name"))] = int(value)
    return metrics
