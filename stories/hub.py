"""What stories gives the front page and the footer, without home importing it.

The front page (home) shows what happens this week, the tasks that still need
hands, the newest stories and the ways to take part; the footer links every
resident form and download. home knows nothing of events or groups: it loads
the template tags in `stories.templatetags.stories_hub`, which call this module.

The form links are the same few rows on every page, so they are kept in the
default cache like the page chrome (home.page_chrome) and forgotten whenever a
page is published, unpublished, moved or deleted.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.core.cache import cache
from django.db.models import Count, F
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, Site

from home.visibility import not_restricted
from stories.models import (
    EventIndexPage,
    GroupIndexPage,
    GroupPage,
    GroupTask,
    PhotoCallPage,
    StoryIndexPage,
)
from stories.occurrences import Occurrence, occurrences_between

WEEK_DAYS = 7
WEEK_LIMIT = 8
TASK_LIMIT = 4
LINKS_TIMEOUT = 60
LINKS_KEY = "stories:take-part:{site_id}"


@dataclass(frozen=True)
class TakePartLink:
    """One way to take part: what to do, where, and a line saying what happens."""

    key: str
    label: str
    url: str
    text: str = ""


def this_week(today: date | None = None) -> tuple[date, date, list[Occurrence]]:
    """The next seven days of Det sker, from the occurrences the feed is built from.

    Cancelled occurrences stay in, marked, as in the listing and the feed: a
    resident who planned to go must see that it is off.
    """
    today = today or timezone.localdate()
    last = today + timedelta(days=WEEK_DAYS - 1)
    now = timezone.now()
    found = [o for o in occurrences_between(today, last) if o.end > now]
    return today, last, found[:WEEK_LIMIT]


def tasks_needing_hands(limit: int = TASK_LIMIT) -> tuple[list[GroupTask], int]:
    """Open tasks with hands still missing, soonest first, and how many such tasks
    there are in all (the list shows `limit` of them)."""
    groups = GroupPage.objects.live().filter(not_restricted())
    open_tasks = (
        GroupTask.objects.filter(page__in=groups, date__gte=timezone.localdate())
        .annotate(taken=Count("signups"))
        .filter(hands_needed__gt=F("taken"))
    )
    total = open_tasks.count()
    tasks = list(open_tasks.select_related("page").order_by("date", "sort_order", "pk")[:limit])
    return tasks, total


def task_signup_url(task: GroupTask, request=None) -> str:
    group = task.page
    return group.get_url(request) + group.reverse_subpage("task_signup", args=[task.pk])


def event_index(site: Site | None) -> EventIndexPage | None:
    return _first_live(EventIndexPage, site) if site is not None else None


def _first_live(model, site: Site):
    return (
        model.objects.live()
        .filter(not_restricted(), path__startswith=site.root_page.path)
        .order_by("path")
        .first()
    )


def _build_links(site: Site) -> list[TakePartLink]:
    links = []
    if _first_live(StoryIndexPage, site) is not None:
        submit = reverse("submit_story")
        links.append(
            TakePartLink(
                "historie",
                "Fortæl din historie",
                submit,
                "Har du oplevet noget, hvor folk mødes på tværs? Skriv det til os.",
            )
        )
        links.append(
            TakePartLink(
                "opskrift",
                "Del en opskrift",
                submit + "?type=opskrift",
                "En ret og historien bag den – måske kommer den i kogebogen.",
            )
        )
    events = _first_live(EventIndexPage, site)
    if events is not None:
        links.append(
            TakePartLink(
                "begivenhed",
                "Foreslå en begivenhed",
                events.get_url() + events.reverse_subpage("suggest"),
                "Ved du noget, der sker i Ishøj? Så kommer det i Det sker.",
            )
        )
    call = next(
        (
            c
            for c in PhotoCallPage.objects.live()
            .filter(not_restricted(), path__startswith=site.root_page.path)
            .order_by("-first_published_at", "-pk")
            if c.accepting
        ),
        None,
    )
    if call is not None:
        links.append(
            TakePartLink(
                "foto",
                f"Send et billede til “{call.title}”",
                call.get_url(),
                call.intro.split("\n")[0][:160],
            )
        )
    groups = _first_live(GroupIndexPage, site)
    if groups is not None:
        links.append(
            TakePartLink(
                "gruppe",
                "Bliv en del af en gruppe",
                groups.get_url() + groups.reverse_subpage("volunteer"),
                "Skriv dig op, så spørger en af grupperne dig, når der er brug for en hånd.",
            )
        )
    return links


def take_part_links(site: Site | None) -> list[TakePartLink]:
    """Every way to take part that stories offers on `site`, in the order residents
    read them. An empty list while the pages they live on do not exist."""
    if site is None:
        return []
    key = LINKS_KEY.format(site_id=site.pk)
    links = cache.get(key)
    if links is None:
        links = _build_links(site)
        cache.set(key, links, LINKS_TIMEOUT)
    return links


def cookbook_url() -> str:
    return reverse("cookbook_pdf")


def forget(**kwargs) -> None:
    site_ids = Site.objects.values_list("pk", flat=True)
    cache.delete_many([LINKS_KEY.format(site_id=pk) for pk in site_ids])


def story_index_for(page: Page) -> StoryIndexPage | None:
    """The story index of `page`'s site (the front page's "Se alle historier")."""
    root_path = page.path[: Page.steplen * 2]
    return (
        StoryIndexPage.objects.live()
        .filter(not_restricted(), path__startswith=root_path)
        .order_by("path")
        .first()
    )
