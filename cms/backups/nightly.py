"""What the clock runs every night: back up, thin out old archives, drill, tell.

Each run is recorded (BackupRun) for /healthz and the dashboard. A failure mails
the secretariat once: not again for the same kind of run until one succeeds.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import send_mail
from django.utils import timezone
from wagtail.models import Site

from home.models import SiteSettings

from . import rotation
from .backup import take_backup
from .drill import run_drill
from .models import BackupKind, BackupRun

logger = logging.getLogger("voresishoej.backups")


@dataclass(frozen=True)
class NightlyResult:
    backup: BackupRun
    drill: BackupRun | None
    pruned: list[str]


def record_backup() -> BackupRun:
    started = timezone.now()
    try:
        result = take_backup()
    except Exception as exc:
        logger.exception("Backup failed")
        return _failed(BackupKind.BACKUP, started, f"{type(exc).__name__}: {exc}")
    return BackupRun.objects.create(
        kind=BackupKind.BACKUP,
        started_at=started,
        finished_at=timezone.now(),
        ok=True,
        archive=result.name,
        size_bytes=result.size,
        rows=result.rows,
        media_files=result.media_files,
        message=f"Gemt som {result.location}.",
    )


def record_drill(archive: str | None = None) -> BackupRun:
    started = timezone.now()
    try:
        result = run_drill(archive)
    except Exception as exc:
        logger.exception("Restore drill failed")
        return _failed(BackupKind.DRILL, started, f"{type(exc).__name__}: {exc}", archive or "")
    run = BackupRun.objects.create(
        kind=BackupKind.DRILL,
        started_at=started,
        finished_at=timezone.now(),
        ok=result.ok,
        archive=result.archive,
        rows=result.rows or None,
        media_files=result.media_files or None,
        message=result.message,
    )
    if not run.ok:
        alert_once(run)
    return run


def _failed(kind: str, started, message: str, archive: str = "") -> BackupRun:
    run = BackupRun.objects.create(
        kind=kind,
        started_at=started,
        finished_at=timezone.now(),
        ok=False,
        archive=archive,
        message=message[:2000],
    )
    alert_once(run)
    return run


def run_nightly() -> NightlyResult:
    backup = record_backup()
    pruned = rotation.prune() if backup.ok else []
    drill = record_drill(backup.archive) if backup.ok else None
    return NightlyResult(backup, drill, pruned)


def alert_address() -> str:
    if settings.OPERATIONS_ALERT_EMAIL:
        return settings.OPERATIONS_ALERT_EMAIL
    site = Site.objects.filter(is_default_site=True).first()
    return SiteSettings.for_site(site).contact_email if site else ""


def alert_once(run: BackupRun) -> bool:
    """Mail the secretariat about a failed run, unless a mail already went out
    for a failure of this kind since its last success."""
    last_good = BackupRun.objects.latest_good(run.kind)
    already = BackupRun.objects.filter(kind=run.kind, ok=False, alert_sent_at__isnull=False)
    if last_good is not None:
        already = already.filter(finished_at__gt=last_good.finished_at)
    if already.exclude(pk=run.pk).exists():
        return False
    address = alert_address()
    if not address:
        logger.warning("A %s failed and no alert address is set", run.kind)
        return False
    what = "sikkerhedskopien" if run.kind == BackupKind.BACKUP else "gendannelsesøvelsen"
    send_mail(
        subject=f"Vores Ishøj: {what} i nat mislykkedes",
        message=(
            f"Hej sekretariat\n\nI nat mislykkedes {what} af Vores Ishøj "
            f"({timezone.localtime(run.finished_at):%d.%m.%Y kl. %H.%M}).\n\n"
            f"Besked: {run.message}\n\n"
            "Sitet kører videre som før; men indtil det er rettet, er der ingen ny, afprøvet "
            "sikkerhedskopi. Send denne mail til driften (den, der passer portalens server). "
            "Status ses også på forsiden af administrationen og på /healthz.\n\n"
            "Denne besked sendes kun én gang, indtil det lykkes igen.\n\nVores Ishøj"
        ),
        from_email=None,
        recipient_list=[address],
    )
    BackupRun.objects.filter(pk=run.pk).update(alert_sent_at=timezone.now())
    return True
