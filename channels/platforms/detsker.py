"""The "Det sker i Ishøj" listing: events pushed to its import endpoint.

The protocol is ours (docs/det-sker-listing-protocol.md) and idempotent by
design: PUT creates or replaces an event under our id, DELETE removes it, so
a retry can never create a second listing.
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.utils import timezone

from channels import rendering
from channels.http import PlatformClient, PlatformError
from stories.feeds.serialize import occurrence_data
from stories.occurrences import event_queryset
from stories.recurrence import TZ, expand_event

from .base import Channel, Metric, Post, PostResult, Problem, ReachResult

if TYPE_CHECKING:
    from wagtail.models import Page

    from channels.models import PageChannel, Publication

WINDOW_DAYS = 366
MAX_TITLE_CHARS = 200


def listing_id(page_id: int) -> str:
    return f"voresishoj-{page_id}"


def event_document(page: Page, link: str, summary: str) -> dict[str, Any]:
    """The event in the feed's format, with every occurrence in the coming year."""
    event = event_queryset().filter(pk=page.pk).first() or page
    today = timezone.now().astimezone(TZ).date()
    occurrences = expand_event(event, today, today + timedelta(days=WINDOW_DAYS))
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    items = []
    for occurrence in occurrences:
        item = occurrence_data(occurrence)
        image = item.get("image") or {}
        for rendition in (image.get("renditions") or {}).values():
            if rendition["url"].startswith("/"):
                rendition["url"] = base + rendition["url"]
        item["url"] = link
        items.append(item)
    return {
        "id": listing_id(page.pk),
        "source": "voresishoj.dk",
        "title": page.title,
        "summary": summary,
        "url": link,
        "updated": page.last_published_at.isoformat() if page.last_published_at else None,
        "occurrences": items,
    }


class DetSkerChannel(Channel):
    slug = "detsker"
    label = "Det sker i Ishøj"
    can_update = True
    can_withdraw = True
    metrics = (Metric("views", "Visninger i Det sker i Ishøj"),)
    utm_medium = "listing"
    reach_source = "municipal"

    def is_configured(self) -> bool:
        return bool(settings.DETSKER_API_URL and settings.DETSKER_TOKEN)

    def default_enabled(self, page: Page) -> bool:
        return rendering.is_event(page)

    def api_url(self) -> str:
        return settings.DETSKER_API_URL

    def client(self) -> PlatformClient:
        return PlatformClient(
            "Det sker i Ishøj",
            settings.DETSKER_API_URL,
            lambda: settings.DETSKER_TOKEN,
        )

    def render(self, page: Page, choice: PageChannel | None) -> Post:
        link = rendering.utm_link(page, self.link_tags())
        summary = (
            choice.text.strip() if choice and choice.text.strip() else getattr(page, "intro", "")
        )
        document = event_document(page, link, summary) if rendering.is_event(page) else None
        return Post(
            channel=self.slug,
            page_id=page.pk,
            title=page.title,
            text=summary,
            link=link,
            canonical_url=rendering.canonical_url(page),
            document=document,
            text_field=rendering.text_field(choice),
        )

    def validate(self, post: Post) -> list[Problem]:
        problems: list[Problem] = []
        if post.document is None:
            # A story is never an event; the choice to fix is the channel's own row.
            problems.append(
                Problem("Kun begivenheder kan sendes til Det sker i Ishøj.", "channel.enabled")
            )
        if len(post.title) > MAX_TITLE_CHARS:
            problems.append(
                Problem(f"Titlen er over {MAX_TITLE_CHARS} tegn, som Det sker tillader.", "title")
            )
        return problems

    def _put(self, post: Post) -> PostResult:
        assert post.document is not None
        answer = (
            self.client()
            .request("PUT", f"events/{post.document['id']}", json_body=post.document)
            .data
        )
        return PostResult(external_id=str(post.document["id"]), url=str(answer.get("url") or ""))

    def publish(self, post: Post, publication: Publication) -> PostResult:
        return self._put(post)

    def update(self, publication: Publication, post: Post) -> PostResult:
        return self._put(post)

    def withdraw(self, publication: Publication) -> PostResult:
        try:
            self.client().request("DELETE", f"events/{publication.external_id}")
        except PlatformError as error:
            if error.code != 404:  # already gone is what we wanted
                raise
        return PostResult(external_id=publication.external_id)

    def find_existing(self, post: Post, publication: Publication) -> PostResult | None:
        # PUT is idempotent: a retry after a lost answer simply replaces the event.
        return None

    def fetch_reach(
        self, publication: Publication, refused: frozenset[str] = frozenset()
    ) -> ReachResult:
        answer = self.client().request("GET", f"events/{publication.external_id}/stats").data
        return ReachResult(
            metrics={k: int(v) for k, v in answer.items() if isinstance(v, int | float)}
        )
