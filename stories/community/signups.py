"""Taking a task on a group's board: the last spot goes to exactly one person.

A sign-up takes a place only once it is confirmed from the e-mail it names
(a signed link, valid CONFIRMATION_HOURS): without that, one address could
fill a task with made-up names. The form records an unconfirmed sign-up and
sends the mail; confirming counts the confirmed ones again under the lock.

Many volunteers have a phone and no e-mail. Their sign-up is confirmed by
hand: the group's contact person gets a link of their own (valid
HAND_CONFIRMATION_DAYS), calls or texts the volunteer, and confirms with it.

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
HAND_CONFIRMATION_DAYS = 14
_SALT = "stories.task-signup-confirmation"
# Another salt: the volunteer's own link never works as the contact person's.
_HAND_SALT = "stories.task-signup-confirmation-by-hand"


def confirmed(signups):
    return signups.filter(confirmed_at__isnull=False)


def confirmation_token(signup: TaskSignup, by_hand: bool = False) -> str:
    """The volunteer's link, or (by_hand) the group contact's for a phone sign-up."""
    return signing.dumps(signup.pk, salt=_HAND_SALT if by_hand else _SALT, compress=True)


def _signed_pk(token: str) -> tuple[int, bool] | None:
    for salt, max_age, by_hand in (
        (_SALT, timedelta(hours=CONFIRMATION_HOURS), False),
        (_HAND_SALT, timedelta(days=HAND_CONFIRMATION_DAYS), True),
    ):
        try:
            return signing.loads(token, salt=salt, max_age=max_age), by_hand
        except signing.BadSignature:
            continue
    return None


def signup_from_token(token: str) -> TaskSignup | None:
    """The sign-up a confirmation link names; None when forged or expired. A
    link the contact person confirms with marks it `confirmed_by_hand`."""
    signed = _signed_pk(token)
    if signed is None:
        return None
    pk, by_hand = signed
    signup = TaskSignup.objects.select_related("task", "task__page").filter(pk=pk).first()
    if signup is not None:
        signup.confirmed_by_hand = by_hand
    return signup


def is_email(contact: str) -> bool:
    return "@" in contact


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
