"""What the fediverse side keeps: keys, followers, blocked domains, activities, deliveries.

Keys live in the database (generated on first use), never in settings or the
repository. A delivery is one activity to one inbox: a shared inbox carries it
to every follower on that server, so the row records how many followers it
reached, which is what reach counts.
"""

from __future__ import annotations

import re
import uuid
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

DOMAIN = re.compile(r"(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9-]{1,63}")


class ActorKey(models.Model):
    """An actor's RSA key pair; the newest unretired one signs."""

    actor = models.CharField("Aktør", max_length=40, db_index=True)
    private_pem = models.TextField()
    public_pem = models.TextField()
    created_at = models.DateTimeField(default=timezone.now)
    retired_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = "nøgle"
        verbose_name_plural = "nøgler"


class SignatureScheme(models.TextChoices):
    CAVAGE = "cavage", "draft-cavage (rsa-sha256)"
    RFC9421 = "rfc9421", "RFC 9421"


class FollowerQuerySet(models.QuerySet):
    def of(self, actor: str) -> FollowerQuerySet:
        return self.filter(actor=actor)

    def failing_for(self, days: int) -> FollowerQuerySet:
        return self.filter(failing_since__lte=timezone.now() - timedelta(days=days))


class Follower(models.Model):
    """A remote account following one of our actors."""

    actor = models.CharField("Aktør", max_length=40)
    account_uri = models.URLField("Konto", max_length=500)
    inbox = models.URLField("Indbakke", max_length=500)
    shared_inbox = models.URLField("Fælles indbakke", max_length=500, blank=True)
    domain = models.CharField("Domæne", max_length=253, db_index=True)
    signature_scheme = models.CharField(
        max_length=10, choices=SignatureScheme.choices, default=SignatureScheme.CAVAGE
    )
    followed_at = models.DateTimeField("Følger siden", default=timezone.now)
    failing_since = models.DateTimeField(
        "Fejler siden",
        null=True,
        blank=True,
        help_text="Hvornår leveringer til indbakken begyndte at fejle; nulstilles ved succes.",
    )

    objects = FollowerQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["actor", "account_uri"], name="one_follow_per_account")
        ]
        verbose_name = "følger"
        verbose_name_plural = "følgere"

    def __str__(self) -> str:
        return self.account_uri

    @property
    def delivery_inbox(self) -> str:
        return self.shared_inbox or self.inbox


class BlockedDomain(models.Model):
    """A server the secretariat will not talk to: its requests are refused and its
    followers removed."""

    domain = models.CharField(
        "Domæne",
        max_length=253,
        unique=True,
        help_text="Fx mastodon.example. Underdomæner blokeres også.",
    )
    reason = models.CharField("Begrundelse", max_length=300, blank=True)
    blocked_at = models.DateTimeField("Blokeret", default=timezone.now)

    class Meta:
        verbose_name = "blokeret domæne"
        verbose_name_plural = "blokerede domæner"

    def __str__(self) -> str:
        return self.domain

    def clean(self) -> None:
        self.domain = self.domain.strip().lower().rstrip(".")
        if self.domain.startswith(("http://", "https://")):
            self.domain = self.domain.split("://", 1)[1].split("/", 1)[0]
        if not DOMAIN.fullmatch(self.domain):
            raise ValidationError(
                {"domain": "Skriv kun domænet, fx mastodon.example – uden @, sti eller mellemrum."}
            )

    def save(self, *args, **kwargs):
        self.domain = self.domain.strip().lower().rstrip(".")
        super().save(*args, **kwargs)
        Follower.objects.filter(
            models.Q(domain=self.domain) | models.Q(domain__endswith="." + self.domain)
        ).delete()

    @classmethod
    def is_blocked(cls, domain: str) -> bool:
        domain = domain.lower().rstrip(".")
        parts = domain.split(".")
        candidates = [".".join(parts[i:]) for i in range(len(parts))]
        return cls.objects.filter(domain__in=candidates).exists()


class ActivityQuerySet(models.QuerySet):
    def in_outbox(self, actor: str) -> ActivityQuerySet:
        """What the outbox shows: the actor's activities, newest first."""
        return self.filter(actor=actor).order_by("-published", "-pk")

    def for_object(self, object_id: str) -> ActivityQuerySet:
        return self.filter(object_id=object_id)


class Activity(models.Model):
    """One activity we sent (Create, Update, Delete): its id is what servers deduplicate."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    actor = models.CharField(max_length=40)
    kind = models.CharField(max_length=20)
    object_id = models.URLField(max_length=500, db_index=True)
    page_id = models.IntegerField(null=True, blank=True, db_index=True)
    payload = models.JSONField()
    published = models.DateTimeField(default=timezone.now)

    objects = ActivityQuerySet.as_manager()

    class Meta:
        verbose_name = "aktivitet"
        verbose_name_plural = "aktiviteter"


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", "Venter"
    SENDING = "sending", "Sendes"
    DELIVERED = "delivered", "Leveret"
    GONE = "gone", "Indbakken findes ikke længere"
    FAILED = "failed", "Opgivet"


class DeliveryQuerySet(models.QuerySet):
    def due(self, now=None) -> DeliveryQuerySet:
        """Pending and due, or sending with a lease that ran out (a worker died)."""
        now = now or timezone.now()
        return self.filter(
            models.Q(status=DeliveryStatus.PENDING, next_attempt_at__lte=now)
            | models.Q(status=DeliveryStatus.SENDING, lease_until__lt=now)
        )

    def delivered(self) -> DeliveryQuerySet:
        return self.filter(status=DeliveryStatus.DELIVERED)


class Delivery(models.Model):
    """One activity to one inbox, at most once delivered (unique per pair)."""

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="deliveries")
    inbox = models.URLField(max_length=500)
    followers = models.PositiveIntegerField(
        "Følgere nået", default=0, help_text="Følgere bag indbakken, da aktiviteten blev sendt."
    )
    signature_scheme = models.CharField(
        max_length=10, choices=SignatureScheme.choices, default=SignatureScheme.CAVAGE
    )
    status = models.CharField(
        max_length=10, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    lease_until = models.DateTimeField(null=True, blank=True)
    delivered_at = models.DateTimeField(null=True, blank=True)
    last_error = models.CharField(max_length=300, blank=True)

    objects = DeliveryQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["activity", "inbox"], name="one_delivery_per_inbox")
        ]
        indexes = [models.Index(fields=["status", "next_attempt_at"])]
        verbose_name = "levering"
        verbose_name_plural = "leveringer"
