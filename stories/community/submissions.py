"""A resident's story, recipe or photo becomes a draft for the secretariat.

Nothing is published directly. A story or recipe is an unpublished StoryPage
under "Historier" in the "Godkendelse" workflow (a recipe as a recipe block
after its family history); a photo is a Wagtail image in "Indsendte billeder"
plus a pending `PhotoSubmission`, under a random file name and never public
until approved (home/uploads.py). The submitter's name and e-mail go to the
submission records only.
"""

from __future__ import annotations

from uuid import uuid4

from django.db import transaction
from django.utils.html import escape
from wagtail.images import get_image_model
from wagtail.rich_text import RichText

from home import uploads
from home.text import slugify_da
from stories.models import (
    PhotoCallPage,
    PhotoSubmission,
    StoryIndexPage,
    StoryPage,
    StorySubmission,
    SubmissionKind,
)

PLACEHOLDER_ALT = "Billede mangler – vælges af sekretariatet"


def _paragraphs(text: str) -> list:
    parts = [p.strip() for p in text.replace("\r\n", "\n").split("\n\n") if p.strip()]
    return [
        ("paragraph", RichText("<p>" + escape(p).replace("\n", "<br>") + "</p>")) for p in parts
    ]


def _unique_slug(index: StoryIndexPage, title: str) -> str:
    base = slugify_da(title)[:60] or "historie"
    slug = base
    while StoryPage.objects.child_of(index).filter(slug=slug).exists():
        slug = f"{base}-{uuid4().hex[:6]}"
    return slug


def _create_draft(index: StoryIndexPage, *, title: str, intro: str, body: list) -> StoryPage:
    # A resident has no hero image to offer; the secretariat picks one before
    # publishing (the field is required on publish, so it cannot be forgotten).
    page = StoryPage(
        title=title,
        slug=_unique_slug(index, title),
        intro=intro[:300],
        hero_image=None,
        hero_image_alt=PLACEHOLDER_ALT,
        body=body,
        live=False,
    )
    index.add_child(instance=page)
    page.save_revision(log_action=True, clean=False)
    workflow = page.get_workflow()
    if workflow is not None:
        workflow.start(page, None)
    return page


def create_story_draft(index: StoryIndexPage, data: dict) -> StoryPage:
    with transaction.atomic():
        page = _create_draft(
            index, title=data["title"], intro=data["intro"], body=_paragraphs(data["body"])
        )
        StorySubmission.objects.create(
            page=page,
            kind=SubmissionKind.STORY,
            name=data["name"],
            email=data["email"],
            message=data.get("message", ""),
        )
    return page


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


def create_recipe_draft(index: StoryIndexPage, data: dict) -> StoryPage:
    history = data["history"]
    with transaction.atomic():
        page = _create_draft(
            index,
            title=f"Mad med historie: {data['dish']}",
            intro=history.split("\n")[0][:300],
            body=_paragraphs(history) + [recipe_block(data)],
        )
        page.tags.add("mad med historie")
        page.save_revision(clean=False)
        StorySubmission.objects.create(
            page=page,
            kind=SubmissionKind.RECIPE,
            name=data["name"],
            email=data["email"],
            message=data.get("message", ""),
        )
    return page


def create_photo_submission(call: PhotoCallPage, data: dict) -> PhotoSubmission:
    with transaction.atomic():
        image = get_image_model()(
            title=f"{call.title}: {data['caption']}"[:255],
            file=uploads.rename_upload(data["image"]),
            collection=uploads.pending_collection(),
        )
        image.save()
        return PhotoSubmission.objects.create(
            call=call,
            image=image,
            caption=data["caption"],
            photographer=data["photographer"],
            email=data.get("email", ""),
            consent=True,
        )
