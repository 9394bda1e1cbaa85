"""The residents' cookbook: every published "Mad med historie" recipe as a small PDF.

ReportLab (pure Python, already used for the council's report) builds it, so
the print shop and the library get the same recipes the site shows, with the
family history in front of each one.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from html import unescape

from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.html import escape, strip_tags
from reportlab.lib.pagesizes import A5
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import (
    ListFlowable,
    ListItem,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
)

from home.visibility import not_restricted
from stories.models import StoryPage, SubmissionKind

RECIPE_TAG = "mad med historie"


@dataclass(frozen=True)
class CookbookRecipe:
    story_title: str
    history: list[str]
    name: str
    servings: int
    ingredients: list[str]
    steps: list[str]


def cookbook_recipes() -> list[CookbookRecipe]:
    """Published, public stories with a recipe: residents' recipes and tagged ones."""
    stories = (
        StoryPage.objects.live()
        .filter(not_restricted())
        .filter(Q(submission__kind=SubmissionKind.RECIPE) | Q(tags__name__iexact=RECIPE_TAG))
        .distinct()
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
                )
            )
    return recipes


def build_cookbook(recipes: list[CookbookRecipe]) -> bytes:
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A5,
        leftMargin=14 * mm,
        rightMargin=14 * mm,
        topMargin=14 * mm,
        bottomMargin=14 * mm,
        title="Mad med historie – Vores Ishøjs kogebog",
        author="Vores Ishøj",
        lang="da",
    )
    styles = getSampleStyleSheet()
    flow = [
        Paragraph("Mad med historie", styles["Title"]),
        Paragraph("Opskrifter og historier fra borgerne i Ishøj", styles["Heading3"]),
        Paragraph(f"Udgivet {timezone.localdate():%d.%m.%Y} af Vores Ishøj.", styles["Normal"]),
    ]
    if not recipes:
        flow.append(Paragraph("Der er endnu ingen godkendte opskrifter.", styles["Normal"]))
    for recipe in recipes:
        flow += [PageBreak(), Paragraph(escape(recipe.name), styles["Heading1"])]
        flow += [Paragraph(escape(p), styles["Italic"]) for p in recipe.history]
        flow += [
            Spacer(1, 4 * mm),
            Paragraph(f"Til {recipe.servings} personer", styles["Heading4"]),
            Paragraph("Ingredienser", styles["Heading3"]),
            ListFlowable(
                [ListItem(Paragraph(escape(i), styles["Normal"])) for i in recipe.ingredients],
                bulletType="bullet",
            ),
            Paragraph("Sådan gør du", styles["Heading3"]),
            ListFlowable(
                [ListItem(Paragraph(escape(s), styles["Normal"])) for s in recipe.steps],
                bulletType="1",
            ),
        ]
    doc.build(flow)
    return buffer.getvalue()


def cookbook_view(request: HttpRequest) -> HttpResponse:
    pdf = build_cookbook(cookbook_recipes())
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = 'inline; filename="mad-med-historie.pdf"'
    return response
