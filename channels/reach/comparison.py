"""Growth only between comparable periods.

A percentage against a year of which one month has data says nothing, so a
change is shown only when the period before has the same length (as many
whole months, or as many days) and the counting covered all of it, and the
period itself is over.
"""

import datetime
from dataclasses import dataclass

from .models import SiteDay
from .periods import Period

NO_COMPARISON = "ingen sammenligning – for lidt data"


@dataclass(frozen=True)
class Comparison:
    previous: Period
    previous_value: int | None
    """None when the periods are not comparable: no figure from the period before."""

    def change(self, current: int | None) -> float | None:
        if current is None or not self.previous_value:
            return None
        return (current - self.previous_value) / self.previous_value

    def text(self, current: int | None) -> str:
        change = self.change(current)
        if change is None:
            return NO_COMPARISON
        sign = "+" if change >= 0 else "−"
        before = f"{self.previous_value:,}".replace(",", ".")
        return f"{sign}{abs(100 * change):.0f} % mod {self.previous.label} ({before})"


def counting_started() -> datetime.date | None:
    return SiteDay.objects.order_by("day").values_list("day", flat=True).first()


def counting_ended() -> datetime.date | None:
    return SiteDay.objects.order_by("-day").values_list("day", flat=True).first()


def counted_throughout(period: Period) -> bool:
    """The counting ran from before the period's first day to its last: a period
    the portal counted only part of is incomplete, whatever the calendar says."""
    first, last = counting_started(), counting_ended()
    return first is not None and first <= period.start and last >= period.end


def comparable(period: Period, today: datetime.date) -> bool:
    """The period is over and the counting covered both it and the period before it."""
    return (
        period.end < today and counted_throughout(period.previous()) and counted_throughout(period)
    )


def compare(period: Period, today: datetime.date, figure) -> Comparison:
    """`figure(period)` for the period before, when the two are comparable."""
    previous = period.previous()
    if not comparable(period, today):
        return Comparison(previous, None)
    return Comparison(previous, figure(previous))
