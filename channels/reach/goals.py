"""The council's goals beside figures of the same kind, each with its source.

The goals come from the municipality's own description of the portal (500
users within a year; 20–25 stories for the branding campaign "Alt ligger på
vejen hjem"; 3–5 regional or national stories) and the Facebook group's
members, which no API gives and the secretariat enters by hand.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Q

from .models import ManualFigure, ManualFigureKind, PressCoverage, StoryEvaluation
from .periods import Period, danish_date
from .reports import MonthPoint

MET, NOT_MET, OPEN = "Nået", "Ikke nået", "Kan ikke afgøres"


@dataclass(frozen=True)
class ManualReading:
    value: int | None
    date: datetime.date | None
    source: str
    previous: int | None
    """The reading at or before the start of the period."""


@dataclass(frozen=True)
class GoalRow:
    goal: str
    period: str
    target: str
    achieved: str
    counts: str
    """What the achieved figure counts."""
    source: str
    """Where the achieved figure comes from."""
    status: str
    met: bool | None
    """None when the figures at hand cannot decide it."""


def _number(value: int) -> str:
    return f"{value:,}".replace(",", ".")


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


def _published_in(period: Period) -> Q:
    """Stories dated in the period: the date the story carries on the site,
    which for a story moved from the old site is not when Wagtail published it."""
    return Q(story__date__gte=period.start, story__date__lte=period.end)


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


def _range_status(value: int, low: int, high: int | None) -> tuple[str, bool]:
    if value < low:
        return f"{NOT_MET} ({_number(low - value)} mangler)", False
    if high is not None and value > high:
        return f"{MET} (over målet)", True
    return MET, True


def _range(low: int, high: int | None, noun: str) -> str:
    return f"{low}–{high} {noun}" if high is not None and high != low else f"mindst {low} {noun}"


def users_goal(
    period: Period, target: int, best: MonthPoint | None, month_sum: int | None
) -> GoalRow:
    """Unique people over a year cannot be counted without cookies; the best
    month is a floor for them and the sum of the months a ceiling."""
    if best is None:
        achieved, status, met = "Ingen hel måned med data i perioden.", OPEN, None
    else:
        achieved = (
            f"Kan ikke tælles uden cookies. Nærmeste ærlige tal: {_number(best.visitors)} "
            f"unikke besøgende i den bedste måned ({best.label}); summen af månederne er "
            f"{_number(month_sum or 0)} (tæller den, der kommer igen, én gang pr. måned)."
        )
        if best.visitors >= target:
            status, met = f"{MET} (mindst {_number(best.visitors)} forskellige i én måned)", True
        elif (month_sum or 0) < target:
            status, met = NOT_MET, False
        else:
            status, met = OPEN, None
    return GoalRow(
        goal="Brugere på voresishoj.dk inden for et år",
        period=period.label,
        target=f"{_number(target)} forskellige personer",
        achieved=achieved,
        counts="Forskellige læsere pr. kalendermåned, talt uden cookies.",
        source="Portalens egen optælling på voresishoj.dk",
        status=status,
        met=met,
    )


def goal_rows(period: Period, targets, best: MonthPoint | None, month_sum: int | None):
    branding = count_branding_stories(period)
    press = count_press_stories(period)
    branding_status = _range_status(
        branding, targets.branding_stories_min, targets.branding_stories_max
    )
    press_status = _range_status(press, targets.press_stories_min, targets.press_stories_max)
    rows = [
        users_goal(period, targets.users_target, best, month_sum),
        GoalRow(
            goal="Fortællinger til brandingkampagnen »Alt ligger på vejen hjem«",
            period=period.label,
            target=_range(targets.branding_stories_min, targets.branding_stories_max, "historier"),
            achieved=_number(branding),
            counts="Historier dateret i perioden og markeret som brandinghistorie.",
            source="Sekretariatets markeringer under Rækkevidde → Evaluering af historier",
            status=branding_status[0],
            met=branding_status[1],
        ),
        GoalRow(
            goal="Regionale eller landsdækkende historier",
            period=period.label,
            target=_range(targets.press_stories_min, targets.press_stories_max, "historier"),
            achieved=_number(press),
            counts="Forskellige historier omtalt i regionale eller landsdækkende medier.",
            source="Presseomtaler og markeringer registreret af sekretariatet",
            status=press_status[0],
            met=press_status[1],
        ),
    ]
    reading = manual_reading(ManualFigureKind.FACEBOOK_GROUP_MEMBERS, period)
    goal = targets.group_members_target
    if reading.value is None:
        achieved, status, met = "Ikke indtastet for perioden", OPEN, None
        source = "Indtastes under Rækkevidde → Manuelle tal"
    else:
        achieved = f"{_number(reading.value)} (aflæst {danish_date(reading.date)})"
        source = reading.source
        if goal is None:
            status, met = "Intet mål fastsat", None
        else:
            status, met = _range_status(reading.value, goal, None)
    rows.append(
        GoalRow(
            goal="Medlemmer af Facebook-gruppen Vores Ishøj",
            period=f"Aflæst senest {danish_date(period.end)}",
            target=f"{_number(goal)} medlemmer" if goal is not None else "Intet mål fastsat",
            achieved=achieved,
            counts="Gruppens medlemmer på aflæsningsdagen, indtastet i hånden.",
            source=source,
            status=status,
            met=met,
        )
    )
    return rows
