"""The fediverse (ActivityPub): events and stories to everyone following our actors.

Publishing records a Create and hands the fan-out to a task, so neither the
editor nor the channel worker waits for hundreds of servers; an edit is an
Update, unpublishing or deleting a Delete. The wire format lives in
channels/fediverse/objects.py; delivery, retries and pruning in
channels/fediverse/delivery.py; the protocol (actors, inbox, keys) in the
`channels.fediverse` app. See docs/fediverse.md.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from django.conf import settings
from django.utils import timezone

from channels.fediverse import delivery, tasks
from channels.fediverse.actors import actors
from channels.fediverse.models import Activity
from channels.fediverse.objects import Shared, event_object, object_id, story_object
from channels.http import PlatformError
from home.sharing import SharedContent

from .base import ChannelBackend, Metric, Post, PostRecord, PostResult, Problem, ReachResult

MAX_NAME_CHARS = 500


def actor_key_for(content: SharedContent) -> str:
    return "events" if content.event is not None else "stories"


def coming(occurrences: tuple[dict, ...]) -> tuple[dict, ...]:
    """The occurrences not yet over (the page shares the coming year's, from today)."""
    now = timezone.now()
    return tuple(o for o in occurrences if datetime.fromisoformat(o["end"]) > now)


class FediverseBackend(ChannelBackend):
    label = "Mastodon og fediverset"
    can_update = True
    can_withdraw = True
    utm_medium = "social"
    utm_source = "fediverse"
    # Mastodon instances are countless and unknown in advance, so the referrer
    # cannot say "fediverse": the links' utm_source does (reach/attribution.py).
    reach_source = "fediverse"
    image_spec = "fill-1200x630"
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

    def configuration_problems(self) -> list[str]:
        base = settings.WAGTAILADMIN_BASE_URL or ""
        if not settings.FEDIVERSE_ALLOW_HTTP_LOOPBACK and not base.startswith("https://"):
            return [
                "BASE_URL must be an https address: other servers fetch the actors and "
                "their keys from it, and refuse plain http."
            ]
        return []

    def api_url(self) -> str:
        return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/.well-known/webfinger"

    def default_enabled(self, content: SharedContent) -> bool:
        return True

    def compose(self, post: Post, content: SharedContent) -> Post:
        key = actor_key_for(content)
        summary = post.text if post.text_field == "channel.text" else content.lead
        shared = Shared(
            page_id=content.page_id,
            title=content.title,
            summary=summary,
            link=post.link,
            hashtags=post.hashtags,
            image=post.image,
            updated=content.updated_at.isoformat() if content.updated_at else None,
            occurrences=coming(content.event.occurrences) if content.event else (),
        )
        build = event_object if content.event is not None else story_object
        return replace(post, document={"actor": key, "object": build(shared, actors()[key])})

    def validate(self, post: Post) -> list[Problem]:
        problems: list[Problem] = []
        if len(post.title) > MAX_NAME_CHARS:
            problems.append(Problem(f"Titlen er over {MAX_NAME_CHARS} tegn.", "title"))
        if post.image is not None and not post.image.alt:
            problems.append(
                Problem(
                    "Billedet mangler en alternativ tekst; Mastodon-brugere med skærmlæser "
                    "får den læst op.",
                    post.image_alt_field,
                )
            )
        return problems

    def _send(self, kind: str, post: Post) -> PostResult:
        if post.document is None:  # a post not made by compose(); never deliver an empty note
            raise PlatformError(
                kind="permanent",
                message_da="Opslaget til fediverset blev ikke bygget. Gem siden, og udgiv igen.",
            )
        entry = delivery.record(post.document["actor"], kind, post.document["object"], post.page_id)
        tasks.enqueue(entry.pk)
        return PostResult(external_id=entry.object_id, url=post.canonical_url)

    def publish(self, post: Post, record: PostRecord) -> PostResult:
        return self._send("Create", post)

    def update(self, post: Post, record: PostRecord) -> PostResult:
        return self._send("Update", post)

    def withdraw(self, record: PostRecord) -> PostResult:
        target = record.external_id
        sent = Activity.objects.filter(object_id=target).order_by("-pk").first() if target else None
        if sent is None or sent.kind == "Delete":
            return PostResult(external_id=target)  # never sent, or already withdrawn
        entry = delivery.record(sent.actor, "Delete", target, sent.page_id)
        tasks.enqueue(entry.pk)
        return PostResult(external_id=target)

    def fetch_reach(self, record: PostRecord, refused: frozenset[str] = frozenset()) -> ReachResult:
        return ReachResult(
            metrics={"followers_reached": delivery.followers_reached(record.external_id)}
        )


__all__ = ["FediverseBackend", "object_id"]
