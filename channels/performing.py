"""Performing: one attempt at one publication, claimed by exactly one worker.

A worker claims a row with a conditional UPDATE, so a retry, a double click
or two workers can never post twice. When an answer is lost, the post is
marked unconfirmed and looked up on the platform before anything is sent
again. The website never waits for a channel: a failed channel leaves the
story published and the post retryable.
"""

from __future__ import annotations

import logging
import uuid
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db.models import F
from django.utils import timezone
from wagtail.models import Page

from .alerts import login_blocked, login_works, mark_needs_login
from .governor import QuotaPaused, governor
from .http import PlatformError
from .models import Publication, PublicationAction
from .models import PublicationStatus as S
from .planning import choice_for, enqueue
from .platforms import Channel, NotReadyYet, PostResult, get_channel
from .retry import next_attempt

logger = logging.getLogger("voresishoj.channels")


def claim(publication_id: int) -> tuple[Publication, str] | None:
    """Take the publication for this worker, or None if it is not due or not ours."""
    now = governor.now()
    pub = Publication.objects.filter(pk=publication_id).first()
    if pub is None or pub.status not in (S.QUEUED, S.SCHEDULED, S.UNCONFIRMED):
        return None
    if pub.scheduled_at and pub.scheduled_at > now and pub.action == PublicationAction.PUBLISH:
        return None
    if pub.next_attempt_at and pub.next_attempt_at > now:
        return None
    token = uuid.uuid4().hex
    taken = Publication.objects.filter(
        pk=pub.pk, status=pub.status, claim_token=pub.claim_token, attempts=pub.attempts
    ).update(
        status=S.PUBLISHING,
        claim_token=token,
        claimed_at=now,
        attempts=F("attempts") + 1,
        updated_at=timezone.now(),
    )
    if not taken:
        return None
    previous = pub.status
    pub.refresh_from_db()
    pub.draft = {**pub.draft, "claimed_from": previous}
    return pub, previous


def finish(pub: Publication, token: str, **fields: Any) -> bool:
    """Write an attempt's outcome, only if this worker still holds the claim."""
    fields.setdefault("updated_at", timezone.now())
    written = Publication.objects.filter(pk=pub.pk, claim_token=token).update(**fields)
    if not written:
        logger.warning("channels: publication %s was reclaimed; outcome dropped", pub.pk)
    return bool(written)


def perform(publication_id: int) -> str:
    """One attempt at one publication; returns its new status."""
    claimed = claim(publication_id)
    if claimed is None:
        return "skipped"
    pub, previous = claimed
    token = pub.claim_token
    channel = get_channel(pub.channel)
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
        enqueue([(pub.pk, pause.until)])
        return S.QUEUED
    except NotReadyYet as wait:
        # The platform is still processing: not an attempt, and no worker waits for it.
        when = governor.now() + timedelta(seconds=wait.delay_seconds)
        finish(
            pub,
            token,
            status=S.QUEUED,
            next_attempt_at=when,
            attempts=F("attempts") - 1,
            notice=wait.note_da,
            draft={**_draft(pub), **wait.draft},
        )
        enqueue([(pub.pk, when)])
        return S.QUEUED
    except PlatformError as error:
        return _failed(pub, token, channel, error)
    return status


def _attempt(pub: Publication, token: str, channel: Channel, *, was_unconfirmed: bool) -> str:
    if not channel.is_configured():
        finish(pub, token, status=S.NOT_CONFIGURED, attempts=F("attempts") - 1)
        return S.NOT_CONFIGURED
    blocked = login_blocked(channel.slug)
    if blocked:
        finish(pub, token, status=S.NEEDS_LOGIN, last_error=blocked, attempts=F("attempts") - 1)
        return S.NEEDS_LOGIN
    paused = governor.paused_until(channel.slug)
    if paused:
        raise QuotaPaused(until=paused[0], reason=paused[1])
    page = pub.page.specific
    if pub.action == PublicationAction.WITHDRAW:
        return _withdraw(pub, token, channel, page)
    if not page.live:
        finish(pub, token, status=S.CANCELLED)
        return S.CANCELLED
    post = channel.render(page, choice_for(page, channel.slug))
    problems = channel.validate(post)
    if problems:
        finish(
            pub,
            token,
            status=S.FAILED,
            last_error=" ".join(problems),
            trace_id="",
            next_attempt_at=None,
        )
        return S.FAILED
    fingerprint = post.fingerprint()
    if was_unconfirmed and pub.action == PublicationAction.PUBLISH:
        found = channel.find_existing(post, pub)
        if found is not None:
            return _published(pub, token, found, fingerprint)
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
        result = channel.update(pub, post)
    else:
        result = channel.publish(post, pub)
    return _published(pub, token, result, fingerprint)


def _published(pub: Publication, token: str, result: PostResult, fingerprint: str) -> str:
    now = governor.now()
    finish(
        pub,
        token,
        status=S.PUBLISHED,
        external_id=result.external_id,
        external_url=result.url or pub.external_url,
        payload_hash=fingerprint,
        published_at=pub.published_at or now,
        last_error="",
        trace_id="",
        notice=result.notice_da,
        next_attempt_at=None,
        attempts=0,
        draft={**_draft(pub), **result.draft},
    )
    login_works(pub.channel)
    return S.PUBLISHED


def _withdraw(pub: Publication, token: str, channel: Channel, page: Page) -> str:
    if not pub.external_id:
        found = None
        if pub.draft.get("claimed_from") == S.UNCONFIRMED or pub.attempts > 1:
            found = channel.find_existing(channel.render(page, None), pub)
        if found is None:
            finish(pub, token, status=S.CANCELLED, next_attempt_at=None)
            return S.CANCELLED
        pub.external_id = found.external_id
    channel.withdraw(pub)
    finish(
        pub,
        token,
        status=S.WITHDRAWN,
        external_id=pub.external_id,
        last_error="",
        next_attempt_at=None,
        attempts=0,
        payload_hash="",
        notice="",
    )
    return S.WITHDRAWN


def _draft(pub: Publication, drop: tuple[str, ...] = ()) -> dict[str, Any]:
    """The platform state to keep between attempts, without this claim's bookkeeping."""
    return {k: v for k, v in pub.draft.items() if k != "claimed_from" and k not in drop}


def _failed(pub: Publication, token: str, channel: Channel, error: PlatformError) -> str:
    now = governor.now()
    attempts = pub.attempts
    common: dict[str, Any] = {"last_error": error.message_da, "trace_id": error.trace_id[:100]}
    if error.drop_draft:
        common["draft"] = _draft(pub, error.drop_draft)
    if error.kind == "auth":
        finish(pub, token, status=S.NEEDS_LOGIN, next_attempt_at=None, **common)
        mark_needs_login(channel, error.message_da)
        return S.NEEDS_LOGIN
    if error.kind == "permanent":
        finish(pub, token, status=S.FAILED, next_attempt_at=None, **common)
        return S.FAILED
    if error.kind == "rate_limited":
        until = now + timedelta(seconds=max(error.retry_after or 0, 60))
        governor.pause(channel.slug, until, error.message_da)
        finish(
            pub, token, status=S.QUEUED, next_attempt_at=until, attempts=F("attempts") - 1, **common
        )
        enqueue([(pub.pk, until)])
        return S.QUEUED
    # transient or lost: bounded retries with backoff; a lost answer is looked up first.
    if attempts >= settings.CHANNELS_MAX_ATTEMPTS:
        common["last_error"] += f" Opgivet efter {attempts} forsøg – tryk 'Prøv igen'."
        # A lost answer stays unconfirmed: "Prøv igen" looks it up before sending.
        status = S.UNCONFIRMED if error.kind == "lost" else S.FAILED
        finish(pub, token, status=status, next_attempt_at=None, **common)
        return status
    when = next_attempt(now, attempts, error.retry_after)
    status = (
        S.UNCONFIRMED
        if error.kind == "lost" or pub.draft.get("claimed_from") == S.UNCONFIRMED
        else S.QUEUED
    )
    finish(pub, token, status=status, next_attempt_at=when, **common)
    enqueue([(pub.pk, when)])
    return status
