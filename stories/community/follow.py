"""What a resident's follow link and the secretariat's answers do to the
records stories keeps (home/participation.py holds the path itself).

A withdrawal before the answer takes the draft away and erases the person; after
the answer the content stays as decided and only the person goes. A photo's
answer reaches its PhotoSubmission and its file (home/uploads.py).
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from wagtail.models import Page

from home import participation, uploads
from home.participation_models import Contribution, ContributionKind, ContributionStatus
from stories.models import EventSubmission, PhotoStatus, PhotoSubmission, StorySubmission

from .personal_data import SUBMISSIONS, erase_submission_personal_data, source_for


def _erase(contribution: Contribution) -> bool:
    record = contribution.record
    if record is None or record._meta.label not in SUBMISSIONS:
        return False
    return erase_submission_personal_data(record)


@transaction.atomic
def withdraw(contribution: Contribution) -> bool:
    """The resident takes back a submission not yet answered: the draft (or the
    waiting photo) goes, the personal data with it. False once answered."""
    contribution = Contribution.objects.select_for_update().get(pk=contribution.pk)
    if not contribution.is_waiting:
        return False
    _erase(contribution)
    record = contribution.record
    if isinstance(record, PhotoSubmission):
        uploads.discard(record.image)
        record.delete()
    elif contribution.becomes_page and contribution.page_id:
        draft = Page.objects.filter(pk=contribution.page_id, live=False).first()
        if draft is not None:
            # The resident's own draft, never published: nothing public points at it.
            draft.specific.delete()
    return participation.withdraw(contribution)


def holds_personal_data(contribution: Contribution) -> bool:
    record = contribution.record
    if record is None or record._meta.label not in SUBMISSIONS:
        return False
    return any(getattr(record, name, "") for name in source_for(record._meta.label).contact_fields)


def erase(contribution: Contribution) -> bool:
    """After the answer: the person goes, what was decided stays."""
    return _erase(contribution)


def on_contribution_changed(sender, contribution: Contribution, **kwargs):
    """An answer given anywhere reaches the photo it is about."""
    if contribution.kind != ContributionKind.PHOTO:
        return
    photo = contribution.record
    if not isinstance(photo, PhotoSubmission) or photo.status != PhotoStatus.PENDING:
        return
    if contribution.status == ContributionStatus.PUBLISHED:
        photo.status = PhotoStatus.APPROVED
        photo.reviewed_at = timezone.now()
        photo.save(update_fields=["status", "reviewed_at"])
        uploads.release(photo.image)
    elif contribution.status == ContributionStatus.REJECTED:
        # As the photo review always did: the file goes at once, the record with it.
        uploads.discard(photo.image)
        photo.delete()


def connect() -> None:
    participation.register_record(StorySubmission, "email", "name")
    participation.register_record(EventSubmission, "email", "name")
    participation.register_record(PhotoSubmission, "email")
    participation.contribution_changed.connect(
        on_contribution_changed, dispatch_uid="stories-contribution-changed"
    )
