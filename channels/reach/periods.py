"""Report periods: parsing them from a request and naming them in Danish."""

import datetime
from dataclasses import dataclass

from home.text import MONTHS_DA


class PeriodError(ValueError):
    """A malformed period parameter, with the parameter and a Danish reason."""

    def __init__(self, parameter: str, reason: str):
        super().__init__(f"{parameter}: {reason}")
        self.parameter = parameter
        self.reason = reason


def month_start(day: datetime.date) -> datetime.date:
    return day.replace(day=1)


def next_month(day: datetime.date) -> datetime.date:
    return (day.replace(day=1) + datetime.timedelta(days=32)).replace(day=1)


def month_end(day: datetime.date) -> datetime.date:
    return next_month(day) - datetime.timedelta(days=1)


def add_months(day: datetime.date, months: int) -> datetime.date:
    index = day.year * 12 + day.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)


def danish_date(day: datetime.date) -> str:
    return f"{day.day}. {MONTHS_DA[day.month - 1]} {day.year}"


def short_date(day: datetime.date) -> str:
    """'1.10.2015': the short form a goal's period is written in."""
    return f"{day.day}.{day.month}.{day.year}"


def danish_month(day: datetime.date) -> str:
    return f"{MONTHS_DA[day.month - 1]} {day.year}"


@dataclass(frozen=True)
class Period:
    start: datetime.date
    end: datetime.date
    """Inclusive."""

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def label(self) -> str:
        return f"{danish_date(self.start)} – {danish_date(self.end)}"

    @property
    def short_label(self) -> str:
        return f"{short_date(self.start)}–{short_date(self.end)}"

    def contains(self, day: datetime.date) -> bool:
        return self.start <= day <= self.end

    def is_over(self, today: datetime.date) -> bool:
        return self.end < today

    def months(self) -> list[datetime.date]:
        months, month = [], month_start(self.start)
        while month <= self.end:
            months.append(month)
            month = next_month(month)
        return months

    @property
    def whole_months(self) -> bool:
        return self.start.day == 1 and self.end == month_end(self.end)

    def previous(self) -> "Period":
        """The period of the same length just before, for growth: as many whole
        months when the period is whole months, otherwise as many days."""
        end = self.start - datetime.timedelta(days=1)
        if self.whole_months:
            return Period(add_months(self.start, -len(self.months())), end)
        return Period(end - datetime.timedelta(days=self.days - 1), end)


def last_twelve_months(today: datetime.date) -> Period:
    """The default report period: this month and the eleven before it, so every
    month in it is a whole calendar month (or the running one)."""
    return Period(add_months(month_start(today), -11), today)


def year_from(start: datetime.date) -> Period:
    """Twelve months from `start`: 1.10.2015 gives 1.10.2015–30.9.2016."""
    try:
        following = start.replace(year=start.year + 1)
    except ValueError:  # from 29 February: the year ends on 28 February
        following = datetime.date(start.year + 1, 3, 1)
    return Period(start, following - datetime.timedelta(days=1))


def evaluation_year(day: datetime.date, start_month: int) -> Period:
    """The evaluation year (twelve whole months from the 1st of `start_month`) holding `day`."""
    year = day.year if day.month >= start_month else day.year - 1
    return year_from(datetime.date(year, start_month, 1))


def last_complete_evaluation_year(today: datetime.date, start_month: int) -> Period:
    """The latest evaluation year that is over: the one before the running one."""
    running = evaluation_year(today, start_month)
    return evaluation_year(running.start - datetime.timedelta(days=1), start_month)


def _parse(parameter: str, value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value.strip())
    except ValueError:
        raise PeriodError(
            parameter, f"'{value}' er ikke en gyldig dato. Skriv den som ÅÅÅÅ-MM-DD, fx 2025-01-31."
        ) from None


def parse_period(params, today: datetime.date, default: Period | None = None) -> Period:
    """`from` and `to` (or the Danish `fra`/`til`) from a query string."""
    default = default or last_twelve_months(today)
    raw_from = params.get("from", params.get("fra", "")) or ""
    raw_to = params.get("to", params.get("til", "")) or ""
    start = _parse("from", raw_from) if raw_from.strip() else default.start
    if raw_to.strip():
        end = _parse("to", raw_to)
    else:
        end = today if raw_from.strip() else default.end
    if end < start:
        raise PeriodError("to", "Slutdatoen ligger før startdatoen.")
    if (end - start).days > 366 * 10:
        raise PeriodError("from", "Perioden må højst være ti år.")
    return Period(start, end)
