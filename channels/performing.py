"""Performing: one attempt at one publication, claimed by exactly one worker.

A worker claims a row with a conditional UPDATE, so a retry, a double click
or two workers can never post twice. When an answer is lost, the post is
marked unconfirmed and looked up on the platform before anything is sent
again. The website never waits for a channel: a failed channel leaves the
story published and the post retryable. Outcomes are written by `recording`;
a retry is enqueued by the task (`tasks.perform_publication`), not from here.
"""

from __future__ import annotations

import logging
import uuid
from datetime import datetime, timedelta

from django.db.models import F
from wagtail.models import Page

from .alerts import login_blocked
from .governor import QuotaPaused, governor
from .http import PlatformError
from .lease import ClaimHeartbeat
from .models import Publication, PublicationAction
from .models import PublicationStatus as S
from .platforms import Channel, NotReadyYet, Post
from .recording import failed, finish, kept_draft, published
from .registry import channels
from .rendering import render_page

logger = logging.getLogger("voresishoj.channels")


SKIPPED = "skipped"
"""What `perform` answers when the post was not due or not this worker's."""


def due_at(pub: Publication) -> datetime | None:
    """When a post waiting for its turn may be attempted (None: now)."""
    later = [pub.next_attempt_at] if pub.next_attempt_at else []
    if pub.scheduled_at and pub.action == PublicationAction.PUBLISH:
        later.append(pub.scheduled_at)
    return max(later) if later else None


def seconds_until_due(publication_id: int) -> float | None:
    """Seconds until a waiting post is due; None when it is not waiting (done, taken)."""
    pub = Publication.objects.filter(pk=publication_id).first()
    if pub is None or pub.status not in (S.QUEUED, S.SCHEDULED, S.UNCONFIRMED):
        return None
    due = due_at(pub)
    now = governor.now()
    if due is None or due <= now:
        return None
    return (due - now).total_seconds()


def claim(publication_id: int) -> tuple[Publication, str] | None:
    """Take the publication for this worker, or None if it is not due or not ours."""
    now = governor.now()
    pub = Publication.objects.waiting().filter(pk=publication_id).first()
    if pub is None:
        return None
    due = due_at(pub)
    if due is not None and due > now:
        return None
    token = uuid.uuid4().hex
    taken = Publication.objects.filter(
        pk=pub.pk, claim_token=pub.claim_token, attempts=pub.attempts
    ).move_to(
        S.PUBLISHING,
        sources=[pub.status],
        claim_token=token,
        claimed_at=now,
        enqueued_for=None,  # the queued task is spent; whatever comes next enqueues anew
        attempts=F("attempts") + 1,
    )
    if not taken:
        return None
    previous = pub.status
    pub.refresh_from_db()
    pub.draft = {**pub.draft, "claimed_from": previous}
    return pub, previous


def perform(publication_id: int) -> str:
    """One attempt at one publication; returns its new status."""
    claimed = claim(publication_id)
    if claimed is None:
        return SKIPPED
    pub, previous = claimed
    # The lease is renewed while the attempt runs, however long the platform takes.
    with ClaimHeartbeat(pub.pk, pub.claim_token):
        return _perform_claimed(pub, previous)


def _perform_claimed(pub: Publication, previous: str) -> str:
    token = pub.claim_token
    channel = channels.get(pub.channel)
    if channel is None:
        # The channel was taken out of CHANNELS while the post waited: nothing runs it.
        finish(pub, token, status=S.NOT_CONFIGURED, attempts=F("attempts") - 1)
        return S.NOT_CONFIGURED
    try:
        status = _attempt(pub, token, channel, was_unconfirmed=previous == S.UNCONFIRMED)
    except QuotaPaused as pause:
        governor.pause(channel.slug, pause.until, pause.reason)
        finish(
            pub,
            token,
            status=S.QUEUED,
            next_attempt_at=pause.until,
            attempts=F("attempts") - 1,
            notice=pause.reason,
        )
        return S.QUEUED
    except NotReadyYet as wait:
        # The platform is still processing: not an attempt, and no worker waits for it.
        finish(
            pub,
            token,
            status=S.QUEUED,
            next_attempt_at=governor.now() + timedelta(seconds=wait.delay_seconds),
            attempts=F("attempts") - 1,
            notice=wait.note_da,
            draft={**kept_draft(pub), **wait.draft},
        )
        return S.QUEUED
    except PlatformError as error:
        return failed(pub, token, channel, error)
    except Exception:
        return _interrupted(pub, token, channel)
    return status


INTERRUPTED = (
    "Forsøget blev afbrudt af en fejl hos os (fx database eller Redis utilgængelig); "
    "opslaget tjekkes på platformen, før det sendes igen."
)


def _interrupted(pub: Publication, token: str, channel: Channel) -> str:
    """Our own side failed mid-attempt (a bug, a dependency gone in a way
    recording could not wait out).

    The post may have gone out, so the claim is given back as a lost answer:
    unconfirmed, looked up before anything is sent again, and due after its
    retry interval, not left "publishing" until the stale sweep.
    """
    logger.exception("channels: attempt at publication %s was interrupted", pub.pk)
    return failed(pub, token, channel, PlatformError("lost", INTERRUPTED))


def _attempt(pub: Publication, token: str, channel: Channel, *, was_unconfirmed: bool) -> str:
    if not channel.is_configured():
        finish(pub, token, status=S.NOT_CONFIGURED, attempts=F("attempts") - 1)
        return S.NOT_CONFIGURED
    blocked = login_blocked(channel.slug)
    if blocked:
        finish(
            pub,
            token,
            status=S.NEEDS_LOGIN,
            last_error=blocked,
            fix_field="",
            attempts=F("attempts") - 1,
        )
        return S.NEEDS_LOGIN
    paused = governor.paused_until(channel.slug)
    if paused:
        raise QuotaPaused(until=paused[0], reason=paused[1])
    page = pub.page.specific if pub.page_id else None
    if pub.action == PublicationAction.WITHDRAW:
        return _withdraw(pub, token, channel, page)
    if page is None or not page.live:
        finish(pub, token, status=S.CANCELLED)
        return S.CANCELLED
    post = render_page(page, channel)
    problems = channel.validate(post)
    if problems:
        finish(
            pub,
            token,
            status=S.FAILED,
            last_error=" ".join(p.message_da for p in problems),
            fix_field=next((p.field for p in problems if p.field), ""),
            trace_id="",
            next_attempt_at=None,
        )
        return S.FAILED
    fingerprint = post.fingerprint()
    if was_unconfirmed and pub.action == PublicationAction.PUBLISH:
        found = channel.find_existing(post, pub.record())
        if found is not None:
            return published(pub, token, found, fingerprint)
    if pub.action == PublicationAction.UPDATE:
        if pub.payload_hash == fingerprint:
            finish(pub, token, status=S.PUBLISHED, attempts=0, next_attempt_at=None)
            return S.PUBLISHED
        if not channel.can_update:
            finish(
                pub,
                token,
                status=S.PUBLISHED,
                attempts=0,
                next_attempt_at=None,
                notice=f"{channel.label} tillader ikke at rette et udgivet opslag, så det "
                f"står uændret. Ret det i hånden på {channel.label}, hvis det er vigtigt.",
            )
            return S.PUBLISHED
        result = channel.update(post, pub.record())
    else:
        result = channel.publish(post, pub.record())
    return published(pub, token, result, fingerprint)


def remembered_post(pub: Publication) -> Post:
    """What is known of a deleted page's post: enough to find it by its address."""
    return Post(
        channel=pub.channel,
        page_id=0,
        title=pub.page_title,
        text="",
        link=pub.page_url,
        canonical_url=pub.page_url or "-",
    )


def _withdraw(pub: Publication, token: str, channel: Channel, page: Page | None) -> str:
    if not pub.external_id:
        found = None
        maybe_out = pub.draft.get("claimed_from") == S.UNCONFIRMED or pub.attempts > 1
        if maybe_out:
            # A deleted page is looked for by the address it had.
            post = render_page(page, channel) if page is not None else remembered_post(pub)
            found = channel.find_existing(post, pub.record())
        if found is None:
            finish(pub, token, status=S.CANCELLED, next_attempt_at=None)
            return S.CANCELLED
        pub.external_id = found.external_id
    channel.withdraw(pub.record())
    finish(
        pub,
        token,
        status=S.WITHDRAWN,
        external_id=pub.external_id,
        last_error="",
        fix_field="",
        next_attempt_at=None,
        attempts=0,
        payload_hash="",
        notice="",
    )
    return S.WITHDRAWN
