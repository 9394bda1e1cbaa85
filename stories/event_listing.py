"""What 'Det sker' shows, read from its address: a named period, a month, or a
date onwards, with the filters kept in every link, so any view can be shared.

The listing reaches as far as the Det sker feed does (`MAX_SPAN_DAYS` from
today), month by month, and back to the month of the first event as an archive
(at most ARCHIVE_YEARS): a past month shows what took place, read-only. A month
or date outside that reach, or not a date at all, gets a Danish explanation and
the default view, never a 500.
"""

from __future__ import annotations

from calendar import monthrange
from dataclasses import dataclass, field
from datetime import date, timedelta
from urllib.parse import urlencode

from django.http import QueryDict
from django.utils.dates import MONTHS
from django.utils.formats import date_format
from django.utils.translation import gettext

from home.languages import active_language, default_language
from home.text import MONTHS_DA
from stories.feeds.params import MAX_SPAN_DAYS
from stories.models.event_index import DEFAULT_PERIOD, PERIODS, period_range

FILTER_PARAMS = ("malgruppe", "kategori", "sted")
ARCHIVE_YEARS = 10


def month_label(month: date) -> str:
    """ "Marts 2026" in Danish; the reader's own month name in other languages
    (Django's catalogues name the months in every language it speaks)."""
    if active_language() == default_language():
        name = MONTHS_DA[month.month - 1]
    else:
        name = str(MONTHS[month.month])
    return f"{name[:1].upper()}{name[1:]} {month.year}"


def day_text(day: date) -> str:
    """ "14. marts 2027" in Danish; the reader's own month name in other languages."""
    if active_language() == default_language():
        return f"{day.day}. {MONTHS_DA[day.month - 1]} {day.year}"
    return date_format(day, "j. F Y")


def _month_start(day: date) -> date:
    return day.replace(day=1)


def _month_end(day: date) -> date:
    return day.replace(day=monthrange(day.year, day.month)[1])


def _next_month(month: date) -> date:
    return _month_end(month) + timedelta(days=1)


def _previous_month(month: date) -> date:
    return _month_start(month - timedelta(days=1))


@dataclass(frozen=True)
class Listing:
    """One view of Det sker: which days, how to name them, and where to go next."""

    first_day: date
    last_day: date
    today: date
    reach: date
    """The last day the listing (and the feed) reaches."""
    period: str = ""
    """The named period shown ("i-dag", "weekend", "30-dage"), or "" for a month or date."""
    month: date | None = None
    """The first of the month shown (a month view or a date view)."""
    day: date | None = None
    """The date jumped to (a date view)."""
    filters: dict = field(default_factory=dict)
    error: str = ""
    archive_from: date | None = None
    """The first month of the archive (the first event's), or None without one."""

    @property
    def is_archive(self) -> bool:
        """A past month: what took place, with nothing left to sign up for."""
        return self.month is not None and self.day is None and self.month < self.this_month

    @property
    def this_month(self) -> date:
        return _month_start(self.today)

    @property
    def view_params(self) -> dict:
        if self.day:
            return {"dato": self.day.isoformat()}
        if self.month:
            return {"maaned": f"{self.month:%Y-%m}"}
        return {"periode": self.period}

    def url(self, view: dict | None = None, filters: dict | None = None) -> str:
        """The query string of a view (default: this one) with the filters (default: these)."""
        params = {**(self.view_params if view is None else view)}
        params.update({k: v for k, v in (self.filters if filters is None else filters).items()})
        return "?" + urlencode({k: v for k, v in params.items() if v})

    def month_url(self, month: date) -> str:
        return self.url({"maaned": f"{month:%Y-%m}"})

    @property
    def period_links(self) -> list[tuple[str, str, str]]:
        """(key, label, address) of each named period, with the filters kept."""
        return [(key, label, self.url({"periode": key})) for key, label in PERIODS.items()]

    @property
    def unfiltered_url(self) -> str:
        return self.url(filters={})

    @property
    def shown_month(self) -> date:
        """The month the month navigation starts from: the one shown, or this one."""
        return self.month or _month_start(self.today)

    @property
    def previous_month(self) -> date | None:
        earliest = min(self.archive_from or self.this_month, self.this_month)
        if self.shown_month <= earliest:
            return None
        return _previous_month(self.shown_month)

    @property
    def next_month(self) -> date | None:
        following = _next_month(self.shown_month)
        return following if following <= self.reach else None

    @property
    def previous_month_url(self) -> str:
        return self.month_url(self.previous_month) if self.previous_month else ""

    @property
    def previous_month_label(self) -> str:
        return month_label(self.previous_month) if self.previous_month else ""

    @property
    def next_month_url(self) -> str:
        return self.month_url(self.next_month) if self.next_month else ""

    @property
    def next_month_label(self) -> str:
        return month_label(self.next_month) if self.next_month else ""

    @property
    def shown_month_url(self) -> str:
        return self.month_url(self.shown_month)

    @property
    def shown_month_label(self) -> str:
        return month_label(self.shown_month)

    @property
    def months(self) -> list[date]:
        """Every month the listing reaches, for the month menu."""
        found, month = [], _month_start(self.today)
        while month <= self.reach:
            found.append(month)
            month = _next_month(month)
        return found

    @property
    def archive_months(self) -> list[date]:
        """The past months of the archive, the latest first, for the month menu."""
        found, month = [], _previous_month(self.this_month)
        while self.archive_from and month >= self.archive_from:
            found.append(month)
            month = _previous_month(month)
        return found

    @property
    def heading(self) -> str:
        if self.day:
            return gettext("Fra %(day)s") % {"day": day_text(self.day)}
        if self.month:
            return month_label(self.month)
        return PERIODS[self.period]


def _parse_month(raw: str) -> date | None:
    try:
        year, month = raw.split("-")
        if len(year) != 4 or len(month) != 2:
            return None
        return date(int(year), int(month), 1)
    except ValueError:
        return None


def _parse_day(raw: str) -> date | None:
    try:
        return date.fromisoformat(raw) if len(raw) == 10 else None
    except ValueError:
        return None


def archive_start(first_event_day: date | None, today: date) -> date | None:
    """The archive's first month: the first event's, at most ARCHIVE_YEARS back."""
    if first_event_day is None or first_event_day >= _month_start(today):
        return None
    oldest = date(today.year - ARCHIVE_YEARS, today.month, 1)
    return max(_month_start(first_event_day), oldest)


def read_listing(
    params: QueryDict, today: date, filters: dict, archive_from: date | None = None
) -> Listing:
    """The view the address asks for; the default period with a Danish error if it
    asks for something the listing cannot show, in the reader's language."""
    reach = today + timedelta(days=MAX_SPAN_DAYS)
    base = {"today": today, "reach": reach, "filters": filters, "archive_from": archive_from}
    first_month = archive_from or _month_start(today)
    error = ""
    raw_day = params.get("dato", "").strip()
    raw_month = params.get("maaned", "").strip()
    if raw_day:
        day = _parse_day(raw_day)
        if day is None:
            error = gettext("Datoen skal skrives som ÅÅÅÅ-MM-DD, fx 2027-03-14.")
        elif not today <= day <= reach:
            error = gettext("Det sker viser datoer fra %(first)s til %(last)s.") % {
                "first": day_text(today),
                "last": day_text(reach),
            }
        else:
            last = min(_month_end(day), reach)
            return Listing(day, last, month=_month_start(day), day=day, **base)
    elif raw_month:
        month = _parse_month(raw_month)
        if month is None:
            error = gettext("Måneden skal skrives som ÅÅÅÅ-MM, fx 2027-03.")
        elif not first_month <= month <= reach:
            error = gettext("Det sker viser måneder fra %(first)s til %(last)s.") % {
                "first": month_label(first_month).lower(),
                "last": day_text(reach),
            }
        else:
            # A past month shows all of it; this month and later from today.
            first = month if month < _month_start(today) else max(month, today)
            last = min(_month_end(month), reach)
            return Listing(first, last, month=month, **base)
    period = params.get("periode", DEFAULT_PERIOD)
    if period not in PERIODS:
        period = DEFAULT_PERIOD
    first, last = period_range(period, today)
    return Listing(first, last, period=period, error=error, **base)
