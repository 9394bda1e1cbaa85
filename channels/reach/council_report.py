"""The evaluation report for the council: one period, every figure it asked for."""

import datetime
from dataclasses import dataclass

from django.db.models import Q

from .models import (
    EvaluationTargets,
    ManualFigure,
    ManualFigureKind,
    PressCoverage,
    StoryEvaluation,
)
from .periods import Period
from .reports import (
    MonthPoint,
    SourceRow,
    StoryRow,
    UniqueVisitors,
    growth,
    monthly_trend,
    page_views,
    source_mix,
    story_rows,
    unique_visitors,
)


@dataclass(frozen=True)
class ManualReading:
    value: int | None
    date: datetime.date | None
    source: str
    previous: int | None
    """The reading at or before the start of the period, for growth."""


@dataclass(frozen=True)
class TargetProgress:
    label: str
    value: int
    low: int
    high: int | None
    """None for a one-sided target ("at least")."""

    @property
    def status(self) -> str:
        if self.value < self.low:
            return "Under målet"
        if self.high is not None and self.value > self.high:
            return "Over målet"
        return "Målet er nået"

    @property
    def target_label(self) -> str:
        return f"{self.low}–{self.high}" if self.high is not None else f"{self.low}"

    @property
    def percent(self) -> int:
        return round(100 * self.value / self.low) if self.low else 100


@dataclass(frozen=True)
class CouncilReport:
    period: Period
    views: int
    views_previous: int
    views_growth: float | None
    visitors: UniqueVisitors
    visitors_previous: UniqueVisitors
    visitors_growth: float | None
    group_members: ManualReading
    top_stories: list[StoryRow]
    sources: list[SourceRow]
    months: list[MonthPoint]
    channel_totals: dict[str, dict[str, int]]
    """Per channel, per the platform's own metric: the sum over stories."""
    press: list[PressCoverage]
    targets: list[TargetProgress]


def manual_reading(kind: str, period: Period) -> ManualReading:
    latest = ManualFigure.objects.filter(kind=kind, date__lte=period.end).order_by("-date").first()
    before = (
        ManualFigure.objects.filter(kind=kind, date__lte=period.start).order_by("-date").first()
    )
    if latest and latest.date < period.start:
        latest = None
    return ManualReading(
        value=latest.value if latest else None,
        date=latest.date if latest else None,
        source=latest.source if latest else "",
        previous=before.value if before else None,
    )


def channel_totals(rows: list[StoryRow]) -> dict[str, dict[str, int]]:
    """Sum each platform's metric over the stories: within a platform only."""
    totals: dict[str, dict[str, int]] = {}
    for row in rows:
        for figures in row.channels.values():
            for name, metric in figures.metrics.items():
                if metric.value is not None:
                    bucket = totals.setdefault(figures.label, {})
                    bucket[name] = bucket.get(name, 0) + metric.value
    return totals


def _published_in(period: Period) -> Q:
    """Stories the portal published in the period: what the year's targets count."""
    return Q(
        story__first_published_at__date__gte=period.start,
        story__first_published_at__date__lte=period.end,
    )


def count_branding_stories(period: Period) -> int:
    return StoryEvaluation.objects.filter(_published_in(period), is_branding_story=True).count()


def count_press_stories(period: Period) -> int:
    """Distinct stories marked as picked up, or with press coverage in the period;
    coverage not tied to a story counts on its own."""
    marked = set(
        StoryEvaluation.objects.filter(_published_in(period), picked_up_by_press=True).values_list(
            "story_id", flat=True
        )
    )
    coverage = PressCoverage.objects.filter(date__gte=period.start, date__lte=period.end)
    covered = set(coverage.filter(story__isnull=False).values_list("story_id", flat=True))
    return len(marked | covered) + coverage.filter(story__isnull=True).count()


def council_report(period: Period, site, today: datetime.date, request=None) -> CouncilReport:
    targets = EvaluationTargets.for_site(site)
    previous = period.previous()
    views, views_previous = page_views(period), page_views(previous)
    visitors = unique_visitors(period, today)
    visitors_previous = unique_visitors(previous, today)
    rows = story_rows(period, request)
    return CouncilReport(
        period=period,
        views=views,
        views_previous=views_previous,
        views_growth=growth(views, views_previous),
        visitors=visitors,
        visitors_previous=visitors_previous,
        visitors_growth=growth(visitors.value, visitors_previous.value),
        group_members=manual_reading(ManualFigureKind.FACEBOOK_GROUP_MEMBERS, period),
        top_stories=sorted((r for r in rows if r.views), key=lambda r: (-r.views, r.title))[:10],
        sources=source_mix(period),
        months=monthly_trend(period),
        channel_totals=channel_totals(rows),
        press=list(
            PressCoverage.objects.filter(
                Q(date__gte=period.start) & Q(date__lte=period.end)
            ).select_related("story")
        ),
        targets=[
            TargetProgress("Unikke brugere", visitors.value, targets.users_target, None),
            TargetProgress(
                "Brandinghistorier for 'Alt ligger på vejen hjem'",
                count_branding_stories(period),
                targets.branding_stories_min,
                targets.branding_stories_max,
            ),
            TargetProgress(
                "Historier i regionale eller landsdækkende medier",
                count_press_stories(period),
                targets.press_stories_min,
                targets.press_stories_max,
            ),
        ],
    )
