"""Planning: what each channel must do now that a page was published or unpublished.

Intent is recorded inside the publishing transaction (one `Publication` per
page and channel) before any platform is called, so a worker can claim it
exactly once later; the caller hands the returned jobs to `tasks.enqueue`
only after commit. The chain runs one way: plan -> task (`tasks`) ->
perform (`performing`) -> record (`recording`).
"""

from __future__ import annotations

import uuid
from typing import Any

from django.db import transaction
from wagtail.models import Page

from .governor import governor
from .models import Publication, PublicationAction, choice_for
from .models import PublicationStatus as S
from .platforms import Channel
from .registry import all_channels, channels
from .rendering import shares_content
from .tasks import Job

NOT_YET_OUT = (S.SCHEDULED, S.QUEUED, S.FAILED, S.NEEDS_LOGIN, S.MANUAL, S.NOT_CONFIGURED)
IN_FLIGHT = (S.PUBLISHING, S.UNCONFIRMED)


def is_enabled(page: Page, channel: Channel) -> bool:
    choice = choice_for(page, channel.slug)
    if choice is not None:
        return choice.enabled
    return channel.default_enabled(page.specific.shared_content())


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
    for channel in all_channels():
        pub = existing.get(channel.slug)
        choice = choice_for(page, channel.slug)
        if not is_enabled(page, channel):
            if pub is not None:
                jobs += _switch_off(pub, channel)
            continue
        if not channel.is_configured():
            if pub is not None and pub.status in NOT_YET_OUT:
                _save(pub, status=S.NOT_CONFIGURED)
            continue
        post_at = choice.post_at if choice is not None and choice.post_at else now
        if channel.is_manual:
            if pub is None or pub.status in (S.CANCELLED, S.WITHDRAWN):
                pub = pub or Publication(page=page, channel=channel.slug)
                _save(pub, status=S.MANUAL, action=PublicationAction.PUBLISH, scheduled_at=post_at)
            continue
        if pub is None:
            pub = Publication(page=page, channel=channel.slug, idempotency_key=uuid.uuid4().hex)
        if pub.status in IN_FLIGHT:
            continue  # the running attempt renders the page as it is when it runs
        if pub.status == S.PUBLISHED and pub.external_id:
            _save(
                pub,
                status=S.QUEUED,
                action=PublicationAction.UPDATE,
                attempts=0,
                next_attempt_at=None,
                last_error="",
                fix_field="",
            )
            jobs.append((pub.pk, None))
            continue
        fresh = pub.status in (S.WITHDRAWN, S.CANCELLED) or not pub.external_id
        if fresh and pub.status in (S.WITHDRAWN, S.CANCELLED):
            pub.idempotency_key = uuid.uuid4().hex
            pub.external_id = pub.external_url = pub.payload_hash = ""
        if fresh:
            # A platform object prepared for the old text (an Instagram container
            # still processing) must not go out with the edited story.
            pub.draft = {}
        due_now = post_at <= now
        _save(
            pub,
            status=S.QUEUED if due_now else S.SCHEDULED,
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
    if pub.status in NOT_YET_OUT and not pub.external_id:
        _save(pub, status=S.CANCELLED)
        return []
    if pub.status in (S.WITHDRAWN, S.CANCELLED):
        return []
    if channel.can_withdraw:
        _save(
            pub,
            status=S.QUEUED,
            action=PublicationAction.WITHDRAW,
            attempts=0,
            next_attempt_at=None,
        )
        return [(pub.pk, None)]
    _save(
        pub,
        notice=f"Kanalen er slået fra, men {channel.label} kan ikke trække opslaget "
        f"tilbage automatisk. Slet det i hånden på {channel.label}.",
    )
    return []


@transaction.atomic
def plan_withdrawal(page: Page) -> list[Job]:
    """The page was unpublished: cancel what is waiting, withdraw what is out."""
    jobs: list[Job] = []
    for pub in Publication.objects.select_for_update().filter(page=page):
        channel = channels.get(pub.channel)
        if pub.status in (S.WITHDRAWN, S.CANCELLED) or channel is None:
            continue
        if pub.status in NOT_YET_OUT and not pub.external_id:
            _save(pub, status=S.CANCELLED)
        elif channel.can_withdraw:
            _save(
                pub,
                status=S.QUEUED,
                action=PublicationAction.WITHDRAW,
                attempts=0,
                next_attempt_at=None,
                last_error="",
                fix_field="",
            )
            jobs.append((pub.pk, None))
        else:
            _save(
                pub,
                notice=f"Historien er afpubliceret, men {channel.label} kan ikke "
                f"trække opslaget tilbage automatisk. Slet det i hånden på {channel.label}.",
            )
    return jobs


def _save(pub: Publication, **fields: Any) -> None:
    for name, value in fields.items():
        setattr(pub, name, value)
    pub.save()
