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

from dataclasses import dataclass, replace
from datetime import date, timedelta

from django.core.cache import cache
from django.db.models import Count, F
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext, gettext_noop
from wagtail.models import Site

from home.languages import (
    active_language,
    default_language,
    language_codes,
    with_language_prefix,
)
from home.visibility import not_restricted
from stories.models import (
    EventIndexPage,
    GroupIndexPage,
    GroupPage,
    GroupTask,
    PhotoCallPage,
    StoryIndexPage,
)
from stories.occurrences import in_reader_language, occurrences_between
from stories.recurrence import Occurrence

WEEK_DAYS = 7
WEEK_LIMIT = 8
TASK_LIMIT = 4
HUB_TIMEOUT = 60  # bounds staleness in processes that do not share the cache
LINKS_KEY = "stories:take-part:{site_id}:{language}"
URLS_KEY = "stories:index-urls:{site_id}"
WEEK_KEY = "stories:this-week:{day}"
TASKS_KEY = "stories:open-tasks:{day}"


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
    resident who planned to go must see that it is off. The week's list is kept
    per day (the key carries the date) and forgotten on any publish.
    """
    today = today or timezone.localdate()
    last = today + timedelta(days=WEEK_DAYS - 1)
    key = WEEK_KEY.format(day=today.isoformat())
    found = cache.get(key)
    if found is None:
        found = occurrences_between(today, last)
        cache.set(key, found, HUB_TIMEOUT)
    now = timezone.now()
    return today, last, in_reader_language([o for o in found if o.end > now][:WEEK_LIMIT])


def tasks_needing_hands(limit: int = TASK_LIMIT) -> tuple[list[GroupTask], int]:
    """Open tasks with hands still missing, soonest first, and how many such tasks
    there are in all (the list shows `limit` of them).

    Kept like the week's events, and also forgotten on every sign-up
    (stories.front_page), since a sign-up changes the count without a publish.
    """
    today = timezone.localdate()
    key = TASKS_KEY.format(day=today.isoformat())
    open_tasks = cache.get(key)
    if open_tasks is None:
        groups = GroupPage.objects.live().filter(
            not_restricted(), locale__language_code=default_language()
        )
        open_tasks = list(
            GroupTask.objects.filter(page__in=groups, date__gte=today)
            .annotate(taken=Count("signups"))
            .filter(hands_needed__gt=F("taken"))
            .select_related("page")
            .order_by("date", "sort_order", "pk")
        )
        cache.set(key, open_tasks, HUB_TIMEOUT)
    return open_tasks[:limit], len(open_tasks)


def task_signup_url(task: GroupTask, request=None) -> str:
    group = task.page
    return group.get_url(request) + group.reverse_subpage("task_signup", args=[task.pk])


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
        with translation.override(default_language()):
            submit = reverse("submit_story")
        links.append(
            TakePartLink(
                "historie",
                gettext_noop("Fortæl din historie"),
                submit,
                gettext_noop("Har du oplevet noget, hvor folk mødes på tværs? Skriv det til os."),
            )
        )
        links.append(
            TakePartLink(
                "opskrift",
                gettext_noop("Del en opskrift"),
                submit + "?type=opskrift",
                gettext_noop("En ret og historien bag den – måske kommer den i kogebogen."),
            )
        )
    events = _first_live(EventIndexPage, site)
    if events is not None:
        links.append(
            TakePartLink(
                "begivenhed",
                gettext_noop("Foreslå en begivenhed"),
                events.get_url() + events.reverse_subpage("suggest"),
                gettext_noop("Ved du noget, der sker i Ishøj? Så kommer det i Det sker."),
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
                gettext_noop("Bliv en del af en gruppe"),
                groups.get_url() + groups.reverse_subpage("volunteer"),
                gettext_noop(
                    "Skriv dig op, så spørger en af grupperne dig, når der er brug for en hånd."
                ),
            )
        )
    return links


def take_part_links(site: Site | None) -> list[TakePartLink]:
    """Every way to take part that stories offers on `site`, in the order residents
    read them, in the reader's language. An empty list while the pages they
    live on do not exist.

    Kept per language, translated: a page asks for them five times (the hub,
    the tasks, the take-part list, the footer), and translating them again on
    each ask made the Arabic front page measurably slower than the Danish.
    """
    if site is None:
        return []
    language = active_language()
    key = LINKS_KEY.format(site_id=site.pk, language=language)
    links = cache.get(key)
    if links is None:
        links = [_in_reader_language(link, language) for link in _build_links(site)]
        cache.set(key, links, HUB_TIMEOUT)
    return links


def _in_reader_language(link: TakePartLink, language: str) -> TakePartLink:
    """Built in Danish; read in the reader's language. The labels and texts
    are msgids in home/locale."""
    if language == default_language():
        return link
    return replace(
        link,
        label=gettext(link.label),
        url=with_language_prefix(link.url, language),
        text=gettext(link.text) if link.text else "",
    )


def cookbook_url() -> str:
    return reverse("cookbook_pdf")


def forget_tasks(**kwargs) -> None:
    cache.delete(TASKS_KEY.format(day=timezone.localdate().isoformat()))


def forget(**kwargs) -> None:
    """Drop everything the hub keeps (a page was published, moved, deleted …)."""
    site_ids = Site.objects.values_list("pk", flat=True)
    day = timezone.localdate().isoformat()
    cache.delete_many(
        [URLS_KEY.format(site_id=pk) for pk in site_ids]
        + [
            LINKS_KEY.format(site_id=pk, language=language)
            for pk in site_ids
            for language in language_codes()
        ]
        + [WEEK_KEY.format(day=day), TASKS_KEY.format(day=day)]
    )


def index_urls(site: Site | None) -> dict[str, str]:
    """The addresses of Det sker ("events") and the story index ("stories") on
    `site`, "" where there is none; kept with the form links."""
    if site is None:
        return {"events": "", "stories": ""}
    key = URLS_KEY.format(site_id=site.pk)
    urls = cache.get(key)
    if urls is None:
        events, stories = _first_live(EventIndexPage, site), _first_live(StoryIndexPage, site)
        urls = {
            "events": events.get_url() if events else "",
            "stories": stories.get_url() if stories else "",
        }
        cache.set(key, urls, HUB_TIMEOUT)
    language = active_language()
    return {name: with_language_prefix(url, language) for name, url in urls.items()}
