"""What the secretariat's decision does to a resident's uploaded files.

An event suggested with an image keeps that image in the unmoderated
collection (home/uploads.py) until the page is published; a rejected
suggestion, or a suggested page deleted unpublished, takes its image with it.
"""

from __future__ import annotations

from django.db.models.signals import post_delete
from wagtail.images import get_image_model
from wagtail.signals import page_published, workflow_rejected

from home import uploads
from stories.models.event import EventPage
from stories.models.event_submission import EventSubmission


def _suggested_image(page):
    specific = getattr(page, "specific", page)
    if not isinstance(specific, EventPage) or specific.image_id is None:
        return None
    if not EventSubmission.objects.filter(page_id=specific.pk).exists():
        return None
    return specific.image


def release_on_publish(sender, instance, **kwargs):
    """page_published: the approved event's image may now be shown anywhere."""
    uploads.release(_suggested_image(instance))


def discard_on_reject(sender, instance, **kwargs):
    """workflow_rejected: a resident cannot revise a suggestion, so a rejection is
    final and the unpublished image goes."""
    page = getattr(instance, "content_object", None) or getattr(instance, "page", None)
    if page is not None and not page.live:
        uploads.discard(_suggested_image(page))


def discard_on_delete(sender, instance, **kwargs):
    """post_delete of an event page: its still-pending image is nobody's any more."""
    image_id = getattr(instance, "image_id", None)
    if image_id is None:
        return
    uploads.discard(get_image_model().objects.filter(pk=image_id).first())


def connect() -> None:
    page_published.connect(release_on_publish, dispatch_uid="moderation-release")
    workflow_rejected.connect(discard_on_reject, dispatch_uid="moderation-reject")
    post_delete.connect(discard_on_delete, sender=EventPage, dispatch_uid="moderation-delete")
