"""What the backup jobs did, for /healthz, the dashboard and the one alert mail.

Kept out of the archives themselves (cms/backups/database.py): a restored
database describes its content, not the backups of the machine it came from.
"""

from django.db import models


class BackupKind(models.TextChoices):
    BACKUP = "backup", "Sikkerhedskopi"
    DRILL = "drill", "Gendannelsesøvelse"


class BackupRunQuerySet(models.QuerySet):
    def succeeded(self):
        return self.filter(ok=True)

    def latest_of(self, kind: str):
        return self.filter(kind=kind).order_by("-finished_at", "-pk").first()

    def latest_good(self, kind: str):
        return self.succeeded().latest_of(kind)


class BackupRun(models.Model):
    """One backup or drill, finished (well or not)."""

    kind = models.CharField("Slags", max_length=10, choices=BackupKind.choices)
    started_at = models.DateTimeField("Startet")
    finished_at = models.DateTimeField("Færdig", db_index=True)
    ok = models.BooleanField("Lykkedes")
    archive = models.CharField("Arkiv", max_length=255, blank=True)
    size_bytes = models.BigIntegerField("Størrelse (byte)", null=True, blank=True)
    rows = models.BigIntegerField("Rækker", null=True, blank=True)
    media_files = models.IntegerField("Mediefiler", null=True, blank=True)
    message = models.TextField("Besked", blank=True)
    alert_sent_at = models.DateTimeField("Advarsel sendt", null=True, blank=True)

    objects = BackupRunQuerySet.as_manager()

    class Meta:
        verbose_name = "Kørsel af sikkerhedskopi"
        verbose_name_plural = "Kørsler af sikkerhedskopi"
        ordering = ["-finished_at"]

    def __str__(self):
        return f"{self.get_kind_display()} {self.finished_at:%Y-%m-%d %H:%M}"
