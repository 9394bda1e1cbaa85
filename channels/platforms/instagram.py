"""The Instagram business account: container, status poll, publish."""

from __future__ import annotations

import re
import time
from typing import TYPE_CHECKING

from django.conf import settings

from channels import rendering
from channels.governor import QuotaPaused, governor, usage_listener
from channels.http import PlatformClient, PlatformError

from .base import Channel, Metric, Post, PostResult, ReachResult
from .facebook import graph_insights, graph_items_since

if TYPE_CHECKING:
    from wagtail.models import Page

    from channels.models import PageChannel, Publication

MAX_CAPTION_CHARS = 2_200
MAX_HASHTAGS = 30
MAX_MENTIONS = 20
MAX_IMAGE_BYTES = 8 * 1024 * 1024
MIN_ASPECT = 4 / 5
MAX_ASPECT = 1.91
IMAGE_SPEC = "width-1080|format-jpeg|jpegquality-85"
REACH_METRICS = ("reach", "views", "likes", "comments", "saved")
STATUS_POLLS = 10


class InstagramChannel(Channel):
    slug = "instagram"
    label = "Instagram"
    can_update = False
    can_withdraw = False
    metrics = (
        Metric("reach", "Konti, der så opslaget"),
        Metric("views", "Visninger af opslaget"),
        Metric("likes", "Synes godt om"),
        Metric("comments", "Kommentarer"),
        Metric("saved", "Gemt af brugere"),
    )

    def is_configured(self) -> bool:
        return bool(
            settings.INSTAGRAM_API_URL and settings.INSTAGRAM_USER_ID and settings.INSTAGRAM_TOKEN
        )

    def default_enabled(self, page: Page) -> bool:
        return not rendering.is_event(page) and rendering.page_image(page)[0] is not None

    def client(self) -> PlatformClient:
        return PlatformClient(
            "Instagram",
            settings.INSTAGRAM_API_URL,
            lambda: settings.INSTAGRAM_TOKEN,
            on_headers=usage_listener(self.slug),
        )

    def render(self, page: Page, choice: PageChannel | None) -> Post:
        link = rendering.utm_link(page, "instagram", self.utm_medium)
        tags = rendering.hashtags_for(page)
        caption = "\n\n".join(
            p
            for p in (
                page.title,
                rendering.base_text(page, choice),
                f"Læs hele historien på {link}",
                " ".join(tags),
            )
            if p
        )
        return Post(
            channel=self.slug,
            page_id=page.pk,
            title=page.title,
            text=caption,
            link=link,
            canonical_url=rendering.canonical_url(page),
            hashtags=tags,
            image=rendering.rendition_ref(page, IMAGE_SPEC),
        )

    def validate(self, post: Post) -> list[str]:
        errors: list[str] = []
        if len(post.text) > MAX_CAPTION_CHARS:
            errors.append(
                f"Instagram-teksten er {len(post.text)} tegn; Instagram tillader "
                f"{MAX_CAPTION_CHARS}. Forkort den med {len(post.text) - MAX_CAPTION_CHARS} tegn."
            )
        hashtags = re.findall(r"(?<!\w)#\w+", post.text)
        if len(hashtags) > MAX_HASHTAGS:
            errors.append(
                f"Teksten har {len(hashtags)} hashtags; Instagram tillader {MAX_HASHTAGS}. "
                f"Fjern {len(hashtags) - MAX_HASHTAGS} emner eller hashtags."
            )
        mentions = re.findall(r"(?<![\w@])@[\w.]+", post.text)
        if len(mentions) > MAX_MENTIONS:
            errors.append(
                f"Teksten nævner {len(mentions)} konti med @; Instagram tillader {MAX_MENTIONS}. "
                f"Fjern {len(mentions) - MAX_MENTIONS}."
            )
        image = post.image
        if image is None:
            errors.append("Instagram kræver et billede. Vælg et hovedbillede.")
            return errors
        if image.mime != "image/jpeg":
            errors.append("Instagram tager kun billeder i JPEG.")
        if image.size_bytes > MAX_IMAGE_BYTES:
            megabytes = f"{image.size_bytes / 1024 / 1024:.1f}".replace(".", ",")
            errors.append(
                f"Billedet fylder {megabytes} MB; Instagram tillader højst 8 MB. "
                "Brug et mindre billede."
            )
        aspect = image.width / image.height if image.height else 0
        if not MIN_ASPECT - 0.005 <= aspect <= MAX_ASPECT + 0.005:
            ratio = f"{aspect:.2f}".replace(".", ",")
            errors.append(
                f"Billedets format er {image.width}×{image.height} (forhold {ratio}:1). "
                "Instagram kræver mellem 4:5 (højformat) og 1,91:1 (bredformat). "
                "Beskær billedet eller vælg et andet."
            )
        return errors

    def check_publishing_limit(self) -> None:
        """Ask Instagram how much of the rolling 24-hour limit is used; pause if full."""
        answer = (
            self.client()
            .request(
                "GET",
                f"{settings.INSTAGRAM_USER_ID}/content_publishing_limit",
                params={"fields": "quota_usage,config"},
            )
            .data
        )
        data = (answer.get("data") or [{}])[0]
        used = int(data.get("quota_usage") or 0)
        total = int((data.get("config") or {}).get("quota_total") or 100)
        if used >= total:
            raise QuotaPaused(
                until=governor.instagram_window_opens(),
                reason=f"Instagram-grænsen på {total} opslag pr. døgn er nået.",
            )

    def publish(self, post: Post, publication: Publication) -> PostResult:
        assert post.image is not None
        self.check_publishing_limit()
        client = self.client()
        user = settings.INSTAGRAM_USER_ID
        container = client.request(
            "POST",
            f"{user}/media",
            data={"image_url": post.image.url, "caption": post.text, "alt_text": post.image.alt},
        ).data["id"]
        self._wait_until_finished(client, str(container))
        media_id = str(
            client.request("POST", f"{user}/media_publish", data={"creation_id": container}).data[
                "id"
            ]
        )
        try:
            url = str(
                client.request("GET", media_id, params={"fields": "permalink"}).data.get(
                    "permalink"
                )
                or ""
            )
        except PlatformError:
            # The media is out; failing now would post it again on the retry.
            url = ""
        return PostResult(
            external_id=media_id,
            url=url,
            notice_da="Instagram tillader ikke at rette eller slette opslag via API'et; "
            "ret eller slet det i Instagram-appen.",
        )

    def _wait_until_finished(self, client: PlatformClient, container: str) -> None:
        for attempt in range(STATUS_POLLS):
            status = client.request("GET", container, params={"fields": "status_code"}).data
            code = status.get("status_code")
            if code == "FINISHED":
                return
            if code in ("ERROR", "EXPIRED"):
                raise PlatformError(
                    kind="permanent",
                    message_da=f"Instagram kunne ikke behandle billedet (status {code}).",
                )
            time.sleep(min(0.05 * (attempt + 1), 1.0))
        raise PlatformError(
            kind="transient", message_da="Instagram blev ikke færdig med billedet i tide."
        )

    def find_existing(self, post: Post, publication: Publication) -> PostResult | None:
        items = graph_items_since(
            self.client(),
            f"{settings.INSTAGRAM_USER_ID}/media",
            "id,caption,permalink,timestamp",
            "timestamp",
            publication.created_at,
        )
        for item in items:
            if post.canonical_url in (item.get("caption") or ""):
                return PostResult(external_id=str(item["id"]), url=str(item.get("permalink", "")))
        return None

    def fetch_reach(self, publication: Publication) -> ReachResult:
        return graph_insights(self.client(), publication.external_id, REACH_METRICS)
