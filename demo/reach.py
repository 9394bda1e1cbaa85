"""A year of plausible reach history, so the reports are not empty in the demo.

Deterministic (fixed seed) and idempotent: a demo that already has its history
is left as it is. Shaped on the pilot's own figures: 1,600 unique users and
11,000 page views in the first months, a Facebook group of 3,000+ members.
"""

import datetime
import math
import random

from django.db import transaction
from django.utils import timezone

from channels.reach.models import (
    ManualFigure,
    ManualFigureKind,
    PageDay,
    PageSourceDay,
    PressCoverage,
    PressLevel,
    SiteDay,
    SiteMonth,
    SiteSourceDay,
    Source,
    StoryEvaluation,
)
from channels.reach.periods import add_months, month_start, next_month
from stories.models import StoryPage

SEED = 2015
SOURCE_WEIGHTS = (
    (Source.FACEBOOK, 0.46),
    (Source.DIRECT, 0.18),
    (Source.SEARCH, 0.14),
    (Source.MUNICIPAL, 0.10),
    (Source.INSTAGRAM, 0.07),
    (Source.YOUTUBE, 0.02),
    (Source.OTHER, 0.03),
)
UTM_FOR = {Source.FACEBOOK: "facebook", Source.INSTAGRAM: "instagram", Source.MUNICIPAL: "detsker"}
PRESS = (
    ("TV 2 Lorry", PressLevel.REGIONAL, "Ældrecafé bryder ensomheden i Ishøj"),
    ("Sjællandske Medier", PressLevel.REGIONAL, "Naboer samler affald på Ishøj Strand"),
    ("DR P4 København", PressLevel.REGIONAL, "Cykling uden alder kører videre"),
    ("Politiken", PressLevel.NATIONAL, "Ishøj viser vejen: fællesskab på tværs"),
)


def _split(rng: random.Random, total: int) -> dict[str, int]:
    shares = {s: w * rng.uniform(0.8, 1.2) for s, w in SOURCE_WEIGHTS}
    scale = sum(shares.values())
    split = {s: int(total * w / scale) for s, w in shares.items()}
    split[Source.FACEBOOK] += total - sum(split.values())
    return split


def load(stdout) -> None:
    if SiteMonth.objects.exists():
        stdout.write("Rækkevidde: demo-historikken findes allerede.")
        return
    rng = random.Random(SEED)
    today = timezone.localdate()
    start = add_months(month_start(today), -12)
    stories = list(StoryPage.objects.live().order_by("date", "pk"))
    with transaction.atomic():
        _site_history(rng, start, today, stories)
        _manual_figures(start, today)
        _evaluations(rng, stories, today)
    stdout.write(f"Rækkevidde: et års historik fra {start} til {today} er indlæst.")


def _site_history(rng, start: datetime.date, today: datetime.date, stories) -> None:
    site_days, source_days, page_days, page_sources = [], [], [], []
    day = start
    month_views: dict[datetime.date, int] = {}
    month_visitors: dict[datetime.date, int] = {}
    while day < today:  # today is counted live from the beacons
        age = (day - start).days
        growth = 1 + age / 365  # the portal doubles over the year
        weekly = 1.15 if day.weekday() in (5, 6) else 1.0
        visitors = max(5, int(rng.gauss(38, 9) * growth * weekly))
        views = int(visitors * rng.uniform(1.7, 2.6))
        site_days.append(SiteDay(day=day, views=views, visitors=visitors))
        for source, n in _split(rng, views).items():
            source_days.append(
                SiteSourceDay(day=day, source=source, views=n, visitors=max(1, int(n / 2.1)))
            )
        month = month_start(day)
        month_views[month] = month_views.get(month, 0) + views
        # A monthly visitor comes back a few days a month: fewer than the days' sum.
        month_visitors[month] = month_visitors.get(month, 0) + int(visitors * 0.42)
        story_share = int(views * 0.7)
        live = [s for s in stories if s.date <= day] or stories[:1]
        weights = [math.exp(-(day - s.date).days / 45) + 0.05 for s in live]
        for story, n in _distribute(rng, live, weights, story_share).items():
            if n:
                page_days.append(
                    PageDay(page_id=story.pk, day=day, views=n, visitors=max(1, int(n * 0.8)))
                )
                for source, m in _split(rng, n).items():
                    if m:
                        page_sources.append(
                            PageSourceDay(
                                page_id=story.pk,
                                day=day,
                                source=source,
                                utm_source=UTM_FOR.get(source, ""),
                                views=m,
                            )
                        )
        day += datetime.timedelta(days=1)
    SiteDay.objects.bulk_create(site_days, ignore_conflicts=True)
    SiteSourceDay.objects.bulk_create(source_days, ignore_conflicts=True)
    PageDay.objects.bulk_create(page_days, batch_size=2000, ignore_conflicts=True)
    PageSourceDay.objects.bulk_create(page_sources, batch_size=2000, ignore_conflicts=True)
    month = start
    while month <= today:
        if month in month_views:
            SiteMonth.objects.update_or_create(
                month=month,
                defaults={"views": month_views[month], "visitors": month_visitors[month]},
            )
        month = next_month(month)


def _distribute(rng, items, weights, total: int) -> dict:
    if not items or total <= 0:
        return {}
    picks = rng.choices(items, weights=weights, k=total)
    counts: dict = {}
    for item in picks:
        counts[item] = counts.get(item, 0) + 1
    return counts


def _manual_figures(start: datetime.date, today: datetime.date) -> None:
    month, members = start, 3050
    while month <= today:
        ManualFigure.objects.get_or_create(
            kind=ManualFigureKind.FACEBOOK_GROUP_MEMBERS,
            date=month,
            defaults={
                "value": members,
                "source": "Facebook-gruppens forside, aflæst af sekretariatet",
            },
        )
        members += 28 + (month.month * 7) % 19
        month = next_month(month)


def _evaluations(rng, stories, today: datetime.date) -> None:
    for i, story in enumerate(stories):
        StoryEvaluation.objects.get_or_create(
            story=story,
            defaults={"is_branding_story": i % 3 != 2, "picked_up_by_press": i < len(PRESS)},
        )
    for i, (outlet, level, headline) in enumerate(PRESS):
        story = stories[i] if i < len(stories) else None
        PressCoverage.objects.get_or_create(
            outlet=outlet,
            headline=headline,
            defaults={
                "story": story,
                "level": level,
                "date": today - datetime.timedelta(days=40 + 70 * i),
                "url": "",
                "source": "Registreret af sekretariatet",
            },
        )
