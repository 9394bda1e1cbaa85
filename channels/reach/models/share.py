"""Read-only links that let the council open one report without an account."""

import datetime
import hashlib
import hmac
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


class ShareLinkState(models.TextChoices):
    VALID = "valid", "Gyldigt"
    EXPIRED = "expired", "Udløbet"
    REVOKED = "revoked", "Tilbagekaldt"


class ReportShareLink(models.Model):
    """One council report with its period fixed, readable by whoever holds the link.

    Only a digest of the secret part is stored: the database alone does not
    open a report. The public `key` finds the row, the secret is then compared
    in constant time.
    """

    key = models.CharField(max_length=16, unique=True, editable=False)
    secret_digest = models.CharField(max_length=64, editable=False)
    label = models.CharField(
        "Til", max_length=120, help_text="Fx 'Byrådets møde 24. juni'. Vises kun i adminområdet."
    )
    period_start = models.DateField("Periode fra")
    period_end = models.DateField("Periode til")
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    expires_at = models.DateTimeField("Udløber")
    revoked_at = models.DateTimeField("Tilbagekaldt", null=True, blank=True)

    class Meta:
        verbose_name = "Delt rapportlink"
        verbose_name_plural = "Delte rapportlinks"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.label

    @classmethod
    def create(cls, *, label, period, days: int, user=None) -> tuple["ReportShareLink", str]:
        """The link and its token; the token is shown once and never stored."""
        key, secret = secrets.token_urlsafe(9), secrets.token_urlsafe(32)
        link = cls.objects.create(
            key=key,
            secret_digest=_digest(secret),
            label=label,
            period_start=period.start,
            period_end=period.end,
            created_by=user if user and user.is_authenticated else None,
            expires_at=timezone.now() + datetime.timedelta(days=days),
        )
        return link, f"{key}.{secret}"

    @classmethod
    def find(cls, token: str) -> "ReportShareLink | None":
        key, _, secret = token.partition(".")
        link = cls.objects.filter(key=key).first() if key and secret else None
        # Compare even without a row, so a wrong key and a wrong secret take alike.
        expected = link.secret_digest if link else _digest("")
        if not hmac.compare_digest(expected, _digest(secret)) or link is None:
            return None
        return link

    def state(self, now=None) -> str:
        now = now or timezone.now()
        if self.revoked_at is not None:
            return ShareLinkState.REVOKED
        if now >= self.expires_at:
            return ShareLinkState.EXPIRED
        return ShareLinkState.VALID

    def get_state_display(self) -> str:
        return ShareLinkState(self.state()).label


class ReportShareUse(models.Model):
    """Every time a shared link is opened, whether it still worked or not.

    Nothing about the reader is stored (no address, no browser): the log says
    when and what, which is what the secretariat must be able to account for.
    """

    class What(models.TextChoices):
        HTML = "html", "Rapporten"
        PDF = "pdf", "PDF"

    link = models.ForeignKey(ReportShareLink, on_delete=models.CASCADE, related_name="uses")
    at = models.DateTimeField(auto_now_add=True, db_index=True)
    what = models.CharField("Åbnet", max_length=4, choices=What.choices)
    state = models.CharField("Linkets tilstand", max_length=8, choices=ShareLinkState.choices)

    class Meta:
        verbose_name = "Brug af delt rapportlink"
        verbose_name_plural = "Brug af delte rapportlinks"
        ordering = ["-at"]
