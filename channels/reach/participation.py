"""The council report's "Borgernes deltagelse": what residents sent, what
became of it, how long they waited for an answer, and who signed up to help.

Counted from home's Contribution rows (one per submission, kept after the
resident's personal data is erased, so the counts stay true) and the task
boards' confirmed sign-ups. Every figure is about submissions received in the
period, so a figure never mixes this period's answers with last period's
submissions.
"""

from __future__ import annotations

import datetime
import math
import statistics
from dataclasses import dataclass

from django.utils import timezone

from home.participation_models import Contribution, ContributionKind, ContributionStatus
from stories.models import TaskSignup

from .periods import Period, danish_month, month_start
from .reports import month_incomplete

RECEIVED_COUNTS = (
    "Historier, opskrifter, billeder og forslag til begivenheder og steder, som borgere "
    "sendte gennem portalens formularer i perioden. Spam, som formularerne stoppede, "
    "tæller ikke; en indsendelse, borgeren senere trak tilbage, tæller med."
)
PUBLISHED_COUNTS = (
    "Af indsendelserne modtaget i perioden: så mange er udgivet på voresishoj.dk "
    "(billeder i galleriet; en rettelse til et sted, når den er indarbejdet), opgjort "
    "den dag rapporten blev lavet."
)
REJECTED_COUNTS = "Af indsendelserne modtaget i perioden: så mange fik et nej med en begrundelse."
WAITING_COUNTS = (
    "Af indsendelserne modtaget i perioden: så mange havde endnu ikke fået svar, den dag "
    "rapporten blev lavet."
)
MEDIAN_COUNTS = (
    "Dage fra en borger sendte noget, til sekretariatet svarede (udgav eller afviste), "
    "for indsendelser modtaget i perioden og besvaret. Medianen: halvdelen fik svar "
    "hurtigere, halvdelen langsommere. Ubesvarede og tilbagetrukne tæller ikke med."
)
P90_COUNTS = (
    "Samme svartid, 90 %-fraktilen: 9 ud af 10 besvarede indsendelser fik svar inden for "
    "så mange dage (den besvarede indsendelse på plads 90 % oppe i rækken, regnet op)."
)
SIGNUPS_COUNTS = (
    "Tilmeldinger til opgaver på gruppernes opgavetavler i perioden, som er bekræftet "
    "(via linket i mailen eller af kontaktpersonen). En person, der tager to opgaver, "
    "tæller to gange; ubekræftede tilmeldinger tæller ikke."
)
MONTHS_COUNTS = "Indsendelser modtaget pr. kalendermåned, fordelt på type."


@dataclass(frozen=True)
class ParticipationFigure:
    label: str
    value: int | float | None
    """None when there is nothing to compute it from (no answered submission)."""
    counts: str
    unit: str = ""


@dataclass(frozen=True)
class ParticipationMonth:
    month: datetime.date
    label: str
    per_kind: dict[str, int]
    total: int
    incomplete: str
    """Why the month is not a whole month of the period; empty when it is."""


@dataclass(frozen=True)
class Participation:
    figures: list[ParticipationFigure]
    kinds: list[tuple[str, str]]
    months: list[ParticipationMonth]
    months_counts: str = MONTHS_COUNTS

    def figure(self, label: str) -> ParticipationFigure | None:
        return next((f for f in self.figures if f.label == label), None)


def nearest_rank(values: list[float], share: float) -> float | None:
    """The value at rank ceil(share × n) of the sorted values: always one of
    the values, so "9 of 10 waited at most this long" is literally true."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(1, math.ceil(share * len(ordered))) - 1]


def _days(delta: datetime.timedelta) -> float:
    return delta.total_seconds() / 86400


def _in_period(period: Period):
    """Contributions received in the period, by the local calendar day."""
    tz = timezone.get_current_timezone()
    start = datetime.datetime.combine(period.start, datetime.time.min, tzinfo=tz)
    end = datetime.datetime.combine(
        period.end + datetime.timedelta(days=1), datetime.time.min, tzinfo=tz
    )
    return Contribution.objects.filter(received_at__gte=start, received_at__lt=end)


def participation(period: Period, today: datetime.date) -> Participation:
    rows = list(_in_period(period).values_list("kind", "status", "received_at", "answered_at"))
    s = ContributionStatus
    waits = [_days(answered - received) for _, _, received, answered in rows if answered]
    median = round(statistics.median(waits), 1) if waits else None
    p90 = nearest_rank(waits, 0.9)
    signups = TaskSignup.objects.filter(
        created_at__date__gte=period.start,
        created_at__date__lte=period.end,
        confirmed_at__isnull=False,
    ).count()
    figures = [
        ParticipationFigure("Indsendelser modtaget", len(rows), RECEIVED_COUNTS),
        ParticipationFigure(
            "Heraf udgivet", sum(st == s.PUBLISHED for _, st, _, _ in rows), PUBLISHED_COUNTS
        ),
        ParticipationFigure(
            "Heraf afvist med begrundelse",
            sum(st == s.REJECTED for _, st, _, _ in rows),
            REJECTED_COUNTS,
        ),
        ParticipationFigure(
            "Heraf uden svar endnu",
            sum(st in (s.RECEIVED, s.IN_REVIEW) for _, st, _, _ in rows),
            WAITING_COUNTS,
        ),
        ParticipationFigure("Svartid, median", median, MEDIAN_COUNTS, "dage"),
        ParticipationFigure(
            "Svartid, 90 %-fraktil", round(p90, 1) if p90 is not None else None, P90_COUNTS, "dage"
        ),
        ParticipationFigure("Tilmeldinger til opgaver", signups, SIGNUPS_COUNTS),
    ]
    per_month: dict[datetime.date, dict[str, int]] = {}
    for kind, _, received, _ in rows:
        month = month_start(timezone.localdate(received))
        per_month.setdefault(month, {})[kind] = per_month.get(month, {}).get(kind, 0) + 1
    months = [
        ParticipationMonth(
            month,
            danish_month(month),
            {kind: per_month.get(month, {}).get(kind, 0) for kind in ContributionKind.values},
            sum(per_month.get(month, {}).values()),
            month_incomplete(month, period, today),
        )
        for month in period.months()
    ]
    return Participation(figures, list(ContributionKind.choices), months)
