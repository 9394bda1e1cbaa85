"""Reading the feed's query string, with a Danish reason for every refusal.

Municipal web teams integrate against these feeds; a clear 400 that names the
parameter saves them a support mail.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.http import QueryDict
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from home.text import whole_number
from stories.feeds.languages import ALL, PARAMETERS, default_language, known_languages
from stories.models.event_taxonomy import Audience
from stories.recurrence import TZ

DEFAULT_SPAN_DAYS = 90
MAX_SPAN_DAYS = 366
DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 200
_SLUG_MAX = 100
# The calendar's sane range: far enough for any archive or plan, and far from
# date.min/date.max, where adding the default span or a weekday overflows.
EARLIEST = date(1900, 1, 1)
LATEST = date(2199, 12, 31)


class ParameterError(ValueError):
    """A query parameter the feed cannot honour; becomes an HTTP 400."""

    def __init__(self, parameter: str, message: str):
        super().__init__(message)
        self.parameter = parameter
        self.message = message


@dataclass(frozen=True)
class FeedQuery:
    first_day: date
    last_day: date
    category: str = ""
    audience: str = ""
    place: str = ""
    updated_since: datetime | None = None
    page: int = 1
    page_size: int = DEFAULT_PAGE_SIZE
    language: str = ALL
    """A language code, or "alle" for every language (stories.feeds.languages)."""


def _date(params: QueryDict, name: str) -> date | None:
    raw = params.get(name, "").strip()
    if not raw:
        return None
    try:
        if len(raw) != 10:
            raise ValueError(raw)
        day = date.fromisoformat(raw)
    except ValueError:
        raise ParameterError(
            name, f"'{name}' skal være en dato på formen ÅÅÅÅ-MM-DD, fx 2026-11-24."
        ) from None
    if not EARLIEST <= day <= LATEST:
        raise ParameterError(
            name,
            f"'{name}' skal ligge mellem {EARLIEST.isoformat()} og {LATEST.isoformat()}.",
        )
    return day


def _positive_int(params: QueryDict, name: str, default: int, maximum: int | None = None) -> int:
    raw = params.get(name, "").strip()
    if not raw:
        return default
    value = whole_number(raw)
    if value is None or value < 1:
        raise ParameterError(name, f"'{name}' skal være et helt tal større end 0.")
    if maximum is not None and value > maximum:
        raise ParameterError(name, f"'{name}' må højst være {maximum}.")
    return value


def _slug(params: QueryDict, name: str) -> str:
    raw = params.get(name, "").strip()
    if len(raw) > _SLUG_MAX or (raw and not all(c.isalnum() or c in "-_" for c in raw)):
        raise ParameterError(
            name, f"'{name}' skal være et kort navn med bogstaver, tal og bindestreger."
        )
    return raw


def feed_language(params: QueryDict) -> str:
    """The language code asked for, ALL, or the site's default; a ParameterError
    naming the portal's languages when it has no pages in the one asked for."""
    name = next((p for p in PARAMETERS if params.get(p, "").strip()), None)
    if name is None:
        return default_language()
    raw = params[name].strip()
    if raw == ALL:
        return ALL
    known = known_languages()
    if raw not in known:
        raise ParameterError(
            name,
            f"Ukendt sprog i '{name}'. Brug en af sprogkoderne {', '.join(known)} "
            f"eller '{ALL}' for alle sprog.",
        )
    return raw


def parse_feed_query(params: QueryDict, today: date | None = None) -> FeedQuery:
    """Validate every parameter; raises ParameterError on the first bad one."""
    today = today or timezone.localdate()
    first_day = _date(params, "from") or today
    last_day = _date(params, "to") or first_day + timedelta(days=DEFAULT_SPAN_DAYS)
    if last_day < first_day:
        raise ParameterError("to", "'to' må ikke ligge før 'from'.")
    if (last_day - first_day).days > MAX_SPAN_DAYS:
        raise ParameterError(
            "to", f"Perioden fra 'from' til 'to' må højst være {MAX_SPAN_DAYS} dage."
        )

    audience = params.get("audience", "").strip()
    if audience and audience not in Audience.values:
        allowed = ", ".join(Audience.values)
        raise ParameterError("audience", f"'audience' skal være en af: {allowed}.")

    updated_since = None
    raw_since = params.get("updated_since", "").strip()
    if raw_since:
        try:
            updated_since = parse_datetime(raw_since.replace(" ", "+"))
        except ValueError:
            updated_since = None
        if updated_since is None:
            raise ParameterError(
                "updated_since",
                "'updated_since' skal være et tidspunkt i ISO 8601, fx 2026-11-01T08:00:00+01:00.",
            )
        if timezone.is_naive(updated_since):
            updated_since = updated_since.replace(tzinfo=TZ)

    return FeedQuery(
        first_day=first_day,
        last_day=last_day,
        category=_slug(params, "category"),
        audience=audience,
        place=_slug(params, "place"),
        updated_since=updated_since,
        page=_positive_int(params, "page", 1),
        page_size=_positive_int(params, "page_size", DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE),
        language=feed_language(params),
    )
