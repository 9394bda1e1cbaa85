"""The "Det sker i Ishøj" listing: events pushed to its import endpoint.

The protocol is ours (docs/det-sker-listing-protocol.md) and idempotent by
design: PUT creates or replaces an event under our id, DELETE removes it, so
a retry can never create a second listing.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from channels.http import PlatformClient, PlatformError
from home.sharing import SharedContent

from .base import ChannelBackend, Metric, Post, PostRecord, PostResult, Problem, ReachResult

MAX_TITLE_CHARS = 200
SOURCE = "voresishoj.dk"


def listing_id(page_id: int) -> str:
    return f"voresishoj-{page_id}"


def event_document(content: SharedContent, link: str, summary: str) -> dict[str, Any] | None:
    """The event in the feed's format, with every occurrence in the coming year
    (as the page shares them), each linking to the story with our UTM tags;
    None for content that is no event."""
    if content.event is None:
        return None
    return {
        "id": listing_id(content.page_id),
        "source": SOURCE,
        "title": content.title,
        "summary": summary,
        "url": link,
        "updated": content.updated_at.isoformat() if content.updated_at else None,
        "occurrences": [{**item, "url": link} for item in content.event.occurrences],
    }


class DetSkerBackend(ChannelBackend):
    label = "Det sker i Ishøj"
    can_update = True
    can_withdraw = True
    metrics = (Metric("views", "Visninger i Det sker i Ishøj"),)
    utm_medium = "listing"
    reach_source = "municipal"
    option_names = ("API_URL", "TOKEN")

    def is_configured(self) -> bool:
        return bool(self.option("API_URL") and self.option("TOKEN"))

    def default_enabled(self, content: SharedContent) -> bool:
        return content.event is not None

    def api_url(self) -> str:
        return str(self.option("API_URL"))

    def client(self) -> PlatformClient:
        return PlatformClient("Det sker i Ishøj", self.api_url(), lambda: str(self.option("TOKEN")))

    def compose(self, post: Post, content: SharedContent) -> Post:
        # The listing shows its own when and where: the summary is the lead or the
        # editor's own text, never the lead with when/where appended.
        summary = post.text if post.text_field == "channel.text" else content.lead
        return replace(post, text=summary, document=event_document(content, post.link, summary))

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
        if post.document is None:  # validate() refuses it first; never PUT an empty listing
            raise PlatformError(
                kind="permanent",
                message_da="Kun begivenheder kan sendes til Det sker i Ishøj.",
                field="channel.enabled",
            )
        answer = (
            self.client()
            .request("PUT", f"events/{post.document['id']}", json_body=post.document)
            .data
        )
        return PostResult(external_id=str(post.document["id"]), url=str(answer.get("url") or ""))

    def publish(self, post: Post, record: PostRecord) -> PostResult:
        return self._put(post)

    def update(self, post: Post, record: PostRecord) -> PostResult:
        return self._put(post)

    def withdraw(self, record: PostRecord) -> PostResult:
        try:
            self.client().request("DELETE", f"events/{record.external_id}")
        except PlatformError as error:
            if error.code != 404:  # already gone is what we wanted
                raise
        return PostResult(external_id=record.external_id)

    def find_existing(self, post: Post, record: PostRecord) -> PostResult | None:
        # PUT is idempotent: a retry after a lost answer simply replaces the event.
        return None

    def fetch_reach(self, record: PostRecord, refused: frozenset[str] = frozenset()) -> ReachResult:
        answer = self.client().request("GET", f"events/{record.external_id}/stats").data
        return ReachResult(
            metrics={k: int(v) for k, v in answer.items() if isinstance(v, int | float)}
        )
