"""A publication's states and the one table of moves between them.

Every writer of `Publication.status` goes through `Publication.move_to` or
`PublicationQuerySet.move_to`, which refuse a move this table does not list
(`IllegalTransition`): the planner (publish, edit, switch off, unpublish,
delete), the worker (claim and outcome), the clock (due posts, expired
claims), the editor's "Prøv igen" and "Registrér link", and a login that
stopped working. tests/channels/test_lifecycle.py walks the table
exhaustively and with a hypothesis state machine.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import models


class PublicationStatus(models.TextChoices):
    SCHEDULED = "scheduled", "Planlagt"
    QUEUED = "queued", "I kø"
    PUBLISHING = "publishing", "Sendes nu"
    PUBLISHED = "published", "Udgivet"
    UNCONFIRMED = "unconfirmed", "Ubekræftet (tjekkes)"
    FAILED = "failed", "Fejlet"
    NEEDS_LOGIN = "needs_login", "Kræver nyt login"
    WITHDRAWN = "withdrawn", "Trukket tilbage"
    CANCELLED = "cancelled", "Annulleret"
    NOT_CONFIGURED = "not_configured", "Ikke sat op"
    MANUAL = "manual", "Klar til manuel deling"


class PublicationAction(models.TextChoices):
    """What the next attempt must do on the platform."""

    PUBLISH = "publish", "Udgiv"
    UPDATE = "update", "Opdater"
    WITHDRAW = "withdraw", "Træk tilbage"


S = PublicationStatus

NOT_YET_OUT = frozenset(
    {S.SCHEDULED, S.QUEUED, S.FAILED, S.NEEDS_LOGIN, S.MANUAL, S.NOT_CONFIGURED}
)
"""Nothing went out yet, unless an earlier attempt left an external id."""
IN_FLIGHT = frozenset({S.PUBLISHING, S.UNCONFIRMED})
"""A worker holds the post, or its answer was lost and it is looked up first."""
WAITING = frozenset({S.SCHEDULED, S.QUEUED, S.UNCONFIRMED})
"""A worker may claim the post when it is due."""
PROBLEMS = (S.FAILED, S.NEEDS_LOGIN, S.UNCONFIRMED)
"""Statuses an editor must act on, in the order they are listed."""
RETRYABLE = frozenset(PROBLEMS)
"""What the admin offers "Prøv igen" for."""
HURRIABLE = RETRYABLE | {S.QUEUED}
"""What "Prøv igen" takes up: the problems, and a queued post made due now."""
DONE = frozenset({S.WITHDRAWN, S.CANCELLED})
"""Nothing is on the platform and nothing is planned."""

_OUTCOMES = frozenset(
    {
        S.PUBLISHED,
        S.QUEUED,
        S.UNCONFIRMED,
        S.FAILED,
        S.NEEDS_LOGIN,
        S.NOT_CONFIGURED,
        S.CANCELLED,
        S.WITHDRAWN,
    }
)
_PLANNED = frozenset({S.QUEUED, S.SCHEDULED, S.CANCELLED, S.NOT_CONFIGURED, S.NEEDS_LOGIN})

TRANSITIONS: dict[str | None, frozenset[str]] = {
    # A new record: planned for a channel, or prepared for an editor to post by hand.
    None: frozenset({S.QUEUED, S.SCHEDULED, S.MANUAL, S.NOT_CONFIGURED}),
    # Waiting: claimed by a worker, re-planned (edit, new time, switched off,
    # unpublished, deleted), or held back because the login or the setup is gone.
    S.SCHEDULED: _PLANNED | {S.PUBLISHING},
    S.QUEUED: _PLANNED | {S.PUBLISHING},
    # A worker's outcome; a withdrawal planned while it sends.
    S.PUBLISHING: _OUTCOMES | {S.QUEUED},
    # Out there: edited or withdrawn (both queued for a worker).
    S.PUBLISHED: frozenset({S.QUEUED}),
    # The answer was lost: looked up by the next claim, made due again by "Prøv
    # igen", or withdrawn; the worker that lost its lease may still record the
    # answer it got late.
    S.UNCONFIRMED: _OUTCOMES | {S.PUBLISHING},
    # An editor (or a renewed login) sends it again, or it is called off.
    S.FAILED: _PLANNED,
    S.NEEDS_LOGIN: _PLANNED,
    S.NOT_CONFIGURED: _PLANNED,
    # The editor posted by hand and recorded the link, or the channel is off.
    S.MANUAL: frozenset({S.PUBLISHED, S.CANCELLED}),
    # Gone from the platform: a new publish plans a fresh post.
    S.WITHDRAWN: frozenset({S.QUEUED, S.SCHEDULED, S.MANUAL, S.NOT_CONFIGURED}),
    S.CANCELLED: frozenset({S.QUEUED, S.SCHEDULED, S.MANUAL, S.NOT_CONFIGURED}),
}


class IllegalTransition(ValueError):
    """A move the table does not allow: a bug in the caller, never a user's error."""


def allowed(source: str | None, target: str) -> bool:
    return target in TRANSITIONS.get(source, frozenset())


def check(sources: Iterable[str | None], target: str) -> None:
    bad = sorted(str(s) for s in sources if not allowed(s, target))
    if bad:
        raise IllegalTransition(f"{', '.join(bad)} -> {target} is not an allowed transition")
