"""The evaluation report for the council: one period, every figure it asked for,
each saying what it counts.

The portal counts without cookies, so it can tell apart the people of one
day and of one calendar month, never of a year. The report therefore never
shows a "unique users in the year": it shows the best month (a floor for the
year) and the sum of the months, labelled as such, and says why.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Q, Sum

from .channel_figures import CHANNEL_LABELS, metric_info
from .comparison import Comparison, compare
from .goals import GoalRow, ManualReading, goal_rows, manual_reading
from .models import EvaluationTargets, ManualFigureKind, PressCoverage, SiteDay, TimelineNote
from .periods import Period, month_end
from .reports import (
    MonthPoint,
    SourceRow,
    StoryRow,
    monthly_trend,
    page_views,
    source_mix,
    story_rows,
)

VIEWS_COUNT = (
    "Gange en side på voresishoj.dk blev vist. Den samme side genindlæst af den samme "
    "læser inden for 30 minutter tæller én gang; søgemaskiners robotter tæller ikke."
)
VISITS_COUNT = (
    "Hver læser tæller én gang pr. dag, uanset hvor mange sider hun læser. Kommer hun "
    "igen en anden dag, tæller hun igen."
)
BEST_MONTH_COUNT = (
    "Forskellige læsere i den kalendermåned, der havde flest. Så mange forskellige "
    "personer har mindst brugt portalen i perioden."
)
MONTH_SUM_COUNT = (
    "Hver måneds forskellige læsere lagt sammen. En læser, der kommer igen i en ny måned, "
    "tæller igen; tallet er derfor ikke antallet af forskellige personer i perioden."
)
ONE_MONTH_COUNT = "Forskellige læsere i måneden; hver læser tæller én gang."
NO_YEAR_FIGURE = (
    "Hvor mange forskellige personer der har brugt portalen over hele perioden, kan ikke "
    "tælles: portalen tæller uden cookies og genkender en læser højst inden for én "
    "kalendermåned. Derfor vises den bedste måned og summen af månederne i stedet."
)


@dataclass(frozen=True)
class KeyFigure:
    label: str
    value: int | None
    counts: str
    """What the figure counts, in Danish, printed beside it."""
    comparison: Comparison | None = None
    detail: str = ""
    """E.g. which month was the best one."""

    @property
    def comparison_text(self) -> str:
        return self.comparison.text(self.value) if self.comparison else ""


@dataclass(frozen=True)
class ChannelTotal:
    channel: str
    channel_label: str
    name: str
    """The platform's own metric name, kept for checking against its tools."""
    label_da: str
    definition_da: str
    value: int
    change_note_da: str


@dataclass(frozen=True)
class NumberedNote:
    number: int
    date: datetime.date
    text: str
    details: str


@dataclass(frozen=True)
class CouncilReport:
    period: Period
    key_figures: list[KeyFigure]
    year_note: str
    """Why there is no count of people over the whole period; empty for one month."""
    group_members: ManualReading
    goals: list[GoalRow]
    goals_source: str
    top_stories: list[StoryRow]
    sources: list[SourceRow]
    months: list[MonthPoint]
    channel_totals: list[ChannelTotal]
    channel_notes: list[str]
    """Where the period spans a platform's change of what a metric counts."""
    press: list[PressCoverage]
    notes: list[NumberedNote]

    @property
    def notes_by_month(self) -> dict[datetime.date, list[NumberedNote]]:
        months: dict[datetime.date, list[NumberedNote]] = {}
        for note in self.notes:
            months.setdefault(note.date.replace(day=1), []).append(note)
        return months

    def figure(self, label: str) -> KeyFigure | None:
        return next((f for f in self.key_figures if f.label == label), None)


def visits(period: Period) -> int:
    return (
        SiteDay.objects.filter(day__gte=period.start, day__lte=period.end).aggregate(
            n=Sum("visitors")
        )["n"]
        or 0
    )


def whole_months(period: Period) -> list[MonthPoint]:
    """Calendar months wholly inside the period that have a count: a month cut
    by the period's edges has no unique-visitor figure of its own."""
    return [
        m
        for m in monthly_trend(period)
        if m.visitors is not None and m.month >= period.start and month_end(m.month) <= period.end
    ]


def best_month(period: Period) -> MonthPoint | None:
    return max(whole_months(period), key=lambda m: (m.visitors, m.month), default=None)


def month_sum(period: Period) -> int | None:
    months = whole_months(period)
    return sum(m.visitors for m in months) if months else None


def key_figures(period: Period, today: datetime.date) -> list[KeyFigure]:
    figures = [
        KeyFigure(
            "Sidevisninger", page_views(period), VIEWS_COUNT, compare(period, today, page_views)
        ),
        KeyFigure(
            "Besøg (læsere pr. dag, lagt sammen)",
            visits(period),
            VISITS_COUNT,
            compare(period, today, visits),
        ),
    ]
    if len(period.months()) == 1 and period.whole_months:
        month = best_month(period)
        figures.append(
            KeyFigure(
                "Unikke besøgende i måneden",
                month.visitors if month else None,
                ONE_MONTH_COUNT,
                compare(period, today, month_sum),
            )
        )
        return figures
    best = best_month(period)
    figures += [
        KeyFigure(
            "Unikke besøgende i den bedste måned",
            best.visitors if best else None,
            BEST_MONTH_COUNT,
            compare(period, today, lambda p: b.visitors if (b := best_month(p)) else None),
            detail=best.label if best else "ingen hel måned med data",
        ),
        KeyFigure(
            "Summen af månedernes unikke besøgende",
            month_sum(period),
            MONTH_SUM_COUNT,
            compare(period, today, month_sum) if period.whole_months else None,
            detail=f"{len(whole_months(period))} hele måneder",
        ),
    ]
    return figures


def channel_totals(rows: list[StoryRow], period: Period | None = None) -> list[ChannelTotal]:
    """Each platform's metric summed over the stories: within a platform only."""
    sums: dict[tuple[str, str], int] = {}
    for row in rows:
        for channel, figures in row.channels.items():
            for name, metric in figures.metrics.items():
                if metric.value is not None:
                    sums[(channel, name)] = sums.get((channel, name), 0) + metric.value
    order = list(CHANNEL_LABELS)
    totals = []
    for (channel, name), value in sorted(
        sums.items(),
        key=lambda item: (order.index(item[0][0]) if item[0][0] in order else 99, item[0][1]),
    ):
        info = metric_info(channel, name, period)
        totals.append(
            ChannelTotal(
                channel=channel,
                channel_label=CHANNEL_LABELS.get(channel, channel),
                name=name,
                label_da=info.label_da,
                definition_da=info.definition_da,
                value=value,
                change_note_da=info.change_note_da,
            )
        )
    return totals


def timeline_notes(period: Period) -> list[NumberedNote]:
    notes = TimelineNote.objects.filter(date__gte=period.start, date__lte=period.end)
    return [NumberedNote(i, n.date, n.text, n.details) for i, n in enumerate(notes, start=1)]


def council_report(period: Period, site, today: datetime.date, request=None) -> CouncilReport:
    targets = EvaluationTargets.for_site(site)
    rows = story_rows(period, request)
    totals = channel_totals(rows, period)
    single_month = len(period.months()) == 1 and period.whole_months
    return CouncilReport(
        period=period,
        key_figures=key_figures(period, today),
        year_note="" if single_month else NO_YEAR_FIGURE,
        group_members=manual_reading(ManualFigureKind.FACEBOOK_GROUP_MEMBERS, period),
        goals=goal_rows(period, targets, best_month(period), month_sum(period)),
        goals_source=targets.goals_source,
        top_stories=sorted((r for r in rows if r.views), key=lambda r: (-r.views, r.title))[:10],
        sources=source_mix(period),
        months=monthly_trend(period),
        channel_totals=totals,
        channel_notes=list(dict.fromkeys(t.change_note_da for t in totals if t.change_note_da)),
        press=list(
            PressCoverage.objects.filter(
                Q(date__gte=period.start) & Q(date__lte=period.end)
            ).select_related("story")
        ),
        notes=timeline_notes(period),
    )
