"""A year of the channels' own figures for the demo stories, consistent with the site.

The platforms count people who saw a post, the site counts those who clicked
through, so a story's Facebook views are always at least the visits the site
saw from Facebook for it (demo.reach writes those first). Figures grow with a
post's age and with the story's popularity, are pulled weekly as the clock
would, and carry the metric names of their time: Meta's impressions metrics
before 15 November 2025, its views metrics after. Deterministic and
idempotent: a demo that has channel figures keeps them. Each run also hands
the latest figures to the platform stand-in (`seed_standin`), so the first
live pull of `make run` continues the history rather than undercutting it.
"""

import datetime
import math
import random
import time
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlparse

from django.conf import settings
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone

from channels.models import Publication
from channels.platforms.facebook import VIEWS_REPLACED_IMPRESSIONS
from channels.reach.models import ChannelMetric, PageSourceDay, ReachPull, Source
from channels.registry import get_channel
from channels.rendering import short_address
from demo.standin import seed as standin_seed
from home.sharing import absolute
from stories.models import StoryPage

SEED = 2026
PULL_EVERY = datetime.timedelta(days=7)
CHANNELS = ("facebook", "instagram")
FACEBOOK_CEILING = 16_000
"""People a post of a town's community page can reach at most: Ishøj has about
24,000 inhabitants and the pilot's Facebook group 3,000 members, so even the best
story is seen by about half the town, never by more people than live in it."""
INSTAGRAM_CEILING = 3_000
"""Accounts an Instagram post of a local account with about a thousand followers
reaches at most (shares and hashtags carry it a little past its followers)."""


def levelled(raw: float, ceiling: int) -> int:
    """`raw` flattened towards `ceiling`: small figures nearly as they are, large
    ones approaching it and never passing it; monotone, so stories keep their order."""
    return int(ceiling * (1 - math.exp(-raw / ceiling)))


def load(stdout) -> None:
    stories = list(StoryPage.objects.live().order_by("date", "pk"))
    if ReachPull.objects.exists():
        stdout.write("Kanaltal: demo-historikken findes allerede.")
    else:
        rng = random.Random(SEED)
        with transaction.atomic():
            count = _history(rng, stories, timezone.localdate())
        stdout.write(
            f"Kanaltal: {count} ugentlige hentninger fra Facebook og Instagram er indlæst."
        )
    path = seed_standin(stories)
    stdout.write(f"Kanaltal: platform-stand-in'en fortsætter fra de seneste tal ({path}).")


def seed_standin(stories: list[StoryPage]) -> Path:
    """Hand each story's latest stored figures to the stand-in (demo.standin.seed),
    so a live pull continues the history instead of starting below it."""
    latest: dict[tuple[int, str], int] = {}
    pulls = ReachPull.objects.filter(
        ok=True, channel__in=CHANNELS, page_id__in=[s.pk for s in stories]
    ).order_by("pulled_at", "pk")
    for page_id, channel, pk in pulls.values_list("page_id", "channel", "pk"):
        latest[(page_id, channel)] = pk
    figures: dict[int, dict[str, int]] = defaultdict(dict)
    for pull_id, metric, value in ChannelMetric.objects.filter(
        pull_id__in=latest.values()
    ).values_list("pull_id", "metric", "value"):
        figures[pull_id][metric] = value
    external_ids: dict[int, dict[str, str]] = defaultdict(dict)
    for page_id, channel, external_id in Publication.objects.filter(
        page__in=stories, channel__in=CHANNELS
    ).values_list("page_id", "channel", "external_id"):
        external_ids[page_id][channel] = external_id
    visits = visits_from(Source.FACEBOOK, [s.pk for s in stories])
    instagram = get_channel("instagram")
    entries = []
    for story in stories:
        entry: dict = {
            "path": urlparse(absolute(story.get_full_url() or "")).path,
            "short_paths": [urlparse(short_address(story, instagram)).path],
            "external_ids": external_ids.get(story.pk, {}),
        }
        for channel in CHANNELS:
            values = dict(figures.get(latest.get((story.pk, channel), 0), {}))
            if channel == "facebook" and "post_total_media_view_unique" in values:
                # The platform saw at least everyone who clicked through to the site.
                clicked = sum(visits.get(story.pk, {}).values())
                if values["post_total_media_view_unique"] < clicked:
                    values["post_total_media_view_unique"] = clicked
                    values["post_media_view"] = max(values.get("post_media_view", 0), clicked + 1)
            if values:
                entry[channel] = values
        entries.append(entry)
    path = Path(settings.VAR_DIR) / standin_seed.FILE_NAME
    standin_seed.write(path, entries, time.time())
    return path


def visits_from(source: str, story_ids: list[int]) -> dict[int, dict[datetime.date, int]]:
    """The site's visits from `source` per story and day (demo.reach's history)."""
    found: dict[int, dict[datetime.date, int]] = defaultdict(dict)
    rows = (
        PageSourceDay.objects.filter(page_id__in=story_ids, source=source)
        .values("page_id", "day")
        .annotate(n=Sum("views"))
    )
    for row in rows:
        found[row["page_id"]][row["day"]] = row["n"]
    return found


def _history(rng: random.Random, stories: list[StoryPage], today: datetime.date) -> int:
    visits = visits_from(Source.FACEBOOK, [s.pk for s in stories])
    from_instagram = visits_from(Source.INSTAGRAM, [s.pk for s in stories])
    publications = {
        (p.page_id, p.channel): p
        for p in Publication.objects.filter(page__in=stories, channel__in=CHANNELS)
    }
    pulls: list[ReachPull] = []
    figures: list[dict[str, int]] = []
    seen: set[tuple] = set()
    for index, story in enumerate(stories):
        # Popular stories reach further per click; each story its own ratio.
        reach_per_click = rng.uniform(2.4, 4.2) + index * 0.04
        organic = rng.randint(40, 260) + index
        by_day = visits.get(story.pk, {})
        instagram_by_day = from_instagram.get(story.pk, {})
        for channel in CHANNELS:
            publication = publications.get((story.pk, channel))
            if publication is None:
                continue
            first = max(story.date, min(by_day, default=story.date))
            if publication.published_at is None:
                Publication.objects.filter(pk=publication.pk).update(
                    published_at=timezone.make_aware(
                        datetime.datetime.combine(first, datetime.time(9))
                    )
                )
            for day in pull_days(first, today):
                clicks = sum(n for d, n in by_day.items() if d <= day)
                age = (day - first).days
                saturation = 1 - math.exp(-age / 10)
                seen_by = max(
                    clicks,
                    levelled(clicks * reach_per_click + organic * saturation, FACEBOOK_CEILING),
                )
                values = _metrics(channel, day, seen_by, index)
                if channel == "instagram":
                    # At least everyone who came to the site from the caption's address.
                    typed = sum(n for d, n in instagram_by_day.items() if d <= day)
                    values["reach"] = max(values["reach"], typed)
                key = (channel, day, tuple(sorted(values.items())))
                while key in seen:  # no two stories show the same figures
                    values = {k: v + 1 for k, v in values.items()}
                    key = (channel, day, tuple(sorted(values.items())))
                seen.add(key)
                pulls.append(
                    ReachPull(
                        publication=publication,
                        page_id=story.pk,
                        channel=channel,
                        pulled_at=timezone.make_aware(
                            datetime.datetime.combine(day, datetime.time(6))
                        ),
                        day=day,
                        ok=True,
                    )
                )
                figures.append(values)
    created = ReachPull.objects.bulk_create(pulls, batch_size=1000)
    ChannelMetric.objects.bulk_create(
        (
            ChannelMetric(pull=pull, metric=name, value=value)
            for pull, values in zip(created, figures, strict=True)
            for name, value in values.items()
        ),
        batch_size=2000,
    )
    return len(created)


def pull_days(first: datetime.date, today: datetime.date) -> list[datetime.date]:
    """Weekly after the post went out, and yesterday: the latest pull covers every visit."""
    yesterday = today - datetime.timedelta(days=1)
    days = []
    day = first + PULL_EVERY
    while day < yesterday:
        days.append(day)
        day += PULL_EVERY
    if yesterday > first:
        days.append(yesterday)
    return days


def _metrics(channel: str, day: datetime.date, seen_by: int, index: int) -> dict[str, int]:
    """The platform's figures for `seen_by` people, under the names of that day."""
    views = int(seen_by * (1.3 + (index % 7) / 20))
    if channel == "facebook":
        if day < VIEWS_REPLACED_IMPRESSIONS:
            return {"post_impressions_unique": seen_by, "post_impressions": views}
        return {"post_total_media_view_unique": seen_by, "post_media_view": views}
    # A smaller audience than the Page's, following the same stories.
    reach = max(1, levelled(seen_by * (0.18 + (index % 5) / 50), INSTAGRAM_CEILING))
    return {
        "reach": reach,
        "views": int(reach * 1.4),
        "likes": max(1, int(reach * 0.07)),
        "comments": int(reach * 0.006),
    }
