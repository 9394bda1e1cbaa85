"""How long personal data is kept: one reading of PERSONAL_DATA_RETENTION.

The retention jobs (stories.community.personal_data, channels.reach.aggregation)
take their cut-offs from here, and the /privatliv page its periods, so the page
cannot promise other than what the code does. Each run is logged with counts,
never with the data.
"""

from __future__ import annotations

import datetime
import logging

from django.conf import settings
from django.utils import timezone
from django.utils.translation import ngettext

logger = logging.getLogger("voresishoej.retention")

KINDS = ("beacon_hits", "task_signups", "volunteers", "closed_submissions", "submissions")


def days(kind: str) -> int:
    return settings.PERSONAL_DATA_RETENTION[kind]


def cutoff(kind: str, now: datetime.datetime | None = None) -> datetime.datetime:
    """Data whose moment (sent, decided, ...) is before this is due for erasure."""
    return (now or timezone.now()) - datetime.timedelta(days=days(kind))


def cutoff_date(kind: str, today: datetime.date | None = None) -> datetime.date:
    """The same for data dated by a day (a task's day, a beacon's day)."""
    return (today or timezone.localdate()) - datetime.timedelta(days=days(kind))


def period_text(number_of_days: int) -> str:
    """Plain Danish for a period: "1 dag", "30 dage", "1 år", "2 år"."""
    if number_of_days >= 365 and number_of_days % 365 == 0:
        years = number_of_days // 365
        return ngettext("%(n)d år", "%(n)d år", years) % {"n": years}
    return ngettext("%(n)d dag", "%(n)d dage", number_of_days) % {"n": number_of_days}


def backup_horizon_days() -> int:
    """How old the oldest kept backup can get under BACKUP_KEEP_* (cms/backups)."""
    return max(
        settings.BACKUP_KEEP_DAILY,
        7 * settings.BACKUP_KEEP_WEEKLY,
        31 * settings.BACKUP_KEEP_MONTHLY,
    )


def backup_horizon_text() -> str:
    """The same, as residents read it: "12 måneder", "4 uger", "7 dage"."""
    if settings.BACKUP_KEEP_MONTHLY:
        months = settings.BACKUP_KEEP_MONTHLY
        return ngettext("%(n)d måned", "%(n)d måneder", months) % {"n": months}
    if settings.BACKUP_KEEP_WEEKLY:
        weeks = settings.BACKUP_KEEP_WEEKLY
        return ngettext("%(n)d uge", "%(n)d uger", weeks) % {"n": weeks}
    return period_text(settings.BACKUP_KEEP_DAILY)


def rate_limit_minutes() -> int:
    """The longest a public form's per-address counter lives (home/spam.py)."""
    windows = (
        settings.COMMUNITY_FORM_RATE_WINDOW,
        settings.EVENT_SUBMISSION_RATE_WINDOW,
        settings.PLACE_FORM_RATE_WINDOW,
    )
    return max(1, max(windows) // 60)


def log_run(what: str, counts: dict[str, int]) -> None:
    """One line per erasure run: what rule, how many; never names or addresses."""
    summary = ", ".join(f"{name}={count}" for name, count in counts.items()) or "ingenting"
    logger.info("Sletning efter opbevaringsregler (%s): %s", what, summary)
