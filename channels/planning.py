"""Planning: what each channel must do now that a page was published or unpublished.

Intent is recorded inside the publishing transaction (one `Publication` per
page and channel) before any platform is called, so a worker can claim it
exactly once later; the caller hands the returned jobs to `tasks.enqueue`
only after commit. The chain runs one way: plan -> task (`tasks`) ->
perform (`performing`) -> record (`recording`).
"""

from __future__ import annotations

import uuid

from django.db import transaction
from wagtail.models import Page

from home.sharing import SharedContent

from .governor import governor
from .models import Publication, PublicationAction, choice_for, enabled_by_default
from .models import PublicationStatus as S
from .models.lifecycle import DONE, IN_FLIGHT, NOT_YET_OUT
from .platforms import Channel
from .registry import all_channels, channels
from .rendering import shares_content
from .tasks import Job


def is_enabled(page: Page, channel: Channel, content: SharedContent | None = None) -> bool:
    choice = choice_for(page, channel.slug)
    if choice is not None:
        return choice.enabled
    return enabled_by_default(page, channel, content or page.specific.shared_content())


@transaction.atomic
def plan_page(page: Page) -> list[Job]:
    """Record what each channel must do now that `page` is published.

    Runs inside the publishing transaction; returns the jobs to enqueue once
    it commits.
    """
    page = page.specific
    if not shares_content(page):
        return []
    now = governor.now()
    jobs: list[Job] = []
    existing = {p.channel: p for p in Publication.objects.select_for_update().filter(page=page)}
    content = page.shared_content()
    snapshot = {"page_title": content.title[:255], "page_url": content.url[:500]}
    for channel in all_channels():
        pub = existing.get(channel.slug)
        choice = choice_for(page, channel.slug)
        if not is_enabled(page, channel, content):
            if pub is not None:
                jobs += _switch_off(pub, channel)
            continue
        if not channel.is_configured():
            if pub is not None and pub.status in NOT_YET_OUT - {S.MANUAL}:
                pub.move_to(S.NOT_CONFIGURED)
            continue
        post_at = choice.post_at if choice is not None and choice.post_at else now
        if channel.is_manual:
            if pub is None or pub.status in DONE:
                pub = pub or Publication(page=page, channel=channel.slug)
                pub.move_to(
                    S.MANUAL, action=PublicationAction.PUBLISH, scheduled_at=post_at, **snapshot
                )
            continue
        if pub is None:
            pub = Publication(page=page, channel=channel.slug, idempotency_key=uuid.uuid4().hex)
        if pub.status in IN_FLIGHT:
            continue  # the running attempt renders the page as it is when it runs
        if pub.status == S.PUBLISHED and pub.external_id:
            pub.move_to(
                S.QUEUED,
                action=PublicationAction.UPDATE,
                **snapshot,
                attempts=0,
                next_attempt_at=None,
                last_error="",
                fix_field="",
            )
            jobs.append((pub.pk, None))
            continue
        fresh = pub.status in DONE or not pub.external_id
        if fresh and pub.status in DONE:
            pub.idempotency_key = uuid.uuid4().hex
            pub.external_id = pub.external_url = pub.payload_hash = ""
        if fresh:
            # A platform object prepared for the old text (an Instagram container
            # still processing) must not go out with the edited story.
            pub.draft = {}
        due_now = post_at <= now
        pub.move_to(
            S.QUEUED if due_now else S.SCHEDULED,
            **snapshot,
            action=PublicationAction.PUBLISH if fresh else PublicationAction.UPDATE,
            scheduled_at=post_at,
            attempts=0,
            next_attempt_at=None,
            last_error="",
            fix_field="",
            trace_id="",
            notice="",
        )
        jobs.append((pub.pk, None if due_now else post_at))
    return jobs


def _switch_off(pub: Publication, channel: Channel) -> list[Job]:
    """The editor turned a channel off: cancel what has not gone out, withdraw the rest."""
    return _take_down(
        pub,
        channel,
        f"Kanalen er slået fra, men {channel.label} kan ikke trække opslaget "
        f"tilbage automatisk. Slet det i hånden på {channel.label}.",
    )


@transaction.atomic
def plan_withdrawal(page: Page, *, deleted: bool = False) -> list[Job]:
    """The page was unpublished (or is being deleted): cancel what is waiting,
    withdraw what is out. Planning it twice plans it once: a post already queued
    for withdrawal stays queued, one withdrawn stays withdrawn."""
    jobs: list[Job] = []
    why = "slettet" if deleted else "afpubliceret"
    for pub in Publication.objects.select_for_update().filter(page=page):
        channel = channels.get(pub.channel)
        if channel is None:
            continue
        jobs += _take_down(
            pub,
            channel,
            f"Historien er {why}, men {channel.label} kan ikke "
            f"trække opslaget tilbage automatisk. Slet det i hånden på {channel.label}.",
        )
    return jobs


def _take_down(pub: Publication, channel: Channel, by_hand_da: str) -> list[Job]:
    if pub.status in DONE:
        return []
    if pub.status in NOT_YET_OUT and not pub.external_id:
        pub.move_to(S.CANCELLED)
        return []
    if not channel.can_withdraw:
        pub.notice = by_hand_da
        pub.save(update_fields=["notice", "updated_at"])
        return []
    if pub.action == PublicationAction.WITHDRAW and pub.status in (S.QUEUED, *IN_FLIGHT):
        return []  # already on its way down: planning it again plans it once
    if pub.status == S.PUBLISHING:
        # A worker is sending it now: its outcome decides. If the post went out,
        # recording.published queues the withdrawal at once (never lost, never twice).
        pub.action = PublicationAction.WITHDRAW
        pub.save(update_fields=["action", "updated_at"])
        return []
    # A lost answer stays unconfirmed, so the withdrawal looks the post up first.
    pub.move_to(
        S.UNCONFIRMED if pub.status == S.UNCONFIRMED else S.QUEUED,
        action=PublicationAction.WITHDRAW,
        attempts=0,
        next_attempt_at=None,
        last_error="",
        fix_field="",
    )
    return [(pub.pk, None)]
