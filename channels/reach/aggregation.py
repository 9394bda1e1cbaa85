"""Turn the raw hits of a day into the aggregates the reports read.

Run by the clock every five minutes (`aggregate_reach`, cms/clock.py) and
before a report is shown. Recomputing a
whole day from its raw hits makes the job idempotent: running it twice, or
after a crash, gives the same figures. When a day is over its salt is deleted,
and its raw hits once a grace period has passed (PERSONAL_DATA_RETENTION
["beacon_hits"]); when a month is over, its salt too.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from wagtail.models import Page

from home import retention

from .models import (
    MonthVisitor,
    PageDay,
    PageSourceDay,
    RawHit,
    SaltKind,
    SiteDay,
    SiteMonth,
    SiteSourceDay,
    VisitorSalt,
)


@dataclass(frozen=True)
class DayResult:
    day: datetime.date
    hits: int
    views: int
    visitors: int


def aggregate_day(day: datetime.date) -> DayResult:
    """Apply the repeat rule to one day's hits and store that day's aggregates."""
    window = datetime.timedelta(minutes=settings.REACH_REPEAT_WINDOW_MINUTES)
    rows = (
        RawHit.objects.filter(day=day)
        .order_by("day_key", "page_id", "at", "pk")
        .values_list("day_key", "month_key", "page_id", "at", "source", "utm_source")
    )
    hits = views = 0
    last_counted: dict[tuple[int, int | None], datetime.datetime] = {}
    site_visitors: set[int] = set()
    month_keys: set[int] = set()
    page_views: dict[int, int] = defaultdict(int)
    page_visitors: dict[int, set[int]] = defaultdict(set)
    page_source_views: dict[tuple[int, str, str], int] = defaultdict(int)
    source_views: dict[str, int] = defaultdict(int)
    source_visitors: dict[str, set[int]] = defaultdict(set)
    for day_key, month_key, page_id, at, source, utm_source in rows.iterator(chunk_size=5000):
        hits += 1
        site_visitors.add(day_key)
        month_keys.add(month_key)
        previous = last_counted.get((day_key, page_id))
        if previous is not None and at - previous < window:
            continue  # a reload: the same view
        last_counted[(day_key, page_id)] = at
        views += 1
        source_views[source] += 1
        source_visitors[source].add(day_key)
        if page_id is not None:
            page_views[page_id] += 1
            page_visitors[page_id].add(day_key)
            page_source_views[(page_id, source, utm_source)] += 1

    existing_pages = set(Page.objects.filter(pk__in=page_views).values_list("pk", flat=True))
    month = day.replace(day=1)
    with transaction.atomic():
        PageDay.objects.filter(day=day).delete()
        PageSourceDay.objects.filter(day=day).delete()
        SiteSourceDay.objects.filter(day=day).delete()
        PageDay.objects.bulk_create(
            PageDay(page_id=pk, day=day, views=n, visitors=len(page_visitors[pk]))
            for pk, n in page_views.items()
            if pk in existing_pages
        )
        PageSourceDay.objects.bulk_create(
            PageSourceDay(page_id=pk, day=day, source=source, utm_source=utm, views=n)
            for (pk, source, utm), n in page_source_views.items()
            if pk in existing_pages
        )
        SiteSourceDay.objects.bulk_create(
            SiteSourceDay(day=day, source=s, views=n, visitors=len(source_visitors[s]))
            for s, n in source_views.items()
        )
        SiteDay.objects.update_or_create(
            day=day, defaults={"views": views, "visitors": len(site_visitors)}
        )
        MonthVisitor.objects.bulk_create(
            (MonthVisitor(month=month, key=k) for k in month_keys),
            ignore_conflicts=True,
            batch_size=2000,
        )
        _store_month(month)
    return DayResult(day, hits, views, len(site_visitors))


def _store_month(month: datetime.date) -> None:
    next_month = (month + datetime.timedelta(days=32)).replace(day=1)
    views = (
        SiteDay.objects.filter(day__gte=month, day__lt=next_month).aggregate(n=Sum("views"))["n"]
        or 0
    )
    visitors = MonthVisitor.objects.filter(month=month).count()
    SiteMonth.objects.update_or_create(month=month, defaults={"views": views, "visitors": visitors})


# How long after midnight a day still counts as running: beacons of its last
# second may still sit in a web process's batch (hit_buffer.py), and they
# are counted only while the day's raw hits are there to be counted again.
LATE_HITS = datetime.timedelta(minutes=5)


def run_aggregation(today: datetime.date | None = None) -> list[DayResult]:
    """Aggregate every day with raw hits, then forget what is no longer needed."""
    today = today or timezone.localdate(timezone.now() - LATE_HITS)
    days = sorted(set(RawHit.objects.values_list("day", flat=True).distinct()))
    results = [aggregate_day(day) for day in days]
    forget_finished_periods(today)
    return results


def forget_finished_periods(today: datetime.date) -> int:
    """Delete salts of finished days and months at once, and raw hits and month
    keys once their figures are aggregated and the grace period has passed.

    Only after their figures are aggregated (run_aggregation does that first).
    With the salts gone no stored key can be linked to an address or a browser;
    the raw hits wait PERSONAL_DATA_RETENTION["beacon_hits"] days more, so a day
    can still be counted again (each run recounts every day that has hits), and
    so do the month keys of a month such a day belongs to, so that recount gives
    the month's true unique visitors. Returns the raw hits deleted.
    """
    this_month = today.replace(day=1)
    kept_from = retention.cutoff_date("beacon_hits", today)
    with transaction.atomic():
        deleted, _ = RawHit.objects.filter(day__lt=kept_from).delete()
        VisitorSalt.objects.filter(kind=SaltKind.DAY, period_start__lt=today).delete()
        VisitorSalt.objects.filter(kind=SaltKind.MONTH, period_start__lt=this_month).delete()
        MonthVisitor.objects.filter(month__lt=min(kept_from.replace(day=1), this_month)).delete()
    if deleted:
        retention.log_run("beacon_hits", {"raw_hits": deleted})
    return deleted
