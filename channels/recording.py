"""Record: an attempt's outcome written onto its `Publication`, the end of the chain.

Only the worker that still holds the claim may write (`finish`). A failure is
classified here: a login to renew, a permanent error, a rate limit or a
transient fault with its next attempt time, which the task then enqueues.
"""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db.models import F

from home.outages import retry_through_database_outage

from .alerts import login_works, mark_needs_login
from .governor import governor
from .http import PlatformError
from .models import Publication, PublicationAction
from .models import PublicationStatus as S
from .models.lifecycle import IN_FLIGHT as HELD
from .platforms import Channel, PostResult
from .retry import next_attempt

logger = logging.getLogger("voresishoj.channels")


def finish(pub: Publication, token: str, *, status: str, **fields: Any) -> bool:
    """Write an attempt's outcome, only if this worker still holds the claim.

    The claim is the token: the post is still "publishing", or the clock gave it
    back as unconfirmed after the lease ran out and no other worker took it yet,
    so an answer that comes late is still recorded. The worker holds the only
    copy of what the platform answered, so a lost database is waited for
    (bounded by the stale sweep's limit) rather than the answer dropped and the
    post left "publishing".
    """
    written = retry_through_database_outage(
        lambda: Publication.objects.filter(pk=pub.pk, claim_token=token).move_to(
            status, sources=HELD, **fields
        ),
        settings.CHANNELS_STALE_CLAIM_SECONDS,
        what=f"kanal-opslag {pub.pk}",
    )
    if not written:
        logger.warning("channels: publication %s was reclaimed; outcome dropped", pub.pk)
    return bool(written)


def published(pub: Publication, token: str, result: PostResult, fingerprint: str) -> str:
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
        fix_field="",
        notice=result.notice_da,
        next_attempt_at=None,
        attempts=0,
        draft={**kept_draft(pub), **result.draft},
    )
    login_works(pub.channel)
    # The page was unpublished or deleted while this attempt sent it: take it down now.
    if Publication.objects.filter(
        pk=pub.pk, claim_token=token, action=PublicationAction.WITHDRAW
    ).move_to(S.QUEUED, sources=[S.PUBLISHED], attempts=0, next_attempt_at=now):
        return S.QUEUED
    return S.PUBLISHED


def kept_draft(pub: Publication, drop: tuple[str, ...] = ()) -> dict[str, Any]:
    """The platform state to keep between attempts, without this claim's bookkeeping."""
    return {k: v for k, v in pub.draft.items() if k != "claimed_from" and k not in drop}


def failed(pub: Publication, token: str, channel: Channel, error: PlatformError) -> str:
    now = governor.now()
    attempts = pub.attempts
    common: dict[str, Any] = {
        "last_error": error.message_da,
        "trace_id": error.trace_id[:100],
        "fix_field": error.field,
    }
    if error.drop_draft:
        common["draft"] = kept_draft(pub, error.drop_draft)
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
    return status
