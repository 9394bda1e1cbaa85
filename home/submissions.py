"""The path every resident submission takes into the page tree, once.

Residents suggest events and places and send stories and recipes without an
account. Each becomes an unpublished draft under its index page, with a slug of
its own, in the secretariat's approval workflow. Stories, events and places
share these steps so a change (say, how a slug clash is resolved) reaches all.
"""

from __future__ import annotations

from uuid import uuid4

from django.utils.html import escape
from wagtail.models import Page, WorkflowState
from wagtail.rich_text import RichText

from home.text import slugify_da

SLUG_BASE_LENGTH = 60
NUMBERED_SLUGS = 50


def unique_child_slug(parent: Page, title: str, fallback: str) -> str:
    """A slug for a new child of `parent` that no sibling has: the title's own,
    else with -2, -3, ...; Wagtail requires slugs to differ among siblings."""
    base = slugify_da(title)[:SLUG_BASE_LENGTH].strip("-") or fallback
    taken = set(parent.get_children().filter(slug__startswith=base).values_list("slug", flat=True))
    candidates = [base] + [f"{base}-{n}" for n in range(2, NUMBERED_SLUGS)]
    free = next((slug for slug in candidates if slug not in taken), None)
    return free or f"{base}-{uuid4().hex[:8]}"


def start_approval(page: Page) -> WorkflowState | None:
    """Put a resident's draft into the page's approval workflow ("Godkendelse"),
    started by nobody: the resident has no account. None where no workflow applies."""
    workflow = page.get_workflow()
    if workflow is None:
        return None
    return workflow.start(page, None)


def file_draft(parent: Page, page: Page) -> Page:
    """Add the unpublished `page` under `parent`, keep its first revision in the
    history as the resident sent it, and start the approval workflow.

    The revision is saved without validation: a resident cannot provide what
    only the secretariat adds before publishing (a hero image, a map point).
    """
    page.live = False
    if not page.slug:
        page.slug = unique_child_slug(parent, page.title, fallback=page._meta.model_name)
    parent.add_child(instance=page)
    page.save_revision(log_action=True, clean=False)
    start_approval(page)
    return page


def paragraphs(text: str) -> list:
    """A resident's plain text as rich-text paragraph blocks: blank lines part
    paragraphs, single line breaks stay; everything is escaped."""
    parts = [part.strip() for part in text.replace("\r\n", "\n").split("\n\n") if part.strip()]
    return [
        ("paragraph", RichText("<p>" + escape(part).replace("\n", "<br/>") + "</p>"))
        for part in parts
    ]
