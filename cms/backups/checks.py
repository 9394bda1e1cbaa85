"""`manage.py check` for the backup settings: mistakes that only show at night."""

import re
from pathlib import Path

from django.conf import settings
from django.core.checks import Error, register


@register()
def check_backup_settings(app_configs=None, **kwargs):
    errors = []
    if not re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", settings.BACKUP_TIME):
        errors.append(
            Error(
                f"BACKUP_TIME={settings.BACKUP_TIME!r} er ikke et klokkeslæt som '03:15'.",
                id="backups.E001",
            )
        )
    if not settings.BACKUP_S3_BUCKET:
        backups = Path(settings.BACKUP_DIR).resolve()
        for name in ("MEDIA_ROOT", "STATIC_ROOT"):
            public = Path(getattr(settings, name)).resolve()
            if backups == public or public in backups.parents:
                errors.append(
                    Error(
                        f"BACKUP_DIR ({backups}) ligger i {name}, som sitet viser offentligt: "
                        "sikkerhedskopier indeholder persondata og adgangskoder.",
                        hint="Sæt BACKUP_DIR til en mappe uden for de offentlige mapper.",
                        id="backups.E002",
                    )
                )
    for name in ("BACKUP_KEEP_DAILY", "BACKUP_KEEP_WEEKLY", "BACKUP_KEEP_MONTHLY"):
        if getattr(settings, name) < 0 or (
            name == "BACKUP_KEEP_DAILY" and settings.BACKUP_KEEP_DAILY < 1
        ):
            errors.append(Error(f"{name} skal være et positivt tal.", id="backups.E003"))
    return errors
