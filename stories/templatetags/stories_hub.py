"""Template tags through which the front page and the footer show what stories has.

home's templates load this library; home's Python never imports stories
(the layering of issue 13), so the front page knows only that these tags exist.
"""

import re

from django import template
from django.db import DatabaseError
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from home.languages import active_language
from home.sites import site_for_request
from stories import hub
from stories.models.story import newest_stories

register = template.Library()

HOME_STORY_COUNT = 6
# A credit that already names its kind ("Illustration: …", "Foto: …", "Tegning: …").
_CREDIT_WITH_KIND = re.compile(r"^\s*[A-ZÆØÅa-zæøå]+\s*:")


def _site(context):
    request = context.get("request")
    return request, (site_for_request(request) if request is not None else None)


@register.inclusion_tag("stories/hub/this_week.html", takes_context=True)
def hub_this_week(context):
    """ "Det sker denne uge": the next seven days of the Det sker listing."""
    first_day, last_day, occurrences = hub.this_week()
    _request, site = _site(context)
    return {
        "occurrences": occurrences,
        "first_day": first_day,
        "last_day": last_day,
        "events_url": hub.index_urls(site)["events"],
        "suggest_url": take_part_url(context, "begivenhed"),
        "request": context.get("request"),
    }


@register.inclusion_tag("stories/hub/tasks.html", takes_context=True)
def hub_tasks(context):
    """ "Giv en hånd": tasks on the groups' boards that still need hands."""
    request = context.get("request")
    tasks, total = hub.tasks_needing_hands()
    return {
        "tasks": [(task, hub.task_signup_url(task, request)) for task in tasks],
        "total": total,
        "take_part": {link.key: link for link in _links(context)},
    }


@register.inclusion_tag("stories/hub/newest.html", takes_context=True)
def hub_newest_stories(context, page, count=HOME_STORY_COUNT):
    """The newest stories of `page`'s site, and the way to the rest and to telling one."""
    return {
        "newest_stories": newest_stories(page, count),
        "stories_url": hub.index_urls(_site(context)[1])["stories"],
        "take_part": {link.key: link for link in _links(context)},
    }


def _links(context) -> list:
    """The ways to take part, asked for once per request: a page shows them in
    up to five places (hub, tasks, take-part list, footer, a story's end)."""
    request, site = _site(context)
    if request is None:
        return hub.take_part_links(site)
    asked = request.__dict__.setdefault("_take_part_links", {})
    language = active_language()  # one per request, unless a template overrides it
    if language not in asked:
        asked[language] = hub.take_part_links(site)
    return asked[language]


@register.inclusion_tag("stories/hub/take_part_items.html", takes_context=True)
def take_part_items(context):
    """The "Vær med" list items stories offers (a story, a recipe, an event, a
    photo, a group). Rendered inside a list the calling template owns."""
    return {"links": _links(context), "cookbook_url": hub.cookbook_url()}


@register.inclusion_tag("stories/hub/footer_items.html", takes_context=True)
def footer_take_part_items(context):
    """The same forms and the cookbook as short footer links. A page that is
    rendered while the database is away (the 404 page) shows the footer without
    them rather than failing."""
    try:
        links = _links(context)
    except DatabaseError:
        links = []
    return {"links": links, "cookbook_url": hub.cookbook_url() if links else ""}


@register.simple_tag(takes_context=True)
def take_part_url(context, key):
    """The address of one way to take part ("historie", "opskrift", "begivenhed",
    "foto", "gruppe"), or "" where the site has no such page."""
    return next((link.url for link in _links(context) if link.key == key), "")


@register.filter
def credit_line(credit: str) -> str:
    """ "Foto: Lis H." for a bare name; a credit that names its kind
    ("Illustration: Vores Ishøj") is shown as written, never "Foto: Illustration: …"."""
    credit = (credit or "").strip()
    if not credit or _CREDIT_WITH_KIND.match(credit):
        return credit
    return gettext("Foto: %(credit)s") % {"credit": credit}


# Phrases in an editor's text that promise the story form; linked where they occur.
FORM_PHRASES = ("fortæl os gerne din egen", "fortæl os din historie", "fortæl os historien")


@register.filter
def link_phrase(text: str, url: str):
    """The intro with its first "fortæl os gerne din egen" (or a like phrase) made a
    link to the story form, so the invitation can be acted on where it is read."""
    escaped = escape(text or "")
    if not url:
        return escaped
    lowered = escaped.lower()
    for phrase in FORM_PHRASES:
        at = lowered.find(phrase)
        if at >= 0:
            end = at + len(phrase)
            link = f'<a href="{escape(url)}">{escaped[at:end]}</a>'
            return mark_safe(escaped[:at] + link + escaped[end:])
    return escaped


@register.inclusion_tag("stories/hub/story_take_part.html", takes_context=True)
def story_take_part(context, page):
    """The end of a story: tell us yours (and for a recipe: share yours, get the cookbook)."""
    # The stored blocks, not page.body's values: converting those would load
    # every image of the body, which the cached body fragment no longer needs.
    blocks = list(page.body.raw_data)
    is_recipe = any(block["type"] == "recipe" for block in blocks)
    take_part = {link.key: link for link in _links(context)}
    form_url = take_part["historie"].url if "historie" in take_part else None
    if form_url and any(
        block["type"] == "call_to_action"
        and ((block.get("value") or {}).get("url") or "").startswith(form_url)
        for block in blocks
    ):
        take_part = {}  # the story already ends by asking for the reader's own
    return {
        "take_part": take_part,
        "is_recipe": is_recipe,
        "cookbook_url": hub.cookbook_url(),
    }


@register.inclusion_tag("stories/hub/story_index_take_part.html", takes_context=True)
def story_index_take_part(context):
    return {
        "take_part": {link.key: link for link in _links(context)},
        "cookbook_url": hub.cookbook_url(),
    }
