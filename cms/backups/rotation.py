"""Which archives to keep: the newest of each of the last N days, weeks and months."""

from __future__ import annotations

from django.conf import settings
from django.utils import timezone

from . import storage


def to_keep(names: list[str], daily: int, weekly: int, monthly: int) -> set[str]:
    """Grandfather-father-son on the archives' own timestamps (local dates):
    the newest archive of each of the `daily` most recent days that have one,
    likewise per ISO week and per month. The newest archive is always kept."""
    dated = sorted(((storage.taken_at(n), n) for n in names if storage.taken_at(n)), reverse=True)
    keep: set[str] = {dated[0][1]} if dated else set()
    for count, period in (
        (daily, lambda d: d.isoformat()),
        (weekly, lambda d: d.isocalendar()[:2]),
        (monthly, lambda d: (d.year, d.month)),
    ):
        seen = []
        for at, name in dated:
            key = period(timezone.localtime(at).date())
            if key in seen:
                continue
            if len(seen) >= count:
                break
            seen.append(key)
            keep.add(name)
    return keep


def prune(backups=None) -> list[str]:
    """Delete the archives the rotation no longer keeps; their names."""
    backups = backups or storage.backup_storage()
    names = storage.list_archives(backups)
    keep = to_keep(
        names, settings.BACKUP_KEEP_DAILY, settings.BACKUP_KEEP_WEEKLY, settings.BACKUP_KEEP_MONTHLY
    )
    deleted = [name for name in names if name not in keep]
    for name in deleted:
        backups.delete(name)
    return deleted
