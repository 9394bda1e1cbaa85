"""The evaluation report for the council: one period, every figure it asked for,
each saying what it counts.

The portal counts without cookies, so it can tell apart the people of one
day and of one calendar month, never of a year. The report therefore never
shows a "unique users in the year", and never adds up counts of people over
months or posts: it shows the best month (a floor for the year) and the
typical (median) month, labelled as such, and says why.
"""

import datetime
import statistics
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Sum

from home.languages import default_language
from stories.models import StoryPage

from .channel_summary import ChannelFigure, channel_summary
from .comparison import Comparison, compare, counted_throughout, counting_started
from .goals import GoalRow, ManualReading, goal_rows, manual_reading
from .models import EvaluationTargets, ManualFigureKind, PressCoverage, SiteDay, TimelineNote
from .participation import Participation, participation
from .periods import Period, evaluation_year, last_complete_evaluation_year
from .plain_danish import plain_danish
from .reports import (
    MonthPoint,
    SourceRow,
    StoryRow,
    best_month,
    month_sum,
    monthly_trend,
    page_views,
    source_mix,
    story_rows,
    whole_months,
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
MEDIAN_MONTH_COUNT = (
    "Forskellige læsere i en typisk hel kalendermåned (medianen): halvdelen af månederne "
    "havde flere, halvdelen færre. Månederne lægges ikke sammen, for en læser, der kommer "
    "igen i en ny måned, ville så tælle flere gange."
)
ONE_MONTH_COUNT = "Forskellige læsere i måneden; hver læser tæller én gang."
NO_YEAR_FIGURE = (
    "Hvor mange forskellige personer der har brugt portalen over hele perioden, kan ikke "
    "tælles: portalen tæller uden cookies og genkender en læser højst inden for én "
    "kalendermåned. Derfor vises den bedste og den typiske måned i stedet."
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
class NumberedNote:
    number: int
    date: datetime.date
    text: str
    details: str


@dataclass(frozen=True)
class SummaryFigure:
    label: str
    value: int | None
    sentence: str
    """The figure in one Danish sentence that says what it counts."""


@dataclass(frozen=True)
class Section:
    """One part of the report after the summary: its heading and its template.

    `build(period, today)` makes the section's own figures (the template reads
    them as `data`); a section made from the report's common figures has none.
    A new part of the report is one more entry in SECTIONS.
    """

    slug: str
    """The heading's id (an anchor in the HTML report)."""
    title: str
    template: str
    build: Callable[[Period, datetime.date], Any] | None = None


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
    channel_figures: list[ChannelFigure]
    channel_notes: list[str]
    """Where the period spans a platform's change of what a metric counts."""
    people_threshold: int
    press: list[PressCoverage]
    notes: list[NumberedNote]
    summary_figures: list[SummaryFigure] = field(default_factory=list)
    sections: list[tuple[Section, Any]] = field(default_factory=list)
    """Each section after the summary with its own figures, in order."""

    @property
    def notes_by_month(self) -> dict[datetime.date, list[NumberedNote]]:
        months: dict[datetime.date, list[NumberedNote]] = {}
        for note in self.notes:
            months.setdefault(note.date.replace(day=1), []).append(note)
        return months

    @property
    def footnoted_figures(self) -> list[tuple[int, ChannelFigure]]:
        """Each channel figure with the number of its footnote, in reading order:
        the figures that add up first, then the counts of people."""
        summed = [f for f in self.channel_figures if not f.counts_people]
        people = [f for f in self.channel_figures if f.counts_people]
        return list(enumerate(summed + people, start=1))

    @property
    def summed_figures(self) -> list[tuple[int, ChannelFigure]]:
        return [(n, f) for n, f in self.footnoted_figures if not f.counts_people]

    @property
    def people_figures(self) -> list[tuple[int, ChannelFigure]]:
        return [(n, f) for n, f in self.footnoted_figures if f.counts_people]

    def figure(self, label: str) -> KeyFigure | None:
        return next((f for f in self.key_figures if f.label == label), None)

    @property
    def participation(self) -> Participation | None:
        return next((data for s, data in self.sections if s.slug == "deltagelse"), None)


SECTIONS: list[Section] = [
    Section("noegletal", "Nøgletal for voresishoj.dk", "reach/council/key_figures.html"),
    Section("maal", "Mål og resultater", "reach/council/goals.html"),
    Section("maaneder", "Udvikling pr. måned", "reach/council/months.html"),
    Section("historier", "Mest læste historier", "reach/council/stories.html"),
    Section("kilder", "Hvor læserne kom fra", "reach/council/sources.html"),
    Section("kanaler", "Kanalernes egne tal", "reach/council/channels.html"),
    Section(
        "deltagelse",
        "Borgernes deltagelse",
        "reach/council/participation.html",
        build=participation,
    ),
    Section("presse", "Presseomtale", "reach/council/press.html"),
    Section("klart-dansk", "Klart dansk", "reach/council/plain_danish.html", plain_danish),
]


def visits(period: Period) -> int:
    return (
        SiteDay.objects.filter(day__gte=period.start, day__lte=period.end).aggregate(
            n=Sum("visitors")
        )["n"]
        or 0
    )


def median_month(period: Period) -> int | None:
    months = whole_months(period)
    return round(statistics.median(m.visitors for m in months)) if months else None


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
            "Unikke besøgende i en typisk måned",
            median_month(period),
            MEDIAN_MONTH_COUNT,
            compare(period, today, median_month) if period.whole_months else None,
            detail=f"medianen af {len(whole_months(period))} hele måneder",
        ),
    ]
    return figures


def timeline_notes(period: Period) -> list[NumberedNote]:
    notes = TimelineNote.objects.filter(date__gte=period.start, date__lte=period.end)
    return [NumberedNote(i, n.date, n.text, n.details) for i, n in enumerate(notes, start=1)]


def stories_published(period: Period) -> int:
    return (
        StoryPage.objects.live()
        .filter(locale__language_code=default_language())
        .filter(date__gte=period.start, date__lte=period.end)
        .count()
    )


def _number(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def summary_figures(period: Period) -> list[SummaryFigure]:
    """The three figures the summary opens with, each in one sentence."""
    views = page_views(period)
    best = best_month(period)
    stories = stories_published(period)
    if best is None:
        people = "Der er ingen hel kalendermåned med tal i perioden, så antallet af forskellige "
        people += "læsere i en måned kan ikke vises."
    else:
        people = (
            f"I den bedste måned, {best.label}, brugte {_number(best.visitors)} forskellige "
            "læsere portalen (en læser tæller én gang i måneden)."
        )
    return [
        SummaryFigure(
            "Sidevisninger",
            views,
            f"Sider på voresishoj.dk blev vist {_number(views)} gange i perioden "
            "(genindlæsninger og søgemaskiners robotter tæller ikke).",
        ),
        SummaryFigure("Unikke besøgende i den bedste måned", best and best.visitors, people),
        SummaryFigure(
            "Nye historier",
            stories,
            f"{_number(stories)} historier dateret i perioden står på voresishoj.dk.",
        ),
    ]


def council_report(period: Period, site, today: datetime.date, request=None) -> CouncilReport:
    targets = EvaluationTargets.for_site(site)
    rows = story_rows(period, request)
    figures = channel_summary(rows, period, targets.people_threshold)
    single_month = len(period.months()) == 1 and period.whole_months
    return CouncilReport(
        period=period,
        key_figures=key_figures(period, today),
        year_note="" if single_month else NO_YEAR_FIGURE,
        group_members=manual_reading(ManualFigureKind.FACEBOOK_GROUP_MEMBERS, period),
        goals=goal_rows(period, targets, today),
        goals_source=targets.goals_source,
        top_stories=sorted((r for r in rows if r.views), key=lambda r: (-r.views, r.title))[:10],
        sources=source_mix(period),
        months=monthly_trend(period, today),
        channel_figures=figures,
        channel_notes=list(dict.fromkeys(f.change_note_da for f in figures if f.change_note_da)),
        people_threshold=targets.people_threshold,
        press=list(
            PressCoverage.objects.filter(
                date__gte=period.start, date__lte=period.end
            ).select_related("story")
        ),
        notes=timeline_notes(period),
        summary_figures=summary_figures(period),
        sections=[(s, s.build(period, today) if s.build else None) for s in SECTIONS],
    )


def default_period(site, today: datetime.date) -> tuple[Period, str]:
    """The last complete evaluation year. When the portal did not count all of
    it (a counting that stopped, the demo's pilot years), the latest complete
    evaluation year it counted throughout, else the latest with any figures,
    with a note saying so."""
    start_month = EvaluationTargets.for_site(site).evaluation_year_start
    year = last_complete_evaluation_year(today, start_month)
    first = counting_started()
    candidates = []
    candidate = year
    while first is not None and candidate.end >= first:
        candidates.append(candidate)
        candidate = evaluation_year(candidate.start - datetime.timedelta(days=1), start_month)
    chosen = next((c for c in candidates if counted_throughout(c)), None) or next(
        (
            c
            for c in candidates
            if SiteDay.objects.filter(day__gte=c.start, day__lte=c.end).exists()
        ),
        year,
    )
    if chosen == year:
        return year, ""
    return chosen, (
        f"Portalen har ikke tal for hele evalueringsåret {year.label}. Viser i stedet det "
        f"seneste hele evalueringsår med tal, {chosen.label}."
    )
