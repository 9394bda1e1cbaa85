"""No page goes live showing a resident's photo the secretariat has not approved.

The editor's publish button is checked by a ``before_publish_page`` hook, but
Wagtail makes pages live along other paths that never run it: scheduled
publishing (``publish_scheduled``, the clock), bulk publish, and the approval
of a moderation workflow. Every one of them ends in the page model's
``publish(revision)``, so every page type mixes in ``ModeratedImagesPage``: a
revision that uses an image still in "Indsendte billeder" is held back, not
published, and the page's history says why in Danish. A scheduled revision
keeps its go-live time, so the clock publishes it once the image is approved.
"""

from __future__ import annotations

import logging

from wagtail.images import get_image_model

from home.roles import SUBMITTED_IMAGES_COLLECTION

logger = logging.getLogger(__name__)

HELD_BACK = "vores.publish.held_back"

HELD_BACK_MESSAGE = (
    "Udgivelsen er holdt tilbage: siden bruger et billede, som en borger har indsendt, "
    "og som sekretariatet ikke har godkendt endnu (%s). Godkend billedet under "
    "Fællesskab → Indsendte billeder, eller vælg et andet billede."
)

BULK_REFUSED = (
    "Ingen sider er udgivet: disse sider bruger et billede, som en borger har indsendt, "
    "og som sekretariatet ikke har godkendt endnu (%s). Godkend billedet under "
    "Fællesskab → Indsendte billeder, eller vælg et andet billede."
)


def unmoderated_images(page) -> list:
    """Images waiting in "Indsendte billeder" that the page uses (any field or
    block), except those publishing this page approves (a suggested event's
    own image: see ``images_publishing_approves``)."""
    from wagtail.models import ReferenceIndex

    image_model = get_image_model()
    content_type = ReferenceIndex._get_base_content_type(image_model)
    ids = {
        int(object_id)
        for type_id, object_id, *_rest in ReferenceIndex._extract_references_from_object(page)
        if type_id == content_type.pk and str(object_id).isdecimal()
    }
    ids -= set(getattr(page, "images_publishing_approves", lambda: ())())
    if not ids:
        return []
    return list(
        image_model.objects.filter(pk__in=ids, collection__name=SUBMITTED_IMAGES_COLLECTION)
    )


def image_titles(images) -> str:
    return ", ".join(f"'{image.title}'" for image in images)


def _log_held_back(page, revision, pending, user) -> None:
    """One history entry per held-back revision: the clock retries every run."""
    from wagtail.log_actions import log
    from wagtail.models import PageLogEntry

    if PageLogEntry.objects.filter(page=page, action=HELD_BACK, revision=revision).exists():
        return
    log(
        instance=page,
        action=HELD_BACK,
        user=user,
        revision=revision,
        data={"images": [image.title for image in pending]},
    )


class ModeratedImagesPage:
    """Mixed into every page type before ``Page``: the one place every
    publishing path passes through (see the module docstring)."""

    def images_publishing_approves(self) -> set[int]:
        return set()

    def publish(self, revision, user=None, *args, **kwargs):
        pending = unmoderated_images(revision.as_object())
        if pending:
            logger.warning(
                "Publishing held back: page %s revision %s uses unmoderated images %s",
                self.pk,
                revision.pk,
                [image.pk for image in pending],
            )
            if self.first_published_at is None and self.live:
                # Wagtail adds a new page live and then publishes it; never
                # published, it stays a draft (its revision keeps everything).
                type(self).objects.filter(pk=self.pk).update(
                    live=False, has_unpublished_changes=True
                )
                self.live = False
            _log_held_back(self, revision, pending, user)
            return None
        return super().publish(revision, user, *args, **kwargs)


def register_log_action(actions) -> None:
    """register_log_actions: the history entry reads in Danish."""
    from wagtail.log_actions import LogFormatter

    @actions.register_action(HELD_BACK)
    class HeldBack(LogFormatter):
        label = "Udgivelse holdt tilbage"

        def format_message(self, log_entry):
            return HELD_BACK_MESSAGE % image_titles_of(log_entry)


def refuse_bulk_publish(request, action_type, objects, action):
    """before_bulk_action: bulk publish refuses, with the reason, when any page
    it would make live (drafts below included, if asked) uses an unmoderated
    image; otherwise the model would hold those pages back without a word."""
    from django.contrib import messages
    from django.shortcuts import redirect
    from wagtail.models import Page

    if action_type != "publish" or not all(isinstance(o, Page) for o in objects):
        return None
    pages = list(objects)
    form = getattr(action, "cleaned_form", None)
    if form is not None and form.cleaned_data.get("include_descendants"):
        for page in objects:
            pages.extend(page.get_descendants().not_live())
    refused = []
    for page in pages:
        revision = page.get_latest_revision()
        pending = unmoderated_images(revision.as_object() if revision else page.specific)
        if pending:
            refused.append(f"»{page.title}«: {image_titles(pending)}")
    if not refused:
        return None
    messages.error(request, BULK_REFUSED % "; ".join(refused))
    return redirect(action.next_url)


def say_held_back_after_approval(request, page):
    """after_edit_page: the secretariat approving a draft whose photo is still
    unmoderated is told at once that it did not go out, and why."""
    from django.contrib import messages
    from wagtail.models import PageLogEntry

    if request.method != "POST" or request.POST.get("workflow-action-name") != "approve":
        return None
    revision = page.get_latest_revision()
    entry = PageLogEntry.objects.filter(page=page, action=HELD_BACK, revision=revision).first()
    if entry is not None:
        messages.error(request, HELD_BACK_MESSAGE % image_titles_of(entry))
    return None


def image_titles_of(entry) -> str:
    return ", ".join(f"'{title}'" for title in (entry.data or {}).get("images", []))
