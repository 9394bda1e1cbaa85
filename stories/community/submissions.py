"""A resident's story, recipe or photo becomes a draft for the secretariat.

Nothing is published directly. A story or recipe is an unpublished StoryPage
under "Historier" in the "Godkendelse" workflow (a recipe as a recipe block
after its family history); a photo is a Wagtail image in "Indsendte billeder"
plus a pending `PhotoSubmission`, under a random file name and never public
until approved (home/uploads.py). The submitter's name and e-mail go to the
submission records only; each kind opens the resident's private link the same
way (home/participation.py).
"""

from __future__ import annotations

from django.db import transaction
from wagtail.images import get_image_model
from wagtail.models import Collection

from home import participation, uploads
from home.participation_models import Contribution, ContributionKind
from home.submissions import file_draft, paragraphs, unique_child_slug
from stories.models import (
    PhotoCallPage,
    PhotoSubmission,
    StoryIndexPage,
    StoryPage,
    StorySubmission,
    SubmissionKind,
)

PLACEHOLDER_ALT = "Billede mangler – vælges af sekretariatet"


def submitted_images_collection() -> Collection:
    """Where unmoderated photos wait (home/uploads.py): never served publicly."""
    return uploads.pending_collection()


def _create_draft(
    index: StoryIndexPage, *, title: str, intro: str, body: list, tags: tuple = ()
) -> StoryPage:
    # A resident has no hero image to offer; the secretariat picks one before
    # publishing (the field is required on publish, so it cannot be forgotten).
    page = StoryPage(
        title=title,
        slug=unique_child_slug(index, title, fallback="historie"),
        intro=intro[:300],
        image=None,
        image_alt=PLACEHOLDER_ALT,
        body=body,
    )
    if tags:
        page.tags.add(*tags)
    return file_draft(index, page)


def _record(page: StoryPage, kind: str, data: dict) -> Contribution:
    """Who sent it (personal data) and the resident's link (none)."""
    submission = StorySubmission.objects.create(
        page=page,
        kind=kind,
        name=data["name"],
        email=data["email"],
        message=data.get("message", ""),
    )
    contribution_kind = (
        ContributionKind.RECIPE if kind == SubmissionKind.RECIPE else ContributionKind.STORY
    )
    return participation.open_contribution(contribution_kind, page.title, submission, page)


def create_story_draft(index: StoryIndexPage, data: dict) -> Contribution:
    with transaction.atomic():
        page = _create_draft(
            index, title=data["title"], intro=data["intro"], body=paragraphs(data["body"])
        )
        return _record(page, SubmissionKind.STORY, data)


def recipe_block(data: dict) -> tuple:
    return (
        "recipe",
        {
            "name": data["dish"],
            "servings": data["servings"],
            "prep_minutes": None,
            "ingredients": data["ingredients"],
            "steps": data["steps"],
        },
    )


def create_recipe_draft(index: StoryIndexPage, data: dict) -> Contribution:
    history = data["history"].replace("\r\n", "\n").strip()
    first, _, rest = history.partition("\n\n")
    if "\n" not in first and len(first) <= 300:
        # A short first paragraph is the lead; the body goes on from it rather
        # than repeating it under the lead.
        intro, body_text = first, rest
    else:
        intro, body_text = history.split("\n")[0][:300], history
    with transaction.atomic():
        page = _create_draft(
            index,
            title=f"Mad med historie: {data['dish']}",
            intro=intro,
            body=paragraphs(body_text) + [recipe_block(data)],
            tags=("mad med historie",),
        )
        return _record(page, SubmissionKind.RECIPE, data)


def create_photo_submission(call: PhotoCallPage, data: dict) -> Contribution:
    with transaction.atomic():
        image = get_image_model()(
            title=f"{call.title}: {data['caption']}"[:255],
            file=uploads.rename_upload(data["image"]),
            collection=submitted_images_collection(),
        )
        image.save()
        photo = PhotoSubmission.objects.create(
            call=call,
            image=image,
            caption=data["caption"],
            photographer=data["photographer"],
            email=data.get("email", ""),
            consent=True,
        )
        # The photo shows in the call's gallery: the call is its page.
        return participation.open_contribution(
            ContributionKind.PHOTO, data["caption"], photo, call, becomes_page=False
        )
