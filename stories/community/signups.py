"""Taking a task on a group's board: the last spot goes to exactly one person.

Two residents pressing "Jeg tager den" for the last spot at the same moment
must not both get it. The task row is locked (`select_for_update`, PostgreSQL)
inside the transaction that counts and inserts; on SQLite the settings open
every transaction IMMEDIATE, which serialises writers the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from django.db import transaction

from stories.models import GroupTask, TaskSignup, VolunteerSignup


class SignupOutcome(StrEnum):
    TAKEN = "taken"
    FULL = "full"
    GONE = "gone"


@dataclass(frozen=True)
class SignupResult:
    outcome: SignupOutcome
    still_needed: int
    signup: TaskSignup | None = None


def sign_up_for_task(task_id: int, page_id: int, name: str, contact: str) -> SignupResult:
    """Record a sign-up if a spot is free; say so if the task filled up meanwhile."""
    with transaction.atomic():
        task = GroupTask.objects.select_for_update().filter(pk=task_id, page_id=page_id).first()
        if task is None:
            return SignupResult(SignupOutcome.GONE, 0)
        taken = TaskSignup.objects.filter(task=task).count()
        if taken >= task.hands_needed:
            return SignupResult(SignupOutcome.FULL, 0)
        signup = TaskSignup.objects.create(task=task, name=name, contact=contact, consent=True)
        return SignupResult(SignupOutcome.TAKEN, task.hands_needed - taken - 1, signup)


def offer_a_hand(name: str, contact: str, interests: str, groups) -> VolunteerSignup:
    with transaction.atomic():
        volunteer = VolunteerSignup.objects.create(
            name=name, contact=contact, interests=interests, consent=True
        )
        volunteer.groups.set(groups or [])
    return volunteer
