"""The residents' cookbook: every published "Mad med historie" recipe as a small PDF.

Made by WeasyPrint from an HTML template, as the council report and the event
posters are, as a tagged PDF (PDF/UA-1: headings, lists, the photos' text
alternatives, the document's language and title), so the print shop and the
library get the same recipes the site shows, each with its photo and the
family history in front of it.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import unescape

from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.html import strip_tags

from home.languages import default_language
from home.pdf_images import image_data_uri
from home.visibility import not_restricted
from stories.models import StoryPage, SubmissionKind

PDF_VARIANT = "pdf/ua-1"
RECIPE_TAG = "mad med historie"


@dataclass(frozen=True)
class CookbookRecipe:
    story_title: str
    history: list[str]
    name: str
    servings: int
    ingredients: list[str]
    steps: list[str]
    photo: str = ""
    """The story's photo as a data: URI (home.pdf_images), or "" (then the page goes without)."""
    photo_alt: str = ""


def cookbook_recipes() -> list[CookbookRecipe]:
    """Published, public stories with a recipe: residents' recipes and tagged ones."""
    stories = (
        StoryPage.objects.live()
        .filter(locale__language_code=default_language())
        .filter(not_restricted())
        .filter(Q(submission__kind=SubmissionKind.RECIPE) | Q(tags__name__iexact=RECIPE_TAG))
        .distinct()
        .select_related("image")
        .order_by("title")
    )
    recipes = []
    for story in stories:
        history = [
            unescape(strip_tags(getattr(block.value, "source", str(block.value))))
            for block in story.body
            if block.block_type == "paragraph"
        ]
        for block in story.body:
            if block.block_type != "recipe":
                continue
            value = block.value
            recipes.append(
                CookbookRecipe(
                    story_title=story.title,
                    history=[h for h in history if h.strip()],
                    name=value["name"],
                    servings=value["servings"],
                    ingredients=list(value["ingredients"]),
                    steps=list(value["steps"]),
                    photo=_photo_path(story),
                    photo_alt=story.image_alt if story.image_id else "",
                )
            )
    return recipes


def _photo_path(story: StoryPage) -> str:
    if not story.image_id:
        return ""
    try:
        rendition = story.image.get_rendition("fill-800x500")
    except (OSError, ValueError):  # the original is lost or unreadable
        return ""
    return image_data_uri(rendition)


def build_cookbook(recipes: list[CookbookRecipe]) -> bytes:
    from weasyprint import HTML  # loads Pango: only where a PDF is made

    html = render_to_string(
        "community/cookbook.html", {"recipes": recipes, "published": timezone.localdate()}
    )
    return HTML(string=html).write_pdf(pdf_variant=PDF_VARIANT)


def cookbook_view(request: HttpRequest) -> HttpResponse:
    pdf = build_cookbook(cookbook_recipes())
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = 'inline; filename="mad-med-historie.pdf"'
    return response
