"""How the backups stand, for /healthz and the dashboard: ages, not the archives."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

from .models import BackupKind, BackupRun


@dataclass(frozen=True)
class KindStatus:
    kind: str
    last_good: BackupRun | None
    last: BackupRun | None

    @property
    def age(self) -> datetime.timedelta | None:
        return timezone.now() - self.last_good.finished_at if self.last_good else None

    @property
    def failing(self) -> bool:
        """The most recent run failed."""
        return self.last is not None and not self.last.ok

    def stale(self, since: datetime.datetime | None) -> bool:
        """No good run within BACKUP_MAX_AGE_HOURS, in a portal older than that."""
        limit = datetime.timedelta(hours=settings.BACKUP_MAX_AGE_HOURS)
        if self.last_good is not None:
            return self.age > limit
        return since is not None and timezone.now() - since > limit


def database_since() -> datetime.datetime | None:
    """When this database was first migrated: a new portal is not yet overdue."""
    return (
        MigrationRecorder.Migration.objects.order_by("applied")
        .values_list("applied", flat=True)
        .first()
    )


def kind_status(kind: str) -> KindStatus:
    return KindStatus(kind, BackupRun.objects.latest_good(kind), BackupRun.objects.latest_of(kind))


def health() -> dict:
    """The `backups` entry of /healthz: never a reason to take a machine out."""
    since = database_since()
    body = {"max_age_hours": settings.BACKUP_MAX_AGE_HOURS}
    ok = True
    for kind, key in ((BackupKind.BACKUP, "backup"), (BackupKind.DRILL, "drill")):
        status = kind_status(kind)
        age = status.age
        body[f"last_good_{key}_age_seconds"] = round(age.total_seconds()) if age else None
        body[f"last_{key}_failed"] = status.failing
        ok = ok and not status.failing and not status.stale(since)
    body["ok"] = ok
    return body


def problems() -> list[str]:
    """What the dashboard warns about, in Danish; empty when all is well."""
    since = database_since()
    found = []
    for kind, noun in ((BackupKind.BACKUP, "Sikkerhedskopien"), (BackupKind.DRILL, "Øvelsen")):
        status = kind_status(kind)
        if status.failing:
            when = timezone.localtime(status.last.finished_at)
            found.append(f"{noun} mislykkedes {when:%d.%m.%Y kl. %H.%M}: {status.last.message}")
        elif status.stale(since):
            if status.last_good is None:
                found.append(f"{noun} er aldrig lykkedes på denne server.")
            else:
                when = timezone.localtime(status.last_good.finished_at)
                found.append(f"{noun} lykkedes sidst {when:%d.%m.%Y kl. %H.%M}.")
    return found
