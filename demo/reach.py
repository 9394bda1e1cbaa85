"""The pilot's reach history, so the reports show a believable first year.

Shaped on the municipality's own evaluation (June 2015): voresishoj.dk went
live in February 2015 and had, by June, over 1,600 unique users and 11,000
page views; the Facebook group had passed 3,000 members. The history runs
from the launch to a month past the newest demo story (March 2016 at least), and
grows the way the evaluation describes, with the June concert and September's
culture festival as visible peaks, each with a note on the timeline.

Stories are read most in the weeks after their date and each has its own
pull, so an old story and a new one, or a popular one and a quiet one,
never show the same figures. Deterministic (fixed seed) and idempotent: a
demo that already has its history is left as it is.
"""

import datetime
import math
import random

from django.db import transaction
from wagtail.models import Site

from channels.reach.models import (
    EvaluationTargets,
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
    TimelineNote,
)
from channels.reach.periods import month_end, month_start
from stories.models import StoryPage

SEED = 2015
LAUNCH = datetime.date(2015, 2, 1)
END = datetime.date(2016, 3, 31)
"""Or later: a month past the newest demo story, so every story has readers."""
# Unique visitors per calendar month, as the pilot's growth describes it:
# February to June add up to over 1,600 (and about 11,500 page views).
MONTHLY_VISITORS = {
    (2015, 2): 230,
    (2015, 3): 330,
    (2015, 4): 380,
    (2015, 5): 430,
    (2015, 6): 480,
    (2015, 7): 560,
    (2015, 8): 470,
    (2015, 9): 640,
    (2015, 10): 650,
    (2015, 11): 670,
    (2015, 12): 590,
    (2016, 1): 660,
    (2016, 2): 700,
    (2016, 3): 730,
}
LATER_GROWTH = 1.02
"""Month on month after the table's last month."""
RETURNING = 0.45
"""A month's unique visitors over the sum of its days' visitors: readers come back."""
PAGES_PER_VISIT = (2.5, 3.2)
EVENTS = (
    # (day, daily boost, days it lasts): events the evaluation names.
    (datetime.date(2015, 6, 6), 1.8, 5),
    (datetime.date(2015, 9, 5), 2.2, 8),
    (datetime.date(2016, 2, 3), 1.5, 10),
    (datetime.date(2016, 4, 17), 1.7, 6),
)
NOTES = (
    (LAUNCH, "Voresishoj.dk går i luften", "Portalen åbner med de første historier."),
    (
        datetime.date(2015, 6, 6),
        "Byhavekoncert",
        "Medborger- og Demokratiforums byhavekoncert med afterparty.",
    ),
    (
        datetime.date(2015, 9, 5),
        "Smag på Ishøj",
        "Kulturfesten på Bredekærgård; kogebogen med børns livretter deles.",
    ),
    (
        datetime.date(2016, 2, 3),
        "Mad med historie",
        "Fællesskabet begynder at dele opskrifter og livshistorier på voresishoj.dk.",
    ),
    (
        datetime.date(2016, 4, 17),
        "Affaldsindsamling",
        "Den årlige affaldsindsamling på Ishøj Strand gentages med de lokale partnere.",
    ),
)
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
# (outlet, level, headline, a word of the story's title, date)
PRESS = (
    (
        "TV 2 Lorry",
        PressLevel.REGIONAL,
        "Ældrecafé bryder ensomheden i Ishøj",
        "Solstrålen",
        datetime.date(2015, 3, 19),
    ),
    (
        "Sjællandske Medier",
        PressLevel.REGIONAL,
        "Naboer samler affald på Ishøj Strand",
        "Strand",
        datetime.date(2015, 4, 29),
    ),
    (
        "DR P4 København",
        PressLevel.REGIONAL,
        "Cykling uden alder kører videre",
        "Cykling",
        datetime.date(2015, 6, 10),
    ),
    (
        "Politiken",
        PressLevel.NATIONAL,
        "Ishøj viser vejen: fællesskab på tværs",
        "Et år med",
        datetime.date(2015, 7, 2),
    ),
)
# The Facebook group: 560 members late summer 2014, over 3,000 in June 2015.
MEMBERS = (
    (datetime.date(2014, 9, 1), 560),
    (datetime.date(2015, 2, 1), 2050),
    (datetime.date(2015, 6, 1), 3020),
    (datetime.date(2016, 3, 1), 3640),
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
    stories = list(StoryPage.objects.live().order_by("date", "pk"))
    with transaction.atomic():
        _targets()
        _site_history(rng, stories)
        _manual_figures()
        _evaluations(stories)
        for day, text, details in NOTES:
            TimelineNote.objects.get_or_create(date=day, text=text, defaults={"details": details})
    stdout.write(f"Rækkevidde: historik fra {LAUNCH} til {_end(stories)} er indlæst.")


def _boost(day: datetime.date) -> float:
    boost = 1.0
    for start, factor, length in EVENTS:
        age = (day - start).days
        if 0 <= age < length:
            boost += (factor - 1) * math.exp(-age / max(length / 3, 1))
    return boost


def _days_in_month(day: datetime.date) -> int:
    return (
        (day.replace(day=28) + datetime.timedelta(days=4)).replace(day=1) - day.replace(day=1)
    ).days


def _story_weight(story, day: datetime.date, pull: float) -> float:
    """Read most in the weeks after its date, a little ever after."""
    age = (day - story.date).days
    if age < 0:
        return 0.0
    return pull * (math.exp(-age / 30) + 0.025)


def _end(stories) -> datetime.date:
    newest = max((s.date for s in stories), default=END) + datetime.timedelta(days=14)
    return max(END, month_end(newest))


def _monthly_visitors(day: datetime.date) -> float:
    last = max(MONTHLY_VISITORS)
    months_after = (day.year - last[0]) * 12 + day.month - last[1]
    if months_after <= 0:
        return MONTHLY_VISITORS[(day.year, day.month)]
    return MONTHLY_VISITORS[last] * LATER_GROWTH**months_after


def _site_history(rng, stories) -> None:
    site_days, source_days, page_days, page_sources = [], [], [], []
    pulls = {s.pk: rng.lognormvariate(0, 0.6) for s in stories}
    month_views: dict[datetime.date, int] = {}
    month_days: dict[datetime.date, int] = {}
    day, end = LAUNCH, _end(stories)
    while day <= end:
        month = month_start(day)
        per_day = _monthly_visitors(day) / RETURNING / _days_in_month(day)
        weekly = 1.2 if day.weekday() in (5, 6) else 0.95
        visitors = max(3, round(per_day * weekly * _boost(day) * rng.uniform(0.85, 1.15)))
        views = round(visitors * rng.uniform(*PAGES_PER_VISIT))
        site_days.append(SiteDay(day=day, views=views, visitors=visitors))
        for source, n in _split(rng, views).items():
            source_days.append(
                SiteSourceDay(day=day, source=source, views=n, visitors=max(1, round(n / 2.6)))
            )
        month_views[month] = month_views.get(month, 0) + views
        month_days[month] = month_days.get(month, 0) + visitors
        live = [s for s in stories if s.date <= day]
        weights = [_story_weight(s, day, pulls[s.pk]) for s in live]
        for story, n in _distribute(rng, live, weights, int(views * 0.6)).items():
            page_days.append(
                PageDay(page_id=story.pk, day=day, views=n, visitors=max(1, round(n / 1.3)))
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
    SiteSourceDay.objects.bulk_create(source_days, batch_size=2000, ignore_conflicts=True)
    PageDay.objects.bulk_create(page_days, batch_size=2000, ignore_conflicts=True)
    PageSourceDay.objects.bulk_create(page_sources, batch_size=2000, ignore_conflicts=True)
    for month, views in month_views.items():
        # Fewer than the days' visitors added up: a reader counts once a month.
        SiteMonth.objects.update_or_create(
            month=month,
            defaults={"views": views, "visitors": round(month_days[month] * RETURNING)},
        )


def _distribute(rng, items, weights, total: int) -> dict:
    if not items or total <= 0 or not any(weights):
        return {}
    picks = rng.choices(items, weights=weights, k=total)
    counts: dict = {}
    for item in picks:
        counts[item] = counts.get(item, 0) + 1
    return counts


def _members_on(day: datetime.date) -> int:
    for (d0, v0), (d1, v1) in zip(MEMBERS, MEMBERS[1:], strict=False):
        if d0 <= day <= d1:
            return round(v0 + (v1 - v0) * (day - d0).days / (d1 - d0).days)
    return MEMBERS[-1][1]


def _targets() -> None:
    """The portal went live in February 2015; the demo's evaluation years run from
    February, so the report opens on the portal's first year, press mentions and all."""
    for site in Site.objects.all():
        targets = EvaluationTargets.for_site(site)
        targets.launch_date = LAUNCH
        targets.evaluation_year_start = LAUNCH.month
        targets.save()


def _manual_figures() -> None:
    month = MEMBERS[0][0]
    while month <= MEMBERS[-1][0]:
        ManualFigure.objects.get_or_create(
            kind=ManualFigureKind.FACEBOOK_GROUP_MEMBERS,
            date=month,
            defaults={
                "value": _members_on(month),
                "source": "Facebook-gruppens forside, aflæst af sekretariatet",
            },
        )
        month = (month + datetime.timedelta(days=32)).replace(day=1)


def _evaluations(stories) -> None:
    for i, story in enumerate(stories):
        StoryEvaluation.objects.get_or_create(
            story=story,
            defaults={"is_branding_story": i % 3 != 2, "picked_up_by_press": False},
        )
    for outlet, level, headline, word, day in PRESS:
        PressCoverage.objects.get_or_create(
            outlet=outlet,
            headline=headline,
            defaults={
                "story": next((s for s in stories if word in s.title), None),
                "level": level,
                "date": day,
                "url": "",
                "source": "Registreret af sekretariatet",
            },
        )
