"""What the secretariat's decision does to a resident's uploaded files.

An event suggested with an image keeps that image in the unmoderated
collection (home/uploads.py) until the page is published; a rejected
suggestion, or a suggested page deleted unpublished, takes its image with it.
"""

from __future__ import annotations

from django.contrib import messages
from django.db.models.signals import post_delete
from django.shortcuts import redirect
from wagtail.images import get_image_model
from wagtail.signals import page_published, workflow_rejected

from home import uploads
from home.image_moderation import image_titles, unmoderated_images
from stories.models.event import EventPage


def _suggested_image(page):
    specific = getattr(page, "specific", page)
    return specific.suggested_image() if isinstance(specific, EventPage) else None


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


UNMODERATED_IMAGE = (
    "Siden kan ikke udgives: den bruger et billede, som en borger har indsendt, og som "
    "sekretariatet ikke har godkendt endnu (%s). Vælg et andet billede, eller få billedet "
    "godkendt under Fællesskab → Indsendte billeder."
)


def refuse_unmoderated_images(request, page):
    """before_publish_page: a page cannot go live with an unmoderated image."""
    pending = unmoderated_images(page.specific)
    if not pending:
        return None
    if page.first_published_at is None:
        # The create view adds the page live before this hook; never published,
        # it stays a draft (its revision keeps everything the editor wrote).
        type(page).objects.filter(pk=page.pk).update(live=False, has_unpublished_changes=True)
    messages.error(request, UNMODERATED_IMAGE % image_titles(pending))
    return redirect("wagtailadmin_pages:edit", page.pk)


def connect() -> None:
    page_published.connect(release_on_publish, dispatch_uid="moderation-release")
    workflow_rejected.connect(discard_on_reject, dispatch_uid="moderation-reject")
    post_delete.connect(discard_on_delete, sender=EventPage, dispatch_uid="moderation-delete")
