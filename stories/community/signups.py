"""Taking a task on a group's board: the last spot goes to exactly one person.

A sign-up takes a place only once it is confirmed from the e-mail it names
(a signed link, valid CONFIRMATION_HOURS): without that, one address could
fill a task with made-up names. The form records an unconfirmed sign-up and
sends the mail; confirming counts the confirmed ones again under the lock.

Two residents pressing "Jeg tager den" for the last spot at the same moment
must not both get it. The task row is locked (`select_for_update`, PostgreSQL)
inside the transaction that counts and inserts; on SQLite the settings open
every transaction IMMEDIATE, which serialises writers the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from enum import StrEnum

from django.core import signing
from django.db import transaction
from django.utils import timezone

from stories.models import GroupTask, TaskSignup, VolunteerSignup


class SignupOutcome(StrEnum):
    TAKEN = "taken"
    PENDING = "pending"
    FULL = "full"
    GONE = "gone"
    INVALID = "invalid"


CONFIRMATION_HOURS = 48
_SALT = "stories.task-signup-confirmation"


def confirmed(signups):
    return signups.filter(confirmed_at__isnull=False)


def confirmation_token(signup: TaskSignup) -> str:
    return signing.dumps(signup.pk, salt=_SALT, compress=True)


def signup_from_token(token: str) -> TaskSignup | None:
    """The sign-up a confirmation link names; None when forged or expired."""
    try:
        pk = signing.loads(token, salt=_SALT, max_age=timedelta(hours=CONFIRMATION_HOURS))
    except signing.BadSignature:
        return None
    return TaskSignup.objects.select_related("task", "task__page").filter(pk=pk).first()


@dataclass(frozen=True)
class SignupResult:
    outcome: SignupOutcome
    still_needed: int
    signup: TaskSignup | None = None


def sign_up_for_task(task_id: int, page_id: int, name: str, contact: str) -> SignupResult:
    """Record an unconfirmed sign-up if a spot is free now; it takes the spot
    when confirmed (confirm_signup)."""
    with transaction.atomic():
        task = GroupTask.objects.select_for_update().filter(pk=task_id, page_id=page_id).first()
        if task is None:
            return SignupResult(SignupOutcome.GONE, 0)
        taken = confirmed(TaskSignup.objects.filter(task=task)).count()
        if taken >= task.hands_needed:
            return SignupResult(SignupOutcome.FULL, 0)
        signup = TaskSignup.objects.create(task=task, name=name, contact=contact, consent=True)
        return SignupResult(SignupOutcome.PENDING, task.hands_needed - taken, signup)


def confirm_signup(token: str) -> SignupResult:
    """Let the sign-up a link names take its place, if one is still free.

    Idempotent: a second click on the same link changes nothing.
    """
    found = signup_from_token(token)
    if found is None:
        return SignupResult(SignupOutcome.INVALID, 0)
    with transaction.atomic():
        task = GroupTask.objects.select_for_update().filter(pk=found.task_id).first()
        signup = TaskSignup.objects.filter(pk=found.pk).first()
        if task is None or signup is None:
            return SignupResult(SignupOutcome.GONE, 0)
        taken = confirmed(TaskSignup.objects.filter(task=task)).count()
        if signup.confirmed_at is not None:
            return SignupResult(SignupOutcome.TAKEN, max(task.hands_needed - taken, 0), signup)
        if taken >= task.hands_needed:
            return SignupResult(SignupOutcome.FULL, 0, signup)
        signup.confirmed_at = timezone.now()
        signup.save(update_fields=["confirmed_at"])
        return SignupResult(SignupOutcome.TAKEN, task.hands_needed - taken - 1, signup)


def offer_a_hand(name: str, contact: str, interests: str, groups) -> VolunteerSignup:
    with transaction.atomic():
        volunteer = VolunteerSignup.objects.create(
            name=name, contact=contact, interests=interests, consent=True
        )
        volunteer.groups.set(groups or [])
    return volunteer
