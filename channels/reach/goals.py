"""The council's goals, each judged over its own period beside figures of its own kind.

The goals come from the municipality's own description of the portal: 500
users within a year of going live (the portal's first year, whatever period
the report shows); 20–25 stories for the branding campaign "Alt ligger på
vejen hjem" and 3–5 regional or national stories, each a year's goal (the
evaluation year the report's period ends in); and the Facebook group's
members, which no API gives and the secretariat enters by hand, read at the
end of the report's period. A goal whose period is not over is not judged
until it is, unless it is already reached.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Q

from .models import ManualFigure, ManualFigureKind, PressCoverage, SiteDay, StoryEvaluation
from .periods import Period, danish_date, evaluation_year, short_date, year_from
from .reports import best_month, month_sum

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
    """The goal's own period, e.g. '1.2.2015–31.1.2016'."""
    applies_note: str
    """'målet gælder …' when the goal's period is not the report's; else empty."""
    target: str
    achieved: str
    counts: str
    """What the achieved figure counts."""
    source: str
    """Where the achieved figure comes from."""
    status: str
    met: bool | None
    """None when the figures at hand cannot decide it (yet)."""
    sentence: str
    """The goal and its status in one sentence, for the report's summary."""


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


def launch_day(targets) -> datetime.date | None:
    """The day the portal went live: as set, else the first day it counted readers."""
    if targets.launch_date:
        return targets.launch_date
    return SiteDay.objects.order_by("day").values_list("day", flat=True).first()


def first_year(targets) -> Period | None:
    """The portal's first year: the period of the users goal."""
    day = launch_day(targets)
    return year_from(day) if day else None


def goal_year(period: Period, targets) -> Period:
    """The evaluation year a year's goal is judged over: the one the report's period ends in."""
    return evaluation_year(period.end, targets.evaluation_year_start)


def _applies(goal_period: Period, period: Period) -> str:
    return "" if goal_period == period else f"målet gælder {goal_period.short_label}"


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


def _range(low: int, high: int | None, noun: str) -> str:
    return f"{low}–{high} {noun}" if high is not None and high != low else f"mindst {low} {noun}"


def _not_over(goal_period: Period) -> str:
    return f"{OPEN} endnu (perioden slutter {short_date(goal_period.end)})"


def _range_status(
    value: int, low: int, high: int | None, goal_period: Period, today: datetime.date
) -> tuple[str, bool | None]:
    if value >= low:
        if high is not None and value > high:
            return f"{MET} (over målet)", True
        return MET, True
    if not goal_period.is_over(today):
        return _not_over(goal_period), None
    return f"{NOT_MET} ({_number(low - value)} mangler)", False


def users_goal(period: Period, targets, today: datetime.date) -> GoalRow:
    """Unique people over a year cannot be counted without cookies; the best
    month of the first year is a floor for them and the sum of its months a
    ceiling, and the goal is decided only where the two agree."""
    target = targets.users_target
    year = first_year(targets)
    common = {
        "goal": "Brugere på voresishoj.dk inden for portalens første år",
        "target": f"{_number(target)} forskellige personer",
        "counts": "Forskellige læsere pr. kalendermåned i portalens første år, talt uden cookies.",
        "source": "Portalens egen optælling på voresishoj.dk",
    }
    if year is None:
        return GoalRow(
            period="–",
            applies_note="",
            achieved="Portalen har ikke talt læsere endnu.",
            status=OPEN,
            met=None,
            sentence="Målet om brugere kan ikke afgøres: portalen har ikke talt læsere endnu.",
            **common,
        )
    best, ceiling = best_month(year), month_sum(year)
    goal = f"Målet om {_number(target)} brugere i portalens første år ({year.short_label})"
    if best is None:
        achieved = "Ingen hel måned med data i portalens første år."
        status, met = (_not_over(year), None) if not year.is_over(today) else (OPEN, None)
        sentence = f"{goal} kan ikke afgøres: ingen hel måned med data."
    else:
        achieved = (
            f"Kan ikke tælles uden cookies. Mindst {_number(best.visitors)}: så mange "
            f"unikke besøgende havde den bedste måned ({best.label}). Højst "
            f"{_number(ceiling or 0)}: så mange ville det være, hvis ingen læser kom igen "
            "fra en måned til en anden."
        )
        if best.visitors >= target:
            status, met = f"{MET} (mindst {_number(best.visitors)} forskellige i én måned)", True
            sentence = (
                f"{goal} er nået: alene i {best.label} brugte {_number(best.visitors)} "
                "forskellige læsere portalen."
            )
        elif not year.is_over(today):
            status, met = _not_over(year), None
            sentence = (
                f"{goal} kan ikke afgøres endnu: året slutter {short_date(year.end)}; den bedste "
                f"måned indtil nu havde {_number(best.visitors)} forskellige læsere."
            )
        elif (ceiling or 0) < target:
            status, met = NOT_MET, False
            sentence = (
                f"{goal} er ikke nået: selv hvis ingen læser kom igen fra en måned til en "
                f"anden, var der højst {_number(ceiling or 0)}."
            )
        else:
            status, met = OPEN, None
            sentence = (
                f"{goal} kan ikke afgøres uden cookies: der var mindst "
                f"{_number(best.visitors)} og højst {_number(ceiling or 0)} forskellige læsere."
            )
    return GoalRow(
        period=year.short_label,
        applies_note=_applies(year, period),
        achieved=achieved,
        status=status,
        met=met,
        sentence=sentence,
        **common,
    )


def _year_goal(
    period: Period,
    targets,
    today: datetime.date,
    *,
    goal: str,
    short: str,
    value: int,
    low: int,
    high: int | None,
    counts: str,
    source: str,
) -> GoalRow:
    year = goal_year(period, targets)
    status, met = _range_status(value, low, high, year, today)
    target = _range(low, high, "historier")
    return GoalRow(
        goal=goal,
        period=year.short_label,
        applies_note=_applies(year, period),
        target=target,
        achieved=_number(value),
        counts=counts,
        source=source,
        status=status,
        met=met,
        sentence=f"{short} i evalueringsåret {year.short_label}: {_number(value)} mod målet "
        f"{target} – {status[0].lower()}{status[1:]}.",
    )


def members_goal(period: Period, targets) -> GoalRow:
    reading = manual_reading(ManualFigureKind.FACEBOOK_GROUP_MEMBERS, period)
    goal = targets.group_members_target
    if reading.value is None:
        achieved, status, met = "Ikke indtastet for perioden", OPEN, None
        source = "Indtastes under Rækkevidde → Manuelle tal"
        sentence = "Facebook-gruppens medlemstal er ikke indtastet for perioden."
    else:
        achieved = f"{_number(reading.value)} (aflæst {danish_date(reading.date)})"
        source = reading.source
        if goal is None:
            status, met = "Intet mål fastsat", None
        elif reading.value >= goal:
            status, met = MET, True
        else:
            status, met = f"{NOT_MET} ({_number(goal - reading.value)} mangler)", False
        sentence = (
            f"Facebook-gruppen havde {_number(reading.value)} medlemmer "
            f"{danish_date(reading.date)}"
            + (f" – målet er {_number(goal)}." if goal is not None else " (intet mål fastsat).")
        )
    return GoalRow(
        goal="Medlemmer af Facebook-gruppen Vores Ishøj",
        period=f"Aflæst senest {short_date(period.end)}",
        applies_note="",
        target=f"{_number(goal)} medlemmer" if goal is not None else "Intet mål fastsat",
        achieved=achieved,
        counts="Gruppens medlemmer på aflæsningsdagen, indtastet i hånden.",
        source=source,
        status=status,
        met=met,
        sentence=sentence,
    )


def goal_rows(period: Period, targets, today: datetime.date) -> list[GoalRow]:
    year = goal_year(period, targets)
    return [
        users_goal(period, targets, today),
        _year_goal(
            period,
            targets,
            today,
            goal="Fortællinger til brandingkampagnen »Alt ligger på vejen hjem«",
            short="Brandinghistorier",
            value=count_branding_stories(year),
            low=targets.branding_stories_min,
            high=targets.branding_stories_max,
            counts="Historier dateret i evalueringsåret og markeret som brandinghistorie.",
            source="Sekretariatets markeringer under Rækkevidde → Evaluering af historier",
        ),
        _year_goal(
            period,
            targets,
            today,
            goal="Regionale eller landsdækkende historier",
            short="Historier i regionale eller landsdækkende medier",
            value=count_press_stories(year),
            low=targets.press_stories_min,
            high=targets.press_stories_max,
            counts="Forskellige historier omtalt i regionale eller landsdækkende medier i "
            "evalueringsåret.",
            source="Presseomtaler og markeringer registreret af sekretariatet",
        ),
        members_goal(period, targets),
    ]
