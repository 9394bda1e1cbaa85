"""The figures the reports, exports and the staff API show: pure queries.

Every figure here is a sum of stored aggregate rows, so a report's totals can
always be checked against the tables. Unique visitors are never invented:
within a calendar month they are true unique visitors (the month salt); over
a longer period they are the sum of the months, and labelled so.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Sum
from django.utils import timezone

from stories.models import StoryPage

from .channel_figures import ChannelFigures, channel_figures
from .models import PageDay, PageSourceDay, SiteDay, SiteMonth, SiteSourceDay, Source
from .periods import Period, add_months, danish_month, month_end, month_start


@dataclass(frozen=True)
class UniqueVisitors:
    value: int
    note: str
    """How the number was made, in Danish, shown next to it."""
    exact: bool
    """True when it counts each person once over the whole period."""


@dataclass(frozen=True)
class SourceRow:
    source: str
    label: str
    views: int
    visitors: int
    share: float
    """Share of the period's page views, 0..1."""


@dataclass(frozen=True)
class MonthPoint:
    month: datetime.date
    label: str
    views: int
    visitors: int | None
    """None for a month without any data: shown as a gap, not as zero."""
    incomplete: str = ""
    """Why the month's figures are not a whole month's, in Danish; empty when they are."""


@dataclass
class StoryRow:
    page_id: int
    title: str
    url: str
    date: datetime.date
    views: int = 0
    visitors: int = 0
    """Sum of the days' unique visitors (one person on two days counts twice)."""
    sources: dict[str, int] = field(default_factory=dict)
    utm_views: dict[str, int] = field(default_factory=dict)
    """Page views through each channel's tagged links, e.g. 'detsker' click-throughs."""
    channels: dict[str, ChannelFigures] = field(default_factory=dict)


STORY_VISITORS_NOTE = "summen af dagenes unikke besøgende"


def _between(period: Period, field_name: str = "day") -> dict:
    return {f"{field_name}__gte": period.start, f"{field_name}__lte": period.end}


def page_views(period: Period) -> int:
    return SiteDay.objects.filter(**_between(period)).aggregate(n=Sum("views"))["n"] or 0


def unique_visitors(period: Period, today: datetime.date) -> UniqueVisitors:
    """True unique visitors where the salts allow it, summed by month otherwise."""
    if period.start == period.end:
        row = SiteDay.objects.filter(day=period.start).first()
        return UniqueVisitors(row.visitors if row else 0, "unikke besøgende på dagen", True)
    month_rows = {
        m.month: m.visitors
        for m in SiteMonth.objects.filter(
            month__gte=month_start(period.start), month__lte=period.end
        )
    }
    total, partial = 0, False
    for month in period.months():
        covers_start = period.start <= month
        covers_end = period.end >= month_end(month) or (
            period.end >= today and month == month_start(today)
        )
        if covers_start and covers_end:
            total += month_rows.get(month, 0)
        else:
            partial = True
            overlap = Period(max(month, period.start), min(month_end(month), period.end))
            total += (
                SiteDay.objects.filter(**_between(overlap)).aggregate(n=Sum("visitors"))["n"] or 0
            )
    months = period.months()
    if len(months) == 1 and not partial:
        return UniqueVisitors(total, "unikke besøgende i måneden", True)
    note = f"summen af {len(months)} måneders unikke besøgende"
    if partial:
        note += "; påbegyndte måneder som summen af dagenes unikke besøgende"
    return UniqueVisitors(total, note, len(months) == 1 and not partial)


def source_mix(period: Period) -> list[SourceRow]:
    rows = (
        SiteSourceDay.objects.filter(**_between(period))
        .values("source")
        .annotate(views=Sum("views"), visitors=Sum("visitors"))
    )
    by_source = {r["source"]: r for r in rows}
    total = sum(r["views"] for r in rows) or 0
    return [
        SourceRow(
            source=value,
            label=label,
            views=by_source.get(value, {}).get("views", 0) or 0,
            visitors=by_source.get(value, {}).get("visitors", 0) or 0,
            share=(by_source.get(value, {}).get("views", 0) or 0) / total if total else 0.0,
        )
        for value, label in Source.choices
    ]


def month_incomplete(month: datetime.date, period: Period, today: datetime.date) -> str:
    if month_end(month) >= today and month <= today:
        return f"ikke slut – til og med {today.day}.{today.month}."
    if month < period.start or month_end(month) > period.end:
        first, last = max(month, period.start), min(month_end(month), period.end)
        return f"kun {first.day}.–{last.day}.{last.month}. i perioden"
    return ""


def monthly_trend(period: Period, today: datetime.date | None = None) -> list[MonthPoint]:
    """Every month of the period; the running month and months cut by the period's
    edges are included and say so (`incomplete`)."""
    today = today or timezone.localdate()
    months = {m.month: m for m in SiteMonth.objects.filter(month__in=period.months())}
    days = SiteDay.objects.filter(**_between(period)).values_list("day", "views").order_by("day")
    views: dict[datetime.date, int] = defaultdict(int)
    seen: set[datetime.date] = set()
    for day, n in days:
        views[month_start(day)] += n
        seen.add(month_start(day))
    return [
        MonthPoint(
            month=month,
            label=danish_month(month),
            views=views.get(month, 0),
            visitors=months[month].visitors if month in months else None,
            incomplete=month_incomplete(month, period, today),
        )
        if month in seen or month in months
        else MonthPoint(month, danish_month(month), 0, None, month_incomplete(month, period, today))
        for month in period.months()
    ]


def whole_months(period: Period) -> list[MonthPoint]:
    """Calendar months wholly inside the period that have a count: a month cut
    by the period's edges has no unique-visitor figure of its own."""
    return [
        m
        for m in monthly_trend(period)
        if m.visitors is not None and m.month >= period.start and month_end(m.month) <= period.end
    ]


def best_month(period: Period) -> MonthPoint | None:
    """The whole month with the most unique visitors: a floor for the period's people."""
    return max(whole_months(period), key=lambda m: (m.visitors, m.month), default=None)


def month_sum(period: Period) -> int | None:
    """The whole months' unique visitors added up: a ceiling for the period's people."""
    months = whole_months(period)
    return sum(m.visitors for m in months) if months else None


def daily_views(period: Period) -> list[tuple[datetime.date, int | None]]:
    """Every day of the period; a day without any row is a gap (None)."""
    rows = dict(SiteDay.objects.filter(**_between(period)).values_list("day", "views"))
    return [
        (period.start + datetime.timedelta(days=i), rows.get(period.start + datetime.timedelta(i)))
        for i in range(period.days)
    ]


def site_totals(page_ids: list[int], period: Period) -> dict[int, tuple[int, int]]:
    """Each page's site views and daily visitors summed over the period (pages
    without a counted view are left out)."""
    return {
        r["page_id"]: (r["views"], r["visitors"])
        for r in PageDay.objects.filter(page_id__in=page_ids, **_between(period))
        .values("page_id")
        .annotate(views=Sum("views"), visitors=Sum("visitors"))
    }


def story_rows(period: Period, request=None) -> list[StoryRow]:
    """Every live story with its website figures and each channel side by side."""
    stories = StoryPage.objects.live().defer_streamfields().order_by("-date", "-pk")
    rows = {
        s.pk: StoryRow(page_id=s.pk, title=s.title, url=s.get_url(request) or "", date=s.date)
        for s in stories
    }
    for page_id, (views, visitors) in site_totals(list(rows), period).items():
        rows[page_id].views = views
        rows[page_id].visitors = visitors
    for r in (
        PageSourceDay.objects.filter(page_id__in=rows, **_between(period))
        .values("page_id", "source", "utm_source")
        .annotate(views=Sum("views"))
    ):
        row = rows[r["page_id"]]
        row.sources[r["source"]] = row.sources.get(r["source"], 0) + r["views"]
        if r["utm_source"]:
            row.utm_views[r["utm_source"]] = row.utm_views.get(r["utm_source"], 0) + r["views"]
    for page_id, figures in channel_figures(list(rows), period).items():
        rows[page_id].channels = figures
    return list(rows.values())


def top_stories(period: Period, count: int = 10, request=None) -> list[StoryRow]:
    rows = [r for r in story_rows(period, request) if r.views]
    return sorted(rows, key=lambda r: (-r.views, r.title))[:count]


def growth(current: int, previous: int) -> float | None:
    """Relative change; None when there is nothing to compare with."""
    if not previous:
        return None
    return (current - previous) / previous


def period_with_data(default: Period, today: datetime.date) -> tuple[Period, str]:
    """The default period, unless nothing was counted in it (a counting that
    stopped, or the demo's pilot year): then the latest twelve whole months that
    have figures, with a note saying so. A period counted only today (the running
    month) is kept: it is the current month, marked as not over."""
    if SiteDay.objects.filter(**_between(default)).exists():
        return default, ""
    latest = (
        SiteDay.objects.filter(day__lt=default.start).order_by("-day").values_list("day", flat=True)
    ).first()
    if latest is None:
        return default, ""
    period = Period(add_months(month_start(latest), -11), month_end(latest))
    return period, (
        f"Der er ingen tal for {default.label}. Viser i stedet de seneste 12 hele måneder med tal."
    )
