"""The fediverse (ActivityPub): events and stories to everyone following our actors.

Publishing records a Create and hands the fan-out to a task, so neither the
editor nor the channel worker waits for hundreds of servers; an edit is an
Update, unpublishing or deleting a Delete. The wire format lives in
channels/fediverse/objects.py; delivery, retries and pruning in
channels/fediverse/delivery.py.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from django.conf import settings
from django.utils import timezone

from channels import rendering
from channels.fediverse import delivery, tasks
from channels.fediverse.actors import actors
from channels.fediverse.models import Activity
from channels.fediverse.objects import Shared, event_object, object_id, story_object

from .base import Channel, Metric, Post, PostResult, Problem, ReachResult
from .detsker import event_document

if TYPE_CHECKING:
    from wagtail.models import Page

    from channels.models import PageChannel, Publication

MAX_NAME_CHARS = 500


def _iso(value) -> str | None:
    return value.isoformat() if value else None


def coming_occurrences(page: Page, link: str) -> list[dict]:
    """The event's occurrences not yet over, in the feed's format (as Det sker gets them)."""
    now = timezone.now()
    return [
        o
        for o in event_document(page, link, "")["occurrences"]
        if datetime.fromisoformat(o["end"]) > now
    ]


def actor_key_for(page: Page) -> str:
    return "events" if rendering.is_event(page) else "stories"


class FediverseChannel(Channel):
    slug = "fediverse"
    label = "Mastodon og fediverset"
    can_update = True
    can_withdraw = True
    utm_medium = "social"
    utm_source = "fediverse"
    reach_source = "other"  # a Source of its own needs a reach migration (docs/fediverse.md)
    metrics = (
        Metric(
            "followers_reached",
            "Følgere nået i fediverset",
            "Følgere, hvis server tog imod den seneste udgave af opslaget (Create eller Update).",
            counts_people=True,
        ),
    )

    def is_configured(self) -> bool:
        # No login: the actors' keys are made on first use (channels/fediverse/actors.py).
        return bool(settings.WAGTAILADMIN_BASE_URL)

    def api_url(self) -> str:
        return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/.well-known/webfinger"

    def default_enabled(self, page: Page) -> bool:
        return True

    def render(self, page: Page, choice: PageChannel | None) -> Post:
        link = rendering.utm_link(page, self.link_tags())
        summary = (
            choice.text.strip() if choice and choice.text.strip() else getattr(page, "intro", "")
        )
        key = actor_key_for(page)
        image = rendering.rendition_ref(page, "fill-1200x630")
        hashtags = rendering.hashtags_for(page)
        shared = Shared(
            page_id=page.pk,
            title=page.title,
            summary=summary,
            link=link,
            hashtags=hashtags,
            image=image,
            published=_iso(page.first_published_at),
            updated=_iso(page.last_published_at),
            occurrences=tuple(coming_occurrences(page, link)) if rendering.is_event(page) else (),
        )
        build = event_object if rendering.is_event(page) else story_object
        return Post(
            channel=self.slug,
            page_id=page.pk,
            title=page.title,
            text=summary,
            link=link,
            canonical_url=rendering.canonical_url(page),
            hashtags=hashtags,
            image=image,
            document={"actor": key, "object": build(shared, actors()[key])},
            text_field=rendering.text_field(choice),
            image_field=rendering.image_field(page),
        )

    def validate(self, post: Post) -> list[Problem]:
        problems: list[Problem] = []
        if len(post.title) > MAX_NAME_CHARS:
            problems.append(Problem(f"Titlen er over {MAX_NAME_CHARS} tegn.", "title"))
        if post.image is not None and not post.image.alt:
            problems.append(
                Problem(
                    "Billedet mangler en alternativ tekst; Mastodon-brugere med skærmlæser "
                    "får den læst op.",
                    "image_alt" if post.image_field == "image" else "hero_image_alt",
                )
            )
        return problems

    def _send(self, kind: str, post: Post) -> PostResult:
        assert post.document is not None
        entry = delivery.record(post.document["actor"], kind, post.document["object"], post.page_id)
        tasks.enqueue(entry.pk)
        return PostResult(external_id=entry.object_id, url=post.canonical_url)

    def publish(self, post: Post, publication: Publication) -> PostResult:
        return self._send("Create", post)

    def update(self, publication: Publication, post: Post) -> PostResult:
        return self._send("Update", post)

    def withdraw(self, publication: Publication) -> PostResult:
        target = publication.external_id or object_id(publication.page_id)
        sent = Activity.objects.filter(object_id=target).order_by("-pk").first()
        if sent is None or sent.kind == "Delete":
            return PostResult(external_id=target)  # never sent, or already withdrawn
        entry = delivery.record(sent.actor, "Delete", target, publication.page_id)
        tasks.enqueue(entry.pk)
        return PostResult(external_id=target)

    def fetch_reach(
        self, publication: Publication, refused: frozenset[str] = frozenset()
    ) -> ReachResult:
        target = publication.external_id or object_id(publication.page_id)
        return ReachResult(metrics={"followers_reached": delivery.followers_reached(target)})
